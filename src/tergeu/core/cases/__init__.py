"""Allegations and official proceedings: access codes, the order of a case's steps, the funnel.

Pure Python over plain values (no Django): the ``tergeu.cases`` app stores what these produce and
hands its rows in as plain tuples.

* :func:`new_code`, :func:`normalise_code`, :func:`code_hash`, :data:`CODE_ALPHABET` - the victim's access
  code: long, random, read aloud and typed on a phone without look-alike letters; only a keyed hash kept.
* :data:`STEP_STATUSES`, :data:`OPENED`, :func:`next_expected`, :func:`is_overdue` - a case's dated steps.
* :class:`ComplaintFacts`, :class:`CaseFacts`, :func:`funnel`, :data:`STAGES` - complaints → cases opened →
  officials investigated → charged → convicted, in total and per kind, region and month.
"""

from .codes import CODE_ALPHABET, CODE_GROUP_LENGTH, CODE_GROUPS, code_hash, new_code, normalise_code
from .funnel import SHARES, STAGES, CaseFacts, ComplaintFacts, funnel, stage_counts
from .steps import OFFICIAL_OUTCOMES, OPENED, OVERDUE_DAYS, STEP_STATUSES, is_overdue, next_expected

__all__ = ["CODE_ALPHABET", "CODE_GROUPS", "CODE_GROUP_LENGTH", "OFFICIAL_OUTCOMES", "OPENED", "OVERDUE_DAYS",
           "SHARES", "STAGES", "STEP_STATUSES", "CaseFacts", "ComplaintFacts", "code_hash", "funnel", "is_overdue",
           "new_code", "next_expected", "normalise_code", "stage_counts"]
