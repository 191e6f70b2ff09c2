"""A start-up check: behind a reverse proxy, the status page's cool-down must see each client's address.

With ``TERGEU_HTTPS=1`` the server sits behind a TLS-terminating proxy. Without
``TERGEU_TRUSTED_PROXIES`` every request then seems to come from the proxy, so 20 wrong codes from
anyone lock *every* complainant out of the status page for 15 minutes (review M5). A warning, not an
error: a proxy that rewrites REMOTE_ADDR itself is a valid set-up.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Warning as CheckWarning


def status_page_sees_clients(app_configs: Any = None, **kwargs: Any) -> list[CheckWarning]:
    if getattr(settings, "HTTPS", False) and not getattr(settings, "TERGEU_TRUSTED_PROXIES", ""):
        return [CheckWarning(
            "TERGEU_HTTPS=1 without TERGEU_TRUSTED_PROXIES: every client seems to have the proxy's address, so "
            "20 wrong access codes from anyone close the status page to every complainant for 15 minutes",
            hint="set TERGEU_TRUSTED_PROXIES to the reverse proxy's address (docs/cases.md, the status page)",
            id="cases.W001")]
    return []
