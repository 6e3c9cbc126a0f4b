"""Language identification: CLD2 for every language, lingua to tell Indonesian from Malay.

Choice (measured on this machine, Python 3.11, one core, article text)::

    detector                                   build    memory   per call
    CLD2 (pycld2), ~80 languages               0 s      ~2 MB    0.18 ms on 2,000 chars
    lingua, all 75 languages, low accuracy     0.23 s   ~80 MB   3.8 ms on 600 chars, 8 ms on 2,000
    lingua, all 75 languages, high accuracy    6.0 s    ~1.2 GB  the same as low on text >= 120 chars
    lingua, Indonesian + Malay, high accuracy  0.12 s   ~25 MB   0.1 ms a 50-char sentence

The whole extraction of a page has a budget of about 4 ms, so lingua's all-language detector
(3.8 ms) cannot be the first pass. CLD2 (Google's compact detector, compiled C++ with its model
inside the wheel, no download) reads 2,000 characters in 0.18 ms and knows Indonesian and Malay
apart most of the time. We therefore run, lazily and once per process:

- **CLD2** on the first :data:`MAIN_CHARS` characters, for every page;
- lingua's **all-language** low-accuracy detector only when CLD2 is unsure (not reliable, or
  unknown), on the first 600 characters; its models load on first use, only for the languages
  of the text's script;
- a **refiner** for the one pair that matters most here and that trigram models confuse: whenever
  the best guess is Indonesian or Malay, lingua's high-accuracy Indonesian/Malay detector scores
  sentence chunks shorter than 120 characters (so its 1- to 5-gram models are used) and the
  length-weighted vote decides. A Kompas article lingua's main detector calls Malay at 1.00 is
  Indonesian at 0.67 by the vote. It costs about 0.1 ms a chunk, at most 12 chunks;
- on a **near tie** of that vote (share below :data:`NEAR_TIE`), words only one of the two
  languages uses ("bahwa"/"bahawa", "karena"/"kerana", "uang", "polis", month names) decide
  when they agree. Religious and lifestyle Indonesian is where the vote errs: on the 25,614
  CLICK-ID articles (all Indonesian) it called 30 Malay, the markers leave 8, and none of the
  Malay news paragraphs in ``tests/fixtures/lang/malay_news.txt`` changes.

Detectors are read-only after they are built; the module holds no other state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from warta._compiled import load_checked

if TYPE_CHECKING:
    from lingua import LanguageDetector

MIN_LETTERS = 12
"""Texts with fewer letters than this get ``(None, 0.0)``: too short to tell."""

MAIN_CHARS = 2_000
"""CLD2 reads this many leading characters."""

FALLBACK_CHARS = 600
"""lingua's all-language detector, used when CLD2 is unsure, reads this many (its cost grows with
length: 2.6 ms at 300, 3.8 ms at 600, 8 ms at 2,000 characters)."""

# CLD2 still uses some withdrawn ISO 639-1 codes.
_CLD2_CODES = {"iw": "he", "jw": "jv", "in": "id", "mo": "ro", "zh-Hant": "zh"}

REFINE_CHARS = 1_500
"""The Indonesian/Malay refiner votes over sentence chunks taken from this many characters."""

_CHUNK = 119
"""lingua's own threshold is 120: below it high-accuracy mode uses 1- to 5-grams."""

_MAX_CHUNKS = 12
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@cache
def _main_detector() -> LanguageDetector:
    from lingua import LanguageDetectorBuilder

    # Models are loaded lazily, by lingua, for the languages a text's script leaves in the running
    # (about 0.28 s for Latin script) instead of all 75 up front (about 0.55 s): a process that
    # meets only Latin-script pages never pays for the others. Scores are those of the preloaded
    # detector up to the last bits of a float (lingua's own run-to-run noise is the same size).
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@cache
def _malay_refiner() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.MALAY)
        .with_preloaded_language_models()
        .build()
    )


def load_detectors() -> None:
    """Build lingua's detectors now instead of on the first page that needs them.

    Both are built lazily, once per process, and the first build costs about half a second of
    CPU (the Indonesian/Malay models, and the Latin-script models of the all-language detector),
    which otherwise lands on whichever page first needs them. Worker processes and benchmarks call
    this once at start (see :func:`warta.extract.warm_up`).

    The all-language detector also reads a sentence in each other script that several of its
    languages share (accented Latin, Cyrillic, Arabic, Devanagari), which loads those models
    (about 0.1 s of CPU in all): without it the first such page of a process pays for them (the
    first Russian page took 57 ms instead of 1.4). Scripts of one language need no model.
    """
    samples = (
        "Presiden mengatakan bahwa pemerintah akan terus mendukung para petani di desa.",
        "The minister said that the government would keep supporting farmers in the villages.",
    )
    other_scripts = (
        "Le ministre a déclaré que le gouvernement continuerait à soutenir les agriculteurs.",
        "Министр заявил, что правительство продолжит поддерживать фермеров в деревнях.",
        "قال الوزير إن الحكومة ستواصل دعم المزارعين في القرى.",
        "मंत्री ने कहा कि सरकार गांवों में किसानों का समर्थन करती रहेगी।",
    )
    try:
        for sample in samples:
            _main_detector().compute_language_confidence_values(sample)
            _malay_refiner().compute_language_confidence_values(sample)
        for sample in other_scripts:
            _main_detector().compute_language_confidence_values(sample)
    except Exception:  # lingua is native code; detection itself copes with its failures later
        return


def _letters(text: str) -> int:
    count = 0
    for ch in text:
        if ch.isalpha():
            count += 1
            if count >= MIN_LETTERS:
                break
    return count


def detect_language(text: str) -> tuple[str | None, float]:
    """The ISO 639-1 code (lowercase) of the text's language and a confidence in [0, 1].

    Empty, very short (fewer than :data:`MIN_LETTERS` letters) or letterless text gives
    ``(None, 0.0)``. Never raises on any ``str``; non-strings also give ``(None, 0.0)``.
    """
    if not isinstance(text, str):
        return None, 0.0
    whole, text = text, text[:REFINE_CHARS]
    if _letters(text) < MIN_LETTERS:
        return None, 0.0
    guess = _cld2(text[:MAIN_CHARS])
    if guess is not None and guess[0] not in ("id", "ms") and _looks_malay(text):
        guess = None  # CLD2 sometimes calls Indonesian English (names, wire credits): ask lingua
    if guess is None:
        guess = _lingua(text[:FALLBACK_CHARS])
    if guess is None:
        return None, 0.0
    code, score = guess
    if code in ("id", "ms"):
        refined = _refine_malay(text[:REFINE_CHARS])
        if refined is not None:
            code, share = refined
            if share < NEAR_TIE:
                code, share = _by_marker_words(whole[:MARKER_CHARS], code, share)
            score = share * score
    return code, min(1.0, max(0.0, score))


NEAR_TIE = 0.75
"""A refiner vote share below this is a near tie, which the marker words decide when they agree."""

MARKER_CHARS = 20_000
"""The marker words of a near tie are counted in this many leading characters (a set look-up a
word: about a millisecond for the longest, and only a few texts in a hundred are near ties)."""

# Words one of the pair uses and the other hardly does: spellings ("bahwa"/"bahawa",
# "karena"/"kerana", "-itas"/"-iti"), vocabulary ("polisi"/"polis", "uang"/"wang",
# "perusahaan"/"syarikat", "kemarin"/"semalam"), month and country names ("Agustus"/"Ogos",
# "Jepang"/"Jepun"), currencies and time zones. lingua's character n-grams weigh the many words
# the two languages share alike; on a text they leave at a near tie these decide it, as a reader
# would. Words both use in news are left out, also where their sense differs: "kerajaan" is a
# kingdom in Indonesian, "pejabat" an official, "polisi" a policy in Malay, "lelaki", "beliau",
# "agensi", "bangunan", "perlawanan", "mahkamah", "berjaya", "sempat", "tapi", "setelah"; so are
# words that are names too ("Wang", "Cuba", "Mac", "RM").
_INDONESIAN_ONLY = frozenset(
    """
    bahwa yaitu karena bisa uang pemerintah kantor perusahaan karyawan tersangka ponsel mobil sepeda
    universitas kualitas aktivitas fasilitas komunitas identitas kapasitas prioritas informasi
    telepon televisi diperkirakan agustus maret juli juni desember jepang serikat kemarin besok
    coba ujarnya tuturnya imbuhnya pungkasnya nggak enggak gak banget sih kok dong aja kayak rp
    wib wita wit
    """.split()
)
_MALAY_ONLY = frozenset(
    """
    bahawa iaitu kerana polis sahaja mahu baharu syarikat pelbagai universiti kualiti aktiviti
    fasiliti komuniti identiti kapasiti telefon televisyen ogos julai disember
    jepun kenderaan membabitkan menerusi terbabit susulan kempen perlembagaan parlimen pesakit
    jurulatih menggesa
    """.split()
)
_INDONESIAN_MAX_LEN = max(map(len, _INDONESIAN_ONLY))
_MALAY_ONLY_MAX_LEN = max(map(len, _MALAY_ONLY))


def _by_marker_words(text: str, code: str, share: float) -> tuple[str, float]:
    """The language the marker words of ``text`` point to when they clearly agree (one side has
    some and the other none, or at least three times as many and two more), with the refiner's
    share for it (0.5 at least); else ``code`` and ``share`` unchanged."""
    low = text.lower()
    _, indonesian = _vocabulary_hits(low, len(low), _INDONESIAN_ONLY, _INDONESIAN_MAX_LEN)
    _, malay = _vocabulary_hits(low, len(low), _MALAY_ONLY, _MALAY_ONLY_MAX_LEN)
    for lang, mine, theirs in (("id", indonesian, malay), ("ms", malay, indonesian)):
        if mine > 0 and (theirs == 0 or (mine >= theirs + 2 and theirs * 3 <= mine)):
            return lang, max(share if lang == code else 1.0 - share, 0.5)
    return code, share


_MALAY_FUNCTION_WORDS = frozenset(
    {
        "yang", "dan", "di", "ke", "dari", "dengan", "untuk", "ini", "itu", "dalam", "pada",
        "tidak", "akan", "juga", "ada", "oleh", "saat", "karena", "bahwa", "atau", "sudah",
        "telah", "kata", "para", "adalah", "tersebut", "bisa", "lebih",
    }
)
_WORD = re.compile(r"[^\W\d_]+")


_MALAY_MAX_LEN = max(map(len, _MALAY_FUNCTION_WORDS))
_MALAY_WORDS_READ = 300


def _looks_malay(text: str) -> bool:
    """Whether Indonesian/Malay function words make up 10 % or more of the first 300 words."""
    low = text[:MAIN_CHARS].lower()
    count, hits = _vocabulary_hits(low, _MALAY_WORDS_READ, _MALAY_FUNCTION_WORDS, _MALAY_MAX_LEN)
    return count >= 8 and hits >= 0.1 * count


def _vocabulary_hits(
    low: str, limit: int, vocabulary: frozenset[str], max_len: int
) -> tuple[int, int]:
    """How many of the first ``limit`` words of ``low`` there are and how many are in
    ``vocabulary`` (whose longest word has ``max_len`` letters): compiled where it is built."""
    if _LETTER_WORDS is not None:
        count, hits = _LETTER_WORDS(low, limit, vocabulary, max_len)
        return int(count), int(hits)
    return _letter_words(low, limit, vocabulary)


def _letter_words(text: str, limit: int, vocabulary: frozenset[str]) -> tuple[int, int]:
    """How many of the first ``limit`` words of ``text`` there are and how many are in
    ``vocabulary`` (the reference for the compiled :func:`warta.page._cfeat.letter_words`)."""
    words = _WORD.findall(text)[:limit]
    # ``map`` of the set's ``__contains__``: the same count as a generator, about twice as fast.
    return len(words), sum(map(vocabulary.__contains__, words))


_LetterWords = Callable[[str, int, frozenset[str], int], tuple[int, int]]


def _load_letter_words() -> tuple[_LetterWords | None, str]:
    """The compiled word count (:func:`warta.page._cfeat.letter_words`; a regular-expression scan
    of 2,000 characters costs about a tenth of a millisecond, on most pages) and ``"compiled"``,
    or None and why not: it is not built, or it counts generated texts differently from
    :func:`_letter_words`."""
    # a stale build may lack letter_words: the check then fails and the regex count is used
    module, status = load_checked("warta.page._cfeat", lambda m: check_letter_words(m.letter_words))
    letter_words: _LetterWords | None = module.letter_words if module is not None else None
    return letter_words, status


def check_letter_words(letter_words: _LetterWords) -> str | None:
    """None if ``letter_words`` counts as :func:`_letter_words` on generated texts (every kind of
    character the word class tells apart), else what differs."""
    import random

    rng = random.Random(20261127)
    pieces = [
        *sorted(_MALAY_FUNCTION_WORDS), "the", "Yang", "DAN", "di_", "_ke", "x1", "1x", "٣a", "²b",
        "Ⅻc", "½d", "ǅe", "é", "e\u0301", "İ", "東京", "𝟘", "𝐀b", "-", "’", "\u00a0", " ", "\n",
    ]  # fmt: skip
    for trial in range(20):
        text = "".join(rng.choices(pieces, k=rng.choice((0, 3, 30, 400, 900))))
        for limit in (1, 8, 300):
            expected = _letter_words(text, limit, _MALAY_FUNCTION_WORDS)
            got = letter_words(text, limit, _MALAY_FUNCTION_WORDS, _MALAY_MAX_LEN)
            if tuple(got) != expected:
                return f"text {trial}, limit {limit}: {got} != {expected}"
    return None


_LETTER_WORDS, LETTER_WORDS_STATUS = _load_letter_words()


def _cld2(text: str) -> tuple[str, float] | None:
    """CLD2's top language and its share of the text, or None when CLD2 is unsure."""
    try:
        import pycld2

        reliable, _, details = pycld2.detect(text, bestEffort=False)
    except Exception:  # invalid UTF-8 (lone surrogates) and the like: let lingua try
        return None
    code = details[0][1] if details else "un"
    if not reliable or code in ("un", "xxx"):
        return None
    code = _CLD2_CODES.get(code, code).split("-")[0]
    return code, details[0][2] / 100.0


def _lingua(text: str) -> tuple[str, float] | None:
    """lingua's all-language best guess and its confidence."""
    try:
        values = _main_detector().compute_language_confidence_values(text)
    except Exception:  # lingua is native code; a failure must not stop a page
        return None
    if not values or values[0].value <= 0.0:
        return None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def _chunks(text: str) -> list[str]:
    """Sentence pieces shorter than lingua's 120-character threshold, cut at word boundaries."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        words = sentence.split()
        piece = ""
        for word in words:
            if piece and len(piece) + 1 + len(word) > _CHUNK:
                out.append(piece)
                piece = ""
            piece = f"{piece} {word}" if piece else word[:_CHUNK]
        if piece:
            out.append(piece)
        if len(out) >= _MAX_CHUNKS:
            break
    return [c for c in out[:_MAX_CHUNKS] if _letters(c) >= MIN_LETTERS]


def _refine_malay(text: str) -> tuple[str, float] | None:
    """Indonesian or Malay by a length-weighted vote of high-accuracy scores over chunks."""
    votes = {"id": 0.0, "ms": 0.0}
    try:
        refiner = _malay_refiner()
        for chunk in _chunks(text):
            for value in refiner.compute_language_confidence_values(chunk):
                key = value.language.iso_code_639_1.name.lower()
                if key in votes:
                    votes[key] += value.value * len(chunk)
    except Exception:
        return None
    total = votes["id"] + votes["ms"]
    if total <= 0:
        return None
    code = "id" if votes["id"] >= votes["ms"] else "ms"
    return code, votes[code] / total
