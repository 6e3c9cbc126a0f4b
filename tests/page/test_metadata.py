"""Page metadata: JSON-LD, meta tags, bylines, dates and their origins; never raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import warta
from warta.article import DateValue
from warta.page import jsonld
from warta.page.authors import clean_authors
from warta.page.dates import date_from_url, find_date_in_text, parse_date
from warta.page.decode import decode
from warta.page.metadata import (
    Metadata,
    extract_metadata,
    normalise_language,
    trim_title,
)

META = Path(__file__).resolve().parents[1] / "fixtures" / "meta"


def read(name: str, url: str | None = None) -> Metadata:
    text = decode((META / name).read_bytes()).text
    return extract_metadata(LexborHTMLParser(text), url=url)


def test_news_page_with_jsonld_graph() -> None:
    meta = read("news-graph.html", url="https://warta.example.id/berita/2024/06/14/banjir-bekasi?utm=x")
    assert meta.title == "Banjir Rendam Ribuan Rumah di Bekasi"
    assert meta.site_name == "Warta Contoh"
    assert meta.canonical_url == "https://warta.example.id/berita/2024/06/14/banjir-bekasi"
    assert meta.url == "https://warta.example.id/berita/2024/06/14/banjir-bekasi?utm=x"
    # The @id reference is resolved; the organisation "author" is dropped when people are named.
    assert meta.authors == ["Rina Suryani", "Budi Santoso"]
    assert meta.published is not None
    assert (meta.published.value, meta.published.origin) == ("2024-06-14T10:15:00+07:00", "json-ld")
    assert meta.modified is not None and meta.modified.value == "2024-06-14T12:00:00+07:00"
    assert meta.language == "id"
    assert meta.image == "https://warta.example.id/img/banjir.jpg"
    assert meta.description == "Ribuan rumah terendam banjir setelah hujan deras semalaman."
    assert meta.tags[:4] == ["banjir", "Bekasi", "Jawa Barat", "Metro"]
    assert "cuaca ekstrem" in meta.tags
    assert len({t.lower() for t in meta.tags}) == len(meta.tags)


def test_broken_jsonld_and_indonesian_text_date() -> None:
    meta = read("broken-jsonld.html")
    assert meta.title == "Harga Cabai Naik Jelang Lebaran"
    assert meta.authors == ["Ani Lestari", "Dedi Kurnia"]
    assert meta.description == "Harga cabai naik dua kali lipat."
    assert meta.language == "id"  # the obsolete code "in"
    assert meta.published is not None
    assert (meta.published.value, meta.published.origin) == ("2024-06-14T10:15:00+07:00", "text")
    assert meta.url is None and meta.site_name is None


def test_byline_only_page() -> None:
    meta = read("byline-only.html", url="https://www.riversidepost.example.com/news/bridge")
    assert meta.title == "Council approves new bridge"
    assert meta.site_name == "The Riverside Post"
    assert meta.authors == ["Jane Doe", "John Smith"]
    assert meta.published is not None and meta.published.value == "2023-06-03"
    assert meta.language == "en"


def test_meta_dates_url_dates_and_site_from_domain() -> None:
    page = """<html><head><meta name="parsely-pub-date" content="2021-03-04T05:06:07Z">
    <meta property="article:modified_time" content="2021-03-05"></head><body><h1>Hi there</h1></body></html>"""
    meta = extract_metadata(LexborHTMLParser(page), url="https://www.example.org/a")
    assert meta.published == DateValue("2021-03-04T05:06:07+00:00", "meta")
    assert meta.modified is not None and meta.modified.origin == "meta"
    assert meta.site_name == "example.org"
    assert meta.title == "Hi there"

    bare = "<html><body><p>text</p></body></html>"
    meta = extract_metadata(LexborHTMLParser(bare), url="https://x.example/news/2019/11/02/story")
    assert meta.published is not None and (meta.published.value, meta.published.origin) == ("2019-11-02", "url")


def test_time_element() -> None:
    page = '<html><body><h1>A</h1><time datetime="2020-01-02T03:04:05+01:00">2 Jan</time></body></html>'
    meta = extract_metadata(LexborHTMLParser(page))
    assert meta.published is not None and meta.published.origin == "time"
    assert meta.published.value == "2020-01-02T03:04:05+01:00"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Banjir di Jakarta - Kompas.com", None, "https://www.kompas.com/x", "Banjir di Jakarta"),
        ("Banjir di Jakarta | Metro | Kompas", "Kompas", None, "Banjir di Jakarta | Metro"),
        ("BBC News - Storm hits coast", "BBC News", None, "Storm hits coast"),
        ("Pros and cons - a guide", None, None, "Pros and cons - a guide"),
        ("No separator here", "Site", None, "No separator here"),
    ],
)
def test_trim_title(title: str, site: str | None, url: str | None, expected: str) -> None:
    assert trim_title(title, site, url) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["By Jane Doe and John Smith"], ["Jane Doe", "John Smith"]),
        (["Oleh: Rina Suryani"], ["Rina Suryani"]),
        (["Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"], ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]),
        (["Dylan Bailey, MS, RD"], ["Dylan Bailey, MS, RD"]),
        (["https://facebook.com/someone", "jane@example.com"], []),
        (["Jane Doe", "jane doe", "JANE DOE"], ["Jane Doe"]),
        (["Ann Lee | June 3, 2023"], ["Ann Lee"]),
        (["David Jackson - Editorial Team"], ["David Jackson"]),
        (["admin"], []),
        (["Emma Ryan Writer"], ["Emma Ryan"]),  # a role after the name, no separator
        (["Jane Doe Senior Correspondent"], ["Jane Doe"]),
        (["HomeAdvisor Staff Writer"], ["HomeAdvisor Staff Writer"]),  # one word would be left
        (["John Writer"], ["John Writer"]),
    ],
)
def test_clean_authors(raw: list[str], expected: list[str]) -> None:
    assert clean_authors(raw) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-14T10:15:00+0700", "2024-06-14T10:15:00+07:00"),
        ("2015-11-05 14:56:43 +0700", "2015-11-05T14:56:43+07:00"),
        ("2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02+00:00"),
        ("2024-06-25", "2024-06-25"),
        ("Fri, 14 Jun 2024 10:15:00 +0700", "2024-06-14T10:15:00+07:00"),
        ("1718334900", "2024-06-14T03:15:00+00:00"),
        ("Jumat, 14 Juni 2024 10:15 WIB", "2024-06-14T10:15:00+07:00"),
        ("Rabu, 4 November 2015 21.04 WITA", "2015-11-04T21:04:00+08:00"),
        ("Selasa, 23 Februari 2016 | 14:39 WIB", "2016-02-23T14:39:00+07:00"),
        ("June 14, 2024 at 3:05 pm", "2024-06-14T15:05:00"),
        ("Updated: Dec. 3rd, 2019 12:00 PM EST", "2019-12-03T12:00:00-05:00"),
        ("14/06/2024", "2024-06-14"),
        ("May I help you", None),
        ("99/99/2024", None),
        ("", None),
        (None, None),
        (2024, None),
    ],
)
def test_parse_date(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_dates_in_url_and_text() -> None:
    assert date_from_url("https://x.id/read/2024/06/14/slug") == "2024-06-14"
    assert date_from_url("https://x.id/news/20240614/slug.html") == "2024-06-14"
    assert date_from_url("https://x.id/news/123456/slug") is None
    assert date_from_url(None) is None
    assert find_date_in_text("Diperbarui Kamis, 5 Nov 2015 pukul 14.56 WIB oleh redaksi") == "2015-11-05T14:56:00+07:00"


def test_jsonld_repairs_and_picks_the_article() -> None:
    page = """<script type="application/ld+json">[{"@type": "WebPage", "name": "p"},
    {"@type": "BlogPosting", "headline": "b",}]</script>
    <script type="APPLICATION/LD+JSON">{"@type": "NewsArticle", "headline": "n"}{"@type": "Person", "name": "x"}</script>
    <script type="application/ld+json">{ not json at all</script>"""
    nodes = jsonld.parse_blocks(LexborHTMLParser(page))
    assert [jsonld.types_of(n)[0] for n in nodes] == ["webpage", "blogposting", "newsarticle", "person"]
    picked = jsonld.pick_article(nodes)
    assert picked is not None and picked["headline"] == "n"


def test_normalise_language() -> None:
    assert normalise_language("en-US") == "en"
    assert normalise_language("id_ID") == "id"
    assert normalise_language("in") == "id"
    assert normalise_language("x") is None
    assert normalise_language(None) is None


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<meta property='og:title' content='",
                "<script type='application/ld+json'>",
                "</script>",
                '{"@type": "NewsArticle", "author": ',
                '"datePublished": "',
                "<h1>",
                "<time datetime='",
                "<p class='byline'>By ",
                "'>",
                "2024-13-45",
                "Jumat, 31 Februari 2024",
                "[",
                "]",
                "}",
            ]
        )
        | st.text(max_size=20),
        max_size=20,
    ),
    st.sampled_from([None, "https://x.id/2024/02/30/a", "not a url", "http://[::1"]),
)
def test_never_raises(parts: list[str], url: str | None) -> None:
    meta = extract_metadata(LexborHTMLParser("".join(parts)), url=url)
    assert isinstance(meta, Metadata)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jumat, 14 Juni 2024 10:15 WIB", "2024-06-14T10:15:00+07:00"),
        ("Posted June 14, 2024", "2024-06-14"),
        ("Diperbarui 14/06/2024", "2024-06-14"),
        ("2024-06-14", "2024-06-14"),
        ("Rabu pekan lalu, 3 Juli", None),  # no year: ruled out before the patterns run
        ("Skor 21-19 di babak kedua", None),
        ("", None),
    ],
)
def test_dates_in_visible_text(text: str, expected: str | None) -> None:
    assert find_date_in_text(text) == expected


def test_a_date_whose_zone_overflows_is_no_date_and_no_failure() -> None:
    assert parse_date("Fri, 14 Jun 24 10:00:00 +07001700000000") is None
    html = (
        '<html><head><meta property="article:published_time"'
        ' content="Fri, 14 Jun 24 10:00:00 +07001700000000"></head><body>'
        + "<p>Paragraf berita yang cukup panjang untuk dibaca sebagai isi artikel ini.</p>" * 5
        + "</body></html>"
    )
    article = warta.extract(html.encode())
    assert article.published is None or article.published.origin != "meta"


def test_article_body_comes_from_an_article_node_only() -> None:
    def page(kind: str) -> str:
        return (
            '<html><head><script type="application/ld+json">'
            f'{{"@context": "https://schema.org", "@type": "{kind}", "headline": "Harbour",'
            ' "articleBody": "The council voted to rebuild the harbour wall."}'
            "</script></head><body><p>x</p></body></html>"
        )

    meta = extract_metadata(LexborHTMLParser(page("NewsArticle")))
    assert meta.article_body == "The council voted to rebuild the harbour wall."
    # A forum post's articleBody is its first message, not the page's text.
    assert extract_metadata(LexborHTMLParser(page("DiscussionForumPosting"))).article_body is None


def test_a_role_after_the_byline_name_is_no_second_author() -> None:

    assert clean_authors(["By Jane Doe, Staff Writer"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe, Senior Correspondent"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe, John Smith"]) == ["Jane Doe", "John Smith"]
    assert clean_authors(["Tim Redaksi"]) == ["Tim Redaksi"]  # only a role: kept as printed
    assert clean_authors(["Tim Cook"]) == ["Tim Cook"]
