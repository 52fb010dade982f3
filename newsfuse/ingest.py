"""Ingest: read -> clean -> dedup -> cluster (incrementally, against the stored stories) -> store.

Inputs are taken in batches of `BATCH_SIZE` articles; each batch is written in one transaction with the
clustering state, so an interrupted ingest keeps every finished batch and a second run resumes where
it stopped (articles already stored are recognised by id and left alone).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from newsfuse.clean import clean_articles
from newsfuse.cluster.batch import ClusterConfig, cluster_articles
from newsfuse.cluster.incremental import StoryTracker
from newsfuse.config import DEFAULT_MAX_WORDS, SummaryConfig
from newsfuse.dedup.minhash import CopyIndex, find_copies, fingerprints
from newsfuse.errors import ConfigError
from newsfuse.model import Article, CopyGroup, IngestReport, Problem, Story, Summary
from newsfuse.pipeline import clean_all
from newsfuse.read import read_inputs
from newsfuse.store import open_store
from newsfuse.store.base import Store, StoredBatch
from newsfuse.summarize import summarize_articles
from newsfuse.text.sentences import split_sentences

# Articles a transaction: big enough that clustering within a batch sees most of a day's story-mates
# together and the per-batch overhead (saving the clustering state) stays small, small enough that an
# interruption loses little and memory stays flat. Set on multinews-train-pool for speed, not quality.
BATCH_SIZE = 20_000

Progress = Callable[[IngestReport], None]


def _split(items: Iterable[Article | Problem], size: int) -> Iterable[tuple[list[Article], list[Problem]]]:
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


class _Tally:
    def __init__(self) -> None:
        self.read = self.known = self.added = self.copies = self.new_stories = 0
        self.grown: set[str] = set()
        self.skipped: list[Problem] = []
        self.started = time.perf_counter()

    def report(self) -> IngestReport:
        return IngestReport(
            self.read, self.known, self.added, self.copies, self.new_stories, len(self.grown),
            tuple(self.skipped), time.perf_counter() - self.started,
        )  # fmt: skip


def _ingest_batch(
    store: Store, tracker: StoryTracker, copy_index: CopyIndex, articles: list[Article], tally: _Tally
) -> None:
    unique = list({article.id: article for article in articles}.values())
    known = store.known_ids([a.id for a in unique]) | {a.id for a in unique if a.id in tracker.story_of}
    tally.known += len(articles) - len(unique) + len(known)
    fresh = [a for a in unique if a.id not in known]
    cleaned: list[Article] = []
    for item in clean_articles(fresh):
        if item.article.text.strip():
            cleaned.append(item.article)
        else:
            tally.skipped.append(Problem(item.article.path or item.article.id, "no text left after cleaning"))
    prints = fingerprints(cleaned)
    deduplicated, original = copy_index.add(cleaned, prints)
    kept_ids = {a.id for a in deduplicated.kept}
    first_row = tracker.n_docs
    existing = set(tracker.story_ids)
    assignments = tracker.add(deduplicated.kept)
    assignments += tracker.assign_copies(original)
    by_id = {a.id: a for a in cleaned}
    tally.grown.update(x.story_id for x in assignments if x.story_id in existing)
    tally.new_stories += len({x.story_id for x in assignments if x.new_story})
    copies = tuple(
        (by_id[copy_id], kept_id, _similarity(deduplicated.groups, copy_id))
        for copy_id, kept_id in sorted(original.items())
    )
    store.write(
        StoredBatch(
            articles=deduplicated.kept,
            sentences=tuple(s for a in deduplicated.kept for s in split_sentences(a.text, a.id)),
            fingerprints=tuple((a.id, p) for a, p in zip(cleaned, prints, strict=True) if a.id in kept_ids),
            copies=copies,
            assignments=tuple(assignments),
            tracker=tracker,
            first_row=first_row,
        )
    )
    tally.added += len(deduplicated.kept)
    tally.copies += len(original)


def _similarity(groups: Sequence[CopyGroup], copy_id: str) -> float:
    for group in groups:
        if any(copy.id == copy_id for copy in group.copies):
            return group.similarity
    return 1.0  # a copy of an article of an earlier batch: the match passed the copy threshold


def ingest(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    fmt: str | None = None,
    batch_size: int = BATCH_SIZE,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean, fold copies, cluster into stories and store every article of `inputs`.

    Args:
        inputs: files, folders (read recursively) or "-" for standard input.
        store: an open `Store`, a path to a DuckDB file, or None for `default_store_path()`.
        fmt: force an input format (a name of `newsfuse.read.READERS`); None guesses per file.
        batch_size: articles per transaction.
        config: clustering options for a new store (a store keeps the options it was built with).
        progress: called with the running report after every batch.

    Returns:
        An `IngestReport`; `str(report)` is the summary line.

    Raises:
        StoreError: the store cannot be opened or was written by a newer newsfuse.
        ConfigError: `batch_size` below 1 or an unknown `fmt`.
    """
    if batch_size < 1:
        raise ConfigError(f"ingest batch size {batch_size}: expected at least 1")
    owned = store is None or isinstance(store, str | Path)
    opened: Store = open_store(store) if store is None or isinstance(store, str | Path) else store
    try:
        tracker = opened.tracker() or StoryTracker(config=config)
        copy_index = CopyIndex(entries=opened.fingerprints())
        tally = _Tally()
        for articles, problems in _split(read_inputs(inputs, fmt=fmt), batch_size):
            tally.skipped.extend(problems)
            tally.read += len(articles)
            if articles:
                _ingest_batch(opened, tracker, copy_index, articles, tally)
            if progress is not None:
                progress(tally.report())
        return tally.report()
    finally:
        if owned:
            opened.close()


def group_stories(articles: Sequence[Article], *, config: ClusterConfig | None = None) -> list[Story]:
    """Fold copies and group articles into stories without a store (biggest story first).

    Copies are left out of `Story.articles` and listed in `Story.copies` with the article they copy.
    """
    deduplicated = find_copies(articles)
    stories = cluster_articles(deduplicated.kept, config=config)
    groups = {group.kept.id: group for group in deduplicated.groups}
    return [replace(story, copies=tuple(groups[a.id] for a in story.articles if a.id in groups)) for story in stories]


def story_summary(store: Store, story_id: str, *, max_words: int | None = None) -> Summary:
    """Return a story's summary from the store, writing it first if missing or older than the story."""
    cached = store.summary(story_id)
    if cached is not None and (max_words is None or cached.max_words == max_words):
        return cached
    story = store.story(story_id)  # stored articles were cleaned on the way in
    summary = summarize_articles(story.articles, SummaryConfig(max_words=max_words or DEFAULT_MAX_WORDS))
    store.save_summary(story_id, summary)
    return summary


def summarize_stories(articles: Sequence[Article], config: SummaryConfig) -> list[tuple[str, Summary]]:
    """Clean the articles, group them into stories and write one cited summary a story (no store)."""
    cleaned = [item.article for item in clean_all(articles)]
    return [(story.id, summarize_articles(story.articles, config)) for story in group_stories(cleaned)]
