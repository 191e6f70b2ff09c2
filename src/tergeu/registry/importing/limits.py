"""How much of a file an import reads: one size limit for the web page, the API and ``tergeu import``.

Every reader holds the whole file in memory (a CSV's encoding and separator are detected on the whole
text, a workbook is a zip read from its end), so the size is checked before reading, and the read
itself stops one byte past the limit in case the file grows while it is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from tergeu.conf import max_upload_bytes
from tergeu.registry.importing.table import ImportProblem

LIMIT_VARIABLE = "TERGEU_MAX_UPLOAD_MB"


def too_large(path: Path | str, limit: int) -> ImportProblem:
    """The one message for a file over the limit, wherever it is found (upload stream or disk)."""
    return ImportProblem(path, f"the file is larger than the import limit of {limit // (1024 * 1024):,} MB "
                               f"(set by {LIMIT_VARIABLE}); split the list, or ask the administrator to raise it")


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, or an ``ImportProblem`` naming it when it is unreadable or over the limit."""
    limit = max_upload_bytes() if limit is None else limit
    try:
        with Path(path).open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                raise too_large(path, limit)
            data = handle.read(limit + 1)  # a pipe, or a file still growing, has no final size yet
    except OSError as exc:
        raise ImportProblem(path, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise too_large(path, limit)
    return data
