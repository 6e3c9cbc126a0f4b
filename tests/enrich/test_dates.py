"""Date expressions resolved against the page date: a hand-checked set of real expressions."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.article import DateValue
from warta.enrich.dates import find_dates, parse_date_expression, published_from_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ROWS = list(
    csv.DictReader((FIXTURES / "dates" / "expressions.tsv").open(encoding="utf-8"), delimiter="\t")
)


def test_the_set_is_large_enough() -> None:
    assert len(ROWS) >= 100


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['page_date'][:10]} {r['expression']}" for r in ROWS]
)
def test_expression_resolves_exactly(row: dict[str, str]) -> None:
    assert parse_date_expression(row["expression"], row["page_date"]) == row["expected"]


def test_seed_dates_from_its_paragraphs() -> None:
    expected = json.loads(
        (SAMPLES / "text" / "prokalteng-putin-korea-utara.expected.json").read_text("utf-8")
    )
    found = find_dates(
        "\n\n".join(expected["paragraphs"]), date.fromisoformat(expected["page_date"])
    )
    values = {m.text: m.value for m in found}
    for expr, value in expected["dates_mentioned"].items():
        assert values.get(expr) == value


def test_weekday_chooses_the_year() -> None:
    # dateparser would say 2024-01-06, a Saturday; the Monday is 2025-01-06.
    assert parse_date_expression("Senin (6/1)", date(2025, 1, 3)) == "2025-01-06"
    assert parse_date_expression("Senin (6/1)", date(2025, 3, 1)) == "2025-01-06"
    assert parse_date_expression("Kamis (13/6)", date(2025, 1, 3)) == "2024-06-13"


def test_time_zones_give_offsets() -> None:
    page = date(2024, 6, 17)
    assert (
        parse_date_expression("Senin (17/6) pukul 10.15 WIB", page) == "2024-06-17T10:15:00+07:00"
    )
    assert (
        parse_date_expression("Senin (17/6) pukul 10.15 WITA", page) == "2024-06-17T10:15:00+08:00"
    )
    assert (
        parse_date_expression("Senin (17/6) pukul 10.15 WIT", page) == "2024-06-17T10:15:00+09:00"
    )
    eastern = datetime(2024, 6, 17, 12, 0, tzinfo=timezone(timedelta(hours=9)))
    assert parse_date_expression("1 jam yang lalu", eastern) == "2024-06-17T11:00:00+09:00"


def test_without_a_page_date_only_full_dates_resolve() -> None:
    found = find_dates("Kamis (13/6) dan kemarin, lalu pada 14 Juni 2024.", None)
    assert [(m.text, m.value) for m in found] == [("14 Juni 2024", "2024-06-14")]


def test_mentions_come_in_order_and_do_not_overlap() -> None:
    text = "Jumat (14/6), sepekan lalu, tadi malam, dan Senin, 17 Juni 2024 | 10:15 WIB."
    found = find_dates(text, datetime(2024, 6, 18, 9, 0))
    assert [m.text for m in found] == [
        "Jumat (14/6)",
        "sepekan lalu",
        "tadi malam",
        "Senin, 17 Juni 2024 | 10:15 WIB",
    ]
    assert [m.value for m in found][-1] == "2024-06-17T10:15:00+07:00"


def test_numbers_are_not_dates() -> None:
    assert find_dates("Sebanyak 10.000 orang dan 25 kilometer, 3/4 bagian.", date(2024, 6, 1)) == []


def test_published_from_chrome_lines() -> None:
    lines = ["27.3 C", "Jakarta", "Sunday, September 8, 2024", "Baca Juga : Judul"]
    assert published_from_text(lines) == DateValue(value="2024-09-08", origin="text")
    assert published_from_text(["Senin, 17 Juni 2024 | 10:15 WIB"]) == DateValue(
        value="2024-06-17T10:15:00+07:00", origin="text"
    )
    assert published_from_text(["Tidak ada tanggal di sini", "kemarin"]) is None


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Senin (1/6) 2024 Juni kemarin lalu , .|:0123WIB")),
        max_size=80,
    )
)
def test_never_raises_and_spans_are_text(text: str) -> None:
    for mention in find_dates(text, date(2024, 6, 18)):
        assert mention.text in text
        assert mention.value[:1].isdigit()


def test_part_of_day_today() -> None:
    found = find_dates("Ia tampil malam ini dan pagi ini berlatih.", "2019-09-20T10:00:00+07:00")
    assert [(m.text, m.value) for m in found] == [
        ("malam ini", "2019-09-20"),
        ("pagi ini", "2019-09-20"),
    ]


def test_bare_months_need_a_word_that_makes_them_times() -> None:
    page = "2019-09-17"
    values = [
        (m.text, m.value)
        for m in find_dates(
            "Jadi dari Februari sampai Agustus tidak ada masalah. Pada Agustus lalu delegasi"
            " datang, awal Maret mereka pergi, dan Desember mendatang kembali. Agustus Sani"
            " hadir sejak 4 Februari lalu.",
            page,
        )
    ]
    assert values == [
        ("Februari", "2019-02"),
        ("Agustus", "2019-08"),
        ("Agustus lalu", "2019-08"),
        ("awal Maret", "2019-03"),
        ("Desember mendatang", "2019-12"),
        ("4 Februari", "2019-02-04"),
    ]
    # "Oktober lalu" written in September is last year's October; a month name alone is none
    assert parse_date_expression("Oktober lalu", page) == "2018-10"
    assert find_dates("Mei datang ke kantor.", page) == []


def test_years_after_a_time_word() -> None:
    page = "2019-09-19"
    found = find_dates(
        "Sejak 2015 ia juara, pada tahun 2017 silam cedera; penjualan pada 2018 naik, "
        "berlaku mulai awal tahun 2020 dan dana tahun anggaran 2018.",
        page,
    )
    assert [(m.text, m.value) for m in found] == [
        ("Sejak 2015", "2015"),
        ("tahun 2017 silam", "2017"),
        ("pada 2018", "2018"),
        ("awal tahun 2020", "2020-01"),
        ("tahun anggaran 2018", "2018"),
    ]
    # a law's number, a count and a decade are no years
    assert find_dates("Undang-Undang Nomor 30 Tahun 2002, paket 17 tahun 2017", page) == []
    assert find_dates("sebanyak 2000 orang hadir pada 2000 orang; sejak 2000-an", page) == []


def test_weekday_said_to_be_a_day() -> None:
    page = "2019-09-19"  # a Thursday
    found = find_dates(
        "Pada Rabu, 48 orang tewas. Serangan Selasa malam dan pada hari Senin.", page
    )
    assert [m.value for m in found] == ["2019-09-18", "2019-09-17", "2019-09-16"]
    assert [m.value for m in find_dates("rapat digelar pada Kamis.", page)] == ["2019-09-19"]
    # a weekday ahead of the page is not the last one
    assert all(m.value != "2019-09-17" for m in find_dates("pada Selasa besok", page))


def test_weekday_of_last_week_and_ranges_and_slips() -> None:
    # weeks start on Monday: on Thursday 19 September, "Sabtu pekan lalu" is the 14th
    assert parse_date_expression("Sabtu pekan lalu", "2019-09-19") == "2019-09-14"
    assert parse_date_expression("Senin pekan lalu", "2019-09-19") == "2019-09-09"
    assert parse_date_expression("Kamis pekan lalu", "2019-09-19") == "2019-09-12"
    # a range is dated by its first day
    assert parse_date_expression("15-22 September 2019", "2019-09-17") == "2019-09-15"
    assert parse_date_expression("Senin, 22 September 2019", "2019-09-17") == "2019-09-22"
    # a dot typed for the last slash
    assert parse_date_expression("Jumat (20/9.2019)", "2019-09-20") == "2019-09-20"


def test_a_month_after_mulai() -> None:
    found = find_dates(
        "Layanan itu tersedia di 100 negara mulai November, kecuali China.", "2019-09-17"
    )
    assert [(m.text, m.value) for m in found] == [("November", "2019-11")]


def test_a_lone_time_takes_the_day_named_before_it() -> None:
    text = "Pada Rabu (18/9/2019), sekitar pukul 17.00 WIB Wakil Ketua KPK datang."
    found = find_dates(text, "2019-09-19T11:32:00+07:00")
    assert [(m.text, m.value) for m in found] == [
        ("Rabu (18/9/2019)", "2019-09-18"),
        ("pukul 17.00 WIB", "2019-09-18T17:00:00+07:00"),
    ]
    # no date before it in the sentence: the page's day; no page date: nothing
    found = find_dates("Rabu (18/9). Massa bergerak pukul 13.10 WIB.", "2019-09-30")
    assert found[-1].value == "2019-09-30T13:10:00+07:00"
    assert find_dates("Laga dimulai pukul 19.30 WIB.", None) == []


def test_clock_times_alone_with_or_without_pukul() -> None:
    page = "2024-06-18T21:00:00+07:00"
    text = (
        "Aksi sejak pukul 14.30 hingga 16.15 WIB. Ia tiba jam 11.30 tadi, rapat Pukul 09.30 Wita."
    )
    assert [(m.text, m.value) for m in find_dates(text, page)] == [
        ("pukul 14.30", "2024-06-18T14:30:00+07:00"),  # no zone: the page's offset
        ("16.15 WIB", "2024-06-18T16:15:00+07:00"),
        ("jam 11.30 tadi", "2024-06-18T11:30:00+07:00"),
        ("Pukul 09.30 Wita", "2024-06-18T09:30:00+08:00"),
    ]
    # "tadi" at a time the page has not reached yet is yesterday's
    assert parse_date_expression("jam 11.30 tadi", "2024-06-18T08:00:00+07:00") == (
        "2024-06-17T11:30:00+07:00"
    )
    # a zoned time after a date in the sentence takes its day
    found = find_dates("Laga Kamis malam, 20 Juni 2024, mulai 23.55 WIB.", "2024-06-18")
    assert found[-1].value == "2024-06-20T23:55:00+07:00"
    # without "pukul"/"jam" and without a zone a number is no time; a duration is none either
    assert find_dates("Skor akhir 10.30 dan 2 jam 15 menit.", page) == []


def test_weekend_is_its_saturday() -> None:
    wednesday, saturday = "2024-06-19", "2024-06-22"
    assert parse_date_expression("akhir pekan lalu", wednesday) == "2024-06-15"
    assert parse_date_expression("akhir pekan", wednesday) == "2024-06-15"
    assert parse_date_expression("akhir pekan ini", wednesday) == "2024-06-22"
    assert parse_date_expression("akhir pekan nanti", wednesday) == "2024-06-22"
    assert parse_date_expression("akhir pekan depan", wednesday) == "2024-06-29"
    assert parse_date_expression("akhir minggu lalu", wednesday) == "2024-06-15"
    # on the weekend itself, a bare "akhir pekan" is this one
    assert parse_date_expression("akhir pekan", saturday) == "2024-06-22"
    # "pekan lalu" inside it is not read on its own
    assert [m.text for m in find_dates("pada akhir pekan lalu.", wednesday)] == ["akhir pekan lalu"]


def test_weekday_of_this_or_next_week() -> None:
    friday = "2024-06-21"
    assert parse_date_expression("Rabu pekan ini", friday) == "2024-06-19"
    assert parse_date_expression("Jumat ini", friday) == "2024-06-21"
    assert parse_date_expression("Senin pekan depan", friday) == "2024-06-24"
    assert parse_date_expression("Selasa minggu depan", friday) == "2024-06-25"
    # "pada Jumat ini" is this week's Friday, even before it comes
    assert [m.value for m in find_dates("Rapat pada Jumat ini.", "2024-06-19")] == ["2024-06-21"]
    # "Minggu ini" is this week, not a Sunday
    assert find_dates("Pertemuan Minggu ini dibatalkan.", friday) == []


def test_esok_and_trading_days() -> None:
    assert parse_date_expression("Esok pagi", "2024-06-18T17:44:00+07:00") == "2024-06-19"
    assert parse_date_expression("esok", "2024-06-18") == "2024-06-19"
    # "esok harinya" is the day after the story's, "hari esok" the future: neither is dated
    assert find_dates("Esok harinya ia pergi menatap hari esok.", "2024-06-18") == []
    found = find_dates("Pada penutupan perdagangan Kamis, IHSG melemah.", "2024-06-21")
    assert [(m.text, m.value) for m in found] == [("perdagangan Kamis", "2024-06-20")]


def test_weekday_numeric_slips() -> None:
    # a digit of the year lost; the month left out: the weekday places the date near the page
    assert parse_date_expression("Rabu (4/11/205)", "2015-11-04T21:00:00+07:00") == "2015-11-04"
    assert parse_date_expression("Rabu (19/2024)", "2024-06-20") == "2024-06-19"
    assert parse_date_expression("Rabu (15/2024)", "2024-06-20") == "2024-05-15"
    # a weekday one off a date a day before the page: the date, not another year's Thursday
    assert parse_date_expression("Kamis (18/9) pukul 13.46", "2019-09-19") == (
        "2019-09-18T13:46:00+07:00"
    )
    # far from the page the weekday still chooses the year
    assert parse_date_expression("Kamis (13/6)", "2025-01-03") == "2024-06-13"


def test_ranges_and_month_years_with_lalu() -> None:
    page = "2019-09-18"
    assert parse_date_expression("Januari hingga September 2019", page) == "2019-01"
    assert parse_date_expression("Desember sampai Februari 2019", page) == "2018-12"
    found = find_dates("sejak tanggal 13 sampai dengan 25 Pebruari 2017 dan", page)
    assert [(m.text, m.value) for m in found] == [
        ("tanggal 13", "2017-02-13"),
        ("25 Pebruari 2017", "2017-02-25"),
    ]
    # "Mei 2018 lalu" is the month, not the year alone
    assert [(m.text, m.value) for m in find_dates("pada Mei 2018 lalu.", page)] == [
        ("Mei 2018", "2018-05")
    ]


def test_twelve_hour_times_with_the_part_of_the_day() -> None:
    page = "2024-06-18T22:00:00+07:00"
    cases = {
        "jam 2 siang": "14:00",
        "jam 11 siang": "11:00",
        "pukul 8.30 pagi": "08:30",
        "pukul 12.30 pagi": "00:30",
        "jam 3 dini hari": "03:00",
        "pukul 5 sore": "17:00",
        "jam 8 malam": "20:00",
        "jam 2 malam": "02:00",
        "pukul 08.00 malam": "20:00",
    }
    for expr, clock in cases.items():
        assert parse_date_expression(expr, page) == f"2024-06-18T{clock}:00+07:00", expr
    # a 24-hour time keeps its hour; a duration is no time
    assert parse_date_expression("pukul 19.00 malam", page) is None
    assert find_dates("pukul 19.00 malam", page)[0].value == "2024-06-18T19:00:00+07:00"
    assert find_dates("selama 2 jam siang itu", page) == []
    # the day named before it in the sentence
    found = find_dates("Rabu (19/6/2024) jam 2 siang massa datang.", page)
    assert found[-1].value == "2024-06-19T14:00:00+07:00"


def test_today_inside_a_name_is_no_date() -> None:
    found = {m.text: m.value for m in find_dates("He told USA Today on Monday that he would run.", "2024-06-14")}
    assert "Today" not in found and found.get("on Monday") == "2024-06-10"
    assert find_dates("The Today show host left.", "2024-06-14") == []
    assert [m.value for m in find_dates("Today the minister spoke.", "2024-06-14")] == ["2024-06-14"]
