"""What a copy changed: the sentences one article added to and dropped from another, and a
word-level diff of the sentences it rewrote.

Sentences are compared normalised (case, whitespace, curly quotes and dashes), as a set: a
sentence moved to another paragraph is neither added nor dropped. Each added sentence is then
paired with the dropped sentence most like it (word-level similarity of at least
:data:`CHANGED_MIN`) as one *changed* sentence, with its word diff. Copies are a few KB, so
the work is small; pairing stops at :data:`MAX_PAIRS` comparisons on long texts.

``difflib`` (the standard library) does the word alignment; the sentence splitter is
hand-written because the ones in libraries (pysbd, NLTK punkt, spaCy) are heavy or have no
Indonesian abbreviations, and a diff only needs sentence ends, not a linguistic parse.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from warta.instants import published_order
from warta.store.errors import RecordNotFound
from warta.store.readonly import fetch_all, fetch_one

CHANGED_MIN = 0.5
"""Word-level similarity (difflib ratio) from which an added and a dropped sentence are one
changed sentence."""
MAX_PAIRS = 20_000
"""Added × dropped sentence comparisons at most; past it, no sentence is paired as changed."""

# A sentence ends at . ! ? or … (closing quotes and brackets kept with it) before a space and an
# upper-case letter, a digit or an opening quote.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
# A full stop that ends an abbreviation or an initial, not a sentence: "Prof.", "dr.", "Jl.",
# "No.", "M." (Laode M. Syarif), "B.J." (Habibie).
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]|prof|dr|drs|dra|ir|jl|jln|no|hlm|tel|telp|kab|kec|kel|prov|st|sdr|bpk|ny|tn|h|hj"
    r"|kh|mr|mrs|ms|jr|sr|vs|etc|dll|dsb|dst|tsb|a\.n|u\.p|s\.h|s\.e|m\.si|m\.m|ph\.d)\.)$",
    re.IGNORECASE,
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, paragraph by paragraph (a blank line or a line break ends one
    too), whitespace collapsed, empty ones left out."""
    out: list[str] = []
    for para in re.split(r"\n+", text):
        para = " ".join(para.split())
        if not para:
            continue
        start = 0
        for m in _END.finditer(para):
            head = para[start : m.end()]
            if _ABBREVIATION.search(head.rsplit(" ", 1)[-1]):
                continue
            out.append(head.strip())
            start = m.end()
        out.append(para[start:].strip())
    return [s for s in out if s]


def sentence_key(sentence: str) -> str:
    """What two sentences must share to be the same: the text with case, whitespace, curly
    quotes and dashes normalised."""
    return " ".join(sentence.translate(_QUOTES).casefold().split())


def _words(key: str) -> list[str]:
    """A sentence key's words for similarity, scraper holes left out (a hole is no word)."""
    return [sentence_key(t) for t in _tokens(key)[0]]


_TOKEN = re.compile(r"\s*(?:\w+(?:['’-]\w+)*|[^\w\s])")
_WORD = re.compile(r"\w")
HOLE_MAX_WORDS = 8
"""Words a scraper hole may stand for: a link's text is a name or a title ("Kementerian Badan
Usaha Milik Negara"), not a clause; a longer difference at a hole is an edit."""


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """The printed tokens of ``text`` without its scraper holes, and the gaps where a hole stood
    (gap ``g``: before token ``g``). A hole is a comma printed after a space ("Kepala Kantor ,
    Wilayah", "Pengembangan ,."), the mark :mod:`warta.page.text` warns ``link-text-lost`` on
    (prose never prints one); a comma right after a hole is the same hole."""
    out: list[str] = []
    holes: list[int] = []
    last_hole = False
    for tok in _TOKEN.findall(text):
        if tok.strip() == "," and out and (tok[0].isspace() or last_hole):
            if not holes or holes[-1] != len(out):
                holes.append(len(out))
            last_hole = True
            continue
        out.append(tok)
        last_hole = False
    return out, holes


def has_hole(sentence: str) -> bool:
    """Whether ``sentence`` holds a scraper hole (:func:`_tokens`)."""
    return bool(_tokens(sentence)[1])


def _short(tokens: list[str]) -> bool:
    return sum(1 for t in tokens if _WORD.search(t)) <= HOLE_MAX_WORDS


def word_diff(before: str, after: str) -> list[dict[str, str]]:
    """The words of ``before`` and ``after`` aligned: runs of ``{"op": ..., "text": ...}``.

    ``same``, ``del`` and ``ins`` are words both, only ``before`` or only ``after`` print (a
    replacement is a ``del`` then an ``ins``). Words and punctuation are separate tokens
    ("delapan." is "delapan" and "."), compared normalised and shown as printed, each run with
    the spaces before its words (``after``'s words for ``same``).

    Scraper holes (:func:`_tokens`) are not edits: words one side prints where the other has a
    hole (at most :data:`HOLE_MAX_WORDS`) are the link text the scraper lost. ``hole`` marks a
    hole of ``after`` (``text``: the words ``before`` prints there, maybe none); ``filled`` is
    words ``after`` prints where ``before`` has a hole. Two runs differ at both edges ("Menteri
    , Rini" against "Menteri BUMN ,": each lost the other's words) in the same way. A hole the
    other side does not explain is still marked (a ``hole`` run, or nothing for ``before``'s)."""
    a, holes_a = _tokens(before)
    b, holes_b = _tokens(after)
    ha, hb = set(holes_a), set(holes_b)
    shown: set[int] = set()  # after's holes already marked
    runs: list[dict[str, str]] = []

    def emit(op: str, text: str) -> None:
        if runs and runs[-1]["op"] == op and op != "hole":
            runs[-1]["text"] += text
        else:
            runs.append({"op": op, "text": text})

    def hole(text: str, at: int) -> None:
        shown.add(at)
        runs.append({"op": "hole", "text": "".join(text).strip()})

    def after_words(op: str, j1: int, j2: int) -> None:
        for j in range(j1, j2):
            if j in hb and j not in shown:
                hole("", j)
            emit(op, b[j])

    matcher = SequenceMatcher(None, [sentence_key(w) for w in a], [sentence_key(w) for w in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, new = a[i1:i2], b[j1:j2]
        if op == "equal":
            after_words("same", j1, j2)
        elif not new and j1 in hb and _short(gone):  # after lost these words at its hole
            hole("".join(gone), j1)
        elif not gone and i1 in ha and _short(new):  # before lost them: after prints them
            after_words("filled", j1, j2)
        elif gone and new and i1 in ha and j2 in hb and _short(gone) and _short(new):
            after_words("filled", j1, j2)  # before = [hole] X, after = Y [hole]: the text was Y X
            hole("".join(gone), j2)
        elif gone and new and i2 in ha and j1 in hb and _short(gone) and _short(new):
            hole("".join(gone), j1)  # before = X [hole], after = [hole] Y: the text was X Y
            after_words("filled", j1, j2)
        else:
            if gone:
                emit("del", "".join(gone))
            if new:
                after_words("ins", j1, j2)
    if len(b) in hb and len(b) not in shown:
        hole("", len(b))
    return runs


def only_holes(runs: list[dict[str, str]]) -> bool:
    """Whether a :func:`word_diff` has no edit: every difference is a scraper hole's."""
    return not any(r["op"] in ("del", "ins") for r in runs)


def _similarity(a: list[str], b: list[str]) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < CHANGED_MIN or matcher.quick_ratio() < CHANGED_MIN:
        return 0.0
    return matcher.ratio()


def _missing(these: list[str], keys: Iterable[str]) -> list[int]:
    """Indexes of ``these`` sentences (their keys) not in ``keys``, counted as a multiset: a
    sentence printed twice in ``these`` and once in the other text is missing once."""
    left = Counter(keys)
    out = []
    for i, key in enumerate(these):
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(i)
    return out


def diff_texts(before: str, after: str) -> dict[str, Any]:
    """How ``after`` differs from ``before``, sentence by sentence.

    Returns ``counts`` (``same``, ``holes``, ``added``, ``dropped``, ``changed``: sentences;
    ``before`` and ``after``: each text's sentences), ``added`` (sentences only ``after`` has,
    in its order), ``dropped`` (only ``before`` has, in its order), ``changed`` (pairs
    ``before``, ``after`` with their ``words``, :func:`word_diff`; neither counted as added or
    dropped) and ``holes``: pairs like ``changed`` that differ only by scraper holes (words one
    side prints where the other lost a link's text): the same sentence, counted in ``same``
    and in ``holes``, not as changed. A pair with a hole is tried first: explained by its holes,
    it pairs before any merely similar sentence."""
    a, b = sentences(before), sentences(after)
    ka, kb = [sentence_key(s) for s in a], [sentence_key(s) for s in b]
    dropped, added = _missing(ka, kb), _missing(kb, ka)
    pairs: list[tuple[float, int, int]] = []
    hole_runs: dict[tuple[int, int], list[dict[str, str]]] = {}
    if len(added) * len(dropped) <= MAX_PAIRS:
        words_a = {i: _words(ka[i]) for i in dropped}
        words_b = {j: _words(kb[j]) for j in added}
        holed_a = {i for i in dropped if has_hole(a[i])}
        holed_b = {j for j in added if has_hole(b[j])}
        for j in added:
            for i in dropped:
                score = _similarity(words_a[i], words_b[j])
                if (i in holed_a or j in holed_b) and (score >= CHANGED_MIN or _may_fill(words_a[i], words_b[j])):
                    runs = word_diff(a[i], b[j])
                    if only_holes(runs):
                        hole_runs[i, j] = runs
                        score = 1.0 + score  # the same sentence but for holes: paired first
                if score >= CHANGED_MIN:
                    pairs.append((score, i, j))
    matched: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[2], p[1])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j))
    matched.sort(key=lambda p: p[1])
    holes = [(i, j) for i, j in matched if (i, j) in hole_runs]
    changed = [(i, j) for i, j in matched if (i, j) not in hole_runs]
    added_only = [b[j] for j in added if j not in used_b]
    dropped_only = [a[i] for i in dropped if i not in used_a]
    return {
        "counts": {
            "before": len(a),
            "after": len(b),
            "same": len(b) - len(added) + len(holes),
            "holes": len(holes),
            "added": len(added_only),
            "dropped": len(dropped_only),
            "changed": len(changed),
        },
        "added": added_only,
        "dropped": dropped_only,
        "changed": [{"before": a[i], "after": b[j], "words": word_diff(a[i], b[j])} for i, j in changed],
        "holes": [{"before": a[i], "after": b[j], "words": hole_runs[i, j]} for i, j in holes],
    }


def _may_fill(a: list[str], b: list[str]) -> bool:
    """Whether two sentences' words could differ only by what holes hide: the shorter is at
    most :data:`HOLE_MAX_WORDS` words per hole short of the longer (holes are few a sentence;
    the cheap test before a word diff of a short, holed sentence against a long one)."""
    return abs(len(a) - len(b)) <= 2 * HOLE_MAX_WORDS and bool(set(a) & set(b))


_BRIEF = "a.id, a.title, o.domain AS outlet, a.published, a.day, a.language, a.text, a.cluster_id"


def _article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    row = fetch_one(
        conn, f"SELECT {_BRIEF} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?", (int(article_id),)
    )
    if row is None:
        raise RecordNotFound(f"no article {article_id}")
    return row


def _original_of(conn: sqlite3.Connection, cluster_id: str | None) -> int | None:
    if cluster_id is None:
        return None
    row = fetch_one(conn, "SELECT original_id FROM clusters WHERE id = ?", (cluster_id,))
    return row["original_id"] if row else None


def orient(first: dict[str, Any], second: dict[str, Any], original_id: int | None) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Which of two articles is *before* and which *after*, whatever order they were asked in:
    the cluster's original (``original_id``) before its copy (``original``), else the earlier
    by publication instant (a date alone after every time of its day; an id breaks a tie)
    before the later (``earlier``). Each article (a row with ``id`` and ``published`` or
    ``day``) gets its ``role``: ``original`` / ``copy`` or ``earlier`` / ``later``."""
    if original_id is not None and original_id in (first["id"], second["id"]):
        before, after = (first, second) if first["id"] == original_id else (second, first)
        before["role"], after["role"] = "original", "copy"
        return before, after, "original"
    before, after = sorted(
        (first, second), key=lambda r: published_order(r.get("published") or r.get("day"), f"{int(r['id']):020d}")
    )
    before["role"], after["role"] = "earlier", "later"
    return before, after, "earlier"


def article_diff(conn: sqlite3.Connection, article_id: int, other_id: int) -> dict[str, Any]:
    """How one article differs from another (:func:`diff_texts`), in one direction whichever
    order the ids come in (:func:`orient`): the cluster's original as *before* and its copy as
    *after*, or, when neither is the original, the earlier before the later. ``before`` and
    ``after`` are the two articles (``id``, ``title``, ``outlet``, ``published``, ``day``,
    ``language`` and ``role``), ``basis`` says which rule placed them (``original`` or
    ``earlier``), ``same_cluster`` whether they are in one copy or duplicate cluster. Any two
    articles can be compared.

    Raises:
        RecordNotFound: either id is unknown.
    """
    a, b = _article(conn, article_id), _article(conn, other_id)
    same = a["cluster_id"] is not None and a["cluster_id"] == b["cluster_id"]
    before, after, basis = orient(a, b, _original_of(conn, a["cluster_id"]) if same else None)
    found = diff_texts(before.pop("text") or "", after.pop("text") or "")
    return {"before": before, "after": after, "basis": basis, "same_cluster": same, **found}


def member_diff_counts(conn: sqlite3.Connection, head_id: int | None, members: list[dict[str, Any]]) -> None:
    """Set each member's ``diff`` to the counts of :func:`diff_texts` between it and the
    cluster's head, in the direction the diff page shows them (:func:`orient`: the original
    first, else the earlier), and ``diff_role`` to the member's role there (``copy``, ``later``
    or ``earlier``). None for the head itself, and for every member when there is no head."""
    head = next((m for m in members if m["id"] == head_id), None) if head_id is not None else None
    if head is None:
        for m in members:
            m["diff"] = m["diff_role"] = None
        return
    original = next((m["id"] for m in members if m.get("is_original")), None)
    texts = {
        r["id"]: r["text"] or ""
        for r in fetch_all(
            conn, f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(members))})", [int(m["id"]) for m in members]
        )
    }
    for m in members:
        if m["id"] == head_id or m["id"] not in texts:
            m["diff"] = m["diff_role"] = None
            continue
        before, after, _basis = orient(
            {"id": head["id"], "published": head.get("published"), "day": head.get("day")},
            {"id": m["id"], "published": m.get("published"), "day": m.get("day")},
            original,
        )
        m["diff"] = diff_texts(texts[before["id"]], texts[after["id"]])["counts"]
        m["diff_role"] = (before if before["id"] == m["id"] else after)["role"]
