"""The compiled text counts (warta.page._cfeat) equal the numpy path's, and their guard."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import numpy as np
import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.page import features as F
from warta.page.html import A_PRE, Block, page_blocks, page_title

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

cfeat = pytest.importorskip("warta.page._cfeat", reason="the compiled text counts are not built")


def _html_fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz")))


def _blocks(path: Path) -> tuple[list[Block], str | None]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    tree = LexborHTMLParser(data.decode("utf-8", "replace"))
    return page_blocks(tree), page_title(tree)


def _as_bytes(counts: F._Counts) -> list[bytes]:
    return [np.asarray(c, dtype=np.float64).tobytes() for c in counts]


def _assert_same_counts(blocks: list[Block]) -> None:
    texts = [b.text for b in blocks]
    lowers = [t.lower() for t in texts]
    facts = F.block_facts(blocks)
    got = F._compiled_counts(texts, lowers, facts)
    assert got is not None
    assert _as_bytes(got) == _as_bytes(F._numpy_counts(texts, lowers, facts))


def test_the_compiled_counts_are_used_where_built() -> None:
    assert F.COMPILED_FEATURES_STATUS == "compiled"
    assert F.COMPILED_FEATURES


def test_fixtures_exist() -> None:
    assert len(_html_fixtures()) >= 5


@pytest.mark.parametrize("path", _html_fixtures(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_same_counts_and_features_on_every_html_fixture(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks, title = _blocks(path)
    if not blocks:
        return
    _assert_same_counts(blocks)
    compiled = F.block_features(blocks, title)
    monkeypatch.setattr(F, "COMPILED_FEATURES", False)
    assert F.block_features(blocks, title).tobytes() == compiled.tobytes()


_PIECES = [
    *sorted(F._STOP)[:40], "Presiden", "KPK", "x.", "y,", "z;", "w:", "v!", "u?", "|", "»", "›",
    "•", "٣٤", "१२", "2024", "Ünïcödé", "Éa", "ǅx", "ß", "İstanbul", "東京", "𝟘𝟙", "a\u00a0b",
    "c\u2003d", "e\u3000f", "g\x1ch", "i\x85j", "k\u2028l", "”", "…", "©", "\ufffd", "ǈ", "Ⅻ", "½",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_same_counts_on_generated_blocks(seed: int) -> None:
    rng = random.Random(seed)
    blocks = []
    for index in range(rng.randint(1, 40)):
        size = rng.choice((1, 3, 10, 100, 299, 300, 301, 900))
        words = [rng.choice(_PIECES) for _ in range(size)]
        pre = rng.random() < 0.2
        text = "\n".join(words) if pre else " ".join(" ".join(words).split())
        blocks.append(
            Block(text, "p", "paragraph", 0, [], A_PRE if pre else 0, 0, 0, 1, (1,), index)
        )
    _assert_same_counts(blocks)


def test_the_import_check_probes_pass() -> None:
    assert F.check_compiled_counts(cfeat.text_counts) is None


def test_blocks_whose_facts_are_off_take_the_numpy_path() -> None:
    a = Block("one two three", "p", "paragraph", 0, [], 0, 0, 0, 1, (1,), 0)
    b = Block("four five", "p", "paragraph", 0, [], 0, 0, 0, 1, (1,), 1)
    a.words, b.words = 2, 3  # the total still matches: the numpy path misattributes, as always
    texts, lowers = [a.text, b.text], [a.text, b.text]
    assert F._compiled_counts(texts, lowers, F.block_facts([a, b])) is None
    b.words = 4  # the total differs: the numpy path counts each block's own tokens
    facts = F.block_facts([a, b])
    got = F._compiled_counts(texts, lowers, facts)
    assert got is not None
    assert _as_bytes(got) == _as_bytes(F._numpy_counts(texts, lowers, facts))
    b.chars = 3  # a size that is not the text's: the numpy path reads other bytes
    assert F._compiled_counts(texts, lowers, F.block_facts([a, b])) is None


def test_an_empty_text_raises_as_the_numpy_path_does() -> None:
    with pytest.raises(IndexError):
        cfeat.text_counts([""], [""], F._STOP_KEYS, 300, 4, ".")
    with pytest.raises(ValueError):
        cfeat.text_counts(["a"], [], F._STOP_KEYS, 300, 4, ".")


def test_stop_keys_pack_only_short_latin_1_words() -> None:
    keys = cfeat.pack_words(["a", "não", "sebagai", "a"])
    assert keys.dtype == np.int64 and len(keys) == 3 and list(keys) == sorted(keys)
    for word in ("", "delapan8", "東"):
        with pytest.raises(ValueError):
            cfeat.pack_words([word])
    # Tokens that do not pack (too long, other scripts) are never stop words.
    out = cfeat.text_counts(["x"], ["a aa sebagaix 東 não"], keys, 300, 4, ".")
    assert out[0, 4] == 2  # "a" and "não"


def _wrong_counts(column: int) -> F._CountsFn:
    def text_counts(*args: object) -> np.ndarray:
        out = cfeat.text_counts(*args)
        out[len(out) // 2, column] += 1
        return out

    return text_counts


@pytest.mark.parametrize("column", [0, 1, 2, 4, 5, 7, 8])
def test_the_import_check_rejects_counts_that_differ(column: int) -> None:
    problem = F.check_compiled_counts(_wrong_counts(column))
    assert problem is not None and "differ" in problem


def test_the_import_check_rejects_counts_that_fail() -> None:
    def broken(*args: object) -> np.ndarray:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        F.check_compiled_counts(broken)
    assert F._COMPILED_COUNTS is cfeat.text_counts  # put back after the failed check


# Block facts.


@pytest.mark.parametrize("path", _html_fixtures(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_same_block_facts_on_every_html_fixture(path: Path) -> None:
    blocks, _ = _blocks(path)
    got = cfeat.block_facts(blocks, F._TAG_GROUP, F._OTHER_TAG_GROUP, F.PATH_LEN)
    expected = F._python_block_facts(blocks)
    assert got.dtype == expected.dtype == np.int64
    assert got.shape == expected.shape
    assert got.tobytes() == expected.tobytes()
    assert F.block_facts(blocks).tobytes() == expected.tobytes()


def test_the_facts_check_passes_and_rejects_facts_that_differ() -> None:
    assert F.check_compiled_facts(cfeat.block_facts) is None

    def off_by_one(*args: object) -> np.ndarray:
        out = cfeat.block_facts(*args)
        if out.size:
            out[-1, -1] += 1
        return out

    problem = F.check_compiled_facts(off_by_one)
    assert problem is not None and "differ" in problem


def test_block_facts_raise_on_what_the_python_path_refuses() -> None:
    block = Block("a b", "p", "paragraph", 0, [], 0, 0, 0, 1, (1,), 0)
    block.path = [1, 2]  # type: ignore[assignment]  # not a tuple: the Python path's + fails
    with pytest.raises(TypeError):
        F._python_block_facts([block])
    with pytest.raises(TypeError):
        cfeat.block_facts([block], F._TAG_GROUP, F._OTHER_TAG_GROUP, F.PATH_LEN)
