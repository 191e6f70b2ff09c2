from django.urls import path

from tergeu.cases import add_views, status_views, views
from tergeu.toolkit import public_ids  # noqa: F401  (registers the <public_id:...> converter)

app_name = "cases"

urlpatterns = [
    path("status/", status_views.enter, name="status"),
    path("status/case/", status_views.view, name="status_view"),
    path("status/message/", status_views.message, name="status_message"),
    path("status/leave/", status_views.leave, name="status_leave"),
    path("cases/", views.cases_page, name="cases"),
    path("cases/funnel/", views.funnel_page, name="funnel"),
    path("cases/add/", add_views.add_case, name="add_case"),
    path("cases/complaints/", views.complaints_page, name="complaints"),
    path("cases/complaints/add/", add_views.add_complaint, name="add_complaint"),
    path("cases/complaints/<public_id:public_id>/", views.complaint_page, name="complaint"),
    path("cases/complaints/<public_id:public_id>/code/", views.complaint_code, name="complaint_code"),
    path("cases/<public_id:public_id>/", views.case_page, name="case"),
    path("cases/<public_id:public_id>/step/", views.add_step, name="step"),
]
