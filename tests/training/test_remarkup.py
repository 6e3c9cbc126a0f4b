"""The page transforms that stand in for markup the block classifier never saw."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from training.remarkup import (
    SEMANTIC_TAGS,
    TRANSFORMS,
    both,
    no_semantic_tags,
    opaque_names,
    opaque_token,
)
from warta.page.html import KEYWORDS, page_blocks

PAGE = b"""<!doctype html><html><head><meta charset="iso-8859-1"><title>T</title></head><body>
<HEADER class="site-header" id=top role="banner"><NAV class='main-nav menu'><a href="/">Home</a></NAV></HEADER>
<main id="main"><article class="post entry" itemprop="articleBody" data-x="keep">
<time datetime="2015-01-01">1 Jan 2015</time><h1 class="headline">Caf\xe9 story</h1>
<section class="story-body"><p class="text">First paragraph of the story, long enough.</p>
<figure class="photo"><img src="a.jpg" alt="x > y"><figcaption aria-hidden="true">Photo</figcaption></figure>
<p class="text" style="color:red">Second paragraph.</p></section></article>
<aside class="sidebar widget"><p>Popular</p></aside></main>
<footer class="footer"><p>Copyright</p></footer>
<headers class="x">custom tag kept</headers><timeline>kept too</timeline>
<script>var s = '<article class="post">';</script>
</body></html>"""


def _tags(html: bytes) -> list[str]:
    tree = LexborHTMLParser(html.decode("latin-1"))
    assert tree.body is not None
    return [node.tag for node in tree.body.traverse() if node.tag and not node.tag.startswith("-")]


def _texts(html: bytes) -> list[str]:
    tree = LexborHTMLParser(html.decode("latin-1"))
    return [b.text for b in page_blocks(tree)]


def test_no_semantic_tags_leaves_divs_with_their_attributes() -> None:
    out = no_semantic_tags(PAGE)
    tags = _tags(out)
    assert not set(tags) & set(SEMANTIC_TAGS)
    assert tags.count("div") == 10
    assert {"headers", "timeline", "h1", "p", "img"} <= set(tags)  # look-alike and other tags stay
    assert b'<div class="site-header" id=top role="banner">' in out
    assert b"</div>" in out and b"</HEADER>" not in out
    assert b'<meta charset="iso-8859-1">' in out and b"Caf\xe9" in out  # the rest byte for byte


def test_opaque_names_hides_every_class_and_id() -> None:
    out = opaque_names(PAGE)
    tree = LexborHTMLParser(out.decode("latin-1"))
    names = [n.attributes.get("class") for n in tree.css("[class]")]
    names += [n.attributes.get("id") for n in tree.css("[id]")]
    assert len(names) == 13
    for value in names:
        assert value and all(w.startswith("z") and w[1:].isdigit() for w in value.split())
    assert not tree.css("[role], [itemprop], [aria-hidden]")
    # The same name gives the same token; a class list keeps one token a class.
    first, second = (n.attributes["class"] for n in tree.css("section p"))
    assert first == second == opaque_token(b"text").decode()
    assert (
        tree.css_first("article").attributes["class"]
        == f"{opaque_token(b'post').decode()} {opaque_token(b'entry').decode()}"
    )
    assert b'data-x="keep"' in out and b'alt="x > y"' in out and b'style="color:red"' in out
    assert b"<article" in out  # tags are T1's business


def test_opaque_tokens_spell_no_keyword() -> None:
    tree = LexborHTMLParser(opaque_names(PAGE).decode("latin-1"))
    assert all(b.hits == 0 and b.near == 0 for b in page_blocks(tree))
    before = LexborHTMLParser(PAGE.decode("latin-1"))
    assert any(b.hits for b in page_blocks(before))
    assert KEYWORDS  # the groups the hits are bits of


def test_transforms_keep_the_text() -> None:
    for transform in TRANSFORMS.values():
        assert " ".join(_texts(transform(PAGE))).split() == " ".join(_texts(PAGE)).split()
    assert both(PAGE) == opaque_names(no_semantic_tags(PAGE))
    assert set(TRANSFORMS) == {"T1", "T2", "T3"}


def test_broken_tags_do_not_hang_and_stray_quotes_are_names() -> None:
    broken = b"<div " + b"a" * 5000 + b' class="x' + b"<p class=" * 200
    assert no_semantic_tags(broken) == broken
    assert opaque_names(broken).startswith(b"<div ")
    out = opaque_names(b'<img class="brand"" alt="b"><p>x</p>')
    assert b'class="' + opaque_token(b"brand") + b'"' in out and b'alt="b"' in out
