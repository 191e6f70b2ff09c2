"""Finding 8: `tergeu demo` must not mix invented people into real work, nor hand out an account.

That it still builds into its own data directory again is tests/casualties/test_demo_build.py's.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth import authenticate, get_user_model

from tergeu.cli import cli
from tergeu.demo.build import DEMO_PASSWORD, DEMO_USER, NotADemoRegistry, build_demo
from tergeu.provenance.models import Source
from tergeu.registry.models import ImportedList

pytestmark = pytest.mark.django_db


def test_it_refuses_a_registry_with_real_lists(settings_home, write_csv, run_import) -> None:
    run_import(write_csv("real.csv", ["ФИО", "Дата гибели"], [["Омаров Дархан", "05.01.2022"]]), list_name="real")
    with pytest.raises(NotADemoRegistry, match="not marked synthetic"):
        build_demo(seed=2022)
    assert list(ImportedList.objects.values_list("name", flat=True)) == ["real"]


def test_it_never_makes_someone_else_s_demo_account_a_superuser(settings_home) -> None:
    owner = get_user_model().objects.create_user(DEMO_USER, password="the owner's own long password")
    with pytest.raises(NotADemoRegistry):
        build_demo(seed=2022, into_existing=True)
    owner.refresh_from_db()
    assert not owner.is_superuser and authenticate(username=DEMO_USER, password=DEMO_PASSWORD) is None
    assert not Source.objects.exists()  # refused before anything was written



def test_the_command_says_why_and_writes_nothing(settings_home, write_csv, run_import) -> None:
    run_import(write_csv("real.csv", ["ФИО", "Дата гибели"], [["Омаров Дархан", "05.01.2022"]]), list_name="real")
    result = CliRunner().invoke(cli, ["demo", "--no-serve"])
    assert result.exit_code == 1 and "not marked synthetic" in " ".join(result.output.split())
    assert ImportedList.objects.count() == 1
