"""Pages of imported lists: what was imported, from where, how it was read, and what went wrong."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tergeu.accounts.access import can, requires
from tergeu.accounts.roles import SHARE_WITH_MISSION, VIEW_REGISTRY
from tergeu.registry.access import visible_lists


@requires(VIEW_REGISTRY)
def lists_page(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/lists.html", {"lists": visible_lists(request.user).order_by("imported_at")})


@requires(VIEW_REGISTRY)
def list_page(request: HttpRequest, list_id: str) -> HttpResponse:
    imported = get_object_or_404(visible_lists(request.user), public_id=list_id)
    report = imported.report
    context = {
        "item": imported, "report": report, "headers": report.get("headers", []),
        "columns": imported.column_map.get("columns", {}),
        "can_share": can(request.user, SHARE_WITH_MISSION),
    }
    return render(request, "registry/list.html", context)


@require_POST
@requires(SHARE_WITH_MISSION)
def share_list(request: HttpRequest, list_id: str) -> HttpResponse:
    imported = get_object_or_404(visible_lists(request.user), public_id=list_id)
    imported.shared_with_mission = request.POST.get("shared") == "yes"
    imported.save(update_fields=["shared_with_mission"])
    return redirect("registry:list", list_id=imported.public_id)
