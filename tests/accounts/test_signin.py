"""Sign-in: argon2, throttling against guessing, the optional TOTP second factor, API tokens."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tergeu.accounts import totp
from tergeu.accounts.models import ApiToken, LoginFailure, profile_of

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


@pytest.fixture
def user():
    return get_user_model().objects.create_user("analyst", password=PASSWORD)


def sign_in(client: Client, password: str, code: str = "", address: str = "10.0.0.1"):
    return client.post("/accounts/login/", {"username": "analyst", "password": password, "code": code},
                       REMOTE_ADDR=address)


def test_it_refuses_even_the_right_password_after_five_failures(user) -> None:
    client = Client()
    for _ in range(5):
        assert sign_in(client, "wrong").status_code == 200
    response = sign_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_throttles_one_address_across_accounts(user) -> None:
    for index in range(20):
        LoginFailure.objects.create(username=f"guess{index}", address="10.0.0.9")
    assert "Too many failed sign-ins" in sign_in(Client(), PASSWORD, address="10.0.0.9").content.decode()
    assert sign_in(Client(), PASSWORD, address="10.0.0.10").status_code == 302


def test_it_forgets_failures_after_a_successful_sign_in(user) -> None:
    client = Client()
    sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="analyst").exists()


def test_it_asks_staff_with_totp_for_the_code(user) -> None:
    profile = profile_of(user)
    profile.totp_secret = totp.new_secret()
    profile.save()
    assert sign_in(Client(), PASSWORD).status_code == 200
    assert sign_in(Client(), PASSWORD, code="000000" if totp.code_at(profile.totp_secret, time.time()) != "000000"
                   else "111111").status_code == 200
    assert sign_in(Client(), PASSWORD, code=totp.code_at(profile.totp_secret, time.time())).status_code == 302


def test_it_follows_rfc_6238() -> None:
    # RFC 6238 appendix B, SHA-1, secret "12345678901234567890", time 59 -> 94287082 (8 digits): last 6.
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp.code_at(secret, 59) == "287082"
    assert totp.code_at(secret, 1111111109) == "081804"
    assert totp.verify(secret, "081804", moment=1111111109 + 25)
    assert not totp.verify(secret, "081804", moment=1111111109 + 95)


def test_it_enables_totp_from_the_account_page() -> None:
    staff = get_user_model().objects.create_user("admin1", password=PASSWORD, is_staff=True)
    client = Client()
    client.force_login(staff)
    client.post("/account/", {"action": "totp-start"})
    secret = client.session["tergeu_totp_pending"]
    client.post("/account/", {"action": "totp-confirm", "code": totp.code_at(secret, time.time())})
    assert profile_of(staff).totp_secret == secret


def test_it_stores_only_the_digest_of_an_api_token(user) -> None:
    token, secret = ApiToken.issue(user, "script")
    assert secret.startswith("tg_") and secret not in (token.digest, token.prefix)
    assert ApiToken.objects.get(digest=ApiToken.digest_of(secret)) == token
