"""Write the public release: a static site (kk, ru, en pages), people.csv and people.json, diff.json and the
manifest, into a new folder, whole or not at all.

The site needs no server and nothing from the network: plain HTML with its style inline and links
relative to the file, so it reads the same opened from a disk (``file://``), a USB stick or any web
server. What each person's entry holds is ``release.entries`` (an allow-list); what changed since the
previous release is ``core.release.compare``. Before the folder is moved into place, every file is
checked once more (``core.release.leaks``: IIN-like numbers, dates of birth, withheld names); one hit
refuses the whole release.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from tergeu.core.release import MANIFEST, Changes, Forbidden, circumstance_label, leaks, manifest
from tergeu.registry.export import spreadsheet_safe
from tergeu.release.diffing import PEOPLE_JSON, PreviousRelease
from tergeu.release.entries import PUBLIC_FIELDS
from tergeu.release.reading import read

FORMAT = "tergeu-public-release"
VERSION = 2  # 2: circumstances as categories, stand-in ids for withheld entries, one neutral removal reason
LANGUAGES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))
FIELD_LABELS = {
    "name": _("name"), "name_kk": _("name in Kazakh"), "name_ru": _("name in Russian"),
    "name_latin": _("name in Latin script"), "name_withheld": _("name withheld"), "age": _("age"), "sex": _("sex"),
    "date_of_death": _("date of death"), "place_key": _("place"), "place_kk": _("place in Kazakh"),
    "place_ru": _("place in Russian"), "place_en": _("place in English"), "circumstances": _("circumstances"),
    "lists": _("number of lists"), "sources": _("number of sources"), "synthetic": _("synthetic"),
}
TITLE = _("The dead: public list")
SYNTHETIC = _("SYNTHETIC DATA: the people of this release are invented, for a demonstration. It is not a list of real "
              "people.")
REASON_LABELS = {"merged": _("the same person as another entry (merged)"), "unlisted": _("no longer listed")}
FOLDER_MODE = 0o755  # a public site: readable by the web server's user


class ReleaseFolderError(ValueError):
    """The destination cannot take a release (the message names the folder)."""


class ReleaseRefused(ValueError):
    """The written files hold what must never be published (the message names each file and line)."""


@dataclass(frozen=True)
class Release:
    folder: Path
    people: int
    withheld: int
    changes: Changes
    named_then_withheld: list[str]  # ids an earlier release named, withheld now: for the console only


def build(to: Path, previous: PreviousRelease | None = None) -> Release:
    """Write the release into ``to`` (a new or empty folder), from the people as the published lists describe
    them; ``previous`` gives the diff. Written in a sibling temporary folder and renamed into place at the end,
    so a failure leaves no partial release behind."""
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise ReleaseFolderError(f"{to}: exists and is not an empty folder; write each release to a new folder "
                                 "(keep the last one for --previous)")
    to.parent.mkdir(parents=True, exist_ok=True)
    seen = read(previous)
    entries, changes = seen.entries, seen.changes
    stamp = timezone.now().replace(microsecond=0).isoformat()
    stage = Path(tempfile.mkdtemp(prefix=f".{to.name}.", suffix=".part", dir=to.parent))
    try:
        _write_files(stage, entries, changes, previous, {"stamp": stamp, "synthetic": seen.synthetic})
        _last_check(stage, seen.banned)
        stage.chmod(FOLDER_MODE)
        if to.exists():
            to.rmdir()
        os.replace(stage, to)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return Release(to, len(entries), sum(1 for e in entries if e["name_withheld"]), changes, seen.named_then_withheld)


def _last_check(stage: Path, banned: Forbidden) -> None:
    """Refuse the release when any written file holds what must never be published."""
    problems = [problem for path in sorted(stage.rglob("*")) if path.is_file()
                for problem in leaks(path.relative_to(stage).as_posix(), path.read_text(encoding="utf-8"), banned)]
    if problems:
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise ReleaseRefused(f"nothing was released: the files would publish what must not be published ({shown})")


def _write_files(stage: Path, entries: list[dict[str, Any]], changes: Changes, previous: PreviousRelease | None,
                 made: dict[str, Any]) -> None:
    stamp, synthetic = made["stamp"], made["synthetic"]
    about = {"format": FORMAT, "version": VERSION, "generated_at": stamp, "synthetic": synthetic}
    _write(stage / PEOPLE_JSON, _json({**about, "count": len(entries), "fields": list(PUBLIC_FIELDS),
                                      "people": entries}))
    _write(stage / "people.csv", people_csv(entries))
    earlier = ({"generated_at": previous.generated_at, "manifest_sha256": previous.manifest_sha256}
               if previous else None)
    _write(stage / "diff.json", _json({**about, "previous": earlier, **changes.as_json()}))
    context = {"entries": entries, "changes": changes, "previous": earlier, "stamp": stamp, "synthetic": synthetic,
               "languages": LANGUAGES, "withheld": sum(1 for e in entries if e["name_withheld"])}
    titles = []
    for code, name in LANGUAGES:
        with translation.override(code):
            titles.append((code, name, str(TITLE), str(SYNTHETIC)))
    _write(stage / "index.html", render_to_string("release/choose.html", {**context, "titles": titles}))
    for code, _name in LANGUAGES:
        with translation.override(code):
            pages = _language_context(context, code)
            (stage / code).mkdir()
            _write(stage / code / "index.html", render_to_string("release/people.html", pages))
            _write(stage / code / "changes.html", render_to_string("release/changes.html", pages))
    files = manifest(stage)
    _write(stage / MANIFEST, _json({**about, "algorithm": "sha256", "people": len(entries), "files": files,
                                    "previous": earlier}))


def _language_context(context: dict[str, Any], code: str) -> dict[str, Any]:
    """The page context in language ``code``: places and labels in it, entries looked up by id for the diff."""
    by_id = {entry["id"]: entry for entry in context["entries"]}
    rows = [{**entry, "place": entry[f"place_{code}"], "other_names": _other_names(entry),
             "circumstances_label": circumstance_label(entry["circumstances"], code)}
            for entry in context["entries"]]
    corrected = [(by_id[key], [str(FIELD_LABELS[name]) for name in fields])
                 for key, fields in context["changes"].corrected.items()]
    removed = [(removal, by_id.get(removal.into), str(REASON_LABELS[removal.reason]))
               for removal in context["changes"].removed]
    return {**context, "rows": rows, "language": code, "added": [by_id[key] for key in context["changes"].added],
            "corrected": corrected, "removed": removed}


def _other_names(entry: dict[str, Any]) -> list[str]:
    """The person's name in the other scripts the lists write it in (the shown one left out)."""
    found = [entry[column] for column in ("name_kk", "name_ru", "name_latin") if entry[column]]
    return [name for index, name in enumerate(found) if name != entry["name"] and name not in found[:index]]


def people_csv(entries: list[dict[str, Any]]) -> str:
    """One header line (``PUBLIC_FIELDS``) and one line per person; cells spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PUBLIC_FIELDS)
    for entry in entries:
        writer.writerow([spreadsheet_safe(_cell(entry[name])) for name in PUBLIC_FIELDS])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def manifest_digest(folder: Path) -> str:
    """The SHA-256 of a release's manifest: one value that pins every file of it (cite it with the release)."""
    return hashlib.sha256((folder / MANIFEST).read_bytes()).hexdigest()
