from django.urls import path

from tergeu.registry import import_views, list_views, views

urlpatterns = [
    path("registry/", views.registry, name="tg-registry"),
    path("records/<int:record_id>/", views.record_page, name="tg-record"),
    path("records/<int:record_id>/assess/", views.assess_fact, name="tg-assess"),
    path("lists/", list_views.lists_page, name="tg-lists"),
    path("lists/<int:list_id>/", list_views.list_page, name="tg-list"),
    path("lists/<int:list_id>/share/", list_views.share_list, name="tg-share-list"),
    path("import/", import_views.import_page, name="tg-import"),
]
