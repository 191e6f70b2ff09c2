from django.urls import path

from tergeu.history import views

urlpatterns = [
    path("history/", views.history, name="tg-history"),
]
