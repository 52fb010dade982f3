"""Article vectors for story clustering: hashed stems, stem bigrams and names, weighted by TF-IDF.

Two steps, so a distributed engine can run the first over batches with no shared state:
`term_counts` is a pure function of a batch of articles (feature hashing needs no vocabulary), and
`weigh` turns counts into unit TF-IDF vectors given the document frequencies seen so far.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher

from newsfuse.model import Article
from newsfuse.text.tokens import STOP_WORDS, content_stems, stem

# 2**20 hashed features: at ~3 million distinct stems and bigrams in the 124,609-article pool, the
# collisions that matter (two frequent terms in one bucket) are rare; the df table costs 4 MB.
N_FEATURES = 2**20

# A capitalised word inside a sentence is most often part of a name ("Tara Reid", "Promises"): names
# tell twin events apart (ECB+: "Tara Reid enters rehab" vs "Lindsay Lohan enters rehab"), so each
# one adds a feature of its own beside its stem. Not tuned: a design choice checked on ECB+ only.
_NAME = re.compile(r"(?<![.!?\"'“‘\n]\s)(?<!^)\b([A-Z][a-z]+(?:[-’'][A-Za-z]+)?)\b")
_NAME_PREFIX = "@"
_BIGRAM_JOIN = " "


def article_terms(article: Article) -> list[str]:
    """Return the hashed terms of an article: content stems, stem bigrams and names (repeats kept)."""
    text = f"{article.title}\n{article.text}" if article.title else article.text
    stems = content_stems(text)
    terms = list(stems)
    terms.extend(f"{first}{_BIGRAM_JOIN}{second}" for first, second in itertools.pairwise(stems))
    for match in _NAME.finditer(text):
        word = match.group(1).lower()
        if word not in STOP_WORDS:
            terms.append(_NAME_PREFIX + stem(word))
    return terms


def term_counts(articles: Sequence[Article]) -> sparse.csr_matrix:
    """Return raw term counts, one row an article, `N_FEATURES` hashed columns (pure over the batch)."""
    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    counts = hasher.transform(article_terms(article) for article in articles)
    return sparse.csr_matrix(counts, dtype=np.float32)


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


def weigh(counts: sparse.csr_matrix, df: npt.NDArray[np.int64], n_docs: int) -> sparse.csr_matrix:
    """Return unit-length TF-IDF rows: sublinear tf (1 + log tf) times smoothed idf, rare and common terms cut."""
    weights = counts.copy()
    weights.data = 1.0 + np.log(weights.data)
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    if n_docs >= CUTS_MIN_DOCS:
        usable = (df >= MIN_DF) & (df <= MAX_DF_FRACTION * n_docs)
    else:
        usable = df > 0
    column_weight = np.where(usable, idf, 0.0).astype(np.float32)
    weights.data *= column_weight[weights.indices]
    weights.eliminate_zeros()
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled = sparse.diags((1.0 / norms).astype(np.float32)) @ weights
    return sparse.csr_matrix(scaled, dtype=np.float32)
