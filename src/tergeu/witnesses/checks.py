"""A start-up check: the server refuses to start with a master key file others may read.

A missing key is not an error here (a registry without witnesses needs none, and the pages say what
is missing); a key file readable by the group or others is, because it means the key may already
have been copied.
"""

from __future__ import annotations

import stat
from typing import Any

from django.conf import settings
from django.core.checks import Error


def key_file_is_private(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    path = settings.TERGEU_KEY_FILE
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return []
    if mode & 0o077:
        return [Error(f"{path}: the master key file is readable by others (mode {mode:04o})",
                      hint=f"chmod 600 {path}, then rotate the key (tergeu keys rotate): it may have been copied",
                      id="witnesses.E001")]
    return []
