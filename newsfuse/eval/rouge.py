"""ROUGE F1 as the literature reports it, through Google's rouge-score package.

rouge1, rouge2 and rougeLsum with Porter stemming, F1, averaged over a cluster's references
(Lin 2004). ROUGE-Lsum needs one sentence a line on both sides: we split with newsfuse's own
splitter, because rouge-score's `split_summaries=True` needs NLTK's punkt data (not offline).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Protocol

from newsfuse.errors import InputError, MissingExtra
from newsfuse.text.sentences import split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
EVAL_EXTRA_HINT = "pip install 'newsfuse[eval]'"


@dataclass(frozen=True, slots=True)
class RougeScores:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, each in [0, 1]."""

    rouge1: float
    rouge2: float
    rouge_lsum: float


class _Fmeasure(Protocol):
    @property
    def fmeasure(self) -> float: ...


class _Scorer(Protocol):
    def score(self, target: str, prediction: str) -> dict[str, _Fmeasure]: ...


def _one_sentence_a_line(text: str) -> str:
    return "\n".join(" ".join(sentence.text.split()) for sentence in split_sentences(text))


class RougeScorer:
    """Score a summary (a sequence of sentences) against a cluster's references."""

    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError as error:
            raise MissingExtra(f"ROUGE scoring needs rouge-score: {EVAL_EXTRA_HINT}") from error
        self._scorer: _Scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, summary: Sequence[str], references: Sequence[str]) -> RougeScores:
        """Return the F1 of each ROUGE type, averaged over `references`.

        Raises:
            InputError: when there is no reference to score against.
        """
        if not references:
            raise InputError("cannot score a summary without references; give at least one")
        prediction = "\n".join(" ".join(sentence.split()) for sentence in summary)
        per_reference = [self._scorer.score(_one_sentence_a_line(ref), prediction) for ref in references]
        return RougeScores(
            rouge1=fmean(scores["rouge1"].fmeasure for scores in per_reference),
            rouge2=fmean(scores["rouge2"].fmeasure for scores in per_reference),
            rouge_lsum=fmean(scores["rougeLsum"].fmeasure for scores in per_reference),
        )
