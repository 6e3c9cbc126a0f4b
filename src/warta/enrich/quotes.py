"""Quotes in Indonesian and English news: who said what, with which cue, and where.

``find_quotes`` returns direct quotes ("…," kata Yang Moo Jin / X mengatakan, "…" / "…," said X),
continuation quotes (a quote with no cue right after a quoted passage goes to the same speaker),
and indirect speech (X mengatakan bahwa …, Menurut X, …). Each has its speaker's full name, the cue
as printed, and its character span in the article text (paragraphs joined by a blank line; text
whose paragraphs a scraper joined with commas, "….,Next paragraph", is read the same way).

Rules, not a model: a cue lexicon (``assets/quote_cues.txt``) and capitalisation-based names
(:mod:`warta.enrich.speakers`). A quote whose cue is a pronoun ("katanya", "kata dia") or an
anaphor ("kata politisi Partai Hanura itu", "tutur Guru Besar STF Driyarkara ini") goes to the
one named before a speech verb since the last quote, else to the subject of the sentences before
it, else to the last speaker. Other rules of how the press writes quotes:

- a role then a comma names the person after it ("kata peneliti PSHK, Agil Oktaryal"), a name
  may come before its role ("kata Lenni Tedja Direktur …"), and a lower-case description may end
  with the name ("kata pakar keuangan di Amerika Serikat Lynnette Khalfani-Cox");
- people left unnamed get no speaker ("jawab para penonton", "komentar netter yang lain", "kata
  Ibunya"), rather than the nearest name;
- a word right after a quote that opens a sentence tags it even when the cue list lacks it
  ("pujinya", "komentar artis Selvi Kitty"), but a quoted term inside a sentence is no quote;
- places after a preposition, things with numbers ("Sheila On 7", "MR8300"), organisations
  before a name ("band Ungu Franco Wellyjat", "Bukalapak Teddy Oetomo") are no speakers;
- indirect speech also has "…, kata X, …", "Menurut KPI, …", "Organisasi Kesehatan Dunia (WHO)
  menyebutkan, …", "Pria berusia 44 tahun ini menyatakan bahwa …", "Hal itu dilakukan lanjut X,
  karena …", "X mengaku bahwa …" (weak verbs only with "bahwa"/"jika"), "X mengatakan Malaysia
  akan …";
- initials stand for the full name they spell ("kata JK" → Jusuf Kalla), a short name takes the
  rest of the full one ("Yasonna" → Yasonna Hamonangan Laoly), a relative speaks for herself
  ("kata orangtua Bunga, DM"), a document for nobody ("sambung laporan itu"), a quote naming
  the one the sentences before were about is the last speaker's ("Aminah lalu pulang …,"
  ungkapnya), and after a question the one asked answers ("jawab").

Every pattern is bounded, so long texts cannot make a regex backtrack badly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, NamedTuple

from warta.article import Quote
from warta.enrich.speakers import (
    NameIndex,
    PersonModel,
    after_organisation_kind,
    at_sentence_start,
    glue_points,
    is_common_word,
    is_name_stopword,
    is_role_word,
    name_runs,
    person_at_run,
    person_in,
)

if TYPE_CHECKING:
    from warta.enrich.ner.tagger import Mention

__all__ = ["find_quotes"]

_LANGUAGES = ("id", "en", "ms")
_PRONOUNS = frozenset({"dia", "ia", "beliau", "dirinya", "he", "she", "they", "mereka"})
# A pronoun standing for a person in a sentence: the person is the one talked about before.
# "Pihaknya" (his side: the office the speaker stands for) too.
_PRONOUN = re.compile(
    r"(?<![\w-])(?:[Dd]ia|[Ii]a|[Bb]eliau|[Dd]irinya|[Pp]ihaknya|He|he|She|she)(?![\w-])"
)
_OPEN = "“"
_CLOSE = "”"
_QUOTE_MARKS = re.compile('["“”]')
# Paragraph ends: blank lines, and a comma glued after a sentence end, which is how some scrapers
# joined paragraphs ("….,Next paragraph", "…",Next"; "Baca juga:,,Next": a link whose title
# was cut out).
# Text a scraper glued together also starts a paragraph: "….Baca juga", "(11/9/2019).Baca juga",
# "…Marino\"Tapi …".
_BOUNDARY = re.compile(
    r"\n\s*|[.!?\"”:],+ ?(?=[^\s\d,])(?![\"”]\s+[a-z])"
    r"|(?<=[a-z)])(?P<stop>[.!?])(?=[A-Z])|(?<=[a-z\d\])])(?P<mark>[\"“])(?=[A-Z])"
)
# (not the dot of a title or an initial before a name: "Dr. Anung Sugihantono", "J. K Rowling")
_TITLE_DOT = "|".join(
    rf"(?<=(?<![\w.]){t}\.)" for t in ("[A-Z]", "Dr", "Prof", "Ir", "Hj", "Jr", "Sr")
)
_SENTENCE_END = re.compile(
    rf"[!?](?=\s|$|[\"“”A-Z,])|\.(?=\s|$|[\"“”A-Z,])(?!(?:{_TITLE_DOT})[ \t\xa0]+[A-Z])|\n"
)
# A paragraph that only links to another article: "Baca juga: …", "Simak Video …".
_LINK = re.compile(r"\s*(?:Baca|BACA|Simak|Lihat|Tonton)(?:\s+(?:[Jj]uga|JUGA|[Vv]ideo))?\s*:")
# A word or two in straight marks, inside a quote.
_NESTED = re.compile(r'"\w[^"\n,.;!?]{0,28}"(?=[ \t\xa0]+[\w(])')
# A quote mark glued to the word or the stop before it, opening a capitalised word.
_QUOTE_GLUED = re.compile(r"(?<=[\w.!?])[\"“](?=[A-Z][a-z])")
# An initial stands alone: the "B." of "WIB." is none.
_NAME = r"(?:(?<![\w.])(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms|Hj|Ir)\.|(?:(?<![\w-])(?:al|el)-)?[A-Z][\w&'’]*(?:-[\w&'’]+)*|@[\w.]+\w)"
# The words of one name are on one line: "JPPN.\n\nBrotoseno" is no "N. Brotoseno".
_NAME_RUN = (
    rf"{_NAME}(?:[ \t\xa0]+(?:(?:bin|binti|boru|van|von|de|da|al|el)[ \t\xa0]+)?{_NAME}){{0,6}}"
)
_RUN = re.compile(_NAME_RUN)
# Where the phrase naming a speaker after a cue ends (a dot inside "@mr.muhamadrafi" does not;
# nor a comma after a space or a comma, which CLICK-ID leaves where it cut a linked word out:
# "ujar Direktur Program Bakti Pendidikan ,, Primadi H Serad").
_CLAUSE_STOP = re.compile(
    r"[;!?\n]|\.(?!\w)(?!(?<=\b[A-Z]\.)[ \t\xa0]+[A-Z])|(?<=[a-z]{2})\.(?=[A-Z][a-z]{2})|(?<![\s,]),\s*(?![A-Z]{2,}\b|AKBP|AKP|Kombes)|\s(?:di|saat|ketika|kepada|dalam|usai|seusai"
    r"|seperti|melalui|pada|dilansir|dikutip|yang|sambil|sembari|when|in|at|on|to|after)\s"
)


# An organisation's name is followed by its abbreviation: "(BIL)", "(Satpel LH)".
# ... or one glossed with its acronym in brackets: "kecerdasan buatan (Artificial
# Intelligence/AI)", a term, no person.
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z][\w-]*\s?){1,3}\)|[ \t\xa0]*/[ \t\xa0]*[A-Z]{2,}\)")
# Words that open a description of people left unnamed: "jawab para penonton".
_UNNAMED = frozenset({"para", "seorang", "salah", "beberapa", "sejumlah", "banyak", "sebagian"})
# A description up to the sentence's end that ends with a demonstrative.
# ("ketua , UGM ini": CLICK-ID leaves " ," where it cut a link out)
_ANAPHOR_END = re.compile(
    r"\s*[a-z](?:[^.,;!?\n\"“”]| ,|,(?= \d))*?\s(?:ini|itu|tersebut)(?=\s*(?:[.,;!?\n]|$))"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_NAME_BEFORE_FROM = re.compile(
    rf"(?P<name>{_NAME_RUN})(?:,?[ \t\xa0]+(?:selaku|sebagai)[^.,;\"“”\n]{{0,50}})?[ \t\xa0]+dari[ \t\xa0]+\Z"
)
# "dari" and up to five lower-case words right before a capitalised run: "dari perusahaan
# listrik negara Honduras".
_FROM_BEFORE = re.compile(r"(?<![\w-])(?P<from>dari)(?:[ \t\xa0]+[a-z]+){0,5}[ \t\xa0]+\Z")
_NAME_BEFORE_ROLE = re.compile(rf"(?P<name>{_NAME_RUN}),[ \t\xa0]*\Z")
# The words an organisation's name opens with.
_ORG_WORDS = (
    "Kementerian|Komisi|Badan|Dinas|Lembaga|Pemerintah|Pemprov|Pemkot|Pemkab|Partai|Polda|Polres"
    "|Kejaksaan|Pengadilan|Mahkamah|Bank|Tim|Satgas|Direktorat|Ditjen|Organisasi|Yayasan"
    "|Perusahaan|Asosiasi|Federasi|Dewan|Majelis|Komite|Kantor|Biro|Pusat|Balai|Universitas"
)
_ORG_ACRONYM = re.compile(rf"(?:{_ORG_WORDS})(?: [A-Z][\w-]*)* [A-Z]{{2,8}}")
_ORG_START = re.compile(rf"(?:Pihak )?(?:{_ORG_WORDS})\b")
# Verbs whose reported clause may open with a name: "Mahathir Mohamad mengatakan Malaysia akan …",
# "mengatakan Garuda Indonesia menghentikan …", "mengatakan FL melakukan …" (but not a day or a
# month: "mengatakan Senin (2/9)").
_CLAUSE_VERBS = frozenset(
    "mengatakan menyatakan menjelaskan menegaskan mengungkapkan menuturkan menyebutkan"
    " menambahkan menerangkan".split()
)
_CAPITAL_LINK = re.compile(
    r"(?P<link>[ \t\xa0]+)(?=(?:[A-Z][\w-]*[ \t\xa0]+){1,4}[a-z]|\d[\d.,]*[ \t\xa0]+[a-z]{3,})"
    # "mengatakan 20 mayat dan 95 orang terluka …": a number opens the clause (not a date)
    r"(?!\d{1,2}[ \t\xa0]+(?:Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Ags|Sep|Okt|Nov|Des))(?!(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu"
    r"|Minggu|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November"
    r"|Desember|Pada|Di|Dalam|Saat|Ketika|Kepada)\b)"
)
# Words between a subject and its speech verb: "Radit lantas menjelaskan", "Yasonna pun".
_ADVERBS = (
    "pun|juga|bahkan|lalu|kemudian|lantas|langsung|kembali|akhirnya|pun juga|sendiri|lebih lanjut"
)
_PHRASE_END = re.compile(r"[,.;!?\n\"“”(]")
_AFTER_COMMA = re.compile(rf",[ \t\xa0]*(?P<name>{_NAME_RUN})")
# A name right after a preposition is a place or the one spoken to, not a subject: "di JIExpo
# Kemayoran", "kepada Budi", "investor asal Hong Kong".
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(?:di|ke|kepada|pada|untuk|dengan|bersama|terhadap|tentang|soal|antara|oleh|asal"
    r"|in|at|to|from|with|for|about)[ \t\xa0]+$",
    re.IGNORECASE,
)
# The lower-case word right after a name, a comma between or not.
_WORD_AFTER = re.compile(r",?[ \t\xa0]+([a-z]+)\b")
# Nouns that describe the person just named: "Karliansyah warga Palangka Raya", "Aminah, ibu …".
_DESCRIBING_NOUNS = frozenset(
    "warga pria wanita perempuan lelaki pemuda remaja gadis ibu bapak mahasiswa mahasiswi siswa"
    " pelajar pedagang petani nelayan sopir pengemudi karyawan karyawati buruh pegawai guru"
    " penjual pembeli pengunjung penumpang pemilik penghuni korban saksi relawan".split()
)
# Words that open a sentence turning to another person: "Sementara itu, Gubernur …"; or
# bringing in one of a group: "Salah satu perwakilan dari BEM UI, Manik …. Ia menyatakan".
_TOPIC_SHIFT = re.compile(
    r"[\s,\"”]*(?:Sementara[ \t\xa0]+itu|Sedangkan|Di[ \t\xa0]+sisi[ \t\xa0]+lain|Di[ \t\xa0]+lain"
    r"[ \t\xa0]+pihak|Adapun|Meanwhile|Salah[ \t\xa0]+satu(?:nya)?|(?:Satu[ \t\xa0]+)?[Dd]i"
    r"[ \t\xa0]+antaranya)\b"
)
# A time phrase that ends a cue's clause with "ini"/"itu" and points at no person: "kata Haris
# menjawab pertanyaan, belum lama ini", "ujar Budi, Senin pagi itu".
_TIME_THIS = re.compile(
    r"(?<![\w-])(?:lama|baru-baru|saat|kali|hari|malam|pagi|siang|sore|minggu|pekan|bulan|tahun"
    r"|waktu|ketika|kesempatan|acara|momen|tempo)[ \t\xa0]+(?:ini|itu|tersebut)$"
)
# What ``name_after`` returns when the cue names people but no one person: "jawab para penonton".
_NOBODY = ""


def _merged(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words with only a space between them joined into one phrase:
    "Manajer Bursa Mobil Bekas WTC Mangga Dua" + "Herjanto Kosasih"."""
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and text[merged[-1][1] : lo] in (" ", "\xa0"):
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


class _Cues(NamedTuple):
    """The cue lexicon of ``assets/quote_cues.txt``, one tuple per side, in file order."""

    after: tuple[str, ...]
    """Verbs that follow a quote: "…," kata Yang."""
    before: tuple[str, ...]
    """Verbs that introduce a quote or report speech: X mengatakan, "…" / X mengatakan bahwa …"""
    report: tuple[str, ...]
    """Verbs that report speech but tag no direct quote: "Dia mengklaim perubahan itu …"."""
    weak: tuple[str, ...]
    """Verbs that report speech only with "bahwa" or "jika" after them."""


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The cue lexicon, read once."""
    sides: dict[str, list[str]] = {field: [] for field in _Cues._fields}
    source = files("warta.assets").joinpath("quote_cues.txt").read_text(encoding="utf-8")
    for line in source.splitlines():
        side, _, word = line.partition(":")
        if side in sides:
            sides[side].append(word.strip())
    return _Cues(**{side: tuple(words) for side, words in sides.items()})


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = _cues()
    after, before = cues.after, cues.before
    cue_after = _alternation(after)
    cue_before = _alternation(before)
    return {
        # After the closing mark: "kata Yang", "ujarnya", "demikian pernyataan tim X", "said X".
        "after": re.compile(
            rf"[\s,]*(?:(?:demikian|begitu)\s+)?(?P<cue>(?:{cue_after})(?P<nya>nya)?)(?![\w-])"
        ),
        # After the closing mark, name first: "Lorenzo mengatakan", "Putin said".
        # "…," ia menjelaskan: a pronoun in lower case too.
        "after_name": re.compile(
            rf"[\s,]*(?P<name>{_NAME_RUN}|ia|dia|beliau)\s+(?P<cue>{cue_before})\b"
        ),
        # A one-word speaker's name: "kata Matsani", "Matsani, menyatakan".
        "named": re.compile(
            rf"\b(?:{cue_after})\s+(?P<after>[A-Z][a-z]{{2,}})\b(?![ \t]*[A-Z])"
            rf"|\b(?P<before>[A-Z][a-z]{{2,}}),?\s+(?:{cue_before})\b"
            # "Rahmat, Ketua RT setempat menuturkan"
            rf"|(?:^|(?<=[.,\n]))[ \t]*(?P<appos>[A-Z][a-z]{{2,}}),[ \t]+[^.,;\"“”\n]{{3,50}}?"
            rf"[ \t](?:{cue_before})\b",
            re.MULTILINE,
        ),
        "according": re.compile(r"[\s,]*(?P<cue>according to)\s+"),
        # Any verb of speech or thought, for words quoted inside a sentence: 'X mengatakan
        # bahwa ada "kampanye pemerintah yang …"', 'Tira … menduga hewan itu telah "dicat …"'.
        "any_verb": re.compile(
            rf"(?<![\w-])(?P<cue>{_alternation((*before, *cues.report, *cues.weak))})(?![\w-])"
        ),
        "speaker_verb": re.compile(
            rf"(?P<name>{_NAME_RUN}),?[ \t\xa0]+(?:(?:pun|juga|lalu|kemudian|yang)[ \t\xa0]+)?"
            rf"(?:{cue_before})\b"
        ),
        # Before the opening mark: "X mengatakan, ", "kata X: ", "Menurut X, ", "X said: ".
        "before": re.compile(
            rf"(?P<cue>\b(?:{cue_before})(?:\s+(?:bahwa|lagi|pula))?|\bkata\s+(?P<name>{_NAME_RUN}))"
            # "Juncker mengatakan kepada parlemen, "…": to whom, then the quote
            r"(?:\s+kepada\s[^,.;:\"“”\n]{1,40})?\s*[,:]?\s*$"
        ),
        "menurut_before": re.compile(
            rf"\b(?P<cue>[Mm]enurut(?:nya|\s+(?P<name>{_NAME_RUN})))\s*[,:]?\s*$"
        ),
        # Indirect: "X mengatakan, …", "Ia menyebutkan bahwa …", "Menurut X, …".
        # Indirect: "X mengatakan, …", "Ia menyebutkan bahwa …": the subject before the verb,
        # and the link after it.
        "subject": re.compile(
            rf"(?:(?<![\w-])(?P<pronoun>[Ii]a|[Dd]ia|[Bb]eliau|[Dd]irinya)"
            rf"|(?P<subject>{_NAME_RUN})(?:(?P<acronym>\s*\([A-Z]{{2,8}}\))|\s*\([A-Za-z]{{2,12}}\))?,?"
            # "Alberto Puig yang menyebut", "Eka Asmadi, saat dihubungi …, Kamis, mengatakan"
            r"(?:(?P<rel>\s+yang)|,\s+(?:saat|ketika|usai|seusai|dalam|di|kepada|ditemui|dihubungi)"
            r"\s[^.;\"“”\n]{0,80},)?)"
            rf"\s+(?:(?:{_ADVERBS})\s+){{0,2}}\Z"
        ),
        # "X menerangkan faktor cuaca …" links with a plain space, unless what follows says
        # where, when or to whom rather than what ("mengatakan kepada wartawan, …").
        "link": re.compile(
            # "mengatakan kepada wartawan, …": to whom, then the link.
            r"(?:\s+lagi)?(?:\s+kepada(?:\s[^,.;\"“”\n]{1,50})?(?=,)"
            # "mengatakan kepada The Guardian jika …", "mengatakan pada konferensi pers bahwa …"
            r"|\s+(?:kepada|pada|dalam|di|melalui|lewat)\s[^,.;\"“”\n]{1,50}?(?=\s+(?:bahwa|jika)\s))?"
            r"(?P<link>\s*,\s*|\s+bahwa\s+|\s+jika\s+|\s+(?=[a-z])(?!(?:hal|kepada"
            r"|pada|di|ke|saat|dalam|melalui|usai|seusai|ketika|sambil|sembari|sebelumnya|hari"
            r"|kemarin|dengan|lewat|secara|bahwa|jika|hal|lagi|pula|juga|pun|akan|sudah|telah"
            r"|demikian|begitu|dan|serta|atau)\b))"
        ),
        # "Gegar budaya, kata X, bisa …", "Kata X, sangat …", "Hal itu dilakukan lanjut X,
        # karena …", "Kemudian setelah itu, kata JK ingin …".
        "kata_mid": re.compile(
            rf"(?:(?:(?<=[,.])|^|(?<=\n))[ \t]*(?P<cue>[Kk]ata[ \t]+(?P<who>dia|ia|beliau|{_NAME_RUN}))"
            rf"|(?<=[a-z])[ \t]+(?P<cue2>(?:lanjut|tambah|imbuh|jelas|tutur|ujar|kata|sambung)"
            rf"[ \t]+(?P<who2>{_NAME_RUN})))"
            # "Padahal, kata dia, KPK bukanlah …": after the comma, a capital too (not a day)
            r"(?:[ \t]*(?P<comma>,)[ \t]*"
            r"(?=[a-z]|(?!Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)[A-Z])"
            r"|[ \t]+(?=[a-z])(?!(?:di|saat"
            r"|ketika|kepada|dalam|pada|usai|seusai|yang|dan|kemarin)\b))",
            re.MULTILINE,
        ),
        # The passive "-nya" form opening a sentence: "Dikatakannya, data kesehatan …", "…
        # belum lama ini.Ditambahkannya, …": the one spoken of before speaks.
        "passive_nya": re.compile(
            r"(?:(?<=[.,\n])|^)[ \t]*(?P<cue>Di(?:katakan|tambahkan|jelaskan|ungkapkan|tegaskan"
            r"|sampaikan|terangkan|sebutkan)nya)[ \t]*,[ \t]*",
            re.MULTILINE,
        ),
        "menurut": re.compile(
            rf"\b(?P<cue>[Mm]enurut(?:nya|\s+(?P<who>dia|ia|beliau|mereka|warganet|netizen|{_NAME_RUN})"
            r"|\s+(?P<anaphor>[a-z][\w-]*(?:[ \t][\w-]+){0,5}?[ \t](?:itu|ini|tersebut))))"
            r"(?:\s*,\s*|\s+(?=[a-z]))"
        ),
    }


class _Span:
    """A quoted passage: the marks' positions and its segment."""

    __slots__ = ("open", "close", "start", "end", "segment")

    def __init__(self, open_at: int, close_at: int, start: int, end: int, segment: int) -> None:
        self.open = open_at
        self.close = close_at
        self.start = start
        self.end = end
        self.segment = segment


def _segments(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(paragraphs, links): the text's paragraphs, and the "Baca juga: …" lines among them,
    which are left out of the paragraphs. A link glued to the next paragraph ends where a
    lower-case letter meets a capital ("… di MisanoSituasi Lorenzo …")."""
    spans: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []
    at = 0

    def add(lo: int, hi: int) -> None:
        if hi <= lo:
            return
        if _LINK.match(text, lo, hi):
            glued = glue_points(text, lo + 12, hi)
            cut = glued[0] if glued else hi
            # a quote glued to the link's title: "… Menuju Kualifikasi FIBA Asia 2021?"Tetapi"
            quote = _QUOTE_GLUED.search(text, lo + 12, cut)
            cut = quote.start() if quote else cut
            links.append((lo, cut))
            lo = cut
        if hi > lo:
            spans.append((lo, hi))

    for match in _BOUNDARY.finditer(text):
        if match.group("stop"):
            cut = next_at = match.end()
        elif match.group("mark"):
            cut = next_at = match.start("mark")
        else:
            cut = match.start() if text[match.start()] == "\n" else match.start() + 1
            next_at = match.end()
        add(at, cut)
        at = next_at
    add(at, len(text))
    return spans, links


def _looks_closing(text: str, at: int) -> bool:
    """A straight mark right after a comma or stop and before a lower-case cue closes a quote."""
    return text[at - 1 : at] in (",", ".", "!", "?") and bool(
        re.match(r"\s*[a-z]", text[at + 1 : at + 4])
    )


def _quoted(text: str, segments: list[tuple[int, int]]) -> list[_Span]:
    """Pair the quote marks of each segment; an unclosed quote runs to the segment's end and a
    lone closing mark closes a quote that began at the segment's start."""
    spans: list[_Span] = []
    for index, (lo, hi) in enumerate(segments):
        opened: int | None = None
        nested = -1  # the closing mark of a word quoted inside a quote
        for match in _QUOTE_MARKS.finditer(text, lo, hi):
            at = match.start()
            mark = match.group()
            if at <= nested:
                continue
            if opened is not None and mark == '"' and text[at - 1 : at].isspace():
                inner = _NESTED.match(text, at, hi)
                if inner:
                    # '"Saya biasanya pakai tabung "melon" 3 KG, …," ujar Suyanto': a word in
                    # marks inside the quote, opened after a space, goes on after a space
                    nested = inner.end() - 1
                    continue
                close = text.find('"', at + 1, hi)
                if (
                    text[at - 2 : at - 1] in (",", ":")
                    and text[at + 1 : at + 2].isalnum()
                    and close > 0
                    and _looks_closing(text, close)
                ):
                    # '"… bertanya-tanya seperti, "kapan semua ini cukup?" ucap Kourtney': a
                    # quote inside the quote, whose closing mark closes both
                    nested = close - 1
                    continue
            if opened is None:
                if mark == _CLOSE or (mark == '"' and _looks_closing(text, at)):
                    if at - lo > 30 and not spans or (spans and spans[-1].close < lo):
                        spans.append(_Span(lo - 1, at, lo, at, index))
                    continue
                opened = at
            else:
                if mark == _OPEN and text[opened] == _OPEN:
                    opened = at  # a lost closing mark: start again here
                    continue
                spans.append(_Span(opened, at, opened + 1, at, index))
                opened = None
        if opened is not None and hi - opened > 20 and text[opened + 1 : opened + 2] not in ".,":
            # (not '… menayangkan ",". Drama itu …': a mark before a stop opens nothing; the
            # title between the marks was cut out)
            spans.append(_Span(opened, hi, opened + 1, hi, index))
    for span in spans:
        while span.end > span.start and text[span.end - 1] in " ,":
            span.end -= 1
        # a scraper's dropped link leaves '" , yang baru …"': the words start after it
        while span.start < span.end and text[span.start] in " ,;\xa0\t":
            span.start += 1
    return [s for s in spans if s.end - s.start >= 2]


class _Reader:
    """The state of one pass over an article: names, sentences, the last speaker, the quotes."""

    def __init__(
        self,
        text: str,
        speakers: list[str] | None,
        spans: list[_Span],
        segments: list[tuple[int, int]],
        links: list[tuple[int, int]],
        people: PersonModel | None = None,
    ) -> None:
        self.text = text
        self.people = people
        self.quote_ranges = [(s.open, s.close + 1) for s in spans]
        self.links = links
        # Names inside quotes or links name nobody who speaks here.
        self.names = NameIndex(text, skip=sorted(self.quote_ranges + links))
        self.known = set(speakers or ())
        self.last_speaker: str | None = None
        self.last_close = -1
        self.patterns = _patterns()
        starts = {lo for lo, _hi in segments} | {hi for _lo, hi in links}
        starts.update(m.end() for m in _SENTENCE_END.finditer(text))
        starts.update(glue_points(text))
        self.sentence_starts = sorted(starts)
        self._known_speakers()
        self.names.speakers = self.known

    def canonical(self, name: str | None, position: int) -> str | None:
        name = name.strip("'’‘") if name else name  # "Andika Mahesa'": a stray mark
        if not name:
            return None
        full = self.names.without_organisation(self.names.canonical(name, position), self.known)
        full = full.strip("'’‘") or name
        if " " not in full and len(full) >= 4:
            # "Rudi" for "Rudiantara", a one-word name the article uses as a speaker's
            longer = [k for k in self.known if " " not in k and k.startswith(full) and k != full]
            if len(longer) == 1:
                return longer[0]
        if self.people is not None and full[:1].isupper():
            # the model's full name when the rules cut it: "Gunnar Solskjaer", "al-Maliki"
            full = self.people.full_name(full)
        return full

    def name_after(self, position: int, limit: int = 90) -> tuple[str | None, bool]:
        """The speaker named after a cue: (name, found). ``found`` is False for a pronoun or an
        anaphor such as "politisi Partai Hanura itu", which the caller resolves.

        With the NER model, a name that the model does not tag as a person gives way to a
        person the model tags after a comma in the cue's phrase ("ujar perwakilan pendaki dari
        Kerabat Pencinta Alam (KPA), Amirnan", "teriak vokalis Seringai, Arian"); a word that
        ends a lower-case description ("kata mantan Menteri Negara Perumahan Rakyat") or that
        the model calls an organisation or a place is read like a pronoun."""
        name, found = self._name_after(position, limit)
        people = self.people
        if people is None or not found or not name or _is_handle(name):
            return name, found  # an account ("ujar tommyndp") is no name for the model to judge
        if _CALLED_AFTER.match(self.text, position, position + limit):
            return name, found  # the name the text says the person goes by, whatever the model says
            return name, found
        if people.is_person(name) or _ACRONYM.fullmatch(name):
            return name, found
        person = self._model_person_after(position)
        if person is not None:
            return person, True
        if " " not in name and re.match(r"\s*[a-z]", self.text[position : position + 4]):
            at = self.text.find(name, position, position + 160)
            if at < 0 or not self.text[position:at].rstrip(" \t\xa0").endswith(","):
                return None, False  # not "kata salah satu reporter, Paramitha"
        if people.is_other(name):
            return None, False
        return name, found

    def _model_person_after(self, position: int) -> str | None:
        """The first person the model tags after a comma in the phrase after a cue at
        ``position``, not after a relation ("kata orangtua Bunga, DM")."""
        people = self.people
        if people is None:
            return None
        text = self.text
        stop = _NAME_SEARCH_STOP.search(text, position, min(len(text), position + 90))
        end = stop.start() if stop else min(len(text), position + 90)
        comma = text.find(",", position, end)
        if comma < 0:
            return None
        for lo, hi in people.person_spans:
            if lo >= end:
                break
            if lo < comma or _RELATION_BEFORE.search(text, max(0, lo - 14), lo):
                continue
            person = person_in(text[lo:hi])
            if person:
                return self.canonical(person, lo)
        return None

    def _name_after(self, position: int, limit: int = 90) -> tuple[str | None, bool]:
        """``name_after`` by the capitalisation rules alone."""
        text = self.text
        clause_end = min(len(text), position + limit)
        stop_match = _CLAUSE_STOP.search(text, position, clause_end)
        if stop_match:
            end = stop_match.start()
        else:
            # a long role: the name it ends with runs on past the limit ("… Ajun Komisaris
            # Besar Muhammad Nasir"), never cut inside a word
            goes_on = _RUN_GOES_ON.match(text, clause_end, min(len(text), clause_end + 60))
            end = goes_on.end() if goes_on else clause_end
        clause = text[position:end].strip()
        if not clause:
            return None, False
        first = clause.split()[0].lower()
        if first in _PRONOUNS:
            return None, False
        called = _CALLED_AFTER.match(text, position, clause_end)
        if called:
            return called.group("name"), True  # "kata politikus yang disapa Cak Imin"
        account = _ACCOUNT.match(clause)
        if account:
            return account.group("handle"), True  # "tulis akun idong15": the account speaks
        if first in _UNNAMED:
            # "jawab para penonton": nobody named; "ujar salah satu warga, Ana boru Tarigan"
            return self._name_after_comma(stop_match, position, single=True) or _NOBODY, True
        if first in _THING_NOUNS and re.search(r"\s(?:ini|itu|tersebut)$", clause):
            return _NOBODY, True  # "sambung laporan itu": a document speaks, no person
        if (
            re.search(r"\s(?:ini|itu|tersebut)$", clause)
            and not _TIME_THIS.search(clause)
            or (clause[0].islower() and _ANAPHOR_END.match(text, position, position + 160))
        ):
            # "kata politisi Partai Hanura itu", "tutur Guru Besar Filsafat STF Driyarkara ini",
            # "kata pria yang menjabat sebagai Presiden Direktur PT Isuzu (IAMI) ini": the
            # person spoken of before.
            return None, False
        # A role before a comma ("Kasubdit … Polda Lampung, AKBP Ferdiyan Fahmi", "peneliti
        # PSHK, Agil Oktaryal", "Duta Besar Cina untuk Jerman, Ken Wu") names the person after
        # it, unless the phrase before it already holds a full name ("Budi Santoso, Ketua RT").
        after_comma = self._name_after_comma(stop_match, position)
        stem = clause.split()[0][:-3]
        if re.match(r"[A-Z][a-z]+nya\b", clause) and (
            is_common_word(stem) or is_name_stopword(stem)
        ):
            return _NOBODY, True  # "kata Ibunya": someone's mother, unnamed
        related = False
        described = False
        for lo, hi in _merged(name_runs(text, position, end), text):
            relation = _RELATION_BEFORE.search(text, max(0, lo - 14), lo)
            if relation:
                related = True  # "kata orangtua Bunga, DM": Bunga's parent speaks
                # "ungkap putri dari BRA Mooryati Soedibyo" right after the cue: a description
                # of one spoken of before (a new relative comes as "kata ayah Bunga")
                described = described or (
                    "dari" in relation.group().split()
                    and not text[position : relation.start()].strip()
                )
                continue
            phrase = text[lo:hi]
            person = person_at_run(text, lo, hi)
            if (
                person
                and " " not in person
                and is_name_stopword(person, sentence_start=True)
                and " " not in (self.canonical(person, lo) or "")
            ):
                continue  # "ujar Meski …", but "kata Yang" for Yang Moo Jin
            if person and len(person) > 1:
                if after_comma and (
                    " " in person
                    and phrase.split()[0] != person.split()[0]
                    or " " not in person
                    and (
                        phrase != person
                        or person not in self.known
                        and " " not in (self.canonical(person, lo) or "")
                    )
                ):
                    # "kata peneliti PSHK, Agil Oktaryal", "kata Duta Besar Cina untuk Jerman,
                    # Ken Wu", but not "kata Jawato, Komposisi …" when the article names
                    # Jawato in full
                    return after_comma, True
                later = (
                    self._full_person_after(hi, min(len(text), end + 40))
                    if " " not in person and phrase != person
                    else None
                )
                if later is not None:
                    # "ujar Kepala Dinas Perhubungan (Kadishub) DKI Jakarta Syafrin Liputo":
                    # the word left of a role is no name when a full name follows
                    return later, True
                return person, True
            if not text[position:lo].strip() and (
                _ACRONYM.fullmatch(phrase) or _ORG_ACRONYM.fullmatch(phrase)
            ):
                # An organisation speaks: "tulis KPI", "tulis Kementerian PUPR" (not "ujar
                # juru bicara AFP": its spokesperson, left unnamed).
                return after_comma or phrase, True
        if after_comma:
            return after_comma, True
        if related:
            initials = _INITIALS_AFTER_COMMA.match(text, end, end + 8)
            if initials:
                return initials.group(1), True
            return (None, False) if described else (_NOBODY, True)
        if clause.startswith("sang "):
            return None, False  # "sapa sang vokalis": the person spoken of before
        if clause[0].islower():
            # "kata pakar keuangan … di Amerika Serikat Lynnette Khalfani-Cox": the name ends
            # the description; "komentar netter yang lain", "kata warga setempat": unnamed.
            phrase_end = _PHRASE_END.search(text, position, min(len(text), position + 120))
            stop = phrase_end.start() if phrase_end else min(len(text), position + 120)
            runs = name_runs(text, position, stop)
            if runs and runs[-1][1] >= stop - 1:
                person = person_at_run(text, *runs[-1])
                if person and " " in person:
                    return person, True
            return _NOBODY, True
        return None, False

    def _full_person_after(self, start: int, end: int) -> str | None:
        """The first name of two or more words in ``text[start:end]``, before the phrase
        ends."""
        stop = _NAME_SEARCH_STOP.search(self.text, start, end)
        for lo, hi in _merged(
            name_runs(self.text, start, stop.start() if stop else end), self.text
        ):
            person = person_at_run(self.text, lo, hi)
            if person and " " in person:
                return person
        return None

    def _name_after_comma(
        self, stop_match: re.Match[str] | None, position: int, *, single: bool = False
    ) -> str | None:
        """The full name after the comma that ends a role: "kata peneliti PSHK, Agil
        Oktaryal"; with ``single``, one name word too ("kata salah satu reporter, Paramitha")."""
        if stop_match is None or self.text[stop_match.start()] != ",":
            return None
        if stop_match.start() - position > 100:
            # a long role still ends before its holder's name: "kata Sekretaris PP Perhimpunan
            # Dokter Spesialis Kedokteran Jiwa Indonesia (PDSKJI), Dr Agung Frijanto"
            return None
        at = stop_match.start()
        rest = _AFTER_COMMA.match(self.text, at, at + 60)
        if rest is None:
            return None
        person = person_at_run(self.text, rest.start("name"), rest.end("name"))
        if person and " " in person:
            return person  # "Agil Oktaryal"
        dropped = rest.group("name")[: len(rest.group("name")) - len(person or "")].split()
        if person and dropped and all(is_name_stopword(word) for word in dropped):
            return person  # "Kompol Hari": a rank before one name
        if person is None or dropped:
            # "Group Head,PT Jasa Marga (Persero) Tbk Dwimawu Heru Santoso": the person's
            # full name after the organisation
            limit = _PHRASE_END.search(self.text, rest.end("name") + 12, rest.end("name") + 60)
            later = self._full_person_after(
                rest.end("name"), limit.start() if limit else min(len(self.text), at + 80)
            )
            if later is not None:
                return later
        if (
            single
            and person
            and len(person) > 2
            and not is_common_word(person)
            and not is_name_stopword(person, sentence_start=True)
        ):
            return self.canonical(person, rest.start("name"))
        return None

    def _known_speakers(self) -> None:
        """Single words the article uses as speakers' names ("kata Matsani", "Teddy
        mengatakan"), so that a later "-nya" cue may go to them."""
        text = self.text
        for match in self.patterns["named"].finditer(text):
            name = match.group("after") or match.group("before") or match.group("appos")
            if self._inside_quote(match.start()) or is_name_stopword(name, sentence_start=True):
                continue
            self.known.add(self.names.canonical(name, match.start()))
            self.known.add(name)

    def person_at(
        self, start: int, end: int, first_by: int | None = None, *, agent: bool = False
    ) -> str | None:
        """The first person named in ``text[start:end]`` outside quotes: a name of two or more
        words, or one word the article uses as a name elsewhere. With ``agent``, a name
        followed by a passive verb ("Dzulmi ditangkap …") is what happens to someone, not who
        acts or speaks, and is passed over."""
        text = self.text
        chained = -1  # the end of the last run, in a subject phrase that began by ``first_by``
        for lo, hi in name_runs(text, start, end):
            # "Sementara itu, Tenaga Ahli Menteri … Calendar of Event (CoE) Esthy Reko Astuti
            # berharap": one long capitalised subject goes on past the limit
            if (
                first_by is not None
                and lo >= first_by
                and (chained < 0 or not _SUBJECT_GAP.fullmatch(text, chained, lo))
            ):
                return None
            chained = hi
            if agent and (_PATIENT_VERB_AFTER.match(text, hi) or _possessor(text, lo)):
                continue
            if (
                self._inside_quote(lo)
                or _ACRONYM_AFTER.match(text, hi, hi + 20)
                or _within_ranges(self.links, lo)
            ):
                # inside a quote or a "Baca juga" link, or an organisation with its acronym:
                # "… Lombok (BIL)"
                continue
            if (
                _PREPOSITION_BEFORE.search(text, max(0, lo - 12), lo)
                or text.startswith((" &", " of ", " for "), hi)
                or after_organisation_kind(text, lo)
                or _PARTY_BEFORE.search(text, max(0, lo - 60), lo)
            ):
                # a place, part of a role ("Channel Sales & Marketing Manager", "Bidang
                # Management Calendar of Event"), or a party
                # to something ("Baik pihak Ditlantas maupun Jasa Marga perlu berdiskusi")
                continue
            if _RELATION_BEFORE.search(text, max(0, lo - 14), lo):
                continue  # "mantan suami Barbie, Bagus …": the relative is not the subject
            if _RELATIVE_OF.match(text, lo, hi) and text.startswith(",", hi):
                continue  # "Putri Sinta, Alissa Wahid, …": the daughter, named next, acts
            if text[lo:hi] in self.known and _ACRONYM.fullmatch(text[lo:hi]):
                return text[lo:hi]  # "NIKI", a singer the article quotes by her stage name
            person = person_at_run(text, lo, hi, sentence_start=at_sentence_start(text, lo))
            people = self.people
            if (
                not person
                and people is not None
                and people.person_exactly(lo, hi)
                and " " not in text[lo:hi]
                and text[max(0, lo - 2) : lo].strip(" \t\xa0") == ","
            ):
                # "mantan suami Barbie, Bagus akhirnya …": a name that is also a word ("bagus",
                # good) is a person where the model says so, after a comma (not at a sentence
                # start, where the model is least sure)
                person = text[lo:hi]
            if not person:
                continue
            if people is not None:
                if self._not_a_person(person, lo, hi):
                    continue  # "Puskesmas Pulang Pisau": an organisation for the model
                at = lo + text[lo:hi].rfind(person)
                if " " not in person and people.person_at(at, at + len(person)):
                    full = self.canonical(person, lo)
                    if full and not people.is_other(full):
                        return full  # "Bagi Niki, …": a person for the model
            if " " not in person and not person.startswith("@") and person not in self.known:
                full = self.canonical(person, lo)
                if (full is None or " " not in full) and not self._described_person(hi):
                    continue
                person = full or person
            full = self.canonical(person, lo)
            if people is not None and full and not full.startswith("@"):
                if people.is_other(full):
                    continue  # "Puskesmas" for "Puskesmas Pulang Pisau"
                if not people.is_person(full) and any(is_common_word(w) for w in full.split()):
                    continue  # "Upah riil-nya naik": a word, no person for the model
            return full
        return None

    def subject_before(self, position: int) -> str | None:
        """The person a pronoun cue ("katanya", "kata dia") at ``position`` stands for.

        Sentence by sentence back from ``position``: the first person named outside quotes in
        the nearest sentence that names one; a sentence whose pronoun ("ia", "dirinya") or
        anaphor ("Kakak Raoul Salim ini") comes before any name is about the person before it,
        that is, the last speaker when there is one; reaching the last quote gives its speaker.
        """
        starts = self.sentence_starts
        floor = max(0, position - 600)
        at = bisect_left(starts, position)
        end = position
        while at > 0:
            at -= 1
            begin = starts[at]
            if begin < floor:
                break
            if begin >= end:
                continue
            if begin <= self.last_close < end and self.last_speaker:
                return self.last_speaker  # back at the last quote: its speaker goes on
            quote_at = self._quote_at(begin)
            if quote_at is not None and quote_at[1] >= end:
                end = begin
                continue
            found = self._subject_in(begin, end)
            if found == "":
                # A pronoun, or "Hal ini" going on about someone: the one who spoke since
                # the last quote ("DIY Trisaktiyana menjelaskan …. Hal ini …"), else its speaker.
                recent = self._last_reporter(max(self.last_close, floor), begin)
                if recent:
                    return recent
                shifted = self._shifted_subject(at, max(self.last_close, floor))
                if shifted:
                    return shifted
                if self.last_speaker:
                    return self.last_speaker
            elif found is not None:
                return found
            end = begin
        return self.last_speaker

    def _described_person(self, end: int) -> bool:
        """True when a one-word name ending at ``end`` is described as a person right after
        it: "Karliansyah warga Palangka Raya lainnya juga mengatakan", "Maryati, ibu rumah
        tangga"."""
        after = _WORD_AFTER.match(self.text, end, end + 24)
        return after is not None and after.group(1) in _DESCRIBING_NOUNS

    def _shifted_subject(self, at: int, floor: int) -> str | None:
        """The person named by the sentence before sentence ``at`` when it turns to a new
        subject after the last quote (``floor``): "Sementara itu, Gubernur Jawa Tengah, Ganjar
        Pranowo mengapresiasi …. Meski begitu, dia …" is about Ganjar, not the last speaker."""
        if at < 1:
            return None
        begin, end = self.sentence_starts[at - 1], self.sentence_starts[at]
        if begin <= floor or not _TOPIC_SHIFT.match(self.text, begin, end):
            return None
        found = self._subject_in(begin, end)
        return found or None

    def _last_reporter(self, start: int, end: int) -> str | None:
        """The last person in ``text[start:end]`` named right before a speech verb."""
        found = None
        for verb in self.patterns["speaker_verb"].finditer(self.text, max(0, start), end):
            if self._inside_quote(verb.start()):
                continue
            person = person_at_run(self.text, verb.start("name"), verb.end("name"))
            if (
                person
                and (" " in person or not is_name_stopword(person, sentence_start=True))
                and not self._not_a_person(person, verb.start("name"), verb.end("name"))
            ):
                found = self.canonical(person, verb.start("name"))
        return found

    def _not_a_person(self, person: str, lo: int, hi: int) -> bool:
        """True when the NER model says the name ``person`` found in the run ``text[lo:hi]``
        is an organisation or a place ("Observatorium Suriah … mengatakan"), or does not take
        a name holding a common word for a person."""
        people = self.people
        if people is None or _is_handle(person):
            return False
        at = lo + self.text[lo:hi].rfind(person)
        if people.is_other(person, at):
            return True
        # "Kepala Negara menerangkan", "Upah riil-nya naik": a common word, no person for the
        # model
        if people.is_person(person):
            return False
        # ... nor one word left of a run after its role ("Kepala Negara menerangkan")
        return any(is_common_word(w) for w in person.split()) or (
            " " not in person and hi - lo > len(person)
        )

    def _subject_in(self, start: int, end: int) -> str | None:
        """The person a sentence is about: a name, "" when a pronoun or an anaphor comes
        first, None when it names nobody."""
        text = self.text
        window = text[start : min(end, start + 80)]  # never read on into the quote itself
        head = window.lstrip(' ,"“”-–')
        offset = start + len(window) - len(head)
        run = _RUN.match(head)
        linked = False  # "Selain itu, …": goes on about the person before, unless it names one
        if run and re.match(r"\s+(?:ini|itu|tersebut)\b", head[run.end() : run.end() + 12]):
            word = run.group()
            if (
                " " not in word
                and word.lower() not in _PERSON_NOUNS
                and is_common_word(word.lower())
                and _PASSIVE_SPEECH.match(text, offset + run.end(), offset + run.end() + 40)
            ):
                # "Fakta tersebut dibeberkan Senior Officer …, Azmiati Zuliah.": a thing said,
                # and the person the sentence names said it
                person = self.person_at(offset + run.end(), min(end, offset + 160))
                if person:
                    return person
            if " " in word or not is_name_stopword(word, sentence_start=True):
                return ""  # "Kakak Raoul Salim ini"
            linked = True  # "Selain itu", "Sementara itu, Pelatih X menyatakan"
        anaphor = _PERSON_ANAPHOR_HEAD.match(head)
        if anaphor and anaphor.group("noun").lower() in _PERSON_NOUNS:
            # "Sutradara film Berbagi Suami ini mengaku …": the person before, unless the
            # description names the person ("Pria yang akrab disapa Dani ini")
            return self.person_at(offset + anaphor.end("noun"), offset + anaphor.end()) or ""
        relative = _RELATIVE_ANAPHOR.search(head, 0, 120)
        if relative and relative.start() <= 24 and not self._inside_quote(offset):
            # "Lebih lanjut, istri presenter Prabu Revolusi ini mengatakan": the wife, whom
            # the sentences before were about, speaks; the husband is how she is described
            return ""
        pronoun = _PRONOUN.search(text, offset, end)
        while pronoun is not None and self._inside_quote(pronoun.start()):
            pronoun = _PRONOUN.search(text, pronoun.end(), end)
        limit = min(end, offset + 160)
        if pronoun is not None:
            limit = min(limit, pronoun.start())
        # After "Sementara itu" a new subject comes first: "Sementara itu, Pelatih X menyatakan".
        first_by = offset + run.end() + 30 if linked and run is not None else None
        # The one who speaks in a sentence with a speech verb is named right before it:
        # "Prakirawan BMKG Stasiun Meteorologi Cilacap, Rendi Krisnawan mengatakan".
        verb = self.patterns["speaker_verb"].search(text, offset, limit)
        if verb and not self._inside_quote(verb.start()):
            cue_at = verb.end() - len(verb.group().split()[-1])
            appositive = _appositive_speaker(self, cue_at, verb.start("name"))
            if appositive is not None:
                return appositive  # "Dr Brian Kantor, dokter gigi … di New York, mengatakan"
            found = person_at_run(text, verb.start("name"), verb.end("name"))
            if (
                found
                and (" " in found or not is_name_stopword(found, sentence_start=True))
                and not self._not_a_person(found, verb.start("name"), verb.end("name"))
            ):
                self.known.add(found)  # "DIY Trisaktiyana menjelaskan": a speaker's name
                return self.canonical(found, verb.start("name"))
        # Otherwise the first person the sentence names, who does something (not "Dzulmi
        # ditangkap …": the one arrested is the news, the one who spoke is named before).
        person = self.person_at(offset, limit, first_by, agent=True)
        if person:
            return person
        if run is not None and not linked and self._lone_name_subject(run.group(), offset):
            return run.group()
        return "" if pronoun is not None or linked else None

    def _lone_name_subject(self, word: str, at: int) -> bool:
        """True when ``word``, opening a sentence at ``at`` and followed by a lower-case word,
        is a one-word name the article repeats ("Niki juga lantas …" after "… Niki …"): not a
        title, a function or common word, an acronym or a place after a preposition."""
        text = self.text
        if (
            " " in word
            or len(word) < 3
            or not word[1:].islower()
            or is_name_stopword(word, sentence_start=True)
            or not re.match(r"[ \t\xa0]+[a-z]", text[at + len(word) : at + len(word) + 3])
        ):
            return False
        seen = 0
        found = text.find(word)
        while found >= 0:
            start, found = found, text.find(word, found + 1)
            if not _has_word(text[max(0, start - 1) : start + len(word) + 1], word):
                continue
            if self._inside_quote(start):
                continue
            if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
                return False  # "di Bogor": a place
            seen += 1
        return seen >= 2

    def role_holder(self, position: int) -> str | None:
        """The person a cue names by a role alone ('"…," kata Kapolres.' at ``position``,
        the quote's closing mark): the last one named with that role before, outside quotes
        ("Kapolres Bogor AKBP Budi Santoso"); None for another cue or when none is."""
        text = self.text
        cue = _ROLE_AFTER_CUE.match(text, position, position + 40)
        if cue is None or not is_role_word(cue.group("role")):
            return None
        role = cue.group("role")
        at = text.rfind(role, 0, position)
        while at >= 0:
            if not self._inside_quote(at) and not text[at - 1 : at].isalnum():
                for lo, hi in name_runs(text, at, min(len(text), at + 120)):
                    if lo != at:
                        break
                    person = person_at_run(text, lo, hi)
                    if person and " " in person:
                        return self.canonical(person, lo)
            at = text.rfind(role, 0, at)
        return None

    def _quote_at(self, position: int) -> tuple[int, int] | None:
        ranges = self.quote_ranges
        at = bisect_right(ranges, (position, len(self.text) + 1)) - 1
        if at >= 0 and ranges[at][0] <= position < ranges[at][1]:
            return ranges[at]
        return None

    def _inside_quote(self, position: int) -> bool:
        return self._quote_at(position) is not None


def find_quotes(
    text: str,
    language: str | None = None,
    *,
    speakers: list[str] | None = None,
    mentions: list[Mention] | None = None,
) -> list[Quote]:
    """Direct and indirect quotes in an article's text, in text order.

    ``language`` is the article's language code: Indonesian and English are read, any other
    language gives an empty list (None reads the text as Indonesian). ``speakers`` optionally names
    known people to prefer as speakers. ``mentions`` are the NER model's mentions in ``text``
    (:func:`warta.enrich.ner.tagger.tag`, with :func:`warta.enrich.entities.add_repeats`), as
    :func:`warta.enrich.annotate.annotate` shares them with the entities step: the model then
    says which names are people, where a person's full name starts, and which capitalised runs
    are organisations or places (see :class:`~warta.enrich.speakers.PersonModel`). Without
    them the capitalisation rules decide alone.
    """
    if language is not None and language.split("-")[0].lower() not in _LANGUAGES:
        return []
    if not text:
        return []
    segments, links = _segments(text)
    spans = _quoted(text, segments)
    people = (
        PersonModel(text, mentions, skip=sorted((s.open, s.close + 1) for s in spans))
        if mentions is not None
        else None
    )
    reader = _Reader(text, speakers, spans, segments, links, people)
    quotes: list[Quote] = []
    patterns = reader.patterns
    previous: _Span | None = None
    previous_speaker: str | None = None
    history: list[str] = []  # the speakers so far, in order
    abstained = False  # the last quote stood alone, and nobody known said it
    for span in spans:
        speaker, cue, found = _direct_speaker(reader, span, segments)
        if cue is None:
            # No cue: a continuation when it opens a segment (or a sentence) right after a quote.
            if _is_title(text, span):
                continue  # '"Hotel Del Luna" sendiri …': a title, nobody's words
            if (
                previous is not None
                and previous_speaker
                and _follows(text, previous, span, segments)
            ):
                named = reader.person_at(_after_cue_clause(text, previous.close + 1), span.open)
                if named and _about(text[span.start : span.end], named):
                    named = None  # "… pengrajin Gambo Muba …" between and inside: its topic
                speaker, found = named or previous_speaker, True
            elif (
                _opens_sentence(text, span, segments)
                and span.end - span.start > 40
                and not _UNKNOWN_TAG.match(text, span.close + 1)
            ):
                # A long quote standing alone as a sentence is the subject's, unless a word we
                # do not know tags it ("komentar netter"): then we cannot tell whose it is.
                speaker = reader.subject_before(span.open)
                # '"Akting Jung Ji Hoon luar biasa …"' after "netter … akting Jung Ji Hoon":
                # the person the quote names in full is whom it is about, not who says it;
                # and the untagged quotes that follow are the same unknown voices
                chained = (
                    abstained
                    and previous is not None
                    and _follows(text, previous, span, segments)
                    # not when someone is named in between ("Tetangga lain yang bernama
                    # Dewi Jones mengatakan …. "…"")
                    and reader.person_at(_after_cue_clause(text, previous.close + 1), span.open)
                    is None
                )
                if speaker is None and not chained:
                    continue
                if chained or _about(text[span.start : span.end], speaker or ""):
                    speaker = None
                found = speaker is not None
            else:
                continue
        elif not found:
            speaker = reader.role_holder(span.close + 1) or reader.subject_before(span.open)
            if (
                speaker
                and reader.last_speaker
                and speaker != reader.last_speaker
                and _named_in(text[span.start : span.end], speaker)
            ):
                # '"Aminah lalu pulang …," ungkapnya': a quote that names the one the
                # sentences before were about is about her, not by her; the last speaker goes on
                speaker = reader.last_speaker
            if (
                speaker is not None
                and speaker == previous_speaker
                and previous is not None
                and cue.split()[0] in _ANSWER_CUES
                and text[previous.start : previous.end].rstrip().endswith("?")
            ):
                # '"…?" kata X. "…," jawab [nobody named]': the one asked answers, not X;
                # nobody named when nobody else has spoken ('"Setuju," jawab anggota Baleg')
                speaker = next((s for s in reversed(history) if s != speaker), None)
        speaker = reader.canonical(speaker, span.start)
        quotes.append(
            Quote(
                speaker=speaker,
                cue=cue,
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
            )
        )
        if speaker:
            reader.last_speaker = speaker
            reader.known.add(speaker)
        reader.last_close = span.close
        # the last quote has nobody named: standing alone, or cued by someone left unnamed
        # ('"…," kata seorang juru bicara Facebook. "…"': what follows goes on unnamed)
        abstained = speaker is None
        previous, previous_speaker = span, speaker
        if speaker:
            history.append(speaker)
    quotes.extend(_indirect(reader, patterns, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


_LOWER_AFTER_CLOSE = re.compile(r"[ \t\xa0,]*[a-z]")


def _after_cue_clause(text: str, position: int) -> int:
    """Where the sentence that a quote closing at ``position`` ends in gives way to the next:
    after '"…," kata Menpora di kediamannya, Kompleks Menteri, Widya Candra, Jakarta.' the
    names in the cue's own clause (places, whom it was said to) are no new speaker."""
    if not _LOWER_AFTER_CLOSE.match(text, position):
        return position
    end = _SENTENCE_END.search(text, position)
    return end.end() if end else position


# Lower-case words before a name that make it the owner of a thing, not the one who acts:
# "tampilan Alief yang sederhana juga membuat Addie tertarik", "mengunggah video Alief".
_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>[a-z]+)[ \t\xa0]+\Z")
_POSSESSED = frozenset("milik video foto akun lagu karya rumah mobil".split())
_NOT_POSSESSED = frozenset("kemudian belakangan perlahan sebagian dengan bulan tahun".split())


def _possessor(text: str, position: int) -> bool:
    """True when the name at ``position`` follows a thing it owns: a listed noun, or a noun
    made with "-an" ("tampilan Alief", "pernyataan Jokowi"; not a "-kan" verb: "mengatakan")."""
    before = _WORD_BEFORE.search(text, max(0, position - 20), position)
    if before is None:
        return False
    word = before.group("word")
    return word in _POSSESSED or (
        len(word) >= 6
        and word.endswith("an")
        and not word.endswith("kan")
        and word not in _NOT_POSSESSED
    )


def _named_in(passage: str, name: str) -> bool:
    """True when a word of ``name`` (of three letters or more) stands in ``passage``."""
    return any(len(word) > 2 and _has_word(passage, word) for word in name.split())


def _about(passage: str, name: str) -> bool:
    """True when ``passage`` names ``name`` in full, and not as the speaker of a cue inside it
    ("… dihipnotis,'' ungkap Lee Jinhyuk. ''Saya …": marks a scraper left unmatched)."""
    if not name:
        return False
    after = frozenset(_cues().after)
    at = passage.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not (passage[at - 1].isalnum() or passage[at - 1] == "-")) and not (
            end < len(passage) and (passage[end].isalnum() or passage[end] == "-")
        )
        before = passage[max(0, at - 20) : at].split()
        if whole and not (before and before[-1].casefold() in after):
            return True
        at = passage.find(name, end)
    return False


def _has_word(text: str, word: str) -> bool:
    """True when ``word`` stands in ``text`` as a whole word (str.find: no regex per word)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _within_ranges(ranges: list[tuple[int, int]], position: int) -> bool:
    """True when ``position`` is inside one of the sorted, disjoint ``ranges``."""
    at = bisect_right(ranges, (position, 1 << 62)) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]


def _follows(text: str, previous: _Span, span: _Span, segments: list[tuple[int, int]]) -> bool:
    """True when ``span`` opens its segment (or a sentence) and follows ``previous`` closely: in
    the next segment, or in the same one after the previous quote's cue."""
    if span.segment - previous.segment > 1:
        return False
    if not _opens_sentence(text, span, segments):
        return False
    gap = text[previous.close + 1 : span.open]
    return (
        len(gap) < 200
        or span.segment == previous.segment + 1
        and span.open == segments[span.segment][0]
    )


def _opens_sentence(text: str, span: _Span, segments: list[tuple[int, int]]) -> bool:
    lo = segments[span.segment][0]
    before = text[lo : max(lo, span.open)].rstrip()
    return not before or before[-1] in '.!?:"”' or before.endswith(("Baca juga", "Baca Juga"))


def _is_handle(name: str) -> bool:
    """True for a social-media account as a speaker: "@cha_pds", or one printed without its "@"
    ("ujar akun tommyndp", "tandas akun lafema_fiscarina") — never a capitalised name."""
    return name.startswith("@") or not name[:1].isupper()


# An account named without its "@": "tulis akun idong15", "tutur akun bernama achamilan83".
_ACCOUNT = re.compile(
    r"akun(?:\s+(?:bernama|milik|resmi|instagram|twitter|tiktok|youtube|facebook|pribadi))*"
    r"\s+@?(?P<handle>(?=[\w.]*[\d_])[A-Za-z\d_.]*[A-Za-z\d_]|[a-z][a-z\d_.]*[a-z\d_])(?![\w.])"
)
# Where to stop looking for a speaker's full name after a role (commas do not stop it: "pelatih
# tim nasional China, Li Nan").
# "kata politikus yang disapa Cak Imin", "ujar pria yang akrab dipanggil Dani": a description
# that ends with the name the person goes by (``NameIndex.aliases`` maps it to the full name).
_CALLED_AFTER = re.compile(
    r"\s*[a-z][\w-]*(?:[ \t\xa0]+[a-z][\w-]*){0,3}?[ \t\xa0]+yang[ \t\xa0]+"
    r"(?:akrab[ \t\xa0]+|biasa[ \t\xa0]+)?(?:di)?(?:sapa|panggil)[ \t\xa0]+"
    r"(?P<name>(?:Cak|Gus|Bang|Mbak|Mas|Kang|Bung|Pak|Bu|Ning|Teh)[ \t\xa0]+[A-Z][\w'’-]*"
    r"|[A-Z][\w'’-]*)"
)
_NAME_SEARCH_STOP = re.compile(
    r"[;!?\n\"“”]|\.(?!\w)|\s(?:di|saat|ketika|kepada|dalam|usai|seusai|pada|yang|sambil)\s"
)
# A name that goes on past a length limit: the rest of the word and the capitalised words after.
_RUN_GOES_ON = re.compile(r"[\w'’-]*(?:[ \t\xa0]+[A-Z][\w'’-]*)*")
# A relative before a name: the speaker is the relative, not the one named ("kata orangtua
# Bunga", "ujar kuasa hukum Nikita").
_RELATION_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:orang ?tua|ibu|ayah|ayahanda|ibunda|anak|putra|putri|istri|suami|kakak|adik"
    r"|paman|bibi|tante|kerabat|keluarga|teman|sahabat|rekan|kekasih|pacar|menantu|mertua|cucu"
    r"|nenek|kakek|kuasa hukum|pengacara)(?:[ \t\xa0]+dari)?"
    # "Suami dari Sabria Kono itu …" (capitalised only with "dari": "Ibu Sri Mulyani" is a title)
    r"|(?:Suami|Istri|Anak|Putra|Putri|Kakak|Adik|Ayah|Ibu)[ \t\xa0]+dari)[ \t\xa0]+$"
)
# A relative named by the person they belong to, at a sentence start: "Putri Sinta, Alissa
# Wahid, sempat bercerita" ("Ibu" and "Ayah" are not here: titles too, "Ibu Sri Mulyani").
_RELATIVE_OF = re.compile(
    r"(?:Putri|Putra|Istri|Suami|Anak|Kakak|Adik|Ayahanda|Ibunda|Cucu|Menantu|Keponakan)"
    r"[ \t\xa0]+[A-Z]"
)
# What may join the capitalised runs of one long subject: spaces, brackets, commas, "of".
_SUBJECT_GAP = re.compile(r"[ \t\xa0,()]*(?:(?:of|for|and|the|dan|untuk)[ \t\xa0]+)?[ \t\xa0(]*")
# A cue and a role alone after a quote: '," kata Kapolres.', '," ujar sang Gubernur,'.
_ROLE_AFTER_CUE = re.compile(
    r"[\s,]*[a-z]+[ \t\xa0]+(?:sang[ \t\xa0]+)?(?P<role>[A-Z][a-z]+)(?=[ \t\xa0]*[.,;]|$)"
)
# "pihak Ditlantas (maupun Jasa Marga)": the side of an organisation, never a person's name.
_PARTY_BEFORE = re.compile(
    r"(?<![\w-])pihak[ \t\xa0]+(?:(?:[A-Z][\w-]*[ \t\xa0]*){1,4},?[ \t\xa0]*"
    r"(?:maupun|dan|serta|atau)[ \t\xa0]+)?$"
)
# Initials standing for a person after a comma: "kata orangtua Bunga, DM."
_INITIALS_AFTER_COMMA = re.compile(r",[ \t\xa0]*([A-Z]{2,3})(?=[ \t\xa0]*[.,;(]|$)")
# Documents and messages that "say" things: "kata laporan itu", "tulis unggahan tersebut".
_THING_NOUNS = frozenset(
    "laporan postingan unggahan surat pernyataan keterangan dokumen rilis siaran data tulisan"
    " pesan video artikel berita situs laman buku keputusan putusan dakwaan tuntutan aturan"
    " peraturan pasal undang-undang survei riset penelitian studi kajian hasil catatan sumber"
    " pengumuman edaran imbauan".split()
)
# Cues of a reply: after a question, the one asked answers.
_ANSWER_CUES = frozenset({"jawab", "jawabnya", "balas", "balasnya", "sahut", "sahutnya"})
# A lower-case word after a quote: a tag, whether we know its verb or not.
_UNKNOWN_TAG = re.compile(r"[ \t\xa0,]*[a-z]")
# Any lower-case word right after a quote closed with a comma, as a cue.
_ANY_CUE = re.compile(r"[\s,]*(?P<cue>[a-z]{3,14}?(?P<nya>nya)?)\b")
# Words that follow a quoted term without tagging a quote: "istilah "lahan tidur," dan …".
_NOT_CUES = frozenset(
    "dan yang atau di ke dari untuk dengan pada karena tetapi tapi namun serta bahkan juga sebagai"
    " seperti adalah ialah merupakan menjadi itu ini tersebut lalu kemudian hingga sampai agar"
    " yakni yaitu alias atau bagi oleh"
    " and the that which with for from".split()
)


def _direct_speaker(
    reader: _Reader, span: _Span, segments: list[tuple[int, int]]
) -> tuple[str | None, str | None, bool]:
    """(speaker, cue, found) for one quoted passage; cue None when it has no cue."""
    text = reader.text
    patterns = reader.patterns
    after_at = span.close + 1
    match = patterns["after"].match(text, after_at, min(len(text), after_at + 40))
    cue_at = (
        (match.start("cue"), match.end(), bool(match.group("nya")))
        if match
        else _capitalised_cue(text, span, patterns["after"])
    )
    if cue_at is not None:
        cue_start, cue_end, nya = cue_at
        cue_word = text[cue_start:cue_end]
        if nya:
            return None, cue_word, False
        name, found = reader.name_after(cue_end)
        cue = cue_word
        if name == _NOBODY:
            return None, cue, True
        if found and name:
            return name, f"{cue} {name}", True
        return None, cue, False
    match = patterns["after_name"].match(text, after_at, min(len(text), after_at + 80))
    if match:
        if match.group("name").lower() in _PRONOUNS:
            return None, f"{match.group('name')} {match.group('cue')}", False  # "Dia menambahkan"
        person = person_in(match.group("name"))
        if person:
            return person, f"{match.group('name')} {match.group('cue')}", True
    match = patterns["according"].match(text, after_at, min(len(text), after_at + 20))
    if match:
        name, found = reader.name_after(match.end())
        return name, "according to", found
    if _opens_sentence(text, span, segments):
        # A quote closed with a comma is tagged by the word after it, even one missing from the
        # cue list ("pujinya", "uca Elza", "komentar netter").
        match = _ANY_CUE.match(text, after_at, min(len(text), after_at + 30))
        if match and match.group("cue") not in _NOT_CUES and not _is_title(text, span):
            if match.group("nya") or match.group("cue") in _PRONOUNS:
                # '"…," dia menambahkanDi …': a pronoun before a verb glued to the next
                # paragraph stands for the one talked about, like "katanya"
                return None, match.group("cue"), False
            name, found = reader.name_after(match.end())
            if name == _NOBODY or (found and name):
                return name or None, match.group("cue"), True
    if _is_term(text, span):
        return None, None, False  # 'menjelaskan "opsi pamungkas" berarti …': a quoted term
    partial = _partial_quote(reader, span, segments)
    if partial is not None:
        return partial
    # A cue before the opening mark, in the same sentence.
    lo = max(segments[span.segment][0], span.open - 160)
    head = text[lo : max(lo, span.open)]
    match = (
        patterns["before"].search(head)
        or patterns["menurut_before"].search(head)
        or _ANSWER_BEFORE.search(head)
    )
    if match:
        cue = match.group("cue")
        if match.group("name"):
            person = person_in(match.group("name"))
            return person, cue, person is not None
        sentence_start = max(
            [lo] + [lo + m.end() for m in _SENTENCE_END.finditer(head, 0, match.start())]
        )
        subject = text[sentence_start : lo + match.start()]
        verb_at = lo + match.start("cue") + len(cue) - len(cue.lstrip())
        if _person_noun_anaphor(text, verb_at):
            # "Ketika mengomentari kepergian Sanchez, bos Manchester United itu mengatakan":
            # the clause before the verb describes someone spoken of before; the names
            # before it are what he talks about: the subject of the sentences before
            person = reader.subject_before(sentence_start)
            return person, cue.strip(), person is not None
        for run in _RUN.finditer(subject):
            person = person_in(
                run.group(), sentence_start=at_sentence_start(text, sentence_start + run.start())
            )
            if person:
                return person, cue.strip(), True
        words = subject.split()
        if words and words[-1].lower() in _PRONOUNS | {"ia", "dia"}:
            return None, cue.strip(), False
        return None, cue.strip(), True  # "Salah satu tetangganya mengatakan,": no name given
    return None, None, False


# An answer or a retort right before the opening mark: 'Terdakwa X menjawab, "…"', 'Purwanto
# pun langsung menimpali, "…"'. Only right before a quote: as indirect-speech verbs these
# words ("menjawab pertanyaan …") mostly take no speech, so they stay out of the cue list.
_ANSWER_BEFORE = re.compile(
    r"(?P<cue>\b(?:menjawab|menimpali|menanggapi|menyahut|bertanya|berseru|berteriak))"
    r"(?P<name>(?!x)x)?[ \t\xa0]*[,:][ \t\xa0]*\Z"
)


def _capitalised_cue(
    text: str, span: _Span, pattern: re.Pattern[str]
) -> tuple[int, int, bool] | None:
    """(start, end, has "-nya") of a cue written with a capital after a quote closed with a
    comma: '"…,” Ucap Andi Rianto' (a typo the cue list, in lower case, would miss), or a long
    one closed without it: '“… seorang ibu” Ungkap Mamah Dedeh'."""
    if text[span.close - 1 : span.close] != "," and span.end - span.start < 30:
        return None
    after_at = span.close + 1
    window = text[after_at : after_at + 40]
    at = len(window) - len(window.lstrip(" \t\xa0"))
    if at >= len(window) or not window[at].isupper() or not window[at + 1 : at + 2].islower():
        return None
    lowered = window[:at] + window[at].lower() + window[at + 1 :]
    match = pattern.match(lowered)
    if match is None:
        return None
    return after_at + match.start("cue"), after_at + match.end(), bool(match.group("nya"))


# Words that define the term before them: '"opsi pamungkas" berarti …'.
_DEFINING = frozenset(
    "berarti artinya bermakna adalah ialah merupakan yakni yaitu means meaning is".split()
)
# A lower-case word right after a closing mark, inside the sentence.
_WORD_AFTER = re.compile(r"[ \t\xa0]+(?P<word>[a-z]+)\b")


# A word in lower case, then a space, right before an opening mark: a quote inside a sentence.
_LOWER_BEFORE = re.compile(r"(?<![\w-])[a-z]+[ \t\xa0]\Z")


def _partial_quote(
    reader: _Reader, span: _Span, segments: list[tuple[int, int]]
) -> tuple[str | None, str, bool] | None:
    """(speaker, cue, True) for someone's words quoted inside a sentence that says they spoke
    or thought them: four words or more in lower case after a lower-case word, and a verb of
    speech or thought before them in the sentence, whose subject is a person ('Veronica Koman
    … mengatakan bahwa ada "kampanye pemerintah … untuk menekan saya agar diam"'). None
    otherwise: a scare-quoted term or a title is nobody's words."""
    text = reader.text
    passage = text[span.start : span.end]
    if not passage[:1].islower() or len(passage.split()) < 4:
        return None
    if not _LOWER_BEFORE.search(text, max(0, span.open - 20), span.open):
        return None
    lo = segments[span.segment][0]
    starts = reader.sentence_starts
    begin = max(lo, starts[max(0, bisect_right(starts, span.open) - 1)])
    verbs = list(reader.patterns["any_verb"].finditer(text, begin, span.open))
    if not verbs:
        return None
    speaker = reader._subject_in(begin, verbs[-1].start())
    if not speaker:
        return None
    return speaker, verbs[-1].group("cue"), True


def _is_title(text: str, span: _Span) -> bool:
    """True for a title in marks: a few capitalised words, no comma or stop ('"Hotel Del Luna"
    sendiri …'), not a short sentence said ('"Ayo Pulang," ajak …' closes with a comma)."""
    passage = text[span.start : span.end]
    words = passage.split()
    return (
        1 < len(words) <= 6
        and not any(c in passage for c in ".,!?")
        and text[span.close + 1 : span.close + 2] != ","
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    )


def _is_term(text: str, span: _Span) -> bool:
    """True for a quoted term that the sentence goes on to define: at most three words, no
    stop or comma, and a word of meaning right after it ('menjelaskan "opsi pamungkas" berarti
    perang'), unlike a one-word answer ('Dia mengatakan "rumit" ketika ditanya …')."""
    passage = text[span.start : span.end]
    if len(passage.split()) > 3 or any(c in passage for c in ".,!?"):
        return False
    after = _WORD_AFTER.match(text, span.close + 1, span.close + 30)
    return after is not None and after.group("word") in _DEFINING


def _indirect(
    reader: _Reader, patterns: dict[str, re.Pattern[str]], direct: list[Quote]
) -> list[Quote]:
    """Reported speech: "X mengatakan, …", "Ia menyebutkan bahwa …", "Menurut X, …"."""
    text = reader.text
    found: list[Quote] = []
    quoted = reader.quote_ranges

    def inside_quote(position: int) -> bool:
        return any(lo <= position < hi for lo, hi in quoted)

    def speaker_before(position: int) -> str | None:
        last = None
        for q in direct + found:
            if q.start < position and q.speaker:
                last = q
        if last is not None and position - last.end < 700:
            return last.speaker
        return reader.subject_before(position)

    def add(speaker: str | None, cue: str, start: int) -> None:
        while start < len(text) and text[start] in " ,":
            start += 1
        if start >= len(text) or text[start] in '"“' or inside_quote(start):
            return
        end_match = _SENTENCE_END.search(text, start)
        end = end_match.start() + 1 if end_match else len(text)
        if end - start < 12:
            return
        found.append(
            Quote(
                speaker=speaker,
                cue=cue,
                text=text[start:end].rstrip(),
                start=start,
                end=end,
                kind="indirect",
            )
        )

    subject_pattern = patterns["subject"]
    link_pattern = patterns["link"]
    cues = _cues()
    for cue_word in (*cues.before, *cues.report, *cues.weak):
        at = text.find(cue_word)
        while at >= 0:
            position, at = at, text.find(cue_word, at + 1)
            if position and text[position - 1].isalnum():
                continue
            link = link_pattern.match(text, position + len(cue_word))
            if link is None and cue_word in _CLAUSE_VERBS:
                link = _CAPITAL_LINK.match(text, position + len(cue_word))
            if link is None or inside_quote(position):
                continue
            if cue_word in cues.weak and link.group("link").strip() not in ("bahwa", "jika", ","):
                # "mengaku sempat deg-degan": a feeling, not a report ("Ia mengaku, NasDem
                # telah …" is one)
                continue
            subject = subject_pattern.search(text, max(0, position - 180), position)
            if _person_noun_anaphor(text, position):
                speaker = speaker_before(position)
            elif (
                appositive := _appositive_speaker(
                    reader,
                    position,
                    None if subject is None else subject.start(subject.lastgroup or 0),
                )
            ) is not None:
                speaker = appositive
            elif subject is None:
                if not _unnamed_source(text, position):
                    continue
                speaker = None  # "Jaksa penuntut umum menyebut bahwa …": nobody named
            elif (
                subject.group("pronoun") or subject.group("subject").split()[0].lower() in _PRONOUNS
            ):
                speaker = speaker_before(subject.start())
                if speaker is None:
                    continue  # "dirinya mengatakan" about someone we cannot name
            else:
                speaker = _subject_speaker(reader, subject)
                if speaker is None and not _unnamed_source(text, position):
                    continue
            add(speaker, cue_word, link.end())
    for match in patterns["menurut"].finditer(text) if "enurut" in text else ():
        if (
            inside_quote(match.start())
            or text[max(0, match.start() - 5) : match.start()].strip() == "yang"
        ):
            continue  # "yang menurutnya tidak …": an opinion inside a clause, not a report
        who = match.group("who")
        anaphor = match.group("anaphor")
        if who in _UNNAMED_GROUPS:
            speaker = None  # "Menurut mereka, …", "Menurut warganet, …": nobody named
        elif anaphor is not None:
            if anaphor.split()[0].lower() not in _PERSON_NOUNS:
                continue  # "Menurut data tersebut": no person
            speaker = speaker_before(match.start())
        elif who is None or who.lower() in _PRONOUNS:
            speaker = speaker_before(match.start())
        elif " " not in who and (
            is_common_word(who) or is_name_stopword(who) or who.lower() in _PERSON_NOUNS
        ):
            continue  # "Menurut Profesor dari Universitas …": a role, the name cut out
        else:
            speaker = _org_or_person(reader, who, match.start("who"))
            if speaker is None:
                continue
        add(speaker, match.group("cue"), match.end())
    for match in patterns["passive_nya"].finditer(text) if "nya," in text else ():
        if inside_quote(match.start()):
            continue
        speaker = speaker_before(match.start())
        if speaker is not None:
            add(speaker, match.group("cue"), match.end())
    for match in patterns["kata_mid"].finditer(text) if "ata " in text else ():
        # "Gegar budaya, kata Ahmad Husri, bisa terjadi …", "Kata Enda, sangat mungkin …".
        if inside_quote(match.start()) or text[max(0, match.start() - 3) : match.start()].rstrip(
            " ,"
        ).endswith(('"', "”")):
            continue  # "…," kata X, Kamis: a direct quote's cue
        who = match.group("who") or match.group("who2")
        cue_group = "cue" if match.group("cue") else "cue2"
        if not match.group("comma") and not re.search(
            r",[ \t]*$", text[max(0, match.start(cue_group) - 4) : match.start(cue_group)]
        ):
            continue  # "kata X ingin …" only right after a comma: "Kemudian, kata JK ingin …"
        if who.lower() in _PRONOUNS:
            speaker = speaker_before(match.start())
        else:
            speaker = _org_or_person(reader, who, match.start(cue_group))
            if speaker is None:
                continue
        # In the middle of a sentence the report is the whole sentence: "Gegar budaya, kata X,
        # bisa terjadi …"; a cue opening the sentence starts it after the comma.
        head = max(
            (
                m.end()
                for m in _SENTENCE_END.finditer(text, max(0, match.start() - 160), match.start())
            ),
            default=max(0, match.start() - 160),
        )
        start = match.end()
        if text[head : match.start(cue_group)].strip(" ,\t\xa0") and not inside_quote(head):
            start = head
        add(speaker, match.group(cue_group), start)
    return found


# A name set off by a comma, then its description up to the verb: "Hal Eddins, Chief Economist
# Capital Investment Counsel, mengatakan", "Rossi, pebalap Monster Energy Yamaha mengatakan".
# What follows a name's comma that is no description of the person: an auxiliary or an
# adverb, a verb of their own ("memberikan", "berharap"), or a clause that ends in "yang".
_NO_DESCRIPTION = re.compile(
    r"(?:akan|telah|sudah|juga|pun|kemudian|lalu|kembali|sempat|tidak|belum|masih|pernah)\b"
    r"|(?:me|be[rl])[a-z]{4,}\b|.*[ \t\xa0]yang[ \t\xa0,]*\Z"
)
_HONORIFICS = frozenset("Dr Prof Ir H Hj Drs Mr Mrs Ms Sir".split())
_APPOSITIVE = re.compile(
    rf"(?P<name>{_NAME_RUN}),[ \t\xa0]+(?P<role>[^.;!?\"“”\n]{{3,120}}?),?[ \t\xa0]*\Z"
)


def _appositive_speaker(reader: _Reader, position: int, subject_at: int | None) -> str | None:
    """The person named first in the sentence of a speech verb at ``position`` when a
    description of them runs from the comma after the name up to the verb, so that the
    capitalised words right before the verb are their office or company, not the speaker
    ("Dr Brian Kantor, dokter gigi kosmetik Lowenberg, Lituchy & Kantor di New York, Amerika
    Serikat, mengatakan" → Brian Kantor). The name opens its sentence or follows a comma."""
    text = reader.text
    floor = max(0, position - 200)
    head = max((m.end() for m in _SENTENCE_END.finditer(text, floor, position)), default=floor)
    for run in _RUN.finditer(text, head, position):
        before = text[head : run.start()].rstrip(' \t\xa0"“”')
        if before and not before.endswith(","):
            continue  # not "… tim Monster Energy Yamaha, Rossi": a name inside a clause
        match = _APPOSITIVE.match(text, run.start(), position)
        if (
            match is None
            or match.end("name") != run.end()
            or run.group().split()[0].lower() in _PERSON_NOUNS
        ):
            # "Melansir laman ,, Dr Brian Kantor, …": the name comes later; "Warga Parepare,
            # Sekar Ayu Eka, …": a description before the name
            continue
        if _NO_DESCRIPTION.match(match.group("role")):
            # "kakaknya, Ilham Akbar Habibie, akan menyampaikan", "Ernesto Valverde, memberikan
            # tanggapan soal rumor yang mengatakan": the verb's own clause, not a description
            return None
        if subject_at is not None and subject_at <= run.end():
            return None  # the subject is this name itself: the usual reading finds it
        # Read as inside a sentence: the comma and the description are evidence enough that
        # a sentence-opening "Hal Eddins" is a name, not "Hal ini"; one word must be a name
        # the article uses for a person.
        person = person_in(run.group())
        if person is None or not run.group().endswith(person):
            return None
        if any(w.rstrip(".") not in _HONORIFICS for w in run.group()[: -len(person)].split()):
            return None  # "Kabid Humas Polda Metro Jaya, Kombes Argo Yuwono": a role first
        full = reader.canonical(person, run.start())
        if full is None or (" " not in full and full not in reader.known):
            return None
        return full
    return None


# "… tersebut dibeberkan X", "Hal itu disampaikan oleh X": a thing said, and by whom.
# A passive verb right after a name: the name is the patient ("Dzulmi ditangkap", "Ahok
# divonis"). Verbs of being reached for a word ("dihubungi", "ditemui", "dikonfirmasi") are not
# such: the one reached then speaks.
_PATIENT_VERB_AFTER = re.compile(
    r"[ \t\xa0]+(?:telah[ \t\xa0]+|sudah[ \t\xa0]+|sempat[ \t\xa0]+)?"
    r"di(?!hubungi|temui|jumpai|konfirmasi|wawancara|tanya|mintai|kutip|lansir|sela|rinya)"
    r"[a-z]{4,}(?![\w-])"
)
_PASSIVE_SPEECH = re.compile(
    r"\s+(?:ini|itu|tersebut)(?:\s+(?:pun|juga|lah))*\s+di(?:sampaikan|ungkapkan|beberkan"
    r"|katakan|jelaskan|tegaskan|utarakan|paparkan|kemukakan|sebutkan|ucapkan|tuturkan|akui"
    r"|nyatakan|bongkar|ceritakan|terangkan|umumkan)\b"
)
# Nouns for people that an anaphor opens with: "Pria berusia 44 tahun ini menyatakan", "Menurut
# istri pebalap Ananda Mikola itu". Other anaphors ("Aturan tersebut menyebutkan") are things.
_PERSON_NOUNS = frozenset(
    "pria wanita perempuan lelaki laki-laki pemuda pemudi remaja gadis bocah ibu bapak ayah anak"
    " istri suami kakak adik nenek kakek aktor aktris artis penyanyi musisi perupa pelukis politisi"
    " politikus pengamat pejabat jenderal perwira pemain pelatih pebalap atlet petinju pegolf"
    " komika presenter pembawa model selebriti pengusaha pedagang petani nelayan warga tokoh"
    " mantan sosok dokter guru dosen profesor pakar ahli ulama ustaz kiai pendeta sang sutradara"
    " penulis komedian pelawak youtuber vlogger pedangdut rapper vokalis gitaris drummer"
    " pesepakbola penyerang striker kiper gelandang jurnalis wartawan bos manajer kapten".split()
)
# A sentence opening with a description of a person spoken of before: "Sutradara film Berbagi
# Suami ini mengaku", "Pria 40 tahun itu menambahkan" (the noun is checked against the list).
_PERSON_ANAPHOR_HEAD = re.compile(
    r"(?P<noun>[A-Z][a-z-]+)(?:[ \t\xa0]+[\w-]+){0,5}?[ \t\xa0]+(?:ini|itu|tersebut)"
    r"(?:[ \t\xa0]+(?:pun|juga|bahkan|lalu|kemudian|pun))?[ \t\xa0]+[a-z]"
)
# "istri presenter Prabu Revolusi ini", "putri Presiden Joko Widodo itu": a person described as
# someone's relative (a lower-case relation, up to three lower-case words, the relative's name,
# then "ini/itu/tersebut") is the person spoken of before, not the one named.
_RELATIVE_ANAPHOR = re.compile(
    r"(?<![\w-])(?:istri|suami|anak|putra|putri|ibu|ayah|ibunda|ayahanda|kakak|adik|kekasih"
    r"|pacar|tunangan|menantu|mertua|cucu|keponakan)(?:[ \t\xa0]+[a-z][\w-]*){0,3}"
    r"(?:[ \t\xa0]+[A-Z][\w'’-]*){1,4}[ \t\xa0]+(?:ini|itu|tersebut)\b"
)
_ANAPHOR = re.compile(
    r"(?P<noun>[A-Za-z][\w-]*)(?:[ \t][\w-]+){0,6}?[ \t](?:ini|itu|tersebut)"
    r"(?:[ \t]+(?:pun|juga|bahkan|lalu|kemudian))?[ \t]+\Z"
)


def _person_noun_anaphor(text: str, position: int) -> bool:
    """True when the clause before the cue at ``position`` is a description of a person
    spoken of before: "Pria berusia 44 tahun ini bahkan menyatakan", "Perupa ini mengatakan"."""
    floor = max(0, position - 80)
    start = max(text.rfind(mark, floor, position) for mark in ".,\n") + 1 or floor
    while start < position and text[start] in ' \t\xa0"”':
        start += 1
    match = _ANAPHOR.match(text, start, position)
    return match is not None and match.group("noun").lower() in _PERSON_NOUNS


def _unnamed_source(text: str, position: int) -> bool:
    """True when the subject of the verb at ``position`` is a source the article leaves
    unnamed, opening its clause: "Jaksa penuntut umum menyebut", "Sumber itu menambahkan",
    "Seorang pejabat senior kementerian pertahanan di Kabul mengatakan", "mereka menilai"."""
    return _UNNAMED_SOURCE.search(text, max(0, position - 90), position) is not None


# Nouns for people an article reports without naming them, opening the verb's clause (after
# a sentence start, a comma or "karena"/"dan"), a few words of description between.
_UNNAMED_SOURCE = re.compile(
    r"(?:^|[.,;:\n]|(?<![\w-])(?:karena|dan|bahkan|sementara))[ \t\xa0]*"
    r"(?:(?:[Ss]eorang|[Bb]eberapa|[Bb]anyak|[Pp]ara|[Ss]ejumlah|[Ss]ang)[ \t\xa0]+)?"
    r"(?:[Ss]umber|[Jj]aksa|[Pp]olisi|[Pp]enyidik|[Pp]enyelenggara|[Pp]ihak[ \t\xa0]+penyelenggara"
    r"|[Pp]ejabat|[Kk]oresponden|[Jj]uru[ \t\xa0]+bicara|[Ww]arganet|[Nn]etizen|[Mm]assa"
    r"|[Mm]ereka|[Ss]aksi|[Pp]etugas|[Pp]enulis)(?![\w-])"
    r"(?:[ \t\xa0]+[^\s.,;:\"“”]+){0,7}?[ \t\xa0]+\Z"
)
_UNNAMED_GROUPS = frozenset({"mereka", "warganet", "netizen"})


def _subject_speaker(reader: _Reader, subject: re.Match[str]) -> str | None:
    """The speaker a verb's subject names: a person, or an organisation with its acronym
    ("Organisasi Kesehatan Dunia (WHO) menyebutkan"), an acronym ("KPI menjelaskan") or "Pihak
    Kepolisian Wales Selatan mengatakan"."""
    text = reader.text
    name = subject.group("subject")
    if is_name_stopword(name.split()[0]) and name.split()[0].rstrip(".") not in _HONORIFICS:
        # "Allana Abdullah, CEO Bahaso mengungkapkan": the name before the role (not "…
        # Pengendalian Penyakit, Dr. Anung Sugihantono mengatakan": a title opens a name)
        before = _NAME_BEFORE_ROLE.search(text, max(0, subject.start() - 60), subject.start())
        if before:
            person = person_in(  # not "Menurut Mendag, India menyatakan"
                before.group("name"), sentence_start=at_sentence_start(text, before.start())
            )
            if person and " " in person:
                return reader.canonical(person, before.start())
    origin = _FROM_BEFORE.search(text, max(0, subject.start() - 60), subject.start())
    if origin is not None:
        # "Bakkar Wibowo dari Sinergi Nusantara menuturkan", "Leonardo Deras dari perusahaan
        # listrik negara Honduras mengatakan": the person before "dari"
        cut = origin.end("from") + 1
        before = _NAME_BEFORE_FROM.search(text, max(0, cut - 90), cut)
        if before:
            person = person_in(before.group("name"))
            if person and " " in person:
                return reader.canonical(person, before.start())
        inner = person_at_run(text, subject.start("subject"), subject.end("subject"))
        if not (inner and " " in inner and subject.group("subject").endswith(" " + inner)):
            return None
        # "Seorang ahli hukum pidana dari Universitas Trisakti Abdul Ficar Hadjar menilai":
        # nobody named before "dari", the organisation's own expert after it
    if _PREPOSITION_BEFORE.search(text, max(0, subject.start() - 12), subject.start()):
        return None  # "warga yang tinggal di kompleks Mediterania, mengatakan"
    if _RELATION_BEFORE.search(text, max(0, subject.start() - 14), subject.start()):
        return None  # "selaku kuasa hukum Saiful Mahdi menyebutkan": the lawyer speaks
    if subject.group("rel"):  # "peraturan KPI yang menyebutkan": only a person's name here
        person = person_in(name)
        return reader.canonical(person, subject.start()) if person and " " in person else None
    if subject.group("acronym") and _ORG_START.match(name):
        # "Organisasi Kesehatan Dunia (WHO) menyebutkan" (but "Wakil Presiden Jusuf Kalla (JK)"
        # is a person)
        return name.removeprefix("Pihak ")
    if name.startswith("Pihak ") and len(name) > 8:
        return name.removeprefix("Pihak ")
    person = person_at_run(
        text,
        subject.start("subject"),
        subject.end("subject"),
        sentence_start=at_sentence_start(text, subject.start()),
    )
    if person is None:
        # "KPI menjelaskan"; "JK mengatakan" for Jusuf Kalla
        return reader.canonical(name, subject.start()) if _ACRONYM.fullmatch(name) else None
    return reader.canonical(person, subject.start())


def _org_or_person(reader: _Reader, name: str, position: int) -> str | None:
    """A person's full name, or an organisation's acronym ("Menurut KPI"); None otherwise."""
    if _ACRONYM.fullmatch(name):
        return reader.canonical(name, position)
    person = person_in(name)
    return reader.canonical(person, position) if person else None
