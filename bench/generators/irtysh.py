"""``irtysh``: a held-out simulation of an inquiry into the January 2022 deaths in Kazakhstan.

Written as a statistician would simulate an inquiry: first the dead (incidents by place and day,
relatives dying together, names from skewed frequency tables, documents spelled by cohort habit),
then who is listed, from an explicit latent-class log-linear capture model with list interactions
(``irtysh_capture``), then each list as its compiler would write it, with that compiler's slips.
Five lists: the prosecutor's published list (CSV), the forensic register (pipe-separated export), the
volunteers' sheet (XLSX), the journalists' merged list (JSON, with a column map) and the Muftiate's
burial register (CSV). ``generate(people, seed)`` is deterministic for a seed.
"""

from __future__ import annotations

import random

from generators import GeneratedSet
from generators.irtysh_capture import capture
from generators.irtysh_media import media, mosque
from generators.irtysh_official import forensic, prosecutor
from generators.irtysh_people import Population
from generators.irtysh_public import volunteers


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead (the true toll) and the five lists that name some of them.

    Each stage draws from its own stream seeded from ``seed`` and the stage's name, so changing how
    one list is written leaves the population, the captures and the other lists as they were.
    """
    def stream(stage: str) -> random.Random:
        return random.Random(f"irtysh:{seed}:{stage}")

    victims = Population(stream("people")).make(people)
    known, classes = capture(victims, stream("capture"))
    sheet, reports = volunteers(known["volunteers"], stream("volunteers"))
    lists = [
        prosecutor(known["prosecutor"], stream("prosecutor")),
        forensic(known["forensic"], classes, stream("forensic")),
        sheet,
        media(known["media"], reports, stream("media")),
        mosque(known["mosque"], stream("mosque")),
    ]
    return GeneratedSet(f"irtysh{people}_seed{seed}", {v.person.person_id: v.person for v in victims}, lists)
