from django.urls import path

from tergeu.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard_page, name="dashboard"),
]
