"""Publication times on the pages: the time and the offset as printed, the day alone for a day."""

from __future__ import annotations

import pytest

from warta.web.dates import when
from warta.web.pages import pager


@pytest.mark.parametrize(("published", "language", "lang", "shown"), [
    ("2019-09-10T09:02:00+07:00", "id", "en", "10 Sep 2019 09:02 WIB"),
    ("2019-09-10T09:00:00+08:00", "id", "en", "10 Sep 2019 09:00 WITA"),
    ("2019-09-10T09:00:00+09:00", "id", "en", "10 Sep 2019 09:00 WIT"),
    ("2019-09-10T09:00:00+08:00", "ms", "en", "10 Sep 2019 09:00 +08:00"),  # Kuala Lumpur is not WITA
    ("2019-09-10T09:00:00+05:30", "en", "en", "10 Sep 2019 09:00 +05:30"),
    ("2019-09-10T09:00:00-03:00", "pt", "en", "10 Sep 2019 09:00 -03:00"),
    ("2019-08-10T23:15:00Z", "en", "en", "10 Aug 2019 23:15 UTC"),
    ("2019-08-10T23:15:00", "id", "id", "10 Agu 2019 23:15"),  # no offset printed: none shown
    ("2019-12-01", "id", "id", "1 Des 2019"),
    ("kemarin sore", "id", "id", "kemarin sore"),
])
def test_when_shows_the_time_and_its_offset(published: str, language: str, lang: str, shown: str) -> None:
    assert when(published, language=language, lang=lang) == shown


def test_when_falls_back_to_the_day() -> None:
    assert when(None, "2019-09-10", lang="en") == "10 Sep 2019" and when(None, None) == ""


def test_pager_says_the_range_and_links_both_ways() -> None:
    p = pager("/entity/5", {"offset": 20}, "quotes_offset", 171, 50, 50, "said")
    assert (p["first"], p["last"], p["total"]) == (51, 100, 171)
    assert p["prev"] == "/entity/5?offset=20#said" and p["next"] == "/entity/5?offset=20&quotes_offset=100#said"
    end = pager("/x", {}, "offset", 171, 150, 50)
    assert (end["first"], end["last"], end["next"]) == (151, 171, None)
    assert pager("/x", {}, "offset", 0, 0, 50) == {"first": 0, "last": 0, "total": 0, "prev": None, "next": None}
