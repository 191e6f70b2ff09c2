"""`tergeu user`: create users and give them roles from the command line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tergeu.cli import cli


@pytest.mark.django_db(transaction=True)
def test_it_creates_a_user_with_roles() -> None:
    from django.contrib.auth import get_user_model

    result = CliRunner().invoke(cli, ["user", "mission1", "--role", "expert-mission"],
                                input="a long test password\na long test password\n")
    assert result.exit_code == 0, result.output
    user = get_user_model().objects.get(username="mission1")
    assert list(user.groups.values_list("name", flat=True)) == ["expert-mission"]
    assert user.check_password("a long test password")
    bad = CliRunner().invoke(cli, ["user", "mission1", "--role", "boss"])
    assert bad.exit_code == 1 and "unknown role(s) boss" in bad.output
