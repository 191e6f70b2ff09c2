from django.urls import path

from tergeu.witnesses import views

app_name = "witnesses"

urlpatterns = [
    path("witnesses/", views.dashboard, name="index"),
    path("witnesses/add/", views.add, name="add"),
    path("witnesses/<public_id:person_id>/", views.person_page, name="person"),
    path("witnesses/<public_id:person_id>/statements/", views.add_statement, name="statement"),
    path("witnesses/<public_id:person_id>/pressure/", views.add_pressure, name="pressure"),
    path("witnesses/<public_id:person_id>/reveal/", views.reveal, name="reveal"),
    path("witnesses/<public_id:person_id>/requests/<public_id:request_id>/approve/", views.approve, name="approve"),
]
