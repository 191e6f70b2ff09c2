"""F15 (part): `--role admin --staff` opens a working Django admin, as the README says; staff alone does not."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

pytestmark = pytest.mark.django_db


def _admin_index(django_user_model, role: str | None, staff: bool) -> Client:
    user = django_user_model.objects.create_user(f"user-{role}-{staff}", is_staff=staff)
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    client = Client()
    client.force_login(user)
    return client.get("/admin/")


def test_the_admin_role_with_staff_sees_every_model(django_user_model) -> None:
    page = _admin_index(django_user_model, "admin", staff=True)
    assert page.status_code == 200
    for model in ("/admin/provenance/source/", "/admin/auth/user/", "/admin/accounts/apitoken/"):
        assert model in page.content.decode()


@pytest.mark.parametrize(("role", "staff"), [("investigator", True), (None, True)])
def test_staff_without_the_admin_role_sees_no_model(django_user_model, role: str | None, staff: bool) -> None:
    page = _admin_index(django_user_model, role, staff)
    assert page.status_code == 200 and "/admin/provenance/source/" not in page.content.decode()


def test_the_admin_role_without_staff_does_not_open_the_admin(django_user_model) -> None:
    assert _admin_index(django_user_model, "admin", staff=False).status_code == 302
