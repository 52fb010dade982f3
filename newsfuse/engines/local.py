"""The local engine, the default: every stage in this process (`newsfuse.ingest.ingest`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsfuse.cluster.batch import ClusterConfig
from newsfuse.engines.stages import StageClock, ingest_with, map_in_process
from newsfuse.ingest import BATCH_SIZE, Progress, ingest
from newsfuse.model import IngestReport
from newsfuse.store.base import Store


def local_ingest(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    fmt: str | None = None,
    batch_size: int = BATCH_SIZE,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
    clock: StageClock | None = None,
) -> IngestReport:
    """Ingest in this process; with a `clock`, through the shared stage loop so each stage is timed."""
    if clock is None:
        return ingest(inputs, store=store, fmt=fmt, batch_size=batch_size, config=config, progress=progress)
    return ingest_with(
        map_in_process,
        inputs,
        store=store,
        fmt=fmt,
        batch_size=batch_size,
        config=config,
        progress=progress,
        clock=clock,
    )
