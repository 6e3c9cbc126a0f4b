"""The cue lexicon (``assets/quote_cues.txt``: speech verbs after and before a quote, verbs
that report speech) and the regular expressions compiled from it, built once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from warta.enrich.quotes.names import _NAME_RUN

# Words between a subject and its speech verb: "Radit lantas menjelaskan", "Yasonna pun".
_ADVERBS = (
    "pun|juga|bahkan|lalu|kemudian|lantas|langsung|kembali|akhirnya|pun juga|sendiri|lebih lanjut"
)


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
    request: tuple[str, ...]
    """Verbs that report a request with a purpose clause later: "meminta agar …"."""


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


# "akan" as a preposition, before a thing: "mengingatkan akan bahaya banjir", "menegaskan akan
# pentingnya vaksin", "mengatakan akan hal itu" (unlike "mengatakan akan mengecek …", a clause
# in the future tense). A noun in -nya without a verb's prefix ("adanya", "pentingnya"; not
# "membawanya") or one of the nouns news puts there.
_AKAN_OBJECT = (
    r"akan\s+(?:hal|bahaya|risiko|resiko|ancaman|dampak|potensi|nasib|arti|makna"
    r"|(?!(?:me|di|ber|ter|per)[a-z])[a-z]+nya)(?![\w-])"
)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The speech verbs of the cue lexicon, printed before or after a quote ("ujar", "kata")."""
    cues = _cues()
    return frozenset((*cues.after, *cues.before))


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
            rf"(?<![\w-])(?P<cue>{_alternation((*before, *cues.report, *cues.weak, *cues.request))})(?![\w-])"
        ),
        # A name before any verb of speech or thought, weak ones too ("Ignatius Untung mengaku
        # mendukung …"): someone who speaks, so a person, whatever the NER model reads.
        "any_speaker_verb": re.compile(
            rf"(?P<name>{_NAME_RUN}),?[ \t\xa0]+(?:(?:pun|juga|lalu|kemudian|yang)[ \t\xa0]+)?"
            rf"(?:{_alternation((*before, *cues.report, *cues.weak, *cues.request))})(?![\w-])"
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
            r"|kemarin|dengan|lewat|secara|bahwa|jika|hal|lagi|pula|juga|pun"
            r"|demikian|begitu|dan|serta|atau)\b|" + _AKAN_OBJECT + "))"
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
        # A passive verb of speech with its agent opening a sentence: "Diakui Kikan, dirinya
        # …", "Ditambahkan oleh Ammar bahwa …": X's account, as "Menurut X, …" is.
        "passive_by": re.compile(
            r"(?:(?<=[.,\n])|^)[ \t]*(?P<cue>Di(?:akui|katakan|jelaskan|tambahkan|ungkapkan"
            r"|sampaikan|tegaskan|tuturkan|terangkan|paparkan))[ \t]+(?:oleh[ \t]+)?"
            rf"(?P<who>{_NAME_RUN})(?:[ \t]+(?:ini|itu))?(?:[ \t]*,[ \t]*|[ \t]+bahwa[ \t]+)",
            re.MULTILINE,
        ),
        # A passive verb of speech opening a sentence with no agent: "Dikatakan, untuk …" goes
        # on with the account of the one who spoke last.
        "passive_bare": re.compile(
            r"(?:(?<=[.,\n])|^)[ \t]*(?P<cue>Di(?:akui|katakan|jelaskan|tambahkan|ungkapkan"
            r"|sampaikan|tegaskan|tuturkan|terangkan|paparkan))(?:nya)?[ \t]*,",
            re.MULTILINE,
        ),
        # A reporting clause inside a sentence: "Syamsi, kata Emil, hendak …": the sentence
        # is Emil's account, as "Menurut Emil, …" is.
        "inner_kata": re.compile(
            r"(?<=[\w)])[ \t]*,[ \t]*(?P<cue>kata|ujar|ucap|tutur|jelas)[ \t]+"
            rf"(?P<who>{_NAME_RUN}),[ \t]*(?=[a-z])"
        ),
        "menurut": re.compile(
            rf"\b(?P<cue>[Mm]enurut(?:nya|\s+(?P<who>dia|ia|beliau|mereka|warganet|netizen|{_NAME_RUN})"
            r"|\s+(?P<anaphor>[a-z][\w-]*(?:[ \t][\w-]+){0,5}?[ \t](?:itu|ini|tersebut))))"
            r"(?:\s*,\s*|\s+(?=[a-z]))"
        ),
    }
