"""Store stage: a corpus of articles, copies, stories and summaries that grows over time (DuckDB by default)."""

from __future__ import annotations

import os
from pathlib import Path

from newsfuse.store.base import Store, StoredBatch, StoredLinks, Waiting
from newsfuse.store.duckdb import DuckDBStore
from newsfuse.store.schema import SCHEMA_VERSION

STORE_FILE = "news.duckdb"


def default_store_path() -> Path:
    """The store used when none is named: `$XDG_DATA_HOME/newsfuse/news.duckdb` (default `~/.local/share`)."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "newsfuse" / STORE_FILE


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> DuckDBStore:
    """Open (creating it unless `read_only`) the store at `path`, or the default one."""
    return DuckDBStore(path if path is not None else default_store_path(), read_only=read_only)


__all__ = [
    "SCHEMA_VERSION",
    "STORE_FILE",
    "DuckDBStore",
    "Store",
    "StoredBatch",
    "StoredLinks",
    "Waiting",
    "default_store_path",
    "open_store",
]
