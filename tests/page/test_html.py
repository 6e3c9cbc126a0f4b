"""The DOM walk: blocks, links, skipped and hidden subtrees, custom tags, class/id keywords."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.page.html import KEYWORDS, _attr_bits, _keyword_bits, page_blocks


def _bit(name: str) -> int:
    return 1 << KEYWORDS.index(name)


@pytest.mark.parametrize(
    ("cls", "ident", "role", "itemprop"),
    [
        ("article-body col-md-8", "main", None, "articleBody"),
        ("Read-More\tpost-list", None, "navigation", None),
        ("ad head", "readmore", None, None),  # "ad" only as a whole token, not inside "head"
        ("\u212aomentar sidebar", None, None, None),  # the Kelvin sign lowercases to "k"
        ("x\u00a0ad\u2003nav", None, "banner", None),  # Unicode spaces split chunks too
        ("", "", "", ""),
        ("sr-only visually-hidden", "cookie-consent", "complementary", "headline"),
    ],
)
def test_attribute_bits_are_those_of_the_joined_string(
    cls: str | None, ident: str | None, role: str | None, itemprop: str | None
) -> None:
    joined = " ".join(v for v in (cls, ident, role, itemprop) if v)
    assert _attr_bits(cls, ident, role, itemprop) == _keyword_bits(joined)


def test_keyword_bits_match_words_and_tokens() -> None:
    assert _attr_bits("ad", None, None, None) & _bit("ad")
    assert not _attr_bits("head", None, None, None) & _bit("ad")
    assert _attr_bits("site-footer", None, None, None) & _bit("footer")
    assert _attr_bits(None, None, None, "articleBody") & _bit("content")


def test_walk_reads_blocks_links_and_skips_what_is_never_text() -> None:
    html = """<html><body>
      <nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
      <my-widget class="share"><p>Share this</p></my-widget>
      <article><h1>Title here</h1>
        <p>First <b>paragraph</b> with <a href="/x">a link</a>.</p>
        <script>var x = "<p>not text</p>";</script>
        <div style="display: none">Hidden text</div><div hidden>Also hidden</div>
        <x-note>Custom <x-em>inline</x-em> text</x-note><br>After break
        <table><tr><td>a</td><td>b</td></tr></table>
        <ul><li>One</li><li><p>Two</p></li></ul>
        <pre>  code
   line</pre>
      </article></body></html>"""
    blocks = page_blocks(LexborHTMLParser(html))
    texts = [b.text for b in blocks]
    assert texts == [
        "Home News",
        "Share this",
        "Title here",
        "First paragraph with a link.",
        "Custom inline text",
        "After break",
        "a | b",
        "One",
        "Two",
        "code\n   line",
    ]
    kinds = [b.kind for b in blocks]
    assert kinds[2] == "heading" and kinds[6] == "table" and kinds[7:9] == ["list_item"] * 2
    assert kinds[9] == "code"
    nav, share, _, first = blocks[:4]
    assert nav.links == [("Home", "/"), ("News", "/news")] and nav.link_chars == len("HomeNews")
    assert nav.hits & _bit("nav") and share.near & _bit("share")
    assert first.links == [("a link", "/x")]
    assert [b.index for b in blocks] == list(range(len(blocks)))
    # Blocks of one container share its element id at the same place on their paths.
    assert blocks[7].path[1] == blocks[8].path[2]


def test_walk_handles_custom_tags_named_like_standard_ones_differently_per_page() -> None:
    # Lexbor numbers non-standard tags per document: the same tag must read the same on each page.
    one = page_blocks(LexborHTMLParser("<body><foo-a><p>x</p></foo-a><foo-b>y</foo-b></body>"))
    two = page_blocks(LexborHTMLParser("<body><foo-b><p>x</p></foo-b><foo-a>y</foo-a></body>"))
    assert [b.text for b in one] == [b.text for b in two] == ["x", "y"]
    assert [b.tag for b in one] == ["p", "body"] and [b.tag for b in two] == ["p", "body"]


def test_walk_of_a_page_without_body_text() -> None:
    assert (
        page_blocks(LexborHTMLParser("<html><head><title>T</title></head><body> </body></html>"))
        == []
    )


def test_text_nodes_have_the_fixed_text_tag_id() -> None:
    from warta.page.html import _TEXT_TAG_ID

    tree = LexborHTMLParser("<body><p>text<!-- note --><b>bold</b></p></body>")
    paragraph = tree.css_first("p")
    assert paragraph is not None and paragraph.child is not None
    assert paragraph.child.tag == "-text" and paragraph.child.tag_id == _TEXT_TAG_ID
    assert paragraph.child.next is not None and paragraph.child.next.tag_id != _TEXT_TAG_ID


@pytest.mark.parametrize(
    ("html", "texts"),
    [
        # Leading whitespace-only text nodes are dropped, HTML whitespace or not ...
        ("<div> \n\t<p>\u00a0 \u2003</p><p> x </p></div>", ["x"]),
        # ... while whitespace between inline elements of a block is kept as one space.
        ("<p><b>a</b> \n <i>b</i>\u00a0<u>c</u></p>", ["a b c"]),
        ("<p>\r\n</p><p>\f<span> </span>y</p>", ["y"]),
    ],
)
def test_whitespace_text_nodes(html: str, texts: list[str]) -> None:
    assert [b.text for b in page_blocks(LexborHTMLParser(f"<body>{html}</body>"))] == texts


def test_lexbor_text_nodes_have_the_tag_id_the_walk_expects() -> None:
    from warta.page.html import _TEXT_TAG_ID

    paragraph = LexborHTMLParser("<p>x</p>").css_first("p")
    assert paragraph is not None and paragraph.child is not None
    assert paragraph.child.tag_id == _TEXT_TAG_ID


def test_long_attribute_strings_are_read_but_not_kept_in_the_caches() -> None:
    from warta.page.html import _cached_attr_bits, _chunk_bits

    long_class = "footer " + "x" * 5000
    before = _cached_attr_bits.cache_info().currsize, _chunk_bits.cache_info().currsize
    assert _attr_bits(long_class, None, None, None) & _bit("footer")
    after = _cached_attr_bits.cache_info().currsize, _chunk_bits.cache_info().currsize
    assert after[0] == before[0]  # the whole key is not memoised
    assert after[1] <= before[1] + 1  # only the short chunk "footer" may be
