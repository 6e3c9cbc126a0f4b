"""Bad input never crashes or hangs ``extract``: each case gets a typed error or an article.

The cases of the issue: empty, binary, truncated or malformed HTML, wrong or missing charset, a
50 MB page, 100,000-deep nesting, a page that is only a listing of headlines; then the orchestrator's
own guards (errors from a step become typed errors; the SIGALRM time bound nests, re-enters and
never fires after a call returns). Big inputs are generated here at run time, never committed.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.article import Article
from warta.errors import (
    BinaryInput,
    EmptyInput,
    ExtractionFailed,
    ExtractionTimeout,
    InputTooLarge,
    NoContent,
    OutOfMemory,
    TooDeep,
    WartaError,
)
from warta.extract import TRUNCATED, extract, time_limit
from warta.page.intake import check_parse_cost, cut_html

X = sys.modules["warta.extract"]  # the module (``warta.extract`` the attribute is the function)
BAD = Path(__file__).parent / "fixtures" / "bad"
FIRST = "Hujan deras yang mengguyur Palangka Raya sejak Senin malam"


@pytest.fixture(scope="module")
def page() -> bytes:
    """A small, clean Indonesian news page."""
    return (BAD / "article.html").read_bytes()


def outcome(source: bytes | str, **kw: Any) -> Article | WartaError:
    """The article, or the typed error; anything else fails the test."""
    try:
        return extract(source, **kw)
    except ExtractionFailed:
        raise  # a bug in a step: let pytest show the chained traceback
    except WartaError as exc:
        return exc


def assert_consistent(article: Article) -> None:
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    assert Article.from_json(article.to_json()) == article


@pytest.fixture(autouse=True)
def no_alarm_left() -> Iterator[None]:
    """Every test must leave SIGALRM as it found it: no timer running, the same handler."""
    handler = signal.getsignal(signal.SIGALRM)
    yield
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == handler


# --- empty and binary --------------------------------------------------------------------------


@pytest.mark.parametrize("source", [b"", "", b"   \n\t\r\n", " \n ", "\u3000\n"])
def test_empty_input(source: bytes | str) -> None:
    with pytest.raises(EmptyInput):
        extract(source)


def test_bom_only_is_empty_or_no_content() -> None:
    assert isinstance(outcome(b"\xef\xbb\xbf"), EmptyInput | NoContent)


@pytest.mark.parametrize(
    "source",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>>",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        b"\x1f\x8b\x08\x00" + bytes(100),
        b"PK\x03\x04\x14\x00" + bytes(100),
        b"\x7fELF\x02\x01\x01" + bytes(100),
        bytes(range(32)) * 40,
        b"<html><body><p>x" + b"\x00" * 500 + b"</p></body></html>",
    ],
    ids=["pdf", "png", "gzip", "zip", "elf", "control-bytes", "nul-heavy"],
)
def test_binary_input(source: bytes) -> None:
    with pytest.raises(BinaryInput):
        extract(source)


def test_nul_heavy_str_is_binary() -> None:
    with pytest.raises(BinaryInput):
        extract("<p>" + "\x00" * 100 + "</p>")


# --- truncated and malformed HTML --------------------------------------------------------------


@pytest.mark.parametrize(
    "cut", ['<a href="/daerah/2024', "<p>Menurut catatan petugas, ketinggian", "</article>"]
)
def test_truncated_html_gives_the_article_so_far(page: bytes, cut: str) -> None:
    data = page[: page.index(cut.encode()) + len(cut) // 2]
    result = outcome(data)
    assert isinstance(result, Article), result
    assert FIRST in result.text
    assert_consistent(result)


@pytest.mark.parametrize("size", [1, 40, 200, 600, 900, 1100])
def test_html_cut_anywhere_is_an_article_or_no_content(page: bytes, size: int) -> None:
    # Cut before or just after the first paragraph, there may be too little left to call it an
    # article: NoContent is a fair answer, but nothing else is.
    result = outcome(page[:size])
    assert isinstance(result, Article | NoContent | EmptyInput), result
    if isinstance(result, Article):
        assert_consistent(result)


@pytest.mark.parametrize(
    "damage",
    [
        (b"</p>", b""),  # no paragraph is closed
        (b"<p>", b"<p><b><i>"),  # mis-nested, never closed formatting
        (b"</div>", b"</div></span></table></div></div>"),  # stray end tags
        (b'class="detail"', b"class=detail <<<"),  # broken attributes
        (b"<article", b"<!-- unclosed comment --><![CDATA[ x ]]><article"),
        (b"</head>", b"<script>var s = '</scr' + 'ipt><p>not text</p>';</script></head>"),
    ],
    ids=["unclosed-p", "misnested", "stray-end", "bad-attrs", "comment-cdata", "script-trick"],
)
def test_malformed_html_still_reads(page: bytes, damage: tuple[bytes, bytes]) -> None:
    result = outcome(page.replace(*damage))
    assert isinstance(result, Article), result
    assert FIRST in result.text
    assert_consistent(result)


def test_unclosed_script_swallows_the_rest(page: bytes) -> None:
    data = page.replace(b'<div class="detail__body-text">', b"<script>var x = '")
    assert isinstance(outcome(data), Article | NoContent)


# --- wrong or missing charset ------------------------------------------------------------------

CAFE = "Menurut warga, kafe dan café di tepi sungai tutup. Harga naik 50 persen sejak Senin."


def _charset_page(declared: str | None, encoding: str) -> bytes:
    meta = f'<meta charset="{declared}">' if declared is not None else ""
    body = "".join(f"<p>{CAFE} {n}</p>" for n in range(6))
    html = f"<html><head>{meta}<title>Tes</title></head><body><article>{body}</article></body></html>"
    return html.encode(encoding)


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [
        ("utf-8", "cp1252"),  # declared UTF-8, really cp1252: invalid UTF-8
        ("koi8-r", "utf-8"),  # declared Cyrillic, really UTF-8
        ("no-such-charset", "utf-8"),  # unknown name
        (None, "cp1252"),  # missing
        (None, "utf-8"),
        ("utf-16", "utf-8"),  # declared UTF-16, really UTF-8 (browsers ignore this meta)
    ],
)
def test_wrong_or_missing_charset_gives_an_article(declared: str | None, encoding: str) -> None:
    result = outcome(_charset_page(declared, encoding))
    assert isinstance(result, Article), result
    assert "Harga naik 50 persen sejak Senin" in result.text
    # A charset guess that garbled the accented word must at least be flagged.
    assert "café" in result.text or result.warnings
    assert_consistent(result)


def test_wrong_http_charset_gives_an_article() -> None:
    result = outcome(_charset_page(None, "utf-8"), http_charset="shift_jis")
    assert isinstance(result, Article), result
    assert "Harga naik 50 persen" in result.text


def test_utf16_with_bom_is_not_called_binary() -> None:
    data = b"\xff\xfe" + _charset_page(None, "utf-16-le")
    result = outcome(data)
    assert isinstance(result, Article), result
    assert "Harga naik 50 persen sejak Senin" in result.text


def test_lone_surrogates_in_str_are_replaced(page: bytes) -> None:
    text = page.decode().replace("Hujan deras", "Hujan \ud800deras")
    result = outcome(text)
    assert isinstance(result, Article), result
    assert "invalid-characters" in result.warnings
    result.to_json().decode("utf-8")  # encodable: no surrogate survived


# --- a 50 MB page ------------------------------------------------------------------------------

MB = 1024 * 1024


def test_50_mb_html_is_cut_and_read(page: bytes) -> None:
    head, tail = page.split(b"</article>")
    blob = b'<script>window.__STATE__ = "' + b"A" * (50 * MB) + b'";</script>'
    result = outcome(head + b"</article>" + blob + tail)
    assert isinstance(result, Article), result
    assert FIRST in result.text
    assert result.warnings[0] == TRUNCATED


def test_50_mb_text_is_too_large() -> None:
    with pytest.raises(InputTooLarge):
        extract(b"Satu kalimat berita biasa.\n" * (2 * MB), input="text")


def test_big_str_html_is_cut_by_its_utf8_size(page: bytes) -> None:
    html = page.decode() + "<p>" + "é" * 1000 + "</p>"
    result = outcome(html, max_bytes=len(page) + 500)
    assert isinstance(result, Article), result
    assert TRUNCATED in result.warnings


def test_cut_html_splits_no_tag_and_no_character() -> None:
    data = ("<p>" + "ñ" * 50 + "</p>").encode() * 100
    for limit in (7, 100, 1001, 2048, len(data) - 1):
        cut = cut_html(data, limit)
        assert len(cut) <= limit
        cut.decode("utf-8")  # no split character
        assert data[len(cut) : len(cut) + 1] == b"<" or not cut.endswith(b"<")
    no_tags = "ñ".encode() * 100
    assert cut_html(no_tags, 51).decode("utf-8") == "ñ" * 25


# --- 100,000-deep nesting ----------------------------------------------------------------------

DEEP = 100_000


@pytest.mark.parametrize("tag", ["div", "span", "b", "blockquote", "section"])
def test_100k_deep_nesting_is_refused_before_parsing(tag: str) -> None:
    html = f"<html><body>{f'<{tag}>' * DEEP}<p>{CAFE}</p>{f'</{tag}>' * DEEP}</body></html>"
    with pytest.raises(TooDeep):
        extract(html)


@pytest.mark.parametrize("tag", ["p", "li", "a", "h2", "td"])
def test_100k_tags_the_parser_closes_are_not_deep(tag: str) -> None:
    # The parser closes each of these when the next opens, so the tree stays flat.
    html = f"<html><body>{f'<{tag}>x ' * DEEP}</body></html>"
    check_parse_cost(html)  # no TooDeep


def test_comments_and_scripts_do_not_count_as_nesting() -> None:
    html = "<body><script>" + "<div>" * DEEP + "</script><!--" + "<div>" * DEEP + "--><p>x</p>"
    check_parse_cost(html)


def test_self_closed_svg_tags_do_not_count_as_nesting() -> None:
    html = "<body>" + '<svg><path d="M0 0"/><circle r="1"/></svg>' * 30_000
    check_parse_cost(html)


def test_deep_but_allowed_nesting_has_no_python_recursion(page: bytes) -> None:
    # 5,000 levels passes the pre-scan and is far past Python's recursion limit: parse, block
    # walk and metadata must all iterate, not recurse (a RecursionError would be TooDeep).
    head, body = page.decode().split("<article")
    html = head + "<div>" * 5000 + "<article" + body.replace("</body>", "</div>" * 5000)
    result = outcome(html)
    assert isinstance(result, Article), result
    assert FIRST in result.text


def test_selectolax_handles_100k_deep_trees_without_recursing() -> None:
    # What the code above relies on: Lexbor's text(), html and traversal are iterative in C.
    tree = LexborHTMLParser("<body>" + "<span>" * DEEP + "deep text" + "</span>" * DEEP)
    assert tree.body is not None
    assert tree.body.text(strip=True) == "deep text"
    assert sum(1 for _ in tree.body.traverse()) > DEEP
    assert (tree.html or "").count("<span>") == DEEP


# --- a page that is only a listing of headlines ------------------------------------------------


def test_listing_of_headlines_is_no_content_or_flagged() -> None:
    result = outcome((BAD / "listing.html").read_bytes())
    assert isinstance(result, NoContent) or (isinstance(result, Article) and result.warnings), (
        result
    )


# --- the orchestrator's guards: errors from a step ---------------------------------------------


def _failing_step(exc: BaseException) -> Any:
    def step(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return step


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (IndexError("list index out of range"), ExtractionFailed),
        (KeyError("x"), ExtractionFailed),
        (OSError("disk"), ExtractionFailed),
        (RecursionError("maximum recursion depth exceeded"), TooDeep),
        (MemoryError(), OutOfMemory),
        (NoContent("nothing"), NoContent),
    ],
)
def test_step_errors_become_typed_errors(
    monkeypatch: pytest.MonkeyPatch, page: bytes, raised: BaseException, expected: type
) -> None:
    monkeypatch.setattr(X, "extract_body", _failing_step(raised))
    with pytest.raises(expected) as info:
        extract(page)
    if expected is not type(raised):
        assert info.value.__cause__ is raised


def test_real_recursion_in_a_step_is_too_deep(monkeypatch: pytest.MonkeyPatch, page: bytes) -> None:
    def recurse(*args: Any, **kwargs: Any) -> Any:
        return recurse(*args)

    monkeypatch.setattr(X, "extract_body", recurse)
    with pytest.raises(TooDeep):
        extract(page)


# --- the time bound ----------------------------------------------------------------------------


def _spin(*args: Any, **kwargs: Any) -> Any:
    while True:
        pass


def test_a_slow_step_times_out(monkeypatch: pytest.MonkeyPatch, page: bytes) -> None:
    monkeypatch.setattr(X, "extract_body", _spin)
    with pytest.raises(ExtractionTimeout):
        extract(page, timeout=0.05)


def test_a_step_that_swallows_the_timeout_is_stopped_again(
    monkeypatch: pytest.MonkeyPatch, page: bytes
) -> None:
    def swallow_once(*args: Any, **kwargs: Any) -> Any:
        with contextlib.suppress(Exception):
            _spin()
        _spin()

    monkeypatch.setattr(X, "extract_body", swallow_once)
    with pytest.raises(ExtractionTimeout):
        extract(page, timeout=0.05)


def test_nested_bound_keeps_the_outer_deadline() -> None:
    with pytest.raises(ExtractionTimeout, match="0.05 s"), time_limit(0.05), time_limit(60):
        _spin()


def test_inner_bound_expiring_leaves_the_outer_running() -> None:
    with time_limit(60):
        outer_handler = signal.getsignal(signal.SIGALRM)
        with pytest.raises(ExtractionTimeout, match="0.05 s"), time_limit(0.05):
            _spin()
        assert signal.getsignal(signal.SIGALRM) is outer_handler
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 60


def test_reentering_extract_inside_a_bound(page: bytes) -> None:
    with time_limit(60):
        for timeout in (10.0, 5.0):
            with contextlib.suppress(WartaError):
                extract(page, timeout=timeout)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 60


def test_callers_own_alarm_is_kept_and_served(page: bytes) -> None:
    calls: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: calls.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with time_limit(60):
            while not calls:  # the caller's timer comes due inside our bound: it is served
                pass
        assert calls == [signal.SIGALRM]
        signal.setitimer(signal.ITIMER_REAL, 30)
        with contextlib.suppress(WartaError):
            extract(page)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 30
        assert signal.getsignal(signal.SIGALRM) is not None
        assert calls == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_stray_alarm_before_the_deadline_does_not_raise() -> None:
    with time_limit(60):
        signal.raise_signal(signal.SIGALRM)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 60


def test_a_late_alarm_after_the_block_is_dropped() -> None:
    with time_limit(0.05):
        handler = signal.getsignal(signal.SIGALRM)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert callable(handler)
    handler(signal.SIGALRM, None)  # as if the alarm landed during clean-up: no ExtractionTimeout


def test_bytes_like_input_is_read_and_other_types_refused(page: bytes) -> None:
    assert type(outcome(bytearray(page))) is type(outcome(page))
    with pytest.raises(TypeError):
        extract(12345)  # type: ignore[arg-type]


def test_bad_bounds() -> None:
    with pytest.raises(ValueError):
        extract(b"<p>x</p>", timeout=-1)
    with time_limit(None), time_limit(0), time_limit(float("inf")):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
