"""Which lines of an already-extracted text are the main content: a learned line classifier.

Text mode has no HTML tree, only lines. Each line is described by its shape (length, words,
punctuation, capitals, function words, digits, glued-together link text), by what the rules of
:mod:`warta.page.chrome` and :mod:`warta.page.related` say of it, by where it sits (position,
distance to the densest run of prose) and by the same things about its neighbours. A boosted tree
ensemble scores each line; a second ensemble rescores it knowing the first one's scores of the
lines around it, so that a short line (a list item, a table cell, a subheading) inside a run of
content stays and a lone long line inside a footer goes.

The model is trained by ``python -m training.train_lines`` on wcxb-dev and shipped as
``assets/lines.npz`` in the format of :class:`warta.page.blockmodel.BlockModel`, evaluated with
numpy at run time. Feature order is part of the shipped model: change it only with retraining.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Final

import numpy as np

from warta.page.blockmodel import BlockModel

MODEL_FILE: Final = "lines.npz"

_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?…。！？][\"”’'»)\]]{0,2}$")
_SENT_INSIDE = re.compile(r"[.!?…][\"”’')\]]?\s+[\"“'‘(]?[A-Z0-9]")
_GLUED = re.compile(r"[a-z\d)][A-Z]")
_BULLET = re.compile(r"^(?:[-–—•·*►▶»>✓✔]|\d{1,3}[.)]|\(?[a-z]\))\s")
_CODE = re.compile(r"[{}()\[\];=<>/\\_$#]")
_SEPARATOR = re.compile(r"\s[|»›•·/]\s")
_URLISH = re.compile(r"https?://|www\.|\S@\S|\.(?:com|org|net|html?)\b", re.I)
_NOT_ALPHA = re.compile(r"[\W\d_]+")
_NOT_DIGIT = re.compile(r"\D+")
_SAMPLE: Final = 400
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:[$€£¥₹]|usd|eur|rp\b)", re.I)

# Function words of the languages most pages are written in (en, id, ms, pt, es, fr, it, de, nl):
# prose has many, menus and buttons few.
_STOP: Final = frozenset(
    """the a an of to in and is was for on that with as by at from it be are this have has had not
    but or which he she they we you i his her their its were will would can been who said our your
    if so do all more about when what there one also how than them into out up my me us no
    yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga ada oleh karena sebagai
    kata para bahwa atau telah sudah saat lebih bisa kami mereka ia dia
    de la el en y que los las del se por un una con para es al lo como más pero sus le os um uma
    do da dos das em no na não com mais et les des du une est pas qui dans sur au il ne ce che e
    è per non sono der die das und ist nicht mit den von zu ein eine sich auf im dem het een van
    dat op te""".split()
)

KINDS: Final = ("good", "short", "chrome", "related")
"""Line kinds from the rules of :mod:`warta.page.text`, one-hot in the features."""

_OWN: Final = (
    "log_chars", "log_words", "mean_word_len", "ends_sentence", "ends_colon", "ends_comma",
    "sentences", "alpha_frac", "digit_frac", "upper_frac", "cap_words", "stop_frac",
    "comma_rate", "glued", "bullet", "code_frac", "separators", "urlish", "price", "question",
    "starts_lower", "stop_rel", "kind_good", "kind_short", "kind_chrome", "kind_related", "convention",
    "rule_score", "repeats", "len_vs_median",
)  # fmt: skip
_PAGE: Final = (
    "rel_pos", "log_before", "log_after", "log_lines", "chars_before_share", "in_span",
    "span_dist", "page_good_share", "page_good_chars_share", "span_share", "log_page_words",
)  # fmt: skip
_NEIGHBOUR_OWN: Final = (
    "log_words",
    "ends_sentence",
    "kind_good",
    "kind_chrome",
    "glued",
    "stop_frac",
)
_OFFSETS: Final = (-2, -1, 1, 2)
_WINDOWS: Final = (3, 10)
_WINDOWED: Final = ("kind_good", "log_words", "kind_chrome", "ends_sentence")

LINE_FEATURES: Final = (
    list(_OWN)
    + list(_PAGE)
    + [f"n{o:+d}_{f}" for o in _OFFSETS for f in _NEIGHBOUR_OWN]
    + [f"w{w}_{f}" for w in _WINDOWS for f in _WINDOWED]
)
"""Names of the columns of :func:`line_features`."""

_P_WINDOWS: Final = (2, 5, 12, 30)
CONTEXT_FEATURES: Final = (
    ["p1"]
    + [f"p1_n{o:+d}" for o in _OFFSETS]
    + [f"p1_w{w}" for w in _P_WINDOWS]
    + [f"p1_max_before{w}" for w in _P_WINDOWS[1:]]
    + [f"p1_max_after{w}" for w in _P_WINDOWS[1:]]
    + ["p1_page_mean", "p1_page_max", "p1_mass_before", "p1_mass_after", "p1_rank"]
)
"""Names of the columns :func:`context_features` adds for the second stage."""


def _own_features(text: str) -> list[float]:
    """The columns of ``_OWN`` that depend on the line alone (kinds and repeats are added later).

    Character shares are taken over the first :data:`_SAMPLE` characters: enough to tell prose
    from a menu, and it keeps long lines cheap."""
    n = len(text)
    words = text.split()
    nw = len(words) or 1
    tokens = _WORD.findall(text.lower())
    sample = text[:_SAMPLE]
    ns = len(sample) or 1
    alpha = len(_NOT_ALPHA.sub("", sample))
    digits = len(_NOT_DIGIT.sub("", sample))
    upper = sum(map(str.isupper, sample))
    stripped = text.rstrip("\"”’')]» ")
    return [
        np.log1p(n),
        np.log1p(len(words)),
        sum(map(len, tokens)) / len(tokens) if tokens else 0.0,
        float(bool(_SENT_END.search(text))),
        float(stripped.endswith(":")),
        float(stripped.endswith((",", ";"))),
        float(min(len(_SENT_INSIDE.findall(text)), 6)),
        alpha / ns,
        digits / ns,
        upper / alpha if alpha else 0.0,
        sum(map(str.isupper, [w[0] for w in words])) / nw,
        sum(map(_STOP.__contains__, tokens)) / len(tokens) if tokens else 0.0,
        text.count(",") / nw,
        min(len(_GLUED.findall(text)), 10) / nw,
        float(bool(_BULLET.match(text))),
        len(_CODE.findall(sample)) / ns,
        float(min(len(_SEPARATOR.findall(text)), 10)),
        float(bool(_URLISH.search(text))),
        float(bool(_PRICE.search(text))),
        float(stripped.endswith("?")),
        float(text[:1].islower()),
    ]


def _window_mean(values: np.ndarray, half: int) -> np.ndarray:
    """The mean of ``values`` over ``[i - half, i + half]`` (clipped at the ends) for every i."""
    n = values.size
    csum = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    idx = np.arange(n)
    lo = np.maximum(idx - half, 0)
    hi = np.minimum(idx + half + 1, n)
    return (csum[hi] - csum[lo]) / (hi - lo)


def _shifted(values: np.ndarray, offset: int, fill: float) -> np.ndarray:
    """``values[i + offset]`` for every i, ``fill`` past either end."""
    out = np.full(values.size, fill, dtype=np.float64)
    if offset > 0:
        out[:-offset] = values[offset:]
    elif offset < 0:
        out[-offset:] = values[:offset]
    return out


def _running_max(values: np.ndarray, half: int, before: bool) -> np.ndarray:
    """The maximum of ``values`` over the ``half`` lines before (or after) each line, 0 if none."""
    out = np.zeros(values.size)
    for k in range(1, half + 1):
        out = np.maximum(out, _shifted(values, -k if before else k, 0.0))
    return out


def line_features(
    texts: list[str],
    kinds: list[str],
    conventions: list[bool],
    rule_scores: list[float],
    span: tuple[int, int],
) -> np.ndarray:
    """The stage-one feature matrix of a page's lines (one row a line, :data:`LINE_FEATURES`).

    Args:
        texts: the lines, cleaned.
        kinds: each line's kind from the rules (one of :data:`KINDS`).
        conventions: whether each line is a byline, credit or initials line.
        rule_scores: each line's score in the rule-based body search.
        span: the rule-based body (start, end), the densest run of prose.
    """
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(LINE_FEATURES)))
    memo: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    own_rows = []
    for t in texts:
        row = memo.get(t)
        if row is None:
            row = memo[t] = _own_features(t)
        own_rows.append(row)
    own = np.array(own_rows, dtype=np.float64)
    kind_cols = np.array([[k == name for name in KINDS] for k in kinds], dtype=np.float64)
    chars = np.array([len(t) for t in texts], dtype=np.float64)
    median = float(np.median(chars)) or 1.0
    extra = np.column_stack(
        [
            np.array(conventions, dtype=np.float64),
            np.array(rule_scores, dtype=np.float64),
            np.log([counts[t] for t in texts]),
            np.log1p(chars) - np.log1p(median),
        ]
    )
    # Function words relative to the page's own prose: language-neutral where the word list
    # knows the language less well than English.
    stop = own[:, _OWN.index("stop_frac")]
    prose = stop[own[:, 1] >= np.log1p(10)]
    base = float(np.median(prose)) if prose.size else 0.0
    stop_rel = stop / base if base > 0 else np.zeros(n)
    own = np.hstack([own, np.minimum(stop_rel, 3.0)[:, None], kind_cols, extra])

    idx = np.arange(n, dtype=np.float64)
    start, end = span
    total_chars = float(chars.sum()) or 1.0
    good = kind_cols[:, 0]
    span_dist = np.where(idx < start, start - idx, np.where(idx >= end, idx - end + 1, 0.0))
    words = np.expm1(own[:, 1])
    page = np.column_stack(
        [
            idx / max(n - 1, 1),
            np.log1p(idx),
            np.log1p(n - 1 - idx),
            np.full(n, np.log1p(n)),
            (np.cumsum(chars) - chars) / total_chars,
            ((idx >= start) & (idx < end)).astype(np.float64),
            np.log1p(span_dist),
            np.full(n, good.mean()),
            np.full(n, float((chars * good).sum()) / total_chars),
            np.full(n, float(chars[start:end].sum()) / total_chars),
            np.full(n, np.log1p(words.sum())),
        ]
    )
    col = {name: i for i, name in enumerate(_OWN)}
    neighbours = [_shifted(own[:, col[f]], o, -1.0) for o in _OFFSETS for f in _NEIGHBOUR_OWN]
    windowed = [_window_mean(own[:, col[f]], w) for w in _WINDOWS for f in _WINDOWED]
    return _rounded(np.hstack([own, page, np.column_stack(neighbours + windowed)]))


def context_features(x: np.ndarray, p1: np.ndarray) -> np.ndarray:
    """Stage-two features: ``x`` plus the stage-one probabilities around each line."""
    n = p1.size
    if n == 0:
        return np.zeros((0, x.shape[1] + len(CONTEXT_FEATURES)))
    csum = np.cumsum(p1)
    total = float(csum[-1]) or 1.0
    order = np.argsort(np.argsort(-p1, kind="stable"), kind="stable")
    cols = (
        [p1]
        + [_shifted(p1, o, -1.0) for o in _OFFSETS]
        + [_window_mean(p1, w) for w in _P_WINDOWS]
        + [_running_max(p1, w, before=True) for w in _P_WINDOWS[1:]]
        + [_running_max(p1, w, before=False) for w in _P_WINDOWS[1:]]
        + [
            np.full(n, p1.mean()),
            np.full(n, p1.max()),
            (csum - p1) / total,
            (total - csum) / total,
            order / max(n - 1, 1),
        ]
    )
    return np.hstack([x, _rounded(np.column_stack(cols))])


def _rounded(x: np.ndarray) -> np.ndarray:
    """Features rounded to 4 decimals and to the nearest float32.

    The trees compare features as float32 with thresholds that may be training values, so every
    value must be a float32 number both when training and at run time; the rounding also keeps
    float noise from splitting one value into several."""
    return np.round(x, 4).astype(np.float32).astype(np.float64)


def line_probabilities(model: BlockModel, x: np.ndarray) -> np.ndarray:
    """Stage-two probability that each line (a row of ``x``) is main content."""
    if x.shape[0] == 0:
        return np.zeros(0)
    p1 = model.stage1.proba(x)
    return model.stage2.proba(context_features(x, p1))


@functools.cache
def shipped_line_model() -> BlockModel | None:
    """The line model shipped in ``warta/assets``, or None when it is missing or was trained on
    other features (then the repair falls back on its rules)."""
    ref = resources.files("warta").joinpath("assets", MODEL_FILE)
    if not ref.is_file():
        return None
    with ref.open("rb") as fh:
        model = BlockModel.load(fh)
    # A model trained on other features (a stale asset) would score garbage: use the rules.
    return model if model.names == list(LINE_FEATURES) + list(CONTEXT_FEATURES) else None
