"""One way to print dates and times: day first in every language, times with their zone (TERGEU_TIME_ZONE)."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from django.utils import translation

from tergeu.conf import time_zone
from tergeu.web.templatetags.tergeu import clock, day, iso_date, when

MOMENT = datetime.datetime(2022, 1, 6, 9, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(("language", "expected"), [("kk", "06.01.2022"), ("ru", "06.01.2022"), ("en", "6 Jan 2022")])
def test_dates_are_day_first_in_every_language(language: str, expected: str) -> None:
    with translation.override(language):
        assert day(datetime.date(2022, 1, 6)) == expected
        assert iso_date("2022-01-06") == expected


def test_times_are_shown_in_the_configured_zone_with_its_offset(settings) -> None:
    settings.TIME_ZONE = "Asia/Almaty"
    hours = int(MOMENT.astimezone(zoneinfo.ZoneInfo("Asia/Almaty")).utcoffset().total_seconds() // 3600)
    with translation.override("ru"):
        assert when(MOMENT) == f"06.01.2022 {9 + hours:02d}:05 UTC+{hours}"
        assert clock(MOMENT) == f"{9 + hours:02d}:05 UTC+{hours}"
    with translation.override("en"):
        assert when(MOMENT) == f"6 Jan 2022, {9 + hours:02d}:05 UTC+{hours}"
    settings.TIME_ZONE = "Asia/Kathmandu"  # a zone with minutes in its offset
    with translation.override("kk"):
        assert when(MOMENT) == "06.01.2022 14:50 UTC+5:45"
    settings.TIME_ZONE = "UTC"
    assert when(MOMENT).endswith("09:05 UTC") and when(None) == ""


def test_the_time_zone_is_read_from_the_environment_and_checked(monkeypatch) -> None:
    monkeypatch.delenv("TERGEU_TIME_ZONE", raising=False)
    assert time_zone() == "Asia/Almaty"
    monkeypatch.setenv("TERGEU_TIME_ZONE", "Asia/Aqtobe")
    assert time_zone() == "Asia/Aqtobe"
    monkeypatch.setenv("TERGEU_TIME_ZONE", "Asia/Almati")
    with pytest.raises(ValueError, match="TERGEU_TIME_ZONE='Asia/Almati'"):
        time_zone()


@pytest.mark.django_db
def test_pages_print_times_day_first_with_the_zone(client_as, registry) -> None:
    for language, pattern in (("ru", r"\d\d\.\d\d\.\d{4} \d\d:\d\d UTC\+\d"),
                              ("en", r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC\+\d")):
        client = client_as("analyst", f"dates-{language}")
        client.post("/language/", {"language": language, "next": "/"})
        for path in ("/lists/", "/history/", "/"):
            assert re.search(pattern, client.get(path).content.decode()), (language, path)
