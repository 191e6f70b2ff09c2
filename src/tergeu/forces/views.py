"""The forces pages: the list of units, a unit's page with its chain of command on a chosen day, and the
review of names the resolver could not settle."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires, visible_to
from tergeu.accounts.roles import REVIEW_FACTS, VIEW_FORCES
from tergeu.forces.chain import command_on, lookup_keys
from tergeu.forces.findings import LANGUAGES
from tergeu.forces.models import Incident, Official, Posting, Training, Unit, UnitName, UnitRelation
from tergeu.forces.review import MENTIONS, DecisionRefused, decide_mention, open_mentions
from tergeu.forces.timeline_rows import holding_label, parse_day, timeline
from tergeu.provenance.models import Citation
from tergeu.toolkit.public_ids import get_by_public_id

MAX_LISTED = 500


@requires(VIEW_FORCES)
def units_page(request: HttpRequest) -> HttpResponse:
    """Units by name, or those one of whose names, aliases or numbers matches ``?q=`` in any script."""
    units = visible_to(request.user, Unit)
    query = request.GET.get("q", "").strip()[:300].replace("\x00", "")
    if query:
        named = UnitName.objects.filter(Q(match_key__in=lookup_keys(query)) | Q(text__icontains=query))
        units = units.filter(Q(pk__in=named.values("unit_id")) | Q(external_id=query))
    return render(request, "forces/units.html", {"units": units[:MAX_LISTED], "query": query})


@requires(VIEW_FORCES)
def unit_page(request: HttpRequest, public_id: str) -> HttpResponse:
    """The unit, its names, its chain of command on ``?on=`` (default: today) and its timeline."""
    user = request.user
    unit = get_by_public_id(visible_to(user, Unit), public_id)
    asked = request.GET.get("on")
    day = parse_day(asked) or datetime.date.today()
    chain = command_on(unit, day, visible_to(user, Citation))
    pages = dict(visible_to(user, Unit).filter(external_id__in={link["unit"] for link in (*chain["parents"],
                                                                                        *chain["children"])})
                 .values_list("external_id", "public_id"))
    officials = dict(visible_to(user, Official).filter(external_id__in={p["person"] for p in chain["commanders"]})
                     .values_list("external_id", "public_id"))
    for link in (*chain["parents"], *chain["children"], *chain["commanders"]):
        link["holds_label"] = holding_label(link["holds"])
        link["page"] = pages.get(link["unit"]) if "unit" in link else officials.get(link["person"])
    rows = timeline(unit, visible_to(user, UnitRelation), visible_to(user, Posting), visible_to(user, Incident),
                    visible_to(user, Training))
    return render(request, "forces/unit.html", {
        "unit": unit, "names": unit.names.all(), "day": day, "bad_day": bool(asked) and parse_day(asked) is None,
        "chain": chain, "timeline": rows, "languages": LANGUAGES,
    })


@requires(REVIEW_FACTS)
def review_page(request: HttpRequest) -> HttpResponse:
    """Perpetrators and training recipients the resolver could not settle, each with its candidates."""
    waiting = [(kind, row) for kind, model in MENTIONS.items()
               for row in open_mentions(visible_to(request.user, model))[:MAX_LISTED]]
    return render(request, "forces/review.html", {"waiting": waiting})


@require_POST
@requires(REVIEW_FACTS)
def decide(request: HttpRequest, kind: str, row_id: int) -> HttpResponse:
    """Keep a person's decision for one mention (``chosen``: an id among the candidates, or empty: none)."""
    model = MENTIONS.get(kind)
    if model is None:
        raise Http404("not found")
    row = get_object_or_404(open_mentions(visible_to(request.user, model)), pk=row_id)
    chosen = request.POST.get("chosen", "").strip() or None
    try:
        decide_mention(row, chosen, request.user.get_username())
    except DecisionRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("forces:review")
