"""Choose sentences under the budget: greedy maximisation of a monotone submodular coverage.

The objective is the weight of the concepts the summary covers (each counted once, so repeating a
fact earns nothing), chosen by the cost-scaled greedy of Lin and Bilmes (2011, "A class of
submodular functions for document summarization"), which picks the sentence with the best gain per
word^r and keeps a (1 - 1/e)-style guarantee. Each step costs one sparse product, so the whole
selection is linear in the number of (sentence, concept) entries times the sentences chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from newsfuse.config import SummaryConfig
from newsfuse.summarize.candidates import Candidates, opens_unclosed_quote
from newsfuse.summarize.trim import CLIP_MIN_WORDS, clip_sentence

# Exponent on length in the gain per cost (Lin and Bilmes 2011 use 0.3); tuned with score.py's
# constants on multinews-fulltext-sample.
LENGTH_EXPONENT = 0.8
# A sentence that opens with a pronoun leans on the one before it ("He said..."): its gain is cut
# unless it opens its article.
DANGLING_PENALTY = 0.5
# Sentences shorter than this are headlines, labels or fragments: never used, even to fill a budget.
FALLBACK_MIN_WORDS = 5
# How many of the best sentences left out are tried for leading clauses that fill the room.
CLIP_TRIES = 5
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
    binary = _presence(candidates)
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
            _take(best, binary, uncovered, blocked, redundant)
    return chosen


def _presence(candidates: Candidates) -> sp.csr_matrix:
    """Which concepts each sentence states (1), whatever their counts."""
    binary = candidates.terms.counts.copy().tocsr()
    binary.data[:] = 1.0
    return binary


def _take(
    row: int, binary: sp.csr_matrix, uncovered: np.ndarray, blocked: np.ndarray, redundant: sp.csr_matrix | None
) -> None:
    """Mark sentence `row` chosen: its concepts covered, itself and the sentences it makes redundant barred."""
    uncovered[binary.indices[binary.indptr[row] : binary.indptr[row + 1]]] = 0.0
    blocked[row] = True
    if redundant is not None:
        blocked[redundant.indices[redundant.indptr[row] : redundant.indptr[row + 1]]] = True


def clip_to_fill(
    candidates: Candidates,
    chosen: Sequence[int],
    weights: np.ndarray,
    config: SummaryConfig,
    redundant: sp.csr_matrix | None = None,
) -> tuple[int, str] | None:
    """The sentence that best fills the room the whole sentences left, clipped to fit (row, text).

    A summary of whole sentences stops short of its budget when nothing left fits (on short inputs
    ~15 words of ~260); the leading clauses of the best sentence that did not fit fill the room,
    marked elided (`trim.clip_sentence`). None when there is no room or no clause fits.
    """
    if config.max_words is None or (config.max_sentences is not None and len(chosen) >= config.max_sentences):
        return None
    room = config.max_words - int(candidates.n_words[list(chosen)].sum())
    if room < CLIP_MIN_WORDS:
        return None
    binary = _presence(candidates)
    uncovered = weights.copy()
    blocked = np.zeros(len(candidates.sentences), dtype=bool)
    for row in chosen:
        _take(row, binary, uncovered, blocked, redundant)
    pool = (candidates.eligible | (candidates.n_words >= FALLBACK_MIN_WORDS)) & ~blocked
    gain = binary @ uncovered
    best: tuple[float, int, str] | None = None
    tried = 0
    for row in np.argsort(-np.where(pool, gain, -np.inf), kind="stable").tolist():
        if tried == CLIP_TRIES or not pool[row] or gain[row] <= 0:
            break
        if opens_unclosed_quote(candidates.texts[row]):  # never a piece of a quotation
            continue
        tried += 1
        clipped = clip_sentence(candidates.texts[row], room)
        if clipped is not None:
            # the clause kept is worth its share of the sentence's gain
            value = float(gain[row]) * len(clipped.split()) / max(int(candidates.n_words[row]), 1)
            if best is None or value > best[0]:
                best = (value, row, clipped)
    return None if best is None else (best[1], best[2])
