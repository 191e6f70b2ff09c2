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

from tergeu.core.linkage.features import RecordFacts, name_features

__all__ = ["is_identifiable"]


def is_identifiable(record: RecordFacts) -> bool:
    """A family name and a given name (or its initial), or an IIN: enough to look for the person elsewhere."""
    if record.facts.get("national_id"):
        return True
    name = name_features(record)
    return bool(name.get("family")) and bool(name.get("given_initial"))
