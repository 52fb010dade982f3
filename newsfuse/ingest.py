"""Ingest: read -> clean -> dedup -> store, then cluster (incrementally, against the stored stories) -> store.

Inputs are taken in batches of `IngestOptions.batch_size` articles; each batch is written in one
transaction, its articles waiting for their stories. Once the run has read everything (or
`IngestOptions.link_articles` articles wait) the waiting articles are linked into stories, new or stored,
in one clustering pass and one more transaction. An interrupted ingest keeps every finished batch and a
second run resumes where it stopped (articles already stored are recognised by id and left alone; the
ones left waiting are linked with its own). The batch
steps live once, in `newsfuse.engines.driver`; an engine (`newsfuse.engines.ENGINES`) only decides where
the per-article work runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from newsfuse.cluster.batch import ClusterConfig, cluster_articles
from newsfuse.config import DEFAULT_MAX_WORDS, SummaryConfig
from newsfuse.dedup.minhash import find_copies
from newsfuse.engines import ENGINES, IngestOptions, Progress, StageClock, ingest_with
from newsfuse.model import Article, IngestReport, Story, Summary
from newsfuse.pipeline import clean_all
from newsfuse.store.base import Store
from newsfuse.summarize import summarize_articles


def ingest(
    inputs: Iterable[str | Path],
    *,
    store: Store | str | Path | None = None,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
    clock: StageClock | None = None,
) -> IngestReport:
    """Read, clean, fold copies, cluster into stories and store every article of `inputs`.

    Every engine gives the same stories; the default one runs in this process.

    Args:
        inputs: files, folders (read recursively) or "-" for standard input.
        store: an open `Store`, a path to a DuckDB file, or None for `default_store_path()`.
        options: input format, batch size, clustering options for a new store, engine (see `IngestOptions`).
        progress: called with the running report after every batch.
        clock: a `newsfuse.engines.StageClock` that collects per-stage times and worker memory.

    Returns:
        An `IngestReport`; `str(report)` is the summary line.

    Raises:
        StoreError: the store cannot be opened or was written by a newer newsfuse.
        ConfigError: an unknown input format.
        MissingExtra: the ray engine without Ray installed.

    Example:
        >>> report = ingest(["crawl/"], store="news.duckdb", options=IngestOptions(engine="ray"))  # doctest: +SKIP
    """
    settings = options or IngestOptions()
    with ENGINES[settings.engine](settings) as mapper:
        return ingest_with(mapper, inputs, store=store, options=settings, progress=progress, clock=clock)


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


__all__ = ["IngestOptions", "Progress", "group_stories", "ingest", "story_summary", "summarize_stories"]
