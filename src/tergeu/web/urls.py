from django.urls import path

from tergeu.web import views

urlpatterns = [
    path("", views.home, name="tg-home"),
]
