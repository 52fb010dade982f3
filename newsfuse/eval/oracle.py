"""A greedy extractive ROUGE oracle: the ceiling a sentence extractor could reach.

Greedily add the source sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 (mean over the
references) until the budget is filled or no sentence helps (the labelling rule of Nallapati
et al. 2017, SummaRuNNer, section 3). It uses rouge-score's own tokenizer and stemmer, so its
n-gram counts are the ones the scorer sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from newsfuse.errors import MissingExtra
from newsfuse.eval.rouge import EVAL_EXTRA_HINT
from newsfuse.text.tokens import word_count

ORDERS = (1, 2)  # ROUGE-1 and ROUGE-2


class _Tokenizer(Protocol):
    def tokenize(self, text: str) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class _Ngrams:
    """One text's n-gram counts, one Counter per order in ORDERS."""

    counts: tuple[Counter[tuple[str, ...]], ...]
    totals: tuple[int, ...]


def _ngrams(tokens: Sequence[str]) -> _Ngrams:
    counts = tuple(Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)) for n in ORDERS)
    return _Ngrams(counts, tuple(max(0, len(tokens) - n + 1) for n in ORDERS))


def _f1(overlap: int, predicted: int, reference: int) -> float:
    if overlap == 0:
        return 0.0
    return 2.0 * overlap / (predicted + reference)


def _gain(
    summary: Counter[tuple[str, ...]], candidate: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]
) -> int:
    """How much adding `candidate` to `summary` raises its clipped n-gram overlap with `reference`."""
    return sum(
        min(summary[gram] + count, reference[gram]) - min(summary[gram], reference[gram])
        for gram, count in candidate.items()
    )


class GreedyOracle:
    """Pick sentences by their gain in ROUGE-1 + ROUGE-2 against known references."""

    def __init__(self) -> None:
        try:
            from rouge_score import tokenizers
        except ImportError as error:
            raise MissingExtra(f"the ROUGE oracle needs rouge-score: {EVAL_EXTRA_HINT}") from error
        self._tokenizer: _Tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def select(self, sentences: Sequence[str], references: Sequence[str], max_words: int) -> tuple[str, ...]:
        """Return the chosen sentences in the order they were picked."""
        refs = [_ngrams(self._tokenizer.tokenize(ref)) for ref in references]
        in_refs = [set().union(*(ref.counts[k] for ref in refs)) for k in range(len(ORDERS))]
        # An n-gram no reference has adds nothing to any overlap: keep only the others' counts.
        candidates = [
            _Ngrams(
                tuple(
                    Counter({g: c for g, c in counts.items() if g in known})
                    for counts, known in zip(grams.counts, in_refs, strict=True)
                ),
                grams.totals,
            )
            for grams in (_ngrams(self._tokenizer.tokenize(sentence)) for sentence in sentences)
        ]
        summary = [Counter[tuple[str, ...]]() for _ in ORDERS]
        summary_totals = [0 for _ in ORDERS]
        overlaps = [[0 for _ in ORDERS] for _ in refs]  # overlap of the summary with each reference
        chosen: list[int] = []
        words = 0
        current = 0.0
        remaining = set(range(len(sentences)))
        while words < max_words and remaining:
            best, best_score, best_overlaps = -1, current, overlaps
            for index in sorted(remaining):
                candidate = candidates[index]
                new_overlaps = [
                    [overlaps[r][k] + _gain(summary[k], candidate.counts[k], ref.counts[k]) for k in range(len(ORDERS))]
                    for r, ref in enumerate(refs)
                ]
                score = sum(
                    _f1(new_overlaps[r][k], summary_totals[k] + candidate.totals[k], ref.totals[k])
                    for r, ref in enumerate(refs)
                    for k in range(len(ORDERS))
                ) / len(refs)
                if score > best_score:
                    best, best_score, best_overlaps = index, score, new_overlaps
            if best < 0:
                break
            chosen.append(best)
            remaining.discard(best)
            for k in range(len(ORDERS)):
                summary[k].update(candidates[best].counts[k])  # the kept counts are all overlap can use
                summary_totals[k] += candidates[best].totals[k]
            overlaps, current = best_overlaps, best_score
            words += word_count(sentences[best])
        return tuple(sentences[index] for index in chosen)
