"""Bytes decoding: BOM, HTTP and <meta> charsets verified, detection, never raising."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.page.decode import decode, normalise_charset, sniff_meta_charset

FRENCH = "Le café de la gare était fermé à cause de la grève; très déçu, il a marché jusqu'à l'hôtel."
GERMAN = "Der Bürgermeister sagte, dass die Straßen geöffnet würden. „Wir sind froh“, sagte er – über die Lösung."


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


def test_plain_utf8_without_declaration() -> None:
    result = decode(html("Jumat, 14 Juni — “kutipan”").encode("utf-8"))
    assert result.encoding == "utf-8"
    assert result.origin == "utf-8"
    assert "“kutipan”" in result.text
    assert result.warnings == []


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_bom_wins_over_declarations(bom: bytes, codec: str) -> None:
    page = html(FRENCH, '<meta charset="iso-8859-1">')
    result = decode(bom + page.encode(codec), http_charset="windows-1251")
    assert result.origin == "bom"
    assert result.text == page
    assert "\ufeff" not in result.text


def test_http_charset_beats_meta() -> None:
    page = html("Привет, как дела?", '<meta charset="utf-8">')
    result = decode(page.encode("cp1251"), http_charset="windows-1251")
    assert (result.encoding, result.origin) == ("cp1251", "http")
    assert "Привет" in result.text


def test_meta_charset_and_http_equiv() -> None:
    page = html(FRENCH, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    result = decode(page.encode("cp1252"))
    assert (result.encoding, result.origin) == ("cp1252", "meta")
    assert FRENCH in result.text


def test_latin1_label_decodes_as_cp1252_like_browsers() -> None:
    page = html("“smart quotes” – and a dash", '<meta charset="latin-1">')
    result = decode(page.encode("cp1252"))
    assert result.encoding == "cp1252"
    assert "“smart quotes” – and" in result.text


def test_legacy_label_on_utf8_bytes_is_a_lie() -> None:
    page = html(FRENCH, '<meta charset="iso-8859-1">')
    result = decode(page.encode("utf-8"))
    assert result.encoding == "utf-8"
    assert "charset-mismatch" in result.warnings
    assert FRENCH in result.text


def test_utf8_label_on_cp1252_bytes_falls_back_to_detection() -> None:
    page = html(GERMAN + " " + FRENCH, '<meta charset="utf-8">')
    result = decode(page.encode("cp1252"), http_charset="utf-8")
    assert "charset-mismatch" in result.warnings
    assert "charset-guessed" in result.warnings
    assert result.encoding == "cp1252"
    assert GERMAN in result.text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Президент заявил, что правительство примет новые меры для поддержки экономики страны.", "cp1251"),
        ("東京都の天気は晴れです。政府は新しい経済政策を発表しました。", "cp932"),
        ("中华人民共和国国务院今天发布了新的经济政策，以促进经济发展。", "gb18030"),
    ],
)
def test_undeclared_legacy_bytes_are_detected(text: str, codec: str) -> None:
    result = decode(html(text).encode(codec))
    assert result.origin == "detected"
    assert result.warnings == ["charset-guessed"]
    assert text in result.text


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = html(FRENCH * 3).encode("utf-8").replace(b"</p>", b"\x93</p>")
    result = decode(data)
    assert result.encoding == "utf-8"
    assert "decode-errors" in result.warnings
    assert FRENCH in result.text


def test_unknown_label_is_reported_and_ignored() -> None:
    result = decode(html("plain", '<meta charset="x-no-such-charset">').encode())
    assert result.encoding == "utf-8"
    assert "charset-unknown" in result.warnings


def test_meta_utf16_means_utf8() -> None:
    result = decode(html("café", '<meta charset="utf-16">').encode("utf-8"))
    assert (result.encoding, result.origin) == ("utf-8", "meta")


def test_empty_and_odd_inputs() -> None:
    assert decode(b"").text == ""
    assert decode(bytearray(b"abc")).text == "abc"
    assert decode("already text").origin == "given"  # type: ignore[arg-type]


def test_label_normalisation() -> None:
    assert normalise_charset("ISO-8859-1") == "cp1252"
    assert normalise_charset(" 'utf8' ") == "utf-8"
    assert normalise_charset("Shift_JIS") == "cp932"
    assert normalise_charset("gb2312") == "gb18030"
    assert normalise_charset("nonsense") is None
    assert normalise_charset("") is None
    assert sniff_meta_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>') == "ISO-8859-2"


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=600), label=st.sampled_from([None, "utf-8", "iso-8859-1", "utf-16", "bogus", "shift_jis"]))
def test_never_raises(data: bytes, label: str | None) -> None:
    result = decode(b'<meta charset="euc-kr">' + data, http_charset=label)
    assert isinstance(result.text, str)
    assert result.encoding


# The page's own bytes, for the parser, exactly when the text is their UTF-8 decoding.


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        ("<p>caf\u00e9 \u201cquoted\u201d</p>".encode(), None),
        ("<meta charset=utf-8><p>\u00e9</p>".encode(), None),
        ("<p>\u00e9</p>".encode(), "utf-8"),
        ("<meta charset=windows-1252><p>\u00e9 \u2014 UTF-8 after all</p>".encode(), None),
        (b"<p>plain ascii</p>", None),
    ],
)
def test_utf8_bytes_are_the_input_when_the_text_is_their_decoding(data: bytes, charset: str | None) -> None:
    decoded = decode(data, http_charset=charset)
    assert decoded.utf8 is data
    assert decoded.text.encode("utf-8") == data


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (b"\xef\xbb\xbf<p>bom</p>", None),  # the BOM is not in the text
        ("<p>caf\u00e9</p>".encode("cp1252"), "windows-1252"),  # another encoding
        (b"<meta charset=windows-1252><p>plain</p>", None),  # ASCII read as a legacy charset
        (b"<p>broken \xff utf-8 \xc3\xa9</p>", None),  # repaired: not the bytes
        ("<p>\u00e9</p>".encode("utf-16"), None),
    ],
)
def test_no_utf8_bytes_otherwise(data: bytes, charset: str | None) -> None:
    decoded = decode(data, http_charset=charset)
    assert decoded.utf8 is None or decoded.text.encode("utf-8") == decoded.utf8
    assert decoded.utf8 is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace")))
def test_utf8_bytes_only_ever_are_the_texts_encoding(data: bytes) -> None:
    decoded = decode(data)
    if decoded.utf8 is not None:
        assert decoded.utf8 is data
        assert decoded.text.encode("utf-8") == data
