"""Multiple systems estimation: how many deaths no list recorded (issue 5).

Import from here, not from the modules behind it.
"""

from .bma import bma_estimate, decomposable_graphs
from .combine import combine_imputations, combine_replicates_verdata, combine_strata, impute_missing_strata
from .hierarchical import ModelFit
from .intervals import profile_interval
from .lcmcr import lcmcr_estimate
from .loglinear import fit_loglinear, loglinear_estimate, search_models
from .mcmc import bulk_ess, effective_sample_size, find_modes, rank_rhat, split_rhat
from .methods import METHODS, allows_isolated_lists, make_estimator, method_settings
from .result import Estimate
from .simulate import DESIGNS, SyntheticEvent, design_event, random_event, simulate_event
from .stepwise import stepwise_estimate, stepwise_select
from .stratified import TollResult, Unit, estimate_toll
from .table import CaptureTable, EstimationError, check_estimable, from_histories, isolated_lists, read_capture_csv

__all__ = [
    "METHODS",
    "TollResult",
    "Unit",
    "allows_isolated_lists",
    "estimate_toll",
    "make_estimator",
    "method_settings",
    "DESIGNS",
    "CaptureTable",
    "Estimate",
    "EstimationError",
    "ModelFit",
    "SyntheticEvent",
    "bma_estimate",
    "bulk_ess",
    "check_estimable",
    "combine_imputations",
    "combine_replicates_verdata",
    "combine_strata",
    "decomposable_graphs",
    "design_event",
    "effective_sample_size",
    "find_modes",
    "fit_loglinear",
    "from_histories",
    "impute_missing_strata",
    "isolated_lists",
    "lcmcr_estimate",
    "loglinear_estimate",
    "profile_interval",
    "random_event",
    "rank_rhat",
    "read_capture_csv",
    "search_models",
    "simulate_event",
    "split_rhat",
    "stepwise_estimate",
    "stepwise_select",
]
