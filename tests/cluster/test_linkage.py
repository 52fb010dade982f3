from __future__ import annotations

import numpy as np

from newsfuse.cluster.linkage import average_link


def _edges(*triples: tuple[int, int, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    left, right, weight = zip(*triples, strict=True)
    return np.array(left), np.array(right), np.array(weight)


def test_average_link_merges_by_mean_not_by_best_pair() -> None:
    # 0-1 are close; 2 is close to 1 only: the mean of 2 to {0, 1} is (0.0 + 0.6) / 2 = 0.3 < 0.5
    labels = average_link([1, 1, 1], *_edges((0, 1, 0.9), (1, 2, 0.6)), threshold=0.5)
    assert labels.tolist() == [0, 0, 2]


def test_average_link_merges_a_chain_whose_mean_is_high_enough() -> None:
    labels = average_link([1, 1, 1], *_edges((0, 1, 0.9), (1, 2, 0.6), (0, 2, 0.5)), threshold=0.5)
    assert labels.tolist() == [0, 0, 0]


def test_average_link_never_merges_two_anchored_nodes() -> None:
    # nodes 1 and 2 are stories (anchored): the new article 0 joins the closer one, they stay apart
    labels = average_link(
        [1, 2, 2], *_edges((0, 1, 1.6), (0, 2, 1.0), (1, 2, 3.9)), threshold=0.3, anchored=[False, True, True]
    )
    assert labels.tolist() == [0, 0, 2]


def test_average_link_with_no_edges_leaves_every_node_alone() -> None:
    empty = np.empty(0, dtype=np.int64)
    assert average_link([1, 1], empty, empty, np.empty(0), threshold=0.1).tolist() == [0, 1]
