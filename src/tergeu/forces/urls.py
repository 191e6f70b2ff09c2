from django.urls import path

from tergeu.forces import views
from tergeu.toolkit import public_ids  # noqa: F401  (registers the <public_id:...> converter)

app_name = "forces"

urlpatterns = [
    path("forces/units/", views.units_page, name="units"),
    path("forces/units/<public_id:public_id>/", views.unit_page, name="unit"),
    path("forces/review/", views.review_page, name="review"),
    path("forces/review/<str:kind>/<int:row_id>/", views.decide, name="decide"),
]
