"""Who gets listed: a latent-class log-linear capture model with covariates and two list interactions.

The five lists are P (the General Prosecutor's published list), F (the forensic bureau's register),
V (the volunteers' spreadsheet), M (the foreign journalists' list) and C (the Muftiate's burial
register). Every person belongs to one latent class:

1. ``public``: families went public; volunteers, journalists and imams all heard of them;
2. ``official``: known to the authorities only (security forces, people who died in custody or whose
   families kept silent for fear of prosecution);
3. ``unclaimed``: bodies that lay unidentified for days, buried quietly.

Given the class and covariates (region stratum, a Muslim burial, death in hospital), the capture
pattern x in {0,1}^5 has probability proportional to exp(sum_j theta_j x_j + sum_jk lambda_jk x_j x_k):
a log-linear model, not independent coin flips. Its two-way terms make M depend positively on V (the
journalists built their list partly from the volunteers'), V negatively on C (the volunteers and the
imams' network split the country between them, and families who went to one seldom went to the
other), and P positively on F (the prosecutor's identifications came from the forensic bureau). The
classes add heterogeneity on top, which no single log-linear model over the lists would capture; the
parameters were chosen so that about a tenth of the dead are on no list.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random

from generators.irtysh_people import MUSLIM, Victim

LISTS = ("prosecutor", "forensic", "volunteers", "media", "mosque")
CLASSES = ("public", "official", "unclaimed")
# P(class) for civilians, for the security forces, and for those who died in hospital.
CLASS_SHARES = {"civilian": (0.55, 0.30, 0.15), "security": (0.05, 0.92, 0.03), "hospital": (0.60, 0.35, 0.05)}
# theta: main effects on the log-odds scale, per class (P, F, V, M, C)
MAIN = {
    "public": (0.0, -0.8, 0.5, -1.2, -0.3),
    "official": (0.3, -0.4, -2.5, -3.5, -1.6),
    "unclaimed": (-2.2, -0.6, -3.0, -4.0, -1.3),
}
# Shifts by region stratum: the volunteers worked in Almaty, the imams' network in the regions.
STRATUM = {
    "almaty": (0.0, 0.4, 0.5, 0.3, -1.0),
    "oblast": (0.2, -0.2, 0.0, -0.3, 0.2),
    "south": (0.3, -0.6, -1.8, -0.8, 1.1),
    "west": (0.3, -0.6, -2.2, -1.0, 0.8),
}
NOT_MUSLIM = (0.0, 0.0, 0.2, 0.2, -4.0)  # the Muftiate buries Muslims
HOSPITAL = (0.5, 1.2, -0.2, -0.3, 0.0)  # a hospital death always reaches the forensic bureau
# lambda: two-way interactions (positive: one list copies or feeds the other; negative: they split people)
INTERACTIONS = {(2, 3): 1.8, (2, 4): -1.3, (0, 1): 1.0}

_PATTERNS = list(itertools.product((0, 1), repeat=len(LISTS)))


def _cell_weights(theta: list[float]) -> list[float]:
    """Cumulative probabilities of the 32 capture patterns under the log-linear model."""
    weights = []
    for pattern in _PATTERNS:
        score = sum(t for t, x in zip(theta, pattern, strict=True) if x)
        score += sum(lam for (j, k), lam in INTERACTIONS.items() if pattern[j] and pattern[k])
        weights.append(math.exp(score))
    total = sum(weights)
    return list(itertools.accumulate(w / total for w in weights))


class CaptureModel:
    """Draws each victim's latent class and capture pattern; the cell tables are cached per covariates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._cache: dict[tuple, list[float]] = {}

    def latent_class(self, victim: Victim) -> str:
        kind = "security" if victim.security else "hospital" if victim.hospital else "civilian"
        return self.rng.choices(CLASSES, CLASS_SHARES[kind])[0]

    def pattern(self, victim: Victim, latent: str) -> tuple[int, ...]:
        key = (latent, victim.stratum, victim.community in MUSLIM, victim.hospital)
        cumulative = self._cache.get(key)
        if cumulative is None:
            theta = list(MAIN[latent])
            shifts = [STRATUM[victim.stratum]]
            if victim.community not in MUSLIM:
                shifts.append(NOT_MUSLIM)
            if victim.hospital:
                shifts.append(HOSPITAL)
            for shift in shifts:
                theta = [t + s for t, s in zip(theta, shift, strict=True)]
            cumulative = self._cache[key] = _cell_weights(theta)
        index = bisect.bisect(cumulative, self.rng.random())
        return _PATTERNS[min(index, len(_PATTERNS) - 1)]


def capture(victims: list[Victim], rng: random.Random) -> tuple[dict[str, list[Victim]], dict[str, str]]:
    """The victims each list knows of (in population order) and each person's latent class."""
    model = CaptureModel(rng)
    known: dict[str, list[Victim]] = {name: [] for name in LISTS}
    classes: dict[str, str] = {}
    for victim in victims:
        latent = model.latent_class(victim)
        classes[victim.person.person_id] = latent
        for name, caught in zip(LISTS, model.pattern(victim, latent), strict=True):
            if caught:
                known[name].append(victim)
    return known, classes
