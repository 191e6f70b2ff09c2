"""The dashboard (/dashboard/ and its figures on the home page): people counted once, as the viewer may see
them, every figure linked to the people index filtered to it, the estimate beside the count, an empty
state. The registry is ``people_fixtures.linked``: four invented people, one on both lists."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.utils import timezone

from tergeu.estimation.models import EstimateRun
from tergeu.linkage.people_index import people_rows
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


def _table(page: str, testid: str) -> dict[str, int]:
    """A figure's table: the filter each row links to ("age=60+", decoded) → the count in the row."""
    start = page.index(f'data-testid="{testid}"')
    body = page[start:page.index("</table>", start)]
    rows = re.findall(r'<a href="/people/\?([^"]*)">[^<]*</a></td><td>(\d+)</td>', body)
    return {"=".join(parse_qsl(unescape(query))[0]): int(count) for query, count in rows}


def _index_count(client, query: str) -> int:
    """How many people the people index shows for ``query``: the page's own count line."""
    name, value = query.split("=", 1)
    page = client.get("/people/", {name: value}).content.decode()
    return int(re.search(r'data-testid="people-count">(\d+)', page).group(1))


def test_every_figure_counts_people_and_links_to_the_same_people_on_the_index(linked, client_as) -> None:
    client = client_as("investigator")
    page = client.get("/dashboard/").content.decode()
    assert re.search(r'data-testid="documented-count"><strong>4</strong>', page)  # 5 records, 4 people
    expected = {"region-table": {"region=almaty": 3, "region=almaty-region": 1},
                "table-date": {"date=2022-01-05": 1, "date=2022-01-06": 2, "date=2022-01-07": 1},
                "table-sex": {"sex=M": 2, "sex=F": 2},
                "table-age": {"age=18–29": 1, "age=30–44": 1, "age=45–59": 1, "age=60+": 1},
                "table-circumstances": {"circumstances=огнестрельное ранение": 2, "circumstances=в заключении": 1}}
    for testid, counts in expected.items():
        assert _table(page, testid) == counts, testid
        for query, count in counts.items():
            assert _index_count(client, query) == count, query  # the number is the index's, filter for filter


def test_the_map_has_a_link_per_region_and_city_coloured_by_its_count(linked, client_as) -> None:
    page = client_as("investigator").get("/dashboard/").content.decode()
    shapes = re.findall(r'<a href="/people/\?region=([\w-]+)" aria-label="([^"]*)" data-region="\1">', page)
    assert len(shapes) == 17  # 14 regions and the three cities of republican significance
    labels = dict(shapes)
    assert labels["almaty"] == "Almaty: 3" and labels["almaty-region"] == "Almaty Region: 1"
    assert labels["shymkent"] == "Shymkent: 0"
    assert re.search(r'data-region="almaty">\s*<path d="M[^"]+" class="tg-shade-5"', page)  # the most: darkest
    assert re.search(r'data-region="almaty-region">\s*<path d="M[^"]+" class="tg-shade-3"', page)
    assert re.search(r'data-region="pavlodar-region">\s*<path d="M[^"]+" class="tg-shade-0"', page)


def test_region_names_follow_the_readers_language(linked, client_as) -> None:
    client = client_as("investigator")
    client.post("/language/", {"language": "kk", "next": "/"})
    page = client.get("/dashboard/").content.decode()
    assert 'aria-label="Алматы облысы: 1"' in page and 'aria-label="Шығыс Қазақстан облысы: 0"' in page


def test_a_restricted_role_counts_only_what_it_may_see(linked, client_as) -> None:
    """The expert mission sees the shared morgue list only: three people, the NGO's fourth nowhere."""
    client = client_as("expert-mission")
    page = client.get("/dashboard/").content.decode()
    assert re.search(r'data-testid="documented-count"><strong>3</strong>', page)
    assert _table(page, "region-table") == {"region=almaty": 2, "region=almaty-region": 1}
    assert "date=2022-01-07" not in page and "в заключении" not in page  # only the NGO's records say so
    assert _table(page, "table-date") == {"date=2022-01-05": 1, "date=2022-01-06": 2}
    assert 'data-testid="estimated-toll"' not in page  # estimates read every list: not for this role


def test_the_figures_equal_the_people_index_rows(linked, client_as) -> None:
    from tergeu.web.dashboard import dashboard

    rows = people_rows(Record.objects.all(), "en")
    board = dashboard(rows, "en")
    assert board.total == len(rows) == 4
    assert sum(region.count for region in board.regions) + board.unplaced == len(rows)
    assert sum(bar.count for bar in board.days.bars) + board.days.unstated == len(rows)
    for figure in board.categories:
        assert sum(bar.count for bar in figure.bars) + figure.unstated == len(rows), figure.name


def test_days_without_deaths_stand_in_the_chart_as_gaps(linked) -> None:
    from tergeu.web.dashboard import day_figure

    figure = day_figure(people_rows(Record.objects.all(), "en"))
    assert [(bar.value, bar.count) for bar in figure.bars] == [("2022-01-05", 1), ("2022-01-06", 2), ("2022-01-07", 1)]
    tallest = max(figure.bars, key=lambda bar: bar.count)
    assert tallest.y + tallest.length == figure.height and tallest.y < figure.height / 2
    assert [bar.x for bar in figure.bars] == sorted(bar.x for bar in figure.bars)


def test_a_mistyped_year_does_not_make_a_column_for_every_day_between(linked) -> None:
    from tergeu.web.dashboard import MAX_DAYS, day_figure

    rows = people_rows(Record.objects.all(), "en")
    rows[0].facts["date_of_death"] = "1022-01-05"  # a slip of one digit in the year
    figure = day_figure(rows)
    assert len(figure.bars) <= MAX_DAYS and figure.height == 0  # the table alone, one row per day with deaths
    assert [bar.value for bar in figure.bars][0] == "1022-01-05" and all(bar.count for bar in figure.bars)
    assert sum(bar.count for bar in figure.bars) == len(rows)


def test_a_category_chart_draws_its_largest_values_and_counts_the_rest(linked) -> None:
    from tergeu.web.dashboard import MAX_BARS, category_figure

    rows = people_rows(Record.objects.all(), "en")
    many = [rows[index % len(rows)] for index in range(MAX_BARS + 5)]
    copies = []
    for index, row in enumerate(many):
        copy = type(row)(**{**row.__dict__, "facets": {**row.facets, "circumstances": [f"value {index:02d}"]}})
        copies.append(copy)
    figure = category_figure(copies, "circumstances", "By circumstances")
    assert len(figure.bars) == MAX_BARS and figure.others == 5
    assert sum(bar.count for bar in figure.bars) + figure.others == len(copies)


def test_the_latest_estimate_stands_beside_the_documented_count(linked, client_as) -> None:
    result = {"observed": 4, "estimate": 9.4, "interval": [5.2, 21.7]}
    EstimateRun.objects.create(created_by="analyst", method="lcmcr", result=result, finished_at=timezone.now())
    EstimateRun.objects.create(created_by="analyst", method="lcmcr", error="too few lists", finished_at=timezone.now())
    for url in ("/dashboard/", "/"):
        page = client_as("analyst", f"analyst{len(url)}").get(url).content.decode()
        toll = page[page.index('data-testid="estimated-toll"'):]
        assert "<strong>9</strong>" in toll[:300] and "5–22" in toll[:600], url  # the failed run is not shown


def test_the_home_page_shows_the_map_and_days_and_links_to_the_dashboard(linked, client_as) -> None:
    page = client_as("investigator").get("/").content.decode()
    assert 'data-testid="region-map"' in page and 'data-testid="chart-date"' in page
    assert 'href="/dashboard/" data-testid="dashboard-link"' in page
    assert 'href="/dashboard/">Dashboard</a>' in page  # the menu's link


def test_an_estimate_below_the_people_now_named_is_marked_as_out_of_date(linked, client_as) -> None:
    result = {"observed": 2, "estimate": 3.0, "interval": [2.0, 5.0]}  # made before two more people were linked
    EstimateRun.objects.create(created_by="analyst", method="lcmcr", result=result, finished_at=timezone.now())
    page = client_as("analyst").get("/dashboard/").content.decode()
    assert 'data-testid="estimate-stale"' in page  # 4 people are named; the estimate says 3


def test_the_figures_are_kept_until_the_data_changes(linked, client_as, monkeypatch) -> None:
    from django.core.cache import cache

    from tergeu.linkage.models import Membership, Person
    from tergeu.web import views

    built = []
    monkeypatch.setattr(views, "people_rows", lambda *args: built.append(1) or people_rows(*args))
    cache.clear()
    client = client_as("investigator")
    count = re.compile(r'data-testid="documented-count"><strong>(\d+)</strong>')
    assert count.search(client.get("/dashboard/").content.decode())[1] == "4"
    assert count.search(client.get("/").content.decode())[1] == "4"
    assert len(built) == 1  # the home page used the figures the dashboard made
    shared = next(p for p in Person.objects.current() if p.memberships.count() == 2)
    Membership.objects.filter(pk=shared.memberships.first().pk).update(
        person=Person.objects.create(display_name="split by a later run"))  # the people change
    assert count.search(client.get("/dashboard/").content.decode())[1] == "5"
    assert len(built) == 2
    assert count.search(client_as("expert-mission").get("/dashboard/").content.decode())[1] != "5"  # own scope
    assert len(built) == 3


def test_an_empty_registry_says_what_to_do(client_as, write_csv, run_import) -> None:
    client = client_as("investigator")
    page = client.get("/dashboard/").content.decode()
    assert 'data-testid="dashboard-empty"' in page and "tergeu import" in page and "region-map" not in page
    assert run_import(write_csv("a.csv", ["ФИО", "Место гибели"], [["Синтетов А.", "Алматы"]]), list_name="l").ok
    page = client.get("/dashboard/").content.decode()
    assert "not linked into people yet" in page  # records, but no people until linkage runs


def test_a_role_without_the_registry_gets_a_404(client_as) -> None:
    assert client_as(None).get("/dashboard/").status_code == 404


def test_every_people_link_is_a_facet_the_index_knows(linked, client_as) -> None:
    from tergeu.linkage.people_index import FACETS

    page = client_as("investigator").get("/dashboard/").content.decode()
    queries = re.findall(r'href="/people/\?([^"]+)"', page)
    assert queries
    for query in queries:
        assert {name for name, _value in parse_qsl(unescape(query))} <= set(FACETS), query
    assert urlsplit("/people/?region=almaty").query in queries


def test_the_api_filters_people_by_region_as_the_map_links_do(linked, client_as) -> None:
    answer = client_as("expert-mission").get("/api/people-index", {"region": "almaty"}).json()
    assert answer["count"] == 2 and answer["total"] == 3  # the mission's view, as on its dashboard
    assert {value["value"]: value["count"] for value in answer["facets"]["region"]} == {"almaty": 2,
                                                                                       "almaty-region": 1}
