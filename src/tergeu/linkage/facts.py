"""What linkage reads of a stored record: shared by linkage runs, the review queue and the estimate."""

from __future__ import annotations

from tergeu.core.linkage import RecordFacts
from tergeu.registry.models import Record


def record_facts(record: Record) -> RecordFacts:
    """What linkage reads of a stored record: its facts, its list, and how that list orders names."""
    return RecordFacts(record.pk, record.imported_list.name, record.facts,
                       record.imported_list.column_map.get("name_order"))
