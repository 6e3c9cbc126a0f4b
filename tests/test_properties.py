"""Properties of ``extract`` over hostile input (hypothesis): an Article or a typed error, nothing else.

For any input, ``extract`` either returns an Article whose ``text`` is its paragraphs joined by a
blank line and whose JSON round-trips unchanged, or raises a :class:`~warta.errors.WartaError`
other than :class:`~warta.errors.ExtractionFailed` (which marks a bug in a step). The strategies
live in ``fuzz/soup.py``, shared with the volume run ``python -m fuzz.run``.

The example count is kept small for CI; raise it with ``WARTA_HYPOTHESIS_EXAMPLES=5000``.
"""

from __future__ import annotations

import os
import signal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.soup import html_bytes, html_strings, text_documents
from warta.article import Article
from warta.errors import ExtractionFailed, ExtractionTimeout, WartaError
from warta.extract import extract, repair

EXAMPLES = int(os.environ.get("WARTA_HYPOTHESIS_EXAMPLES", "100"))
BOUND = 20.0  # generous: these inputs are a few kilobytes; a timeout here is a hang

_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check(source: bytes | str, **kw: object) -> None:
    """The property: an Article with consistent text and JSON, or a typed error."""
    try:
        article = extract(source, timeout=BOUND, **kw)  # type: ignore[arg-type]
    except ExtractionFailed:
        raise  # a bug in a step; pytest shows the chained cause
    except ExtractionTimeout as exc:
        raise AssertionError(f"a small input took over {BOUND} s") from exc
    except WartaError:
        return
    finally:
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    assert Article.from_json(article.to_json()) == article
    assert all(isinstance(w, str) for w in article.warnings)


@_settings
@given(html_strings())
def test_html_str(source: str) -> None:
    check(source)


@_settings
@given(html_bytes(), st.sampled_from([None, "utf-8", "latin-1", "shift_jis", "bogus"]))
def test_html_bytes(source: bytes, http_charset: str | None) -> None:
    check(source, http_charset=http_charset)


@_settings
@given(st.binary(max_size=4096), st.sampled_from(["auto", "html", "text"]))
def test_raw_bytes(source: bytes, kind: str) -> None:
    check(source, input=kind)


@_settings
@given(text_documents())
def test_scraped_text(source: str) -> None:
    try:
        article = repair(source, timeout=BOUND)
    except ExtractionFailed:
        raise
    except WartaError:
        return
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    assert Article.from_json(article.to_json()) == article


@settings(max_examples=max(EXAMPLES // 4, 5), deadline=None)
@given(html_strings(), st.integers(1, 2000))
def test_any_size_limit(source: str, max_bytes: int) -> None:
    check(source, max_bytes=max_bytes, input="html")
