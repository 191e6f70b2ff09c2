"""Multiple systems estimation: how many deaths no list recorded (issue 5).

Import from here, not from the modules behind it.
"""

from .bma import bma_estimate, decomposable_graphs
from .combine import combine_imputations, combine_strata, impute_missing_strata
from .hierarchical import ModelFit
from .intervals import profile_interval
from .loglinear import fit_loglinear, loglinear_estimate, search_models
from .result import Estimate
from .stepwise import stepwise_estimate, stepwise_select
from .table import CaptureTable, EstimationError, check_estimable, from_histories, read_capture_csv

__all__ = [
    "CaptureTable",
    "Estimate",
    "EstimationError",
    "ModelFit",
    "bma_estimate",
    "check_estimable",
    "combine_imputations",
    "combine_strata",
    "decomposable_graphs",
    "fit_loglinear",
    "from_histories",
    "impute_missing_strata",
    "loglinear_estimate",
    "profile_interval",
    "read_capture_csv",
    "search_models",
    "stepwise_estimate",
    "stepwise_select",
]
