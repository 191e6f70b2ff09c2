"""On the demo case, places are merged: the lists write Almaty five ways, the pages show one Almaty."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tergeu.demo.build import DEMO_USER, build_demo
from tergeu.linkage.models import Person
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_almaty_in_every_count(settings_home) -> None:
    build_demo(seed=2022)
    spellings = set(Record.objects.filter(place_key="almaty").values_list("place", flat=True))
    assert len(spellings) >= 3  # the lists really do spell it differently
    assert not Record.objects.exclude(place="").filter(place_key="").exists()  # every demo place is known
    client = Client()
    client.force_login(get_user_model().objects.get(username=DEMO_USER))
    for language, name in (("en", "Almaty"), ("ru", "Алматы"), ("kk", "Алматы")):
        page = client.get("/people/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        places = page.split('data-facet="place"', 1)[1].split("</details>", 1)[0]
        labels = re.findall(r'<a href="[^"]*">([^<]+)</a>', places)
        assert labels.count(name) == 1 and len(labels) == len(set(labels)), labels
        home = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        for figure in ('data-testid="home-places"', 'data-testid="region-table"'):  # records, then people
            assert home.split(figure, 1)[1].split("</ul>" if "places" in figure else "</table>", 1)[0].count(
                f">{name}</a>") == 1, figure
    total = Person.objects.current().count()
    counts = [int(n) for n in re.findall(r'data-testid="facet-count">(\d+)<', places)]
    assert sum(counts) <= total and counts[0] > total / 3  # Almaty first, with most of the dead
