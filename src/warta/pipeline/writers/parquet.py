"""Parquet writer with an explicit Arrow schema, so DuckDB (``read_parquet``) and HF datasets
(``load_dataset("parquet", ...)``) load it as it is: plain strings, numbers, lists and structs,
no maps, no extension types. Needs ``pyarrow`` (``pip install 'warta[parquet]'``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from warta.pipeline.writers.files import output_file

ROW_GROUP = 5_000


def article_schema() -> Any:
    """The Arrow schema of the exported articles."""
    import pyarrow as pa

    from warta.pipeline.steps.quality import quality_figures

    strings = pa.list_(pa.string())
    quality_keys = sorted(quality_figures(["a b"], "en"))
    return pa.schema(
        [
            ("id", pa.string()),
            ("key", pa.string()),
            ("input", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("title", pa.string()),
            ("text", pa.string()),
            ("paragraphs", strings),
            ("language", pa.string()),
            ("language_score", pa.float64()),
            ("published", pa.string()),
            ("published_origin", pa.string()),
            ("fetched", pa.string()),
            ("day", pa.string()),
            ("dateline", pa.string()),
            ("credit", pa.string()),
            ("credit_outlet", pa.string()),
            ("authors", strings),
            ("site_name", pa.string()),
            ("word_count", pa.int64()),
            ("text_hash", pa.string()),
            ("quality", pa.struct([(k, pa.float64()) for k in quality_keys])),
            ("quality_flags", strings),
            ("status", pa.string()),
            ("duplicate_kind", pa.string()),
            ("duplicate_of", pa.string()),
            ("cluster_id", pa.string()),
            ("story_id", pa.string()),
            (
                "quotes",
                pa.list_(
                    pa.struct(
                        [
                            ("speaker", pa.string()),
                            ("cue", pa.string()),
                            ("text", pa.string()),
                            ("start", pa.int64()),
                            ("end", pa.int64()),
                            ("kind", pa.string()),
                            ("attribution", pa.string()),
                        ]
                    )
                ),
            ),
            (
                "entities",
                pa.list_(
                    pa.struct(
                        [("name", pa.string()), ("type", pa.string()), ("mentions", pa.int64())]
                    )
                ),
            ),
            ("warnings", strings),
        ]
    )


def reject_schema() -> Any:
    """The Arrow schema of the exported rejects."""
    import pyarrow as pa

    return pa.schema(
        [
            ("key", pa.string()),
            ("id", pa.string()),
            ("input", pa.string()),
            ("url", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("size", pa.int64()),
        ]
    )


def quote_schema() -> Any:
    """The Arrow schema of ``warta export --what quotes`` (one row a quote)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("quote_id", pa.int64()),
            ("article_id", pa.string()),
            ("store_id", pa.int64()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("day", pa.string()),
            ("language", pa.string()),
            ("status", pa.string()),
            ("duplicate_kind", pa.string()),
            ("speaker", pa.string()),
            ("attribution", pa.string()),
            ("cue", pa.string()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
        ]
    )


def entity_schema() -> Any:
    """The Arrow schema of ``warta export --what entities`` (one row an entity)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("entity_id", pa.int64()),
            ("name", pa.string()),
            ("type", pa.string()),
            ("articles", pa.int64()),
            ("mentions", pa.int64()),
            ("aliases", pa.list_(pa.string())),
        ]
    )


def story_schema() -> Any:
    """The Arrow schema of ``warta export --what stories`` (one row a story)."""
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return pa.schema(
        [
            ("story_id", pa.string()),
            ("title", pa.string()),
            ("first_seen", pa.string()),
            ("last_seen", pa.string()),
            ("articles", pa.int64()),
            ("outlets", pa.int64()),
            ("keywords", strings),
            ("members", strings),
            ("member_outlets", strings),
        ]
    )


def write_parquet(rows: Iterable[dict[str, Any]], path: str, schema: Any) -> int:
    """Write rows in row groups of :data:`ROW_GROUP`, atomically
    (:func:`~warta.pipeline.writers.files.output_file`); return the count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet output needs pyarrow: pip install 'warta[parquet]'") from exc
    n = 0
    with output_file(path, "wb") as fh, pq.ParquetWriter(fh, schema, compression="zstd") as writer:
        for chunk in _chunks(rows, ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk
