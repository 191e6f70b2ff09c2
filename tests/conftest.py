"""Shared fixtures. Tests under tests/core/ and tests/demo/ touch no database and are marked ``pure``."""

from __future__ import annotations

from pathlib import Path

import pytest

PURE_DIRS = ("core", "demo")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests_root = Path(__file__).parent
    for item in items:
        relative = Path(item.fspath).relative_to(tests_root)
        if relative.parts and relative.parts[0] in PURE_DIRS:
            item.add_marker(pytest.mark.pure)


@pytest.fixture
def write_csv(tmp_path: Path):
    """Write a small CSV list (any encoding or separator) and return its path."""
    from helpers import csv_bytes

    def write(name: str, header: list[str], rows: list[list[str]], **kwargs: str) -> Path:
        path = tmp_path / name
        path.write_bytes(csv_bytes(header, rows, **kwargs))
        return path

    return write


@pytest.fixture
def run_import():
    """Import a file through the real pipeline with the given options."""
    from tergeu.registry.importing.pipeline import ImportOptions, import_file

    def run(path: Path, list_name: str = "test list", **options: object):
        return import_file(path, ImportOptions(list_name=list_name, **options))

    return run


@pytest.fixture
def settings_home(settings, tmp_path: Path) -> Path:
    """Point TERGEU_HOME at a fresh directory for tests that write files there."""
    settings.TERGEU_HOME = tmp_path
    return tmp_path


@pytest.fixture
def client_as():
    """A test client signed in as a new user holding the given role (None: no role at all)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    def make(role: str | None, username: str | None = None) -> Client:
        user = get_user_model().objects.create_user(username or f"{role or 'nobody'}1", password="a long test password")
        if role is not None:  # get_or_create: a transactional test's flush removes the migrated groups
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        client = Client()
        client.force_login(user)
        return client

    return make

from people_fixtures import linked  # noqa: E402,F401,I001  (fixture: two lists, four people, one on both)
from role_fixtures import callers, registry  # noqa: E402,F401  (fixtures: a user per role; shared and private lists)
from witness_fixtures import witness  # noqa: E402,F401  (fixture: a protected witness and their handler)
from case_fixtures import two_complaints  # noqa: E402,F401  (fixture: two complaints with cases and steps)


@pytest.fixture
def master_key(settings, tmp_path: Path) -> Path:
    """A fresh master key file for protected identities (0600), where ``TERGEU_KEY_FILE`` points."""
    from tergeu.core.protect import create_key_file

    path = tmp_path / "keys" / "master.key"
    settings.TERGEU_KEY_FILE = path
    create_key_file(path)
    return path


@pytest.fixture(autouse=True)
def estimates_within_the_request(settings) -> None:
    """Estimates run within the request in tests (their own test turns the background on)."""
    settings.TERGEU_BACKGROUND_ESTIMATES = False
    settings.TERGEU_BACKGROUND_REPORTS = False  # reports too (tests/reports/test_report_jobs.py turns it on)


@pytest.fixture(autouse=True)
def empty_cache_for_each_test():
    """Each test starts with an empty cache: a test database rolled back gives the next test the same ids,
    so figures kept under a data version (the dashboard's) could otherwise outlive the data they describe."""
    from django.core.cache import cache

    from tergeu.forces.neighbourhood import forget_names_indexes

    cache.clear()
    forget_names_indexes()  # the forces names index, kept in the process under a data version
    yield
    cache.clear()
    forget_names_indexes()


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A page requested in Kazakh leaves Kazakh active in the thread (Django's middleware activates a
    language per request and never deactivates it), so a later test on the same worker would read
    its labels in Kazakh; each test starts from the default language instead."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
