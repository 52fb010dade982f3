"""The Ray engine: the per-article stages of ingest as Ray tasks over chunks, everything stateful on the driver.

Reading, the corpus-level cleaning of a batch, copy detection against the index, clustering over the
candidate graph and the store's transactions stay in the driver process, in the order of the local
engine (stages.py); line cleaning, fingerprints, term counts and sentence splitting run as one Ray task
a chunk. A task whose worker dies is run again by Ray (`TASK_RETRIES`), and the chunk functions are
pure, so a lost worker costs a retry, never an article. A run interrupted as a whole resumes from the
store's committed batches, as the local engine does.

Ray is an optional extra (`pip install 'newsfuse[scale]'`): it is imported only when the engine runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from newsfuse.cluster.batch import ClusterConfig
from newsfuse.engines.stages import TASK_ARTICLES, Measured, StageClock, ingest_with, measured
from newsfuse.errors import ConfigError, MissingExtra
from newsfuse.ingest import BATCH_SIZE, Progress
from newsfuse.model import Article, IngestReport
from newsfuse.store.base import Store

# How often Ray runs a task again after its worker process died (Ray's own default for tasks is 3).
TASK_RETRIES = 3

T = TypeVar("T")


def import_ray() -> ModuleType:
    """Return the `ray` module, or raise MissingExtra naming the extra to install."""
    try:
        import ray
    except ImportError as error:
        raise MissingExtra("the ray engine needs Ray: pip install 'newsfuse[scale]'") from error
    return ray


@dataclass(frozen=True, slots=True)
class RayConfig:
    """Where and how wide the Ray engine runs, checked when built.

    `address` None starts a local Ray cluster for the run (stopped after it) unless this process is
    already connected to one; "auto" joins the cluster of this machine; "ray://head:10001" a remote one
    (its nodes need newsfuse installed). `workers` is the CPUs of a local cluster (None: every core).
    """

    address: str | None = None
    workers: int | None = None
    task_articles: int = TASK_ARTICLES
    temp_dir: str | None = None  # Ray's session files for a local cluster (default /tmp/ray)

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ConfigError(f"ray workers {self.workers}: expected at least 1 (or None for every core)")
        if self.task_articles < 1:
            raise ConfigError(f"ray task size {self.task_articles}: expected at least 1 article")
        if self.address is not None and self.workers is not None:
            raise ConfigError(f"ray address {self.address!r} with workers={self.workers}: a cluster's size is its own")


def _run_chunk(function: Callable[[Sequence[Article]], T], chunk: Sequence[Article]) -> Measured[T]:
    return measured(function, chunk)


class RayMapper:
    """Run a chunk function as one Ray task a chunk; results in chunk order (ray must be initialised)."""

    def __init__(self, ray: ModuleType) -> None:
        self._ray = ray
        self._remote = ray.remote(max_retries=TASK_RETRIES, retry_exceptions=False)(_run_chunk)

    def __call__(
        self, function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]
    ) -> list[Measured[T]]:
        refs = [self._remote.remote(function, list(chunk)) for chunk in chunks]
        done: dict[object, Measured[T]] = {}
        pending = list(refs)
        while pending:
            # take each result as its task ends: unpickling it overlaps the tasks still running
            ready, pending = self._ray.wait(pending, num_returns=1)
            done[ready[0]] = self._ray.get(ready[0])
        return [done[ref] for ref in refs]


def ray_ingest(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    fmt: str | None = None,
    batch_size: int = BATCH_SIZE,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
    ray_config: RayConfig | None = None,
    clock: StageClock | None = None,
) -> IngestReport:
    """Ingest like `newsfuse.ingest.ingest` with the per-article stages on Ray; the same stories.

    Raises:
        MissingExtra: Ray is not installed.
    """
    ray = import_ray()
    settings = ray_config or RayConfig()
    started = not ray.is_initialized()
    if started:
        ray.init(
            address=settings.address,
            num_cpus=settings.workers if settings.address is None else None,
            include_dashboard=False if settings.address is None else None,
            _temp_dir=settings.temp_dir,
            log_to_driver=False,
            configure_logging=False,
        )
    try:
        return ingest_with(
            RayMapper(ray),
            inputs,
            store=store,
            fmt=fmt,
            batch_size=batch_size,
            config=config,
            progress=progress,
            task_articles=settings.task_articles,
            clock=clock,
        )
    finally:
        if started:
            ray.shutdown()


def worker_count() -> int:
    """CPUs of the connected Ray cluster (for reports)."""
    ray = import_ray()
    return int(ray.cluster_resources().get("CPU", os.cpu_count() or 1))
