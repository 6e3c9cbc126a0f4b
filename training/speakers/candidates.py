"""Candidate speakers for one direct quote the rules found, and the features a re-ranker reads.

The candidates are strings the text prints (plus None, "nobody"):

- the rules' speaker and its contiguous sub-runs ("Imparsial Al Araf" → "Al Araf", "Araf", …);
- the rules' speaker extended by up to two capitalised words the text prints before or after
  it near the quote ("Tatu Chasanah" → "Ratu Tatu Chasanah");
- the NER model's PERSON mentions and the canonical PERSON names of the entity merge
  (:func:`warta.enrich.entities.canonical_entities`), the other speakers the rules gave in
  the article, and capitalised runs in the cue after the quote, each with its sub-runs that
  drop leading words;
- for each of those, the longer person names of the article that contain all its words.

Each candidate gets a fixed-length numeric feature vector (:data:`FEATURES` names them): its
relation to the rules' pick, the cue kind, where and how often the text names it, what the NER
model tags it, how the NER corpora tag its first and last words, and its capitalisation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from warta.article import Entity
from warta.enrich.entities import canonical_entities
from warta.enrich.ner.tagger import Mention
from warta.enrich.quotes.cues import speech_verbs
from warta.enrich.speakers.names import is_common_word, is_role_word, name_runs

WordStats = dict[str, tuple[int, int, int, int]]  # word → (PERSON, ORGANIZATION, PLACE, O) counts

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]\s|[.!?][\"”]|\n|\.,")
# Speech verbs printed after a subject, before a quote or a report ("X mengatakan, …").
_VERBS_BEFORE = (
    "mengatakan", "menjelaskan", "menyebut", "menuturkan", "mengungkapkan", "menegaskan",
    "menambahkan", "menyatakan", "berkata", "mengaku",
)  # fmt: skip
_CUE_WINDOW = 120  # characters after a quote where its cue and the speaker's name sit
_BEFORE_WINDOW = 1500  # characters before a quote read for people named there


def words(name: str) -> list[str]:
    """The words of a name, spacing aside."""
    return name.split()


def _cap(word: str) -> bool:
    return word[:1].isupper()


@dataclass
class ArticleView:
    """What the feature functions need about one article, built once per article."""

    text: str
    quotes: list[tuple[Any, ...]]  # the rules' quotes: (speaker, cue, text, start, end, kind)
    mentions: list[Mention]
    persons: list[str] = field(default_factory=list)  # PERSON mention texts, distinct
    canonical: list[str] = field(default_factory=list)  # canonical PERSON entity names
    type_counts: dict[str, Counter[str]] = field(default_factory=dict)  # name → NER types
    speakers: Counter[str] = field(default_factory=Counter)  # rules' speakers → quotes
    person_starts: list[tuple[int, str]] = field(default_factory=list)  # PERSON mention starts

    @classmethod
    def build(
        cls, text: str, quotes: list[tuple[Any, ...]], mentions: list[Mention]
    ) -> ArticleView:
        """The view of one article."""
        view = cls(text=text, quotes=quotes, mentions=mentions)
        seen: dict[str, None] = {}
        for m in mentions:
            view.type_counts.setdefault(m.text, Counter())[m.type] += 1
            if m.type == "PERSON":
                seen.setdefault(m.text, None)
                view.person_starts.append((m.start, m.text))
        view.persons = list(seen)
        ents: list[Entity] = canonical_entities(mentions)
        view.canonical = [e.name for e in ents if e.type == "PERSON"]
        view.speakers = Counter(q[0] for q in quotes if q[0])
        return view


def _occurrences(text: str, name: str) -> list[int]:
    """Start offsets of ``name`` in ``text`` as whole words."""
    if not name:
        return []
    pattern = r"(?<![\w])" + re.escape(name) + r"(?![\w])"
    return [m.start() for m in re.finditer(pattern, text)]


def _sub_runs(name: str) -> list[str]:
    ws = words(name)
    out = []
    for i in range(len(ws)):
        for j in range(i + 1, len(ws) + 1):
            if (i, j) != (0, len(ws)):
                out.append(" ".join(ws[i:j]))
    return out


def _suffixes(name: str) -> list[str]:
    ws = words(name)
    return [" ".join(ws[i:]) for i in range(1, len(ws))]


def _extensions(text: str, name: str, lo: int, hi: int) -> list[str]:
    """``name`` extended by up to two capitalised words the text prints right before or after
    it, at its occurrences in ``text[lo:hi]``."""
    out: list[str] = []
    for start in _occurrences(text, name):
        if not lo <= start < hi:
            continue
        end = start + len(name)
        left = text[max(0, start - 60) : start]
        right = text[end : end + 60]
        before = re.findall(r"([^\W\d_][\w'’-]*)[ \t\xa0]+$", left)
        lw = re.match(r"^(?:[^\S\n]+([^\W\d_][\w'’-]*))(?:[^\S\n]+([^\W\d_][\w'’-]*))?", right)
        if before and _cap(before[0]):
            out.append(f"{before[0]} {name}")
            left2 = left[: left.rfind(before[0])]
            before2 = re.findall(r"([^\W\d_][\w'’-]*)[ \t\xa0]+$", left2)
            if before2 and _cap(before2[0]):
                out.append(f"{before2[0]} {before[0]} {name}")
        if lw and lw.group(1) and _cap(lw.group(1)):
            out.append(f"{name} {lw.group(1)}")
            if lw.group(2) and _cap(lw.group(2)):
                out.append(f"{name} {lw.group(1)} {lw.group(2)}")
    return out


def candidates(view: ArticleView, index: int) -> list[str | None]:
    """The candidate speakers of the article's ``index``-th quote (see the module doc); the
    rules' pick first, None always among them."""
    speaker, _cue, _qtext, start, end, _kind = view.quotes[index]
    text = view.text
    pool: dict[str | None, None] = {speaker: None, None: None}
    base: list[str] = []
    if speaker:
        base.append(speaker)
        base.extend(_sub_runs(speaker))
        base.extend(_extensions(text, speaker, max(0, start - _BEFORE_WINDOW), end + _CUE_WINDOW))
    lo = max(0, start - _BEFORE_WINDOW)
    hi = min(len(text), end + _CUE_WINDOW)
    named = [n for n in view.persons + view.canonical + list(view.speakers)]
    for n in named:
        occ = _occurrences(text, n)
        if any(lo <= o < hi for o in occ) or n in view.canonical:
            base.append(n)
            base.extend(_suffixes(n))
    for a, b in name_runs(text, end, hi):
        run = text[a:b]
        base.append(run)
        base.extend(_suffixes(run))
    for raw in base:
        clean = " ".join(raw.split())
        if clean:
            pool.setdefault(clean, None)
    # full names that contain all the words of a candidate
    fulls = set(view.persons) | set(view.canonical) | set(view.speakers)
    for known in list(pool):
        if not known:
            continue
        ws = set(words(known))
        for f in fulls:
            if len(words(f)) > len(ws) and ws <= set(words(f)):
                pool.setdefault(f, None)
    return list(pool)


def _cue_kind(cue: str | None) -> int:
    """0: no cue (a continuation); 1: a pronoun or -nya cue ("katanya", "kata dia"); 2: a verb
    alone ("kata"); 3: a cue that prints more words (a name or a description)."""
    if cue is None:
        return 0
    low = cue.lower().split()
    if not low:
        return 0
    if low[0].endswith("nya") or low[-1] in {"dia", "ia", "beliau", "mereka", "nya"}:
        return 1
    if len(low) == 1:
        return 2
    return 3


def _word_stats(stats: WordStats, word: str | None) -> tuple[float, float, float]:
    """log count, share tagged PERSON, share tagged ORGANIZATION or PLACE in the NER corpora."""
    if not word:
        return (0.0, 0.0, 0.0)
    p, o, pl, x = stats.get(word.lower().strip(".,"), (0, 0, 0, 0))
    total = p + o + pl + x
    if not total:
        return (0.0, 0.0, 0.0)
    return (math.log1p(total), p / total, (o + pl) / total)


FEATURES: tuple[str, ...] = (
    "is_none",
    "rules_none",
    "is_rules",
    "sub_of_rules",
    "super_of_rules",
    "dropped_left",
    "dropped_right",
    "added_words",
    "shares_word_rules",
    "cue_kind0",
    "cue_kind1",
    "cue_kind2",
    "cue_kind3",
    "in_cue",
    "cue_words_in_cand",
    "n_words",
    "n_chars",
    "occurrences",
    "ner_person_exact",
    "ner_other_exact",
    "ner_person_overlap",
    "is_canonical",
    "is_longest_with_words",
    "longer_person_exists",
    "rules_speaker_count",
    "prev_quote_speaker",
    "dist_before_log",
    "has_before",
    "dist_after_log",
    "in_cue_window",
    "persons_between",
    "recency_rank",
    "same_sentence_before",
    "followed_by_verb",
    "first_count_log",
    "first_person_share",
    "first_org_share",
    "last_count_log",
    "last_person_share",
    "last_org_share",
    "prev_word_role",
    "prev_word_cap",
    "prev_person_share",
    "first_role",
    "first_common",
    "acronym_word",
    "has_dot_or_digit",
    "all_cap",
    "lower_word",
    "diff_dropped_org",
    "diff_dropped_person",
    "diff_dropped_ner_other",
    "diff_added_person",
    "diff_added_role",
    "standalone_occ",
    "left_extended_occ",
    "right_extended_occ",
)


def features(
    view: ArticleView, index: int, cand: str | None, cands: list[str | None], stats: WordStats
) -> list[float]:
    """The feature vector of candidate ``cand`` for the article's ``index``-th quote, in the
    order of :data:`FEATURES`."""
    speaker, cue, _qtext, start, end, _kind = view.quotes[index]
    text = view.text
    f: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    ck = _cue_kind(cue)
    f[f"cue_kind{ck}"] = 1.0
    f["rules_none"] = float(speaker is None)
    previous = next((q[0] for q in reversed(view.quotes[:index]) if q[5] == "direct"), None)
    if cand is None:
        f["is_none"] = 1.0
        f["is_rules"] = float(speaker is None)
        return [f[k] for k in FEATURES]
    cw = words(cand)
    f["is_rules"] = float(cand == speaker)
    if speaker:
        sw = words(speaker)
        joined = " " + " ".join(sw) + " "
        if cand != speaker and (" " + cand + " ") in joined:
            f["sub_of_rules"] = 1.0
            i = next(i for i in range(len(sw)) if sw[i : i + len(cw)] == cw)
            f["dropped_left"] = i
            f["dropped_right"] = len(sw) - i - len(cw)
        if cand != speaker and (" " + speaker + " ") in (" " + cand + " "):
            f["super_of_rules"] = 1.0
            f["added_words"] = len(cw) - len(sw)
        f["shares_word_rules"] = float(bool(set(cw) & set(sw)))
    if cue:
        f["in_cue"] = float((" " + cand + " ") in (" " + cue + " "))
        cue_caps = [w for w in words(cue) if _cap(w)]
        f["cue_words_in_cand"] = float(bool(cue_caps) and all(w in cw for w in cue_caps))
    f["n_words"] = len(cw)
    f["n_chars"] = len(cand)
    occ = _occurrences(text, cand)
    f["occurrences"] = math.log1p(len(occ))
    types = view.type_counts.get(cand, Counter())
    f["ner_person_exact"] = float(types["PERSON"] > 0)
    f["ner_other_exact"] = float(types["ORGANIZATION"] + types["PLACE"] > 0)
    f["ner_person_overlap"] = float(
        any(set(cw) & set(words(p)) for p in view.persons) and cand not in view.persons
    )
    f["is_canonical"] = float(cand in view.canonical)
    people = set(view.persons) | set(view.canonical) | set(view.speakers)
    longer = [p for p in people if len(words(p)) > len(cw) and set(cw) <= set(words(p))]
    f["longer_person_exists"] = float(bool(longer))
    longest = all(not (c and len(words(c)) > len(cw) and set(cw) <= set(words(c))) for c in cands)
    f["is_longest_with_words"] = float(longest)
    f["rules_speaker_count"] = math.log1p(view.speakers.get(cand, 0))
    f["prev_quote_speaker"] = float(previous == cand)
    before = [o for o in occ if o + len(cand) <= start]
    after = [o for o in occ if o >= end]
    last = max(before) if before else None
    if last is not None:
        f["has_before"] = 1.0
        f["dist_before_log"] = math.log1p(start - last - len(cand))
        between = {n for s, n in view.person_starts if last + len(cand) <= s < start}
        between -= {cand}
        f["persons_between"] = len({n for n in between if not set(words(n)) & set(cw)})
        sentence_ends = list(_SENTENCE_END.finditer(text, last, start))
        f["same_sentence_before"] = float(len(sentence_ends) <= 1)
        tail = text[last + len(cand) : last + len(cand) + 40].lower().split()
        verbs = speech_verbs()
        f["followed_by_verb"] = float(
            any(w.strip(",.") in verbs or w.startswith(_VERBS_BEFORE) for w in tail[:3])
        )
    else:
        f["dist_before_log"] = math.log1p(_BEFORE_WINDOW * 4)
    if after:
        d = min(after) - end
        f["dist_after_log"] = math.log1p(d)
        f["in_cue_window"] = float(d < _CUE_WINDOW)
    else:
        f["dist_after_log"] = math.log1p(_BEFORE_WINDOW * 4)
    lasts = []
    for c in cands:
        if not c:
            continue
        bs = [o for o in _occurrences(text, c) if o + len(c) <= start]
        if bs:
            lasts.append((max(bs), c))
    lasts.sort(reverse=True)
    rank = next((i for i, (_, c) in enumerate(lasts) if c == cand), len(lasts))
    f["recency_rank"] = min(rank, 20)
    fc, fp, fo = _word_stats(stats, cw[0])
    lc, lp, lo = _word_stats(stats, cw[-1])
    f["first_count_log"], f["first_person_share"], f["first_org_share"] = fc, fp, fo
    f["last_count_log"], f["last_person_share"], f["last_org_share"] = lc, lp, lo
    anchor = last if last is not None else (min(after) if after else None)
    if anchor is not None:
        prev = re.findall(r"([^\W\d_][\w'’-]*)[ \t\xa0]+$", text[max(0, anchor - 40) : anchor])
        if prev:
            f["prev_word_role"] = float(is_role_word(prev[0]))
            f["prev_word_cap"] = float(_cap(prev[0]))
            f["prev_person_share"] = _word_stats(stats, prev[0])[1]
    f["first_role"] = float(is_role_word(cw[0]))
    f["first_common"] = float(is_common_word(cw[0]))
    f["acronym_word"] = float(any(len(w) >= 2 and w.isupper() for w in cw))
    f["has_dot_or_digit"] = float(any(ch.isdigit() or ch == "." for ch in cand))
    f["all_cap"] = float(all(_cap(w) for w in cw))
    f["lower_word"] = float(any(w[:1].islower() for w in cw))
    if speaker:
        dropped = [w for w in words(speaker) if w not in cw]
        added = [w for w in cw if w not in words(speaker)]
        if dropped:
            shares = [_word_stats(stats, w) for w in dropped]
            f["diff_dropped_org"] = max(s[2] for s in shares)
            f["diff_dropped_person"] = min(s[1] for s in shares)
            f["diff_dropped_ner_other"] = float(
                any(m.type != "PERSON" and set(dropped) & set(words(m.text)) for m in view.mentions)
            )
        if added:
            f["diff_added_person"] = min(_word_stats(stats, w)[1] for w in added)
            f["diff_added_role"] = float(any(is_role_word(w) or is_common_word(w) for w in added))
    alone = left_ext = right_ext = 0
    for o in occ:
        lw = re.findall(r"([^\W\d_][\w'’-]*)[ \t\xa0]+$", text[max(0, o - 40) : o])
        rw = re.match(r"[ \t\xa0]+([^\W\d_][\w'’-]*)", text[o + len(cand) : o + len(cand) + 40])
        le = bool(lw) and _cap(lw[0]) and not is_role_word(lw[0])
        re_ = rw is not None and _cap(rw.group(1))
        left_ext += le
        right_ext += re_
        alone += not le and not re_
    f["standalone_occ"] = math.log1p(alone)
    f["left_extended_occ"] = math.log1p(left_ext)
    f["right_extended_occ"] = math.log1p(right_ext)
    return [f[k] for k in FEATURES]
