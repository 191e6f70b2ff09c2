"""Users per role with API tokens, and a small registry imported through the real pipeline (fixtures)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from tergeu.accounts.models import ApiToken
from tergeu.accounts.roles import ROLES, ensure_role_groups
from tergeu.registry.models import ImportedList

NOBODY = "nobody"  # signed-in account without any role
HEADER = ["№", "Фамилия Имя Отчество", "Место гибели", "Дата гибели"]
SHARED_ROWS = [
    ["1", "Нурланов Жанболат Серикович", "Алматы", "05.01.2022"],
    ["2", "Ахметова Айгерим Кайратовна", "Талдыкорган", "06.01.2022"],
    ["3", "Серикова Дана", "Алматы", "2022-01"],
]
PRIVATE_ROWS = [["1", "Бекова Сауле", "Тараз", "07.01.2022"]]


@dataclass
class Caller:
    """One user and a client that sends their API token with every request."""

    user: Any
    token: str

    def get(self, path: str, **params: Any) -> Any:
        return Client().get(path, params, HTTP_AUTHORIZATION=f"Bearer {self.token}")

    def post(self, path: str, data: dict[str, Any]) -> Any:
        return Client().post(path, data, HTTP_AUTHORIZATION=f"Bearer {self.token}")


@pytest.fixture
def callers(db) -> dict[str, Caller]:
    """A user with a token for every role, plus ``nobody`` with no role at all."""
    ensure_role_groups()  # a transactional test's flush removes the groups the data migration made
    made = {}
    for role in (*ROLES, NOBODY):
        user = get_user_model().objects.create_user(f"{role}-user")
        if role != NOBODY:
            user.groups.add(Group.objects.get(name=role))
        _token, secret = ApiToken.issue(user, f"{role} token")
        made[role] = Caller(user, secret)
    return made


@dataclass
class Registry:
    shared: ImportedList
    private: ImportedList


@pytest.fixture
def registry(write_csv, run_import) -> Registry:
    """Two lists: one shared with the expert mission (three records), one not (one record)."""
    shared = run_import(write_csv("morgue.csv", HEADER, SHARED_ROWS), list_name="morgue",
                        source_name="City morgue", reliability="B")
    private = run_import(write_csv("ngo.csv", HEADER, PRIVATE_ROWS), list_name="ngo list", source_name="NGO")
    assert shared.ok and private.ok, (shared.errors, private.errors)
    ImportedList.objects.filter(pk=shared.imported_list_id).update(shared_with_mission=True)
    return Registry(ImportedList.objects.get(pk=shared.imported_list_id),
                    ImportedList.objects.get(pk=private.imported_list_id))
