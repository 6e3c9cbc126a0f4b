"""Choosing the block model per page: the main model, or the plain-markup one when names say little."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from warta.page.blockmodel import plain_model, shipped_model
from warta.page.content import PLAIN_MARKUP_SHARE, choose_model, extract_body, keyword_share
from warta.page.html import Block, page_blocks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

_NAMES = re.compile(r"""\b(class|id|itemprop|role)=(["'])(.*?)\2""")


def _hash_names(html: str) -> str:
    """Every class, id, itemprop and role token made opaque (as CSS modules or minifiers print them)."""

    def opaque(m: re.Match[str]) -> str:
        tokens = " ".join(f"z{zlib.crc32(t.encode())}" for t in m.group(3).split())
        return f"{m.group(1)}={m.group(2)}{tokens}{m.group(2)}"

    return _NAMES.sub(opaque, html)


def _blocks(html: str) -> list[Block]:
    return page_blocks(LexborHTMLParser(html))


def test_keyword_share_counts_blocks_under_a_class_or_id_keyword() -> None:
    html = (
        "<body><div class='entry-content'><p>One</p><p>Two</p></div>"
        "<div class='x1'><p>Three</p></div><p>Four</p></body>"
    )
    assert keyword_share(_blocks(html)) == 0.5
    assert keyword_share([]) == 0.0


def test_named_page_is_read_with_the_main_model() -> None:
    html = (FIXTURES / "news_article.html").read_text(encoding="utf-8")
    blocks = _blocks(html)
    assert keyword_share(blocks) >= PLAIN_MARKUP_SHARE
    assert choose_model(blocks) is shipped_model()


def test_page_with_opaque_names_is_read_with_the_plain_model() -> None:
    html = _hash_names((FIXTURES / "news_article.html").read_text(encoding="utf-8"))
    blocks = _blocks(html)
    assert keyword_share(blocks) == 0.0
    assert choose_model(blocks) is plain_model()
    assert plain_model() is not shipped_model()
    # The plain model reads the same columns and still finds the article.
    text = "\n".join(p.text for p in extract_body(LexborHTMLParser(html)).paragraphs)
    assert "Badan Pusat Statistik mencatat" in text
    assert "Situs ini memakai cookie" not in text
