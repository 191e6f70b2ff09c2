"""The synthetic complaint register of the demo, as a plan of plain values (no database).

On the scale of the reference case (docs: scenario facts, 14 March and August 2022): 234 allegations of
torture or abuse, 8 of them deaths in custody, and 15 officials investigated. Cases are in every state
of the vocabulary. Names are invented and marked synthetic; units and facilities are invented too.
The figures the funnel must show are counted from this plan (``expected``), never typed in twice.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

COMPLAINTS = 234
KIND_COUNTS = {"death-in-custody": 8, "torture": 150, "ill-treatment": 40, "arbitrary-detention": 20,
               "denial-of-medical-care": 8, "sexual-violence": 3, "threats": 5}
PLACES = ("Алматы", "Талдыкорган", "Тараз", "Шымкент", "Актобе", "Уральск", "Жанаозен", "Усть-Каменогорск",
          "Алматинская область")
FACILITIES = ("Synthetic district police station No. 3", "Synthetic temporary detention facility",
              "Synthetic pre-trial detention centre", "Synthetic unofficial holding site")
GIVEN = ("Демобек", "Синтетжан", "Ойданбек", "Үлгіжан", "Тестгүл", "Макетбай", "Жасандыгүл", "Fiktivbek")
FAMILY = ("Синтетов", "Демоев", "Ойданов", "Үлгібаев", "Тестов", "Макетов", "Жасандов", "Fiktivov")
START = datetime.date(2022, 1, 5)

# Each case: the statuses of its steps in order, and the outcome for each official concerned.
CASE_SHAPES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("registered",), ()),
    (("registered", "investigation-opened"), ("questioned",)),
    (("registered", "investigation-opened", "suspect-identified"), ("investigated",)),
    (("registered", "investigation-opened", "suspect-identified", "charged"), ("charged", "charged")),
    (("registered", "investigation-opened", "suspended"), ("questioned",)),
    (("registered", "closed"), ()),
    (("registered", "investigation-opened", "closed", "reopened"), ("investigated",)),
    (("registered", "investigation-opened", "suspect-identified", "charged", "sent-to-court"), ("charged",)),
    (("registered", "investigation-opened", "suspect-identified", "charged", "sent-to-court", "verdict-guilty"),
     ("convicted", "convicted", "convicted")),
    (("registered", "investigation-opened", "suspect-identified", "charged", "sent-to-court", "verdict-acquitted"),
     ("acquitted",)),
    (("registered", "investigation-opened", "suspect-identified", "charged", "sent-to-court", "verdict-guilty",
      "appeal"), ("convicted",)),
    (("registered", "investigation-opened", "closed"), ("questioned", "investigated")),
    (("registered", "investigation-opened", "closed"), ("investigated", "investigated")),
    (("registered", "investigation-opened"), ("investigated",)),
    (("registered", "closed"), ()),
    (("registered", "investigation-opened", "suspended"), ("investigated",)),
)
CLOSING_GROUNDS = ("no-crime", "no-evidence", "not-identified")


@dataclass(frozen=True)
class PlannedComplaint:
    number: int
    kind: str
    day: datetime.date
    place: str
    facility: str
    victim: str
    complainant: str  # a relative for a death in custody, else ""


@dataclass(frozen=True)
class PlannedCase:
    number: str
    statuses: tuple[str, ...]
    outcomes: tuple[str, ...]
    complaints: tuple[int, ...]  # numbers of planned complaints
    days: tuple[datetime.date, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Plan:
    complaints: tuple[PlannedComplaint, ...]
    cases: tuple[PlannedCase, ...]

    def expected(self, opened: frozenset[str], investigated: frozenset[str], charged: frozenset[str]) -> dict[str, int]:
        """The plan's own counts, given which statuses open a case and which outcomes count as what."""
        return {"complaints": len(self.complaints),
                "cases_opened": sum(bool(opened & set(case.statuses)) for case in self.cases),
                "officials_investigated": sum(o in investigated for c in self.cases for o in c.outcomes),
                "officials_charged": sum(o in charged for c in self.cases for o in c.outcomes),
                "convictions": sum(o == "convicted" for c in self.cases for o in c.outcomes)}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def demo_plan(seed: int = 2022) -> Plan:
    """The register: complaints by kind in the proportions above, and one case per shape (deaths first)."""
    rng = random.Random(seed)
    kinds = [kind for kind, count in KIND_COUNTS.items() for _ in range(count)]
    assert len(kinds) == COMPLAINTS  # nosec B101: the table above adds up
    complaints = tuple(PlannedComplaint(
        number, kind, START + datetime.timedelta(days=rng.randint(0, 20)), rng.choice(PLACES),
        rng.choice(FACILITIES), _name(rng), _name(rng) if kind == "death-in-custody" else "")
        for number, kind in enumerate(kinds))
    cases = []
    for index, (statuses, outcomes) in enumerate(CASE_SHAPES):
        about = (index,) if index < KIND_COUNTS["death-in-custody"] else (index, index + 40)
        day, days = datetime.date(2022, 2, 1) + datetime.timedelta(days=index), []
        for _status in statuses:
            days.append(day)
            day += datetime.timedelta(days=rng.randint(20, 120))
        cases.append(PlannedCase(f"2022-{7500 + index:04d}-SYN", statuses, outcomes, about, tuple(days)))
    return Plan(complaints, tuple(cases))
