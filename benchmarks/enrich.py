"""Quote attribution and date resolution against the hand-checked gold.

    python -m benchmarks.enrich [--gold tests/fixtures/quotes/gold.jsonl] [--speed N]
        [--only dev,heldout] [--split heldout2] [--no-ner]
    python -m benchmarks.enrich --agreement   # second annotator against the gold, no warta code

Quotes read the NER model's mentions, as ``warta.enrich.annotate`` gives them; ``--no-ner``
scores the capitalisation rules alone.

Prints, for each part of the gold ("split": dev, heldout, heldout2) and for all together:
- direct quotes: precision and recall of (opening words, speaker) pairs. A found quote matches a
  gold one when its text starts with the gold opening words (case and spacing aside) and its
  speaker is the gold speaker (canonical full name);
- indirect speech, the same way, except that the gold opening words may sit anywhere in the first
  120 characters of the found passage;
- dates: the share of gold expressions found with exactly the gold value;
- "person P/R": direct quotes again, with the speaker matched as the same person by name words
  (one name's words all among the other's: "Kikan" / "Kikan Cokelat"), a looser reading shown
  beside the strict one, never instead of it;
- with ``--agreement``: how far a second annotator, who annotated the held-out parts again
  without seeing the first annotation (``second_annotation.jsonl``), agrees with the gold, by
  the same matching: the ceiling a system's score on this gold can be read against;
- speed: articles a second on one core for ``find_quotes`` + ``find_dates`` over the gold texts,
  and for the whole annotation (dates + quotes + NER entities) over CLICK-ID articles
  and the CLICK-ID corpus sample when it is there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path
from typing import Any

from warta.article import DateMention, Quote
from warta.enrich.dates import find_dates
from warta.enrich.ner.tagger import Mention
from warta.enrich.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "quotes" / "gold.jsonl"
SECOND = GOLD.with_name("second_annotation.jsonl")
CORPUS = ROOT.parent / "shared" / "data" / "news" / "clickid" / "articles.jsonl.gz"


def _norm(text: str | None) -> str:
    """Case and spacing aside, and the quote marks around the text."""
    return re.sub(r"\s+", " ", (text or "").strip(" \"“”'‘’")).casefold()


def _same_speaker(found: str | None, gold: str | None) -> bool:
    """Same name, case and spacing aside; a handle with or without its "@"."""
    return _norm(found).removeprefix("@") == _norm(gold).removeprefix("@")


def _same_person(found: str | None, gold: str | None) -> bool:
    """A looser reading of "the right speaker", reported beside the strict one: the names are
    equal, or the words of one are all among the words of the other ("Kikan" / "Kikan Cokelat",
    "Dicky Pastika Gading" / "AM Dicky Pastika Gading"). It forgives a name cut or extended
    differently from the annotator's canonical form, never a different person's name ("Romi"
    for "Romahurmuziy" still counts as wrong)."""
    if _same_speaker(found, gold):
        return True
    if not found or not gold:
        return False
    a = set(_norm(found).removeprefix("@").split())
    b = set(_norm(gold).removeprefix("@").split())
    return bool(a and b) and (a <= b or b <= a)


def match_quotes(
    found: list[Quote], gold: list[dict[str, Any]], kind: str, *, loose: bool = False
) -> tuple[int, int, int]:
    """(true positives, found, gold) for one article and one kind of quote; with ``loose``,
    speakers match by :func:`_same_person`. The gold floors in tests/enrich/test_quotes.py
    count with this too."""
    found = [q for q in found if q.kind == kind]
    hits = _matched(found, [g for g in gold if g["kind"] == kind], kind, loose=loose)
    return len(hits), len(found), sum(g["kind"] == kind for g in gold)


def _matched(
    found: list[Quote], gold: list[dict[str, Any]], kind: str, *, loose: bool = False
) -> set[int]:
    """The indices of the ``found`` quotes (all of ``kind``) that match a ``gold`` quote: the
    same opening words and the same speaker, each gold quote matched once."""
    same = _same_person if loose else _same_speaker
    used: set[int] = set()
    for g in gold:
        starts = _norm(g["starts"])
        for i, q in enumerate(found):
            if i in used:
                continue
            text = _norm(q.text)
            opens = text.startswith(starts) if kind == "direct" else starts in text[:120]
            if opens and same(q.speaker, g["speaker"]):
                used.add(i)
                break
    return used


def by_attribution(articles: list[dict[str, Any]], *, ner: bool = True) -> dict[str, list[int]]:
    """For each kind and :data:`warta.article.Attribution` (and "none" for quotes given no
    speaker): [right, found] over ``articles``: how sure each way of finding a speaker is."""
    counts: dict[str, list[int]] = {}
    for article in articles:
        mentions = model_mentions(article["text"]) if ner else None
        quotes = find_quotes(article["text"], "id", mentions=mentions)
        for kind in ("direct", "indirect"):
            found = [q for q in quotes if q.kind == kind]
            hits = _matched(found, [g for g in article["quotes"] if g["kind"] == kind], kind)
            for i, q in enumerate(found):
                row = counts.setdefault(f"{kind} {q.attribution or 'none'}", [0, 0])
                row[0] += i in hits
                row[1] += 1
    return counts


def _dates_exact(found: list[DateMention], gold: dict[str, str]) -> tuple[int, int]:
    hits = 0
    for expr, value in gold.items():
        if any((expr in m.text or m.text in expr) and m.value == value for m in found):
            hits += 1
    return hits, len(gold)


def model_mentions(text: str) -> list[Mention] | None:
    """The NER model's mentions of ``text``, as ``annotate`` gives them to ``find_quotes``."""
    from warta.enrich.entities import model_mentions as mentions

    return mentions(text, "id")


def evaluate(
    articles: list[dict[str, Any]], *, verbose: bool = False, ner: bool = True
) -> dict[str, float]:
    """Scores over ``articles`` (gold records); with ``ner``, quotes read the NER model's
    mentions as the annotation does, else the capitalisation rules decide alone."""
    totals = {"direct": [0, 0, 0], "indirect": [0, 0, 0], "loose": [0, 0, 0], "dates": [0, 0]}
    for article in articles:
        mentions = model_mentions(article["text"]) if ner else None
        quotes = find_quotes(article["text"], "id", mentions=mentions)
        for kind in ("direct", "indirect"):
            for i, n in enumerate(match_quotes(quotes, article["quotes"], kind)):
                totals[kind][i] += n
        for i, n in enumerate(match_quotes(quotes, article["quotes"], "direct", loose=True)):
            totals["loose"][i] += n
        dates = find_dates(article["text"], article["page_date"])
        for i, n in enumerate(_dates_exact(dates, article["dates"])):
            totals["dates"][i] += n
        if verbose:
            _show(article, quotes, dates)
    scores: dict[str, float] = {}
    for kind in ("direct", "indirect"):
        tp, found, gold = totals[kind]
        scores[f"{kind}_precision"] = tp / found if found else 0.0
        scores[f"{kind}_recall"] = tp / gold if gold else 0.0
        scores[f"{kind}_gold"] = gold
    tp, found, gold = totals["loose"]
    scores["loose_precision"] = tp / found if found else 0.0
    scores["loose_recall"] = tp / gold if gold else 0.0
    scores["dates_exact"] = totals["dates"][0] / totals["dates"][1] if totals["dates"][1] else 0.0
    scores["dates_gold"] = totals["dates"][1]
    scores["articles"] = len(articles)
    return scores


def _as_found(text: str, quotes: list[dict[str, Any]]) -> list[Quote]:
    """A second annotator's quotes as found quotes: each runs from its opening words to the end
    of the text, so that the gold's matching rule (a direct quote starts with the gold opening
    words; indirect gold words sit in its first 120 characters) applies to them unchanged."""
    found = []
    for q in quotes:
        start = text.find(q["starts"])
        if start >= 0:
            found.append(
                Quote(
                    speaker=q["speaker"],
                    cue=q["cue"],
                    text=text[start:],
                    start=start,
                    end=len(text),
                    kind=q["kind"],
                )
            )
    return found


def agreement(gold: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, float]:
    """Precision and recall of the second annotation against the gold, per kind and for the
    same person (as :func:`evaluate` counts warta's quotes), over the articles both annotated."""
    by_id = {a["id"]: a for a in gold}
    totals = {"direct": [0, 0, 0], "indirect": [0, 0, 0], "loose": [0, 0, 0]}
    for row in second:
        article = by_id[row["id"]]
        found = _as_found(article["text"], row["quotes"])
        for kind in ("direct", "indirect"):
            for i, n in enumerate(match_quotes(found, article["quotes"], kind)):
                totals[kind][i] += n
        for i, n in enumerate(match_quotes(found, article["quotes"], "direct", loose=True)):
            totals["loose"][i] += n
    scores: dict[str, float] = {"articles": len(second)}
    for key, (tp, found_n, gold_n) in totals.items():
        scores[f"{key}_precision"] = tp / found_n if found_n else 0.0
        scores[f"{key}_recall"] = tp / gold_n if gold_n else 0.0
        scores[f"{key}_gold"] = gold_n
    return scores


def _show(article: dict[str, Any], quotes: list[Quote], dates: list[DateMention]) -> None:
    print(f"== {article['id']}")
    for g in article["quotes"]:
        print(f"  gold  {g['kind'][:3]} {g['speaker']!s:25} {g['starts'][:50]}")
    for q in quotes:
        print(f"  found {q.kind[:3]} {q.speaker!s:25} {q.text[:50]!r}  [{q.cue}]")
    for expr, value in article["dates"].items():
        print(f"  gold date {expr} = {value}")
    for m in dates:
        print(f"  found date {m.text} = {m.value}")


def speed(texts: list[tuple[str, str | None]], rounds: int = 1) -> float:
    """Articles a second for quotes + dates on this core: CPU time of this process, so that
    other jobs on a shared machine do not count."""
    started = time.process_time()
    for _ in range(rounds):
        for text, page_date in texts:
            find_quotes(text, "id")
            find_dates(text, page_date)
    return rounds * len(texts) / max(time.process_time() - started, 1e-9)


def annotate_speed(texts: list[tuple[str, str | None]]) -> float:
    """Articles a second on this core for the whole enrichment (dates, quotes and entities, as
    ``warta.enrich.annotate.annotate`` runs it), CPU time; the NER model is loaded first."""
    from warta.article import Article, DateValue, Language
    from warta.enrich.annotate import annotate
    from warta.enrich.entities import find_entities

    find_entities("Presiden Joko Widodo di Jakarta.", "id")
    articles = [
        Article(
            text=text,
            published=DateValue(value=page_date, origin="given") if page_date else None,
            language=Language(detected="id", score=1.0),
        )
        for text, page_date in texts
    ]
    started = time.process_time()
    for article in articles:
        annotate(article)
    return len(articles) / max(time.process_time() - started, 1e-9)


def _corpus_sample(limit: int) -> list[tuple[str, str | None]]:
    if limit <= 0 or not CORPUS.exists():
        return []
    sample = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            sample.append((record["text"], record["published"]))
            if len(sample) >= limit:
                break
    return sample


def main() -> None:
    """Print the scores and the speed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--speed", type=int, default=2000, help="corpus articles to time")
    parser.add_argument("--split", help="show one part (dev, heldout, …, heldout4) in detail")
    parser.add_argument(
        "--only", help="score only these parts, comma-separated (default: every part)"
    )
    parser.add_argument(
        "--no-ner", action="store_true", help="quotes by the capitalisation rules alone"
    )
    parser.add_argument(
        "--by-attribution",
        action="store_true",
        help="also print precision by how each speaker was found (named, role, pronoun, …)",
    )
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="score the second annotation (second_annotation.jsonl) against the gold instead",
    )
    args = parser.parse_args()
    ner = not args.no_ner
    articles = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()]
    if args.agreement:
        second = [json.loads(line) for line in SECOND.read_text(encoding="utf-8").splitlines()]
        s = agreement(articles, second)
        print(f"second annotation vs gold, {s['articles']:.0f} articles:")
        for key, label in (
            ("direct", "direct"),
            ("loose", "same person"),
            ("indirect", "indirect"),
        ):
            print(
                f"  {label:12} P {s[key + '_precision']:.3f}  R {s[key + '_recall']:.3f}"
                f"  (gold {s[key + '_gold']:.0f})"
            )
        return
    if args.only:
        keep = set(args.only.split(","))
        articles = [a for a in articles if a["split"] in keep]
    names = sorted({a["split"] for a in articles})
    parts = {name: [a for a in articles if a["split"] == name] for name in names}
    parts["all"] = articles
    if args.split:
        evaluate([a for a in articles if a["split"] == args.split], verbose=True, ner=ner)
    print(f"{'part':10} {'arts':>4} {'direct P':>8} {'direct R':>8} {'n':>4} "
          f"{'indir P':>8} {'indir R':>8} {'n':>4} {'dates':>6} {'n':>4} "
          f"{'person P':>8} {'person R':>8}")  # fmt: skip
    for name, part in parts.items():
        s = evaluate(part, ner=ner)
        print(
            f"{name:10} {s['articles']:>4} {s['direct_precision']:8.3f} {s['direct_recall']:8.3f} "
            f"{s['direct_gold']:>4} {s['indirect_precision']:8.3f} {s['indirect_recall']:8.3f} "
            f"{s['indirect_gold']:>4} {s['dates_exact']:6.3f} {s['dates_gold']:>4} "
            f"{s['loose_precision']:8.3f} {s['loose_recall']:8.3f}"
        )
    if args.by_attribution:
        counts = by_attribution(articles, ner=ner)
        print(f"{'quotes by attribution':24} {'right':>6} {'found':>6} {'P':>6}")
        for key in sorted(counts, key=lambda k: (k.split()[0], -counts[k][1])):
            right, found = counts[key]
            print(f"{key:24} {right:>6} {found:>6} {right / found:6.3f}")
    gold_texts = [(a["text"], a["page_date"]) for a in articles]
    print(f"speed, gold texts: {speed(gold_texts, rounds=20):,.0f} articles/s (one core)")
    sample = _corpus_sample(args.speed)
    if sample:
        print(f"speed, {len(sample)} CLICK-ID articles: {speed(sample):,.0f} articles/s (one core)")
        print(
            f"speed, whole annotation (dates + quotes + entities), {len(sample)} CLICK-ID articles: "
            f"{annotate_speed(sample):,.0f} articles/s (one core)"
        )


if __name__ == "__main__":
    main()
