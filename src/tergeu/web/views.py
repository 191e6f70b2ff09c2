"""The home page: what the registry holds, list by list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from tergeu.registry.access import visible_lists
from tergeu.registry.models import Record
from tergeu.registry.places import place_counts


@login_required
def home(request: HttpRequest) -> HttpResponse:
    lists = visible_lists(request.user).order_by("imported_at")
    context = {
        "lists": lists,
        "record_total": sum(item.row_count for item in lists),
        # merged by the gazetteer: "Алматы", "г. Алматы" and "Almaty" are one place
        "places": place_counts(Record.objects.filter(imported_list__in=lists), get_language(), limit=10),
    }
    return render(request, "web/home.html", context)
