"""Publication order: UTC instants, a date alone after every time of its day, and the SQL twin
of the Python key."""

from __future__ import annotations

import sqlite3
from datetime import timedelta, timezone

import pytest

from warta.instants import (
    UsualZones,
    published_instant,
    published_key,
    published_key_sql,
    published_order,
)

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))


def _sorted(values: list[str]) -> list[str]:
    return sorted(values, key=lambda v: published_order(v, v))


def test_offsets_are_compared_as_instants() -> None:
    # 09:00 WITA is 01:00 UTC; 08:30 WIB is 01:30 UTC: the WITA article is first, though its text sorts last.
    wita, wib = "2019-09-10T09:00:00+08:00", "2019-09-10T08:30:00+07:00"
    assert _sorted([wib, wita]) == [wita, wib]
    assert published_key(wita) == "2019-09-10T01:00:00.000"
    assert published_key("2019-09-10T01:00:00Z") == published_key(wita)


def test_a_date_alone_goes_after_every_time_of_its_day_and_before_the_next_day() -> None:
    day = "2019-09-10"
    timed = ["2019-09-10T00:00:00Z", "2019-09-10T06:00:00+07:00", "2019-09-10T23:59:59.999Z"]
    later = ["2019-09-11T00:00:00Z", "2019-09-11"]
    assert _sorted([*later, day, *timed]) == [*sorted(timed, key=published_key), day, *later]


def test_a_month_or_a_year_alone_goes_after_its_days() -> None:
    assert _sorted(["2019", "2019-09", "2019-09-30", "2019-12-31T23:00:00Z", "2020-01-01"]) == [
        "2019-09-30", "2019-09", "2019-12-31T23:00:00Z", "2019", "2020-01-01",
    ]


def test_a_time_without_offset_is_utc_unless_the_page_zone_is_known() -> None:
    naive = "2019-09-10T09:00:00"
    assert published_key(naive) == "2019-09-10T09:00:00.000"
    assert published_key(naive, WIB) == "2019-09-10T02:00:00.000"
    assert published_key("2019-09-10T09:00:00+08:00", WIB) == "2019-09-10T01:00:00.000"  # its own offset wins
    # a date alone ends with the page's day: 23:59:59.999 WITA is 15:59:59.999 UTC
    assert published_key("2019-09-10", WITA) == "2019-09-10T15:59:59.999~"
    instant = published_instant(naive, WIB)
    assert instant is not None and instant.utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", [None, "", "kemarin", "2019-13-01", "2019-02-30", "2019-09-10T25:00", "0000"])
def test_what_is_not_a_date_has_no_key_and_sorts_last(value: str | None) -> None:
    assert published_key(value) is None
    assert published_order(value, "a") > published_order("2999-01-01", "z")


VALUES = [
    "2019-09-10T09:00:00+08:00",
    "2019-09-10T08:30:00+07:00",
    "2019-09-10T14:56:43+07:00",
    "2019-09-10T02:10:56+00:00",
    "2019-09-10T02:10:56Z",
    "2019-09-10T11:52:00",
    "2019-09-10 11:52",
    "2019-09-10T23:30:00-05:00",
    "2019-09-10T09:00:00.1234+07:00",
    "2019-09-10T09:00:00.9996+07:00",
    "2019-09-10",
    "2019-09",
    "2020-02",
    "2019",
    "2019-02-30",
    "2019-02-30T10:00:00+07:00",
    "2019-09-10T25:00",
    "kemarin",
    "",
]


def test_the_sql_key_equals_the_python_key() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (published TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(v,) for v in [*VALUES, None]])
    rows = conn.execute(f"SELECT published, {published_key_sql('published')} FROM t").fetchall()
    assert {v: k for v, k in rows} == {v: published_key(v) for v in [*VALUES, None]}


def test_usual_zones_read_an_outlets_own_offset_else_the_corpus_one() -> None:
    zones = UsualZones.learn(
        [
            ("kaltimpost.co.id", "2019-09-10T09:00:00+08:00"),
            ("kaltimpost.co.id", "2019-09-10T10:00:00+08:00"),
            ("kaltimpost.co.id", "2019-09-10T10:00:00+07:00"),
            ("kompas.com", "2019-09-10T06:00:00+07:00"),
            ("tempo.co", "2019-09-10T06:00:00+07:00"),
            ("jubi.co.id", "2019-09-10"),
            (None, "2019-09-10T06:00:00+25:00"),
        ]
    )
    assert zones.of("kaltimpost.co.id") == WITA
    assert zones.of("jubi.co.id") == WIB  # no time of its own: the corpus's usual zone
    assert zones.of(None) == WIB
    assert UsualZones.learn([]).of("x") is None
    # with the corpus's zone, a date alone no longer ends at 07:00 WIB the next morning
    early = "2019-09-11T06:00:00+07:00"
    assert published_key("2019-09-10") > published_key(early)  # type: ignore[operator]
    assert published_key("2019-09-10", zones.of("jubi.co.id")) < published_key(early)  # type: ignore[operator]
