from django.urls import path

from tergeu.registry import import_views, list_views, place_views, views
from tergeu.toolkit import public_ids  # noqa: F401  (registers the <public_id:...> converter)

app_name = "registry"

urlpatterns = [
    path("registry/", views.registry, name="index"),
    path("records/<public_id:record_id>/", views.record_page, name="record"),
    path("records/<public_id:record_id>/assess/", views.assess_fact, name="assess"),
    path("records/<public_id:record_id>/cite/", views.cite_fact_view, name="cite"),
    path("lists/", list_views.lists_page, name="lists"),
    path("lists/<public_id:list_id>/", list_views.list_page, name="list"),
    path("lists/<public_id:list_id>/share/", list_views.share_list, name="share-list"),
    path("import/", import_views.import_page, name="import"),
    path("registry/places/", place_views.places_page, name="places"),
]
