from django.urls import path

from tergeu.estimation import views

urlpatterns = [
    path("estimates/", views.estimates_page, name="tg-estimates"),
    path("estimates/run/", views.run_estimate_now, name="tg-run-estimate"),
]
