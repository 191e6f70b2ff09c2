"""Finding 15: `tergeu user` and `tergeu init --admin-user` hold passwords to the site's rules."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from tergeu.cli import cli

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("command", [["user", "analyst7"], ["init", "--admin-user", "analyst7"]])
def test_a_weak_password_is_refused_and_nothing_is_created(command: list[str]) -> None:
    result = CliRunner().invoke(cli, command, input="a\na\n")
    assert result.exit_code == 1 and "password refused" in result.output
    assert not get_user_model().objects.filter(username="analyst7").exists()


def test_a_weak_new_password_leaves_the_old_one() -> None:
    get_user_model().objects.create_user("analyst8", password="the old long password")
    result = CliRunner().invoke(cli, ["user", "analyst8", "--password"], input="analyst8\nanalyst8\n")
    assert result.exit_code == 1
    assert get_user_model().objects.get(username="analyst8").check_password("the old long password")
