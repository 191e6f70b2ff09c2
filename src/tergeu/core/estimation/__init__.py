"""Multiple systems estimation: how many deaths no list recorded (issue 5).

Import from here, not from the modules behind it.
"""

from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable, from_histories, read_capture_csv

__all__ = [
    "CaptureTable",
    "Estimate",
    "EstimationError",
    "check_estimable",
    "from_histories",
    "read_capture_csv",
]
