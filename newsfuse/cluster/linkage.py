"""Average-link agglomerative clustering over a sparse candidate graph.

The linkage of two clusters is the mean similarity over all their pairs of members (UPGMA); pairs
that are not in the candidate graph count as 0, a close lower bound since the graph holds each
article's nearest neighbours. Only edges enter, never all pairs, so time and memory follow the
number of edges. The mean of two clusters' linkages to a third is a weighted average of theirs, so
merging never lifts a pair over the threshold and only edges that start above it need a queue entry.

Nodes may start as groups (`sizes` > 1, edge weights = sums of member similarities), which is how
new articles are matched against existing stories; `anchored` nodes (stories already stored) are
never merged with one another, so a story keeps its identity as the corpus grows.

`attach_leftovers` then gives the nodes left alone a second, lower bar when their best match is clear.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


def average_link(
    sizes: Sequence[int],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    weight: npt.NDArray[np.float32] | npt.NDArray[np.float64],
    *,
    threshold: float,
    anchored: Sequence[bool] | None = None,
    bridges: npt.NDArray[np.bool_] | None = None,
) -> npt.NDArray[np.int64]:
    """Merge nodes while some pair's mean similarity is at least `threshold`; return a cluster label per node.

    With `bridges` (one flag per edge), two clusters may merge only when a flagged edge joins them (see
    neighbours.mutual_edges); their linkage still counts every edge. The label of a node is the smallest
    node index of its cluster, so labels do not depend on merge order.
    """
    n = len(sizes)
    size = [int(value) for value in sizes]
    fixed = [bool(value) for value in anchored] if anchored is not None else [False] * n
    links: list[dict[int, float]] = [{} for _ in range(n)]
    # bridged[a] holds the clusters joined to a by at least one bridge edge (all of them when no flags are given)
    bridged: list[set[int]] = [set() for _ in range(n)]
    flags = bridges.tolist() if bridges is not None else [True] * len(left)
    for a, b, w, flag in zip(left.tolist(), right.tolist(), weight.tolist(), flags, strict=True):
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + w
            links[b][a] = links[b].get(a, 0.0) + w
            if flag:
                bridged[a].add(b)
                bridged[b].add(a)
    heap: list[tuple[float, int, int]] = []
    for a in range(n):
        for b, w in links[a].items():
            if a < b and b in bridged[a] and not (fixed[a] and fixed[b]) and w / (size[a] * size[b]) >= threshold:
                heap.append((-w / (size[a] * size[b]), a, b))
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        negative, a, b = heapq.heappop(heap)
        w = links[a].get(b)
        if w is None or -negative != w / (size[a] * size[b]) or (fixed[a] and fixed[b]):
            continue  # a stale entry: one side has merged since it was queued
        if len(links[a]) < len(links[b]):
            a, b = b, a  # fold the smaller neighbour table into the larger
        del links[a][b], links[b][a]
        for c, wc in links[b].items():
            del links[c][b]
            total = links[a].get(c, 0.0) + wc
            links[a][c] = total
            links[c][a] = total
        bridged[a].discard(b)
        for c in bridged[b]:
            if c != a:
                bridged[c].discard(b)
                bridged[c].add(a)
                bridged[a].add(c)
        links[b] = {}
        bridged[b] = set()
        size[a] += size[b]
        fixed[a] = fixed[a] or fixed[b]
        parent[b] = a
        for c, wc in links[a].items():
            mean = wc / (size[a] * size[c])
            if mean >= threshold and c in bridged[a] and not (fixed[a] and fixed[c]):
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
    roots = np.array([_root(parent, node) for node in range(n)], dtype=np.int64)
    smallest = np.full(n, n, dtype=np.int64)
    np.minimum.at(smallest, roots, np.arange(n, dtype=np.int64))
    return smallest[roots]


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def attach_leftovers(
    sizes: Sequence[int],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    weight: npt.NDArray[np.float32] | npt.NDArray[np.float64],
    labels: npt.NDArray[np.int64],
    *,
    threshold: float,
    margin: float,
    anchored: Sequence[bool] | None = None,
) -> npt.NDArray[np.int64]:
    """Give the nodes `average_link` left alone a second, lower bar, when their best match is unambiguous.

    A leftover is a node of size 1, not anchored, alone in its cluster. Its linkage to a cluster is the mean
    similarity to the cluster's members (edge weights summed, over the cluster's size). A leftover whose
    best linkage is at least `threshold` and at least `margin` times its second best joins that cluster when
    it has 2+ members or is anchored (a stored story), and pairs with another leftover when each is the
    other's best. Returns the new labels (a label is still a node index of the cluster).
    """
    n = len(sizes)
    size_of = np.asarray(sizes, dtype=np.float64)
    cluster_size = np.bincount(labels, weights=size_of, minlength=n)
    members = np.bincount(labels, minlength=n)
    fixed = np.zeros(n, dtype=bool) if anchored is None else np.asarray(anchored, dtype=bool)
    fixed_cluster = np.zeros(n, dtype=bool)
    fixed_cluster[labels[fixed]] = True
    alone = (size_of == 1) & (members[labels] == 1) & ~fixed
    ends = np.concatenate([left, right])
    others = np.concatenate([right, left])
    keep = alone[ends] & (labels[others] != labels[ends])
    if not keep.any():
        return labels
    scores = np.concatenate([weight, weight]).astype(np.float64)[keep]
    key, inverse = np.unique(ends[keep] * n + labels[others[keep]], return_inverse=True)
    mean = np.bincount(inverse, weights=scores) / cluster_size[key % n]
    node, target = key // n, key % n
    order = np.lexsort((-mean, node))  # by node, best first
    node, target, mean = node[order], target[order], mean[order]
    first = np.flatnonzero(np.r_[True, node[1:] != node[:-1]])
    following = np.minimum(first + 1, len(node) - 1)
    runner_up = np.where((first + 1 < len(node)) & (node[following] == node[first]), mean[following], 0.0)
    clear = (mean[first] >= threshold) & (mean[first] >= margin * runner_up)
    best = target[first]
    result = labels.copy()
    joins = clear & (cluster_size[best] >= 2)
    result[node[first[joins]]] = best[joins]
    choice = np.full(n, -1, dtype=np.int64)
    pairs = clear & alone[best]
    choice[node[first[pairs]]] = best[pairs]
    mutual = np.flatnonzero((choice >= 0) & (choice[np.maximum(choice, 0)] == np.arange(n)))
    result[mutual] = np.minimum(mutual, choice[mutual])
    return result
