"""The section a page prints after its article ("Recent Posts", "About the Author") leaves the body."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from warta.page.content import _cut_end_section
from warta.page.end_sections import is_end_label
from warta.page.html import Block, page_blocks

_STORY = "".join(
    f"<p>Paragraph {n} of the report: the ferry service to the islands resumed this week after the"
    f" repairs to the pier, and the operator said timetables would return to normal by June.</p>"
    for n in range(1, 6)
)


def _blocks(html: str) -> list[Block]:
    return page_blocks(LexborHTMLParser(html))


def _kept(blocks: list[Block], keep: list[bool]) -> list[str]:
    return [b.text for b, k in zip(blocks, keep, strict=True) if k]


def test_author_box_after_the_article_is_cut_with_its_label() -> None:
    html = (
        f"<body><div class='post'>{_STORY}<h3>About the Author</h3>"
        "<p>Rina Hartono writes about transport and the coast for a regional weekly.</p>"
        "<p>Follow her for more stories from the harbour towns.</p></div></body>"
    )
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert _kept(blocks, keep) == [b.text for b in blocks[:5]]


def test_an_unkept_label_still_cuts_the_teasers_kept_under_it() -> None:
    # The classifier dropped the label "Berita Terkait" but kept two teaser excerpts under it.
    teasers = "".join(
        f"<p>Cuplikan berita lain nomor {n} tentang pelabuhan dan kapal feri di pulau.</p>"
        for n in range(1, 3)
    )
    html = (
        f"<body><article>{_STORY}</article><aside><h4>Berita Terkait</h4>{teasers}</aside></body>"
    )
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    keep[5] = False
    _cut_end_section(blocks, keep)
    assert keep == [True] * 5 + [False] * 3


def test_a_label_over_long_paragraphs_is_not_an_end_section() -> None:
    # "More from the interview" heads part of the article: its paragraph is article-long.
    long_paragraph = " ".join(["The captain described the night of the storm in detail."] * 8)
    html = f"<body><article>{_STORY}<h2>More from the interview</h2><p>{long_paragraph}</p></article></body>"
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert all(keep)


def test_a_section_as_large_as_the_text_above_it_stays() -> None:
    html = f"<body><p>Short intro.</p><h2>Related articles</h2>{_STORY}</body>"
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert all(keep)


def test_a_hub_page_keeps_the_stories_under_explore_more() -> None:
    # Above the label the body is already a list of headline links: cutting would leave a listing.
    cards = "".join(
        f"<h3><a href='/story/{n}'>Headline of story number {n} on the hub page</a></h3>"
        for n in range(12)
    )
    html = f"<body><main>{cards}<h3>Explore more</h3><p>A short teaser for one more story.</p></main></body>"
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert all(keep)


def test_end_labels_are_matched_on_whole_words_of_short_blocks() -> None:
    def label(text: str) -> bool:
        return is_end_label(_blocks(f"<body><p>{text}</p></body>")[0])

    assert label("Recent Posts")
    assert label("YOU MIGHT ALSO LIKE:")
    assert label("More from The Harbour Times")
    assert not label("Mostly read at night")  # "most read" needs whole words
    assert not label("Recently, the council posted the new timetable online for all travellers.")
    assert not label("Related")  # too vague alone: a heading inside many articles


_BERITA = [
    f"<p>Paragraf {n}: pemerintah kota menyiapkan anggaran perbaikan jalan dan jembatan yang rusak"
    f" akibat banjir, dan kepala dinas mengatakan pekerjaan dimulai bulan depan setelah lelang"
    f" selesai dan kontraktor ditetapkan.</p>"
    for n in range(1, 11)
]


def test_an_inline_related_box_inside_the_article_cuts_nothing() -> None:
    # Indonesian paragraphs run under 60 words: a "Berita Terkait:" line two paragraphs before
    # the end is a box inside the article, and the paragraphs after it are the article's.
    box = "<p><strong>Berita Terkait:</strong> <a href='/a/1'>Jembatan baru dibuka</a></p>"
    html = (
        "<body><article>" + "".join(_BERITA[:8]) + box + "".join(_BERITA[8:]) + "</article></body>"
    )
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert all(keep)


def test_a_sub_heading_that_opens_like_a_label_cuts_nothing() -> None:
    html = (
        "<body><article>"
        + "".join(_BERITA[:8])
        + "<h2>Trending di media sosial</h2>"
        + "".join(_BERITA[8:])
        + "</article></body>"
    )
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert all(keep)


def test_teaser_links_under_a_label_inside_the_article_element_are_cut() -> None:
    teasers = "".join(
        f"<p><a href='/b/{n}'>Judul berita lain nomor {n} di kota</a></p>" for n in range(4)
    )
    html = (
        "<body><article>"
        + "".join(_BERITA[:8])
        + "<h3>Berita Lainnya</h3>"
        + teasers
        + "</article></body>"
    )
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    _cut_end_section(blocks, keep)
    assert _kept(blocks, keep) == [b.text for b in blocks[:8]]
