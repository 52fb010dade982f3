"""Cross-source comparison over a whole data set: does it run, how fast, and what it finds (issue 4).

    .venv/bin/python benchmarks/compare.py [--data PATH] [--ner classic,spacy] [--limit N] [--out PATH]

Runs `compare_articles` on every cluster (cleaned as `newsfuse.compare` cleans), once per entity
recognizer, and reports articles per second, peak memory, what was found, how far the classic
recognizer agrees with spaCy's, how many dates were resolved, and the shingle overlap of article
pairs (which sets `COPY_JACCARD`). Writes benchmarks/results/compare.md with the command.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import resource
import shlex
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsfuse.compare import compare_articles
from newsfuse.compare.config import COPY_JACCARD, compare_config
from newsfuse.compare.entities import name_tokens
from newsfuse.compare.ner import load_spacy_pipeline, spacy_available
from newsfuse.compare.sources import shingles
from newsfuse.eval.datasets import load_clusters
from newsfuse.model import Article, Comparison
from newsfuse.pipeline import clean_all

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multinews-fulltext-sample" / "clusters.jsonl"
JACCARD_BUCKETS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.01)


@dataclass
class Run:
    ner: str
    clusters: int = 0
    articles: int = 0
    characters: int = 0
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")
    found: Counter[str] = field(default_factory=Counter)
    names: dict[str, set[tuple[str, str]]] = field(default_factory=dict)


def _count(run: Run, cluster_id: str, comparison: Comparison) -> None:
    found = run.found
    found["agreed"] += len(comparison.agreed)
    found["unique sentences"] += sum(1 for u in comparison.unique if u.detail is None)
    found["unique details"] += sum(1 for u in comparison.unique if u.detail is not None)
    for conflict in comparison.conflicts:
        found[f"conflicts: {conflict.kind.name.lower()}"] += 1
    found["entities"] += len(comparison.entities)
    found["timeline events"] += len(comparison.timeline)
    found["dated mentions"] += sum(len(e.mentions) for e in comparison.timeline)
    found["undated mentions"] += len(comparison.unresolved)
    found["sources standing for several articles"] += sum(1 for s in comparison.sources if len(s.articles) > 1)
    for event in comparison.timeline:
        for mention in event.mentions:
            found[f"dated by: {mention.basis.name.lower() if mention.basis else '?'}"] += 1
    run.names[cluster_id] = {(e.kind.value, " ".join(name_tokens(e.name))) for e in comparison.entities}


def run_compare(clusters: list[tuple[str, list[Article]]], ner: str) -> Run:
    run = Run(ner)
    if ner == "spacy":
        load_spacy_pipeline()  # loaded once per process, outside the timing (reported apart)
    for cluster_id, articles in clusters:
        start = time.perf_counter()
        comparison = compare_articles(articles, compare_config(ner=ner))
        elapsed = time.perf_counter() - start
        run.clusters += 1
        run.articles += len(articles)
        run.characters += sum(len(a.text) for a in articles)
        run.seconds += elapsed
        run.slowest = max(run.slowest, (elapsed, cluster_id))
        _count(run, cluster_id, comparison)
    return run


def agreement(classic: Run, spacy: Run) -> tuple[float, float, float]:
    """Precision, recall and F1 of the classic recognizer's (kind, name) pairs against spaCy's."""
    both = sum(len(classic.names[c] & spacy.names[c]) for c in classic.names)
    found = sum(len(v) for v in classic.names.values())
    reference = sum(len(v) for v in spacy.names.values())
    precision = both / found if found else 0.0
    recall = both / reference if reference else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def jaccard_histogram(clusters: list[tuple[str, list[Article]]]) -> tuple[Counter[str], float, int]:
    """Shingle Jaccard of every pair of articles within a cluster, bucketed; and the largest below 0.5."""
    buckets: Counter[str] = Counter()
    highest_below = 0.0
    pairs = 0
    for _, articles in clusters:
        sets = [shingles(a.text) for a in articles]
        for i in range(len(sets)):
            for j in range(i + 1, len(sets)):
                union = len(sets[i] | sets[j])
                value = len(sets[i] & sets[j]) / union if union else 0.0
                pairs += 1
                for low, high in itertools.pairwise(JACCARD_BUCKETS):
                    if low <= value < high:
                        buckets[f"{low:.1f}-{min(high, 1.0):.1f}"] += 1
                if value < COPY_JACCARD:
                    highest_below = max(highest_below, value)
    return buckets, highest_below, pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--ner", default="classic,spacy", help="recognizers to run, comma-separated")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "compare.md")
    args = parser.parse_args(argv)
    recognizers = [name for name in args.ner.split(",") if name != "spacy" or spacy_available()]
    clusters = [
        (cluster.id, [c.article for c in clean_all(cluster.articles)])
        for cluster in load_clusters(args.data, limit=args.limit)
    ]
    load_start = time.perf_counter()
    if "spacy" in recognizers:
        load_spacy_pipeline()
    spacy_load = time.perf_counter() - load_start
    runs = {ner: run_compare(clusters, ner) for ner in recognizers}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    buckets, highest_below, pairs = jaccard_histogram(clusters)

    command = "python " + " ".join(
        shlex.quote(a)
        for a in [
            str(Path(sys.argv[0]).relative_to(ROOT)) if Path(sys.argv[0]).is_absolute() else sys.argv[0],
            *(argv or sys.argv[1:]),
        ]
    )
    lines = [
        "# Comparison over a data set (issue 4)",
        "",
        f"Command: `{command}`  ",
        f"Data: `{args.data.name}` of `{args.data.parent.name}`: {len(clusters)} clusters, "
        f"{sum(len(a) for _, a in clusters)} articles after cleaning.  ",
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()}, one process (the machine has 2 cores).",
        "",
        "## Speed",
        "",
        "| recognizer | clusters | articles | seconds | articles / s | KB of text / s | slowest cluster (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs.values():
        lines.append(
            f"| {run.ner} | {run.clusters} | {run.articles} | {run.seconds:.1f} | {run.articles / run.seconds:.1f} | "
            f"{run.characters / 1000 / run.seconds:.0f} | {run.slowest[0]:.2f} ({run.slowest[1]}) |"
        )
    lines += [
        "",
        f"Peak memory of the whole run: {peak_mb:.0f} MB. "
        + (f"Loading spaCy's model once: {spacy_load:.1f} s (not in the timings above)." if "spacy" in runs else ""),
        "Every cluster ran without error (an error stops the script).",
        "",
        "## What was found",
        "",
        "| count | " + " | ".join(runs) + " |",
        "| --- | " + " | ".join("---:" for _ in runs) + " |",
    ]
    keys = sorted({k for run in runs.values() for k in run.found})
    lines += [f"| {key} | " + " | ".join(str(run.found[key]) for run in runs.values()) + " |" for key in keys]
    if "classic" in runs and "spacy" in runs:
        precision, recall, f1 = agreement(runs["classic"], runs["spacy"])
        lines += [
            "",
            "## Classic recognizer against spaCy's",
            "",
            "Entities after merging, as (kind, name) per cluster, spaCy's taken as the reference (it is not a",
            "gold standard: this measures how far the built-in fallback strays from the extra).",
            "",
            f"Precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}.",
        ]
    lines += [
        "",
        f"## Shingle overlap of article pairs (sets COPY_JACCARD = {COPY_JACCARD})",
        "",
        f"{pairs} pairs of articles within a cluster, 5-word shingle Jaccard:",
        "",
        "| Jaccard | pairs |",
        "| --- | ---: |",
        *[f"| {bucket} | {count} |" for bucket, count in sorted(buckets.items())],
        "",
        f"Highest overlap below {COPY_JACCARD}: {highest_below:.2f}.",
        "",
    ]
    text = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
