"""Files the command line writes: whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_to(output: Path | None, write: Callable[[TextIO], int], fail: Callable[[str], None]) -> int:
    """Write to stdout, or to ``output`` through a temporary file in its folder, renamed when complete.

    A failed export (a missing folder, a full disk, a database error, Ctrl-C) then never leaves half a
    file where a whole one was, nor a temporary file behind. A file that cannot be written is reported
    through ``fail`` (one line naming it) instead of a traceback.
    """
    if output is None:
        return write(sys.stdout)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
        raise  # fail exits; this only satisfies the type checker
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            count = write(stream)
        os.replace(temporary, output)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            fail(f"cannot write {output}: {error.strerror or error}")
        raise
    return count
