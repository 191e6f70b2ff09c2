"""Writing a file that holds secrets (access codes, a letter): new, owner-only, whole or not at all.

The data goes to a 0600 temporary file in the target's folder, is flushed to disk, then linked to its
name: ``os.link`` refuses an existing name, so a file left by an earlier run is never overwritten, and a
reader never sees half a file. Callers check :func:`refuse_unwritable` before they change anything, and
write inside their transaction, so a failure rolls the change back instead of losing the codes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UnwritablePath(OSError):
    """The target exists already, or its folder does not (the message names the path)."""


def refuse_unwritable(path: Path) -> None:
    """Raise :class:`UnwritablePath` unless ``path`` is a new name in an existing folder."""
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise UnwritablePath(f"{path}: the file exists already; name a new file (nothing was changed)")
    if not path.parent.is_dir():
        raise UnwritablePath(f"{path}: the folder {path.parent} does not exist (nothing was changed)")


def write_new_file(path: Path, data: bytes | str) -> None:
    """Write ``data`` to the new file ``path`` (mode 0600), atomically; :class:`UnwritablePath` otherwise."""
    path = Path(path)
    refuse_unwritable(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise UnwritablePath(f"{path}: the file exists already; name a new file") from None
    finally:
        Path(temporary).unlink(missing_ok=True)
