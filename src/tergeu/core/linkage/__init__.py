"""Record linkage: which records of which lists name the same person, with explainable probabilities.

The facade grows with the linkage issue; today: the features compared (``features_of``) and the
place gazetteer (``place_key``).
"""

from tergeu.core.linkage.features import FEATURE_COLUMNS, RecordFacts, features_of
from tergeu.core.linkage.places import place_key

__all__ = ["FEATURE_COLUMNS", "RecordFacts", "features_of", "place_key"]
