"""Who may do what, and see which objects: the one vocabulary every app's ``access.py`` speaks.

Two dimensions. A **role** grants capabilities (``roles.CAPABILITIES``): what kind of work someone does.
A **grant** (``Grant``) shares one object with one named person until a date. ``can(user, action, obj)``
asks both: the capability, and, for an object, whether the user may see it at all.

Which objects of a model a user may see is defined once, in the owning app's ``access.py``, and
registered here (``register_visibility``, from the app's ``AppConfig.ready``). Pages, API, exports,
search, the change history and the admin all ask ``visible_to(user, Model)``. A model nobody
registered is visible to nobody: forgetting to define visibility hides, it never leaks.

Denials answer 404, never 403: a record someone may not see must be indistinguishable from one that
does not exist. Anonymous visitors are sent to sign in (pages) or get 401 (API).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from tergeu.accounts.models import Grant
from tergeu.accounts.roles import MANAGE_GRANTS, role_allows

Visibility = Callable[[Any], QuerySet]
_VISIBILITY: dict[type[models.Model], Visibility] = {}
_DERIVED: set[type[models.Model]] = set()


def visible_grants(user: Any) -> QuerySet[Grant]:
    """Who holds which grant: for those who manage grants, and each user's own."""
    if role_allows(user, MANAGE_GRANTS):
        return Grant.objects.all()
    if user is None or not getattr(user, "is_authenticated", False):
        return Grant.objects.none()
    return Grant.objects.filter(user=user)


def register_visibility(model: type[models.Model], visible: Visibility, *, about_others: bool = False) -> None:
    """Declare ``visible(user)`` as the objects of ``model`` that ``user`` may see (once per model).

    ``about_others``: the model's rows are about rows of other models (claims, history entries, grants)
    and are seen through them; such models are never themselves the subject a claim is about.
    """
    _VISIBILITY[model] = visible
    if about_others:
        _DERIVED.add(model)


def visible_to(user: Any, model: type[models.Model]) -> QuerySet:
    """The objects of ``model`` ``user`` may see; none when no app declared the model's visibility."""
    visible = _VISIBILITY.get(model)
    return visible(user) if visible is not None else model._default_manager.none()


def visible_models(subjects_only: bool = False) -> tuple[type[models.Model], ...]:
    """The models whose visibility an app declared; ``subjects_only``: not those about others."""
    return tuple(m for m in _VISIBILITY if not (subjects_only and m in _DERIVED))


def granted(user: Any, model: type[models.Model], level: str = Grant.Level.VIEW) -> QuerySet:
    """The ids of the objects of ``model`` shared with ``user`` at ``level`` or above, unexpired."""
    return Grant.live(user, model, level).values("scope_id")


def can(user: Any, action: str, obj: models.Model | None = None) -> bool:
    """Whether ``user`` may do ``action`` (a capability), on ``obj`` when given.

    On an object, the role must allow the action and the user must be able to see the object: the
    expert mission may view the registry, but only the lists shared with it or granted to its members.
    """
    if not role_allows(user, action):
        return False
    return obj is None or visible_to(user, type(obj)).filter(pk=obj.pk).exists()


def requires(capability: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: sign-in first, then the capability, else 404."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability):
                raise Http404("not found")
            return view(request, *args, **kwargs)

        wrapper.tergeu_capability = capability  # read by the permission test
        return wrapper

    return decorator


def caller(request: HttpRequest) -> Any:
    """The user the request authenticated as (token or session)."""
    return request.auth


def require(request: HttpRequest, capability: str) -> Any:
    """The caller, if one of their roles grants ``capability``; else 404, so no endpoint reveals itself."""
    user = caller(request)
    if not can(user, capability):
        raise Http404("not found")
    return user
