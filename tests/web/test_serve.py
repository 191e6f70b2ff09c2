"""``tergeu serve`` says at once, in one line, when its port is taken, instead of claiming to run."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from tergeu.cli import cli

pytestmark = pytest.mark.django_db


def test_a_busy_port_is_reported_before_anything_claims_to_run() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert "is running" not in result.output and f"cannot serve on 127.0.0.1:{port}" in result.output
    assert "--port" in result.output and "Traceback" not in result.output
