from __future__ import annotations

import pytest

from newsfuse.errors import ConfigError
from newsfuse.eval.clustering import adjusted_rand_index, b_cubed


def test_b_cubed_by_hand() -> None:
    # gold {a1 a2 a3}{b1 b2}; predicted {a1 a2}{a3 b1 b2}
    scores = b_cubed(["a", "a", "a", "b", "b"], [1, 1, 2, 2, 2])
    # precision: a1, a2 1; a3 1/3; b1, b2 2/3 -> (2 + 1/3 + 4/3) / 5
    assert scores.precision == pytest.approx((2 + 1 / 3 + 4 / 3) / 5)
    # recall: a1, a2 2/3; a3 1/3; b1, b2 1 -> (4/3 + 1/3 + 2) / 5
    assert scores.recall == pytest.approx((4 / 3 + 1 / 3 + 2) / 5)


def test_b_cubed_perfect_and_empty() -> None:
    assert b_cubed(["x", "y"], [3, 4]).f1 == 1.0
    assert b_cubed([], []).f1 == 1.0


def test_adjusted_rand_index_by_hand() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7]) == 1.0
    # the classic example: ARI of [0 0 1 1] against [0 0 1 2] is 0.5714...
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.5714285714)


def test_metrics_refuse_unequal_lengths() -> None:
    with pytest.raises(ConfigError, match="2 gold labels but 1"):
        b_cubed(["a", "b"], [1])
