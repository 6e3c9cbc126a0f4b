"""warta: raw news pages in, clean, deduplicated, structured stories out.

The public API::

    import warta
    article = warta.extract(html_bytes, url="https://…")   # HTML or text, detected
    article = warta.repair(scraped_text)                     # already-extracted text
    article.title, article.paragraphs, article.dateline, article.credit, article.related_links
    warta.warm_up()   # optional: load the lazily built models now, not on the first page
"""

from warta.article import SCHEMA_VERSION, Article, Paragraph, RelatedLink
from warta.errors import WartaError
from warta.extract import extract, repair, warm_up

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Paragraph",
    "RelatedLink",
    "WartaError",
    "extract",
    "repair",
    "warm_up",
]
__version__ = "0.1.0"
