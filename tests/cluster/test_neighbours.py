from __future__ import annotations

import numpy as np

from newsfuse.cluster.neighbours import Edges, above_background, backgrounds


def _edges(*triples: tuple[int, int, float]) -> Edges:
    left, right, similarity = zip(*triples, strict=True)
    return Edges(np.array(left), np.array(right), np.array(similarity, dtype=np.float32))


def test_background_is_the_mean_below_the_threshold_once_a_node_has_k_candidates() -> None:
    # node 0 has three candidates: 0.5 (above the threshold, a likely story-mate), 0.1 and 0.2
    edges = _edges((0, 1, 0.5), (0, 2, 0.1), (0, 3, 0.2))
    background = backgrounds(edges, 4, 3, 0.3)
    assert np.allclose(background, [0.15, 0.0, 0.0, 0.0])  # nodes 1-3 have one candidate each: fewer than k


def test_background_counts_candidates_given_apart() -> None:
    edges = _edges((0, 1, 0.5))
    background = backgrounds(edges, 2, 3, 0.3, more=(np.array([0, 0]), np.array([0.1, 0.3])))
    assert np.allclose(background, [0.1, 0.0])  # 0.3 is not below the threshold


def test_above_background_scores_by_the_excess_and_drops_what_does_not_exceed() -> None:
    edges = _edges((0, 1, 0.5), (0, 2, 0.1))
    scored = above_background(edges, np.array([0.2, 0.0, 0.1]))
    assert scored.left.tolist() == [0] and scored.right.tolist() == [1]
    assert np.allclose(scored.similarity, [0.4])
