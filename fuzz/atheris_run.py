"""Coverage-guided fuzzing of ``warta.extract`` with atheris (libFuzzer), when it is installed.

Usage (atheris is not a project dependency: ``pip install atheris``; it has wheels for CPython
3.11 on Linux x86-64)::

    python -m fuzz.atheris_run -max_total_time=300 -timeout=30 fuzz-corpus/

Flags are libFuzzer's. ``warta`` is instrumented for coverage. libFuzzer owns SIGALRM for its own
``-timeout`` (a hang is reported as a timeout crash), so ``extract`` runs here without its bound.
Any exception other than a plain :class:`~warta.errors.WartaError` (so including
:class:`~warta.errors.ExtractionFailed`, a bug in a step) is a crash: libFuzzer stops and saves
the input as ``crash-<sha1>``; run this module with that file as its only argument to replay it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["warta"]):
    from warta.article import Article
    from warta.errors import ExtractionFailed, WartaError
    from warta.extract import InputKind, extract


def one_input(data: bytes) -> None:
    """Read the fuzzer's bytes as bytes, as str, or as text, and check extract's contract."""
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    source: bytes | str
    if mode == 0:
        source = fdp.ConsumeBytes(fdp.remaining_bytes())
    elif mode == 1:
        source = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    else:
        source = fdp.ConsumeUnicode(fdp.remaining_bytes())  # may hold lone surrogates
    kinds: tuple[InputKind, ...] = ("auto", "html", "text", "auto")
    kind = kinds[mode]
    try:
        article = extract(source, input=kind, timeout=None)
    except ExtractionFailed:
        raise
    except WartaError:
        return
    if article.text != "\n\n".join(p.text for p in article.paragraphs):
        raise AssertionError("text is not the paragraphs joined by a blank line")
    if Article.from_json(article.to_json()) != article:
        raise AssertionError("JSON round trip changed the article")


def main() -> None:
    """Hand control to libFuzzer."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
