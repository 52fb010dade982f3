"""The ingest stages as pure functions over chunks of articles, and the driver loop every engine shares.

An engine differs from another only in its `Mapper`: how it runs a pure chunk function over a list of
chunks (in this process, or as Ray tasks). Everything that holds state runs on the driver, in the
same order for every engine: the corpus-level cleaning of a batch (lines an outlet repeats), copy
detection against the `CopyIndex`, story clustering with the `StoryTracker` (candidate search and
average linkage over the graph) and the store's one transaction a batch. The per-article work (line
cleaning, MinHash fingerprints, hashed term counts, sentence splitting) is mapped; each is a pure
function of one article, so chunks can be cut anywhere and give the values `newsfuse.ingest.ingest`
computes in one pass, and the same stories.

The loop mirrors `newsfuse.ingest._ingest_batch` step for step (tests/engines/test_stages.py checks the
stores come out identical); when that function takes a mapper, this copy of its steps can go.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import numpy as np
from datasketch import LeanMinHash
from scipy import sparse

from newsfuse.clean import clean_article, clean_corpus
from newsfuse.cluster.batch import ClusterConfig
from newsfuse.cluster.features import N_FEATURES, term_counts
from newsfuse.cluster.incremental import StoryTracker
from newsfuse.dedup.minhash import CopyIndex, fingerprints
from newsfuse.errors import ConfigError
from newsfuse.ingest import BATCH_SIZE, Progress, _similarity, _split, _Tally
from newsfuse.model import Article, Cleaned, IngestReport, Problem, Sentence
from newsfuse.read import read_inputs
from newsfuse.read.base import ReadItem
from newsfuse.store import open_store
from newsfuse.store.base import Store, StoredBatch
from newsfuse.text.sentences import split_sentences

# Articles a mapped task: big enough that a task's overhead (scheduling, sending ~5 MB of text) is small
# beside its work (~1-3 s on this machine), small enough that a 20,000-article batch makes 20 tasks, which
# keep every worker busy to the end of the batch. Not tuned beyond that.
TASK_ARTICLES = 1000

T = TypeVar("T")
R = TypeVar("R")

STAGES = ("read", "clean + featurize", "clean corpus", "featurize again", "copies", "cluster", "store")
MAPPED_STAGES = frozenset({"clean + featurize", "featurize again"})


@dataclass(frozen=True, slots=True)
class Featurized:
    """What the per-article stages compute for a chunk of cleaned articles, one entry a row."""

    prints: tuple[LeanMinHash, ...]
    counts: sparse.csr_matrix  # hashed term counts, `newsfuse.cluster.features.term_counts`
    sentences: tuple[tuple[Sentence, ...], ...]


def _join(parts: Sequence[Featurized]) -> Featurized:
    if not parts:
        return Featurized((), sparse.csr_matrix((0, N_FEATURES), dtype=np.float32), ())
    return Featurized(
        tuple(p for part in parts for p in part.prints),
        sparse.csr_matrix(sparse.vstack([part.counts for part in parts]), dtype=np.float32),
        tuple(s for part in parts for s in part.sentences),
    )


def _rows(features: Featurized, rows: Sequence[int]) -> Featurized:
    return Featurized(
        tuple(features.prints[row] for row in rows),
        sparse.csr_matrix(features.counts[list(rows)], dtype=np.float32),
        tuple(features.sentences[row] for row in rows),
    )


def clean_chunk(articles: Sequence[Article]) -> list[Cleaned]:
    """Clean each article on its own (the line rules); the corpus rules wait for the whole batch."""
    return [clean_article(article) for article in articles]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A chunk cleaned line by line, and the features of each article as cleaned so far."""

    cleaned: tuple[Cleaned, ...]
    features: Featurized


def prepare_chunk(articles: Sequence[Article]) -> Prepared:
    """Clean each article on its own and featurize the result: one trip to a worker for most articles.

    The corpus rules (lines an outlet repeats across the batch) run after, on the driver; only the
    articles they change are featurized again, so every article ends with the features of its final text.
    """
    cleaned = clean_chunk(articles)
    return Prepared(tuple(cleaned), featurize_chunk([item.article for item in cleaned]))


def featurize_chunk(articles: Sequence[Article]) -> Featurized:
    """Fingerprint, count the terms of and split into sentences each cleaned article of a chunk."""
    return Featurized(
        tuple(fingerprints(articles)),
        term_counts(articles),
        tuple(split_sentences(article.text, article.id) for article in articles),
    )


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


class Mapper(Protocol):
    """Run a pure chunk function over chunks, results in chunk order."""

    def __call__(
        self, function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]
    ) -> list[Measured[T]]: ...


def map_in_process(
    function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]
) -> list[Measured[T]]:
    """The local engine's mapper: one chunk after the other, in this process."""
    return [measured(function, chunk) for chunk in chunks]


@dataclass(frozen=True, slots=True)
class StageTime:
    """How one stage did over a run: articles in, wall seconds, busy and CPU seconds summed over workers."""

    stage: str
    articles: int
    seconds: float  # wall time the driver spent on (or waiting for) the stage
    busy_seconds: float  # time inside the stage functions, summed over workers (= seconds on the driver)
    cpu_seconds: float  # CPU time inside the stage functions, summed over workers
    workers: int  # distinct processes that ran it
    peak_mb: float  # the largest peak resident memory of one of those processes

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


class StageClock:
    """Collects per-stage times and worker memory over a run; pass one in to measure, read `times()`."""

    def __init__(self) -> None:
        self._articles: dict[str, int] = {}
        self._seconds: dict[str, float] = {}
        self._busy: dict[str, float] = {}
        self._cpu: dict[str, float] = {}
        self._peaks: dict[str, dict[int, int]] = {}

    def add(
        self, stage: str, articles: int, seconds: float, runs: Sequence[ChunkRun] = (), *, cpu_seconds: float = 0.0
    ) -> None:
        """Add one batch of a stage: its articles, wall seconds, and the chunk runs if mapped (else its CPU time)."""
        self._articles[stage] = self._articles.get(stage, 0) + articles
        self._seconds[stage] = self._seconds.get(stage, 0.0) + seconds
        peaks = self._peaks.setdefault(stage, {})
        if runs:
            self._busy[stage] = self._busy.get(stage, 0.0) + sum(run.seconds for run in runs)
            self._cpu[stage] = self._cpu.get(stage, 0.0) + sum(run.cpu_seconds for run in runs)
            for run in runs:
                peaks[run.worker] = max(peaks.get(run.worker, 0), run.peak_kb)
        else:
            self._busy[stage] = self._busy.get(stage, 0.0) + seconds
            self._cpu[stage] = self._cpu.get(stage, 0.0) + cpu_seconds
            peaks[os.getpid()] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def add_since(self, stage: str, articles: int, start: tuple[float, float]) -> None:
        """Add a driver-side step begun at `start` (from `started()`)."""
        self.add(stage, articles, time.perf_counter() - start[0], cpu_seconds=time.process_time() - start[1])

    def times(self) -> tuple[StageTime, ...]:
        """One row a stage, in pipeline order."""
        return tuple(
            StageTime(
                stage,
                self._articles[stage],
                self._seconds[stage],
                self._busy[stage],
                self._cpu[stage],
                len(self._peaks[stage]),
                max(self._peaks[stage].values(), default=0) / 1024,
            )
            for stage in STAGES
            if stage in self._articles
        )


def started() -> tuple[float, float]:
    """Wall and CPU clocks now, for `StageClock.add_since`."""
    return time.perf_counter(), time.process_time()


def _chunks(articles: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [articles[start : start + size] for start in range(0, len(articles), size)]


class _Driver:
    """One ingest run's driver-side state and the steps of a batch."""

    def __init__(self, store: Store, mapper: Mapper, config: ClusterConfig | None, task_articles: int) -> None:
        self.store = store
        self.mapper = mapper
        self.task_articles = task_articles
        self.tracker = store.tracker() or StoryTracker(config=config)
        self.copy_index = CopyIndex(entries=store.fingerprints())
        self.tally = _Tally()

    def _mapped(
        self, stage: str, function: Callable[[Sequence[Article]], T], articles: Sequence[Article], clock: StageClock
    ) -> list[T]:
        start_wall = time.perf_counter()
        runs = self.mapper(function, _chunks(articles, self.task_articles))
        clock.add(stage, len(articles), time.perf_counter() - start_wall, [run.run for run in runs])
        return [run.value for run in runs]

    def _prepare(self, fresh: list[Article], clock: StageClock) -> tuple[list[Article], Featurized]:
        """Clean the batch (lines on workers, corpus rules here) and featurize every article's final text."""
        parts = self._mapped("clean + featurize", prepare_chunk, fresh, clock)
        lined = [item for part in parts for item in part.cleaned]
        speculative = _join([part.features for part in parts])
        start = started()
        final = clean_corpus(lined)
        cleaned: list[Article] = []
        rows: list[int] = []  # a row of `speculative`, or -1 - i for the i-th article featurized again
        again: list[Article] = []
        for row, (before, item) in enumerate(zip(lined, final, strict=True)):
            if not item.article.text.strip():
                self.tally.skipped.append(Problem(item.article.path or item.article.id, "no text left after cleaning"))
                continue
            cleaned.append(item.article)
            if item.article.text == before.article.text:
                rows.append(row)
            else:
                rows.append(-1 - len(again))
                again.append(item.article)
        clock.add_since("clean corpus", len(fresh), start)
        if not again:
            return cleaned, _rows(speculative, rows)
        redone = _join(self._mapped("featurize again", featurize_chunk, again, clock))
        both = _join([speculative, redone])
        offset = len(speculative.prints)
        return cleaned, _rows(both, [row if row >= 0 else offset - 1 - row for row in rows])

    def batch(self, articles: list[Article], clock: StageClock) -> None:
        """Ingest one batch: the steps of `newsfuse.ingest._ingest_batch`, per-article work mapped."""
        tracker, tally = self.tracker, self.tally
        unique = list({article.id: article for article in articles}.values())
        known = self.store.known_ids([a.id for a in unique]) | {a.id for a in unique if a.id in tracker.story_of}
        tally.known += len(articles) - len(unique) + len(known)
        fresh = [a for a in unique if a.id not in known]
        cleaned, features = self._prepare(fresh, clock)

        start = started()
        deduplicated, original = self.copy_index.add(cleaned, features.prints)
        clock.add_since("copies", len(cleaned), start)

        start = started()
        row_of = {article.id: row for row, article in enumerate(cleaned)}
        kept_rows = [row_of[a.id] for a in deduplicated.kept]
        first_row = tracker.n_docs
        existing = set(tracker.story_ids)
        assignments = tracker.add(deduplicated.kept, sparse.csr_matrix(features.counts[kept_rows]))
        assignments += tracker.assign_copies(original)
        clock.add_since("cluster", len(deduplicated.kept), start)

        start = started()
        by_id = {a.id: a for a in cleaned}
        tally.grown.update(x.story_id for x in assignments if x.story_id in existing)
        tally.new_stories += len({x.story_id for x in assignments if x.new_story})
        copies = tuple(
            (by_id[copy_id], kept_id, _similarity(deduplicated.groups, copy_id))
            for copy_id, kept_id in sorted(original.items())
        )
        self.store.write(
            StoredBatch(
                articles=deduplicated.kept,
                sentences=tuple(s for row in kept_rows for s in features.sentences[row]),
                fingerprints=tuple((cleaned[row].id, features.prints[row]) for row in sorted(kept_rows)),
                copies=copies,
                assignments=tuple(assignments),
                tracker=tracker,
                first_row=first_row,
            )
        )
        clock.add_since("store", len(deduplicated.kept), start)
        tally.added += len(deduplicated.kept)
        tally.copies += len(original)


def _timed_reading(items: Iterable[ReadItem], clock: StageClock) -> Iterator[ReadItem]:
    iterator = iter(items)
    wall = cpu = 0.0
    count = 0
    while True:
        start = started()
        item = next(iterator, None)
        wall += time.perf_counter() - start[0]
        cpu += time.process_time() - start[1]
        if item is None:
            clock.add("read", count, wall, cpu_seconds=cpu)
            return
        count += isinstance(item, Article)
        yield item


def ingest_with(
    mapper: Mapper,
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    fmt: str | None = None,
    batch_size: int = BATCH_SIZE,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
    task_articles: int = TASK_ARTICLES,
    clock: StageClock | None = None,
) -> IngestReport:
    """Ingest as `newsfuse.ingest.ingest` does, running the per-article stages through `mapper`.

    `task_articles` is the size of a mapped chunk; `clock`, when given, collects per-stage times.
    """
    if batch_size < 1 or task_articles < 1:
        raise ConfigError(
            f"ingest batch size {batch_size}, task size {task_articles}: expected at least 1 article each"
        )
    clock = clock if clock is not None else StageClock()
    owned = store is None or isinstance(store, str | Path)
    opened: Store = open_store(store) if store is None or isinstance(store, str | Path) else store
    try:
        driver = _Driver(opened, mapper, config, task_articles)
        for articles, problems in _split(_timed_reading(read_inputs(inputs, fmt=fmt), clock), batch_size):
            driver.tally.skipped.extend(problems)
            driver.tally.read += len(articles)
            if articles:
                driver.batch(articles, clock)
            if progress is not None:
                progress(driver.tally.report())
        return driver.tally.report()
    finally:
        if owned:
            opened.close()
