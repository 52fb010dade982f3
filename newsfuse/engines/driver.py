"""The ingest loop every engine shares: batches read here, per-article work mapped, stateful steps here.

An engine differs from another only in its `Mapper`: how it runs a pure chunk function of `stages.py`
over a list of chunks (in this process, or as Ray tasks). Everything that holds state runs on the
driver, in the same order for every engine: the corpus-level cleaning of a batch (lines an outlet
repeats), copy detection against the `CopyIndex` and the store's one transaction a batch; then, once the
run has read everything (or `IngestOptions.link_articles` articles wait), story clustering of the waiting
articles with the `StoryTracker` (candidate search and average linkage over the graph) and one more
transaction. So every engine gives the same stories.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np
from scipy import sparse

from newsfuse.clean import clean_corpus
from newsfuse.cluster.batch import day_numbers
from newsfuse.cluster.incremental import StoryTracker
from newsfuse.dedup.minhash import CopyIndex
from newsfuse.engines.clock import Measured, StageClock, started
from newsfuse.engines.options import IngestOptions, Progress
from newsfuse.engines.stages import Featurized, featurize_chunk, join, prepare_chunk
from newsfuse.model import Article, Cleaned, CopyGroup, IngestReport, Problem
from newsfuse.read import read_inputs
from newsfuse.read.base import ReadItem
from newsfuse.store import open_store
from newsfuse.store.base import Store, StoredBatch, StoredLinks, Waiting

T = TypeVar("T")


class Mapper(Protocol):
    """Run a pure chunk function over chunks, results in chunk order."""

    def __call__(
        self, function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]
    ) -> list[Measured[T]]: ...


def _split(items: Iterable[Article | Problem], size: int) -> Iterator[tuple[list[Article], list[Problem]]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
            if len(articles) >= size:
                yield articles, problems
                articles, problems = [], []
        else:
            problems.append(item)
    if articles or problems:
        yield articles, problems


def _chunks(articles: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [articles[start : start + size] for start in range(0, len(articles), size)]


def _stacked_counts(parts: list[Waiting]) -> sparse.csr_matrix:
    """The term counts of waiting parts in one matrix; the parts are let go, so only one copy stays in memory."""
    stacked = sparse.csr_matrix(sparse.vstack([part.counts for part in parts]))
    parts.clear()
    return stacked


def _similarity(groups: Sequence[CopyGroup], copy_id: str) -> float:
    for group in groups:
        if any(copy.id == copy_id for copy in group.copies):
            return group.similarity
    return 1.0  # a copy of an article of an earlier batch: the match passed the copy threshold


class _Tally:
    def __init__(self) -> None:
        self.read = self.known = self.added = self.copies = self.new_stories = self.waiting = 0
        self.grown: set[str] = set()
        self.skipped: list[Problem] = []
        self.started = time.perf_counter()

    def report(self) -> IngestReport:
        return IngestReport(
            self.read, self.known, self.added, self.copies, self.new_stories, len(self.grown),
            tuple(self.skipped), time.perf_counter() - self.started, self.waiting,
        )  # fmt: skip


class _Driver:
    """One ingest run's driver-side state and the steps of a batch."""

    def __init__(self, store: Store, mapper: Mapper, options: IngestOptions, clock: StageClock) -> None:
        self.store = store
        self.mapper = mapper
        self.options = options
        self.clock = clock
        restored = store.tracker()  # may hold no story yet (a first run stopped before linking) but the options
        self.tracker = restored if restored is not None else StoryTracker(config=options.config)
        self.copy_index = CopyIndex(entries=store.fingerprints())
        self.tally = _Tally()
        self.waiting = [store.waiting()]  # stored, not linked yet: an interrupted ingest's, then this one's batches
        self.tally.waiting = len(self.waiting[0]) + len(self.waiting[0].copies)
        self.read_since_link = 0  # articles read (known ones and copies too) since the last link

    def _mapped(self, stage: str, function: Callable[[Sequence[Article]], T], articles: Sequence[Article]) -> list[T]:
        start = started()
        runs = self.mapper(function, _chunks(articles, self.options.task_articles))
        self.clock.add_mapped(stage, len(articles), start, [run.run for run in runs])
        return [run.value for run in runs]

    def _prepare(self, fresh: list[Article]) -> tuple[list[Article], Featurized]:
        """Clean the batch (lines on workers, corpus rules here) and featurize every article's final text."""
        parts = self._mapped("clean + featurize", prepare_chunk, fresh)
        chunks = _chunks(fresh, self.options.task_articles)
        lined = [article for part, chunk in zip(parts, chunks, strict=True) for article in part.cleaned(chunk)]
        speculative = join([part.features for part in parts])
        start = started()
        final = clean_corpus([Cleaned(article, ()) for article in lined])
        cleaned: list[Article] = []
        rows: list[int] = []  # a row of `speculative`, or -1 - i for the i-th article featurized again
        again: list[Article] = []
        for row, (before, item) in enumerate(zip(lined, final, strict=True)):
            if not item.article.text.strip():
                self.tally.skipped.append(Problem(item.article.path or item.article.id, "no text left after cleaning"))
                continue
            cleaned.append(item.article)
            if item.article.text == before.text:
                rows.append(row)
            else:
                rows.append(-1 - len(again))
                again.append(item.article)
        self.clock.add_since("clean corpus", len(fresh), start)
        if not again:
            return cleaned, speculative.rows(rows)
        both = join([speculative, join(self._mapped("featurize again", featurize_chunk, again))])
        return cleaned, both.rows([row if row >= 0 else len(speculative) - 1 - row for row in rows])

    def batch(self, articles: list[Article]) -> None:
        """Ingest one batch: clean and featurize (mapped), fold copies, cluster, write one transaction."""
        tracker, tally, clock = self.tracker, self.tally, self.clock
        unique = list({article.id: article for article in articles}.values())
        known = self.store.known_ids([a.id for a in unique]) | {a.id for a in unique if a.id in tracker.story_of}
        tally.known += len(articles) - len(unique) + len(known)
        fresh = [a for a in unique if a.id not in known]
        cleaned, features = self._prepare(fresh)

        start = started()
        prints = [features.fingerprint(row) for row in range(len(cleaned))]
        deduplicated, original = self.copy_index.add(cleaned, prints)
        clock.add_since("copies", len(cleaned), start)

        start = started()
        row_of = {article.id: row for row, article in enumerate(cleaned)}
        kept_rows = [row_of[a.id] for a in deduplicated.kept]
        counts = sparse.csr_matrix(features.counts[kept_rows])
        copies = tuple(
            (cleaned[row_of[copy_id]], kept_id, _similarity(deduplicated.groups, copy_id))
            for copy_id, kept_id in sorted(original.items())
        )
        self.store.write(
            StoredBatch(
                articles=deduplicated.kept,
                sentences=tuple(s for row in kept_rows for s in features.sentences(row, cleaned[row])),
                fingerprints=tuple((cleaned[row].id, prints[row]) for row in sorted(kept_rows)),
                copies=copies,
                counts=counts,
                config=tracker.config,
            )
        )
        clock.add_since("store", len(deduplicated.kept), start)
        self.waiting.append(
            Waiting(tuple(a.id for a in deduplicated.kept), counts, day_numbers(deduplicated.kept), original)
        )
        tally.added += len(deduplicated.kept)
        tally.copies += len(original)
        tally.waiting += len(deduplicated.kept) + len(original)
        self.read_since_link += len(articles)
        if self.read_since_link >= self.options.link_articles:
            self.link()

    def link(self) -> None:
        """Give every waiting article (and copy) its story, in one clustering pass and one transaction."""
        if not any(len(part) or part.copies for part in self.waiting):
            return
        tracker, tally, clock = self.tracker, self.tally, self.clock
        start = started()
        self.read_since_link = 0
        waiting, self.waiting = self.waiting, []
        ids = tuple(key for part in waiting for key in part.ids)
        days = np.concatenate([part.days for part in waiting])
        copies = {key: kept for part in waiting for key, kept in part.copies.items()}
        first_row = tracker.n_docs
        existing = set(tracker.story_ids)
        assignments = tracker.add_rows(ids, _stacked_counts(waiting), days)
        assignments += tracker.assign_copies(copies)
        clock.add_since("cluster", len(ids), start)
        start = started()
        tally.grown.update(x.story_id for x in assignments if x.story_id in existing)
        tally.new_stories += len({x.story_id for x in assignments if x.new_story})
        self.store.link(StoredLinks(tuple(assignments), tracker, first_row))
        tally.waiting = 0
        clock.add_since("store", len(ids), start)


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
            clock.add_driver("read", count, wall, cpu)
            return
        count += isinstance(item, Article)
        yield item


def ingest_with(
    mapper: Mapper,
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
    clock: StageClock | None = None,
) -> IngestReport:
    """Ingest `inputs` into `store`, running the per-article stages through `mapper` (see `newsfuse.ingest.ingest`).

    `options.engine` is not looked at: `mapper` is the engine. `clock`, when given, collects per-stage times.
    """
    settings = options or IngestOptions()
    owned = store is None or isinstance(store, str | Path)
    opened: Store = open_store(store) if store is None or isinstance(store, str | Path) else store
    try:
        driver = _Driver(opened, mapper, settings, clock if clock is not None else StageClock())
        items = _timed_reading(read_inputs(inputs, fmt=settings.fmt), driver.clock)
        for articles, problems in _split(items, settings.batch_size):
            driver.tally.skipped.extend(problems)
            driver.tally.read += len(articles)
            if articles:
                driver.batch(articles)
            if progress is not None:
                progress(driver.tally.report())
        driver.link()
        if progress is not None:
            progress(driver.tally.report())
        return driver.tally.report()
    finally:
        if owned:
            opened.close()
