"""Page metadata: title, URLs, site name, authors, dates, declared language, description, tags,
image. Read from JSON-LD, ``<meta>``/``<link>`` tags, ``<time>`` and microdata, the URL, and as a
last resort the visible text.

Sources, in order of trust (the first that gives a clean value wins):

- title: ``og:title``, JSON-LD ``headline``, ``twitter:title``, ``<title>``, the first ``<h1>``;
  a `` - Site`` / `` | Site`` part is cut when it names the site or the domain;
- site name: ``og:site_name``, the JSON-LD publisher or WebSite, ``application-name``, the domain;
- authors: JSON-LD ``author``, author ``<meta>`` tags (not URLs), ``rel=author`` and
  ``itemprop=author``, byline elements; "By X and Y" → ``["X", "Y"]``;
- published / modified: JSON-LD, ``<meta>`` (``article:published_time``, ``pubdate``, ``dc.date``,
  ``parsely-pub-date``, ``sailthru.date``...), ``<time datetime>`` and ``itemprop``, a date in
  the URL, a date in a date-like element's text. Each keeps its origin.

:func:`extract_metadata` never raises on any parsed tree.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import msgspec
from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.article import DateOrigin, DateValue
from warta.page import jsonld
from warta.page.dates import MONTHS, date_from_url, find_date_in_text, parse_date


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


MAX_AUTHORS = 10
MAX_TAGS = 50

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "citation_publication_date",
    "citation_date",
    "og:pubdate",
    "article.published",
    "originalpublicationdate",
    "datecreated",
    "content_publish_date",
    "release_date",
    "pdate",
    "ptime",
    "displaydate",
    "cxenseparse:recs:publishtime",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "sailthru.lastmodified",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)
_BYLINE_SELECTORS = (
    # (selector, whether every match's text must look like a bare name)
    ("[rel=author]", False),
    ("[itemprop=author] [itemprop=name]", False),
    ("[itemprop=author]", False),
    (".byline .author", False),
    ("[class*=byline-name], [class*=byline__name], [class*=author-name], [class*=author_name]", True),
    ("[class*=authorname], [class*=author__name], .the-author", True),
    ("[class*=byline]", False),
    (".author, .penulis, .reporter, .writer", True),
    ("[class*=author]", True),
)
_DATE_ELEMENTS = (
    "[class*=date i]",
    "[class*=publish i]",
    "[class*=time i]",
    "[id*=date i]",
    "time",
)

_WS = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»~]|::)\s+")
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|published|words|text|story|photos?)\s+)?"
    r"(?:by|oleh|penulis|reporter|pewarta|wartawan|author|authors|kontributor|von|par|por|door)\b\s*:?\s*",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*)?\b(?:and|dan|und|et)\b\s*|\s*(?:&|;|\||/|\n)\s*", re.IGNORECASE)
_URLISH = re.compile(r"https?://|www\.|\.(?:com|net|org|id|co)\b/|^/", re.IGNORECASE)
_DIGITS_TAIL = re.compile(r"\s*\d.*$", re.DOTALL)
_DATE_TAIL = re.compile(
    r"[\s,|·•-]*\b(?:(?:on|updated|published|pada|diperbarui)\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\w*,?\s+)?"
    rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?\s*\d.*$",
    re.IGNORECASE | re.DOTALL,
)
_ROLE_TAIL = re.compile(r"\s+[-–—]\s+.*$", re.DOTALL)
_NOT_NAMES = frozenset(
    {"admin", "administrator", "unknown", "null", "none", "anonymous", "guest", "user", "author"}
)
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
        authors=_authors(tree, metas, article, ids),
        published=_published(tree, metas, nodes, article, url, canonical),
        modified=_modified(tree, metas, nodes, article),
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


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if "&" in value and ";" in value:
        value = html.unescape(value)
    value = _WS.sub(" ", value).strip()
    return value or None


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


def clean_authors(values: list[str]) -> list[str]:
    """Person names from raw author strings: prefixes such as "By" cut, lists split, URLs,
    e-mail addresses, placeholders and duplicates dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        text = _clean(value)
        if not text or _URLISH.search(text):
            continue
        text = _BY_PREFIX.sub("", _DATE_TAIL.sub("", text)).strip(" ,:;-–—|")
        text = _ROLE_TAIL.sub("", text)  # "David Jackson - Editorial Team"
        parts = [p for p in _NAME_SPLIT.split(text) if p and p.strip()]
        names: list[str] = []
        for part in parts:
            pieces = [p.strip() for p in part.split(",")]
            # "A Person, B Person" is two names; "Dylan Bailey, MS, RD" is one name with titles.
            if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
                names.extend(pieces)
            else:
                names.append(part)
        for name in names:
            name = _BY_PREFIX.sub("", _DIGITS_TAIL.sub("", name)).strip(" ,:;-–—|@.")
            if not name or "@" in name or len(name) > 80 or len(name.split()) > 8:
                continue
            if not any(ch.isalpha() for ch in name) or name.lower() in _NOT_NAMES:
                continue
            if _is_role(name) and not all(_is_role(n) for n in names):
                continue  # "Jane Doe, Staff Writer": the role is no second author
            key = name.lower()
            if key not in seen:
                seen.add(key)
                out.append(name)
            if len(out) >= MAX_AUTHORS:
                return out
    return out


# Words of a byline role printed after the name ("Staff Writer", "Senior Correspondent"); a
# byline that is only a role ("News Desk", "Our Editors") is kept as printed.
_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters editor editors correspondent correspondents "
    "contributor contributing columnist senior chief associate deputy managing political "
    "business sports news desk team wire the our special foreign national international "
    "wartawan jurnalis kontributor redaksi redaktur penulis pewarta tim".split()
)


def _is_role(name: str) -> bool:
    return all(w in _ROLE_WORDS for w in name.lower().replace("-", " ").split())


_NAME_PARTICLES = frozenset({"van", "der", "de", "den", "von", "bin", "binti", "al", "el", "da", "di", "la", "le", "du", "dos", "del"})


def looks_like_name(text: str) -> bool:
    """Whether a string reads like a person's name: 1 to 5 capitalised words, no digits."""
    words = text.replace(".", ". ").split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness"})


def _is_organisation(value: Any, ids: dict[str, dict[str, Any]]) -> bool:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in ids:
        value = ids[value["@id"]]
    if not isinstance(value, dict):
        return False
    return any(t in _ORG_TYPES for t in jsonld.types_of(value))


def _authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    article: dict[str, Any],
    ids: dict[str, dict[str, Any]],
) -> list[str]:
    raw = article.get("author") or article.get("creator")
    items = raw if isinstance(raw, list) else [raw]
    people = [item for item in items if not _is_organisation(item, ids)]
    from_jsonld = clean_authors(jsonld.names_of(people, ids))
    if from_jsonld:
        return from_jsonld
    # An organisation as author is used only when no person is named anywhere.
    fallback = clean_authors(jsonld.names_of(raw, ids))
    for key in _AUTHOR_META:
        found = clean_authors(metas.get(key) or [])
        if found:
            return found
    for selector, strict in _BYLINE_SELECTORS:
        nodes = tree.css(selector)
        if not nodes:
            continue
        # Only the first byline's group: later matches are often comment or related-post authors.
        parent = nodes[0].parent
        texts = []
        for node in nodes[:10]:
            if node is not nodes[0] and (node.parent is None or parent is None or node.parent.mem_id != parent.mem_id):
                continue
            text = node.text(deep=True, separator=" ")
            if text and len(text) < 120:
                texts.append(text)
        found = clean_authors(texts)
        if strict:
            found = [name for name in found if looks_like_name(name)]
        if found:
            return found
    return fallback


def _date_from_nodes(
    nodes: list[dict[str, Any]], article: dict[str, Any], keys: tuple[str, ...]
) -> str | None:
    for node in [article, *nodes]:
        for key in keys:
            value = parse_date(jsonld.text_of(node.get(key)))
            if value:
                return value
    return None


def _date_from_meta(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in metas.get(key) or ():
            parsed = parse_date(value)
            if parsed:
                return parsed
    return None


def _node_date(node: LexborNode) -> str | None:
    attrs = node.attributes
    for key in ("datetime", "content", "data-datetime", "data-date", "title"):
        parsed = parse_date(attrs.get(key))
        if parsed:
            return parsed
    text = node.text(deep=True, separator=" ")
    return parse_date(text) if text and len(text) < 200 else None


def _date_from_elements(tree: LexborHTMLParser, itemprop: str, *, any_time: bool) -> str | None:
    for node in tree.css(f"[itemprop={itemprop}]")[:5]:
        found = _node_date(node)
        if found:
            return found
    if not any_time:
        return None
    for selector in ("time[pubdate]", "time[datetime]"):
        for node in tree.css(selector)[:5]:
            found = _node_date(node)
            if found:
                return found
    return None


def _date_from_text(tree: LexborHTMLParser) -> str | None:
    """A date printed in a date-like element, else near the headline: in the elements after the
    ``<h1>``, then in its ancestors up to :data:`_NEAR_HEADLINE` characters of text."""
    for selector in _DATE_ELEMENTS:
        for node in tree.css(selector)[:10]:
            text = node.text(deep=True, separator=" ")
            if text and len(text) < 200:
                found = find_date_in_text(text)
                if found:
                    return found
    headline: LexborNode | None = tree.css_first("h1")
    sibling = headline.next if headline is not None else None
    seen = 0
    while sibling is not None and seen < 4:
        if sibling.tag not in ("-text", "_text", "-comment", "_comment"):
            seen += 1
            text = sibling.text(deep=True, separator=" ")
            if text and len(text) < 300:
                found = find_date_in_text(text)
                if found:
                    return found
        sibling = sibling.next
    ancestor = headline
    for _ in range(4):
        if ancestor is None or ancestor.parent is None:
            break
        ancestor = ancestor.parent
        text = ancestor.text(deep=True, separator=" ")
        if len(text) > _NEAR_HEADLINE:
            break
        found = find_date_in_text(text)
        if found:
            return found
    return None


_NEAR_HEADLINE = 1500


def _published(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    nodes: list[dict[str, Any]],
    article: dict[str, Any],
    url: str | None,
    canonical: str | None,
) -> DateValue | None:
    steps: tuple[tuple[DateOrigin, Any], ...] = (
        ("json-ld", lambda: _date_from_nodes(nodes, article, ("datePublished", "dateCreated"))),
        ("meta", lambda: _date_from_meta(metas, _PUBLISHED_META)),
        ("time", lambda: _date_from_elements(tree, "datePublished", any_time=True)),
        ("url", lambda: date_from_url(url) or date_from_url(canonical)),
        ("text", lambda: _date_from_text(tree)),
    )
    for origin, step in steps:
        value = step()
        if value:
            return DateValue(value=value, origin=origin)
    return None


def _modified(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    nodes: list[dict[str, Any]],
    article: dict[str, Any],
) -> DateValue | None:
    value = _date_from_nodes(nodes, article, ("dateModified",))
    if value:
        return DateValue(value=value, origin="json-ld")
    value = _date_from_meta(metas, _MODIFIED_META)
    if value:
        return DateValue(value=value, origin="meta")
    value = _date_from_elements(tree, "dateModified", any_time=False)
    return DateValue(value=value, origin="time") if value else None


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
