"""Clustering metrics: B-cubed precision, recall and F1 (Bagga and Baldwin 1998) and the adjusted Rand index.

Both take two equal-length sequences of labels, gold and predicted, one pair per item; both run in
time linear in the number of items (they count over the contingency table, never over pairs of items).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from newsfuse.errors import ConfigError


@dataclass(frozen=True, slots=True)
class BCubed:
    """B-cubed scores: the mean over items of the precision and recall of the item's predicted cluster."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _check(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(gold) != len(predicted):
        raise ConfigError(
            f"clustering metrics: {len(gold)} gold labels but {len(predicted)} predicted; give one of each per item"
        )


def b_cubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> BCubed:
    """Return B-cubed precision and recall of `predicted` against `gold` (1.0 each for no items).

    Example:
        >>> round(b_cubed(["a", "a", "b"], [1, 1, 1]).precision, 3)
        0.556
    """
    _check(gold, predicted)
    if not gold:
        return BCubed(1.0, 1.0)
    joint = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    predicted_sizes = Counter(predicted)
    # an item in cell (g, p) has precision n_gp / n_p and recall n_gp / n_g; the n_gp items of the cell share them
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in joint.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in joint.items()) / len(gold)
    return BCubed(precision, recall)


def _pairs(n: int) -> float:
    return n * (n - 1) / 2


def adjusted_rand_index(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Return the adjusted Rand index (Hubert and Arabie 1985): 1.0 for identical partitions, ~0 for chance."""
    _check(gold, predicted)
    if len(gold) < 2:
        return 1.0
    index = sum(_pairs(n) for n in Counter(zip(gold, predicted, strict=True)).values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold).values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted).values())
    expected = gold_pairs * predicted_pairs / _pairs(len(gold))
    maximum = (gold_pairs + predicted_pairs) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


__all__ = ["BCubed", "adjusted_rand_index", "b_cubed"]
