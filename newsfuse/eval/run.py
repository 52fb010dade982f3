"""Run systems side by side on the same clusters: ROUGE, clusters per second, peak memory.

Speed and memory are measured in separate passes, because tracing allocations slows Python
down: the timed pass runs every cluster untraced, all systems on one cluster before the next,
then the memory pass runs the largest clusters again under `tracemalloc` and reports the
highest peak of one cluster.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Literal

from newsfuse.errors import InputError
from newsfuse.eval.budget import Budget, cut_to_budget, word_budget
from newsfuse.eval.datasets import EvalCluster, load_clusters
from newsfuse.eval.rouge import RougeScorer, RougeScores
from newsfuse.eval.systems import DEFAULT_SYSTEMS, System, make_system
from newsfuse.text.tokens import word_count

PERCENT = 100.0
BYTES_PER_MB = 1024 * 1024
DEFAULT_MEMORY_CLUSTERS = 5  # the largest clusters: memory grows with input, so they bound it
CLUSTERS_FILE = "clusters.jsonl"


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a run has come: `done` of `total` clusters of `system` in the timed or the memory pass."""

    system: str
    phase: Literal["rouge", "memory"]
    done: int
    total: int


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """One system's result on one cluster."""

    cluster_id: str
    budget: int
    words: int
    seconds: float
    scores: RougeScores


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One system's means over the clusters; ROUGE F1 as percentages (x100)."""

    system: str
    rouge1: float
    rouge2: float
    rouge_lsum: float
    words: float
    seconds: float
    clusters_per_second: float
    peak_mb: float | None
    per_cluster: tuple[ClusterResult, ...]


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Every system's result on one set of clusters, with how it was measured."""

    dataset: str
    budget: Budget
    clusters: int
    memory_clusters: int
    results: tuple[SystemResult, ...]

    def result(self, system: str) -> SystemResult:
        """The result of `system` (KeyError when it was not run)."""
        for result in self.results:
            if result.system == system:
                return result
        raise KeyError(system)


ProgressCallback = Callable[[Progress], None]


def _largest(clusters: Sequence[EvalCluster], count: int) -> list[EvalCluster]:
    by_size = sorted(clusters, key=lambda c: -sum(len(article.text) for article in c.articles))
    return by_size[:count]


def _peak_mb(
    name: str, system: System, clusters: Sequence[EvalCluster], budget: Budget, progress: ProgressCallback | None
) -> float:
    peak = 0
    tracemalloc.start()
    try:
        for done, cluster in enumerate(clusters, start=1):
            limit = word_budget(budget, cluster.references)
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            cut_to_budget(system(cluster, limit), limit)
            _, highest = tracemalloc.get_traced_memory()
            peak = max(peak, highest - before)
            if progress is not None:
                progress(Progress(name, "memory", done, len(clusters)))
    finally:
        tracemalloc.stop()
    return peak / BYTES_PER_MB


def _run_interleaved(
    built: Sequence[tuple[str, System]],
    clusters: Sequence[EvalCluster],
    budget: Budget,
    scorer: RougeScorer,
    progress: ProgressCallback | None,
) -> dict[str, list[ClusterResult]]:
    # Every system runs on a cluster before any moves to the next, so a busy machine (other
    # jobs on shared cores) slows all systems alike and the speed ratios stay fair.
    results: dict[str, list[ClusterResult]] = {name: [] for name, _ in built}
    for done, cluster in enumerate(clusters, start=1):
        limit = word_budget(budget, cluster.references)
        for name, system in built:
            start = time.perf_counter()
            summary = cut_to_budget(system(cluster, limit), limit)
            seconds = time.perf_counter() - start
            scores = scorer.score(summary, cluster.references)
            words = sum(word_count(sentence) for sentence in summary)
            results[name].append(ClusterResult(cluster.id, limit, words, seconds, scores))
            if progress is not None:
                progress(Progress(name, "rouge", done, len(clusters)))
    return results


def evaluate(
    clusters: Sequence[EvalCluster],
    *,
    budget: Budget,
    systems: Sequence[str] = DEFAULT_SYSTEMS,
    progress: ProgressCallback | None = None,
    memory_clusters: int = DEFAULT_MEMORY_CLUSTERS,
    dataset: str = "clusters",
) -> EvalReport:
    """Score each named system on every cluster, cut to the same word budget.

    Args:
        clusters: clusters with at least one reference each.
        budget: words per summary, or "ref" for the mean length of a cluster's references.
        systems: names from `SYSTEMS`; all are built before any runs, so a missing
            package fails fast.
        progress: called after each cluster of each system.
        memory_clusters: how many of the largest clusters to run again under tracemalloc
            (0 skips the memory pass).
        dataset: the name the report gives the clusters.

    Raises:
        InputError: when there are no clusters or one has no reference.
        ConfigError: for an unknown system or budget.
        MissingExtra: when a system's package is not installed.
    """
    if not clusters:
        raise InputError(f"{dataset}: no clusters to evaluate")
    for cluster in clusters:
        if not cluster.references:
            raise InputError(f"{dataset}: cluster {cluster.id!r} has no reference summary to score against")
    scorer = RougeScorer()
    built = [(name, make_system(name)) for name in dict.fromkeys(systems)]
    sampled = _largest(clusters, memory_clusters)
    timed = _run_interleaved(built, clusters, budget, scorer, progress)
    results: list[SystemResult] = []
    for name, system in built:
        per_cluster = timed[name]
        seconds = sum(result.seconds for result in per_cluster)
        results.append(
            SystemResult(
                system=name,
                rouge1=PERCENT * fmean(result.scores.rouge1 for result in per_cluster),
                rouge2=PERCENT * fmean(result.scores.rouge2 for result in per_cluster),
                rouge_lsum=PERCENT * fmean(result.scores.rouge_lsum for result in per_cluster),
                words=fmean(result.words for result in per_cluster),
                seconds=seconds,
                clusters_per_second=len(per_cluster) / seconds if seconds > 0 else float("inf"),
                peak_mb=_peak_mb(name, system, sampled, budget, progress) if sampled else None,
                per_cluster=tuple(per_cluster),
            )
        )
    return EvalReport(dataset, budget, len(clusters), len(sampled), tuple(results))


def evaluate_file(
    path: Path | str,
    *,
    budget: Budget,
    systems: Sequence[str] = DEFAULT_SYSTEMS,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
    memory_clusters: int = DEFAULT_MEMORY_CLUSTERS,
) -> EvalReport:
    """Load the clusters of a JSON Lines file (the first `limit`) and `evaluate` them."""
    path = Path(path)
    dataset = path.parent.name if path.name == CLUSTERS_FILE and path.parent.name else path.stem
    clusters = load_clusters(path, limit=limit)
    return evaluate(
        clusters, budget=budget, systems=systems, progress=progress, memory_clusters=memory_clusters, dataset=dataset
    )
