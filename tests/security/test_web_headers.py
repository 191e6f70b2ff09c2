"""F13: a strict Content-Security-Policy, no-store on data, short sessions, and a clean deploy check over HTTPS."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from tergeu.accounts.models import ApiToken

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "tergeu"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/registry/", "/lists/", "/accounts/login/"])
def test_pages_forbid_inline_script_and_are_not_stored(client_as, path: str) -> None:
    response = client_as("admin").get(path, follow=True)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy and "frame-ancestors 'none'" in policy
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_api_answers_are_not_stored(django_user_model) -> None:
    user = django_user_model.objects.create_user("reader")
    user.groups.add(Group.objects.get_or_create(name="analyst")[0])
    _token, secret = ApiToken.issue(user, "test")
    from django.test import Client

    response = Client().get("/api/records", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


@pytest.mark.pure
def test_no_template_has_inline_script_or_event_handlers() -> None:
    found = []
    for template in TEMPLATES.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        found += [f"{template.name}: {m.group()}" for m in (*INLINE_SCRIPT.finditer(text),
                                                              *INLINE_HANDLER.finditer(text))]
    assert not found


@pytest.mark.pure
def test_a_session_lasts_a_working_day_and_ends_with_the_browser() -> None:
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def _deploy_check(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {**{name: os.environ[name] for name in ("PATH", "PYTHONPATH") if name in os.environ},
           "TERGEU_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "tergeu.settings", **extra}
    return subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.pure
def test_the_deploy_check_is_clean_with_https_a_real_key_named_hosts_and_the_proxy(tmp_path: Path) -> None:
    done = _deploy_check(tmp_path, TERGEU_HTTPS="1", TERGEU_SECRET_KEY=secrets.token_urlsafe(50),
                         TERGEU_ALLOWED_HOSTS="tergeu.example.org", TERGEU_TRUSTED_PROXIES="10.0.0.2")
    assert done.returncode == 0 and "no issues" in done.stdout, done.stdout + done.stderr


@pytest.mark.pure
def test_the_deploy_check_warns_of_https_without_a_trusted_proxy(tmp_path: Path) -> None:
    """Behind a proxy nobody named, every complainant shares its address and 20 wrong codes lock all out."""
    done = _deploy_check(tmp_path, TERGEU_HTTPS="1", TERGEU_SECRET_KEY=secrets.token_urlsafe(50),
                         TERGEU_ALLOWED_HOSTS="tergeu.example.org")
    assert done.returncode != 0 and "cases.W001" in done.stdout + done.stderr


@pytest.mark.pure
def test_https_without_named_hosts_refuses_to_start(tmp_path: Path) -> None:
    done = _deploy_check(tmp_path, TERGEU_HTTPS="1", TERGEU_SECRET_KEY=secrets.token_urlsafe(50))
    assert done.returncode != 0 and "TERGEU_ALLOWED_HOSTS" in done.stderr
