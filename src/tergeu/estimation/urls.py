from django.urls import path

from tergeu.estimation import views

app_name = "estimation"

urlpatterns = [
    path("estimates/", views.estimates_page, name="index"),
    path("estimates/run/", views.run_estimate_now, name="run"),
]
