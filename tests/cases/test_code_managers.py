"""Only the handlers of a complaint's code holder (with a role that manages cases) may rotate or revoke its
access code or print a letter: on the page, the API and the command line (review of issue 16, H1). A
rotation alerts the holder's other handlers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from tergeu.accounts import grants, roles
from tergeu.cases.models import CaseAlert, Complaint
from tergeu.cli import cli

pytestmark = pytest.mark.django_db


def _user(name: str, role: str):
    user = get_user_model().objects.create_user(name)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def _token(client: Client, complaint) -> str:
    """The one-time token of the code's form, as the complaint page gives it."""
    import re

    page = client.get(complaint.get_absolute_url()).content.decode()
    return re.search(r'name="form" value="([^"]+)"', page).group(1)


def test_an_investigator_who_does_not_handle_the_holder_cannot_touch_the_code(two_complaints, callers) -> None:
    from tergeu.accounts.models import ApiToken

    outsider = _user("other-investigator", roles.INVESTIGATOR)
    a = two_complaints["a"]
    before = Complaint.objects.get(pk=a.pk).code_hash
    web = Client()
    web.force_login(outsider)
    assert web.get(a.get_absolute_url()).status_code == 200  # sees the complaint...
    assert "New access code" not in web.get(a.get_absolute_url()).content.decode()  # ...not the code's buttons
    assert web.post(f"/reports/letter/{a.public_id}/", {"language": "ru"}).status_code == 404
    assert web.post(f"/cases/complaints/{a.public_id}/code/", {"action": "rotate"}).status_code == 404
    assert web.post(f"/cases/complaints/{a.public_id}/code/", {"action": "revoke"}).status_code == 404
    _token, secret = ApiToken.issue(outsider, "outsider token")
    answer = Client().post(f"/api/cases/complaints/{a.public_id}/code", {"action": "rotate"},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert answer.status_code == 404
    result = CliRunner().invoke(cli, ["complaints", "code", a.public_id, "--rotate", "--by", outsider.username])
    assert result.exit_code == 1 and "handlers" in result.output
    result = CliRunner().invoke(cli, ["report", "letter", a.public_id, "--language", "ru", "--site", "x",
                                      "-o", "/tmp/never.pdf", "--by", outsider.username])  # noqa: S108
    assert result.exit_code == 1
    assert Complaint.objects.get(pk=a.pk).code_hash == before
    assert Client().post("/status/", {"code": two_complaints["code_a"]}, REMOTE_ADDR="192.0.2.50").status_code == 302


def test_a_handler_rotates_and_the_other_handlers_are_alerted(two_complaints, callers) -> None:
    investigator = callers[roles.INVESTIGATOR].user
    a = two_complaints["a"]
    colleague = _user("colleague-investigator", roles.INVESTIGATOR)
    grants.grant(colleague, a.holder, by="tester", level="edit")
    web = Client()
    web.force_login(investigator)
    rotated = web.post(f"/cases/complaints/{a.public_id}/code/", {"action": "rotate", "form": _token(web, a)})
    assert rotated.status_code == 200 and rotated.context["code"]
    alert = CaseAlert.objects.get(user=colleague)
    assert alert.kind == "code-rotated" and alert.complaint == a and alert.actor == investigator.username
    assert not CaseAlert.objects.filter(user=investigator).exists()  # not told of what they did themselves
    seen = Client()
    seen.force_login(colleague)
    page = seen.get("/cases/complaints/").content.decode()
    assert "new access code issued by colleague" not in page and f"issued by {investigator.username}" in page
    assert rotated.context["code"] not in page
    out = CliRunner().invoke(cli, ["complaints", "code", a.public_id, "--revoke", "--by", colleague.username])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["access_code"] is None
    assert CaseAlert.objects.filter(user=investigator, kind="code-revoked").count() == 1


def test_a_reload_does_not_rotate_again_and_revoking_asks_first(two_complaints, callers) -> None:
    """A reload re-posts the rotation: it changes nothing (the code shown stays valid); a revocation needs
    a confirmation (review L12)."""
    from tergeu.cases.service import hash_code

    a = two_complaints["a"]
    web = Client()
    web.force_login(callers[roles.INVESTIGATOR].user)
    form = {"action": "rotate", "form": _token(web, a)}
    code = web.post(f"/cases/complaints/{a.public_id}/code/", form).context["code"]
    again = web.post(f"/cases/complaints/{a.public_id}/code/", form)
    assert again.status_code == 302 and Complaint.objects.get(pk=a.pk).code_hash == hash_code(code)
    asked = web.post(f"/cases/complaints/{a.public_id}/code/", {"action": "revoke", "form": _token(web, a)})
    assert asked.status_code == 200 and 'data-testid="confirm-revoke"' in asked.content.decode()
    assert Complaint.objects.get(pk=a.pk).code_hash == hash_code(code)
    confirmed = web.post(f"/cases/complaints/{a.public_id}/code/", {"action": "revoke", "confirm": "yes",
                                                                    "form": asked.context["form_token"]})
    assert confirmed.status_code == 302 and Complaint.objects.get(pk=a.pk).code_hash is None
