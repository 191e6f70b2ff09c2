"""An incident's page and an official's page, and the printed vetting findings of a unit or an official.

An incident shows its perpetrators as written and what each was resolved to (how sure, and why), the
commanders of its resolved units on its day, its victims among the registry people the reader may see,
and its citations. An official shows every posting on a timeline with the open-end rule in words, the
incidents naming them, and their citations. Everything is read through ``access.py`` (``visible_to``).
"""

from __future__ import annotations

import tempfile
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tergeu.accounts.access import requires, visible_to
from tergeu.accounts.roles import VIEW_FORCES
from tergeu.core.forces import vet_person
from tergeu.forces.chain import commanders_on, load_graph, period_of
from tergeu.forces.facts import incident_facts
from tergeu.forces.findings import LANGUAGES, NoWriter, commanded_incidents, file_name, vetting_file, write_findings
from tergeu.forces.models import Incident, Official, Perpetrator, Posting, Unit
from tergeu.forces.timeline_rows import explain, holding_label, parse_day
from tergeu.linkage.models import Person
from tergeu.linkage.people import people_as_seen
from tergeu.provenance.citations import citations_of
from tergeu.provenance.models import Citation
from tergeu.registry.models import Record
from tergeu.toolkit.public_ids import get_by_public_id


def _citations(row: Any, user: Any) -> list[Citation]:
    return citations_of([row], visible_to(user, Citation))[row.pk]


def _victims(incident: Incident, user: Any) -> list[Any]:
    """The incident's victims among the people the reader may see, each as the reader sees them."""
    people = incident.victims.filter(pk__in=visible_to(user, Person).values("pk"))
    visible: dict[int, list[Record]] = {}
    for record in (visible_to(user, Record).filter(membership__person__in=people.values("pk"))
                   .select_related("imported_list", "membership")):
        visible.setdefault(record.membership.person_id, []).append(record)
    return people_as_seen(people, visible)


def _commanders(incident: Incident, units: list[Unit], user: Any) -> list[dict[str, Any]]:
    """Each resolved unit's commanders on the incident's day (a full date only: a month has no one day),
    from one reading of the chain of command and one of their sources, however many units are named."""
    day = parse_day(incident.start)
    if day is None or not units:
        return []
    by_id = {unit.external_id: unit for unit in units}
    serving = commanders_on(list(by_id), day, visible_to(user, Citation), load_graph())
    pages = dict(visible_to(user, Official).filter(external_id__in={p["person"] for found in serving.values()
                                                                     for p in found})
                 .values_list("external_id", "public_id"))
    return [{**person, "unit": by_id[unit], "holds_label": holding_label(person["holds"]),
             "page": pages.get(person["person"])} for unit, found in serving.items() for person in found]


@requires(VIEW_FORCES)
def incident_page(request: HttpRequest, public_id: str) -> HttpResponse:
    user = request.user
    incident = get_by_public_id(visible_to(user, Incident), public_id)
    perpetrators = list(visible_to(user, Perpetrator).filter(incident=incident).select_related("unit", "official"))
    units = [p.unit for p in perpetrators if p.unit is not None and p.verdict == "resolved"]
    return render(request, "forces/incident.html", {
        "incident": incident, "perpetrators": perpetrators, "commanders": _commanders(incident, units, user),
        "victims": _victims(incident, user), "citations": _citations(incident, user),
        "on": incident.start if parse_day(incident.start) else "",
    })


def _command_findings(official: Official, user: Any) -> list[dict[str, Any]]:
    """The incidents of units the official commanded on the incident's day (``core.forces.vet_person`` on the
    visible incidents of units they ever commanded), each with its unit and how the command holds then."""
    graph, _postings = load_graph()
    incidents = commanded_incidents(official, visible_to(user, Incident))
    findings = [f for f in vet_person(official.external_id, graph, incident_facts(incidents))
                if f.via == "commander"]
    pages = dict(incidents.filter(external_id__in={f.incident for f in findings})
                 .values_list("external_id", "public_id"))
    units = dict(visible_to(user, Unit).filter(external_id__in={f.unit for f in findings})
                 .values_list("external_id", "name"))
    return [{"incident": f.incident, "page": pages.get(f.incident), "date": f.date, "unit": units.get(f.unit, f.unit),
             "holds_label": holding_label(f.holding.value)} for f in findings]


@requires(VIEW_FORCES)
def official_page(request: HttpRequest, public_id: str) -> HttpResponse:
    user = request.user
    official = get_by_public_id(visible_to(user, Official), public_id)
    postings = visible_to(user, Posting).filter(official=official).select_related("unit")
    cited = citations_of(postings, visible_to(user, Citation))
    rows = sorted(({"posting": p, "explained": explain(period_of(p)), "sources": cited.get(p.pk, [])}
                   for p in postings), key=lambda row: (not row["posting"].first_cited, row["posting"].first_cited))
    named = (visible_to(user, Perpetrator).filter(official=official, verdict__in=("resolved", "review"))
             .select_related("incident").order_by("incident__start", "incident_id"))
    incidents = [(row.incident, row) for row in named]
    return render(request, "forces/official.html", {
        "official": official, "postings": rows, "incidents": incidents, "citations": _citations(official, user),
        "commanded": _command_findings(official, user),
        "languages": LANGUAGES,
    })


def _findings_response(request: HttpRequest, record: Unit | Official, kind: str) -> HttpResponse:
    """The vetting findings of ``record`` (by its id, not its name) as a PDF download (``?on=`` a day,
    ``?language=`` kk, ru or en)."""
    user = request.user
    on = request.GET.get("on")
    if on and parse_day(on) is None:  # said, as the unit page says it, not printed for every day instead
        messages.error(request, _("That is not a date (YYYY-MM-DD): nothing was printed."))
        return redirect(record.get_absolute_url())
    asked = request.GET.get("language")
    language = asked if asked in LANGUAGES else (get_language() or "en")[:2]
    found = vetting_file(record, kind, parse_day(on), visible_to(user, Citation),
                         visible_to(user, Incident))
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    try:
        write_findings(spool, found, language if language in LANGUAGES else "en")
    except NoWriter:
        spool.close()
        raise Http404("not found") from None
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=file_name(found), content_type="application/pdf")


@requires(VIEW_FORCES)
def unit_findings(request: HttpRequest, public_id: str) -> HttpResponse:
    unit = get_by_public_id(visible_to(request.user, Unit), public_id)
    return _findings_response(request, unit, "unit")


@requires(VIEW_FORCES)
def official_findings(request: HttpRequest, public_id: str) -> HttpResponse:
    official = get_by_public_id(visible_to(request.user, Official), public_id)
    return _findings_response(request, official, "person")
