"""A wheel built from a fresh checkout carries everything a running Tergeu reads besides code: the
compiled translations (not in git: the build compiles them), templates, static files and the reports' fonts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tergeu.toolkit.catalogues import compile_catalogue

pytestmark = pytest.mark.pure  # no database: run once, on the SQLite pass
ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("kk", "ru", "en")


def fresh_checkout(target: Path) -> Path:
    """The files a clone has (no compiled catalogues, no caches), copied to ``target``."""
    ignore = shutil.ignore_patterns("*.mo", "__pycache__", "*.pyc", "*.egg-info")
    target.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "src", target / "src", ignore=ignore)
    return target


def test_a_wheel_carries_compiled_translations_and_static_files(tmp_path: Path) -> None:
    source = fresh_checkout(tmp_path / "checkout")
    assert not list(source.glob("src/tergeu/locale/*/LC_MESSAGES/*.mo"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet",
                            "-w", str(tmp_path / "dist")], capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = zipfile.ZipFile(next((tmp_path / "dist").glob("tergeu-*.whl")))
    names = set(wheel.namelist())
    for language in LANGUAGES:
        mo = f"tergeu/locale/{language}/LC_MESSAGES/django.mo"
        assert mo in names
        po = (ROOT / f"src/tergeu/locale/{language}/LC_MESSAGES/django.po").read_text(encoding="utf-8")
        assert wheel.read(mo) == compile_catalogue(po)
    assert {"tergeu/web/static/tergeu/tergeu.css", "tergeu/web/static/tergeu/tergeu.js",
            "tergeu/linkage/static/linkage/review.js", "tergeu/web/templates/web/base.html",
            "tergeu/reports/templates/reports/reports.html", "tergeu/reports/fonts/LICENSE.txt"} <= names
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):  # the PDF reports' font, whole
        assert wheel.read(f"tergeu/reports/fonts/{font}") == (ROOT / "src/tergeu/reports/fonts" / font).read_bytes()


def test_the_compiled_catalogue_reads_as_gettext_reads_it() -> None:
    import gettext
    import io

    po = (ROOT / "src/tergeu/locale/ru/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    catalogue = gettext.GNUTranslations(io.BytesIO(compile_catalogue(po)))
    assert catalogue.gettext("Skip to content") == "Перейти к содержанию"
    assert catalogue.info()["plural-forms"].startswith("nplurals=3")
    fuzzy = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#, fuzzy\nmsgid "a"\nmsgstr "б"\n\n' \
            'msgid "c"\nmsgstr ""\n\nmsgid "d"\nmsgid_plural "ds"\nmsgstr[0] "е"\nmsgstr[1] "ё"\n'
    small = gettext.GNUTranslations(io.BytesIO(compile_catalogue(fuzzy)))
    assert small.gettext("a") == "a" and small.gettext("c") == "c"  # fuzzy and untranslated: the English
    assert small.ngettext("d", "ds", 1) == "е" and small.ngettext("d", "ds", 2) == "ё"
