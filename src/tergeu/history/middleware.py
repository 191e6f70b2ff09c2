"""Who is acting: the signed-in user of a request becomes the author of every change it causes."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from tergeu.history.tracking import acting_as


class CurrentActorMiddleware:
    """Make the signed-in user the author of every change a request causes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            with acting_as(user.get_username(), user):
                return self.get_response(request)
        return self.get_response(request)
