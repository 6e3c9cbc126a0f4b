"""Which blocks of a page are the article: the learned block classifier plus a little post-processing.

Steps, on the blocks of :func:`warta.page.html.page_blocks`:

1. score every block with the shipped two-stage model (:mod:`warta.page.blockmodel`): stage one
   sees the block and its page, stage two also sees stage one's scores of its neighbours and
   containers, which keeps real lead and last paragraphs and drops stray widget text; then keep
   only the body region: the deepest element holding most of the kept text, plus blocks outside
   it that the model is very sure of;
2. take related-article blocks ("Baca juga: …", "Read also", a "Related articles" heading and the
   headline links under it) out of the body into :attr:`Body.related_links`, when they sit inside
   the body or just after it;
3. drop link-heavy blocks at the very end of the body (a headline list, a "Read more" or tag link
   right after the last paragraph: an article does not end in a link), and a run of teasers
   that ends it (at least :data:`TEASER_MIN` headline links, each with at most one short
   excerpt under it: the "recent posts" or "more stories" cards many sites print after the
   article) together with the heading or label over that run, when it lies outside the element
   holding the article's text and is the smaller part of the body; and cut an end section from
   its label on ("Recent Posts", "You may also like", "About the Author", "Berita Terkait":
   :func:`_cut_end_section`) when what it holds is short blocks and the smaller part of the
   body (wcxb-dev article pages, out of fold: word P 0.9457 -> 0.9470, R 0.9651 -> 0.9650);
   and drop figure captions
   (``<figcaption>``) and ``<footer>`` text (on wcxb-dev article pages, out of fold, the gold
   lacks 90 % of the caption words and 98 % of the footer words the classifier keeps); and drop
   readers' comments when the article outweighs them (:func:`_drop_comments`);
4. when the page carries its article's text in a JSON-LD ``articleBody`` that covers most of
   the kept text, follow it: drop kept blocks it does not hold, keep dropped ones it does
   (:mod:`warta.page.declared`);
5. drop a heading that repeats the page title (gold bodies and the Article keep the title apart);
6. a page whose kept text is mostly headline links with little prose around them is a listing of
   headlines, not an article: it yields no paragraphs and the warnings ``listing-page`` and
   ``no-main-content`` (the orchestrator then raises NoContent). This is a product decision: on
   wcxb-dev, whose gold keeps the text of listing and collection pages, it costs about 0.01 F1.
"""

from __future__ import annotations

from typing import Final

import msgspec
import numpy as np
from selectolax.lexbor import LexborHTMLParser

from warta.article import Paragraph, RelatedLink
from warta.page.blockmodel import BlockModel, shipped_model
from warta.page.declared import DeclaredBody, follow_declared_body
from warta.page.end_sections import is_author_label, is_end_label
from warta.page.features import (
    BASE_FEATURES,
    block_facts,
    block_features,
    container_groups,
    context_features,
)
from warta.page.features_extra import EXTRA_FEATURES, extra_features
from warta.page.html import A_FOOTER, KEYWORDS, Block, page_blocks, page_title


class Body(msgspec.Struct, kw_only=True):
    """The article body found in a page, with related links taken out of it."""

    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    related_links: list[RelatedLink] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)


RELATED_CUES: Final = (
    "baca juga", "baca:", "lihat juga", "simak juga", "berita terkait", "artikel terkait",
    "berita lainnya", "baca selengkapnya", "read also", "also read", "read more:", "see also",
    "related", "more from", "you may also like", "you might also like", "recommended for you",
    "further reading", "more stories", "more news",
)  # fmt: skip
"""Block openings that mark related-article links (case-insensitive)."""

RELATED_TAIL: Final = 12
"""How many blocks after the last body block a related-articles section may start."""

LISTING_LINK_SHARE: Final = 0.6
"""A body whose text is at least this share of link text ..."""

LISTING_PROSE_WORDS: Final = 100
"""... that has fewer words outside links than this ..."""

LISTING_HEADLINES: Final = 5
"""... and at least this many headline-link blocks is a listing of headlines, not an article."""

TAIL_LINK_SHARE: Final = 0.7
"""Kept blocks at the end of the body with at least this share of link text are dropped."""

TEASER_MIN: Final = 3
"""A run of teasers ending the body is dropped when it holds at least this many headline links ..."""

TEASER_EXCERPT_WORDS: Final = 120
"""... each followed by at most one excerpt of at most this many words (teaser cards print the
first lines of the other article)."""

LABEL_WORDS: Final = 4
"""A block of at most this many words, with no link and no sentence end, is a section label
("Recent Articles", "Daily", "Sponsored Content")."""

REGION_COVER: Final = 0.8
"""The body region is the deepest element holding at least this share of the kept words ..."""

REGION_STRONG: Final = 0.9
"""... and kept blocks outside it are dropped unless their probability reaches this."""

END_SHARE: Final = 2.0
"""An end section (its label, :func:`warta.page.end_sections.is_end_label`, and the kept blocks
after it) is cut when the kept words above the label are at least this many times its words ..."""

END_BLOCK_WORDS: Final = 60
"""... and none of those blocks has more than this many words (teasers, a bio: no article
paragraphs) ..."""

END_LINK_SHARE: Final = 0.5
"""... and the section is apart from the article: an author's box, or in an element holding none
of the article's kept blocks, or at least this share of its text is link text (teasers). A label
over prose inside the article ("Berita Terkait:" before one link, a "Trending …" sub-heading) cuts
nothing: Indonesian paragraphs are often under 60 words."""

COMMENT_SHARE: Final = 1.0
"""Kept blocks inside comment elements are dropped when the kept words outside such elements
exceed this many times the words inside them (1.0: the article outweighs the comments)."""


def extract_body(
    tree: LexborHTMLParser, model: BlockModel | None = None, *, article_body: str | None = None
) -> Body:
    """Find the main content of a parsed page.

    Args:
        tree: the parsed page (not modified).
        model: the block classifier; the shipped one by default.
        article_body: the page's JSON-LD ``articleBody``, if it has one: the publisher's own
            plain text of the article, used as a check on the classifier
            (:mod:`warta.page.declared`).
    """
    blocks = page_blocks(tree)
    if not blocks:
        return Body(warnings=["no-text"])
    title = page_title(tree)
    model = model or shipped_model()
    facts = block_facts(blocks)  # the blocks' integer facts, read once for every feature family
    groups = container_groups(blocks, facts=facts)  # both stages group blocks by container
    x = stage_one_features(blocks, title, model, groups=groups, facts=facts)
    declared = DeclaredBody.parse(article_body)
    return select_body(blocks, x, model, title=title, groups=groups, facts=facts, declared=declared)


def stage_one_features(
    blocks: list[Block],
    title: str | None,
    model: BlockModel,
    *,
    groups: tuple[np.ndarray, int] | None = None,
    facts: np.ndarray | None = None,
) -> np.ndarray:
    """The stage-one matrix ``model`` was trained on: the base columns, then the extra family if used.

    Models trained before :mod:`warta.page.features_extra` existed see only the base columns.
    ``groups`` is :func:`warta.page.features.container_groups` of ``blocks`` and ``facts``
    :func:`warta.page.features.block_facts` of them, if already known.
    """
    lowers = [b.text.lower() for b in blocks]  # both families read the lower-cased texts
    if facts is None:
        facts = block_facts(blocks)
    x = block_features(blocks, title, lowers=lowers, groups=groups, facts=facts)
    if _uses_extra(model):
        x = np.hstack([x, extra_features(blocks, lowers=lowers, facts=facts)])
    return x


def _uses_extra(model: BlockModel) -> bool:
    start = len(BASE_FEATURES)
    return tuple(model.names[start : start + len(EXTRA_FEATURES)]) == EXTRA_FEATURES


def select_body(
    blocks: list[Block],
    x: np.ndarray,
    model: BlockModel,
    *,
    title: str | None = None,
    groups: tuple[np.ndarray, int] | None = None,
    facts: np.ndarray | None = None,
    declared: DeclaredBody | None = None,
) -> Body:
    """The body among ``blocks`` given their stage-one features ``x`` (and, if already known,
    :func:`warta.page.features.container_groups` and :func:`warta.page.features.block_facts` of
    ``blocks``; and the page's declared article body, if it has one)."""
    if not blocks:
        return Body(warnings=["no-text"])
    p1 = model.stage1.proba(x)
    p2 = model.stage2.proba(context_features(blocks, x, p1, groups=groups, facts=facts))
    keep = _in_region(blocks, (p2 >= model.threshold).tolist(), p2)
    related = _take_related(blocks, keep)
    _trim_link_tail(blocks, keep)
    _trim_teaser_tail(blocks, keep)
    _cut_end_section(blocks, keep)
    _drop_furniture(blocks, keep)
    _drop_comments(blocks, keep)
    if declared is not None:
        follow_declared_body(blocks, keep, declared)
    title_key = " ".join(title.lower().split()) if title else None
    kept = [
        b
        for b, k in zip(blocks, keep, strict=True)
        if k and not (b.kind == "heading" and title_key and b.text.lower() == title_key)
    ]
    warnings: list[str] = []
    if kept and _is_listing(kept):
        warnings.append("listing-page")
        kept = []
    if not kept:
        warnings.append("no-main-content")
    return Body(
        paragraphs=[Paragraph(b.text, b.kind) for b in kept],
        related_links=related,
        warnings=warnings,
    )


def _is_listing(kept: list[Block]) -> bool:
    chars = sum(b.chars for b in kept)
    link_chars = sum(b.link_chars for b in kept)
    prose_words = sum(b.words * (1.0 - b.link_chars / b.chars) for b in kept)
    headlines = sum(1 for b in kept if _is_headline_link(b))
    return (
        link_chars >= LISTING_LINK_SHARE * chars
        and prose_words < LISTING_PROSE_WORDS
        and headlines >= LISTING_HEADLINES
    )


def _in_region(blocks: list[Block], keep: list[bool], p: np.ndarray) -> list[bool]:
    """Drop weakly kept blocks that lie outside the element holding most of the kept text."""
    region = _region_of(blocks, [i for i, k in enumerate(keep) if k])
    if region is None:
        return keep
    strong = (p >= REGION_STRONG).tolist()
    return [k and (strong[i] or region in blocks[i].path) for i, k in enumerate(keep)]


def _trim_link_tail(blocks: list[Block], keep: list[bool]) -> None:
    """Unkeep the run of link-heavy blocks that ends the body (``keep`` is updated in place)."""
    for i in reversed(range(len(blocks))):
        if not keep[i]:
            continue
        block = blocks[i]
        if block.link_chars < TAIL_LINK_SHARE * block.chars:
            return
        keep[i] = False


def _trim_teaser_tail(blocks: list[Block], keep: list[bool]) -> None:
    """Unkeep a run of teaser cards that ends the body, and the heading or label above it.

    Read from the end, the run is headline links (:func:`_is_headline_link`), each optionally
    followed by one excerpt (a short block with few links), with short section labels ("Daily",
    "Sponsored Content") allowed between cards. It is dropped only when it holds at least
    :data:`TEASER_MIN` headlines and at least one excerpt (a run of bare links is the work of
    :func:`_trim_link_tail`). ``keep`` is updated in place.
    """
    kept = [i for i, k in enumerate(keep) if k]
    pos = len(kept)
    headlines = excerpts = 0
    start = pos
    while pos > 0:
        block = blocks[kept[pos - 1]]
        if _is_headline_link(block):
            headlines += 1
            pos -= 1
        elif pos >= 2 and _is_excerpt(block) and _is_headline_link(blocks[kept[pos - 2]]):
            headlines += 1
            excerpts += 1
            pos -= 2
        elif headlines and _is_label(block):
            pos -= 1
            continue
        else:
            break
        start = pos
    if headlines < TEASER_MIN or not excerpts or start == 0:
        return
    # The run trails an article only if the article is the larger part of the body: on a hub or
    # listing page the cards are the content.
    if sum(blocks[i].words for i in kept[:start]) < sum(blocks[i].words for i in kept[start:]):
        return
    # Cards printed after the article sit outside the element that holds the article's text; a
    # listicle whose items are linked headings with a paragraph each sits inside it.
    region = _region_of(blocks, kept[:start])
    if region is None or any(region in blocks[i].path for i in kept[start:]):
        return
    for i in kept[start:]:
        keep[i] = False
    above = blocks[kept[start - 1]]
    if above.kind == "heading" or _is_label(above):
        keep[kept[start - 1]] = False


def _cut_end_section(blocks: list[Block], keep: list[bool]) -> None:
    """Unkeep a section the page prints after its article, from its label on.

    The label is a short block naming other stories or the author's box ("Recent Posts",
    "You may also like", "About the Author", "Berita Terkait"; see
    ``assets/end_sections.txt``), kept or not, lying between the first and the last kept block.
    What the classifier kept from it on goes when the words above it are at least
    :data:`END_SHARE` times as many and it holds no long block (teaser excerpts and a bio
    are short; article paragraphs under a misleading heading are not), and when the body above
    it is not itself a list of stories (:func:`_is_listing`: on a hub page "Explore more" heads
    more of the content, and cutting it would leave a listing). The section must also stand apart
    from the article (:data:`END_LINK_SHARE`): an author's box, a box holding none of the
    article's kept blocks, or mostly links; a label over prose inside the article cuts nothing.
    The first label that qualifies is used. ``keep`` is updated in place.
    """
    kept = [i for i, k in enumerate(keep) if k]
    if len(kept) < 2:
        return
    total = sum(blocks[i].words for i in kept)
    after = total
    pos = 0  # kept[pos] is the first kept block at or after the candidate label
    for i in range(kept[0] + 1, kept[-1] + 1):
        while kept[pos] < i:
            after -= blocks[kept[pos]].words
            pos += 1
        if not is_end_label(blocks[i]):
            continue
        if total - after < END_SHARE * after or any(
            blocks[j].words > END_BLOCK_WORDS for j in kept[pos:]
        ):
            continue
        rest = [j for j in kept[pos:] if j != i]
        if not (
            is_author_label(blocks[i])
            or _stands_apart(blocks, i, rest, kept[:pos])
            or _mostly_links(blocks, rest)
        ):
            continue  # prose under the label: a sub-heading or an inline box inside the article
        if _is_listing([blocks[j] for j in kept[:pos]]):
            return  # the body above is itself a list of stories: what follows is more of it
        for j in kept[pos:]:
            keep[j] = False
        return


def _stands_apart(blocks: list[Block], label: int, rest: list[int], above: list[int]) -> bool:
    """Whether the label and the blocks after it (``rest``) share an element that holds none of
    the blocks ``above`` (an ``<aside>``, a widget box), i.e. they are not part of the article."""
    holders = {element for j in above for element in blocks[j].path}
    box = None
    for element in blocks[label].path:  # nearest first: the widest ancestor holding nothing above
        if element in holders:
            break
        box = element
    return box is not None and all(box in blocks[j].path for j in rest)


def _mostly_links(blocks: list[Block], indices: list[int]) -> bool:
    """Whether most of the text of these blocks is link text (teasers, not paragraphs)."""
    chars = sum(blocks[j].chars for j in indices)
    return chars > 0 and sum(blocks[j].link_chars for j in indices) >= END_LINK_SHARE * chars


def _drop_furniture(blocks: list[Block], keep: list[bool]) -> None:
    """Unkeep figure captions and the text of ``<footer>`` elements (``keep`` updated in place)."""
    for i, block in enumerate(blocks):
        if keep[i] and (block.tag == "figcaption" or block.anc & A_FOOTER):
            keep[i] = False


_COMMENT_BIT: Final = 1 << KEYWORDS.index("comment")


def _drop_comments(blocks: list[Block], keep: list[bool]) -> None:
    """Unkeep readers' comments printed under an article (``keep`` updated in place).

    A kept block inside an element whose class or id names comments ("comments", "disqus",
    "reply", "komentar", …) is a reader's comment when most of the kept text lies outside such
    elements: the article is elsewhere on the page. When most of it lies inside them (a forum
    thread, a page whose wrapper happens to carry the word), nothing is dropped.
    """
    inside = outside = 0
    for i, block in enumerate(blocks):
        if keep[i]:
            if block.hits & _COMMENT_BIT:
                inside += block.words
            else:
                outside += block.words
    if not inside or inside * COMMENT_SHARE >= outside:
        return
    for i, block in enumerate(blocks):
        if keep[i] and block.hits & _COMMENT_BIT:
            keep[i] = False


def _region_of(blocks: list[Block], indices: list[int]) -> int | None:
    """The deepest element holding at least :data:`REGION_COVER` of the words of these blocks."""
    total = sum(blocks[i].words for i in indices)
    words: dict[int, int] = {}
    depth: dict[int, int] = {}
    for i in indices:
        block = blocks[i]
        for up, element in enumerate(block.path):
            words[element] = words.get(element, 0) + block.words
            depth[element] = block.depth - up
    covering = [e for e, w in words.items() if w >= REGION_COVER * total]
    return max(covering, key=depth.__getitem__) if covering else None


def _is_excerpt(block: Block) -> bool:
    return block.words <= TEASER_EXCERPT_WORDS and block.link_chars < 0.3 * block.chars


def _is_label(block: Block) -> bool:
    return (
        block.words <= LABEL_WORDS
        and not block.links
        and not block.text.rstrip().endswith((".", "!", "?", "…"))
    )


def _is_related_cue(block: Block) -> bool:
    """A block opening with a related cue that is a label or a link, not a sentence of prose."""
    if not block.text[:40].lower().startswith(RELATED_CUES):
        return False
    return block.words <= 6 or block.link_chars >= 0.4 * block.chars


def _take_related(blocks: list[Block], keep: list[bool]) -> list[RelatedLink]:
    """Move related-article blocks near the body out of it (``keep`` is updated in place)."""
    kept_at = [i for i, k in enumerate(keep) if k]
    if not kept_at:
        return []
    first, last = kept_at[0], kept_at[-1] + RELATED_TAIL
    links: list[RelatedLink] = []
    i = first
    while i < min(last + 1, len(blocks)):
        block = blocks[i]
        if not _is_related_cue(block):
            i += 1
            continue
        keep[i] = False
        found = [RelatedLink(t, u) for t, u in block.links]
        # A bare cue ("Baca juga:", a "Related articles" heading) heads a run of headline links.
        j = i + 1
        if not found or block.link_chars < block.chars // 2:
            while j < len(blocks) and _is_headline_link(blocks[j]):
                found.extend(RelatedLink(t, u) for t, u in blocks[j].links)
                keep[j] = False
                j += 1
        links.extend(found)
        i = j
    return links


def _is_headline_link(block: Block) -> bool:
    return bool(block.links) and block.words <= 30 and block.link_chars >= 0.6 * block.chars
