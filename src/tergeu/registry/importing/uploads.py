"""Uploaded list files: the size limit enforced while the request streams in, and kept no longer than needed.

A list names the dead, torture victims and witnesses; a copy left on disk is one more place for it to
leak from. So an upload is refused as soon as it passes ``TERGEU_MAX_UPLOAD_MB`` (before Django spools
the rest), a file the web page keeps between its preview and its import lives in a private folder
(0700, the file 0600) under TERGEU_HOME/uploads, and it is deleted once imported, when the user starts
over, when it cannot be read, and in any case a day after it was uploaded.
"""

from __future__ import annotations

import datetime
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

from tergeu.conf import max_upload_bytes
from tergeu.registry.importing.limits import too_large
from tergeu.registry.importing.table import ImportProblem

UPLOADS = "uploads"
KEEP_PENDING = datetime.timedelta(days=1)
FORM_ALLOWANCE = 1024 * 1024  # the form's other fields and the multipart framing around the file
MAX_FILE_NAME = 200  # bytes of UTF-8


class SizeLimitHandler(FileUploadHandler):
    """Stops a file upload as soon as it passes the import limit, before the rest is read or spooled.

    Installed first, so it sees each chunk before Django's own handlers store it. A request whose
    declared length cannot fit is stopped at its first file without reading it. ``problem`` then says
    which file was refused; the view answers with it instead of "no file".
    """

    def __init__(self, request: HttpRequest | None = None, limit: int | None = None) -> None:
        super().__init__(request)
        self.limit = max_upload_bytes() if limit is None else limit
        self.declared = 0
        self.refused: str | None = None

    def handle_raw_input(self, input_data: Any, META: dict, content_length: int, boundary: bytes,
                         encoding: str | None = None) -> None:
        self.declared = content_length or 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        if self.declared > self.limit + FORM_ALLOWANCE:
            self._refuse()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self._refuse()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler stores the file

    def _refuse(self) -> None:
        self.refused = safe_file_name(self.file_name)
        raise StopUpload(connection_reset=True)

    @property
    def problem(self) -> ImportProblem | None:
        return too_large(self.refused, self.limit) if self.refused is not None else None


def limit_uploads(request: HttpRequest) -> SizeLimitHandler:
    """Put the size limit in front of the request's upload handlers; call before anything reads the body."""
    handler = SizeLimitHandler(request)
    request.upload_handlers.insert(0, handler)
    return handler


def safe_file_name(name: str | None) -> str:
    """An uploaded file's base name, without directories or control characters, at a sane length.

    The length is counted in UTF-8 bytes, as the file system counts it (255 at most on Linux): a
    Russian or Kazakh title of 150 letters is 300 bytes.
    """
    base = "".join(ch for ch in Path((name or "").replace("\\", "/")).name if ch.isprintable())
    if base in ("", ".", ".."):
        return "upload"
    if len(base.encode("utf-8")) <= MAX_FILE_NAME:
        return base
    suffix = Path(base).suffix[:16]
    room = MAX_FILE_NAME - len(suffix.encode("utf-8"))
    stem = base[:len(base) - len(suffix)].encode("utf-8")[:room].decode("utf-8", "ignore")
    return stem + suffix


def save_upload(upload: Any, home: Path) -> Path:
    """Stream ``upload`` into a new private folder under ``home``/uploads; return the file's path.

    Written chunk by chunk (never whole in memory), 0600 in a 0700 folder with an unguessable name,
    and checked against the limit again as it is written, whichever handler received it.
    """
    limit = max_upload_bytes()
    folder = _uploads(home) / secrets.token_hex(16)
    folder.mkdir(mode=0o700)
    path = folder / safe_file_name(upload.name)
    written = 0
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            for chunk in upload.chunks():
                written += len(chunk)
                if written > limit:
                    raise too_large(path, limit)
                out.write(chunk)
    except BaseException:
        discard_upload(path, home)
        raise
    return path


def discard_upload(path: Path | str | None, home: Path) -> None:
    """Delete an upload's folder; a path outside ``home``/uploads is never touched."""
    if not path:
        return
    folder = Path(path).parent
    if folder.parent == _uploads(home) and folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)


def purge_stale_uploads(home: Path, keep: datetime.timedelta = KEEP_PENDING) -> int:
    """Delete uploads older than ``keep`` (pending imports nobody finished); return how many."""
    root = home / UPLOADS
    if not root.is_dir():
        return 0
    cutoff = time.time() - keep.total_seconds()
    purged = 0
    for folder in root.iterdir():
        try:
            stale = folder.lstat().st_mtime < cutoff
        except OSError:
            continue
        if stale:
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.unlink(missing_ok=True)
            purged += 1
    return purged


def _uploads(home: Path) -> Path:
    root = home / UPLOADS
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if root.stat().st_mode & 0o077:
        root.chmod(0o700)  # created 0755 by an older version
    return root

