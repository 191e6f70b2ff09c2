"""Load the synthetic demo case into the database through the ordinary importer.

The demo goes through exactly the path a real list takes (files on disk, header guessing, encoding
detection), so what a visitor sees in the demo is what Tergeu does with real lists. Every source it
creates is flagged synthetic, which every page and export then announces. The synthetic protected
witnesses (clearly invented names, every text marked "[synthetic]") go through the witnesses' own
service, so the demo shows pseudonyms, sealed identities, pressure histories and a retraction; the
demo's data directory gets its own master key when it has none.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Max
from rich.console import Console

from tergeu.core.protect import create_key_file
from tergeu.demo.cases_build import add_demo_cases
from tergeu.demo.cases_plan import demo_plan
from tergeu.demo.forces_data import write_force_files
from tergeu.demo.lists import write_demo_lists
from tergeu.history.tracking import acting_as
from tergeu.provenance.models import Source
from tergeu.registry.importing.columnmap import load_map
from tergeu.registry.importing.pipeline import ImportOptions, import_file
from tergeu.witnesses import records, service
from tergeu.witnesses.models import ProtectedPerson

DEMO_USER = "demo"
DEMO_PASSWORD = "synthetic-demo-2022"


class NotADemoRegistry(RuntimeError):
    """The data directory holds real work: the demo would mix invented people into it."""


def _is_demo_account(user: models.Model) -> bool:
    """An account the demo made: named ``demo`` and signing in with the published demo password."""
    return user.get_username() == DEMO_USER and user.check_password(DEMO_PASSWORD)


def demo_refusal() -> str:
    """Why the demo must not be built in this registry ("" if it may).

    Only an empty registry, or one the demo itself filled (synthetic sources, no account but its own),
    may take it: elsewhere it would mix invented people into real lists, and make whoever owns an
    account named ``demo`` a superuser with a password printed in the README.
    """
    real_sources = Source.objects.filter(is_synthetic=False).count()
    users = get_user_model().objects
    demo_account = users.filter(username=DEMO_USER).first()  # one password check, not one per account
    accounts = users.exclude(username=DEMO_USER).count() + (demo_account is not None
                                                            and not _is_demo_account(demo_account))
    reasons = []
    if real_sources:
        reasons.append(f"{real_sources} source(s) not marked synthetic")
    if accounts:
        reasons.append(f"{accounts} account(s) the demo did not make")
    return "; ".join(reasons)


def _check_demo_account() -> None:
    existing = get_user_model().objects.filter(username=DEMO_USER).first()
    if existing is not None and not _is_demo_account(existing):
        raise NotADemoRegistry(f"an account named {DEMO_USER!r} exists and is not the demo's; it is left as it is")


def ensure_demo_user() -> None:
    """A known login for the demo only; an account of that name the demo did not make is left alone."""
    _check_demo_account()
    users = get_user_model()
    user = users.objects.filter(username=DEMO_USER).first() or users(username=DEMO_USER)
    user.is_staff = user.is_superuser = True
    user.set_password(DEMO_PASSWORD)
    user.save()


def build_demo(seed: int = 2022, console: Console | None = None, into_existing: bool = False) -> str:
    """Import the synthetic lists, link and estimate; refuse a registry holding real work unless
    ``into_existing`` (and even then never touch an account named ``demo`` that the demo did not make)."""
    console = console or Console(stderr=True)
    refusal = demo_refusal()
    if refusal and not into_existing:
        raise NotADemoRegistry(f"{settings.TERGEU_HOME} is not an empty or demo data directory ({refusal}); "
                               "point TERGEU_HOME at a new directory for the demo")
    _check_demo_account()  # before anything is written
    directory = settings.TERGEU_HOME / "demo"
    demo_lists = write_demo_lists(directory, seed=seed)
    imported = 0
    for demo_list in demo_lists:
        report = import_file(demo_list.path, ImportOptions(
            list_name=demo_list.list_name, source_name=demo_list.source_name, source_kind=demo_list.source_kind,
            publisher=demo_list.publisher, published_on=demo_list.published_on,
            reliability=demo_list.reliability, synthetic=True,
            column_map=load_map(demo_list.map_path) if demo_list.map_path else None,
        ))
        if not report.ok:
            raise RuntimeError(f"demo list {demo_list.path.name} failed to import: {report.errors[:3]}")
        state = f"already there as '{report.already_imported_as}'" if report.already_imported_as else (
            f"{report.rows} rows imported")
        console.print(f"  {demo_list.list_name}: {state}")
        imported += report.rows
    ensure_demo_user()
    added = add_demo_witnesses(seed)
    if added:
        console.print(f"  {added} synthetic protected witnesses with pressure histories")
    link_and_estimate(console)
    add_demo_force(directory / "forces", seed, console)
    codes = add_demo_cases(seed)
    if codes:
        plan = demo_plan(seed)
        console.print(f"  {len(plan.complaints)} synthetic complaints and {len(plan.cases)} cases; "
                      "status page (/status/) codes to try:")
        for complaint_id, code in codes:
            console.print(f"    {code}  (complaint {complaint_id})")
    console.print(f"Demo files (synthetic) are in {directory}")
    console.print(f"Sign in as [bold]{DEMO_USER}[/bold] / [bold]{DEMO_PASSWORD}[/bold]")
    return f"{len(demo_lists)} lists in {directory}"


def link_and_estimate(console: Console, method: str = "lcmcr") -> None:
    """Link the demo lists into people and estimate the toll, so every page has something to show."""
    from tergeu.estimation.service import run_estimate
    from tergeu.linkage.linking import run_linkage

    with acting_as("demo"):
        summary = run_linkage()
        if summary.mode != "unchanged":
            console.print(f"  linkage: {summary.records} records → {summary.people} people, "
                          f"{summary.pairs_to_review} pairs to review")
        run = run_estimate(method, by="demo")
    if run.error:
        console.print(f"  estimate: none ({run.error})")
    else:
        low, high = run.result["interval"]
        console.print(f"  estimated toll ({method}): {run.result['estimate']:,.0f} "
                      f"(95% interval {low:,.0f}–{high:,.0f}), {run.result['observed']} named on the lists")


def add_demo_force(directory: Path, seed: int, console: Console) -> None:
    """The invented force structure, officials, incidents and training file (``demo.forces_data``), through
    the forces importer, in one transaction; then each incident it imported tied to the demo's dead at its
    place on its day."""
    from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
    from tergeu.forces.models import Incident
    from tergeu.forces.victims import tie_victims_by_place_and_day

    with acting_as("demo"), transaction.atomic():  # the whole invented force, or none of it
        before = Incident.objects.aggregate(top=Max("pk"))["top"] or 0
        for path, kind in write_force_files(directory, seed):
            report = import_forces_file(path, ForcesImportOptions(kind, synthetic=True))
            if not report.ok:
                raise RuntimeError(f"demo file {path.name} failed to import: {report.errors[:3]}")
            if not report.already_imported:
                console.print(f"  forces: {report.rows} {kind}")
        # only the incidents this run imported: a real incident whose id happens to start "D-I" is never tied
        # to synthetic dead
        tied = tie_victims_by_place_and_day(Incident.objects.filter(pk__gt=before, victims=None))
    if tied:
        console.print(f"  forces: incidents tied to {tied} synthetic victims by place and day")


DEMO_NAMES = ("Демобек Синтетов", "Sintetova Demogul", "Тестжан Ойдан-Ұлы", "Fiktiv Demoerlan", "Үлгібек Жасанды")
KINDS = ("threat", "visit-by-officials", "summons", "detention", "job-loss", "other")
START = datetime.date(2022, 2, 1)


def _witness_history(person: ProtectedPerson, rng: random.Random, retracts: bool) -> None:
    first = records.add_statement(person, "[synthetic] I saw armed men in uniform at the square on 5 January.",
                                  by="demo", given_on=START)
    records.add_statement(person, "[synthetic] The shooting began after the crowd was told to leave.", by="demo",
                          given_on=START + datetime.timedelta(days=3))
    day = START
    for _ in range(rng.randint(1, 4)):
        day += datetime.timedelta(days=rng.randint(5, 40))
        records.record_pressure(person, records.Pressure(
            day, rng.choice(KINDS), text="[synthetic] an event of pressure", reported_by="[synthetic] a relative",
            follow_up="[synthetic] the lawyer was told"), by="demo")
    if retracts:
        records.record_pressure(person, records.Pressure(
            day + datetime.timedelta(days=7), "retraction", text="[synthetic] withdrew the first statement",
            voluntary=False, withdraws=first), by="demo")


def add_demo_witnesses(seed: int = 2022) -> int:
    """Add the synthetic witnesses, shared with the demo account; none when the demo has them already."""
    if ProtectedPerson.objects.filter(created_by="demo").exists():
        return 0
    if not settings.TERGEU_KEY_FILE.exists():
        create_key_file(settings.TERGEU_KEY_FILE)
    rng = random.Random(seed)
    handler = get_user_model().objects.get(username="demo")
    with acting_as("demo"):
        for number, name in enumerate(DEMO_NAMES):
            person = service.add_person({"name": name, "contact": f"+7 700 000 00{number:02d} (synthetic)",
                                         "notes": "synthetic demo witness"}, by="demo", user=handler)
            _witness_history(person, rng, retracts=number % 2 == 0)
    return len(DEMO_NAMES)
