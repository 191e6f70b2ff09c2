"""Records too thin to be told from namesakes are left out of estimates, and only they."""

import pytest

from tergeu.core.linkage.features import RecordFacts
from tergeu.core.linkage.identifiable import is_identifiable


@pytest.mark.parametrize(("facts", "order", "counted"), [
    ({"full_name": "Janar", "age": "22"}, None, False),  # a given name alone
    ({"full_name": "Ахметов"}, None, False),  # a family name alone
    ({"full_name": "Rustam A.", "age": "23"}, "given_first", False),  # a given name and a family initial
    ({"family_name": "Ахметов", "age": "30"}, None, False),
    ({"place_of_death": "Алматы"}, None, False),  # no name at all
    ({"full_name": "Нурланов Ж.С."}, None, True),  # surname and initials: a morgue's way
    ({"full_name": "Ерлан Нұрланов"}, "given_first", True),
    ({"given_name": "Ерлан", "family_name": "Нурланов"}, None, True),
    ({"full_name": "Askar", "national_id": "900101300015"}, None, True),  # an IIN identifies by itself
])
def test_it_counts_records_that_name_someone_findable(facts: dict, order: str | None, counted: bool) -> None:
    assert is_identifiable(RecordFacts(1, "list", facts, order)) is counted
