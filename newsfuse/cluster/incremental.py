"""Incremental story clustering: new articles join existing stories or start new ones.

The state (`StoryTracker`) is explicit and saveable: the term counts of every article clustered so far,
the story of each, and each article's date. New articles are weighted with the document frequencies of
the whole corpus so far, matched through the inverted index against old articles and each other (only
the stored articles that share a query term with the batch, and the members of the stories they belong to,
are re-weighted with the new frequencies: the same numbers as re-weighting the corpus, at a cost that follows
the batch's neighbourhood, not the corpus), and clustered in one average-link pass
(linkage.py, with the same second bar for leftovers as a batch) in which each candidate story is one node holding its articles (the mean cosine between a
group and a story is their vector sums' dot product over the sizes) and stories never merge with each
other. Run once on an empty tracker it gives exactly the stories of `cluster_articles`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from newsfuse.cluster.batch import (
    LEFTOVER_FRACTION,
    LEFTOVER_MARGIN,
    ClusterConfig,
    day_numbers,
    drop_far_apart,
    keep_mutual,
    scaled_threshold,
    story_id,
)
from newsfuse.cluster.features import N_FEATURES, term_counts, weigh
from newsfuse.cluster.linkage import attach_leftovers, average_link
from newsfuse.cluster.neighbours import (
    CHUNK_ROWS,
    QUERY_TERMS,
    above_background,
    backgrounds,
    candidate_edges,
    distinctive_index,
    top_k_rows,
    top_terms,
)
from newsfuse.errors import StoreError
from newsfuse.model import Article, StoryAssignment

_STATE_FORMAT = 1  # bump when the saved layout changes
_SCAN_ROWS = 50_000  # stored rows scanned at once for query terms: bounds the scan's temporary memory


class StoryTracker:
    """The state of incremental clustering; `add` assigns a batch of new articles to stories."""

    def __init__(self, *, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self.counts = sparse.csr_matrix((0, N_FEATURES), dtype=np.float32)  # a row per clustered article
        self.df = np.zeros(N_FEATURES, dtype=np.int64)
        self.article_ids: list[str] = []
        self.article_story = np.zeros(0, dtype=np.int64)  # row of `story_ids` for each clustered article
        self.days = np.zeros(0, dtype=np.float64)
        self.story_ids: list[str] = []
        self.story_of: dict[str, str] = {}  # every article id seen (copies too) -> story id

    def __len__(self) -> int:
        return len(self.story_ids)

    @property
    def n_docs(self) -> int:
        return len(self.article_ids)

    def add(self, articles: Sequence[Article], counts: sparse.csr_matrix | None = None) -> list[StoryAssignment]:
        """Assign each new article (ids already seen are skipped) to a story; return the assignments in input order.

        `counts` (from `features.term_counts`, one row per article) may be given when already computed.
        """
        fresh: dict[str, int] = {}
        for position, article in enumerate(articles):
            if article.id not in self.story_of:
                fresh.setdefault(article.id, position)
        if not fresh:
            return []
        rows = list(fresh.values())
        chosen = [articles[i] for i in rows]
        new_counts = term_counts(chosen) if counts is None else sparse.csr_matrix(counts[rows])
        assignments = self.add_rows([a.id for a in chosen], new_counts, day_numbers(chosen))
        by_id = {assignment.article_id: assignment for assignment in assignments}
        return [by_id[article.id] for article in chosen]

    def add_rows(
        self, ids: Sequence[str], counts: sparse.csr_matrix, days: npt.NDArray[np.float64]
    ) -> list[StoryAssignment]:
        """Assign new articles given as distinct ids not seen yet, their term counts and days (what a store keeps
        of an article waiting for its story); return one assignment an article.

        The articles are taken in id order, so the stories do not depend on the order they came in.
        """
        order = sorted(range(len(ids)), key=ids.__getitem__)
        if not order:
            return []
        ordered_ids = [ids[i] for i in order]
        counts = sparse.csr_matrix(counts[order], dtype=np.float32)  # a caller holding no reference frees its copy
        ordered_days = np.asarray(days, dtype=np.float64)[order]
        self.df += np.bincount(counts.indices, minlength=N_FEATURES)
        total = self.n_docs + len(order)
        labels = self._link(weigh(counts, self.df, total), ordered_days, total)
        return self._apply(ordered_ids, counts, ordered_days, labels)

    def assign_copies(self, original: dict[str, str]) -> list[StoryAssignment]:
        """Put each copy in the story of the article it copies (which must be assigned already)."""
        assignments = []
        for copy_id, kept_id in sorted(original.items()):
            if copy_id not in self.story_of:
                self.story_of[copy_id] = self.story_of[kept_id]
                assignments.append(StoryAssignment(copy_id, self.story_of[kept_id], False))
        return assignments

    def _link(self, vectors: sparse.csr_matrix, days: npt.NDArray[np.float64], total: int) -> npt.NDArray[np.int64]:
        """Label each new article: >= 0 a new group (a node index), < 0 the story row -(label + 1)."""
        n = vectors.shape[0]
        config = self.config
        edges = drop_far_apart(
            candidate_edges(vectors, k=config.neighbours, max_postings=config.max_postings), days, config.max_gap_days
        )
        edges = keep_mutual(edges, n, config)
        threshold = scaled_threshold(config.threshold, total)
        story_rows, article_rows, sums, stored = self._story_candidates(vectors, days, total)
        background = backgrounds(edges, n, config.neighbours, threshold, more=stored)
        edges = above_background(edges, background)
        # a story's linkage sums cos(a, m) - background[a] over its members m: a stored article's own background
        # is not kept (a state restored from a store would lack it), the new article's stands for it
        story_size = np.bincount(self.article_story, minlength=len(self.story_ids))
        weights = sums - story_size[story_rows] * background[article_rows]
        keep = weights > 0
        story_rows, article_rows, weights = story_rows[keep], article_rows[keep], weights[keep]
        candidates = np.unique(story_rows)
        node = np.searchsorted(candidates, story_rows) + n
        sizes = [1] * n + story_size[candidates].tolist()
        left = np.concatenate([edges.left, article_rows])
        right = np.concatenate([edges.right, node])
        similarity = np.concatenate([edges.similarity.astype(np.float64), weights])
        anchored = [False] * n + [True] * len(candidates)
        labels = average_link(sizes, left, right, similarity, threshold=threshold, anchored=anchored)
        labels = attach_leftovers(
            sizes, left, right, similarity, labels,
            threshold=LEFTOVER_FRACTION * threshold, margin=LEFTOVER_MARGIN, anchored=anchored,
        )  # fmt: skip
        mapped = labels[:n].copy()
        for position, row in enumerate(candidates.tolist()):
            mapped[labels[:n] == labels[n + position]] = -(row + 1)
        return mapped

    def _story_candidates(
        self, vectors: sparse.csr_matrix, days: npt.NDArray[np.float64], total: int
    ) -> tuple[
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.float64],
        tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]],
    ]:
        """Return (story row, new article row, sum of cosines to the story's articles) for likely pairs, and
        (new article row, cosine) for each new article's stored candidates."""
        empty = np.empty(0, dtype=np.int64)
        if not self.story_ids:
            return empty, empty, np.empty(0, dtype=np.float64), (empty, np.empty(0, dtype=np.float64))
        queries = top_terms(distinctive_index(vectors, self.config.max_postings, df=self.df), QUERY_TERMS)
        # Only the stored articles sharing a query term can be matched: weigh and index those, not the corpus.
        matched = self._rows_with(np.unique(queries.indices))
        old = weigh(self.counts[matched], self.df, total)
        index_t = distinctive_index(old, self.config.max_postings, df=self.df).T.tocsr()
        pairs_new, pairs_story, pair_cosines = [], [], []
        for start in range(0, vectors.shape[0], CHUNK_ROWS):
            partial = sparse.csr_matrix(queries[start : start + CHUNK_ROWS] @ index_t)
            rows, cols = top_k_rows(partial, self.config.neighbours)
            cosines = np.asarray(vectors[rows + start].multiply(old[cols]).sum(axis=1), dtype=np.float64).ravel()
            pair_cosines.append(cosines)
            pairs_new.append(rows + start)
            pairs_story.append(self.article_story[matched[cols]])
        stored = (np.concatenate(pairs_new), np.concatenate(pair_cosines))
        key = np.unique(np.concatenate(pairs_story) * vectors.shape[0] + stored[0])
        story_rows, article_rows = key // vectors.shape[0], key % vectors.shape[0]
        if not len(key):
            return story_rows, article_rows, np.empty(0, dtype=np.float64), stored
        stories = np.unique(story_rows)
        members = np.isin(self.article_story, stories)
        member_rows = np.flatnonzero(members)
        selector = sparse.csr_matrix(
            (
                np.ones(len(member_rows), dtype=np.float32),
                (np.searchsorted(stories, self.article_story[member_rows]), np.arange(len(member_rows))),
            ),
            shape=(len(stories), len(member_rows)),
        )
        sums = sparse.csr_matrix(selector @ weigh(self.counts[member_rows], self.df, total))
        position = np.searchsorted(stories, story_rows)
        exact = np.asarray(vectors[article_rows].multiply(sums[position]).sum(axis=1)).ravel()
        keep = exact > 0
        story_days = np.where(members, self.days, np.nan)
        gap = self.config.max_gap_days
        first = np.full(len(self.story_ids), np.nan)
        last = np.full(len(self.story_ids), np.nan)
        np.fmin.at(first, self.article_story, story_days)
        np.fmax.at(last, self.article_story, story_days)
        day = days[article_rows]
        keep &= ~((day < first[story_rows] - gap) | (day > last[story_rows] + gap))  # NaN: never too far
        return story_rows[keep], article_rows[keep], exact[keep].astype(np.float64), stored

    def _rows_with(self, columns: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
        """Return the stored rows holding any of `columns` (ascending), one pass over the stored counts."""
        found: list[npt.NDArray[np.int64]] = [np.empty(0, dtype=np.int64)]
        for start in range(0, self.n_docs, _SCAN_ROWS):
            block = self.counts[start : start + _SCAN_ROWS]
            hits = np.concatenate([[0], np.cumsum(np.isin(block.indices, columns), dtype=np.int64)])
            found.append(np.flatnonzero(hits[block.indptr[1:]] > hits[block.indptr[:-1]]) + start)
        return np.concatenate(found)

    def _apply(
        self,
        ids: list[str],
        counts: sparse.csr_matrix,
        days: npt.NDArray[np.float64],
        labels: npt.NDArray[np.int64],
    ) -> list[StoryAssignment]:
        groups: dict[int, list[int]] = {}
        for row, label in enumerate(labels.tolist()):
            groups.setdefault(label, []).append(row)
        assignments: list[StoryAssignment] = []
        rows = np.zeros(len(ids), dtype=np.int64)
        for label, members in groups.items():
            if label < 0:
                story_row, is_new = -label - 1, False
            else:
                story_row, is_new = len(self.story_ids), True
                self.story_ids.append(story_id([ids[i] for i in members]))
            rows[members] = story_row
            for i in members:
                self.story_of[ids[i]] = self.story_ids[story_row]
                assignments.append(StoryAssignment(ids[i], self.story_ids[story_row], is_new))
        stacked = sparse.vstack([self.counts, counts]) if self.counts.shape[0] else counts  # a first link: no copy
        self.counts = sparse.csr_matrix(stacked, dtype=np.float32)
        self.article_ids.extend(ids)
        self.article_story = np.concatenate([self.article_story, rows])
        self.days = np.concatenate([self.days, days])
        return assignments

    def to_bytes(self) -> bytes:
        """Serialize the state (numpy's npz format, no pickle)."""
        buffer = io.BytesIO()
        copy_ids = [key for key in self.story_of if key not in set(self.article_ids)]
        story_index = {identifier: row for row, identifier in enumerate(self.story_ids)}
        np.savez(
            buffer,
            format=np.array([_STATE_FORMAT]),
            config=np.array(astuple(self.config), dtype=np.float64),
            counts_data=self.counts.data,
            counts_indices=self.counts.indices,
            counts_indptr=self.counts.indptr,
            article_ids=np.array(self.article_ids, dtype=str),
            article_story=self.article_story,
            days=self.days,
            story_ids=np.array(self.story_ids, dtype=str),
            copy_ids=np.array(copy_ids, dtype=str),
            copy_story=np.array([story_index[self.story_of[key]] for key in copy_ids], dtype=np.int64),
        )
        return buffer.getvalue()

    @classmethod
    def from_parts(
        cls,
        *,
        config: ClusterConfig,
        counts: sparse.csr_matrix,
        article_ids: list[str],
        article_story: npt.NDArray[np.int64],
        days: npt.NDArray[np.float64],
        story_ids: list[str],
        copies: dict[str, str],
    ) -> StoryTracker:
        """Rebuild a tracker from its parts (how a store restores it)."""
        tracker = cls(config=config)
        tracker.counts = sparse.csr_matrix(counts, dtype=np.float32)
        tracker.df = np.bincount(tracker.counts.indices, minlength=N_FEATURES).astype(np.int64)
        tracker.article_ids = list(article_ids)
        tracker.article_story = np.asarray(article_story, dtype=np.int64)
        tracker.days = np.asarray(days, dtype=np.float64)
        tracker.story_ids = list(story_ids)
        tracker.story_of = {
            key: story_ids[row] for key, row in zip(article_ids, tracker.article_story.tolist(), strict=True)
        }
        tracker.story_of.update(copies)
        return tracker

    @classmethod
    def from_bytes(cls, data: bytes, *, where: str = "cluster state") -> StoryTracker:
        """Rebuild a tracker saved with `to_bytes`."""
        try:
            saved = np.load(io.BytesIO(data), allow_pickle=False)
            if int(saved["format"][0]) != _STATE_FORMAT:
                raise StoreError(f"{where}: saved in layout {int(saved['format'][0])}, this code reads {_STATE_FORMAT}")
            threshold, neighbours, max_postings, max_gap_days, mutual, sure = saved["config"].tolist()
            story_ids = saved["story_ids"].tolist()
            article_ids = saved["article_ids"].tolist()
            counts = sparse.csr_matrix(
                (saved["counts_data"], saved["counts_indices"], saved["counts_indptr"]),
                shape=(len(article_ids), N_FEATURES),
            )
            copies = {
                key: story_ids[row]
                for key, row in zip(saved["copy_ids"].tolist(), saved["copy_story"].tolist(), strict=True)
            }
            return cls.from_parts(
                config=ClusterConfig(
                    threshold, int(neighbours), int(max_postings), int(max_gap_days), int(mutual), sure
                ),
                counts=counts,
                article_ids=article_ids,
                article_story=saved["article_story"],
                days=saved["days"],
                story_ids=story_ids,
                copies=copies,
            )
        except (OSError, ValueError, KeyError) as error:
            raise StoreError(f"{where}: not a saved story tracker ({error})") from error

    def save(self, path: str | Path) -> None:
        """Write the state to a file."""
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path: str | Path) -> StoryTracker:
        """Read a state written by `save`."""
        return cls.from_bytes(Path(path).read_bytes(), where=str(path))
