"""Text-mode benchmark: clean the whole visible text of a page, as a poor scraper would have saved it.

For each page of each set, the input is its whole visible text, one line a block element, made by
resiliparse (not by warta): ``extract_plain_text(html, main_content=False, list_bullets=False,
alt_texts=False, noscript=True)`` after resiliparse's own charset detection. That is done once,
untimed. Each tool then gets that text and is timed and scored against the set's gold exactly as in
HTML mode:

- ``warta``: ``warta.repair(text, url=url, timeout=None, enrich=False).text`` (an error → empty, counted);
- ``c4``: C4's line and page rules (:mod:`benchmarks.c4`); ``c4-lines``: the line rules only;
- ``justext``: each line wrapped as a ``<p>``, jusText with the stoplist of the page's gold language
  (English where the set gives none or jusText has no list for it);
- ``none``: the visible text unchanged (the recall ceiling and the precision floor).

Run from the repo root: ``python -m benchmarks.textmode [--sets ...] [--tools ...] [--limit N]
[--out docs/benchmarks.md]``. Per-page numbers go to ``bench-out/textmode/<set>.json``.
"""

from __future__ import annotations

import html as htmllib
from collections.abc import Sequence

from benchmarks import c4, harness
from benchmarks.data import Page
from benchmarks.runner import TextInput, Tool

# ISO 639-1 code → jusText stoplist name, for the languages the sets hold. jusText names its lists
# by English language name; codes it has no list for (ja, zh) fall back to English.
JUSTEXT_STOPLISTS = {
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "id": "Indonesian",
    "it": "Italian",
    "ko": "Korean",
    "ms": "Malay",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
}


def visible_text(html: bytes) -> str:
    """The page's whole visible text, one line a block, by resiliparse (not warta)."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    text = bytes_to_str(html, detect_encoding(html) or "utf-8")
    # noscript=True: a scraper that saves a page's text keeps <noscript> content (a browser without
    # JavaScript shows it; some forums serve their whole thread there).
    return str(
        extract_plain_text(
            text, main_content=False, list_bullets=False, alt_texts=False, noscript=True
        )
    )


def page_language(page: Page) -> str | None:
    """The two-letter language code the set's gold gives for the page, if any."""
    lang = page.gold.get("lang")
    return str(lang).split("-")[0].lower() if lang else None


def text_inputs(set_name: str, pages: list[Page]) -> list[TextInput]:
    """Each page's visible text, with its gold language and URL."""
    return [
        TextInput(id=p.id, text=visible_text(p.html), lang=page_language(p), url=p.url)
        for p in pages
    ]


def warta_text(item: TextInput) -> str:
    """warta.repair on the visible text; a WartaError propagates and counts as empty output."""
    import warta

    # timeout=None: the harness bounds every call the same way (see benchmarks.tools.warta_html).
    return warta.repair(item.text, url=item.url, timeout=None, enrich=False).text


def c4_page(item: TextInput) -> str:
    """C4's line and page rules."""
    return c4.clean(item.text)


def c4_lines(item: TextInput) -> str:
    """C4's line rules only."""
    return c4.clean(item.text, page_rules=False)


def justext_text(item: TextInput) -> str:
    """jusText on the lines wrapped as paragraphs, with the page language's stoplist."""
    import justext

    lines = [line.strip() for line in item.text.splitlines() if line.strip()]
    if not lines:
        return ""
    doc = (
        "<html><body>"
        + "".join(f"<p>{htmllib.escape(line)}</p>" for line in lines)
        + "</body></html>"
    )
    stoplist = justext.get_stoplist(JUSTEXT_STOPLISTS.get(item.lang or "", "English"))
    return "\n".join(p.text for p in justext.justext(doc, stoplist) if not p.is_boilerplate)


def unchanged(item: TextInput) -> str:
    """The visible text as it is."""
    return item.text


TEXT_TOOLS: dict[str, Tool[TextInput]] = {
    t.name: t
    for t in (
        Tool(
            "warta",
            "warta.repair(text, url=url, timeout=None, enrich=False).text; an error → empty",
            warta_text,
        ),
        Tool(
            "c4", "C4 line + page rules (benchmarks/c4.py, after TFDS c4_utils.clean_page)", c4_page
        ),
        Tool("c4-lines", "C4 line rules only, no page drops", c4_lines),
        Tool(
            "justext",
            "justext.justext('<p>line</p>…', get_stoplist(page language, else English)), non-boilerplate paragraphs",
            justext_text,
        ),
        Tool("none", "the visible text unchanged", unchanged),
    )
}
"""Every text-mode tool by name."""

INTRO = """
Text mode: the input is a page's whole visible text, one line a block element, made once and
untimed by resiliparse: `extract_plain_text(bytes_to_str(html, detect_encoding(html)),
main_content=False, list_bullets=False, alt_texts=False, noscript=True)`: what a poor scraper
saves. Each tool cleans that text; scoring, timing (wall and CPU), warm-up and the time bound are
as in HTML mode. Ratios are against jusText. `none` is the text as it comes: the recall ceiling every cleaner starts from.
"""


NOTES = {
    "wcxb-dev": """**warta's wcxb-dev row is in-sample** (the shipped line classifier was trained on all of
wcxb-dev). The honest figure is the 5-fold cross-validation of `python -m training.train_lines
--cv-only`: word F1 **0.813**, against c4-lines 0.735, c4 0.714 and jusText 0.710; by type
article 0.920, documentation 0.874, service 0.784, forum 0.751, listing 0.599, collection 0.573,
product 0.568."""
}
"""Notes printed under a set's table."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the text-mode benchmark; see ``--help``."""
    return harness.main(
        argv,
        mode="textmode",
        description="warta.repair and text cleaners on the visible text of the benchmark pages",
        registry=TEXT_TOOLS,
        default_tools=list(TEXT_TOOLS),
        make_inputs=text_inputs,
        reference="justext",
        intro=INTRO,
        notes=NOTES,
    )


if __name__ == "__main__":
    raise SystemExit(main())
