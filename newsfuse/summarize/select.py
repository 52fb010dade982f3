"""Choose sentences under the budget: greedy maximisation of a monotone submodular coverage.

The objective is the weight of the concepts the summary covers (each counted once, so repeating a
fact earns nothing), chosen by the cost-scaled greedy of Lin and Bilmes (2011, "A class of
submodular functions for document summarization"), which picks the sentence with the best gain per
word^r and keeps a (1 - 1/e)-style guarantee. Each step costs one sparse product, so the whole
selection is linear in the number of (sentence, concept) entries times the sentences chosen.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from newsfuse.config import SummaryConfig
from newsfuse.summarize.candidates import Candidates, opens_unclosed_quote

# Exponent on length in the gain per cost (Lin and Bilmes 2011 use 0.3); tuned with score.py's
# constants on multinews-fulltext-sample.
LENGTH_EXPONENT = 0.8
# A sentence that opens with a pronoun leans on the one before it ("He said..."): its gain is cut
# unless it opens its article.
DANGLING_PENALTY = 0.5
# Sentences shorter than this are headlines, labels or fragments: never used, even to fill a budget.
FALLBACK_MIN_WORDS = 5
_DANGLING_OPENERS = frozenset(
    ["he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its", "but", "and", "also"]
)


def _dangling(text: str) -> bool:
    first = text.split(maxsplit=1)[0].strip("\"'“‘(").lower() if text.split() else ""
    return first in _DANGLING_OPENERS


def select_sentences(
    candidates: Candidates,
    weights: np.ndarray,
    prior: np.ndarray,
    config: SummaryConfig,
    redundant: sp.csr_matrix | None = None,
) -> list[int]:
    """Return the rows of the chosen sentences, in the order they were chosen.

    `prior` is a per-sentence bonus added to the coverage gain; `redundant[i, j] > 0` marks two
    sentences that say the same thing, of which at most one is chosen. Eligible sentences are
    chosen first; when they run out before the budget is full, the other sentences of at least
    `FALLBACK_MIN_WORDS` words fill it (short, truncated inputs have few sentences to spare).
    """
    binary = candidates.terms.counts.copy().tocsr()
    binary.data[:] = 1.0
    penalty = np.array([DANGLING_PENALTY if _dangling(text) and position > 0 else 1.0
                        for text, position in zip(candidates.texts, candidates.position, strict=True)])  # fmt: skip
    cost = np.maximum(candidates.n_words, 1).astype(np.float64) ** LENGTH_EXPONENT
    blocked = np.zeros(len(candidates.sentences), dtype=bool)
    uncovered = weights.copy()
    chosen: list[int] = []
    words = 0
    # the fallback may take a sentence a truncated text cut short, never a piece of a quotation
    quote_pieces = np.array([opens_unclosed_quote(text) for text in candidates.texts], dtype=bool)
    fallback = (candidates.n_words >= FALLBACK_MIN_WORDS) & ~quote_pieces
    for pool in (candidates.eligible, fallback):
        while True:
            room_words = np.inf if config.max_words is None else config.max_words - words
            room_sentences = config.max_sentences is None or len(chosen) < config.max_sentences
            fits = pool & ~blocked & (candidates.n_words <= room_words) & room_sentences
            if not fits.any():
                break
            gain = (binary @ uncovered + prior) * penalty
            ratio = np.where(fits, gain / cost, -np.inf)
            best = int(np.argmax(ratio))
            chosen.append(best)
            words += int(candidates.n_words[best])
            blocked[best] = True
            uncovered[binary.indices[binary.indptr[best] : binary.indptr[best + 1]]] = 0.0
            if redundant is not None:
                blocked[redundant.indices[redundant.indptr[best] : redundant.indptr[best + 1]]] = True
    return chosen
