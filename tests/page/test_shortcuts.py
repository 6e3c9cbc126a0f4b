"""The faster paths of the page steps give exactly what the plain code they replace gives."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.article import Paragraph
from warta.page.features import _TAG_GROUP, BASE_FEATURES, FACT_COLUMNS, block_facts, block_features
from warta.page.features_extra import _article_hrefs, _is_article_href
from warta.page.html import PATH_LEN, Block, page_blocks
from warta.page.jsonld import parse_blocks
from warta.page.text import _key, repair_paragraphs
from warta.page.unicode import normalise_text, normalise_texts

_COL = {name: i for i, name in enumerate(BASE_FEATURES)}


def _random_href(rng: random.Random) -> str | None:
    if rng.random() < 0.05:
        return None
    alphabet = "ab-/?#.12345\n\u0663\u0664é"  # with Arabic-Indic digits, which \d also takes
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))


@pytest.mark.parametrize("seed", range(4))
def test_article_hrefs_judge_like_one_by_one(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        hrefs = {_random_href(rng) for _ in range(rng.randint(0, 40))}
        assert _article_hrefs(hrefs) == {href: _is_article_href(href) for href in hrefs}


def test_article_hrefs_examples() -> None:
    hrefs = {
        "https://x.id/news/12345",
        "https://x.id/a/b-c-d-e?id=1",
        "https://x.id/a/b-c-d-e/",
        "https://x.id/menu-a-b/top",
        "https://x.id/p?id=1234\n5",
        "https://x.id/\u0661\u0662\u0663\u0664\u0665",
        "",
        None,
    }
    assert _article_hrefs(hrefs) == {
        "https://x.id/news/12345": True,
        "https://x.id/a/b-c-d-e?id=1": True,
        "https://x.id/a/b-c-d-e/": True,
        "https://x.id/menu-a-b/top": False,
        "https://x.id/p?id=1234\n5": False,
        "https://x.id/\u0661\u0662\u0663\u0664\u0665": True,
        "": False,
        None: False,
    }


def test_block_facts_are_the_row_tuples() -> None:
    html = (
        "<body><div class='content'><h1>Judul</h1><p>Satu <a href='/a-b-c-d'>dua</a> tiga.</p>"
        "<ul><li>x</li><li><a href='/1'>y</a> <a href='/2'>z</a></li></ul>"
        + "<div>" * 12 + "<p>deep text here</p>" + "</div>" * 12
        + "<table><tr><td>a</td><td>b</td></tr></table></div></body>"
    )
    blocks = page_blocks(LexborHTMLParser(html))
    pad = (-1,) * PATH_LEN
    expected = np.array(
        [
            (b.words, b.chars, b.link_chars, len(b.links), b.depth, _TAG_GROUP.get(b.tag, 13),
             b.anc, b.hits, b.near, *(b.path + pad)[:PATH_LEN])
            for b in blocks
        ],
        dtype=np.int64,
    )  # fmt: skip
    facts = block_facts(blocks)
    assert facts.dtype == np.int64
    assert facts.shape == (len(blocks), len(FACT_COLUMNS))
    np.testing.assert_array_equal(facts, expected)
    assert block_facts([]).shape == (0, len(FACT_COLUMNS))


def _blocks(*texts: str) -> list[Block]:
    return page_blocks(LexborHTMLParser("<body>" + "".join(f"<p>{t}</p>" for t in texts) + "</body>"))


def test_bar_and_bullet_column_matches_the_plain_test() -> None:
    texts = ["Home | News", "Berita » Daerah", "a › b", "• satu", "naïve | café", "plain text", "caf\u00e9 only"]
    blocks = _blocks(*texts)
    column = block_features(blocks, None)[:, _COL["pipe_or_bullet"]].tolist()
    assert column == [float(any(c in t for c in "|»›•")) for t in texts]


def test_title_column_matches_the_plain_test() -> None:
    title = "Harga Beras Naik di Pasar Induk"
    texts = ["Harga Beras Naik di Pasar Induk", "Harga Beras Naik", "Beras", "Pasar Induk", "Naik di",
             "Harga beras naik di pasar induk hari ini kata pedagang", "İndonesia naik"]  # fmt: skip
    blocks = _blocks(*texts)
    key = " ".join(title.lower().split())
    expected = [
        float(b.words >= 2 and (b.text.lower() == key or (b.chars > 15 and b.text.lower() in key)))
        for b in blocks
    ]
    assert block_features(blocks, title)[:, _COL["is_title"]].tolist() == expected
    assert expected[:2] == [1.0, 1.0]


def test_repaired_paragraphs_have_single_inner_spaces() -> None:
    raw = ["Satu  dua", " tiga empat ", "lima\tenam", "tujuh\u00a0delapan", "sembilan\u2028sepuluh", "ok ok"]
    out = repair_paragraphs([Paragraph(text * 3) for text in raw]).paragraphs
    for para in out:
        assert para.text == " ".join(para.text.split())
    assert out[-1].text == "ok okok okok ok"


def test_every_whitespace_character_but_space_is_unprintable() -> None:
    # What the shortcut in repair_paragraphs relies on.
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


@pytest.mark.parametrize("seed", range(3))
def test_normalise_texts_equal_one_by_one(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["abc", "é", "e\u0301", "\u00a0", "ﬁ", "Ã©", "\u200b", " ", "–", "\u201c", "x"]
    for _ in range(200):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 6))]
        assert normalise_texts(texts) == [normalise_text(t) for t in texts]


def test_text_key_is_the_word_runs() -> None:
    for text in ["", "Hello,  World!", "Straße GROSS ǅ", "a_b 3,14", "日本語、テキスト。", None]:
        assert _key(text) == " ".join(re.findall(r"\w+", (text or "").casefold()))


def test_jsonld_scripts_are_chosen_by_type_in_any_case() -> None:
    page = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "a"}</script>'
        '<script type="Application/LD+JSON; charset=utf-8">{"@type": "Person", "name": "b"}</script>'
        '<script type="text/javascript">{"@type": "Thing", "name": "c"}</script>'
        '<script>{"@type": "Thing", "name": "d"}</script>'
    )
    nodes = parse_blocks(LexborHTMLParser(page))
    assert [node.get("headline") or node.get("name") for node in nodes] == ["a", "b"]


def test_no_other_character_lower_cases_into_ld_json() -> None:
    # What the case-insensitive selector in parse_blocks relies on to pick what ``.lower()`` did.
    assert [c for c in range(128, 0x110000) if set(chr(c).lower()) & set("ld+json")] == []
