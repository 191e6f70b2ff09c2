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
