"""Article vectors for story clustering: hashed stems, stem bigrams and names, weighted by TF-IDF.

Two steps, so a distributed engine can run the first over batches with no shared state:
`term_counts` is a pure function of a batch of articles (feature hashing needs no vocabulary: a term's
column is its CRC32 modulo `N_FEATURES`, a bigram's a mix of its stems' hashes, the same in any
process), and `weigh` turns counts into unit TF-IDF vectors given the document frequencies seen so far.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from scipy import sparse

from newsfuse.model import Article
from newsfuse.text.tokens import STOP_WORDS, content_stems, stem, words

# 2**20 hashed features: at ~3 million distinct stems and bigrams in the 124,609-article pool, the
# collisions that matter (two frequent terms in one bucket) are rare; the df table costs 4 MB.
N_FEATURES = 2**20

# A capitalised word inside a sentence is most often part of a name ("Tara Reid", "Promises"): names
# tell twin events apart (ECB+: "Tara Reid enters rehab" vs "Lindsay Lohan enters rehab"), so each
# one adds a feature of its own beside its stem. Not tuned: a design choice checked on ECB+ only.
_NAME = re.compile(
    r"[a-z0-9,;:] (?=([A-Z][a-z]+(?:[-’'][A-Za-z]+)?)\b)"
)  # after a lower-case word: not a sentence start
_NAME_PREFIX = "@"

_BIGRAM_JOIN = " "


def article_terms(article: Article) -> list[str]:
    """Return the terms of an article, readable: content stems, stem bigrams and @names (repeats kept).

    `term_counts` hashes exactly these terms, without building the strings.
    """
    text = _text(article)
    stems = content_stems(text)
    terms = list(stems)
    terms.extend(f"{first}{_BIGRAM_JOIN}{second}" for first, second in pairwise(stems))
    terms.extend(_NAME_PREFIX + name for name in _names(text))
    return terms


# Web addresses and script code ("http://v.site.com/images/1155968404/...", "window._taboola", "{ mode:
# 'thumbnails' }") are page furniture: their ids and path words are shared by every page of a site, whatever
# its story. They are left out of the features (the text keeps them). Checked on ECB+ (no change),
# multinews-dev clusters 1000+ and a seed-1 pool sample of 60,000 articles (B3 +0.0006 / +0.0007).
_FURNITURE = re.compile(r"\b(?:https?://|www\.)\S+|\{[^{}]{0,400}\}|\bwindow\.[\w.]+|\b_?\w+\.push\(", re.I)


def _text(article: Article) -> str:
    text = f"{article.title}\n{article.text}" if article.title else article.text
    return _FURNITURE.sub(" ", text)


def _names(text: str) -> list[str]:
    return [stem(word) for word in (name.lower() for name in _NAME.findall(text)) if word not in STOP_WORDS]


_MASK = np.uint64(N_FEATURES - 1)
_BIGRAM_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd 64-bit constant (golden ratio): mixes the first stem's hash


def _hash(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))


class _Vocabulary:
    """Term ids for one batch: each distinct word is stemmed and hashed once, not once per occurrence."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.word_ids: dict[str, int] = {}
        self.hashes: list[int] = [0]  # id 0: a stop word, dropped

    def ids(self, tokens: list[str]) -> list[int]:
        known = self.word_ids
        found = [known.get(token, -1) for token in tokens]
        if -1 in found:
            for position, token in enumerate(tokens):
                if found[position] == -1:
                    found[position] = known.get(token) or self._add(token)
        return found

    def _add(self, token: str) -> int:
        if token in STOP_WORDS:
            self.word_ids[token] = 0
            return 0
        self.word_ids[token] = len(self.hashes)
        self.hashes.append(_hash(self.prefix + stem(token)))
        return self.word_ids[token]


def term_counts(articles: Sequence[Article]) -> sparse.csr_matrix:
    """Return raw term counts, one row an article, `N_FEATURES` hashed columns (pure over the batch)."""
    vocabulary = _Vocabulary()
    name_vocabulary = _Vocabulary(_NAME_PREFIX)
    columns: list[npt.NDArray[np.uint64]] = [np.empty(0, dtype=np.uint64)]
    lengths = np.zeros(len(articles), dtype=np.int64)
    stem_ids: list[list[int]] = []
    name_ids: list[list[int]] = []
    for article in articles:
        text = _text(article)
        stem_ids.append(vocabulary.ids(words(text)))
        name_ids.append(name_vocabulary.ids([name.lower() for name in _NAME.findall(text)]))
    hashes = np.array(vocabulary.hashes, dtype=np.uint64)
    name_hashes = np.array(name_vocabulary.hashes, dtype=np.uint64)
    for row, (ids, names) in enumerate(zip(stem_ids, name_ids, strict=True)):
        kept = np.array(ids, dtype=np.int64)
        unigrams = hashes[kept[kept > 0]]
        bigrams = (unigrams[:-1] * _BIGRAM_MIX) ^ (unigrams[1:] + np.uint64(1))  # +1: "a a" differs from "a"
        named_ids = np.array(names, dtype=np.int64)
        named = name_hashes[named_ids[named_ids > 0]]
        terms = np.concatenate([unigrams, bigrams, named]) & _MASK
        columns.append(terms)
        lengths[row] = len(terms)
    cols = np.concatenate(columns).astype(np.int64)
    rows = np.repeat(np.arange(len(articles)), lengths)
    counts = sparse.csr_matrix(
        (np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(articles), N_FEATURES), dtype=np.float32
    )
    counts.sum_duplicates()
    return counts


def document_frequencies(counts: sparse.csr_matrix) -> npt.NDArray[np.int64]:
    """Return in how many rows each column occurs."""
    return np.bincount(counts.indices, minlength=N_FEATURES).astype(np.int64)


# Terms seen in one article only cannot link two articles; terms in more than MAX_DF_FRACTION of all
# articles are the vocabulary of news itself. min_df 2 and max_df 0.3 are the plain baseline's settings
# (multinews-train-pool PROVENANCE.md), kept rather than tuned. A term in one article never adds to a dot
# product: cutting it only shortens the norm, so cosines count shared words alone. Both cuts wait until a
# corpus has CUTS_MIN_DOCS articles: in a handful of texts, one shared word ("president") would then make
# two unrelated reports look alike, and the words three reports of one event share are in all of them.
MIN_DF = 2
MAX_DF_FRACTION = 0.3
CUTS_MIN_DOCS = 100
# idf is raised to this power: rare terms (names, places, rare bigrams) weigh more against the words every
# report of a topic shares, which is what tells twin events apart. Tuned on multinews-dev clusters 1000-2085
# with THRESHOLD (B3 at the best threshold: 0.809 with power 1, 0.809 with 1.25, 0.812 with 1.5, 0.810 with 1.75).
IDF_POWER = 1.5


def weigh(counts: sparse.csr_matrix, df: npt.NDArray[np.int64], n_docs: int) -> sparse.csr_matrix:
    """Return unit-length TF-IDF rows: sublinear tf (1 + log tf) times smoothed idf ** IDF_POWER, rare and common terms cut."""
    weights = counts.copy()
    weights.data = 1.0 + np.log(weights.data)
    # weigh entry by entry for a few rows, column by column (a million) for many: the same numbers either way
    per_entry = weights.nnz < N_FEATURES
    df_used = df[weights.indices] if per_entry else df
    idf = (np.log((1.0 + n_docs) / (1.0 + df_used)) + 1.0) ** IDF_POWER
    usable = (df_used >= MIN_DF) & (df_used <= MAX_DF_FRACTION * n_docs) if n_docs >= CUTS_MIN_DOCS else df_used > 0
    factor = np.where(usable, idf, 0.0).astype(np.float32)
    weights.data *= factor if per_entry else factor[weights.indices]
    weights.eliminate_zeros()
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled = sparse.diags((1.0 / norms).astype(np.float32)) @ weights
    return sparse.csr_matrix(scaled, dtype=np.float32)
