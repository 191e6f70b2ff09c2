"""Security forces: unit numbers, dated relations, the chain of command on a day, name resolution.

Pure Python over plain values (no Django): the ``tergeu.forces`` app loads its rows, hands them in by
external id and stores or shows what comes back.

* :func:`identifier_key`, :func:`find_identifiers`, :func:`bare_identifier` - military-unit numbers in
  any script or form («в/ч 30417», «30417 әскери бөлімі», "MU 30417") → ``"mu:30417"``.
* :class:`Period`, :class:`FuzzyDate`, :class:`Holding`, :class:`OpenEnd`, :func:`holds_amid` - the
  first cited / last cited rules: when a relation holds, and how open ends are read.
* :class:`CommandGraph`, :class:`Relation`, :class:`Posting` - parents, children and commanders of a
  unit as of a date.
* :class:`NameIndex`, :class:`Entity`, :func:`split_mentions` - free text → units and persons, with
  scores and explanations.
* :class:`BlockedNameIndex` - the same candidates at or above a floor, for one query at a time among
  100,000 names (vetting), without scoring every name that shares a word start.
* :func:`units_involved` - the review of assistance: each incident's units, their parents and children
  on its day, and the trainings resolved to each.
* :func:`vet_unit`, :func:`vet_person`, :func:`verdict_of` - a unit's or a person's incidents, directly,
  through units under it or through command on the incident's date.
"""

from .assistance import IncidentUnits, UnitInvolved, units_involved
from .blocking import BlockedNameIndex
from .command import COMMAND_ROLES, CommandGraph, Link, Posting, Relation, Serving
from .identifiers import bare_identifier, find_identifiers, identifier_key, is_identifier_key
from .resolve import (
                      DOUBTFUL_MATCH,
                      RESOLVED,
                      REVIEW,
                      UNRESOLVED,
                      Candidate,
                      Entity,
                      NameIndex,
                      Resolution,
                      split_mentions,
)
from .timeline import FuzzyDate, Holding, OpenEnd, Period, holds_amid
from .vetting import (
                      CLEAR,
                      FLAGGED,
                      REVIEW_VERDICT,
                      Finding,
                      IncidentFacts,
                      sure_match,
                      verdict_of,
                      vet_person,
                      vet_unit,
)

__all__ = [
    "CLEAR", "COMMAND_ROLES", "DOUBTFUL_MATCH", "FLAGGED", "RESOLVED", "REVIEW", "REVIEW_VERDICT", "UNRESOLVED",
    "BlockedNameIndex",
    "Candidate", "CommandGraph", "Entity", "Finding", "FuzzyDate", "Holding", "IncidentFacts", "IncidentUnits",
    "Link", "NameIndex", "OpenEnd", "Period", "Posting", "Relation", "Resolution", "Serving", "UnitInvolved",
    "bare_identifier", "find_identifiers", "holds_amid", "identifier_key", "is_identifier_key", "split_mentions",
    "sure_match", "units_involved", "verdict_of", "vet_person", "vet_unit",
]
