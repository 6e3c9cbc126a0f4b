"""The compiled DOM walk (warta.page._cwalk) gives exactly the Python walk's blocks, and its guard."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from warta.page import html as H

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

cwalk = pytest.importorskip("warta.page._cwalk", reason="the compiled walk is not built")


def _facts(blocks: list[H.Block]) -> list[tuple[object, ...]]:
    return [tuple(getattr(block, name) for name in H.Block.__slots__) for block in blocks]


def _walker() -> Any:
    # A walker of its own: the tests must not depend on (or fill) the module's memo.
    return cwalk.Walker(H)


def _assert_same(tree: LexborHTMLParser) -> list[H.Block]:
    walker = _walker()
    for root in (tree.body, tree.root, tree.head):
        expected = H._walk(root)
        assert _facts(walker(root)) == _facts(expected)
        assert _facts(walker(root)) == _facts(expected)  # a second time: with the memo filled
    return H._walk(tree.body)


def _html_fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz")))


def test_fixtures_exist() -> None:
    assert len(_html_fixtures()) >= 5


@pytest.mark.parametrize("path", _html_fixtures(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_same_blocks_on_every_html_fixture(path: Path) -> None:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    blocks = _assert_same(LexborHTMLParser(data))
    assert blocks or path.parent.name == "bad"


def test_the_module_uses_the_compiled_walk_here() -> None:
    # Built, on the selectolax version its structs were copied from, and checked at import.
    import selectolax

    if selectolax.__version__ != cwalk.LAYOUT_VERSION:
        assert not H.COMPILED_WALK and "selectolax" in H.COMPILED_WALK_STATUS
    else:
        assert H.COMPILED_WALK, H.COMPILED_WALK_STATUS
        assert H.COMPILED_WALK_STATUS == "compiled"


def test_page_blocks_dispatches_on_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = LexborHTMLParser("<body><div class=content><p>One <a href=/x>two</a></p></div></body>")
    calls: list[str] = []
    real = H._walk

    def python_walk(root: object) -> list[H.Block]:
        calls.append("python")
        return real(root)  # type: ignore[arg-type]

    monkeypatch.setattr(H, "_walk", python_walk)
    compiled = H.page_blocks(tree)
    assert calls == ([] if H.COMPILED_WALK else ["python"])
    monkeypatch.setattr(H, "COMPILED_WALK", False)
    python = H.page_blocks(tree)
    assert calls[-1:] == ["python"]
    assert _facts(compiled) == _facts(python)
    assert [b.text for b in python] == ["One two"]


def test_fallback_when_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.page

    monkeypatch.setitem(sys.modules, "warta.page._cwalk", None)  # import raises ImportError
    monkeypatch.delattr(warta.page, "_cwalk", raising=False)
    walker, why = H._load_compiled_walk()
    assert walker is None and why.startswith("not built")


def test_fallback_on_another_selectolax(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cwalk, "LAYOUT_VERSION", "0.0.1")
    walker, why = H._load_compiled_walk()
    assert walker is None and "layout for 0.0.1" in why


def test_fallback_when_the_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cwalk, "check", lambda walker, python_walk: "probe page 0: blocks differ")
    assert H._load_compiled_walk() == (None, "probe page 0: blocks differ")

    def broken(walker: object, python_walk: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cwalk, "check", broken)
    walker, why = H._load_compiled_walk()
    assert walker is None and "boom" in why


def test_the_check_compares_blocks_and_nodes() -> None:
    assert cwalk.check(_walker(), H._walk) is None
    assert cwalk.check(_walker(), lambda root: []) == "probe page 0: blocks differ"
    tree = LexborHTMLParser(cwalk.PROBE_PAGES[0])
    nodes = cwalk.probe_nodes(tree.root)
    assert len(nodes) > 100
    by_tag = {node[5]: node for node in nodes}
    assert by_tag["my-custom-element-with-a-long-name"][7][1] == "widget"  # per-document tag
    article = by_tag["article"][7]
    assert article[0] is True and article[4] == "articleBody"  # itemprop: a per-document name


def test_deep_nesting_is_iterative() -> None:
    # 100,000 open elements (inline ones: Lexbor parses deep block nesting in quadratic time),
    # with a paragraph every 1,000 levels.
    page = "".join(f"<div><p>level {i}</p>" if i % 1000 == 0 else "<span>" for i in range(100_000))
    blocks = _assert_same(LexborHTMLParser(page))
    assert len(blocks) == 100
    assert blocks[-1].depth > 99_000


def test_malformed_and_hostile_pages() -> None:
    huge = "c" * 1_000_000
    pages = [
        b"",
        b"\x00\x01\x02 binary \xff\xfe\xfd",
        b"<p>bad \xff utf8 <a href='\xfe'>l\xc3</a>",
        b"</p></div><p><p><td>x</td><tr>y<li>z</ul></table>",
        b"<a href=1><a href=2>nested</a></a><a>no href <b>bold</b></a>",
        b"<!-- only a comment -->",
        b"<template><p>in a template</p></template><p>after</p>",
        b"<table><td>1<td>2<td><table><td>inner</table></table>",
        b"<pre>\n  keep  \n\n   spaces\n</pre><pre></pre>",
        f"<div class='{huge}' id='{huge}'><p>huge attributes</p></div>".encode(),
        f"<p style='{huge}display:none'>styled</p><p style='x' hidden=''>hid</p>".encode(),
        f"<p>{huge}</p>".encode(),
        b"<svg><a xlink:href=/s>svg</a></svg><math><mi>m</mi></math><p>end</p>",
        b"<p>&nbsp;&#0;&#xD800;&amp;</p>\xc2\xa0\xe2\x80\x83<p>\x0b\x1c</p>",
    ]
    for page in pages:
        _assert_same(LexborHTMLParser(page))


def test_empty_text_nodes_and_comments_made_through_the_api() -> None:
    tree = LexborHTMLParser("<body><p>a</p></body>")
    body = tree.body
    assert body is not None
    body.insert_child("")
    empty = body.last_child
    assert empty is not None and empty.text_content == ""
    body.insert_child("  ")
    _assert_same(tree)


def test_long_attributes_are_not_memoised() -> None:
    walker = cwalk.Walker(H)
    huge = "nav " * 1000
    tree = LexborHTMLParser(f"<div class='{huge}'><p>a</p></div><div class=nav><p>b</p></div>")
    first, second = walker(tree.body)
    assert first.hits == second.hits != 0
    assert walker.memo_size == 1  # "nav" only: a long key is scanned, not kept


# Tag soup from the pieces the walk cares about.
_TAGS = (
    "div p span a b li ul td tr table pre blockquote h2 article nav footer aside section br img "
    "script style template noscript select button svg my-widget x-a-very-long-custom-tag-name "
    "code em dl dt dd figure figcaption form header main iframe"
).split()
_ATTRS = st.sampled_from([
    "", " class=content", " class='nav menu'", " id=main", " role=navigation", " hidden",
    " itemprop=articleBody", " style='display: none'", " style='color: red'", " href=/x",
    " href", " class", " CLASS=Sidebar", " data-some-long-attribute-name=1", " class=''",
    " class='\xff\xfe'", " id=a id=b", " xlink:href=/y", " itemprop", " role",
])  # fmt: skip
_TEXT = st.sampled_from([
    "word", "two words", " ", "\n  ", "", "\xa0", "\u2003x", "&amp;", "\x1c", "line\nbreak",
    "\xff\xfe", "\xc3", "é", "日本語", "<!-- c -->", "<!doctype html>", "&#0;",
])  # fmt: skip


@st.composite
def _soup(draw: st.DrawFn) -> bytes:
    out: list[bytes] = []
    open_tags: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        action = draw(st.integers(0, 3))
        if action == 0:
            tag = draw(st.sampled_from(_TAGS))
            out.append(f"<{tag}{draw(_ATTRS)}>".encode("latin-1"))
            open_tags.append(tag)
        elif action == 1 and open_tags:
            out.append(f"</{open_tags.pop()}>".encode())
        elif action == 2:
            out.append(f"</{draw(st.sampled_from(_TAGS))}>".encode())
        else:
            out.append(draw(_TEXT).encode("latin-1", errors="ignore") or b"\xe6\x97\xa5")
    return b"".join(out)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(_soup())
def test_same_blocks_on_generated_html(page: bytes) -> None:
    _assert_same(LexborHTMLParser(page))


@settings(max_examples=100, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_same_blocks_on_random_bytes(page: bytes) -> None:
    _assert_same(LexborHTMLParser(page))
