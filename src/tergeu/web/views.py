"""The home page: what the registry holds, list by list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tergeu.registry.access import visible_lists
from tergeu.registry.models import Record


@login_required
def home(request: HttpRequest) -> HttpResponse:
    lists = visible_lists(request.user).order_by("imported_at")
    context = {
        "lists": lists,
        "record_total": sum(item.row_count for item in lists),
        "places": (Record.objects.filter(imported_list__in=lists).exclude(place="").values("place")
                   .annotate(n=Count("id")).order_by("-n")[:10]),
    }
    return render(request, "web/home.html", context)
