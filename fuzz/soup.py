"""Hypothesis strategies for hostile pages: HTML tag soup, odd charsets, scraped text, raw bytes.

Shared by the property tests (``tests/test_properties.py``, a few hundred examples) and the fuzz
run (``python -m fuzz.run``, hypothesis at volume). The alphabet is small on purpose: a few tags,
attributes and words that the extractor actually reacts to (article containers, related-link
phrases, datelines, credits, JSON-LD, ``<meta charset>``), mixed with the things parsers trip
over (unclosed and stray tags, comments, CDATA, entities, NULs, lone surrogates, deep nesting).
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

TAGS = (
    "html", "head", "body", "title", "meta", "p", "div", "span", "a", "b", "i", "article",
    "section", "main", "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "script", "style",
    "br", "img", "time", "noscript", "svg", "math", "template", "iframe", "textarea", "pre",
    "code", "blockquote", "figure", "figcaption", "header", "footer", "nav", "aside", "form",
    "select", "option", "font", "center", "xmp", "plaintext", "frameset", "button",
)  # fmt: skip
ATTRS = (
    "class", "id", "href", "src", "lang", "itemprop", "property", "name", "content", "charset",
    "datetime", "style", "hidden", "rel", "type", "http-equiv", "role", "dir",
)  # fmt: skip
ATTR_VALUES = (
    "", "content", "article-body", "detail__body-text", "read__content", "related", "baca-juga",
    "nav", "ads", "comment", "footer", "og:title", "og:site_name", "article:published_time",
    "author", "description", "canonical", "application/ld+json", "text/html; charset=koi8-r",
    "2024-02-30T25:61:00+07:00", "id", "ms", "en-US", "https://example.com/a/b?c=d#e",
    "javascript:alert(1)", "/relative/path", "//cdn.example", "display:none", "rtl", "\x00",
)  # fmt: skip
WORDS = (
    "Jakarta", "KOMPAS.com", "-", "Presiden", "mengatakan", "bahwa", "pemerintah", "akan", "the",
    "minister", "said", "on", "Tuesday", "Baca", "juga:", "Baca Juga :", "Read also:", "(ant)",
    "(jpc)", "[fyk/ash]", "H-4", "Editor:", "Penulis:", "Reporter :", "Foto:", "ADVERTISEMENT",
    "Senin", "(12/3/2024).", "12 Maret 2024", '"Kami', 'siap,"', "kata", "dia.", "“Ya,”", "«",
    "»", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&bogus;", "&lt;p&gt;", "\u200b",
    "\u00ad", "\ufeff", "\u202e", "ï»¿", "Ã©", "â€™", "日本語", "Русский", "العربية", "😀",
    "\t", "\r", "\n", "\n\n", "  ",
)  # fmt: skip
CHARSETS = (
    "utf-8", "UTF8", "koi8-r", "shift_jis", "euc-jp", "gb2312", "gb18030", "big5", "utf-16",
    "utf-16be", "utf-7", "iso-2022-jp", "windows-1252", "iso-8859-1", "x-user-defined",
    "no-such-charset", "", "utf-8\x00", "ut\u00e9f-8", "replacement",
)  # fmt: skip
ENCODINGS = (
    "utf-8", "cp1252", "latin-1", "utf-16", "utf-16-be", "shift_jis", "koi8-r", "gb18030",
    "big5", "euc-kr", "cp437",
)  # fmt: skip
SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff")

_words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
_free_text = st.text(max_size=40)
_text = st.one_of(_words, _words, _free_text)


@st.composite
def _attrs(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(ATTRS))
        value = draw(st.one_of(st.sampled_from(ATTR_VALUES), _text))
        quote = draw(st.sampled_from(('"', "'", "")))
        parts.append(f"{name}={quote}{value}{quote}" if draw(st.booleans()) else name)
    return "".join(" " + p for p in parts)


@st.composite
def _start_tag(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(TAGS))
    if draw(st.integers(0, 9)) == 0:
        tag = tag.upper()
    end = draw(st.sampled_from((">", ">", ">", "/>", "", " ")))
    return f"<{tag}{draw(_attrs())}{end}"


_end_tag = st.sampled_from(TAGS).map(lambda t: f"</{t}>")
_comment = st.builds(
    lambda body, closed: f"<!--{body}{'-->' if closed else ''}", _text, st.booleans()
)
_cdata = _text.map(lambda t: f"<![CDATA[{t}]]>")
_meta_charset = st.sampled_from(CHARSETS).map(lambda c: f'<meta charset="{c}">') | st.sampled_from(
    CHARSETS
).map(lambda c: f'<meta http-equiv="Content-Type" content="text/html; charset={c}">')
_json_ld = st.one_of(
    st.just('{"@type":"NewsArticle","headline":"H","datePublished":"2024-03-12T10:00:00+07:00"}'),
    st.just('{"@graph":[{"@type":"NewsArticle","author":[{"name":"A"},null,3]}]}'),
    st.just('[{"@type":"NewsArticle","headline":{"x":1}}]'),
    st.just('{"@type":"NewsArticle","author":' + "[" * 200 + "]" * 200 + "}"),
    st.just('{"@type":"Article","articleBody":[{"@value":"x"},7,null]}'),
    _text.map(lambda t: '{"@type":"NewsArticle","articleBody":' + json.dumps(t * 20) + "}"),
    _text,
).map(lambda j: f'<script type="application/ld+json">{j}</script>')
_deep = st.builds(
    lambda tag, n, text: f"<{tag}>" * n + text + f"</{tag}>" * n,
    st.sampled_from(("div", "span", "b", "table", "ul", "blockquote", "font", "a", "svg")),
    st.integers(50, 1500),
    _words,
)
_paragraph = _words.map(lambda w: f"<p>{w} {w} {w}.</p>")
_piece = st.one_of(
    _text,
    _paragraph,
    _start_tag(),
    _start_tag(),
    _end_tag,
    _comment,
    _cdata,
    _meta_charset,
    _json_ld,
    st.sampled_from(("<!DOCTYPE html>", "<", ">", "&", "</", "<!", "<?xml ?>", "\x00", "\r\n")),
)


def html_strings(*, surrogates: bool = True) -> st.SearchStrategy[str]:
    """Tag soup as ``str``: tags, attributes, text, comments, CDATA, charsets, NULs, surrogates."""
    pieces = _piece | st.sampled_from(SURROGATES) if surrogates else _piece
    soup = st.lists(pieces, max_size=60).map("".join)
    return st.one_of(soup, soup, st.tuples(soup, _deep, soup).map("".join))


@st.composite
def _encoded(draw: st.DrawFn) -> bytes:
    doc = draw(html_strings(surrogates=False))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = doc.encode(encoding, errors=draw(st.sampled_from(("replace", "ignore"))))
    if draw(st.integers(0, 4)) == 0:  # splice raw bytes in somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
    if draw(st.integers(0, 4)) == 0:  # cut it short anywhere, even inside a character
        data = data[: draw(st.integers(0, len(data)))]
    return data


def html_bytes() -> st.SearchStrategy[bytes]:
    """Tag soup as bytes in assorted (and wrong) encodings, sometimes spliced or cut short."""
    return _encoded()


def text_documents() -> st.SearchStrategy[str]:
    """Text a poor scraper might have extracted: lines of words, chrome, datelines, repeats."""
    line = st.one_of(_words, _free_text, st.sampled_from(WORDS))
    lines = st.lists(line, max_size=40)
    return st.builds(
        lambda ls, rep: "\n".join(ls + ls[:rep]), lines, st.integers(0, 10)
    )


def any_input() -> st.SearchStrategy[bytes | str]:
    """Anything a caller might hand ``extract``: str soup, encoded soup, text, raw bytes."""
    return st.one_of(
        html_strings(), html_bytes(), text_documents(), st.binary(max_size=4096)
    )
