"""The estimation's command: ``tergeu estimate`` (``tergeu.cli`` mounts it), and how it prints a result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tergeu.core.estimation import Estimate, EstimationError, make_estimator, method_settings, read_capture_csv
from tergeu.core.linkage import DEFAULT_LINKAGE_DRAWS
from tergeu.toolkit.cli import console, fail, with_django


@click.command()
@click.option("--method", type=click.Choice(["lcmcr", "loglinear", "stepwise", "bma"]), default="lcmcr",
              show_default=True, help="Latent classes (HRDAG's), log-linear by BIC, CSV-2021 stepwise, or Bayesian "
              "model averaging.")
@click.option("--strata", default="", help="Estimate per stratum and add up: comma-separated of place, date, sex, "
              "circumstances, region. Missing values are imputed.")
@click.option("--table", "table_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Estimate from a capture-pattern CSV (0/1 column per list, plus count) instead of the people.")
@click.option("--linkage-draws", default=DEFAULT_LINKAGE_DRAWS, show_default=True, type=click.IntRange(0, 100),
              help="Alternative linkages drawn from the match probabilities, to carry linkage doubt into the interval.")
@click.option("--preset", type=click.Choice(["standard", "production"]), default="standard", show_default=True,
              help="production: HRDAG's LCMCR settings (5 million iterations) and bootstrap intervals.")
@click.option("--seed", default=1, show_default=True, type=int,
              help="Random seed; the same seed gives the same result.")
@click.option("--lists", "list_names", default="", metavar="NAMES",
              help="Estimate from these lists only (comma-separated names or public ids; default: every list), "
              "e.g. to leave out a list that copies another. The others count as naming no one.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@with_django
def estimate(method: str, strata: str, table_path: Path | None, linkage_draws: int, preset: str, seed: int,
             list_names: str, as_json: bool) -> None:
    """Estimate the total number of deaths, including those no list recorded (multiple systems estimation).

    Runs on the people `tergeu link` found (and stores the result for the estimation page), or on a
    capture-pattern table with --table.
    """
    from tergeu.estimation.service import run_estimate

    fields = [name.strip() for name in strata.split(",") if name.strip()]
    chosen = [name.strip() for name in list_names.split(",") if name.strip()]
    try:
        if table_path is not None:
            if fields or chosen:
                fail("--strata and --lists need linked people; with a capture-pattern table, leave its columns out")
            data = estimate_table(table_path, method, preset, seed)
        else:
            lists = chosen_lists(chosen) if chosen else None
            with console.status("Estimating…"):
                run = run_estimate(method, fields, linkage_draws, seed, preset, by="command line", lists=lists)
            if run.error:
                fail(run.error)
            data = {**run.result, "run": run.pk}
    except (EstimationError, ValueError) as problem:
        fail(str(problem))
    print_result(console, data, as_json)


def chosen_lists(names: list[str]) -> list[str]:
    """The public ids of the lists ``names`` gives (each a list's name or public id); a name that is no
    list stops the command, naming it and the lists there are, so nothing is estimated on a typo."""
    from tergeu.registry.models import ImportedList

    known = list(ImportedList.objects.order_by("name").values_list("name", "public_id"))
    by_either = dict(known) | {public_id: public_id for _, public_id in known}
    unknown = [name for name in names if name not in by_either]
    if unknown:
        fail(f"no list is called {', '.join(unknown)}; the lists are: {', '.join(name for name, _ in known)}")
    return sorted({by_either[name] for name in names})


def estimate_table(path: Path, method: str, preset: str, seed: int) -> dict[str, Any]:
    """Estimate from a capture-pattern CSV (0/1 column per list plus ``count``)."""
    table = read_capture_csv(path)
    data = make_estimator(method, preset, seed)(table).as_dict()
    data.update({"lists": list(table.lists), "list_sizes": table.list_sizes(), "strata": {}, "problems": {}})
    data["settings"] = {**data.get("settings", {}), "table": str(path), "preset": preset,
                        "method_settings": method_settings(method, preset)}
    return data


def print_result(console: Console, data: dict[str, Any], as_json: bool) -> None:
    """The result as one JSON document on stdout, or as a short table on the console."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    low, high = data["interval"]
    mean = f"mean {data['mean']:,.0f}; " if data.get("mean") is not None else ""
    unlisted = data["estimate"] - data["observed"]
    tail = (f"not on any list: about {unlisted:,.0f}" if unlisted >= 0 else
            "below the people observed: the linkage draws join people the best guess keeps apart")
    console.print(f"[bold]{data['method']}[/bold]: observed {data['observed']:,}; estimated total "
                  f"{data['estimate']:,.0f} ({mean}95% interval {low:,.0f} – {high:,.0f}); {tail}")
    diagnostics = data.get("diagnostics", {})
    if diagnostics.get("per_chain"):
        rhat = diagnostics.get("rhat")
        console.print(f"Chains: {len(diagnostics['per_chain'])}, medians "
                      + ", ".join(f"{c['median']:,.0f}" for c in diagnostics["per_chain"])
                      + (f"; split R-hat {rhat:.3f}" if rhat is not None else "")
                      + f"; bulk effective sample size {diagnostics['ess']:,.0f}")
    if diagnostics.get("linkage_share") is not None:
        console.print(f"Share of the uncertainty due to linkage: {diagnostics['linkage_share']:.0%}")
    if data.get("strata"):
        table = Table("stratum", "observed", "estimate", "95% interval")
        for name, stratum in data["strata"].items():
            table.add_row(escape(name), f"{stratum['observed']:,}", f"{stratum['estimate']:,.0f}",
                          f"{stratum['interval'][0]:,.0f} – {stratum['interval'][1]:,.0f}")
        console.print(table)
    for name, problem in data.get("problems", {}).items():
        console.print(f"[yellow]No estimate for {escape(name)}:[/yellow] {escape(problem)}")  # strata are places
    for warning in data.get("warnings", []):
        console.print(f"[yellow]Note:[/yellow] {escape(warning)}")


__all__ = ["Estimate", "EstimationError", "estimate_table", "print_result"]


COMMANDS = [estimate]
