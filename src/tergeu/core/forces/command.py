"""Who stood above and below a unit, and who commanded it, on one day.

Plain data in, plain data out: the forces app hands in every dated parent relation and posting it
may show (by external id), and gets back the chain of command as of a date, each link with how it
holds (:class:`~tergeu.core.forces.timeline.Holding`). The timeline rules are in ``timeline.py``; a
commander whose posting begins after the day asked about is never returned.
"""

from __future__ import annotations

import datetime
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tergeu.core.forces.timeline import Holding, Period, holds_amid

__all__ = ["COMMAND_ROLES", "CommandGraph", "Link", "Posting", "Relation", "Serving"]

COMMAND_ROLES = ("commander",)


@dataclass(frozen=True)
class Relation:
    """``parent`` stood above ``child`` over ``period`` (command, administrative, …)."""

    child: str
    parent: str
    period: Period
    classification: str = "command"
    ref: object = None  # the caller's handle on the row (its key), returned untouched


@dataclass(frozen=True)
class Posting:
    """``person`` served in ``unit`` as ``role`` over ``period``."""

    person: str
    unit: str
    role: str
    period: Period
    title: str = ""
    rank: str = ""
    ref: object = None


@dataclass(frozen=True)
class Link:
    """A unit above or below the one asked about: how many steps away, and through which relation."""

    unit: str
    depth: int
    holding: Holding
    relation: Relation


@dataclass(frozen=True)
class Serving:
    posting: Posting
    holding: Holding


def _holding_amid_rivals(items: Sequence[Any], day: datetime.date,
                         rivals_of: Callable[[Any, Any], bool]) -> list[tuple[Any, Holding]]:
    """Each of ``items`` (relations or postings) that holds on ``day``, with how; ``rivals_of(item, other)``
    says whether ``other`` would contradict ``item`` (and so end an assumption of it)."""
    held = []
    for item in items:
        holding = holds_amid(item.period, [o.period for o in items if rivals_of(item, o)], day)
        if holding is not None:
            held.append((item, holding))
    return held


def _weakest(first: Holding, second: Holding) -> Holding:
    order = list(Holding)
    return order[max(order.index(first), order.index(second))]


@dataclass
class CommandGraph:
    """The relations and postings of one force, indexed for questions "as of a date"."""

    relations: Sequence[Relation]
    postings: Sequence[Posting]
    _up: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _down: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _posted: dict[str, list[Posting]] = field(default_factory=lambda: defaultdict(list), repr=False)

    def __post_init__(self) -> None:
        for relation in self.relations:
            self._up[relation.child].append(relation)
            self._down[relation.parent].append(relation)
        for posting in self.postings:
            self._posted[posting.unit].append(posting)

    def _parents_on(self, unit: str, day: datetime.date) -> list[tuple[Relation, Holding]]:
        return _holding_amid_rivals(self._up.get(unit, []), day, lambda relation, other: (
            other.parent != relation.parent and other.classification == relation.classification))

    def _children_on(self, unit: str, day: datetime.date) -> list[tuple[Relation, Holding]]:
        held = []
        for relation in self._down.get(unit, []):
            held += [(r, h) for r, h in self._parents_on(relation.child, day) if r is relation]
        return held

    def _walk(self, unit: str, day: datetime.date, step: str) -> list[Link]:
        """Breadth first from ``unit``: nearest first, each unit once (a cycle in the data stops there)."""
        neighbours = self._parents_on if step == "up" else self._children_on
        seen, links = {unit}, []
        queue: deque[tuple[str, int, Holding]] = deque([(unit, 0, Holding.CITED)])
        while queue:
            current, depth, so_far = queue.popleft()
            for relation, holding in neighbours(current, day):
                reached = relation.parent if step == "up" else relation.child
                if reached in seen:
                    continue
                seen.add(reached)
                weakest = _weakest(so_far, holding)
                links.append(Link(reached, depth + 1, weakest, relation))
                queue.append((reached, depth + 1, weakest))
        return links

    def parents_on(self, unit: str, day: datetime.date) -> list[Link]:
        """Every unit above ``unit`` on ``day``, nearest first; a link holds as its weakest step."""
        return self._walk(unit, day, "up")

    def children_on(self, unit: str, day: datetime.date) -> list[Link]:
        """Every unit below ``unit`` on ``day``, nearest first."""
        return self._walk(unit, day, "down")

    def serving_on(self, unit: str, day: datetime.date, roles: Iterable[str] = COMMAND_ROLES) -> list[Serving]:
        """The postings at ``unit`` in one of ``roles`` that hold on ``day``; an assumed posting ends
        when someone else is first cited in the same role after it."""
        wanted = set(roles)
        postings = [p for p in self._posted.get(unit, []) if p.role in wanted]
        serving = [Serving(posting, holding) for posting, holding in _holding_amid_rivals(
            postings, day, lambda posting, other: other.person != posting.person and other.role == posting.role)]
        order = list(Holding)
        return sorted(serving, key=lambda s: (order.index(s.holding), s.posting.person))

    def commanders_on(self, unit: str, day: datetime.date) -> list[Serving]:
        return self.serving_on(unit, day, COMMAND_ROLES)
