"""Shard and merge: cluster N shards of the pool apart, merge their stories, compare with one run over all.

The plan of docs/scale.md, simulated on one machine:

1. Term counts are computed per shard (pure); the document frequencies are summed over shards (a 4 MB
   reduce), so every shard weighs its articles with the corpus-wide idf, as a single run does.
2. Each shard is clustered apart, exactly as `cluster_labels` does (candidate graph through the inverted
   index, average linkage at the same threshold), but with the global df.
3. Merge: each shard story becomes one node holding its articles (size, sum of its unit vectors). Candidate
   pairs of stories come from the same inverted-index search over the stories' mean vectors; a pair's
   weight is the exact sum of its articles' pairwise cosines (the dot product of the two sums), and average
   linkage goes on over the story nodes at the same threshold. Stories of one shard may merge too: a new
   member elsewhere can lift their mean linkage, as it would in a single run.

Shards are cut by a hash of the article id (no dates in the pool): the hardest case, every story is split
across shards at random. With time windows most stories fall in one window and far less is left to merge.

    .venv/bin/python benchmarks/shards.py --limit 40000 --shards 2,4,8

Prints and writes `results/shards.md`: B-cubed F1 of the merged stories against the single run's (the
distance is 1 - F1) and against the pool's gold stories, beside the single run's.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
import zlib
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from newsfuse.cluster.batch import ClusterConfig, keep_mutual
from newsfuse.cluster.features import document_frequencies, term_counts, weigh
from newsfuse.cluster.linkage import average_link
from newsfuse.cluster.neighbours import candidate_edges
from newsfuse.eval.clustering import adjusted_rand_index, b_cubed
from newsfuse.model import Article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def load(data: Path, limit: int | None) -> tuple[list[Article], list[str]]:
    """The first `limit` articles of the pool (all when None) in canonical order (by id), and their gold stories."""
    articles, gold = [], []
    with gzip.open(data / "multinews-train-pool" / "documents.jsonl.gz", "rt") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                break
            record = json.loads(line)
            articles.append(Article.from_text(record["text"], id=record["id"]))
            gold.append(record["story"])
    order = sorted(range(len(articles)), key=lambda i: (articles[i].id, articles[i].text))
    return [articles[i] for i in order], [gold[i] for i in order]


def link(
    vectors: sparse.csr_matrix, sizes: list[int], sums: sparse.csr_matrix | None, config: ClusterConfig
) -> npt.NDArray[np.int64]:
    """Average linkage over a candidate graph of unit rows; with `sums`, nodes are groups and weights exact sums."""
    edges = candidate_edges(vectors, k=config.neighbours, max_postings=config.max_postings)
    if sums is None:
        edges = keep_mutual(edges, vectors.shape[0], config)
        weights = edges.similarity.astype(np.float64)
    else:
        weights = np.asarray(sums[edges.left].multiply(sums[edges.right]).sum(axis=1)).ravel()
    return average_link(sizes, edges.left, edges.right, weights, threshold=config.threshold)


def components(counts: sparse.csr_matrix, df: npt.NDArray[np.int64], config: ClusterConfig) -> tuple[int, int]:
    """Groups of 2+ articles joined by candidate edges at or above the threshold, and the largest one's size.

    Average linkage merges two clusters only when their mean similarity reaches the threshold, so only when
    some edge between them does (a mean is at most the largest term): every story lies inside one such
    group, and the groups can be clustered apart, in parallel, with exactly the single run's result.
    """
    from scipy.sparse.csgraph import connected_components

    n = counts.shape[0]
    edges = candidate_edges(weigh(counts, df, n), k=config.neighbours, max_postings=config.max_postings)
    strong = edges.similarity >= config.threshold
    graph = sparse.csr_matrix((np.ones(int(strong.sum())), (edges.left[strong], edges.right[strong])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    return int((sizes >= 2).sum()), int(sizes.max())


def single_run(counts: sparse.csr_matrix, df: npt.NDArray[np.int64], config: ClusterConfig) -> npt.NDArray[np.int64]:
    vectors = weigh(counts, df, counts.shape[0])
    return link(vectors, [1] * counts.shape[0], None, config)


def sharded_run(
    counts: sparse.csr_matrix, df: npt.NDArray[np.int64], shard_of: npt.NDArray[np.int64], n: int, config: ClusterConfig
) -> npt.NDArray[np.int64]:
    """Cluster each shard apart with the global df, then merge the shard stories by average linkage."""
    total = counts.shape[0]
    vectors = weigh(counts, df, total)
    story = np.empty(total, dtype=np.int64)
    offset = 0
    for shard in range(n):
        rows = np.flatnonzero(shard_of == shard)
        labels = link(vectors[rows], [1] * len(rows), None, config)
        _, local = np.unique(labels, return_inverse=True)
        story[rows] = local + offset
        offset += int(local.max()) + 1 if len(rows) else 0
    selector = sparse.csr_matrix((np.ones(total, dtype=np.float32), (story, np.arange(total))), shape=(offset, total))
    sums = sparse.csr_matrix(selector @ vectors)
    norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    means = sparse.csr_matrix(sparse.diags((1.0 / norms).astype(np.float32)) @ sums)
    sizes = np.bincount(story, minlength=offset).tolist()
    merged = link(means, sizes, sums, config)
    return merged[story]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="the first N lines of the pool (default: all)")
    parser.add_argument("--shards", default="2,4,8")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "shards.md")
    args = parser.parse_args()
    config = ClusterConfig()
    articles, gold = load(args.data, args.limit)
    start = time.perf_counter()
    counts = term_counts(articles)
    df = document_frequencies(counts)
    featurize = time.perf_counter() - start
    start = time.perf_counter()
    single = single_run(counts, df, config)
    rows = [("1 (single run)", single, time.perf_counter() - start)]
    groups, largest = components(counts, df, config)
    shard_key = np.array([zlib.crc32(a.id.encode()) for a in articles], dtype=np.int64)
    for n in (int(x) for x in args.shards.split(",")):
        start = time.perf_counter()
        labels = sharded_run(counts, df, shard_key % n, n, config)
        rows.append((str(n), labels, time.perf_counter() - start))
    command = (
        "python benchmarks/shards.py" + (f" --limit {args.limit}" if args.limit else "") + f" --shards {args.shards}"
    )
    lines = [
        "# Shard and merge: N shards clustered apart and merged, against one run over all (issue 10)",
        "",
        f"Command: `{command}` ({len(articles):,} pool articles, {len(set(gold)):,} gold stories; term counts "
        f"{featurize:.0f} s, once for all rows). Shards by a hash of the article id (every story split at random).",
        "",
        "| shards | stories | B3 F1 vs single run | distance (1 - F1) | ARI vs single run | B3 F1 vs gold | seconds (cluster + merge) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, labels, seconds in rows:
        same = b_cubed(single.tolist(), labels.tolist())
        quality = b_cubed(gold, labels.tolist())
        lines.append(
            f"| {name} | {len(set(labels.tolist())):,} | {same.f1:.4f} | {1 - same.f1:.4f} "
            f"| {adjusted_rand_index(single.tolist(), labels.tolist()):.4f} | {quality.f1:.4f} | {seconds:.1f} |"
        )
    lines += [
        "",
        f"Exact split of the single run: {groups:,} groups of 2+ articles joined by candidate edges at or above the "
        f"threshold; the largest holds {largest:,} articles ({largest / len(articles):.1%}). Average linkage never "
        "merges across groups, so each can be clustered apart with the single run's result (shards.py `components`).",
    ]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
