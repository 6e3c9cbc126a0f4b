"""Build the copy-detection evaluation set from real CLICK-ID articles.

Labelled pairs, each (id_a, id_b, category, is_copy):

- ``real``: cross-outlet pairs from CLICK-ID's ``syndication_pairs.tsv`` with word-5-gram
  containment ≥ 0.8 (silver labels from a lexical check; a sample was read by eye, see
  ``docs/dedup.md``);
- made copies of a sample of base articles: ``exact``, ``chrome`` (another outlet's menu and footer
  lines around the body), ``retitled`` (new title, first sentence rewritten), ``trimmed`` (the last
  30–50 % of paragraphs dropped), ``edited`` (3–6 % of words substituted, dropped or inserted);
- hard negatives: ``same-event`` (two different articles of the same day that share at least three
  capitalised names and are not in the silver pairs at containment ≥ 0.3), and ``template`` (short
  different bodies of one outlet wrapped in the same long boilerplate).

Everything is seeded, so the set is the same on every run.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.data import BENCH_ROOT

CLICKID = BENCH_ROOT.parent / "data" / "news" / "clickid"
_CAPS = re.compile(r"\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*")

CHROME_LINES = [
    "Beranda", "Nasional", "Internasional", "Ekonomi", "Olahraga", "Teknologi", "Otomotif",
    "Hiburan", "Gaya Hidup", "Indeks Berita", "Terpopuler", "Artikel Terbaru",
    "Ikuti kami di media sosial", "Dapatkan update berita pilihan setiap hari",
    "Copyright © 2019 Media Nusantara. All rights reserved.", "Pedoman Media Siber",
    "Redaksi | Kontak | Karir | Kebijakan Privasi", "Berita Terkait", "Komentar",
    "Bagikan artikel ini: Facebook Twitter WhatsApp",
]


@dataclass
class Doc:
    """A document of the set."""

    id: str
    outlet: str
    published: str
    title: str
    text: str


@dataclass
class Pair:
    """A labelled pair."""

    a: str
    b: str
    category: str
    is_copy: bool


def load_clickid(start: str = "2019-09-10", end: str = "2019-09-20") -> list[Doc]:
    """CLICK-ID articles in a date window, mojibake repaired, bodies of 600+ characters."""
    docs = []
    with gzip.open(CLICKID / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if not (start <= r["published"][:10] <= end) or len(r.get("text") or "") < 600:
                continue
            text = r["text"]
            if "‚Äù" in text or "¬†" in text:
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    text = text.encode("mac_roman").decode("utf-8")
            docs.append(Doc(r["id"], r["outlet"], r["published"], r["title"] or "", text))
    return docs


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n+|(?<=\.)\s*,\s*(?=[A-Z\"“])", text) if p.strip()]
    return parts if len(parts) > 1 else re.split(r"(?<=\.)\s+", text)


def _edit(text: str, rate: float, rng: random.Random, vocab: list[str]) -> str:
    out = []
    for w in text.split():
        r = rng.random()
        if r < rate / 3:
            continue
        if r < 2 * rate / 3:
            out.append(rng.choice(vocab))
            continue
        out.append(w)
        if r < rate:
            out.append(rng.choice(vocab))
    return " ".join(out)


def build(seed: int = 7, n_base: int = 400) -> tuple[list[Doc], list[Pair]]:
    """The documents (real corpus window plus made copies) and the labelled pairs."""
    rng = random.Random(seed)
    docs = load_clickid()
    by_id = {d.id: d for d in docs}
    pairs: list[Pair] = []
    silver_any: set[frozenset[str]] = set()
    with open(CLICKID / "syndication_pairs.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            silver_any.add(frozenset((row["id_a"], row["id_b"])))
            if (
                float(row["containment"]) >= 0.8
                and row["outlet_a"] != row["outlet_b"]
                and row["id_a"] in by_id
                and row["id_b"] in by_id
            ):
                pairs.append(Pair(row["id_a"], row["id_b"], "real", True))

    vocab = [w for d in docs[:2000] for w in d.text.split()[:50]]
    outlets = sorted({d.outlet for d in docs})
    bases = rng.sample(docs, n_base)
    made: list[Doc] = []
    for k, base in enumerate(bases):
        other = rng.choice([o for o in outlets if o != base.outlet])
        paras = _paragraphs(base.text)
        variants = {
            "exact": base.text,
            "chrome": "\n".join(rng.sample(CHROME_LINES, 8))
            + "\n"
            + base.text
            + "\n"
            + "\n".join(rng.sample(CHROME_LINES, 6)),
            "retitled": _edit(paras[0], 0.3, rng, vocab) + "\n" + "\n".join(paras[1:]),
            "trimmed": "\n".join(paras[: max(1, int(len(paras) * rng.uniform(0.5, 0.7)))]),
            "edited": _edit(base.text, rng.uniform(0.03, 0.06), rng, vocab),
        }
        for cat, text in variants.items():
            copy_id = f"made-{k:04d}-{cat}"
            made.append(Doc(copy_id, other, base.published, "Judul baru " + base.title, text))
            pairs.append(Pair(base.id, copy_id, cat, True))

    # Hard negatives: different articles on the same day sharing names.
    by_day: dict[str, list[Doc]] = {}
    for d in docs:
        by_day.setdefault(d.published[:10], []).append(d)
    caps = {d.id: set(_CAPS.findall(d.text[:1500])) - {"Jakarta", "Indonesia", "Selasa", "Senin"} for d in docs}
    negatives = 0
    for day in sorted(by_day):
        group = by_day[day]
        rng.shuffle(group)
        for a, b in zip(group[::2], group[1::2], strict=False):
            if negatives >= 600:
                break
            if (
                a.outlet != b.outlet
                and len(caps[a.id] & caps[b.id]) >= 3
                and frozenset((a.id, b.id)) not in silver_any
            ):
                pairs.append(Pair(a.id, b.id, "same-event", False))
                negatives += 1

    boiler = " ".join(rng.choice(vocab) for _ in range(250))
    for k in range(60):
        body = " ".join(rng.choice(vocab) for _ in range(rng.randint(30, 60)))
        made.append(Doc(f"tmpl-{k:03d}", "template-portal.com", "2019-09-15", f"Halaman {k}", body + "\n" + boiler))
        if k:
            pairs.append(Pair(f"tmpl-{k - 1:03d}", f"tmpl-{k:03d}", "template", False))
    return docs + made, pairs


def write(out: Path) -> None:
    """Write the set as JSONL (docs) and TSV (pairs) for inspection."""
    docs, pairs = build()
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "copyset-docs.jsonl", "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.__dict__, ensure_ascii=False) + "\n")
    with open(out / "copyset-pairs.tsv", "w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(f"{p.a}\t{p.b}\t{p.category}\t{int(p.is_copy)}\n")


if __name__ == "__main__":
    write(Path("bench-out"))
