"""The per-article ingest stages as pure functions over chunks of articles, their results compact.

Line cleaning, MinHash fingerprints, hashed term counts and sentence splitting are each a pure function
of one article, so a chunk can be cut anywhere and gives the values a single pass computes. An engine
runs these functions where it likes (this process, Ray workers); everything stateful stays on the
driver (`driver.py`).

A result travels back from a worker as a few arrays and strings, not as objects: fingerprints as one
array of MinHash values, sentences as integer spans over the cleaned text (no copied text), term counts
as CSR arrays. Unpickling a chunk's sentences and fingerprints as objects cost the driver ~60 ms a 1,000
articles while the workers ran (against ~1.4 s of work in the task), CPU taken from the workers on a
small machine; as arrays it costs ~1 ms. The driver builds the objects later, in its own steps, for the
articles it keeps (`Featurized.fingerprint`, `Featurized.sentences`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash
from scipy import sparse

from newsfuse.clean import clean_article
from newsfuse.cluster.features import N_FEATURES, term_counts
from newsfuse.dedup.minhash import NUM_PERM, fingerprint_from_values, fingerprints
from newsfuse.model import Article, Sentence
from newsfuse.text.sentences import split_sentences

SPAN_COLUMNS = 3  # start, end, paragraph of a sentence


@dataclass(frozen=True, slots=True)
class Featurized:
    """What the per-article stages compute for a chunk of cleaned articles, one row an article, as arrays."""

    hashvalues: npt.NDArray[np.uint64]  # (articles, NUM_PERM): each article's MinHash values
    counts: sparse.csr_matrix  # hashed term counts, `newsfuse.cluster.features.term_counts`
    spans: npt.NDArray[np.int64]  # (sentences, 3): start and end in the article's text, paragraph
    offsets: npt.NDArray[np.int64]  # (articles + 1,): row i's sentences are spans[offsets[i] : offsets[i + 1]]

    def __len__(self) -> int:
        return len(self.hashvalues)

    def fingerprint(self, row: int) -> LeanMinHash:
        """The MinHash fingerprint of a row (`newsfuse.dedup.fingerprint` of its text)."""
        return fingerprint_from_values(self.hashvalues[row])

    def sentences(self, row: int, article: Article) -> tuple[Sentence, ...]:
        """The sentences of a row, given the article it was featurized from (their text is cut from it)."""
        spans = self.spans[self.offsets[row] : self.offsets[row + 1]].tolist()
        text = article.text
        return tuple(
            Sentence(article.id, index, text[start:end], start, end, paragraph)
            for index, (start, end, paragraph) in enumerate(spans)
        )

    def rows(self, rows: Sequence[int]) -> Featurized:
        """These rows, in this order."""
        picked = np.asarray(rows, dtype=np.int64)
        starts = self.offsets[picked]
        lengths = self.offsets[picked + 1] - starts
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        # the k-th kept span of row i is span starts[i] + (k - offsets[i])
        spans = np.repeat(starts - offsets[:-1], lengths) + np.arange(offsets[-1], dtype=np.int64)
        return Featurized(
            self.hashvalues[picked],
            sparse.csr_matrix(self.counts[picked], dtype=np.float32),
            self.spans[spans].reshape(len(spans), SPAN_COLUMNS),
            offsets,
        )


def join(parts: Sequence[Featurized]) -> Featurized:
    """The rows of every part, in order."""
    if not parts:
        return Featurized(
            np.empty((0, NUM_PERM), dtype=np.uint64),
            sparse.csr_matrix((0, N_FEATURES), dtype=np.float32),
            np.empty((0, SPAN_COLUMNS), dtype=np.int64),
            np.zeros(1, dtype=np.int64),
        )
    starts = np.cumsum([0] + [len(part.spans) for part in parts[:-1]])
    return Featurized(
        np.concatenate([part.hashvalues for part in parts]),
        sparse.csr_matrix(sparse.vstack([part.counts for part in parts]), dtype=np.float32),
        np.concatenate([part.spans for part in parts]),
        np.concatenate([[0]] + [part.offsets[1:] + start for part, start in zip(parts, starts, strict=True)]),
    )


def featurize_chunk(articles: Sequence[Article]) -> Featurized:
    """Fingerprint, count the terms of and split into sentences each cleaned article of a chunk."""
    split = [split_sentences(article.text, article.id) for article in articles]
    spans = np.array([(s.start, s.end, s.paragraph) for sentences in split for s in sentences], dtype=np.int64)
    prints = fingerprints(articles)
    return Featurized(
        np.array([p.hashvalues for p in prints], dtype=np.uint64).reshape(len(articles), NUM_PERM),
        term_counts(articles),
        spans.reshape(len(spans), SPAN_COLUMNS),
        np.concatenate([[0], np.cumsum([len(sentences) for sentences in split])]).astype(np.int64),
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    """A chunk cleaned line by line, and the features of each article as cleaned so far."""

    changed: tuple[Article | None, ...]  # each article after the line rules; None when they changed nothing
    features: Featurized

    def cleaned(self, articles: Sequence[Article]) -> list[Article]:
        """The chunk's articles as the line rules left them."""
        return [before if after is None else after for before, after in zip(articles, self.changed, strict=True)]


def prepare_chunk(articles: Sequence[Article]) -> Prepared:
    """Clean each article on its own and featurize the result: one trip to a worker for most articles.

    The corpus rules (lines an outlet repeats across the batch) run after, on the driver; only the
    articles they change are featurized again, so every article ends with the features of its final text.
    """
    cleaned = [clean_article(article).article for article in articles]
    return Prepared(
        tuple(None if after == before else after for before, after in zip(articles, cleaned, strict=True)),
        featurize_chunk(cleaned),
    )
