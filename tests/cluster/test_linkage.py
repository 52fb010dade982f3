from __future__ import annotations

import numpy as np

from newsfuse.cluster.linkage import attach_leftovers, average_link


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


def _labels(*nodes: int) -> np.ndarray:
    return np.array(nodes, dtype=np.int64)


def test_attach_leftovers_joins_a_clear_best_story_below_the_threshold() -> None:
    # 0-1 are a story; 2 was left alone: its mean to {0, 1} is (0.3 + 0.1) / 2 = 0.2 >= 0.15, no rival
    labels = attach_leftovers(
        [1, 1, 1], *_edges((0, 1, 0.9), (0, 2, 0.3), (1, 2, 0.1)), _labels(0, 0, 2), threshold=0.15, margin=1.5
    )
    assert labels.tolist() == [0, 0, 0]


def test_attach_leftovers_stays_alone_when_two_stories_are_close() -> None:
    # 4 is as close to story {0, 1} (0.2) as to story {2, 3} (0.175): ambiguous, it stays alone
    edges = _edges((0, 1, 0.9), (2, 3, 0.9), (0, 4, 0.4), (2, 4, 0.35))
    labels = attach_leftovers([1] * 5, *edges, _labels(0, 0, 2, 2, 4), threshold=0.15, margin=1.5)
    assert labels.tolist() == [0, 0, 2, 2, 4]


def test_attach_leftovers_pairs_two_leftovers_only_when_each_is_the_others_best() -> None:
    # 0 and 1 choose each other; 2's best is 1, but 1's best is 0: 2 stays alone
    edges = _edges((0, 1, 0.3), (1, 2, 0.2))
    labels = attach_leftovers([1, 1, 1], *edges, _labels(0, 1, 2), threshold=0.1, margin=1.0)
    assert labels.tolist() == [0, 0, 2]


def test_attach_leftovers_never_moves_an_anchored_story() -> None:
    # node 1 is a stored story of 3 articles (its edge weight a sum): 0 joins it, the story itself never moves
    labels = attach_leftovers(
        [1, 3], *_edges((0, 1, 0.6)), _labels(0, 1), threshold=0.15, margin=1.5, anchored=[False, True]
    )
    assert labels.tolist() == [1, 1]
