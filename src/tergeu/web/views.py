"""The home page: what the registry holds, list by list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tergeu.provenance.models import ImportedList, Record


@login_required
def home(request: HttpRequest) -> HttpResponse:
    lists = ImportedList.objects.select_related("source").order_by("imported_at")
    context = {
        "lists": lists,
        "record_total": sum(item.row_count for item in lists),
        "places": Record.objects.exclude(place="").values("place").annotate(n=Count("id")).order_by("-n")[:10],
    }
    return render(request, "web/home.html", context)
