"""Engines: who runs the ingest stages. `local` (one process, the default) and `ray` (a Ray cluster).

Both call the same stage functions (stages.py) and give the same stories; `ENGINES` is the name table.

Example:
    >>> from newsfuse.engines import run_ingest
    >>> report = run_ingest(["crawl/"], store="news.duckdb", engine="ray")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol

from newsfuse.cluster.batch import ClusterConfig
from newsfuse.engines.local import local_ingest
from newsfuse.engines.stages import TASK_ARTICLES, StageClock, StageTime
from newsfuse.errors import ConfigError
from newsfuse.ingest import BATCH_SIZE, Progress
from newsfuse.model import IngestReport
from newsfuse.store.base import Store

EngineName = Literal["local", "ray"]


class Engine(Protocol):
    """Ingest inputs into a store: read, clean, fold copies, cluster into stories, write."""

    def __call__(
        self,
        inputs: Iterable[str | Path],
        *,
        store: Store | str | Path | None,
        fmt: str | None,
        batch_size: int,
        config: ClusterConfig | None,
        progress: Progress | None,
        address: str | None,
        workers: int | None,
        clock: StageClock | None,
    ) -> IngestReport: ...


def _local(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None,
    fmt: str | None,
    batch_size: int,
    config: ClusterConfig | None,
    progress: Progress | None,
    address: str | None,
    workers: int | None,
    clock: StageClock | None,
) -> IngestReport:
    if address is not None or workers is not None:
        raise ConfigError(f"address={address!r}, workers={workers}: only the ray engine takes them (--engine ray)")
    return local_ingest(
        inputs, store=store, fmt=fmt, batch_size=batch_size, config=config, progress=progress, clock=clock
    )


def _ray(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None,
    fmt: str | None,
    batch_size: int,
    config: ClusterConfig | None,
    progress: Progress | None,
    address: str | None,
    workers: int | None,
    clock: StageClock | None,
) -> IngestReport:
    from newsfuse.engines.ray import RayConfig, ray_ingest  # keeps the default install free of the Ray module

    return ray_ingest(
        inputs,
        store=store,
        fmt=fmt,
        batch_size=batch_size,
        config=config,
        progress=progress,
        ray_config=RayConfig(address=address, workers=workers, task_articles=TASK_ARTICLES),
        clock=clock,
    )


ENGINES: dict[str, Engine] = {"local": _local, "ray": _ray}


def run_ingest(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
    fmt: str | None = None,
    batch_size: int = BATCH_SIZE,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
    clock: StageClock | None = None,
) -> IngestReport:
    """Ingest `inputs` into `store` with the named engine; every engine gives the same stories.

    Args:
        inputs: files, folders or "-" for standard input, as for `newsfuse.ingest.ingest`.
        store: an open `Store`, a DuckDB file path, or None for the default store.
        engine: a name of `ENGINES`: "local" (this process) or "ray".
        address: the Ray cluster to join ("auto", "ray://head:10001"); None starts a local one for the run.
        workers: CPUs of a local Ray cluster (None: every core).
        fmt, batch_size, config, progress: as for `newsfuse.ingest.ingest`.
        clock: a `StageClock` to collect per-stage times and worker memory.

    Raises:
        ConfigError: an unknown engine, or Ray options given to the local engine.
        MissingExtra: the ray engine without Ray installed.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; expected one of: {', '.join(ENGINES)}")
    return ENGINES[engine](
        inputs,
        store=store,
        fmt=fmt,
        batch_size=batch_size,
        config=config,
        progress=progress,
        address=address,
        workers=workers,
        clock=clock,
    )


__all__ = ["ENGINES", "Engine", "EngineName", "StageClock", "StageTime", "run_ingest"]
