"""Which records name someone well enough to be counted in an estimate of the toll.

A record that gives a given name alone ("Janar, 22, Almaty") or a family name alone cannot be told
from the namesakes on other lists: any linkage leaves it as a person of its own, and each such
record then looks to the estimation like someone only one list found, which is how a toll is
overstated. Capture-recapture practice is to leave records without enough identifying information
out of the capture histories: the list is then treated as not having named that person, which the
estimation allows for like any other miss (as long as a record's thinness does not depend on the
other lists). The records stay in the registry and in the linkage; only the estimate leaves them out,
and says how many.
"""

from __future__ import annotations

from tergeu.core.linkage.features import RecordFacts
from tergeu.core.names import parse_name, parse_name_parts

__all__ = ["is_identifiable"]


def is_identifiable(record: RecordFacts) -> bool:
    """A family name and a given name (or its initial), or an IIN: enough to look for the person elsewhere."""
    facts = record.facts
    if facts.get("national_id"):
        return True
    if facts.get("full_name"):
        name = parse_name(facts["full_name"], record.name_order)
    elif any(facts.get(part) for part in ("family_name", "given_name", "patronymic")):
        name = parse_name_parts(facts.get("given_name"), facts.get("family_name"), facts.get("patronymic"))
    else:
        return False
    return bool(name.family) and bool(name.given or name.given_initial)
