"""Running LCMCR chains: where each starts, and running them side by side.

Why dispersed starts: on sparse tables with many lists the LCMCR posterior can have more than one mode (a
few classes and a small N, more classes and a larger N), and the Gibbs sampler moves between them rarely
or never. On a 20-list stratum of HRDAG's Colombian data, R's LCMCR from three seeds gave medians of
about 2,100, 1,410 and 1,410, each with a confident interval. One chain cannot tell; chains started far
apart and compared can (`mcmc.find_modes`). So chain 0 starts as R's LCMCR does, and every further chain
starts the same way except that its warm-up holds the unobserved count at a different level, spread
from four times the people observed down to as many: those chains begin among the larger
populations the first chain may never reach, and either come back (the chains then agree) or stay (the
disagreement is reported and the pooled interval spans both).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from .lcmcr_sampler import run_chain, workspace
from .table import CaptureTable, EstimationError

STARTS = ("dispersed", "r", "prior")
WARMUP = 500  # R's LCMCR warm-up sweeps, with alpha held at 0.3 / K
HELD_RANGE = (4.0, 1.0)  # the unobserved count held during the warm-up of chains 1, 2...: from 4 n down to n


def chain_starts(start: str, chains: int, observed: int, warmup: int = WARMUP) -> list[dict[str, Any]]:
    """How each chain starts: its warm-up length and the unobserved count held during it (None: drawn).

    "dispersed" (the default): chain 0 as R's LCMCR, chains 1... held at unobserved counts spread
    geometrically over `HELD_RANGE` times the people observed; "r": every chain as R's LCMCR; "prior":
    Tergeu's earlier start (capture probabilities and weights from their priors, no warm-up), kept to
    compare starts with.
    """
    if start not in STARTS:
        raise EstimationError(f"unknown start {start!r}; choose one of {', '.join(STARTS)}")
    if start == "prior":
        return [{"warmup": 0, "held_unobserved": None} for _ in range(chains)]
    held: list[int | None] = [None] * chains
    if start == "dispersed" and chains > 1:
        factors = np.geomspace(*HELD_RANGE, chains - 1)
        held[1:] = [int(round(f * observed)) for f in factors]
    return [{"warmup": warmup, "held_unobserved": h} for h in held]


def run_chains(
    table: CaptureTable,
    classes: int,
    burnin: int,
    samples: int,
    thinning: int,
    seed: int,
    a_alpha: float,
    b_alpha: float,
    starts: list[dict[str, Any]],
) -> list[dict[str, np.ndarray]]:
    """Run one chain per entry of `starts`, in parallel threads (the kernel releases the GIL).

    Chain i draws from the i-th child of SeedSequence(seed), so chain 0 is the same whatever the number of
    chains. Returns per chain its kept draws: N, alpha and the number of occupied classes.
    """
    keep = table.counts > 0
    patterns = np.ascontiguousarray(np.vstack([table.patterns[keep], np.zeros((1, table.list_count))]).astype(np.int8))
    counts = np.ascontiguousarray(table.counts[keep].astype(np.int64))
    states = [child.generate_state(4, np.uint64) for child in np.random.SeedSequence(seed).spawn(len(starts))]

    def one(i: int) -> dict[str, np.ndarray]:
        out = {"N": np.empty(samples, np.int64), "alpha": np.empty(samples), "classes": np.empty(samples, np.int64)}
        ws = workspace(len(counts), table.list_count, classes)
        held = starts[i]["held_unobserved"]
        run_chain(
            patterns, counts, a_alpha, b_alpha, burnin, thinning, states[i], ws, out["N"], out["alpha"],
            out["classes"], starts[i]["warmup"], -1 if held is None else held,
        )
        return out

    if len(starts) == 1:
        return [one(0)]
    with ThreadPoolExecutor(max_workers=min(len(starts), os.cpu_count() or 1)) as pool:
        return list(pool.map(one, range(len(starts))))
