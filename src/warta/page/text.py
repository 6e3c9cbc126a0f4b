"""Repair of already-extracted text: find the title, drop page chrome, take out related-article
lines, collapse a repeated body.

Two entry points:

- :func:`repair_text` reads text that a scraper or a crawler already pulled out of a page (a
  Common Crawl WET record, a scraper's output, or the whole visible text of a page), one paragraph
  a line or blank-line separated blocks. It judges every line by rules (chrome, related, prose),
  finds the densest run of sentence-like lines (:func:`_body_span`), and then lets the learned
  line classifier of :mod:`warta.page.lines` decide which lines are main content: on generic
  pages that is often several runs, with list items, table cells and subheadings between them.
  Sentence-like lines of the densest run are always kept, so a real article paragraph is never
  dropped. It then picks the headline above the first line of prose and keeps byline and credit
  lines next to the body for the conventions step.
- :func:`repair_paragraphs` runs the gentle part of the same repair on paragraphs that came out of
  HTML extraction, whose title is already known from metadata.

Why not jusText or C4's line filter: jusText needs the HTML tree and per-language stopword lists,
and C4 keeps only lines that end in terminal punctuation, which loses headings and short real
paragraphs and keeps long chrome such as footers. Here a line is judged by its shape *and* by its
neighbours, and phrase lists catch the chrome that looks like prose.
"""

from __future__ import annotations

import re

import msgspec
import numpy as np

from warta.article import Paragraph, RelatedLink
from warta.lang.id.conventions import is_convention_line
from warta.lang.id.datelines import read_dateline
from warta.page.author_lines import is_author_line
from warta.page.blockmodel import BlockModel
from warta.page.chrome import is_chrome_line, is_tag_line
from warta.page.joined import split_joined
from warta.page.lines import line_features, line_probabilities, shipped_line_model
from warta.page.related import is_headline_like, is_list_label, related_label, related_title
from warta.page.repeats import collapse_repeats, word_key
from warta.page.unicode import clean_line, normalise_text, normalise_texts

AUTHOR_EDGE = 3
"""How many paragraphs at each end of an HTML body may be an author line."""

MAX_LINES = 20_000
"""Only this many lines of a text are read; the rest is ignored (pages are never that long)."""

TITLE_LOOKBACK = 25
"""How many lines above the body the title may sit."""

DOMINANT_RUN = 0.7
"""A page whose densest run of prose holds this share of its prose is read as an article."""

MIN_RUN_LINES = 3
"""... when that run has at least this many sentence-like lines."""

ENGLISH_SHARE = 0.08
"""The line classifier runs on pages whose prose has at least this share of English function
words; it was trained on English pages only."""

_EN_FUNCTION = frozenset(
    "the of and to in is that for it with as was on are be this by at from or have an not you "
    "your we our they which will can has its".split()
)
_LIST_MAX = 8
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”’'»)\]]{0,2}$")
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”’')\]]?\s+[\"“'‘(]?[A-Z0-9]")
_WORD = re.compile(r"\w+")
_SITE_SUFFIX = re.compile(r"\s(?:[|–—-]|::)\s[^|–—]{2,40}$")
_DENSE_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_ROLE_ONLY = re.compile(r"^[A-Z][\w/ ]{1,24}$")


class Repaired(msgspec.Struct, kw_only=True):
    """The result of repairing text: title, clean body, related links, what was removed."""

    title: str | None = None
    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    related_links: list[RelatedLink] = msgspec.field(default_factory=list)
    removed: list[str] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)


class _Line(msgspec.Struct):
    text: str
    kind: str = "short"  # "good", "short", "chrome", "related"
    score: float = 0.0
    # cut out of one line a scraper joined with commas (:mod:`warta.page.joined`): that line was
    # body, so its parts stay unless a rule calls them chrome or related, and none is the title
    joined: bool = False


class PreparedText(msgspec.Struct):
    """A text cut into lines and judged by the rules, ready for the line classifier."""

    items: list[_Line]
    related: list[str]
    span: tuple[int, int]
    features: np.ndarray


def prepare_text(text: str) -> PreparedText:
    """Cut a text into lines, judge each by the rules, find the densest run of prose, and
    describe every line for the line classifier (:func:`warta.page.lines.line_features`)."""
    raw: list[str] = []
    joined: set[str] = set()  # paragraphs cut out of a line a scraper joined with commas
    for line in normalise_text(text).splitlines()[:MAX_LINES]:
        parts = split_joined(line)
        if len(parts) > 1:
            parts = [clean_line(part) for part in parts]
            joined.update(parts)
            raw.extend(parts)
        else:
            raw.append(clean_line(line))
    lines = _join_split_bylines(_join_hard_wraps(raw))
    items = [_Line(line, joined=line in joined) for line in lines]
    related = _mark_related(items)
    kinds: dict[str, str] = {}  # pages repeat lines (menus, dates): judge each text once
    for item in items:
        if item.kind != "related":
            kind = kinds.get(item.text)
            if kind is None:
                kind = kinds[item.text] = _line_kind(item.text)
            # a tag the scraper glued to the last paragraph ("… wajah.,#GrowFearless with
            # FIMELA"); a "#" line of a page's visible text is often a heading's anchor
            item.kind = "chrome" if item.joined and is_tag_line(item.text) else kind
        item.score = _score(item)
    _mark_menu_runs(items)
    span = _body_span(items)
    conventions: dict[str, bool] = {}
    for item in items:
        if item.text not in conventions:
            conventions[item.text] = _units(item.text) <= 40 and is_convention_line(item.text)
    features = line_features(
        [it.text for it in items],
        [it.kind for it in items],
        [conventions[it.text] for it in items],
        [it.score for it in items],
        span,
    )
    return PreparedText(items, related, span, features)


def repair_text(text: str, model: BlockModel | None = None) -> Repaired:
    """Repair text that a scraper already extracted: find the title, drop chrome, collapse repeats.

    Args:
        text: the page's text, one paragraph a line (blank lines between paragraphs are fine;
            hard-wrapped blocks are joined back into paragraphs).
        model: the line classifier; the shipped one by default. Without a shipped model the body
            is the densest run of prose alone.

    Returns:
        The title (the headline-like line above the body, or None), the body paragraphs, the
        related-article links taken out of the body, the removed lines and warnings.
    """
    prepared = prepare_text(text)
    model = model or shipped_line_model()
    if model is None:
        return repair_prepared(prepared, None)
    return repair_prepared(
        prepared, line_probabilities(model, prepared.features) >= model.threshold
    )


def repair_prepared(prepared: PreparedText, keep_line: np.ndarray | None) -> Repaired:
    """The repair of a prepared text, given which lines the classifier keeps (None: rules only)."""
    items, related = prepared.items, prepared.related
    if not items:
        return Repaired()
    start, end = prepared.span
    if keep_line is not None and not _reads_english(items):
        keep_line = None  # the classifier learned English pages only: other languages get rules
    if keep_line is None:
        keep = [i for i in range(start, end) if items[i].kind in ("good", "short")]
    else:
        # On an article page (one run of prose dominates) the body stays inside that run; on
        # other pages (products, listings, docs, forums) it may be several runs anywhere.
        lo, hi = (start, end) if _is_article_like(items, start, end) else (0, len(items))
        # Sentence-like lines of the densest run of prose stay whatever the classifier says:
        # a real article paragraph is never dropped.
        keep = [
            i
            for i in range(lo, hi)
            if items[i].kind != "related"
            and (keep_line[i] or (start <= i < end and items[i].kind == "good"))
        ]
        if keep:
            start, end = keep[0], keep[-1] + 1
    keep = _drop_before_dateline(items, keep)
    keep = _with_edge_conventions(items, keep, start, end)
    if any(it.joined for it in items):
        keep = sorted(
            set(keep) | {i for i, it in enumerate(items) if it.joined and it.kind in ("good", "short")}
        )
    kept_set = set(keep)
    removed = [it.text for i, it in enumerate(items) if i not in kept_set and it.kind != "related"]
    # The headline sits above the first line of prose, whether or not the classifier kept it.
    lead = next((i for i in keep if items[i].kind == "good"), start)
    title_at = _find_title(items, min(lead, start) if keep_line is None else lead, keep)
    if title_at is not None:
        keep = [i for i in keep if i != title_at]
        removed = [r for r in removed if r != items[title_at].text]
    texts = [items[i].text for i in keep]
    if texts:
        texts[0] = _without_lead_debris(texts[0])
    kept_idx, warnings = collapse_repeats(texts)
    removed.extend(texts[i] for i in range(len(texts)) if i not in set(kept_idx))
    if any(_LINK_TEXT_LOST.search(texts[i]) for i in kept_idx):
        warnings.append(LINK_TEXT_LOST)
    title = _clean_title(items[title_at].text) if title_at is not None else None
    return Repaired(
        title=title,
        paragraphs=[Paragraph(texts[i]) for i in kept_idx],
        related_links=[RelatedLink(title=t) for t in related],
        removed=removed,
        warnings=warnings,
    )


LINK_TEXT_LOST = "link-text-lost"
"""Warning: the body holds holes where the scraper dropped the text of links ("Badan
Penanggulangan  , (BPBD)", "dilansir ,."): words are missing, and a name the reader needs (a
speaker's, say) may be one of them."""

# A comma with a space before it: prose never prints one; an emptied link leaves it.
_LINK_TEXT_LOST = re.compile(r"(?<=\S) +,")


def repair_paragraphs(
    paragraphs: list[Paragraph], title: str | None = None, authors: list[str] | None = None
) -> Repaired:
    """The same repair, run gently on paragraphs that came out of HTML extraction.

    Drops a leading paragraph equal to the title, takes related-article lines out, drops short
    lines that are chrome on their own, and, among the first and last :data:`AUTHOR_EDGE`
    paragraphs, lines that only restate the page's ``authors`` with a role or a date
    (:mod:`warta.page.author_lines`); and collapses repeats. It never judges paragraphs by
    their neighbours: HTML bodies are already mostly clean.
    """
    cleaned: list[Paragraph] = []
    normalised = normalise_texts([para.text for para in paragraphs])
    for para, text in zip(paragraphs, normalised, strict=True):
        # clean_line would change nothing more: the join leaves no run of spaces, no edge space.
        # Most paragraphs are that already; every whitespace character but " " is unprintable,
        # so a printable text without a double or edge space is its own join (two C scans, half
        # the cost of the split and join).
        if not (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "):
            text = " ".join(text.split())
        if text:
            cleaned.append(Paragraph(text, para.kind) if text != para.text else para)
    removed: list[str] = []
    title_key = _key(title) if title else ""
    if title_key:
        for i, para in enumerate(cleaned[:2]):
            if _key(para.text) == title_key:
                removed.append(para.text)
                del cleaned[i]
                break
    items = [_Line(p.text) for p in cleaned]
    related = _mark_related(items)
    body: list[Paragraph] = []
    for item, para in zip(items, cleaned, strict=True):
        if item.kind == "related":
            continue
        if para.kind in ("code", "table") or not is_chrome_line(item.text):
            body.append(para)
        else:
            removed.append(item.text)
    if authors:
        n = len(body)
        edge = [i for i in range(n) if i < AUTHOR_EDGE or i >= n - AUTHOR_EDGE]
        drop = {i for i in edge if body[i].kind != "code" and is_author_line(body[i].text, authors)}
        removed.extend(body[i].text for i in sorted(drop))
        body = [p for i, p in enumerate(body) if i not in drop]
    kept_idx, warnings = collapse_repeats([p.text for p in body])
    kept = set(kept_idx)
    removed.extend(p.text for i, p in enumerate(body) if i not in kept)
    return Repaired(
        title=title,
        paragraphs=[body[i] for i in kept_idx],
        related_links=[RelatedLink(title=t) for t in related],
        removed=removed,
        warnings=warnings,
    )


# --- lines ----------------------------------------------------------------------------------


def _join_hard_wraps(lines: list[str]) -> list[str]:
    """Join blank-line separated blocks back into paragraphs when the text is hard-wrapped.

    A text counts as hard-wrapped when most non-final lines of multi-line blocks are of a similar,
    fixed width (50–100 characters) and no line is much longer; otherwise every line stays one
    paragraph, as in WET records and scraper output.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    inner = [len(line) for b in blocks if len(b) > 1 for line in b[:-1]]
    longest = max((len(line) for b in blocks for line in b), default=0)
    wrapped = (
        sum(len(b) > 1 for b in blocks) >= 2
        and len(inner) >= 4
        and sum(50 <= n <= 100 for n in inner) >= 0.8 * len(inner)
        and longest <= 110
    )
    if not wrapped:
        return [line for b in blocks for line in b]
    return [_join_wrapped(b) for b in blocks]


def _join_wrapped(block: list[str]) -> str:
    out = block[0]
    for line in block[1:]:
        out = out[:-1] + line if out.endswith("-") and out[-2:-1].isalpha() else f"{out} {line}"
    return out


def _join_split_bylines(lines: list[str]) -> list[str]:
    """Join a role printed on its own line with the name on the next: "Penulis" + ": Nama"."""
    out: list[str] = []
    for line in lines:
        if out and line.startswith(":") and _ROLE_ONLY.match(out[-1]):
            out[-1] = f"{out[-1]}: {line[1:].strip()}"
        else:
            out.append(line)
    return out


def _mark_related(items: list[_Line]) -> list[str]:
    """Mark related-article lines (and headlines under a lone label); return their titles."""
    titles: list[str] = []
    i = 0
    while i < len(items):
        text = items[i].text
        title = related_title(text)
        if title:
            items[i].kind = "related"
            titles.append(title)
            i += 1
            continue
        label = related_label(text)
        if label is None:
            i += 1
            continue
        items[i].kind = "related"
        limit = _LIST_MAX if is_list_label(label) else 1
        j = i + 1
        while j < len(items) and j <= i + limit and is_headline_like(items[j].text):
            items[j].kind = "related"
            titles.append(items[j].text)
            j += 1
        i = j
    unique: dict[str, str] = {}
    for found in titles:
        unique.setdefault(_key(found), found)
    return list(unique.values())


def _line_kind(text: str) -> str:
    if is_chrome_line(text):
        return "chrome"
    return "good" if _sentence_like(text) else "short"


def _units(text: str) -> int:
    """Words, counting unspaced scripts (Chinese, Japanese, Thai) at two characters a word."""
    words = len(text.split())
    dense = len(_DENSE_SCRIPT.findall(text))
    if dense:
        return words + dense // 2
    return max(words, len(text) // 6) if len(text) > 15 * words else words


def _eff_len(text: str) -> int:
    """Length in characters, with characters of unspaced scripts counted three times."""
    return len(text) + 2 * len(_DENSE_SCRIPT.findall(text))


def _sentence_like(text: str) -> bool:
    """A line that reads as prose: enough words and a sentence end, or long enough anyway."""
    units = _units(text)
    if units >= 25 or _eff_len(text) >= 160:
        return True
    if units < 5:
        return False
    return bool(_SENTENCE_END.search(text) or _SENTENCE_INSIDE.search(text))


def _score(item: _Line) -> float:
    if item.kind == "good":
        return min(_eff_len(item.text), 600) / 80 - 0.3
    if item.kind == "chrome":
        return -1.5
    if item.kind == "related":
        return 0.0
    return -0.4 if _units(item.text) >= 4 else -1.0


def _mark_menu_runs(items: list[_Line]) -> None:
    """Mark runs of four or more very short lines that hold chrome as menus, all of them."""
    i = 0
    while i < len(items):
        j = i
        while (
            j < len(items) and items[j].kind in ("short", "chrome") and _units(items[j].text) <= 4
        ):
            j += 1
        run = items[i:j]
        if len(run) >= 4 and any(it.kind == "chrome" for it in run):
            for it in run:
                it.kind = "chrome"
                it.score = min(it.score, -1.0)
        i = max(j, i + 1)


def _body_span(items: list[_Line]) -> tuple[int, int]:
    """The run of lines with the largest total score (Kadane's maximum subarray).

    Sentence-like lines score positive, short and chrome lines negative, so the run is the densest
    stretch of prose: navigation, widget lists and footers fall outside it, while a subheading or
    a short line between two paragraphs stays inside.
    """
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, item in enumerate(items):
        if total <= 0:
            total, start = 0.0, i
        total += item.score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _reads_english(items: list[_Line]) -> bool:
    """Whether the page's prose is English: at least :data:`ENGLISH_SHARE` of the words of its
    sentence-like lines are common English function words (about 0.28 on English pages, near 0
    on Indonesian ones)."""
    words = [w for it in items if it.kind == "good" for w in _WORD.findall(it.text.lower())]
    return bool(words) and sum(map(_EN_FUNCTION.__contains__, words)) >= ENGLISH_SHARE * len(words)


def _is_article_like(items: list[_Line], start: int, end: int) -> bool:
    """Whether the densest run of prose holds most of the page's prose (:data:`DOMINANT_RUN`
    of its sentence-like characters, in :data:`MIN_RUN_LINES` lines or more): an article."""
    good = [len(it.text) if it.kind == "good" else 0 for it in items]
    total = sum(good)
    inside = sum(good[start:end])
    lines = sum(1 for g in good[start:end] if g)
    return total > 0 and lines >= MIN_RUN_LINES and inside >= DOMINANT_RUN * total


def _drop_before_dateline(items: list[_Line], keep: list[int]) -> list[int]:
    """Drop the few lines (a photo caption, a teaser) kept above a lead that opens with a
    dateline: a dateline marks where the story starts."""
    for n, i in enumerate(keep[:4]):
        if n and read_dateline(items[i].text):
            before = [j for j in keep[:n] if not is_convention_line(items[j].text)]
            if len(before) <= 2:
                return [j for j in keep if j not in set(before)]
            break
    return keep


def _with_edge_conventions(items: list[_Line], keep: list[int], start: int, end: int) -> list[int]:
    """Add byline, credit and initials lines just outside the body so conventions can read them."""
    extra: list[int] = []
    seen = 0
    for i in range(end, min(len(items), end + 8)):
        if items[i].kind == "related":
            continue
        if is_convention_line(items[i].text):
            extra.append(i)
        elif items[i].kind != "chrome" or seen >= 3:
            break
        seen += 1
    for i in range(start - 1, max(-1, start - 4), -1):
        if is_convention_line(items[i].text):
            extra.append(i)
        elif items[i].kind != "chrome":
            break
    return sorted(set(keep) | set(extra))


# What a scraper leaves of a dateline whose place and outlet were links it dropped: "- Kabar …",
# ", , - Kepolisian …", "– Jerman …".
_LEAD_DEBRIS = re.compile(r"^[,\s]*(?:[-–—][,\s]+)?(?=[\"“‘(]?[A-Z0-9])")


def _without_lead_debris(text: str) -> str:
    """The first paragraph without the dash and commas left of a dropped dateline; a
    paragraph that opens with a word (or a dash before a lower-case word, a list item) stays."""
    match = _LEAD_DEBRIS.match(text)
    return text[match.end() :] if match and match.end() else text


# --- title ----------------------------------------------------------------------------------


def _find_title(items: list[_Line], start: int, keep: list[int]) -> int | None:
    """The headline: a headline-like line above the body that shares words with its lead.

    Lines closer to the body win ties; a line sharing no word with the lead can still be the
    title when it is the nearest headline-like line and not far above the body.
    """
    lead_words = {
        w
        for i in [k for k in keep if k >= start][:3]
        for w in _WORD.findall(items[i].text.lower())
        if len(w) > 2
    }
    best: tuple[float, int] | None = None
    lo = max(0, start - TITLE_LOOKBACK)
    for i in range(start - 1, lo - 1, -1):
        item = items[i]
        if item.kind in ("chrome", "related") or item.joined or not _title_shaped(item.text):
            continue
        if is_convention_line(item.text):
            continue
        words = {w for w in _WORD.findall(_clean_title(item.text).lower()) if len(w) > 2}
        overlap = len(words & lead_words) / len(words) if words else 0.0
        distance = start - 1 - i
        score = overlap - 0.02 * distance
        if overlap == 0 and distance > 3:
            continue
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _title_shaped(text: str) -> bool:
    units = _units(text)
    if units < 3 or len(text) > 250 or units > 35:
        return False
    return not _SENTENCE_INSIDE.search(text) and not text.endswith((",", ";", ":"))


def _clean_title(text: str) -> str:
    """A title without a trailing site name ("Judul - Kompas.com", "Judul | Detik")."""
    match = _SITE_SUFFIX.search(text)
    if match and len(text[: match.start()].split()) >= 3:
        tail = match.group(0)
        if re.search(r"\.\w{2,4}\b|\b[A-Za-z][a-z]+[A-Z]|^\s(?:[|]|::)", tail):
            return text[: match.start()].strip()
    return text


def _key(text: str | None) -> str:
    # The same string as " ".join(_WORD.findall(text.casefold())), with an ASCII fast path.
    return word_key(text or "")
