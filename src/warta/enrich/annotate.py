"""Enrichment of one article: dates, quotes and entities, in one call.

``annotate(article)`` fills :attr:`~warta.article.Article.dates`,
:attr:`~warta.article.Article.quotes` and :attr:`~warta.article.Article.entities`, and, for a page
with no metadata date, the published date read from its visible chrome lines (origin ``"text"``).
Indonesian (and Malay) articles get all three; English articles get dates and quotes; other
languages pass through with only dates that carry their own year. It never raises on an article
that :func:`warta.extract` produced: a failing part adds a warning and leaves its field empty.

The NER model tags the text once: its mentions feed both the entities and the quotes, where they
say which names are people (see :class:`warta.enrich.speakers.PersonModel`).

It is the ``warta.enrich.annotate:annotate`` enricher of ``warta run`` and is on by default in
``warta extract``.
"""

from __future__ import annotations

from warta.article import Article
from warta.enrich.dates import find_dates, published_from_text
from warta.enrich.quotes import find_quotes


def annotate(article: Article, *, chrome_lines: list[str] | None = None) -> Article:
    """Fill dates, quotes and entities of ``article`` in place, and return it.

    ``chrome_lines`` are the page's non-body lines (a header with the date, say), used to find a
    published date when the page has none in its metadata.
    """
    language = article.language.best
    if article.published is None and chrome_lines:
        article.published = published_from_text(chrome_lines)
    page_date = article.published.value if article.published else None
    try:
        article.dates = find_dates(article.text, page_date)
    except Exception as exc:  # enrichment must not lose the article
        article.warnings.append(f"dates-failed: {type(exc).__name__}")
    mentions = None
    try:
        from warta.enrich.entities import model_mentions  # skips other languages itself

        mentions = model_mentions(article.text, language)
    except Exception as exc:
        article.warnings.append(f"entities-failed: {type(exc).__name__}")
    try:
        article.quotes = find_quotes(article.text, language, mentions=mentions)
    except Exception as exc:
        article.warnings.append(f"quotes-failed: {type(exc).__name__}")
    if mentions:
        try:
            from warta.enrich.entities import canonical_entities, declared_aliases

            article.entities = canonical_entities(mentions, declared_aliases(article.text))
        except Exception as exc:
            article.warnings.append(f"entities-failed: {type(exc).__name__}")
    return article
