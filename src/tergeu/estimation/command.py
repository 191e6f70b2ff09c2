"""`tergeu estimate`: the work behind the command (cli.py holds only its options)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tergeu.core.estimation import Estimate, EstimationError, make_estimator, method_settings, read_capture_csv


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
    console.print(f"[bold]{data['method']}[/bold]: observed {data['observed']:,}; estimated total "
                  f"{data['estimate']:,.0f} ({mean}95% interval {low:,.0f} – {high:,.0f}); "
                  f"not on any list: about {data['estimate'] - data['observed']:,.0f}")
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
