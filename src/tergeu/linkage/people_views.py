"""A person's page: every spelling of the name by script, every fact with the records that state it."""

from __future__ import annotations

from collections import defaultdict

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tergeu.accounts.access import requires
from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.core.names import detect_script
from tergeu.linkage.access import successor_seen_by
from tergeu.linkage.models import Person
from tergeu.linkage.people import person_as_seen
from tergeu.registry.access import visible_records
from tergeu.registry.labels import field_label

SCRIPT_ORDER = ("kk-cyrl", "ru-cyrl", "latn", "mixed", "unknown")


def person_summary(records: list) -> tuple[dict[str, list[str]], list[tuple[str, list[tuple[str, list]]]]]:
    """(spellings by script, [(field label, [(value, records stating it)])]) from the person's records.

    Values are grouped as stated, most-supported first, so disagreements between lists stay visible.
    """
    spellings: dict[str, list[str]] = defaultdict(list)
    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        if record.display_name and record.display_name not in spellings[detect_script(record.display_name)]:
            spellings[detect_script(record.display_name)].append(record.display_name)
        for field, value in record.facts.items():
            facts[field][value].append(record)
    ordered_spellings = {script: spellings[script] for script in SCRIPT_ORDER if spellings.get(script)}
    ordered_facts = [(field_label(field), sorted(values.items(), key=lambda item: -len(item[1])))
                     for field, values in facts.items()]
    return ordered_spellings, ordered_facts


@requires(VIEW_REGISTRY)
def person_page(request: HttpRequest, person_id: str) -> HttpResponse:
    """The person as the viewer may see them: a person none of whose records they may see does not exist."""
    person = Person.objects.filter(public_id=person_id).first()
    records = list(visible_records(request.user).filter(membership__person=person)
                   .order_by("imported_list_id", "row_number")) if person is not None else []
    if person is None or not records:
        successor = successor_seen_by(request.user, person_id)
        if successor is None:
            raise Http404("not found")
        return redirect("linkage:person", person_id=successor)  # merged by a relink: its records are there now
    spellings, facts = person_summary(records)
    seen = person_as_seen(person, records, with_facts=True)
    return render(request, "linkage/person.html", {
        "person": seen, "records": records, "spellings": spellings, "facts": facts,
        "best": [(field_label(field), value, note, cited) for field, value, note, cited in seen.best]})
