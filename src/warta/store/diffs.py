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

from warta.store.errors import RecordNotFound
from warta.store.readonly import fetch_one

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


def _words(sentence: str) -> list[str]:
    return sentence.split()


_TOKEN = re.compile(r"\s*(?:\w+(?:['’-]\w+)*|[^\w\s])")


def word_diff(before: str, after: str) -> list[dict[str, str]]:
    """The words of ``before`` and ``after`` aligned: runs of ``{"op": "same" | "del" | "ins",
    "text": ...}`` (a replacement is a ``del`` then an ``ins``). Words and punctuation are
    separate tokens ("delapan." is "delapan" and "."), compared normalised and shown as printed,
    each run with the spaces before its words (``after``'s words for ``same``): the runs joined
    are ``after`` with the deleted runs between."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = SequenceMatcher(None, [sentence_key(w) for w in a], [sentence_key(w) for w in b], autojunk=False)
    runs: list[dict[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append({"op": "same", "text": "".join(b[j1:j2])})
            continue
        if i2 > i1:
            runs.append({"op": "del", "text": "".join(a[i1:i2])})
        if j2 > j1:
            runs.append({"op": "ins", "text": "".join(b[j1:j2])})
    return runs


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

    Returns ``counts`` (``same``, ``added``, ``dropped``, ``changed``: sentences; ``before``
    and ``after``: each text's sentences), ``added`` (sentences only ``after`` has, in its
    order), ``dropped`` (only ``before`` has, in its order) and ``changed`` (pairs ``before``,
    ``after`` with their ``words``, :func:`word_diff`; neither counted as added or dropped)."""
    a, b = sentences(before), sentences(after)
    ka, kb = [sentence_key(s) for s in a], [sentence_key(s) for s in b]
    dropped, added = _missing(ka, kb), _missing(kb, ka)
    pairs: list[tuple[float, int, int]] = []
    if len(added) * len(dropped) <= MAX_PAIRS:
        words_a = {i: _words(ka[i]) for i in dropped}
        words_b = {j: _words(kb[j]) for j in added}
        for j in added:
            for i in dropped:
                score = _similarity(words_a[i], words_b[j])
                if score >= CHANGED_MIN:
                    pairs.append((score, i, j))
    changed: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[2], p[1])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            changed.append((i, j))
    changed.sort(key=lambda p: p[1])
    added_only = [b[j] for j in added if j not in used_b]
    dropped_only = [a[i] for i in dropped if i not in used_a]
    return {
        "counts": {
            "before": len(a),
            "after": len(b),
            "same": len(b) - len(added),
            "added": len(added_only),
            "dropped": len(dropped_only),
            "changed": len(changed),
        },
        "added": added_only,
        "dropped": dropped_only,
        "changed": [{"before": a[i], "after": b[j], "words": word_diff(a[i], b[j])} for i, j in changed],
    }


_BRIEF = "a.id, a.title, o.domain AS outlet, a.published, a.day, a.language, a.text, a.cluster_id"


def _article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    row = fetch_one(
        conn, f"SELECT {_BRIEF} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?", (int(article_id),)
    )
    if row is None:
        raise RecordNotFound(f"no article {article_id}")
    return row


def article_diff(conn: sqlite3.Connection, article_id: int, other_id: int) -> dict[str, Any]:
    """How article ``other_id`` differs from article ``article_id`` (:func:`diff_texts`, the
    first as *before*), with each one's ``id``, ``title``, ``outlet``, ``published``, ``day``
    and ``language`` (``article`` and ``other``), and ``same_cluster``: whether they are in
    one copy or duplicate cluster. Any two articles can be compared.

    Raises:
        RecordNotFound: either id is unknown.
    """
    a, b = _article(conn, article_id), _article(conn, other_id)
    found = diff_texts(a.pop("text") or "", b.pop("text") or "")
    same = a["cluster_id"] is not None and a["cluster_id"] == b["cluster_id"]
    return {"article": a, "other": b, "same_cluster": same, **found}


def member_diff_counts(conn: sqlite3.Connection, head_id: int | None, members: list[dict[str, Any]]) -> None:
    """Set each member's ``diff`` to the counts of :func:`diff_texts` against the cluster's
    head (None for the head itself, and for every member when there is no head)."""
    if head_id is None:
        for m in members:
            m["diff"] = None
        return
    head = fetch_one(conn, "SELECT text FROM articles WHERE id = ?", (int(head_id),))
    base = head["text"] if head else ""
    for m in members:
        if m["id"] == head_id or head is None:
            m["diff"] = None
            continue
        row = fetch_one(conn, "SELECT text FROM articles WHERE id = ?", (int(m["id"]),))
        m["diff"] = diff_texts(base or "", row["text"] or "")["counts"] if row else None
