"""Page metadata: title, URLs, site name, authors, dates, declared language, description, tags,
image. Read from JSON-LD, ``<meta>``/``<link>`` tags, ``<time>`` and microdata, the URL, and as a
last resort the visible text.

Sources, in order of trust (the first that gives a clean value wins):

- title: ``og:title``, JSON-LD ``headline``, ``twitter:title``, ``<title>``, the first ``<h1>``;
  a `` - Site`` / `` | Site`` part is cut when it names the site or the domain;
- site name: ``og:site_name``, the JSON-LD publisher or WebSite, ``application-name``, the domain;
- authors: :mod:`warta.page.authors`;
- published / modified, each with its origin: :mod:`warta.page.published`.

:func:`extract_metadata` never raises on any parsed tree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import msgspec
from selectolax.lexbor import LexborHTMLParser

from warta.article import DateValue
from warta.page import jsonld
from warta.page.authors import page_authors
from warta.page.published import modified_date, published_date
from warta.page.values import URLISH as _URLISH
from warta.page.values import clean_value as _clean


class Metadata(msgspec.Struct, kw_only=True):
    """Metadata read from the page's head, JSON-LD, and URL.

    ``language`` is the declared language's primary subtag, lowercased (``en`` for ``en-US``;
    the obsolete ``in`` becomes ``id``).
    """

    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    authors: list[str] = msgspec.field(default_factory=list)
    published: DateValue | None = None
    modified: DateValue | None = None
    language: str | None = None
    description: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    image: str | None = None
    article_body: str | None = None
    """The JSON-LD ``articleBody`` of the page's article node (NewsArticle, Article, BlogPosting,
    Report …), as given (not cleaned): the publisher's plain text of the article, which body
    extraction uses as a check."""


MAX_TAGS = 50


_WS = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»~]|::)\s+")
_LANG = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")
_OLD_LANG = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}


def extract_metadata(tree: LexborHTMLParser, url: str | None = None) -> Metadata:
    """Read the metadata of a parsed page; ``url`` is the page's address, if known."""
    metas = _collect_meta(tree)
    nodes = jsonld.parse_blocks(tree)
    ids = jsonld.index_by_id(nodes)
    article = jsonld.pick_article(nodes) or {}

    canonical = _canonical(tree, metas, url)
    page_url = url or canonical
    site_name = _site_name(metas, nodes, article, ids, page_url)
    return Metadata(
        title=_title(tree, metas, article, site_name, page_url),
        url=page_url,
        canonical_url=canonical,
        site_name=site_name,
        authors=page_authors(tree, metas, article, ids),
        published=published_date(tree, metas, nodes, article, url, canonical),
        modified=modified_date(tree, metas, nodes, article),
        language=_language(tree, metas),
        description=_first_clean(
            metas.get("og:description"),
            metas.get("description"),
            metas.get("twitter:description"),
            metas.get("dc.description"),
            [jsonld.text_of(article.get("description"))],
        ),
        tags=_tags(metas, article),
        image=_image(tree, metas, article, page_url),
        article_body=_article_body(article),
    )


def _article_body(article: dict[str, Any]) -> str | None:
    """``articleBody`` of an article node (news, article, blog post, report), not of a forum post,
    review or web page, whose text is one part of what the page shows."""
    rank = jsonld.article_rank(article) if article else None
    if rank is None or rank > jsonld.ARTICLE_TYPES["report"]:
        return None
    return jsonld.text_of(article.get("articleBody"))


# --- collection ---------------------------------------------------------------------------------


def _collect_meta(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """``<meta>`` contents by lowercased name/property/itemprop/http-equiv, in page order."""
    out: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            label = attrs.get(key)
            if label:
                out.setdefault(label.strip().lower(), []).append(content)
    return out


def _first_clean(*sources: list[str] | list[str | None] | None) -> str | None:
    for values in sources:
        for value in values or ():
            cleaned = _clean(value)
            if cleaned:
                return cleaned
    return None


def _first_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return _clean(node.text(deep=True, separator=" ")) if node is not None else None


@lru_cache(maxsize=256)
def _host(url: str | None) -> str | None:
    # Cached: a page asks for its one URL's host several times (site name, title trimming).
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if not base or value.startswith(("http://", "https://")):
        return value
    try:
        return urljoin(base, value)
    except ValueError:
        return value


# --- fields -------------------------------------------------------------------------------------


def _canonical(tree: LexborHTMLParser, metas: dict[str, list[str]], url: str | None) -> str | None:
    for link in tree.css("link[rel][href]"):
        rels = (link.attributes.get("rel") or "").lower().split()
        if "canonical" in rels:
            href = _clean(link.attributes.get("href"))
            if href:
                return _absolute(href, url)
    og = _first_clean(metas.get("og:url"))
    return _absolute(og, url) if og else None


def _site_name(
    metas: dict[str, list[str]],
    nodes: list[dict[str, Any]],
    article: dict[str, Any],
    ids: dict[str, dict[str, Any]],
    url: str | None,
) -> str | None:
    found = _first_clean(metas.get("og:site_name"))
    if found:
        return found
    publisher = jsonld.names_of(article.get("publisher"), ids)
    if publisher and _clean(publisher[0]):
        return _clean(publisher[0])
    for node in nodes:
        if "website" in jsonld.types_of(node):
            name = _clean(jsonld.text_of(node.get("name")))
            if name:
                return name
    found = _first_clean(metas.get("application-name"), metas.get("apple-mobile-web-app-title"))
    return found or _host(url)


def _norm(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower())


def _names_site(part: str, site_name: str | None, host: str | None) -> bool:
    """Whether a title part names the site ("Kompas.com", "BBC News", "kompas")."""
    key = _norm(part)
    if not key or len(part.split()) > 6:
        return False
    keys = set()
    if site_name:
        keys.add(_norm(site_name))
    if host:
        keys.add(_norm(host))
        labels = host.split(".")
        keys.update(_norm(label) for label in labels if len(label) > 3)
    keys.discard("")
    return any(key == k or (len(k) >= 4 and (k in key or key in k)) for k in keys)


def trim_title(title: str, site_name: str | None, url: str | None, h1: str | None = None) -> str:
    """The title without a leading or trailing part that names the site.

    ``"Banjir di Jakarta - Kompas.com"`` → ``"Banjir di Jakarta"``. When a part equals the page's
    ``<h1>``, that part is the title. Otherwise the title is kept whole.
    """
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    host = _host(url)
    if h1 and not _names_site(h1, site_name, host):
        key = _norm(h1)
        for part in parts:
            if _norm(part) == key:
                return part.strip()
    seps = _TITLE_SEPARATOR.findall(title)
    # Trailing site parts ("Title | Section | Site"), then a leading one ("Site: Title").
    while len(parts) > 1 and _names_site(parts[-1], site_name, host):
        parts.pop()
        seps.pop()
    if len(parts) > 1 and _names_site(parts[0], site_name, host):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip() or title


def _title(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    article: dict[str, Any],
    site_name: str | None,
    url: str | None,
) -> str | None:
    h1s = [t for t in (_clean(n.text(deep=True, separator=" ")) for n in tree.css("h1")[:5]) if t]
    raw = _first_clean(
        metas.get("og:title"),
        [jsonld.text_of(article.get("headline"))],
        metas.get("twitter:title"),
        metas.get("dc.title"),
        [_first_text(tree, "title")],
    )
    if not raw:
        return h1s[0] if h1s else None
    # The visible headline is the cleanest title when the meta title is that headline plus
    # decoration ("Average Cost of Online College [2025]: Yearly Tuition + Fees").
    key = _norm(raw)
    host = _host(url)
    for h1 in h1s:
        h1_key = _norm(h1)
        if (
            h1_key
            and h1_key in key
            and len(h1.split()) >= 2
            and len(h1_key) >= 0.3 * len(key)
            and not _names_site(h1, site_name, host)
        ):
            return h1
    return trim_title(raw, site_name, url, h1s[0] if h1s else None)


def normalise_language(label: str | None) -> str | None:
    """The primary subtag of a language label, lowercased: ``en-US`` → ``en``, ``in`` → ``id``."""
    if not label:
        return None
    match = _LANG.match(label.strip())
    if not match:
        return None
    code = match.group().lower()
    return _OLD_LANG.get(code, code)


def _language(tree: LexborHTMLParser, metas: dict[str, list[str]]) -> str | None:
    node = tree.css_first("html")
    candidates: list[str | None] = []
    if node is not None:
        candidates += [node.attributes.get("lang"), node.attributes.get("xml:lang")]
    for key in ("content-language", "language", "dc.language", "og:locale"):
        candidates += metas.get(key) or []
    for label in candidates:
        code = normalise_language(label)
        if code:
            return code
    return None


def _split_tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [t for item in value[:MAX_TAGS] for t in _split_tags(item)]
    text = jsonld.text_of(value) if not isinstance(value, str) else value
    if not text:
        return []
    return [t for t in re.split(r"\s*[,;]\s*", text) if t]


def _tags(metas: dict[str, list[str]], article: dict[str, Any]) -> list[str]:
    raw: list[str] = []
    for key in ("article:tag", "article:section"):
        raw += metas.get(key) or []
    raw += _split_tags(article.get("keywords"))
    raw += _split_tags(article.get("articleSection"))
    for key in ("news_keywords", "keywords"):
        raw += _split_tags(metas.get(key))
    out: list[str] = []
    seen: set[str] = set()
    for value in raw:
        tag = _clean(value)
        if not tag or len(tag) > 100 or _URLISH.search(tag):
            continue
        key = tag.lower()
        if key not in seen:
            seen.add(key)
            out.append(tag)
            if len(out) >= MAX_TAGS:
                break
    return out


def _image(
    tree: LexborHTMLParser, metas: dict[str, list[str]], article: dict[str, Any], url: str | None
) -> str | None:
    found = _first_clean(
        metas.get("og:image"),
        metas.get("og:image:url"),
        metas.get("og:image:secure_url"),
        jsonld.urls_of(article.get("image")),
        jsonld.urls_of(article.get("thumbnailUrl")),
        metas.get("twitter:image"),
        metas.get("twitter:image:src"),
    )
    if not found:
        link = tree.css_first("link[rel=image_src]")
        found = _clean(link.attributes.get("href")) if link is not None else None
    return _absolute(found, url)
