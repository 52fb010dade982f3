"""The default engine: classic, offline, no model download.

Cross-document concept coverage (score.py) chosen greedily under the budget (select.py), with a
prior for sentences that several sources report (facts.py), ordered by position (order.py) and
cited to every article that reports them (cite.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import scipy.sparse as sp

from newsfuse.config import SummaryConfig
from newsfuse.model import Article, Summary
from newsfuse.summarize.candidates import Candidates, prepare
from newsfuse.summarize.cite import cite, key_terms
from newsfuse.summarize.facts import Matches, match_sentences
from newsfuse.summarize.order import order_sentences
from newsfuse.summarize.score import concept_weights
from newsfuse.summarize.select import clip_to_fill, select_sentences
from newsfuse.summarize.trim import trim_candidates

LEAD_ARTICLES = 5.0
# Two matching sentences this alike say the same thing whatever names they add; set on the summit
# example (0.31 for two leads of the same announcement, 0.24 for the announcement and the venue).
REDUNDANT_SIMILARITY = 0.3
LEAD_PRIOR = 1.0


def _redundancy(candidates: Candidates, matches: Matches) -> sp.csr_matrix:
    """`[j, i] > 0` when choosing sentence j makes sentence i redundant.

    It does when the two are very alike (`REDUNDANT_SIMILARITY`), or when they match (`facts.py`)
    and i states no name, place or number that j does not (`cite.key_terms`): "Trump will meet Kim
    next month" does not make "the summit will take place in Vietnam" redundant.
    """
    n = len(candidates.sentences)
    keys: dict[int, frozenset[str]] = {}  # only sentences with a match need theirs

    def key(row: int) -> frozenset[str]:
        if row not in keys:
            keys[row] = key_terms(candidates.texts[row])
        return keys[row]

    rows: list[int] = []
    cols: list[int] = []
    for i in range(n):
        for j, similarity in matches.best[i].values():
            if similarity >= REDUNDANT_SIMILARITY:
                rows += [j, i]
                cols += [i, j]
                continue
            if key(i) <= key(j):
                rows.append(j)  # j chosen makes i redundant
                cols.append(i)
            if key(j) <= key(i):
                rows.append(i)
                cols.append(j)
    return sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocsr()


def _prior(candidates: Candidates, weights: np.ndarray) -> np.ndarray:
    binary = candidates.terms.counts.copy()
    binary.data[:] = 1.0
    coverage = binary @ weights
    scale = float(coverage[candidates.eligible].mean()) if candidates.eligible.any() else 0.0
    lead = 1.0 / (1.0 + candidates.position.astype(np.float64))
    # the more sources, the more cross-document coverage says on its own and the less the lead must
    lead_weight = LEAD_PRIOR * min(1.0, LEAD_ARTICLES / max(len(candidates.articles), 1))
    return scale * lead_weight * lead


def summarize_classic(articles: Sequence[Article], config: SummaryConfig) -> Summary:
    """Summarize articles about one event with the classic engine."""
    candidates = prepare(articles)
    return summarize_candidates(candidates, match_sentences(candidates), config)


def summarize_candidates(candidates: Candidates, matches: Matches, config: SummaryConfig) -> Summary:
    """The classic engine on sentences already prepared and matched (the comparison prepares them too)."""
    weights = concept_weights(candidates)
    prior = _prior(candidates, weights)
    redundant = _redundancy(candidates, matches)
    # what the summary shows: sentences without their asides, and the room left filled by leading clauses
    shown = trim_candidates(candidates)
    chosen = select_sentences(shown, weights, prior, config, redundant)
    clipped = clip_to_fill(shown, chosen, weights, config, redundant)
    if clipped is not None:
        row, text = clipped
        chosen.append(row)
        shown = replace(shown, texts=(*shown.texts[:row], text, *shown.texts[row + 1 :]))
    rows = order_sentences(shown, chosen)
    return Summary(
        sentences=cite(shown, matches, rows),
        articles=candidates.articles,
        engine="classic",
        max_words=config.max_words,
        max_sentences=config.max_sentences,
    )
