"""Per-stage times of an ingest: wall seconds on the driver, busy and CPU seconds in the workers, peak memory."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from newsfuse.model import Article

T = TypeVar("T")

STAGES = ("read", "clean + featurize", "clean corpus", "featurize again", "copies", "cluster", "store")
MAPPED_STAGES = frozenset({"clean + featurize", "featurize again"})


@dataclass(frozen=True, slots=True)
class ChunkRun:
    """Where and how one chunk was computed."""

    seconds: float
    cpu_seconds: float  # CPU time of the worker process on the chunk (what the work costs, whatever the load)
    worker: int  # process id
    peak_kb: int  # the worker process's peak resident memory so far


@dataclass(frozen=True, slots=True)
class Measured(Generic[T]):
    """One chunk's result and its run."""

    value: T
    run: ChunkRun


def measured(function: Callable[[Sequence[Article]], T], chunk: Sequence[Article]) -> Measured[T]:
    """Call a chunk function and record its time and its process's peak memory."""
    start, cpu = time.perf_counter(), time.process_time()
    value = function(chunk)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return Measured(value, ChunkRun(seconds, cpu, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


@dataclass(frozen=True, slots=True)
class StageTime:
    """How one stage did over a run: articles in, wall seconds, busy and CPU seconds summed over workers."""

    stage: str
    articles: int
    seconds: float  # wall time the driver spent on (or waiting for) the stage
    busy_seconds: float  # time inside the stage functions, summed over workers (= seconds on the driver)
    cpu_seconds: float  # CPU time inside the stage functions, summed over workers
    driver_cpu_seconds: float  # CPU time of the driver process meanwhile (a mapped stage: sending and receiving)
    workers: int  # distinct processes that ran it
    peak_mb: float  # the largest peak resident memory of one of those processes

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


def started() -> tuple[float, float]:
    """Wall and CPU clocks of this process now, for `StageClock.add_since`."""
    return time.perf_counter(), time.process_time()


class StageClock:
    """Collects per-stage times and worker memory over a run; pass one in to measure, read `times()`."""

    def __init__(self) -> None:
        self._articles: dict[str, int] = {}
        self._seconds: dict[str, float] = {}
        self._busy: dict[str, float] = {}
        self._cpu: dict[str, float] = {}
        self._driver_cpu: dict[str, float] = {}
        self._peaks: dict[str, dict[int, int]] = {}

    def add_mapped(self, stage: str, articles: int, start: tuple[float, float], runs: Sequence[ChunkRun]) -> None:
        """Add one batch of a mapped stage begun at `start` (from `started()`), with its chunks' runs."""
        seconds, driver_cpu = time.perf_counter() - start[0], time.process_time() - start[1]
        busy, cpu = sum(run.seconds for run in runs), sum(run.cpu_seconds for run in runs)
        self._add(stage, articles, seconds, busy, cpu, driver_cpu)
        peaks = self._peaks.setdefault(stage, {})
        for run in runs:
            peaks[run.worker] = max(peaks.get(run.worker, 0), run.peak_kb)

    def add_since(self, stage: str, articles: int, start: tuple[float, float]) -> None:
        """Add one batch of a driver-side stage begun at `start` (from `started()`)."""
        self.add_driver(stage, articles, time.perf_counter() - start[0], time.process_time() - start[1])

    def add_driver(self, stage: str, articles: int, seconds: float, cpu_seconds: float) -> None:
        """Add a driver-side stage's articles, wall and CPU seconds."""
        self._add(stage, articles, seconds, seconds, cpu_seconds, cpu_seconds)
        self._peaks.setdefault(stage, {})[os.getpid()] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def _add(self, stage: str, articles: int, seconds: float, busy: float, cpu: float, driver_cpu: float) -> None:
        self._articles[stage] = self._articles.get(stage, 0) + articles
        self._seconds[stage] = self._seconds.get(stage, 0.0) + seconds
        self._busy[stage] = self._busy.get(stage, 0.0) + busy
        self._cpu[stage] = self._cpu.get(stage, 0.0) + cpu
        self._driver_cpu[stage] = self._driver_cpu.get(stage, 0.0) + driver_cpu

    def times(self) -> tuple[StageTime, ...]:
        """One row a stage, in pipeline order."""
        return tuple(
            StageTime(
                stage,
                self._articles[stage],
                self._seconds[stage],
                self._busy[stage],
                self._cpu[stage],
                self._driver_cpu[stage],
                len(self._peaks[stage]),
                max(self._peaks[stage].values(), default=0) / 1024,
            )
            for stage in STAGES
            if stage in self._articles
        )
