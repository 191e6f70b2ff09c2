from django.urls import path

from tergeu.linkage import left_alone_views, link_views, people_views, review_views, withhold_views
from tergeu.toolkit import public_ids  # noqa: F401  (registers the <public_id:...> converter)

app_name = "linkage"

urlpatterns = [
    path("people/", people_views.people_index, name="people"),
    path("people/download/", people_views.people_download, name="people-export"),
    path("people/<public_id:person_id>/", people_views.person_page, name="person"),
    path("people/<public_id:person_id>/withhold/", withhold_views.withhold_name, name="withhold"),
    path("review/", review_views.review_page, name="review"),
    path("review/decide/", review_views.decide_pair, name="decide"),
    path("review/undo/", review_views.undo_decision, name="undo"),
    path("review/left-alone/", left_alone_views.left_alone_page, name="left-alone"),
    path("review/left-alone/answer/", left_alone_views.answer, name="left-alone-answer"),
    path("link/", link_views.link_now, name="link"),
]
