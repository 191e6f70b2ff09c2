"""Findings 1, 9, 10, 13 (addresses behind a proxy) and 15 (password reset): one guarded way in."""

from __future__ import annotations

import threading
import time

import pytest
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from racing import held_until_all_arrive
from tergeu.accounts import signin, totp
from tergeu.accounts.models import LoginFailure, profile_of

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password"


@pytest.fixture
def staff_with_totp():
    user = get_user_model().objects.create_user("officer", password=PASSWORD, is_staff=True, is_superuser=True)
    profile = profile_of(user)
    profile.totp_secret = totp.new_secret()
    profile.save()
    return user


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_admin_login_page_cannot_sign_in_with_the_password_alone(staff_with_totp) -> None:
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "officer", "password": PASSWORD})
    assert not signed_in(client)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=/admin/")
    assert Client().get("/admin/", follow=True).redirect_chain[-1][0].startswith("/accounts/login/")


def test_the_admin_login_page_turns_away_a_signed_in_user_who_is_not_staff() -> None:
    client = Client()
    client.force_login(get_user_model().objects.create_user("clerk", password=PASSWORD))
    assert client.get("/admin/", follow=True).status_code == 403  # not a loop between two sign-in pages


def test_refused_attempts_are_not_counted_as_failures(staff_with_totp) -> None:
    """While locked, retrying must not extend the lock, nor fill the table at request rate."""
    for _ in range(signin.MAX_PER_ACCOUNT + 10):
        Client().post("/accounts/login/", {"username": "officer", "password": "wrong"})
    assert LoginFailure.objects.filter(username="officer").count() == signin.MAX_PER_ACCOUNT


def test_a_code_is_accepted_once(staff_with_totp) -> None:
    code = totp.code_at(profile_of(staff_with_totp).totp_secret, time.time())
    first, second = Client(), Client()
    first.post("/accounts/login/", {"username": "officer", "password": PASSWORD, "code": code})
    second.post("/accounts/login/", {"username": "officer", "password": PASSWORD, "code": code})
    assert signed_in(first) and not signed_in(second)


def test_the_code_that_turned_the_second_factor_on_does_not_sign_in() -> None:
    user = get_user_model().objects.create_user("officer2", password=PASSWORD, is_staff=True)
    client = Client()
    client.force_login(user)
    client.post("/account/", {"action": "totp-start"})
    code = totp.code_at(client.session["tergeu_totp_pending"], time.time())
    client.post("/account/", {"action": "totp-confirm", "code": code})
    other = Client()
    other.post("/accounts/login/", {"username": "officer2", "password": PASSWORD, "code": code})
    assert profile_of(user).totp_secret and not signed_in(other)


def test_turning_the_second_factor_off_needs_the_password_and_a_code(staff_with_totp) -> None:
    client = Client()
    client.force_login(staff_with_totp)
    client.post("/account/", {"action": "totp-off"})
    assert profile_of(staff_with_totp).totp_secret
    secret = profile_of(staff_with_totp).totp_secret
    client.post("/account/", {"action": "totp-off", "password": PASSWORD, "code": totp.code_at(secret, time.time())})
    assert profile_of(staff_with_totp).totp_secret == ""


def test_parallel_guesses_are_checked_no_more_than_the_limit(monkeypatch) -> None:
    """Sixteen wrong passwords at once: at most five may reach the password check.

    A barrier holds every attempt just after the throttle check until all sixteen have made it (or a
    second passes), so "check, then record the failure" lets all sixteen through, as the probe found.
    """
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("threads share an in-memory SQLite test database through table locks; PostgreSQL runs this")
    get_user_model().objects.create_user("analyst", password=PASSWORD)
    attempts = 16
    original_authenticate = auth_forms.authenticate
    counted, lock = [], threading.Lock()

    def counting_authenticate(*args, **kwargs):
        with lock:
            counted.append(1)
        return original_authenticate(*args, **kwargs)

    monkeypatch.setattr(signin, "is_throttled", held_until_all_arrive(signin.is_throttled, attempts))
    monkeypatch.setattr(auth_forms, "authenticate", counting_authenticate)

    def guess(index: int) -> None:
        try:
            Client().post("/accounts/login/", {"username": "analyst", "password": f"guess {index}"},
                          REMOTE_ADDR=f"10.1.0.{index}")
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(index,)) for index in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(counted) <= signin.MAX_PER_ACCOUNT


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address(settings) -> None:
    settings.TERGEU_TRUSTED_PROXIES = "10.9.0.0/24"
    get_user_model().objects.create_user("analyst", password=PASSWORD)
    via_proxy = {"REMOTE_ADDR": "10.9.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7, 10.9.0.3"}
    Client().post("/accounts/login/", {"username": "analyst", "password": "wrong"}, **via_proxy)
    forged = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    Client().post("/accounts/login/", {"username": "analyst", "password": "wrong"}, **forged)
    assert sorted(LoginFailure.objects.values_list("address", flat=True)) == ["198.51.100.7", "203.0.113.9"]


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings) -> None:
    settings.TERGEU_TRUSTED_PROXIES = ""
    get_user_model().objects.create_user("analyst", password=PASSWORD)
    Client().post("/accounts/login/", {"username": "analyst", "password": "wrong"},
                  REMOTE_ADDR="10.9.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert list(LoginFailure.objects.values_list("address", flat=True)) == ["10.9.0.2"]


@pytest.mark.parametrize("path", ["/accounts/password_reset/", "/accounts/reset/MQ/set-password/"])
def test_there_is_no_password_reset_by_e_mail(path: str) -> None:
    assert Client().get(path).status_code == 404


def test_a_mistyped_proxy_stops_the_server_at_start() -> None:
    from tergeu.conf import proxy_networks

    assert proxy_networks(" 10.9.0.2, 10.8.0.0/16 ") == ["10.9.0.2/32", "10.8.0.0/16"]
    with pytest.raises(ValueError, match="TERGEU_TRUSTED_PROXIES"):
        proxy_networks("10.9.0.x")
