"""Batch story clustering: a pile of articles in, one story per real-world event out.

TF-IDF vectors (features.py), candidate neighbours through an inverted index (neighbours.py), then
average-link clustering over the candidate graph (linkage.py). Articles are put in a canonical order
(by id) first, so the stories do not depend on the order of the input.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.cluster.features import document_frequencies, term_counts, weigh
from newsfuse.cluster.linkage import attach_leftovers, average_link
from newsfuse.cluster.neighbours import (
    MAX_POSTINGS,
    MUTUAL_NEIGHBOURS,
    NEIGHBOURS,
    SURE_SIMILARITY,
    Edges,
    above_background,
    backgrounds,
    candidate_edges,
    mutual_edges,
)
from newsfuse.errors import ConfigError
from newsfuse.model import Article, Story, content_id

# Mean score two groups must reach to be one story, in a corpus of up to SCALE_FROM_DOCS articles; an edge's score
# is its cosine less its ends' backgrounds (neighbours.above_background). Tuned with features.IDF_POWER on
# multinews-dev clusters 1000-2085 (never scored). On raw cosines: B3 0.805 / 0.809 / 0.812 / 0.809 / 0.810 at
# 0.10-0.14 (0.12 kept). On scores above the background: 0.836 / 0.837 / 0.836 / 0.834 at 0.09 / 0.10 / 0.11 /
# 0.12, a flat top, with seed-1 pool samples agreeing (20,000: 0.770 / 0.772 / 0.772 at 0.09-0.11; 60,000:
# 0.728 / 0.728 at 0.10 / 0.11). Confirmed on ECB+, multinews-dev clusters 0-999 and multinews-train-pool
# (benchmarks/results/clustering.md).
THRESHOLD = 0.10
# In a bigger pile the same threshold splits stories: each article carries more rare terms it shares with
# no story-mate (a rare word's idf grows with the pile), which lowers every cosine, so story-mates fall
# apart while precision hardly moves. The threshold drops by THRESHOLD_DROP a doubling of the corpus above
# SCALE_FROM_DOCS, for SCALE_DOUBLINGS doublings at most. Tuned on whole stories of multinews-train-pool drawn
# with another seed than the scored rows (random.Random(1)): best thresholds 0.10-0.12 (flat) at 5,000
# articles, 0.09 at 20,000 (B3 0.756 against 0.743 at 0.12) and 0.09 at 60,000 (0.714 against 0.699).
SCALE_FROM_DOCS = 5_000
SCALE_DOUBLINGS = 2.0
THRESHOLD_DROP = 0.015
# Two reports dated further apart than this are not one event ("two earthquakes a year apart are two
# stories"); a running story is reported over days or weeks. Not tuned: no benchmark set has dates.
MAX_GAP_DAYS = 30
# An article average linkage leaves alone gets a second, lower bar (linkage.attach_leftovers): it joins the
# story it is closest to (mean cosine to its members), or pairs with another leftover when each is the other's
# closest, when that is at least LEFTOVER_FRACTION of the linkage threshold and LEFTOVER_MARGIN times its second
# best. Tuned on multinews-dev clusters 1000-2085 and seed-1 pool samples (never a scored row): B3 0.830 ->
# 0.832 on dev 1000+, 0.761 -> 0.767 at 20,000 and 0.715 -> 0.721 at 60,000; fraction 0.3-0.7 the same,
# margin 1.2-1.3 lower (precision falls faster than recall rises), 2.0 gains less.
LEFTOVER_FRACTION = 0.5
LEFTOVER_MARGIN = 1.5


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Options of story clustering, checked when built."""

    threshold: float = THRESHOLD
    neighbours: int = NEIGHBOURS
    max_postings: int = MAX_POSTINGS
    max_gap_days: int = MAX_GAP_DAYS
    mutual: int = MUTUAL_NEIGHBOURS
    sure: float = SURE_SIMILARITY

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"cluster threshold {self.threshold}: expected a cosine in (0, 1]")
        if self.neighbours < 1 or self.max_postings < 2 or self.max_gap_days < 0:
            raise ConfigError(
                f"cluster config neighbours={self.neighbours}, max_postings={self.max_postings}, "
                f"max_gap_days={self.max_gap_days}: expected neighbours >= 1, max_postings >= 2, max_gap_days >= 0"
            )


def story_id(article_ids: Sequence[str]) -> str:
    """The id of a story: a hash of the smallest id among its first articles (stable as the story grows)."""
    return content_id("story", min(article_ids))


def scaled_threshold(threshold: float, n_docs: int) -> float:
    """The linkage threshold for a corpus of `n_docs` articles: `threshold` up to SCALE_FROM_DOCS, lower above."""
    doublings = min(max(math.log2(max(n_docs, 1) / SCALE_FROM_DOCS), 0.0), SCALE_DOUBLINGS)
    return threshold - THRESHOLD_DROP * doublings


def drop_far_apart(edges: Edges, days: npt.NDArray[np.float64], max_gap_days: int) -> Edges:
    """Remove edges between two dated articles more than `max_gap_days` apart (NaN = no date)."""
    gap = np.abs(days[edges.left] - days[edges.right])
    keep = ~(gap > max_gap_days)  # NaN compares False, so undated pairs stay
    return Edges(edges.left[keep], edges.right[keep], edges.similarity[keep])


def keep_mutual(edges: Edges, n: int, config: ClusterConfig) -> Edges:
    """Keep the edges between mutual near neighbours, and any edge at least `config.sure` similar."""
    if config.mutual <= 0:
        return edges
    keep = mutual_edges(edges, n, config.mutual) | (edges.similarity >= config.sure)
    return Edges(edges.left[keep], edges.right[keep], edges.similarity[keep])


def day_numbers(articles: Sequence[Article]) -> npt.NDArray[np.float64]:
    """The publication day of each article as a number, NaN when unknown."""
    return np.array([a.published.toordinal() if a.published else np.nan for a in articles], dtype=np.float64)


def cluster_labels(articles: Sequence[Article], *, config: ClusterConfig | None = None) -> npt.NDArray[np.int64]:
    """Return a story label per article (in input order); equal labels mean one story."""
    config = config or ClusterConfig()
    if not articles:
        return np.empty(0, dtype=np.int64)
    order = sorted(range(len(articles)), key=lambda i: (articles[i].id, articles[i].text))
    ordered = [articles[i] for i in order]
    counts = term_counts(ordered)
    vectors = weigh(counts, document_frequencies(counts), len(ordered))
    edges = candidate_edges(vectors, k=config.neighbours, max_postings=config.max_postings)
    edges = keep_mutual(drop_far_apart(edges, day_numbers(ordered), config.max_gap_days), len(ordered), config)
    threshold = scaled_threshold(config.threshold, len(ordered))
    edges = above_background(edges, backgrounds(edges, len(ordered), config.neighbours, threshold))
    sizes = [1] * len(ordered)
    labels = average_link(sizes, edges.left, edges.right, edges.similarity, threshold=threshold)
    labels = attach_leftovers(
        sizes, edges.left, edges.right, edges.similarity, labels,
        threshold=LEFTOVER_FRACTION * threshold, margin=LEFTOVER_MARGIN,
    )  # fmt: skip
    result = np.empty(len(articles), dtype=np.int64)
    result[np.array(order)] = labels
    return result


def cluster_articles(articles: Sequence[Article], *, config: ClusterConfig | None = None) -> list[Story]:
    """Group articles into stories, biggest first; each story's articles keep their input order."""
    labels = cluster_labels(articles, config=config)
    groups: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels.tolist(), strict=True):
        groups.setdefault(label, []).append(article)
    stories = [Story(story_id([a.id for a in group]), tuple(group)) for group in groups.values()]
    return sorted(stories, key=lambda story: (-len(story.articles), story.id))
