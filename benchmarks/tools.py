"""HTML-mode tools: warta and its peers, each given the page's raw bytes where it accepts bytes.

Every function takes a :class:`~benchmarks.data.Page` and returns the text it extracts. Decoding is
part of the job and is timed with the call: warta, trafilatura, readability-lxml and jusText take
the raw bytes and decode them their own way; resiliparse takes a str, so its adapter decodes with
resiliparse's own ``detect_encoding`` + ``bytes_to_str`` inside the timed call. Peers are imported
lazily, so the harness (and its tests) work where the ``bench`` extra is not installed.
"""

from __future__ import annotations

from typing import Any

from benchmarks.data import Page
from benchmarks.runner import Tool

# Elements after (and before) which a block's text ends a line. Used to turn readability-lxml's HTML
# summary into text with one line a block, as the other tools output.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)


def element_text(root: Any) -> str:
    """The text of an lxml element, one line a block element, whitespace collapsed in each line.

    ``lxml``'s ``text_content()`` glues adjacent blocks together (``end.</p><p>Next`` becomes
    ``end.Next``), which would merge words across paragraphs and unfairly cost a tool in scoring.
    """
    parts: list[str] = []
    # An explicit stack, not recursion (deep trees) nor etree.iterwalk (it skips comments, and with
    # them the text in their tails). Each entry: the node, and whether its children are done.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        is_element = isinstance(el.tag, str)
        block = is_element and el.tag.lower() in BLOCK_TAGS
        if not done:
            if block:
                parts.append("\n")
            if is_element and el.text:
                parts.append(el.text)
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))
        else:
            if block:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def warta_setup() -> None:
    """warta.extract.warm_up(enrich=False): loads lingua's detectors and the block/line models once."""
    from warta.extract import warm_up

    warm_up(enrich=False)


def warta_html(page: Page) -> str:
    """warta.extract on the raw bytes.

    A WartaError (e.g. NoContent) propagates: the runner counts it as empty output and tallies it
    by name in the *errors* column.
    """
    import warta

    # The harness bounds every call the same way (SIGALRM); warta's own bound uses SIGALRM too and
    # would cancel the harness's, so it is switched off here.
    return warta.extract(page.html, url=page.url, timeout=None, enrich=False).text


def trafilatura_nocomments(page: Page) -> str:
    """trafilatura with comments off: the setting of the bench README's 0.960."""
    import trafilatura

    return trafilatura.extract(page.html, include_comments=False) or ""


def trafilatura_default(page: Page) -> str:
    """trafilatura with its defaults (comments included)."""
    import trafilatura

    return trafilatura.extract(page.html) or ""


def trafilatura_precision(page: Page) -> str:
    """trafilatura tuned for precision, comments off."""
    import trafilatura

    return trafilatura.extract(page.html, favor_precision=True, include_comments=False) or ""


def readability_lxml(page: Page) -> str:
    """readability-lxml's summary HTML, turned into text one line a block."""
    import lxml.html
    from readability import Document

    summary = Document(page.html).summary()
    if not summary.strip():
        return ""
    return element_text(lxml.html.fromstring(summary))


def resiliparse_main(page: Page) -> str:
    """resiliparse's main-content plain text, after its own charset detection."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    html = bytes_to_str(page.html, detect_encoding(page.html) or "utf-8")
    return str(extract_plain_text(html, main_content=True))


def justext_html(page: Page) -> str:
    """jusText on the raw bytes with the English stoplist: its non-boilerplate paragraphs."""
    import justext

    paragraphs = justext.justext(page.html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


HTML_TOOLS: dict[str, Tool[Page]] = {
    t.name: t
    for t in (
        Tool(
            "warta",
            "warta.extract(html_bytes, url=url, timeout=None, enrich=False).text (extraction only: no dates, quotes or entities); an error → empty",
            warta_html,
            setup=warta_setup,
        ),
        Tool(
            "trafilatura",
            "trafilatura.extract(html_bytes, include_comments=False)",
            trafilatura_nocomments,
        ),
        Tool(
            "trafilatura-precision",
            "trafilatura.extract(html_bytes, favor_precision=True, include_comments=False)",
            trafilatura_precision,
        ),
        Tool(
            "trafilatura-default",
            "trafilatura.extract(html_bytes) (defaults: comments included)",
            trafilatura_default,
        ),
        Tool(
            "readability-lxml",
            "readability.Document(html_bytes).summary(), then lxml text one line a block element",
            readability_lxml,
        ),
        Tool(
            "resiliparse",
            'extract_plain_text(bytes_to_str(html_bytes, detect_encoding(html_bytes) or "utf-8"), main_content=True)',
            resiliparse_main,
        ),
        Tool(
            "justext",
            "justext.justext(html_bytes, get_stoplist('English')), non-boilerplate paragraphs",
            justext_html,
        ),
    )
}
"""Every HTML-mode tool by name."""

DEFAULT_HTML_TOOLS = (
    "warta",
    "trafilatura",
    "trafilatura-precision",
    "trafilatura-default",
    "readability-lxml",
    "resiliparse",
)
"""The tools ``make bench`` runs (jusText is available with ``--tools`` but is a text-mode peer)."""

REFERENCE_TOOL = "trafilatura"
"""Ratios of speed and F1 are taken against this tool."""
