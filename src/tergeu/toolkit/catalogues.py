"""Compile the translation catalogues (.po) into the binary form gettext reads (.mo), in plain Python.

Why here and in plain Python: the .mo files are build output (not in git). ``pip install .`` and a
wheel must carry them, so the package build compiles them (``setup.py`` loads this file by its path,
before Django or Tergeu can be imported); ``scripts/bootstrap`` compiles the source tree with it too.
GNU gettext's ``msgfmt`` is then needed nowhere. Untranslated and fuzzy entries are left out, as
``msgfmt`` leaves them: gettext then shows the English text.

Only the standard library may be imported here.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

MAGIC = 0x950412DE


def _entries(text: str) -> list[dict]:
    """The entries of a .po file: context, msgid, plural and msgstr forms, and flags."""
    entries, current, key = [], None, None
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current is not None:
                entries.append(current)
            current, key = None, None
            continue
        if line.startswith("#~"):
            continue
        if current is None:
            current = {"flags": set(), "msgctxt": None, "msgid": "", "msgid_plural": None, "msgstr": {}}
        if line.startswith("#,"):
            current["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(current, key, ast.literal_eval(line))
        else:
            word, _space, rest = line.partition(" ")
            key = word
            _append(current, key, ast.literal_eval(rest), start=True)
    return entries


def _append(entry: dict, key: str | None, value: str, start: bool = False) -> None:
    if key is None:
        raise ValueError(f"a string outside an entry: {value!r}")
    if key.startswith("msgstr["):
        index = int(key[7:-1])
        entry["msgstr"][index] = ("" if start else entry["msgstr"][index]) + value
    elif key == "msgstr":
        entry["msgstr"][0] = ("" if start else entry["msgstr"][0]) + value
    elif key in ("msgid", "msgid_plural", "msgctxt"):
        entry[key] = ("" if start or entry[key] is None else entry[key]) + value
    else:
        raise ValueError(f"unknown keyword {key!r}")


def compile_catalogue(po_text: str) -> bytes:
    """The .mo bytes of a .po text (translated, non-fuzzy entries and the header)."""
    pairs: dict[bytes, bytes] = {}
    for entry in _entries(po_text):
        forms = [entry["msgstr"][index] for index in sorted(entry["msgstr"])]
        if (entry["msgid"] and "fuzzy" in entry["flags"]) or not forms or not all(forms):
            continue
        original = entry["msgid"] if entry["msgid_plural"] is None else f"{entry['msgid']}\0{entry['msgid_plural']}"
        if entry["msgctxt"] is not None:
            original = f"{entry['msgctxt']}\x04{original}"
        pairs[original.encode("utf-8")] = "\0".join(forms).encode("utf-8")
    keys = sorted(pairs)
    count = len(keys)
    originals_at, translations_at = 7 * 4, 7 * 4 + count * 8
    data_at = translations_at + count * 8
    offsets, blob = [], b""
    for key in keys:
        offsets.append((len(key), data_at + len(blob)))
        blob += key + b"\0"
    for key in keys:
        offsets.append((len(pairs[key]), data_at + len(blob)))
        blob += pairs[key] + b"\0"
    header = struct.pack("<7I", MAGIC, 0, count, originals_at, translations_at, 0, 0)
    table = b"".join(struct.pack("<2I", length, offset) for length, offset in offsets)
    return header + table + blob


def compile_tree(locale_dir: Path) -> list[Path]:
    """Compile every ``<language>/LC_MESSAGES/*.po`` under ``locale_dir`` next to itself; the files written."""
    written = []
    for po in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_catalogue(po.read_text(encoding="utf-8")))
        written.append(mo)
    return written


if __name__ == "__main__":  # python -m tergeu.toolkit.catalogues [LOCALE_DIR]
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "locale"
    for path in compile_tree(target):
        print(path)
