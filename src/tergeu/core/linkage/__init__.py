"""Record linkage: which records of which lists name the same person, with explainable probabilities.

Import from here, not from the modules behind it. The names that need Splink and DuckDB (training and
scoring: ``link_records``, ``link_new_records``, ``Linkage``) load on first use, so code that only
compares names or places does not pay for them.
"""

from importlib import import_module
from typing import Any

from tergeu.core.linkage.calibration import (
    Calibration,
    calibration_from_decisions,
    calibration_from_sample,
    decisions_read,
    leaning_calibration,
    read_calibration,
    why_uncalibrated,
)
from tergeu.core.linkage.cluster_report import doubts
from tergeu.core.linkage.clustering import Cluster, ConstraintConflict, Constraints, ScoredPair
from tergeu.core.linkage.consolidate import NamedRecord, SupportedFact, best_supported_facts, preferred_names
from tergeu.core.linkage.features import FEATURE_COLUMNS, RecordFacts, features_of
from tergeu.core.linkage.identifiable import is_identifiable
from tergeu.core.linkage.joined import joined
from tergeu.core.linkage.left_alone import (
    LEFT_ALONE_SAMPLE,
    UNREVIEWED_RATES,
    LeftAloneRates,
    LeftAloneReview,
    left_alone,
    left_alone_review,
    left_alone_sample,
    rates_from_decisions,
)
from tergeu.core.linkage.places import comparable_place, place_key
from tergeu.core.linkage.review import UNCERTAIN, ReviewItem, calibration_sample, pair_hash, review_queue
from tergeu.core.linkage.uncertainty import DEFAULT_LINKAGE_DRAWS, UNREVIEWED_SHIFT, plausible_clusterings

_ON_FIRST_USE = {"Linkage": "pipeline", "link_new_records": "pipeline", "link_records": "pipeline",
                 "comparisons_fingerprint": "comparisons", "CONTRADICTION_BITS": "rescoring"}

__all__ = [
    "CONTRADICTION_BITS", "DEFAULT_LINKAGE_DRAWS",
    "FEATURE_COLUMNS", "LEFT_ALONE_SAMPLE", "UNCERTAIN", "UNREVIEWED_RATES", "UNREVIEWED_SHIFT",
    "Calibration", "Cluster", "ConstraintConflict", "Constraints", "LeftAloneRates", "LeftAloneReview", "Linkage",
    "NamedRecord", "RecordFacts", "ReviewItem", "ScoredPair", "SupportedFact", "best_supported_facts",
    "calibration_from_decisions", "calibration_from_sample", "calibration_sample", "comparable_place",
    "comparisons_fingerprint", "decisions_read", "doubts",
    "features_of", "is_identifiable", "joined", "leaning_calibration", "left_alone", "left_alone_review",
    "left_alone_sample", "link_new_records", "link_records",
    "pair_hash", "place_key",
    "plausible_clusterings", "preferred_names", "rates_from_decisions", "read_calibration", "review_queue",
    "why_uncalibrated",
]


def __getattr__(name: str) -> Any:
    if name in _ON_FIRST_USE:
        return getattr(import_module(f"tergeu.core.linkage.{_ON_FIRST_USE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
