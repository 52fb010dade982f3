"""Sentence vectors and similarity: the only place newsfuse decides how alike two sentences are.

Sentences become L2-normalised TF-IDF vectors over stemmed content words and stemmed bigrams
(bigrams catch "Kim Yong" / "White House" as units); IDF is computed over the sentences of the
texts at hand, so a word every sentence shares counts for little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsfuse.text.tokens import STOP_WORDS, stem_all, words

BIGRAM_WEIGHT = 1.0


def sentence_terms(text: str) -> list[str]:
    """Stemmed content words, then stemmed bigrams that are not made of stop words alone."""
    return texts_terms([text])[0]


def texts_terms(texts: Sequence[str]) -> list[list[str]]:
    """`sentence_terms` of each text, stemming each distinct word once (a cluster's texts share most words)."""
    token_lists = [words(text) for text in texts]
    vocabulary = list({token for tokens in token_lists for token in tokens})
    stem_of = dict(zip(vocabulary, stem_all(vocabulary), strict=True))
    content = {token for token in vocabulary if token not in STOP_WORDS and len(token) > 1}
    terms = []
    for tokens in token_lists:
        stems = [stem_of[token] for token in tokens]
        unigrams = [s for token, s in zip(tokens, stems, strict=True) if token in content]
        bigrams = [
            f"{first} {second}"
            for before, after, first, second in zip(tokens, tokens[1:], stems, stems[1:], strict=False)
            if not (before in STOP_WORDS and after in STOP_WORDS)
        ]
        terms.append(unigrams + bigrams)
    return terms


@dataclass(frozen=True, slots=True)
class TermMatrix:
    """Rows are texts, columns terms; `vocabulary[j]` is the term of column j."""

    counts: sp.csr_matrix
    vocabulary: tuple[str, ...]

    def tfidf(self) -> sp.csr_matrix:
        """Sublinear TF times smoothed IDF, each row L2-normalised."""
        counts = self.counts
        n_rows = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log((1 + n_rows) / (1 + df)) + 1.0
        # straight on the CSR arrays: scipy's general products cost more than the arithmetic here
        data = (1.0 + np.log(counts.data)) * idf[counts.indices]
        row_of = np.repeat(np.arange(n_rows), np.diff(counts.indptr))
        norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n_rows))
        norms[norms == 0] = 1.0
        return sp.csr_matrix((data / norms[row_of], counts.indices.copy(), counts.indptr.copy()), shape=counts.shape)


def term_matrix(term_lists: Sequence[Sequence[str]]) -> TermMatrix:
    """Count the terms of each text into a sparse matrix."""
    vocabulary: dict[str, int] = {}
    indices = [vocabulary.setdefault(term, len(vocabulary)) for terms in term_lists for term in terms]
    indptr = np.zeros(len(term_lists) + 1, dtype=np.int64)
    np.cumsum([len(terms) for terms in term_lists], out=indptr[1:])
    data = np.ones(len(indices), dtype=np.float64)
    counts = sp.csr_matrix(
        (data, np.array(indices, dtype=np.int64), indptr), shape=(len(term_lists), max(len(vocabulary), 1))
    )
    counts.sum_duplicates()
    return TermMatrix(counts, tuple(vocabulary))


def cosine_pairs(vectors: sp.csr_matrix, threshold: float) -> sp.coo_matrix:
    """Pairs of rows whose cosine is at least `threshold` (rows must be L2-normalised)."""
    product = sp.coo_matrix(vectors @ vectors.T)
    keep = product.data >= threshold
    return sp.coo_matrix((product.data[keep], (product.row[keep], product.col[keep])), shape=product.shape)
