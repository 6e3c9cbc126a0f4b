"""The words and regular expressions of date expressions: month and weekday names, time zones,
parts of the day, and one bounded pattern for each shape of expression
(:mod:`warta.enrich.dates.resolvers` turns a match into a value)."""

from __future__ import annotations

import re
from datetime import timedelta, timezone

from warta.page.dates import MONTHS

MONTH_NAMES = MONTHS  # English and Indonesian month names and abbreviations → 1..12

WEEKDAY_NAMES: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

ZONES = {
    "wib": timezone(timedelta(hours=7)),
    "wita": timezone(timedelta(hours=8)),
    "wit": timezone(timedelta(hours=9)),
}
WIB = ZONES["wib"]

NUMBER_WORDS = {
    "se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def alternation(words: list[str]) -> str:
    """A regex alternation of words, longest first so that "Jumat" wins over "Jum"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MON = rf"(?:{alternation(list(MONTH_NAMES))})\.?"
ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
]  # fmt: skip
# English month-first dates only, capitalised: Indonesian never writes "Juni 13", and "may 5" is
# more often a verb than a date.
MON_EN = rf"(?-i:{alternation(ENGLISH_MONTHS)})\.?"
WD = rf"(?:{alternation(list(WEEKDAY_NAMES))})"
POD = r"(?:pagi|siang|sore|petang|malam|dini\s*hari)"
# A time after a date: ", pukul 10.15 WIB", " | 10:15 WIB", " jam 08.00 WITA", " 10:15".
TIME = (
    r"(?:\s*[,|]?\s*(?:(?:pukul|pkl\.?|jam)\s*)?"
    r"(?P<hh>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)(?:[.:][0-5]\d)?(?![\d.,:]\d|\d)"
    r"(?:\s*(?P<tz>WIB|WITA|WIT)\b)?)?"
)
FLAGS = re.IGNORECASE
# What joins the two ends of a range: "15-22", "13 sampai dengan 25", "Januari hingga September".
RANGE_TO = r"(?:\s*[-–]\s*|\s+(?:sampai(?:\s+dengan)?|hingga|s\.?\s?d\.?)\s+)"

# "Kamis (13/6)", "Senin (17/6/2024) pagi", "Jumat (6/11) pukul 08.45 WITA"; with the slips
# "Rabu (4/11/205)" (a digit lost: the weekday places the date) and "Rabu (18/2019)" (the month
# left out: the weekday and the page place it).
WEEKDAY_NUMERIC = re.compile(
    rf"\b(?P<wd>{WD})(?:\s+{POD})?\s*\(\s*(?P<d>\d{{1,2}})/(?:(?P<m>\d{{1,2}})"
    rf"(?:[/.](?P<y>\d{{2,4}}))?|(?P<ym>\d{{4}}))\s*\)(?:\s+{POD}\b)?{TIME}",
    FLAGS,
)
# "14 Juni 2024", "Senin, 17 Juni 2024 | 10:15 WIB", "Senin malam, 15 Februari 2016", "13 Juni".
DAY_MONTH = re.compile(
    rf"(?:\b(?P<wd>{WD})(?:\s+{POD})?,?\s+(?:tanggal\s+|tgl\.?\s+)?)?"
    rf"(?:\b(?P<d0>\d{{1,2}})\s*[-–]\s*)?"  # "15-22 September 2019": the range's first day
    rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{MON})(?![\w-])(?:,?\s+(?P<y>\d{{4}})\b)?{TIME}",
    FLAGS,
)
# A range's first day in words: "tanggal 13" of "sejak tanggal 13 sampai dengan 25 Pebruari 2017"
# takes its month and year from the end, which DAY_MONTH reads on its own (the gold names both
# ends; "15-22 September 2019" is one expression, its first day).
DAY_RANGE_START = re.compile(
    rf"\b(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})(?=\s+(?:sampai(?:\s+dengan)?|hingga|s\.?\s?d\.?)"
    rf"\s+(?P<d1>\d{{1,2}})\s+(?P<mon>{MON})(?![\w-])(?:,?\s+(?P<y>\d{{4}})\b)?)",
    FLAGS,
)
# "June 14, 2024", "Monday, June 17, 2024", "Sep 8th".
MONTH_DAY = re.compile(
    rf"(?:\b(?P<wd>{WD}),?\s+)?\b(?P<mon>{MON_EN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<y>\d{{4}})\b)?{TIME}",
    FLAGS,
)
# "November 2023", "bulan Juni 2024"; a range gives its first month: "Januari hingga September
# 2019" is 2019-01, as "15-22 September 2019" is the 15th.
MONTH_YEAR = re.compile(
    rf"(?:\b(?P<mon0>{MON}){RANGE_TO})?\b(?P<mon>{MON})\s+(?P<y>\d{{4}})\b", FLAGS
)
# "17/06/2024", "17-6-2024" (day first, as written in Indonesia), and ISO "2024-06-17".
NUMERIC = re.compile(
    rf"(?<![\d/.-])(?:(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})[/-](?P<y>\d{{4}})"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?![\d/-]){TIME}",
    FLAGS,
)
# "2 jam yang lalu", "sepekan lalu", "3 hari lalu", "two days ago", "5 minutes ago".
AGO = re.compile(
    r"\b(?:(?P<n>\d{1,3})\s+|(?P<w>se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
    r"|sepuluh|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s*)"
    r"(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|minutes?|hours?|days?"
    r"|weeks?|months?|years?)\s+(?:(?:yang\s+)?lalu|silam|ago)\b",
    FLAGS,
)
# "pekan depan", "tahun ini", "last week", "next month".
RELATIVE_PERIOD = re.compile(
    r"(?<!beberapa )(?<!puluhan )(?<!ratusan )(?<!several )(?<!many )(?<![-\w])(?:(?P<unit>minggu|pekan|bulan|tahun)\s+(?P<which>lalu|kemarin|ini|depan|mendatang)"
    r"|(?P<en_which>last|this|next)\s+(?P<en_unit>week|month|year))\b",
    FLAGS,
)
# "kemarin sore", "tadi malam", "semalam", "hari ini", "besok", "yesterday".
RELATIVE_DAY = re.compile(
    rf"\b(?:kemarin\s+lusa|kemarin(?:\s+{POD})?|tadi\s+{POD}|{POD}\s+(?:tadi|ini)|semalam|hari\s+ini"
    rf"|besok(?:\s+{POD})?|(?<!hari )esok(?:\s+{POD})?(?!\s*hari\w)|lusa|yesterday|today"
    r"|tomorrow|last\s+night|tonight)\b",
    FLAGS,
)
# "Selasa lalu", "Senin depan", "last Tuesday", "next Friday".
WEEKDAY_RELATIVE = re.compile(
    rf"\b(?:(?P<wd>{WD})\s+(?P<which>lalu|kemarin|depan|mendatang|ini"
    r"|(?:pekan|minggu)\s+(?:lalu|ini|depan|mendatang))"
    rf"|(?P<en_which>last|next|on)\s+(?P<en_wd>{WD}))\b",
    FLAGS,
)
# An Indonesian month without day or year, capitalised, after a word that makes it a time ("pada
# Agustus", "dari Februari sampai Agustus", "awal Maret") or with "lalu", "ini", "depan": "Agustus
# lalu". Alone it may be a name ("Agustus Sani") or a holiday ("17 Agustus" is caught above).
ID_MONTHS = (
    "Januari Februari Pebruari Maret April Mei Juni Juli Agustus September Oktober November"
    " Nopember Desember"
).split()
MONTH_BARE = re.compile(
    r"(?:(?<![\w-])(?P<lead>(?i:pada|sejak|dari|sampai|hingga|per|jelang|menjelang|selama|tiap"
    r"|setiap|mulai)\s+))?(?P<core>(?:(?<![\w-])(?i:bulan|awal|akhir|pertengahan|medio)\s+)?"
    rf"(?<![\w-])(?<!\d )(?P<mon>{'|'.join(ID_MONTHS)})(?![\w-])"
    r"(?:\s+(?P<which>lalu|kemarin|ini|depan|mendatang)\b)?)(?!\s*\d)"
)
# A year after a word that makes it a time: "tahun 2017", "tahun anggaran 2018", "pada 2018",
# "sejak 2015", "2018 lalu", "awal tahun 2020". A number alone ("2000 orang") is no year; a range
# or a decade ("2019/2020", "2000-an") is left out.
YEAR = re.compile(
    r"(?<![\w-])(?:(?P<part>awal|akhir)\s+)?(?:(?:tahun(?:\s+anggaran)?|pada|sejak|medio)\s+"
    r"(?P<y>(?:19|20)\d\d)(?:\s+(?:lalu|silam))?|(?P<y2>(?:19|20)\d\d)\s+(?:lalu|silam))"
    r"(?![\w-]|[/.,:]\d|\s+(?:orang|unit|buah|kali|ekor|meter|km|kg|ton|jiwa|peserta|hektare)\b)",
    FLAGS,
)
# A weekday the text says is a day: "pada Rabu,", "pada hari Selasa", "Selasa malam" (without a
# date after it, which the rules above read): the last such day up to the page's.
WEEKDAY_DAY = re.compile(
    rf"(?<![\w-])(?:(?:pada\s+(?:hari\s+)?|hari\s+|perdagangan\s+|sesi\s+)(?P<wd>{WD})"
    rf"(?:\s+{POD})?"
    rf"|(?P<wd2>{WD})\s+{POD})(?![\w-])"
    rf"(?!\s*[(,]?\s*\d{{1,2}}(?:\s*[/.-]\s*\d|\s+{MON}))"
    # "pada Selasa besok", "pada Rabu lusa": ahead of the page, not the last such day
    r"(?!\s+(?:besok|lusa|depan|mendatang|nanti|lalu|kemarin|pekan|minggu|ini)\b)",
    FLAGS,
)


NUMBERED_BEFORE = re.compile(r"\d[ \t\xa0]*\Z")
MONTH_BEFORE = re.compile(rf"(?<![\w-]){MON}\s+\Z", FLAGS)


# A bare weekday set off by commas, as Antara writes the reporting day: "di Mataram, Kamis, ...".
WEEKDAY_BARE = re.compile(rf"(?:(?<=, )|^)(?P<wd>{WD})(?=[,.;]|$)", FLAGS)


# The weekend, which the gold (and the expression set) place on its Saturday: "akhir pekan lalu"
# is last week's, "akhir pekan ini" ("nanti") this week's, a bare "akhir pekan" the last one up to
# the page.
WEEKEND = re.compile(
    r"(?<![\w-])akhir\s+(?:pekan|minggu)"
    r"(?:\s+(?P<which>lalu|kemarin|ini|nanti|depan|mendatang))?"
    r"(?![\w-])",
    FLAGS,
)

# Longer, more precise patterns first: on overlap the longest match wins, then the earlier rule.
# A clock time with no date: "sekitar pukul 17.00 WIB", "pukul 09.30 Wita", "pukul 14.30",
# "jam 11.30 tadi" (the day is the date named before it in the sentence, else the page's; see
# _times_on_their_day). A time with no zone takes the page's offset, as a time after a date does.
TIME_ALONE = re.compile(
    r"(?<![\w.])(?i:pukul|pkl\.?|jam)\s*(?P<hh>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)"
    r"(?![\d.,:]\d|\d)(?:\s*(?P<tz>(?i:WIB|WITA|WIT))\b)?(?:\s+(?P<tadi>(?i:tadi))\b)?"
)
# A clock time without "pukul" needs its zone to be one: "hingga 16.15 WIB", "10:15 WITA".
TIME_ZONED = re.compile(
    r"(?<![\w.,:/-])(?P<hh>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)(?![\d.,:]\d|\d)"
    r"\s*(?P<tz>WIB|WITA|WIT)\b"
)


# A twelve-hour clock time with its part of the day: "jam 2 siang" (14.00), "pukul 7 malam",
# "pukul 12.30 pagi" (00.30), "jam 3 dini hari".
TIME_OF_DAY = re.compile(
    r"(?<![\w.])(?i:pukul|pkl\.?|jam)\s*(?P<h>[01]?\d)(?:[.:](?P<m>[0-5]\d))?(?![\d.,:]\d|\d)"
    r"\s+(?P<pod>(?i:pagi|siang|sore|petang|malam|dini\s*hari))\b"
    r"(?:\s*(?P<tz>(?i:WIB|WITA|WIT))\b)?"
)
