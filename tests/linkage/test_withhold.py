"""Withholding a name at the family's request: the service (capability, history), relinks (split, merge),
the command (the note from stdin JSON), the person page's form and the API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from people_fixtures import Linked, link_as_one
from tergeu.accounts.roles import ANALYST, EXPERT_MISSION, REVIEWER
from tergeu.cli import cli
from tergeu.history.models import ChangeEntry
from tergeu.linkage.models import Person, WithheldName
from tergeu.linkage.withholding import NotAllowed, clear, is_withheld, withhold
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
FIRST = "Нурланов Жанболат Серикович"  # on both lists: morgue 1 and the volunteers' ledger 1


def person_of(name: str) -> Person:
    return Record.objects.get(display_name=name).membership.person


def user(role: str, name: str) -> object:
    made = get_user_model().objects.create_user(name)
    made.groups.add(Group.objects.get_or_create(name=role)[0])
    return made


def relink(pairs: list[tuple[int, int]]) -> None:
    link_as_one(list(Record.objects.select_related("imported_list").order_by("pk")), pairs)


def history_of_flags() -> list[tuple[str, str, str]]:
    kind = ContentType.objects.get_for_model(WithheldName)
    return [(entry.action, entry.actor, (entry.after or entry.before or {}).get("note", ""))
            for entry in ChangeEntry.objects.filter(object_type=kind).order_by("pk")]


def test_a_reviewer_withholds_and_clears_and_the_history_says_who(linked: Linked) -> None:
    reviewer = user(REVIEWER, "rev1")
    person = person_of(FIRST)
    withhold(person, "  the family asked by phone  ", reviewer)
    assert is_withheld(person) and WithheldName.objects.get().note == "the family asked by phone"
    assert clear(person, reviewer) and not is_withheld(person) and not clear(person, reviewer)
    assert history_of_flags() == [("create", "rev1", "the family asked by phone"),
                                  ("delete", "rev1", "the family asked by phone")]


@pytest.mark.parametrize("role", [ANALYST, EXPERT_MISSION])
def test_roles_without_the_capability_may_not(linked: Linked, role: str) -> None:
    with pytest.raises(NotAllowed):
        withhold(person_of(FIRST), "", user(role, "someone"))
    assert not WithheldName.objects.exists()


def test_a_split_keeps_every_part_withheld_and_a_merge_the_merged_person(linked: Linked) -> None:
    first = person_of(FIRST)
    withhold(first, "asked in person")
    relink([])  # the two records of the first person are now two people
    parts = {person_of(FIRST), person_of("Нурланов Жанболат")}
    assert len(parts) == 2 and first in parts
    assert all(is_withheld(part) for part in parts)
    heir = next(part for part in parts if part != first)
    assert WithheldName.objects.get(person=heir).carried_from == first
    assert WithheldName.objects.get(person=heir).note == "asked in person"

    clear(first), clear(heir)
    withhold(person_of("Бекова Сауле Армановна"), "")
    relink([(0, 3), (1, 4)])  # Бекова (NGO 2) joins Ахметова (morgue 2): one of them is retired into the other
    merged = person_of("Ахметова Айгерим Кайратовна")
    assert merged == person_of("Бекова Сауле Армановна") and is_withheld(merged)
    assert Person.objects.current().filter(withheld_name__isnull=False).count() == 1


def test_a_relink_that_finds_the_same_people_adds_no_flag(linked: Linked) -> None:
    withhold(person_of(FIRST), "")
    relink([(0, 3)])
    assert WithheldName.objects.count() == 1 and len(history_of_flags()) == 1


def cli_withhold(*args: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["people", "withhold", *args], input=stdin)
    return result.exit_code, " ".join(result.output.split())


def test_the_command_reads_the_note_from_stdin_and_clears(linked: Linked) -> None:
    person = person_of(FIRST)
    code, output = cli_withhold(person.public_id, stdin=json.dumps({"note": "сестра позвонила"}))
    assert code == 0 and "withheld" in output and WithheldName.objects.get(person=person).note == "сестра позвонила"
    assert history_of_flags()[0][1].startswith("cli:")
    assert cli_withhold(person.public_id, "--clear")[0] == 0 and not is_withheld(person)


@pytest.mark.parametrize(("stdin", "message"), [
    ("{not json", "stdin: not JSON (line 1, column 2"),
    ("[1]", "stdin: expected one JSON object"),
    ('{"name": "x"}', "stdin: unknown key(s) name; expected note"),
    ('{"note": 5}', "stdin: note must be a string"),
])
def test_the_command_refuses_bad_input_with_a_clear_error(linked: Linked, stdin: str, message: str) -> None:
    code, output = cli_withhold(person_of(FIRST).public_id, stdin=stdin)
    assert code == 1 and message in output and not WithheldName.objects.exists()


def test_the_command_takes_no_note_in_argv_and_names_a_retired_persons_successor(linked: Linked) -> None:
    assert cli_withhold(person_of(FIRST).public_id, "--note", "x")[0] == 2  # no such option
    assert "no person 'aaaaaaaaaaaaaaaaaaaaaaaaaa'" in cli_withhold("a" * 26)[1]
    relink([(0, 3), (1, 4)])
    retired = Person.objects.filter(retired_at__isnull=False).get()
    code, output = cli_withhold(retired.public_id, stdin="{}")
    assert code == 1 and retired.merged_into.public_id in output


def test_the_person_page_has_the_form_for_those_who_may(linked: Linked, client_as) -> None:
    person = person_of(FIRST)
    reviewer = client_as(REVIEWER)
    page = reviewer.get(f"/people/{person.public_id}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Не публиковать имя в открытом выпуске" in page
    answer = reviewer.post(f"/people/{person.public_id}/withhold/", {"action": "withhold", "note": "по письму"})
    assert answer.status_code == 302 and WithheldName.objects.get(person=person).note == "по письму"
    page = reviewer.get(f"/people/{person.public_id}/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Отбасының өтініші бойынша есімі ашық басылымда жарияланбайды." in page and "по письму" in page
    mission = client_as(EXPERT_MISSION)
    page = mission.get(f"/people/{person.public_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Name withheld from the public release" in page
    assert "по письму" not in page and "/withhold/" not in page
    assert mission.post(f"/people/{person.public_id}/withhold/", {"action": "clear"}).status_code == 404
    assert reviewer.post(f"/people/{person.public_id}/withhold/", {"action": "clear"}).status_code == 302
    assert not is_withheld(person)


def test_the_api_withholds_reads_and_clears(linked: Linked, callers) -> None:
    from django.test import Client

    person = person_of(FIRST)
    path = f"/api/people/{person.public_id}/withheld"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {callers[REVIEWER].token}"}
    answer = Client().put(path, {"note": "by letter"}, content_type="application/json", **auth)
    assert answer.status_code == 200, answer.content
    assert answer.json() == {"person": person.public_id, "withheld": True, "note": "by letter",
                             "set_by": callers[REVIEWER].user.get_username()}
    assert Client().get(path, **auth).json()["withheld"] is True
    assert Client().delete(path, **auth).json() == {"person": person.public_id, "withheld": False, "note": "",
                                                    "set_by": ""}
    mission = {"HTTP_AUTHORIZATION": f"Bearer {callers[EXPERT_MISSION].token}"}
    assert Client().put(path, {"note": ""}, content_type="application/json", **mission).status_code == 404
