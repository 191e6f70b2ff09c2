from django.urls import path

from tergeu.web import views

urlpatterns = [
    path("", views.home, name="tg-home"),
    path("history/", views.history, name="tg-history"),
]
