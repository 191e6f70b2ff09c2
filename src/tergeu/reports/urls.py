from django.urls import path

from tergeu.reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.reports_page, name="index"),
    path("reports/casualties/", views.casualties_download, name="casualties"),
    path("reports/jobs/<public_id:job_id>/", views.job_page, name="job"),
    path("reports/jobs/<public_id:job_id>/file/", views.job_download, name="job-file"),
    path("reports/letter/<public_id:complaint_id>/", views.letter_download, name="letter"),
]
