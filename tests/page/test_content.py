"""Main-content extraction: the DOM walk into blocks, the shipped classifier, the post-processing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.page.blockmodel import TreeEnsemble, shipped_model
from warta.page.content import extract_body, stage_one_features
from warta.page.features import BASE_FEATURES, CONTEXT_FEATURES, block_features
from warta.page.features_extra import EXTRA_FEATURES, extra_features
from warta.page.html import A_LINK, A_NAV, KEYWORDS, page_blocks, page_title

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def _tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


@pytest.fixture(scope="module")
def article_body():  # type: ignore[no-untyped-def]
    html = (FIXTURES / "news_article.html").read_text(encoding="utf-8")
    return extract_body(_tree(html))


# --- blocks -------------------------------------------------------------------------------------


def test_blocks_split_at_block_elements_and_keep_inline_text_together() -> None:
    blocks = page_blocks(
        _tree("<body><p>One <b>bold</b> <a href='/x'>link</a>.</p><div>Two<br>Three</div></body>")
    )
    assert [(b.tag, b.text) for b in blocks] == [
        ("p", "One bold link."),
        ("div", "Two"),
        ("div", "Three"),
    ]
    first = blocks[0]
    assert first.link_chars == len("link")
    assert first.links == [("link", "/x")]
    assert first.words == 3


def test_blocks_skip_scripts_styles_controls_and_hidden_elements() -> None:
    html = (
        "<body><script>var a = 1;</script><style>p{}</style><noscript>Enable JS</noscript>"
        "<p>Visible text.</p><div hidden>Hidden one</div><div style='display: none'>Hidden two</div>"
        "<select><option>Choice</option></select><svg><text>Drawn</text></svg></body>"
    )
    assert [b.text for b in page_blocks(_tree(html))] == ["Visible text."]


def test_block_kinds_tables_and_preformatted_text() -> None:
    html = (
        "<body><h2>Heading</h2><ul><li>Item <i>one</i></li></ul><blockquote>Quoted</blockquote>"
        "<pre>line 1\n  line 2</pre><table><tr><th>A</th><td>B </td></tr></table></body>"
    )
    blocks = page_blocks(_tree(html))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Heading"),
        ("list_item", "Item one"),
        ("quote", "Quoted"),
        ("code", "line 1\n  line 2"),
        ("table", "A | B"),
    ]


def test_blocks_record_ancestors_and_class_keywords() -> None:
    html = (
        "<body><nav class='site-menu'><a href='/'>Home</a></nav>"
        "<div id='sidebar-widget'><p>Side text</p></div><div class='header'><p>Top</p></div></body>"
    )
    nav, side, top = page_blocks(_tree(html))
    assert nav.anc & A_NAV and nav.link_chars == len("Home")
    assert nav.hits & (1 << KEYWORDS.index("nav"))
    assert side.hits & (1 << KEYWORDS.index("side"))
    # "ad" only counts as a whole token: it must not fire inside "header".
    assert not top.hits & (1 << KEYWORDS.index("ad"))
    assert top.hits & (1 << KEYWORDS.index("header"))
    assert side.path[1] != top.path[1]


def test_deep_nesting_does_not_recurse() -> None:
    # Far past Python's recursion limit; 100,000 works too but Lexbor's parse alone then takes ~15 s.
    depth = 10_000
    html = "<body>" + "<div>" * depth + "<p>Deep text here.</p>" + "</div>" * depth + "</body>"
    tree = _tree(html)
    blocks = page_blocks(tree)
    assert [b.text for b in blocks] == ["Deep text here."]
    body = extract_body(tree)  # must not raise
    assert all(p.text == "Deep text here." for p in body.paragraphs)


def test_blocks_inside_a_link_are_link_text() -> None:
    (block,) = page_blocks(_tree("<body><a href='/story'><h3>A headline here</h3></a></body>"))
    assert block.anc & A_LINK
    assert block.links == [("A headline here", "/story")]


def test_page_title_prefers_og_title() -> None:
    html = (
        "<head><title>Story - Site</title><meta property='og:title' content=' Story '></head>"
    )
    assert page_title(_tree(html)) == "Story"
    assert page_title(_tree("<title> Only  title </title>")) == "Only title"
    assert page_title(_tree("<p>none</p>")) is None


def test_features_have_the_shipped_columns() -> None:
    blocks = page_blocks(_tree("<body><p>A sentence, with words.</p><a href='/'>Home</a></body>"))
    x = block_features(blocks, "A title")
    assert x.shape == (2, len(BASE_FEATURES))
    assert np.isfinite(x).all()
    model = shipped_model()
    assert model.names in (
        list(BASE_FEATURES) + list(CONTEXT_FEATURES),
        list(BASE_FEATURES) + list(EXTRA_FEATURES) + list(CONTEXT_FEATURES),
    )
    assert stage_one_features(blocks, "A title", model).shape == (2, model.stage1.n_features)


def test_extra_features_locate_prose_repeats_and_headline_links() -> None:
    prose = "<p>" + "A long sentence of plain prose words " * 4 + "ends here.</p>"
    html = (
        "<body><a href='/'>Home</a>" + prose + "<p>Short line</p>" + prose
        + "<p><a href='/news/2024/city-council-votes-on-budget'>Council votes</a></p>"
        "<a href='/'>Home</a></body>"
    )  # fmt: skip
    blocks = page_blocks(_tree(html))
    x = extra_features(blocks)
    col = {name: i for i, name in enumerate(EXTRA_FEATURES)}
    assert x.shape == (6, len(EXTRA_FEATURES))
    assert x[:, col["is_prose"]].tolist() == [0, 1, 0, 1, 0, 0]
    assert x[0, col["prose_before"]] == 0 and x[0, col["prose_after"]] == 1
    assert x[5, col["prose_before"]] == 1 and x[5, col["prose_after"]] == 0
    # "Short line" sits one block from prose on either side; the last "Home" three blocks after.
    assert x[2, col["log_gap_prev_prose"]] == pytest.approx(np.log(2))
    assert x[5, col["log_gap_prev_prose"]] == pytest.approx(np.log(3))
    assert x[5, col["log_gap_next_prose"]] == pytest.approx(np.log1p(1000))
    assert x[0, col["log_repeats"]] == pytest.approx(np.log(2)) and x[2, col["log_repeats"]] == 0
    assert x[4, col["article_link_share"]] == 1 and x[0, col["article_link_share"]] == 0


# --- the model ----------------------------------------------------------------------------------


def test_tree_ensemble_walks_each_row_to_its_leaf() -> None:
    # One tree: x0 <= 0.5 ? (x1 <= 2 ? -1 : +1) : +3. Node ids: 0 root, 1 inner, 2..4 leaves.
    inf = np.inf
    tree = TreeEnsemble(
        roots=np.array([0]),
        feature=np.array([0, 1, 0, 0, 0]),
        threshold=np.array([0.5, 2.0, inf, inf, inf]),
        left=np.array([1, 2, 2, 3, 4]),
        right=np.array([4, 3, 2, 3, 4]),
        value=np.array([0.0, 0.0, -1.0, 1.0, 3.0]),
        baseline=0.25,
        depth=2,
        n_features=2,
    )
    x = np.array([[0.0, 1.0], [0.0, 5.0], [1.0, 0.0]], dtype=np.float32)
    assert tree.decision(x).tolist() == [-0.75, 1.25, 3.25]
    assert tree.proba(np.zeros((0, 2))).shape == (0,)
    with pytest.raises(ValueError):
        tree.decision(np.zeros((1, 3)))


# --- the body -----------------------------------------------------------------------------------


def test_article_body_keeps_lead_and_last_paragraphs(article_body) -> None:  # type: ignore[no-untyped-def]
    texts = [p.text for p in article_body.paragraphs]
    assert texts[0].startswith("JAKARTA, Kabar Kota - Harga beras medium") or any(
        t.startswith("JAKARTA, Kabar Kota - Harga beras medium") for t in texts[:3]
    )
    assert any(t.startswith("Badan Pusat Statistik mencatat") for t in texts)
    assert any(t.startswith("Dinas Ketahanan Pangan") for t in texts)


def test_article_body_drops_chrome(article_body) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(p.text for p in article_body.paragraphs)
    for chrome in (
        "Beranda",
        "Situs ini memakai cookie",
        "Facebook",
        "Semoga harga cepat turun",
        "Jadwal Kereta Mudik",
        "Daftar newsletter",
        "Hak cipta",
        "Teks tersembunyi",
        "Berita Terkait",
        "window.dataLayer",
    ):
        assert chrome not in text, chrome


def test_article_body_drops_title_heading(article_body) -> None:  # type: ignore[no-untyped-def]
    assert "Harga Beras Naik di Pasar Tradisional Jakarta" not in [
        p.text for p in article_body.paragraphs
    ]


def test_related_links_leave_the_body(article_body) -> None:  # type: ignore[no-untyped-def]
    titles = {(r.title, r.url) for r in article_body.related_links}
    assert ("Bulog Pastikan Stok Beras Aman Hingga Lebaran", "/ekonomi/2024/03/04/stok-beras-bulog-aman") in titles
    assert ("Harga Cabai Rawit Turun Jelang Ramadan", "/ekonomi/2024/03/01/harga-cabai-turun") in titles
    text = "\n".join(p.text for p in article_body.paragraphs)
    assert "Baca juga" not in text
    assert "Harga Cabai Rawit" not in text


def test_paragraph_kinds(article_body) -> None:  # type: ignore[no-untyped-def]
    kinds = {p.text: p.kind for p in article_body.paragraphs}
    assert kinds["Pemerintah siapkan operasi pasar"] == "heading"
    assert kinds["Pasar Koja di Jakarta Utara"] == "list_item"
    assert kinds["Medium | Rp 12.000 | Rp 13.500"] == "table"
    quote = [k for t, k in kinds.items() if t.startswith("Kami tidak ingin masyarakat panik")]
    assert quote == ["quote"]


def test_listing_page_yields_no_paragraphs() -> None:
    items = "".join(
        f"<li class='item'><a href='/news/{i}'>Headline number {i} about the city council budget"
        f" vote</a><span class='date'>5 March</span></li>"
        for i in range(30)
    )
    html = (
        "<html><head><title>News - Site</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h1>Latest news</h1><ul class='news-list'>{items}</ul></main></body></html>"
    )
    body = extract_body(_tree(html))
    words = sum(len(p.text.split()) for p in body.paragraphs)
    assert words < 30
    assert "no-main-content" in body.warnings


def test_empty_page() -> None:
    body = extract_body(_tree("<html><body>  </body></html>"))
    assert body.paragraphs == [] and body.warnings == ["no-text"]


def test_a_sentence_starting_like_a_cue_stays_in_the_body() -> None:
    from warta.page.content import _is_related_cue

    (prose,) = page_blocks(_tree("<p>Related to the budget, the minister said spending would rise.</p>"))
    (cue,) = page_blocks(_tree("<p>Baca juga: <a href='/x'>Harga cabai turun lagi</a></p>"))
    (label,) = page_blocks(_tree("<h3>Related articles</h3>"))
    assert not _is_related_cue(prose)
    assert _is_related_cue(cue) and _is_related_cue(label)


def test_link_heavy_blocks_that_end_the_body_are_dropped() -> None:
    from warta.page.content import _trim_link_tail

    html = (
        "<body><p>A linked <a href='/a'>word</a> inside a real closing paragraph of prose.</p>"
        "<p>Last paragraph with <a href='/b'>one link</a> in the middle of it, still prose.</p>"
        "<p><a href='/c'>Read more</a></p><p>Tags: <a href='/t1'>economy</a>, <a href='/t2'>budget"
        " policy</a></p><p>Footer text that was not kept.</p></body>"
    )
    blocks = page_blocks(_tree(html))
    keep = [True, True, True, True, False]
    _trim_link_tail(blocks, keep)
    assert keep == [True, True, False, False, False]
    # A body whose last kept block is prose is left alone, links inside it included.
    keep = [False, True, False, False, False]
    _trim_link_tail(blocks, keep)
    assert keep == [False, True, False, False, False]


# --- teaser cards, captions and footers after the classifier -----------------------------------

_ARTICLE_PROSE = "".join(
    f"<p>Paragraph {n} of the story: the council voted on the new budget and the mayor spoke to "
    f"reporters outside the hall about spending on roads, schools and the harbour.</p>"
    for n in range(1, 7)
)


def _teaser_page(cards: str, *, inside: bool = False) -> str:
    section = f"<section><h2>Recent Articles</h2>{cards}</section>"
    if inside:
        return f"<body><article>{_ARTICLE_PROSE}{section}</article></body>"
    return f"<body><article>{_ARTICLE_PROSE}</article>{section}</body>"


_CARDS = "".join(
    f"<h3><a href='/news/story-{n}'>Another headline number {n} from the same site</a></h3>"
    f"<p>The first lines of story {n}, printed under its headline as a teaser...</p>"
    for n in range(1, 5)
)


def test_teaser_cards_that_end_the_body_are_dropped_with_their_label() -> None:
    from warta.page.content import _trim_teaser_tail

    blocks = page_blocks(_tree(_teaser_page(_CARDS)))
    keep = [True] * len(blocks)
    _trim_teaser_tail(blocks, keep)
    kept = [b.text for b, k in zip(blocks, keep, strict=True) if k]
    assert len(kept) == 6 and all(t.startswith("Paragraph") for t in kept)


def test_linked_items_inside_the_article_are_kept() -> None:
    # A listicle: the same headline-and-paragraph shape, but inside the element holding the text.
    from warta.page.content import _trim_teaser_tail

    blocks = page_blocks(_tree(_teaser_page(_CARDS, inside=True)))
    keep = [True] * len(blocks)
    _trim_teaser_tail(blocks, keep)
    assert all(keep)


def test_teaser_cards_that_are_most_of_the_body_are_kept() -> None:
    # A hub page: a short intro and many cards; the cards are the content.
    from warta.page.content import _trim_teaser_tail

    cards = _CARDS * 4
    html = f"<body><div><p>Our latest stories, updated every hour.</p></div><section>{cards}</section></body>"
    blocks = page_blocks(_tree(html))
    keep = [True] * len(blocks)
    _trim_teaser_tail(blocks, keep)
    assert all(keep)


def test_two_cards_or_bare_links_are_not_a_teaser_run() -> None:
    from warta.page.content import _trim_teaser_tail

    two = "".join(_CARDS.split("</p>", 2)[:2]) + "</p>"
    blocks = page_blocks(_tree(_teaser_page(two)))
    keep = [True] * len(blocks)
    _trim_teaser_tail(blocks, keep)
    assert all(keep)
    bare = "".join(f"<p><a href='/news/{n}'>Headline {n} of another story</a></p>" for n in range(5))
    blocks = page_blocks(_tree(_teaser_page(bare)))
    keep = [True] * len(blocks)
    _trim_teaser_tail(blocks, keep)
    assert all(keep)  # bare headline links are _trim_link_tail's work


def test_figure_captions_and_footers_are_dropped() -> None:
    from warta.page.content import _drop_furniture

    html = (
        "<body><article><p>The harbour reopened on Monday after the storm.</p>"
        "<figure><img src='a.jpg'><figcaption>Boats return to the harbour. Photo: J. Doe</figcaption>"
        "</figure><p>Fishermen said the damage was lighter than feared.</p>"
        "<footer><p>Jane Doe covers the city for the Daily Example.</p></footer></article></body>"
    )
    blocks = page_blocks(_tree(html))
    keep = [True] * len(blocks)
    _drop_furniture(blocks, keep)
    assert [b.text for b, k in zip(blocks, keep, strict=True) if k] == [
        "The harbour reopened on Monday after the storm.",
        "Fishermen said the damage was lighter than feared.",
    ]


# --- readers' comments --------------------------------------------------


def test_comments_under_an_article_are_dropped() -> None:
    from warta.page.content import _drop_comments

    html = (
        f"<body><article>{_ARTICLE_PROSE}</article><div id='comments'><h3>2 Comments</h3>"
        "<p>Great reporting, thanks for covering the council.</p>"
        "<div class='comment-body'><p>The mayor should fix the harbour first.</p></div></div></body>"
    )
    blocks = page_blocks(_tree(html))
    keep = [True] * len(blocks)
    _drop_comments(blocks, keep)
    assert [b.text for b, k in zip(blocks, keep, strict=True) if k] == [b.text for b in blocks[:6]]


def test_a_thread_that_is_all_comments_is_kept() -> None:
    from warta.page.content import _drop_comments

    html = (
        "<body><p>Which bus goes to the harbour?</p><div class='comments'>"
        + "".join(
            f"<div class='comment'><p>Reply {n}: take the number {n} bus from the square, it stops"
            " right at the gate of the harbour every ten minutes.</p></div>"
            for n in range(1, 5)
        )
        + "</div></body>"
    )
    blocks = page_blocks(_tree(html))
    keep = [True] * len(blocks)
    _drop_comments(blocks, keep)
    assert all(keep)


def test_english_byline_and_news_furniture_leave_the_body() -> None:
    """A byline with a role, a time line, an advertising slot, a picture caption and a wire-photo
    credit between the paragraphs: only the three paragraphs stay, the byline gives the author."""
    import warta

    html = (FIXTURES / "english_furniture.html").read_bytes()
    article = warta.extract(html, enrich=False)
    assert [p.text[:20] for p in article.paragraphs] == [
        "A powerful storm str", '"We have never seen ', "Forecasters expect t"
    ]
    assert article.authors == ["John Smith"]
