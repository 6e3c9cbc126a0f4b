"""Writers: the store (always; :mod:`warta.store`) plus an export of it as JSONL or Parquet."""

from __future__ import annotations

import os

from warta.pipeline.writers.jsonl import write_jsonl
from warta.pipeline.writers.parquet import article_schema, reject_schema, write_parquet
from warta.store.db import Store
from warta.store.queries import export_rejects, export_rows

FORMATS = ("jsonl", "parquet")

__all__ = ["FORMATS", "export", "write_jsonl", "write_parquet"]


def export(store: Store, out_dir: str, fmt: str = "jsonl") -> list[str]:
    """Write ``articles.<fmt>`` (duplicates included, marked by ``status``) and
    ``rejects.<fmt>`` into ``out_dir``; return the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    os.makedirs(out_dir, exist_ok=True)
    articles = os.path.join(out_dir, f"articles.{fmt}")
    rejects = os.path.join(out_dir, f"rejects.{fmt}")
    if fmt == "jsonl":
        write_jsonl(export_rows(store.conn), articles)
        write_jsonl(export_rejects(store.conn), rejects)
    else:
        write_parquet(export_rows(store.conn), articles, article_schema())
        write_parquet(export_rejects(store.conn), rejects, reject_schema())
    return [articles, rejects]
