"""The engine tests' shared pile, ingested once by the local engine (the reference every engine must match)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.ingest import IngestOptions, ingest
from tests.engines.piles import BATCH, write_pile


@pytest.fixture(scope="session")
def pile(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The inputs of the pile (written once under a tmp dir)."""
    return write_pile(tmp_path_factory.mktemp("pile"))


@pytest.fixture(scope="session")
def local_store(pile: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pile ingested by `newsfuse.ingest.ingest` in batches of `BATCH`, one chunk a batch."""
    path = tmp_path_factory.mktemp("local") / "news.duckdb"
    ingest(pile, store=path, options=IngestOptions(batch_size=BATCH))
    return path
