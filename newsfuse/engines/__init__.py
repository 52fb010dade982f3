"""Engines: who runs the per-article stages of ingest. `local` (this process, the default) and `ray`.

Every engine is a `Mapper` over the same pure chunk functions (stages.py), driven by the same loop
(driver.py), so every engine gives the same stories. `ENGINES` is the name table: a name opens the
engine for a run (starting and stopping what it needs) and yields its mapper. Run an ingest with
`newsfuse.ingest.ingest(inputs, options=IngestOptions(engine="ray"))`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from newsfuse.engines.clock import MAPPED_STAGES, STAGES, StageClock, StageTime
from newsfuse.engines.driver import Mapper, ingest_with
from newsfuse.engines.local import local_engine, map_in_process
from newsfuse.engines.options import BATCH_SIZE, ENGINE_NAMES, TASK_ARTICLES, IngestOptions, Progress

Engine = Callable[[IngestOptions], AbstractContextManager[Mapper]]


@contextmanager
def _ray_engine(options: IngestOptions) -> Iterator[Mapper]:
    from newsfuse.engines.ray import ray_engine  # keeps the default install free of the Ray module

    with ray_engine(options) as mapper:
        yield mapper


ENGINES: dict[str, Engine] = {"local": local_engine, "ray": _ray_engine}

__all__ = [
    "BATCH_SIZE",
    "ENGINES",
    "ENGINE_NAMES",
    "MAPPED_STAGES",
    "STAGES",
    "TASK_ARTICLES",
    "Engine",
    "IngestOptions",
    "Mapper",
    "Progress",
    "StageClock",
    "StageTime",
    "ingest_with",
    "map_in_process",
]
