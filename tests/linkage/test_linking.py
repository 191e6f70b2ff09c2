"""`tergeu link` and `tergeu export links`: people from records, stable ids, reviewers' decisions kept."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.core.linkage.comparisons import comparisons_fingerprint
from tergeu.core.linkage.rescoring import CONTRADICTION_BITS
from tergeu.linkage.linking import run_linkage
from tergeu.linkage.models import LinkageRun, Membership, PairDecision, Person
from tergeu.linkage.people import person_claims
from tergeu.provenance.models import Claim
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db(transaction=True)

OFFICIAL = [["Нурланов Жанболат Серикович", "12.03.1990", "Алматы", "05.01.2022"],
            ["Ахметова Айгерим Кайратовна", "01.07.1985", "Тараз", "06.01.2022"],
            ["Сериков Ерлан Маратович", "23.11.1979", "Алматы", "05.01.2022"]]
MEDIA = [["Zhanbolat Nurlanov", "31", "Almaty", "January 5, 2022"],
         ["Aigerim Akhmetova", "36", "Taraz", "January 6, 2022"],
         ["Daniyar Sarsenbayev", "22", "Shymkent", "January 7, 2022"]]


@pytest.fixture
def two_lists(write_csv, run_import) -> None:
    run_import(write_csv("gpo.csv", ["ФИО", "Дата рождения", "Место гибели", "Дата гибели"], OFFICIAL),
               list_name="official")
    run_import(write_csv("media.csv", ["name", "age", "city", "date of death"], MEDIA), list_name="media")


def person_of(list_name: str, row: int) -> int:
    return Membership.objects.get(record__imported_list__name=list_name, record__row_number=row).person_id


def test_it_links_the_same_people_across_scripts(two_lists) -> None:
    summary = run_linkage()
    assert summary.records == 6
    assert person_of("official", 1) == person_of("media", 1)
    assert person_of("official", 2) == person_of("media", 2)
    assert len({person_of("official", 3), person_of("media", 3), person_of("official", 1)}) == 3
    assert Person.objects.count() == summary.people == 4


def test_it_keeps_person_ids_and_reviewers_decisions_across_runs(two_lists) -> None:
    run_linkage()
    first = person_of("official", 1)
    left, right = sorted(Record.objects.filter(row_number=1).values_list("pk", flat=True))
    PairDecision.objects.create(left_id=left, right_id=right, decision="different", decided_by="reviewer1")
    run_linkage()
    assert person_of("official", 1) != person_of("media", 1)
    assert first in (person_of("official", 1), person_of("media", 1))  # one of them keeps the id
    left2, right2 = sorted(Record.objects.filter(row_number=3).values_list("pk", flat=True))
    PairDecision.objects.create(left_id=left2, right_id=right2, decision="same", decided_by="reviewer1")
    run_linkage()
    assert person_of("official", 3) == person_of("media", 3)
    assert person_of("official", 1) != person_of("media", 1)


def test_it_never_puts_two_records_of_a_one_per_person_list_together(write_csv, run_import) -> None:
    rows = [["Нурланов Жанболат", "Алматы", "05.01.2022"], ["Нурланов Жанболат", "Алматы", "05.01.2022"]]
    run_import(write_csv("a.csv", ["ФИО", "Место гибели", "Дата гибели"], rows), list_name="official")
    ImportedList.objects.update(one_per_person=True)
    run_linkage()
    assert person_of("official", 1) != person_of("official", 2)


def test_it_exports_one_line_per_record(two_lists) -> None:
    unlinked = CliRunner().invoke(cli, ["export", "links"])
    assert [r["person"] for r in csv.DictReader(io.StringIO(unlinked.stdout))] == [""] * 6
    result = CliRunner().invoke(cli, ["link"])
    assert result.exit_code == 0, result.output
    assert "6 records" in result.output
    exported = list(csv.DictReader(io.StringIO(CliRunner().invoke(cli, ["export", "links"]).stdout)))
    assert [(r["list"], r["row"]) for r in exported] == [
        ("official", "1"), ("official", "2"), ("official", "3"), ("media", "1"), ("media", "2"), ("media", "3")]
    assert exported[0]["person"] == exported[3]["person"] == Person.objects.get(pk=person_of("official", 1)).public_id


def test_it_shows_a_person_with_every_spelling_and_the_records_behind_each_fact(two_lists, client_as) -> None:
    run_linkage()
    person = Person.objects.get(pk=person_of("official", 1))
    page = client_as("analyst").get(f"/people/{person.public_id}/").content.decode()
    assert "Нурланов Жанболат Серикович" in page and "Zhanbolat Nurlanov" in page
    assert "ru-cyrl" in page and "latn" in page
    assert "5 Jan 2022" in page and "12 Mar 1990" in page  # stated dates, day first


MORGUE = [["Нурланов Ж.С.", "Алматы", "05.01.2022"], ["Сарсенбаев Данияр", "Шымкент", "07.01.2022"],
          ["Омаров Бауыржан", "Актобе", "08.01.2022"]]


def test_it_links_only_the_new_list_and_keeps_the_people_already_found(two_lists, write_csv, run_import) -> None:
    first = run_linkage()
    before = dict(Membership.objects.values_list("record_id", "person_id"))
    left, right = sorted(Record.objects.filter(row_number=3).values_list("pk", flat=True))
    PairDecision.objects.create(left_id=left, right_id=right, decision="different", decided_by="reviewer1")
    run_import(write_csv("morgue.csv", ["ФИО", "Место гибели", "Дата гибели"], MORGUE), list_name="morgue")
    summary = run_linkage()
    assert (summary.mode, summary.new_records) == ("incremental", 3)
    assert dict(Membership.objects.filter(record_id__in=before).values_list("record_id", "person_id")) == before
    assert person_of("morgue", 1) == person_of("official", 1) == person_of("media", 1)
    assert person_of("morgue", 2) == person_of("media", 3)
    assert person_of("morgue", 3) not in before.values()
    assert Person.objects.count() == first.people + 1
    new_ids = set(Record.objects.filter(imported_list__name="morgue").values_list("pk", flat=True))
    scored = LinkageRun.objects.get(pk=summary.run_id)
    assert scored.stats["mode"] == "incremental" and scored.stats["pairs_scored"] > 0
    earlier = [item["records"] for item in LinkageRun.objects.get(pk=first.run_id).review]
    assert all(new_ids.intersection(item["records"]) or item["records"] in earlier for item in scored.review)
    assert run_linkage().mode == "unchanged"


def test_a_model_stored_under_other_comparisons_is_not_used_for_new_records(two_lists, write_csv,
                                                                            run_import) -> None:
    first = LinkageRun.objects.get(pk=run_linkage().run_id)
    assert first.model["tergeu_comparisons"]  # what the model was trained under
    first.model.pop("tergeu_comparisons")  # as a run of an earlier version stored it
    first.save(update_fields=["model"])
    run_import(write_csv("morgue.csv", ["ФИО", "Место гибели", "Дата гибели"], MORGUE), list_name="morgue")
    summary = run_linkage()
    assert summary.mode == "full" and "earlier version" in summary.reason
    assert LinkageRun.objects.get(pk=summary.run_id).model["tergeu_comparisons"] == comparisons_fingerprint()


def test_pairs_stored_before_facts_in_disagreement_were_marked_are_scored_again(two_lists) -> None:
    """Without the mark the estimate's draws would attach records across such pairs: one full run
    marks them, even with no new record."""
    first = LinkageRun.objects.get(pk=run_linkage().run_id)
    assert first.model["tergeu_contradiction_bits"] == CONTRADICTION_BITS
    first.model.pop("tergeu_contradiction_bits")  # as a run of an earlier version stored it
    first.save(update_fields=["model"])
    summary = run_linkage()
    assert summary.mode == "full" and "marked facts in disagreement" in summary.reason
    assert run_linkage().mode == "unchanged"


def test_it_relinks_everything_when_a_decision_contradicts_the_people(two_lists) -> None:
    run_linkage()
    left, right = sorted(Record.objects.filter(row_number=1).values_list("pk", flat=True))
    PairDecision.objects.create(left_id=left, right_id=right, decision="different", decided_by="reviewer1")
    summary = run_linkage()
    assert summary.mode == "full" and "separated" in summary.reason
    assert person_of("official", 1) != person_of("media", 1)


def test_it_stores_a_preferred_name_per_script_and_the_best_supported_facts_citing_records(two_lists) -> None:
    run_linkage()
    person = Person.objects.get(pk=person_of("official", 1))
    assert person.names == {"ru-cyrl": "Нурланов Жанболат Серикович", "latn": "Zhanbolat Nurlanov"}
    assert person.display_name == "Нурланов Жанболат Серикович"
    claims = {(c.field, c.value, c.record.imported_list.name) for c in person_claims(person)}
    assert ("date_of_death", "2022-01-05", "official") in claims and ("date_of_death", "2022-01-05", "media") in claims
    assert ("date_of_birth", "1990-03-12", "official") in claims
    assert not any(field in {"full_name", "family_name", "given_name"} for field, _v, _l in claims)


def test_it_links_incrementally_from_the_command_line(two_lists, write_csv, run_import) -> None:
    assert "full run" in CliRunner().invoke(cli, ["link"]).output
    run_import(write_csv("morgue.csv", ["ФИО", "Место гибели", "Дата гибели"], MORGUE), list_name="morgue")
    assert "incremental: 3 new records" in CliRunner().invoke(cli, ["link"]).output
    assert "Nothing new" in CliRunner().invoke(cli, ["link"]).output
    assert "full run" in CliRunner().invoke(cli, ["link", "--full"]).output


def test_it_relinks_everything_when_the_stored_model_knew_one_list_only(write_csv, run_import) -> None:
    run_import(write_csv("gpo.csv", ["ФИО", "Дата рождения", "Место гибели", "Дата гибели"], OFFICIAL),
               list_name="official")
    assert run_linkage().mode == "full"
    run_import(write_csv("media.csv", ["name", "age", "city", "date of death"], MEDIA), list_name="media")
    summary = run_linkage()
    assert (summary.mode, summary.reason) == ("full", "the stored model was trained on one list only")
    assert person_of("official", 1) == person_of("media", 1)
    run_import(write_csv("morgue.csv", ["ФИО", "Место гибели", "Дата гибели"], MORGUE), list_name="morgue")
    assert run_linkage().mode == "incremental"


def test_it_leaves_no_claims_about_people_a_run_merged_away(two_lists) -> None:
    run_linkage()
    left, right = sorted(Record.objects.filter(row_number=3).values_list("pk", flat=True))
    before = Person.objects.current().count()
    PairDecision.objects.create(left_id=left, right_id=right, decision="same", decided_by="reviewer1")
    run_linkage()
    assert Person.objects.current().count() == before - 1
    about = set(Claim.objects.filter(subject_type__model="person").values_list("subject_id", flat=True))
    assert about and about <= set(Person.objects.current().values_list("pk", flat=True))
    (merged,) = Person.objects.exclude(retired_at=None)  # kept, pointing at the person who has its record now
    assert merged.merged_into == Person.objects.get(memberships__record_id=left)


def test_it_obeys_decisions_about_new_records_in_an_incremental_run(two_lists, write_csv, run_import) -> None:
    run_linkage()
    run_import(write_csv("morgue.csv", ["ФИО", "Место гибели", "Дата гибели"], MORGUE), list_name="morgue")
    new = dict(Record.objects.filter(imported_list__name="morgue").values_list("row_number", "pk"))
    official_1 = Record.objects.get(imported_list__name="official", row_number=1).pk
    media_2 = Record.objects.get(imported_list__name="media", row_number=2).pk
    PairDecision.objects.create(left_id=official_1, right_id=new[1], decision="different", decided_by="reviewer1")
    PairDecision.objects.create(left_id=media_2, right_id=new[3], decision="same", decided_by="reviewer1")
    assert run_linkage().mode == "incremental"
    assert person_of("morgue", 1) != person_of("official", 1)  # would have joined without the decision
    assert person_of("morgue", 3) == person_of("media", 2) == person_of("official", 2)


def test_it_marks_a_list_one_per_person_at_import(write_csv) -> None:
    rows = [["Нурланов Жанболат", "Алматы", "05.01.2022"], ["Нурланов Жанболат", "Алматы", "05.01.2022"]]
    path = write_csv("register.csv", ["ФИО", "Место гибели", "Дата гибели"], rows)
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "register", "--one-per-person"])
    assert result.exit_code == 0, result.output
    assert ImportedList.objects.get(name="register").one_per_person
    run_linkage()
    assert person_of("register", 1) != person_of("register", 2)


def test_it_reports_each_stage_of_a_run(two_lists, write_csv, run_import) -> None:
    heard: list[str] = []
    run_linkage(progress=heard.append)
    stages = [message.split()[0] for message in heard]
    assert stages == ["reading", "features", "training", "scoring", "clustering", "storing"], heard
    run_import(write_csv("morgue.csv", ["ФИО", "Место гибели", "Дата гибели"], MORGUE), list_name="morgue")
    heard.clear()
    run_linkage(progress=heard.append)
    assert "training skipped: the stored model, completed where it met no such records" in heard


def test_it_says_there_is_nothing_to_link_in_an_empty_registry() -> None:
    from click.testing import CliRunner

    from tergeu.cli import cli

    result = CliRunner().invoke(cli, ["link"])
    assert result.exit_code == 1 and "nothing to link yet" in result.output and "Traceback" not in result.output


def test_pairs_that_disagree_on_a_fact_keep_their_mark_in_storage_and_in_the_estimates_draws(
        two_lists, monkeypatch) -> None:
    """The mark is the scoring's (tested in tests/core/linkage/test_model.py); here every scored pair is
    marked, and the stored rows and the pairs the estimate's draws cluster must say so."""
    import numpy as np

    from tergeu.core.linkage import model
    from tergeu.estimation import capture
    from tergeu.linkage.models import ScoredPairRow

    monkeypatch.setattr(model, "contradicted_pairs", lambda *args: np.ones(args[-1].size, dtype=bool))
    run_linkage()
    stored = list(ScoredPairRow.objects.values_list("contradicted", flat=True))
    assert stored and all(stored)
    drawn = []

    def recording(records, pairs, *args, **kwargs):
        drawn.extend(pairs)
        return []

    monkeypatch.setattr(capture, "plausible_clusterings", recording)
    capture.capture_histories(linkage_draws=2)
    assert drawn and all(pair.contradicted for pair in drawn)
