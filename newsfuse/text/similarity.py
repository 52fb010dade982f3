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

from newsfuse.text.tokens import STOP_WORDS, TEXT_BREAK, stem_all, words_of_texts


@dataclass(frozen=True, slots=True)
class TermMatrix:
    """Rows are texts, columns terms: stemmed content words, then stemmed bigrams.

    A column's term is an integer key: `k < len(stems)` is the word `stems[k]`; otherwise the bigram
    of stems `(k - n) // n` and `(k - n) % n`, with `n = len(stems)` (`vocabulary` spells them out).
    """

    counts: sp.csr_matrix
    keys: np.ndarray  # the key of each column, increasing
    stems: tuple[str, ...]

    @property
    def is_unigram(self) -> np.ndarray:
        """True for the columns that are single words (a matrix with no term keeps one empty column)."""
        unigram = np.zeros(self.counts.shape[1], dtype=bool)
        unigram[: len(self.keys)] = self.keys < len(self.stems)
        return unigram

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Each column's term as text ("white", "white hous")."""
        n, stems = max(len(self.stems), 1), self.stems
        return tuple(stems[k] if k < n else f"{stems[(k - n) // n]} {stems[(k - n) % n]}" for k in self.keys.tolist())

    def columns_of(self, texts: Sequence[str]) -> np.ndarray:
        """The columns of this matrix that hold a term of `texts` (terms as `term_matrix` finds them)."""
        if not texts:
            return np.zeros(0, dtype=np.int64)
        index = {stem: i for i, stem in enumerate(self.stems)}
        n = max(len(self.stems), 1)
        wanted: list[int] = []
        for term in term_matrix(texts).vocabulary:
            ids = [index.get(stem, -1) for stem in term.split(" ")]
            if min(ids) >= 0:
                wanted.append(ids[0] if len(ids) == 1 else n + ids[0] * n + ids[1])
        found = np.searchsorted(self.keys, wanted).astype(np.int64)
        inside = found < len(self.keys)
        hit = np.zeros(len(wanted), dtype=bool)
        hit[inside] = self.keys[found[inside]] == np.asarray(wanted, dtype=np.int64)[inside]
        return found[hit]

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


def term_matrix(texts: Sequence[str]) -> TermMatrix:
    """Count the terms of each text into a sparse matrix, texts as rows.

    A text's terms are the stems of its content words (not stop words, more than one letter) and the
    stem bigrams of its neighbouring words that are not both stop words.

    Each distinct word is stemmed once and the bigrams are built on integer ids, not strings: a
    cluster's sentences share most of their words, and this runs on every sentence of it.
    """
    # one tokenizer pass over all texts; ids in order of first use, looked up without a Python loop
    every = words_of_texts(texts)
    tokens = list(dict.fromkeys(every))
    token_index = dict(zip(tokens, range(len(tokens)), strict=True))
    flat = np.fromiter(map(token_index.__getitem__, every), dtype=np.int64, count=len(every))
    row = np.zeros(len(flat), dtype=np.int64)
    text_break = token_index.get(TEXT_BREAK)
    if text_break is not None:  # the breaks give each word its text's row, then leave the vocabulary
        is_break = flat == text_break
        row = np.cumsum(is_break)[~is_break]
        flat = flat[~is_break]
        flat[flat > text_break] -= 1
        del tokens[text_break]
    stemmed = stem_all(tokens)
    stems = list(dict.fromkeys(stemmed))
    stem_of_token = np.fromiter(
        map(dict(zip(stems, range(len(stems)), strict=True)).__getitem__, stemmed), dtype=np.int64, count=len(stemmed)
    )
    stop = np.fromiter(map(STOP_WORDS.__contains__, tokens), dtype=bool, count=len(tokens))
    content = ~stop & (np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)) > 1)
    stem = stem_of_token[flat]
    # unigrams: a content word's stem; bigrams: two neighbours of one text, not both stop words
    unigram = content[flat]
    pair = (row[1:] == row[:-1]) & ~(stop[flat[1:]] & stop[flat[:-1]])
    n_stems = max(len(stems), 1)
    keys = np.concatenate([stem[unigram], n_stems + stem[:-1][pair] * n_stems + stem[1:][pair]])
    rows = np.concatenate([row[unigram], row[:-1][pair]])
    columns, column_of = np.unique(keys, return_inverse=True)
    # count each (row, column) once: np.unique sorts them as CSR wants, so the matrix is built directly
    n_columns = max(len(columns), 1)
    cells, counts_of = np.unique(rows * n_columns + column_of.ravel(), return_counts=True)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(cells // n_columns, minlength=len(texts)))])
    counts = sp.csr_matrix((counts_of.astype(np.float64), cells % n_columns, indptr), shape=(len(texts), n_columns))
    return TermMatrix(counts, columns, tuple(stems))


def cosines(vectors: sp.csr_matrix) -> sp.csr_matrix:
    """The cosine of every two rows (rows must be L2-normalised); pairs with no term in common are left out."""
    return sp.csr_matrix(vectors @ vectors.T)


def pairs_above(similarity: sp.csr_matrix, threshold: float) -> sp.coo_matrix:
    """The pairs of `similarity` at or above `threshold`."""
    product = sp.coo_matrix(similarity)
    keep = product.data >= threshold
    return sp.coo_matrix((product.data[keep], (product.row[keep], product.col[keep])), shape=product.shape)
