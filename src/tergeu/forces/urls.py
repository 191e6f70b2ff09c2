from django.urls import path

from tergeu.forces import record_views, views
from tergeu.toolkit import public_ids  # noqa: F401  (registers the <public_id:...> converter)

app_name = "forces"

urlpatterns = [
    path("forces/units/", views.units_page, name="units"),
    path("forces/units/<public_id:public_id>/", views.unit_page, name="unit"),
    path("forces/units/<public_id:public_id>/findings.pdf", record_views.unit_findings, name="unit-findings"),
    path("forces/incidents/<public_id:public_id>/", record_views.incident_page, name="incident"),
    path("forces/persons/<public_id:public_id>/", record_views.official_page, name="official"),
    path("forces/persons/<public_id:public_id>/findings.pdf", record_views.official_findings,
         name="official-findings"),
    path("forces/review/", views.review_page, name="review"),
    path("forces/review/<str:kind>/<int:row_id>/", views.decide, name="decide"),
]
