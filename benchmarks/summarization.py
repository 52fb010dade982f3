"""Summary quality and speed: newsfuse beside its peers on human references (issue 7).

One command runs every system on the same clusters with the same scorer and word budget:

    .venv/bin/python benchmarks/summarization.py [--sets NAME ...] [--limit N] [--peer-limit N]

and writes benchmarks/results/summarization.md (the exact command and the date included).
The data stays outside the repository, in ../shared/data (or --data-dir).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import shlex
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from newsfuse.eval import (
    SYSTEMS,
    Budget,
    EvalCluster,
    EvalReport,
    Progress,
    evaluate,
    load_clusters,
    make_system,
    pool_clusters,
    render_markdown,
)
from newsfuse.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "summarization.md"
PEERS = ("lead", "lexrank", "textrank", "lsa", "sumbasic", "summa", "oracle")
FAST_SYSTEMS = ("newsfuse", "lead", "oracle")  # fast enough to run on every cluster of every set
# On a DUC 2006 cluster (~1,200 sentences) sumy's LexRank, TextRank and LSA and summa take 12-25 s each
# on this 2-core machine, and the peers take ~0.3 s a multinews-dev cluster together: these limits keep
# the whole run near half an hour.
DUC2006_PEER_LIMIT = 5
MULTINEWS_DEV_PEER_LIMIT = 500
SCALES = (1, 4, 16)
SCALING_SET = "multinews-fulltext-sample"
SCALING_CLUSTERS = 80  # divisible by every scale, so each scale sees the same articles
SCALING_BUDGET = 250  # fixed, so only the input grows
MEMORY_CLUSTERS = 1  # peak memory is set by the largest cluster; tracing slows the peers several times
PROGRESS_EVERY = 10.0  # seconds
PACKAGES = ("rouge-score", "sumy", "summa", "nupunkt", "numpy")


@dataclass(frozen=True, slots=True)
class BenchSet:
    """One evaluation set and how the issue scores it."""

    name: str
    budget: Budget
    note: str
    peer_limit: int | None = None  # the slow peers see only the first this many clusters (None: all)


SETS: dict[str, BenchSet] = {
    "multinews-fulltext-sample": BenchSet("multinews-fulltext-sample", "ref", "92 clusters, full articles"),
    "duc2006": BenchSet(
        "duc2006",
        250,
        "50 clusters of 25 articles; the topic is ignored (generic summaries)",
        peer_limit=DUC2006_PEER_LIMIT,
    ),
    "duc2007-update": BenchSet(
        "duc2007-update", 100, "30 sets; each set summarized on its own (earlier sets are not given)"
    ),
    "multinews-dev": BenchSet(
        "multinews-dev", "ref", "2,086 clusters, truncated and lower-cased inputs", peer_limit=MULTINEWS_DEV_PEER_LIMIT
    ),
}


@dataclass(frozen=True, slots=True)
class Bar:
    """What issue 7 asks of newsfuse on one set (ROUGE F1 x 100; speed as a multiple of LexRank's)."""

    rouge1: float | None = None
    rouge2: float | None = None
    rouge_lsum: float | None = None
    above_every_peer: bool = False
    min_speedup: float | None = None


BARS: dict[str, Bar] = {
    "multinews-fulltext-sample": Bar(46.5, 15.8, 42.0, min_speedup=20.0),
    "duc2006": Bar(41.0, 10.5, min_speedup=20.0),
    "duc2007-update": Bar(35.0, 9.5),
    "multinews-dev": Bar(above_every_peer=True),
}
MAX_PEAK_MB = 500.0
NOT_PEERS = ("newsfuse", "oracle")


def _bar_rows(name: str, quality: EvalReport, speed: EvalReport) -> list[str]:
    """Check newsfuse against the bar: fixed bars on the widest run; speed, and standing against the peers,
    on the run with every system (the first)."""
    bar = BARS[name]
    try:
        ours = quality.result("newsfuse")
    except KeyError:
        return []
    rows = []
    metrics = {"R1": ours.rouge1, "R2": ours.rouge2, "RLsum": ours.rouge_lsum}
    for label, needed in (("R1", bar.rouge1), ("R2", bar.rouge2), ("RLsum", bar.rouge_lsum)):
        if needed is not None:
            rows.append((label, f">= {needed}", f"{metrics[label]:.2f}", metrics[label] >= needed))
    if bar.above_every_peer:
        # Peers run on the first (possibly smaller) run only: compare newsfuse with them on those same clusters.
        side_by_side = speed.result("newsfuse")
        peers = [r for r in speed.results if r.system not in NOT_PEERS]
        for label, pick in (("R1", "rouge1"), ("R2", "rouge2"), ("RLsum", "rouge_lsum")):
            best = max(peers, key=lambda r, pick=pick: getattr(r, pick), default=None)
            if best is not None:
                value, mine = getattr(best, pick), getattr(side_by_side, pick)
                needed = f"> {best.system} {value:.2f} ({speed.clusters} clusters)"
                rows.append((label, needed, f"{mine:.2f}", mine > value))
    if bar.min_speedup is not None:
        try:
            lexrank = speed.result("lexrank").clusters_per_second
            speedup = speed.result("newsfuse").clusters_per_second / lexrank
            rows.append(
                ("speed", f">= {bar.min_speedup:.0f} x lexrank", f"{speedup:.1f} x", speedup >= bar.min_speedup)
            )
        except KeyError:
            pass
    peaks = [r.result("newsfuse").peak_mb for r in (quality, speed)]
    measured = [peak for peak in peaks if peak is not None]
    if measured:
        rows.append(("peak MB", f"< {MAX_PEAK_MB:.0f}", f"{max(measured):.1f}", max(measured) < MAX_PEAK_MB))
    return [f"| {name} | {c} | {need} | {got} | {'yes' if ok else 'NO'} |" for c, need, got, ok in rows]


@dataclass(frozen=True, slots=True)
class ScalePoint:
    """newsfuse on clusters pooled `scale` at a time."""

    scale: int
    inputs: int
    sentences: float
    seconds: float


class _ProgressLine:
    """Print a progress line to stderr at most every PROGRESS_EVERY seconds, and at each end."""

    def __init__(self, started: float) -> None:
        self._started = started
        self._last = 0.0

    def __call__(self, event: Progress) -> None:
        now = time.perf_counter()
        if event.done == event.total or now - self._last > PROGRESS_EVERY:
            self._last = now
            elapsed = now - self._started
            print(f"  [{elapsed:7.0f}s] {event.system:<9} {event.phase:<6} {event.done}/{event.total}", file=sys.stderr)


def _scaling(clusters: Sequence[EvalCluster]) -> list[ScalePoint]:
    summarize = make_system("newsfuse")
    summarize(clusters[0], SCALING_BUDGET)  # warm caches so the 1x row is not charged for them
    points = []
    for scale in SCALES:
        inputs = pool_clusters(clusters, scale)
        sentences = [sum(len(split_sentences(a.text)) for a in cluster.articles) for cluster in inputs]
        start = time.perf_counter()
        for cluster in inputs:
            summarize(cluster, SCALING_BUDGET)
        seconds = time.perf_counter() - start
        points.append(ScalePoint(scale, len(inputs), sum(sentences) / len(inputs), seconds / len(inputs)))
    return points


def _render_scaling(points: Sequence[ScalePoint]) -> str:
    lines = [
        "| input | pooled inputs | sentences / input | seconds / input | ms / 1k sentences | growth exponent |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    previous: ScalePoint | None = None
    for point in points:
        exponent = "-"
        if previous is not None:
            exponent = (
                f"{math.log(point.seconds / previous.seconds) / math.log(point.sentences / previous.sentences):.2f}"
            )
        per_k = 1000 * point.seconds / point.sentences * 1000
        lines.append(
            f"| {point.scale}x | {point.inputs} | {point.sentences:.0f} | {point.seconds:.3f} | {per_k:.1f} | {exponent} |"
        )
        previous = point
    return "\n".join(lines) + "\n"


def _versions() -> str:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} (missing)")
    return ", ".join(found)


def _commit() -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS), help="sets to run (all)")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters of each set (all)")
    parser.add_argument(
        "--peer-limit",
        type=int,
        default=None,
        help=f"first N clusters of each set for the slow peers (default: {DUC2006_PEER_LIMIT} on duc2006, "
        f"{MULTINEWS_DEV_PEER_LIMIT} on multinews-dev, else all); "
        f"{', '.join(FAST_SYSTEMS)} always see every cluster",
    )
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated systems (all)")
    parser.add_argument(
        "--memory-clusters",
        type=int,
        default=MEMORY_CLUSTERS,
        help=f"largest clusters traced for memory ({MEMORY_CLUSTERS})",
    )
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling rows")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="folder of the sets (../shared/data)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown file to write")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = _parse(argv)
    systems = [name.strip() for name in args.systems.split(",") if name.strip()]
    started = time.perf_counter()
    show = _ProgressLine(started)
    sections: list[str] = []
    bar_rows: list[str] = []
    for name in args.sets:
        bench = SETS[name]
        path = args.data_dir / name / "clusters.jsonl"
        clusters = load_clusters(path, limit=args.limit)
        runs: list[tuple[Sequence[EvalCluster], Sequence[str]]] = []
        peer_limit = args.peer_limit if args.peer_limit is not None else bench.peer_limit
        if peer_limit is not None and peer_limit < len(clusters):
            runs.append((clusters[:peer_limit], systems))
            runs.append((clusters, [s for s in systems if s in FAST_SYSTEMS]))
        else:
            runs.append((clusters, systems))
        reports: list[EvalReport] = []
        for subset, names in runs:
            print(f"{name}: {len(subset)} clusters, {', '.join(names)}", file=sys.stderr, flush=True)
            report: EvalReport = evaluate(
                subset,
                budget=bench.budget,
                systems=names,
                progress=show,
                memory_clusters=args.memory_clusters,
                dataset=name,
            )
            table = render_markdown(report)
            print(table, flush=True)
            title = f"{name}, {len(subset)} clusters" + ("" if len(runs) == 1 else f": {', '.join(names)}")
            sections.append(f"### {title}\n\n{bench.note}.\n\n{table}")
            reports.append(report)
        bar_rows += _bar_rows(name, quality=reports[-1], speed=reports[0])
    if not args.no_scaling and "newsfuse" in systems:
        print("scaling: newsfuse on pooled clusters", file=sys.stderr, flush=True)
        pool = load_clusters(args.data_dir / SCALING_SET / "clusters.jsonl", limit=SCALING_CLUSTERS)
        scaling = _render_scaling(_scaling(pool))
        print(scaling, flush=True)
        sections.append(
            f"### Scaling: newsfuse on {SCALING_SET} pooled 1, 4 and 16 clusters at a time\n\n"
            f"The first {SCALING_CLUSTERS} clusters, pooled into inputs of 1, 4 and 16 clusters; budget "
            f"{SCALING_BUDGET} words. The growth exponent is log(time ratio) / log(sentence ratio) against the row "
            "above: 1.0 is linear, about 1.1 is n log n at these sizes, 2.0 quadratic.\n\n" + scaling
        )
    if bar_rows:
        bar = "| set | criterion | needed | newsfuse | met |\n| --- | --- | --- | ---: | --- |\n" + "\n".join(bar_rows)
        print(bar, flush=True)
        sections.insert(0, f"## The bar of issue 7\n\n{bar}\n\n## Tables\n")
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    command = "python benchmarks/summarization.py " + shlex.join(argv) if argv else "python benchmarks/summarization.py"
    header = (
        "# Summarization benchmark\n\n"
        f"Command: `{command.strip()}`  \n"
        f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; newsfuse commit {_commit()}; "
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; {_versions()}  \n"
        f"Total time: {time.perf_counter() - started:.0f} s; peak RSS of the whole process (every system, all data "
        f"loaded): {peak_rss_mb:.0f} MB\n\n"
        "Scoring: rouge-score rouge1 / rouge2 / rougeLsum F1 x 100, stemming on, mean over each cluster's "
        "references, mean over clusters; ROUGE-Lsum sees one sentence a line (newsfuse's splitter on both sides). "
        "Every system's output is cut to the same word budget (whole sentences, the last one truncated by words); "
        "budget `ref` is the mean word count of the cluster's references. Peers rank sentences from newsfuse's own "
        "splitter and take their best-ranked ones until the budget is reached. `oracle` is a greedy ROUGE-1 + "
        "ROUGE-2 oracle that sees the references: the ceiling of sentence extraction, not a system. "
        "clusters/s counts the system's own work (splitting, ranking, cutting), not scoring. "
        "`x lexrank` is clusters/s divided by sumy LexRank's in the same table.\n\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(header + "\n".join(sections), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
