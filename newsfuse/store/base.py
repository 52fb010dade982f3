"""The `Store` protocol: where ingested articles, copies, stories, summaries and comparisons are kept."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash
from scipy import sparse

from newsfuse.cluster.batch import ClusterConfig
from newsfuse.cluster.incremental import StoryTracker
from newsfuse.model import Article, Comparison, Sentence, Story, StoryAssignment, StoryInfo, Summary


@dataclass(frozen=True, slots=True)
class StoredBatch:
    """Everything one ingest batch adds, written in one transaction; its articles wait there for their stories."""

    articles: tuple[Article, ...]  # distinct new articles (copies excluded)
    sentences: tuple[Sentence, ...]
    fingerprints: tuple[tuple[str, LeanMinHash], ...]  # of the distinct articles, for finding later copies
    copies: tuple[tuple[Article, str, float], ...]  # (copy, id of the article it copies, estimated Jaccard)
    counts: sparse.csr_matrix  # hashed term counts (`cluster.features.term_counts`), a row per article of `articles`
    config: ClusterConfig  # the clustering options, kept by a new store from its first batch on


@dataclass(frozen=True, slots=True)
class StoredLinks:
    """Stories given to waiting articles and their copies, written in one transaction."""

    assignments: tuple[StoryAssignment, ...]  # for distinct articles and copies alike
    tracker: StoryTracker  # the clustering state after linking
    first_row: int  # the tracker's article rows from this one on are the newly linked articles


@dataclass(frozen=True, slots=True)
class Waiting:
    """Stored articles that have no story yet, with what linking them needs."""

    ids: tuple[str, ...]
    counts: sparse.csr_matrix  # a row per id
    days: npt.NDArray[np.float64]  # publication day numbers (`cluster.batch.day_numbers`), NaN when unknown
    copies: Mapping[str, str]  # copy id -> id of the article it copies, for every copy with no story yet

    def __len__(self) -> int:
        return len(self.ids)


class Store(Protocol):
    """A persistent corpus of articles grouped into stories; each `write` is atomic."""

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Return which of these article ids (distinct articles or copies) are stored."""
        ...

    def write(self, batch: StoredBatch) -> None:
        """Store one batch atomically: all of it or, if interrupted, none of it."""
        ...

    def link(self, links: StoredLinks) -> None:
        """Store the stories of waiting articles atomically; they wait no more."""
        ...

    def waiting(self) -> Waiting:
        """The stored articles (and copies) that have no story yet: an ingest stopped before linking them."""
        ...

    def waiting_count(self) -> int:
        """How many stored articles and copies have no story yet (cheaper than `len(waiting())`)."""
        ...

    def tracker(self) -> StoryTracker | None:
        """The clustering state of the linked articles (None for an empty store)."""
        ...

    def fingerprints(self) -> Iterable[tuple[str, LeanMinHash]]:
        """The fingerprint of every distinct stored article."""
        ...

    def stories(self, *, limit: int | None = None) -> list[StoryInfo]:
        """List stories, biggest (then most recent) first."""
        ...

    def story(self, story_id: str) -> Story:
        """Return one story with its articles and copies; raises StoreError for an unknown id."""
        ...

    def summary(self, story_id: str) -> Summary | None:
        """Return the stored summary of a story if it is current (the story has not grown since)."""
        ...

    def save_summary(self, story_id: str, summary: Summary) -> None:
        """Store a story's summary, replacing an older one."""
        ...

    def comparison(self, story: Story, settings: str) -> Comparison | None:
        """Return the stored comparison of `story` if it is current (made with `settings` from exactly its articles)."""
        ...

    def save_comparison(self, story: Story, settings: str, comparison: Comparison) -> None:
        """Store the comparison of `story` as it was read, and its summary, replacing older ones."""
        ...

    def close(self) -> None: ...
