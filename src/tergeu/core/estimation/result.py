"""What an estimator returns: one shape for every method, so reports and the CLI need no special cases."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


@dataclass
class Estimate:
    """A population estimate with its interval.

    `estimate` is the total including the observed; `interval` its lower and upper bound at `level`
    (0.95 unless said); for posterior methods `estimate` is the median and `mean` the posterior mean
    (HRDAG's verdata combines means, so both are reported). `draws` keeps posterior or bootstrap draws of
    the total when the method has them, so strata can be combined by adding draws. `diagnostics` holds
    method-specific checks (model chosen, effective sample size, R-hat...), `warnings` what the user must
    read before quoting the number.
    """

    method: str
    observed: int
    estimate: float
    interval: tuple[float, float]
    level: float = 0.95
    settings: dict[str, Any] = field(default_factory=dict)
    diagnostics: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    draws: np.ndarray | None = None
    mean: float | None = None

    @property
    def unobserved(self) -> float:
        return self.estimate - self.observed

    def raise_to_observed(self, what: str = "the estimate", floor: int | None = None) -> bool:
        """Raise the estimate and its interval to ``observed`` (or ``floor``) where they fell below it;
        whether they did.

        Nobody can have died fewer times than the people already named: a stratum's total or a pooled
        total can dip below its observed count when imputations or linkage draws with fewer people are
        pooled (each finds its own observed count). The raised values are kept in ``diagnostics`` and a
        warning says so, so the reader knows the published figure is a floor, not the model's output.
        """
        low, high = (float(bound) for bound in self.interval)
        named = self.observed if floor is None else floor
        floor = float(named)
        if min(float(self.estimate), low, high) >= floor:
            return False
        self.diagnostics["raised_to_observed"] = {
            "estimate": float(self.estimate), "interval": [low, high], "observed": named}
        self.estimate, self.interval = max(float(self.estimate), floor), (max(low, floor), max(high, floor))
        if self.mean is not None:
            self.mean = max(float(self.mean), floor)
        if self.draws is not None:
            self.draws = np.maximum(np.asarray(self.draws, dtype=float), floor)
        self.warnings.append(f"{what} fell below the {named} people already named and was raised to it")
        return True

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (draws left out; they can be many)."""
        data = asdict(self)
        data.pop("draws")
        data["interval"] = [float(self.interval[0]), float(self.interval[1])]
        data["estimate"] = float(self.estimate)
        data["mean"] = None if self.mean is None else float(self.mean)
        return _plain(data)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value
