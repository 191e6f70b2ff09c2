from django.urls import path

from tergeu.reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.reports_page, name="index"),
    path("reports/casualties/", views.casualties_download, name="casualties"),
]
