"""Pure pieces of the explorer: body segments, streamed export chunks, interface strings."""

from __future__ import annotations

import csv
import io
import json

from warta.web import export
from warta.web.i18n import STRINGS, translator
from warta.web.segments import Segment, body_segments


def test_dateline_credit_and_quotes_are_marked() -> None:
    paras = ["PROKALTENG.CO - Kata dia.", 'Ia berkata, "Ini penting," kata Yang.', "Selesai. (jpc)"]
    text = "\n\n".join(paras)
    start = text.index("Ini penting,")
    quote = {"start": start, "end": start + len("Ini penting,"), "speaker": "Yang"}
    segs = body_segments(paras, quotes=[quote], dateline="PROKALTENG.CO", credit="jpc")
    assert segs[0][0] == Segment("dateline", "PROKALTENG.CO")
    assert Segment("quote", "Ini penting,", "Yang") in segs[1]
    assert segs[2][-1] == Segment("credit", "(jpc)")
    # Nothing is lost or reordered.
    assert ["".join(s.text for s in p) for p in segs] == paras


def test_marks_that_do_not_fit_are_ignored() -> None:
    paras = ["Jakarta - satu.", "dua"]
    segs = body_segments(paras, quotes=[{"start": 3, "end": 999, "speaker": None}, {"start": "x"}],
                         dateline="Bandung", credit="ant")
    assert ["".join(s.text for s in p) for p in segs] == paras
    assert all(s.kind == "text" for p in segs for s in p)


def test_streamed_csv_and_json_hold_every_row(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(export, "CHUNK_BYTES", 256)
    rows = [{"id": i, "title": f"judul, \"{i}\"\nbaris", "tags": ["a", "b"]} for i in range(2000)]
    chunks = list(export.csv_chunks(iter(rows)))
    assert len(chunks) > 10
    back = list(csv.DictReader(io.StringIO("".join(chunks))))
    assert len(back) == 2000 and back[1999]["title"] == 'judul, "1999"\nbaris' and back[0]["tags"] == "a; b"
    parts = list(export.json_chunks(iter(rows), {"q": "x"}))
    assert len(parts) > 10
    body = json.loads(b"".join(parts))
    assert body["ok"] is True and body["q"] == "x" and len(body["items"]) == 2000
    assert json.loads(b"".join(export.json_chunks(iter([]), {}))) == {"ok": True, "items": []}


def test_every_string_has_both_languages() -> None:
    for key, entry in STRINGS.items():
        assert set(entry) == {"id", "en"}, key
    assert translator("en")("latest") == "Latest Articles"
    assert translator("xx")("latest") == "Artikel Terbaru"
    assert translator("id")("of_total", total="9", share="5%") == "dari 9 artikel (5%)"
