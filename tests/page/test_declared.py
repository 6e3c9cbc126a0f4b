"""The publisher's JSON-LD articleBody as a check on the kept blocks (warta.page.declared)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from warta.page.declared import MIN_WORDS, DeclaredBody, follow_declared_body
from warta.page.html import page_blocks

_PARAGRAPHS = [
    "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive.",
    "The mayor said the work would cost less than the damage of another flood in the old town.",
    "Fishermen welcomed the vote but asked for the quay to stay open while the crews are at work.",
    "Work is due to start in March and to last about eight months, the harbour office said.",
]


def _blocks(html: str):  # type: ignore[no-untyped-def]
    return page_blocks(LexborHTMLParser(html))


def _declared() -> DeclaredBody:
    # As publishers write it: entities, tags and spacing differ from the page's markup.
    body = " ".join(_PARAGRAPHS).replace("harbour wall", "harbour&nbsp;wall") + " <br/>"
    declared = DeclaredBody.parse(body)
    assert declared is not None
    return declared


def test_a_short_or_missing_declaration_is_not_used() -> None:
    assert DeclaredBody.parse(None) is None
    assert DeclaredBody.parse("Read the full story on our site.") is None
    assert DeclaredBody.parse(" ".join(["word"] * MIN_WORDS)) is not None


def test_kept_blocks_outside_the_declared_body_are_dropped_and_headings_stay() -> None:
    html = (
        "<body><h2>Harbour plans</h2>"
        + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
        + "<p>Sign up for our morning newsletter and never miss a story from the coast.</p>"
        "<p>Advertisement</p></body>"
    )
    blocks = _blocks(html)
    keep = [True] * len(blocks)
    follow_declared_body(blocks, keep, _declared())
    assert [b.text for b, k in zip(blocks, keep, strict=True) if k] == ["Harbour plans", *_PARAGRAPHS]


def test_a_dropped_paragraph_of_the_declared_body_comes_back_between_kept_ones() -> None:
    blocks = _blocks("<body>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</body>")
    keep = [True, False, True, True]
    follow_declared_body(blocks, keep, _declared())
    assert keep == [True, True, True, True]
    keep = [True, True, True, False]  # after the last kept block: left as the classifier said
    follow_declared_body(blocks, keep, _declared())
    assert keep == [True, True, True, False]


def test_a_declaration_that_covers_little_of_the_kept_text_is_ignored() -> None:
    other = [
        f"Paragraph {n} of another story entirely, about trains, timetables and the station clock."
        for n in range(8)
    ]
    blocks = _blocks("<body>" + "".join(f"<p>{p}</p>" for p in [*other, _PARAGRAPHS[0]]) + "</body>")
    keep = [True] * len(blocks)
    follow_declared_body(blocks, keep, _declared())
    assert all(keep)


def test_a_declaration_cut_short_leaves_the_paragraphs_after_it() -> None:
    # Some publishers declare only the first part of the text, cut inside a paragraph.
    cut = " ".join(_PARAGRAPHS[:3]) + " Work is due to start"
    declared = DeclaredBody.parse(cut)
    assert declared is not None
    blocks = _blocks("<body>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</body>")
    keep = [True] * len(blocks)
    follow_declared_body(blocks, keep, declared)
    assert all(keep)
