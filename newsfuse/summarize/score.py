"""What each sentence is worth: concept weights from cross-document support and position.

Concepts are stemmed bigrams and content words (Gillick and Favre 2009 use bigrams). A concept's
weight is the number of articles that mention it, each mention counted more when it comes early
in its article: news puts what matters first (the lead), so a concept in several leads is the
story's core. Concepts found in one article only carry no weight when several articles are at hand,
which keeps one outlet's colour out of a summary of what the sources report.
"""

from __future__ import annotations

import math

import numpy as np

from newsfuse.summarize.candidates import Candidates

# Tuned together on multinews-fulltext-sample (budget ref) and confirmed on duc2006 and
# duc2007-update: see benchmarks/results/summarization.md. Change them together.
POSITION_DECAY = 0.3  # a mention in sentence p counts 1 + POSITION_BONUS / (1 + POSITION_DECAY * p)
POSITION_BONUS = 1.0
UNIGRAM_WEIGHT = 0.25  # content words matter, but less than the bigrams that pin a fact down
MIN_SUPPORT = 2  # a concept must appear in this many articles (when there are that many)
TITLE_BONUS = 1.0
MIN_SUPPORT_SHARE = 0.12  # ... and in this share of them


def concept_weights(candidates: Candidates) -> np.ndarray:
    """Weight of every concept (column of `candidates.terms.counts`)."""
    counts = candidates.terms.counts
    n_terms = counts.shape[1]
    if counts.shape[0] == 0:
        return np.zeros(n_terms)
    coo = counts.tocoo()
    mention = 1.0 + POSITION_BONUS / (1.0 + POSITION_DECAY * candidates.position[coo.row].astype(np.float64))
    # the best (earliest) mention of each concept within each article, summed over articles
    n_articles = len(candidates.articles)
    key = candidates.article[coo.row].astype(np.int64) * n_terms + coo.col
    order = np.lexsort((-mention, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    best = order[first]
    weights = np.bincount(coo.col[best], weights=mention[best], minlength=n_terms).astype(np.float64, copy=False)
    support = np.bincount(coo.col[best], minlength=n_terms)
    min_support = max(MIN_SUPPORT, math.ceil(MIN_SUPPORT_SHARE * n_articles))
    if n_articles >= min_support:
        weights[support < min_support] = 0.0
    if TITLE_BONUS:
        # Edmundson (1969)'s title method: the words a headline picks are what the story is about
        titles = [article.title for article in candidates.articles if article.title]
        weights[candidates.terms.columns_of(titles)] *= 1.0 + TITLE_BONUS
    weights *= np.where(candidates.terms.is_unigram, UNIGRAM_WEIGHT, 1.0)
    return weights
