from django.urls import path

from tergeu.history import views

app_name = "history"

urlpatterns = [
    path("history/", views.history, name="index"),
]
