"""Scaling: the local engine beside the Ray engine with 1 and 2 workers, per stage, on the Multi-News train pool.

Each engine ingests the same input into a fresh store in a process of its own (so peak memory is its
own); the stages are timed by `newsfuse.engines.StageClock` (wall seconds the driver spent on a stage,
busy seconds inside the stage functions summed over workers, peak resident memory of each worker).
The stories of every run are compared with the local engine's: same article -> story map, same story ids.

    .venv/bin/python benchmarks/scale.py                        # the whole pool (124,609 articles)
    .venv/bin/python benchmarks/scale.py --limit 40000          # the first 40,000 lines of the pool

Writes `results/scale.md` (or `--out`). The machine's load average is recorded before and after each run:
other work on the same cores slows every number here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
POOL = Path("multinews-train-pool") / "documents.jsonl.gz"
RUNS = {"local": None, "ray-1": 1, "ray-2": 2}  # engine and Ray workers (CPUs of the local cluster)


def one(engine: str, source: Path, store: Path, temp: Path) -> dict[str, object]:
    """Ingest `source` with one engine in this process; return its times, memory and story map digest."""
    from newsfuse.engines import StageClock, run_ingest
    from newsfuse.store import open_store

    workers = RUNS[engine]
    clock = StageClock()
    ray_start = 0.0
    if workers is not None:
        import ray

        start = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, _temp_dir=str(temp), log_to_driver=False)
        ray_start = time.perf_counter() - start
    start = time.perf_counter()
    report = run_ingest([source], store=store, engine="local" if workers is None else "ray", clock=clock)
    seconds = time.perf_counter() - start
    with open_store(store, read_only=True) as opened:
        membership = opened.story_membership()
    return {
        "engine": engine,
        "read": report.read,
        "added": report.added,
        "copies": report.copies,
        "stories": len(set(membership.values())),
        "seconds": seconds,
        "ray_start": ray_start,
        "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stages": [
            {
                "stage": t.stage,
                "articles": t.articles,
                "seconds": t.seconds,
                "busy": t.busy_seconds,
                "cpu": t.cpu_seconds,
                "workers": t.workers,
                "peak_mb": t.peak_mb,
            }
            for t in clock.times()
        ],
        "membership": sorted(membership.items()),
    }


def prefix(data: Path, limit: int | None, folder: Path) -> Path:
    """The pool itself, or its first `limit` lines written to a JSONL file under `folder`."""
    source = data / POOL
    if limit is None:
        return source
    path = folder / f"pool-{limit}.jsonl"
    with gzip.open(source, "rt") as lines, path.open("w") as out:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            out.write(line)
    return path


def run(engine: str, source: Path, folder: Path) -> dict[str, object]:
    """Run one engine in a subprocess (its own memory, a HOME under `folder`), with the load around it."""
    store = folder / f"{engine}.duckdb"
    home = folder / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "RAY_USAGE_STATS_ENABLED": "0"}
    before = os.getloadavg()[0]
    output = subprocess.run(
        [sys.executable, __file__, "--one", engine, "--source", str(source), "--store", str(store),
         "--temp", str(folder / f"ray-{engine}")],
        check=True, capture_output=True, text=True, env=env,
    ).stdout  # fmt: skip
    row: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    row["load"] = (before, os.getloadavg()[0])
    return row


def _stage_rows(rows: list[dict[str, object]]) -> list[str]:
    from newsfuse.engines.stages import MAPPED_STAGES, STAGES

    names = [str(r["engine"]) for r in rows]
    lines = [
        "| stage | runs on | " + " | ".join(f"{n}: art/s" for n in names) + " | "
        + " | ".join(f"{n}: CPU ms/art" for n in names) + " | "
        + " | ".join(f"{n}: peak MB (procs)" for n in names) + " |",
        "|---|---|" + "---:|" * (3 * len(rows)),
    ]  # fmt: skip
    by_engine = [{s["stage"]: s for s in r["stages"]} for r in rows]  # type: ignore[attr-defined]
    for stage in STAGES:
        found = [stages.get(stage) for stages in by_engine]
        speed = [f"{s['articles'] / s['seconds']:,.0f}" if s and s["seconds"] else "" for s in found]
        cpu = [f"{1000 * s['cpu'] / s['articles']:.2f}" if s and s["articles"] else "" for s in found]
        memory = [f"{s['peak_mb']:,.0f} ({s['workers']})" if s else "" for s in found]
        where = "workers" if stage in MAPPED_STAGES else "driver"
        lines.append(f"| {stage} | {where} | " + " | ".join(speed + cpu + memory) + " |")
    return lines


def render(rows: list[dict[str, object]], command: str, articles: str) -> str:
    local = rows[0]
    lines = [
        "# Scaling: the local engine beside Ray with 1 and 2 workers (issue 10)",
        "",
        "Engines: `local` (one process), `ray-1` and `ray-2` (a local Ray cluster of 1 or 2 CPUs; the driver is a",
        "process of its own beside the workers).",
        "",
        f"Command: `{command}` ({articles}; {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}).",
        "",
        "| engine | articles | added | copies | stories | same stories as local | seconds (ingest) | Ray start s "
        "| articles/s | driver peak MB | load before / after |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        same = "yes" if r["membership"] == local["membership"] else "NO"
        load = r["load"]
        lines.append(
            f"| {r['engine']} | {r['read']:,} | {r['added']:,} | {r['copies']:,} | {r['stories']:,} | {same} "
            f"| {r['seconds']:.1f} | {r['ray_start']:.1f} | {int(r['read']) / float(r['seconds']):,.0f} "  # type: ignore[call-overload]
            f"| {r['driver_peak_mb']:,.0f} | {load[0]:.1f} / {load[1]:.1f} |"  # type: ignore[index]
        )
    lines += [
        "",
        "Per stage: articles per wall second the driver spent on (or waiting for) the stage; CPU milliseconds an",
        "article, summed over the processes that ran it (the cost of the work, whatever the load); the peak resident",
        "memory of the largest process that ran it, and how many processes did.",
        "",
    ]
    lines += _stage_rows(rows)
    from newsfuse.engines.stages import MAPPED_STAGES

    mapped: dict[str, tuple[float, float]] = {}
    for r in rows:
        stages = {s["stage"]: s for s in r["stages"]}  # type: ignore[attr-defined]
        parallel = [stages[s] for s in MAPPED_STAGES if s in stages]
        mapped[str(r["engine"])] = (sum(s["seconds"] for s in parallel), sum(s["cpu"] for s in parallel))
    if "ray-1" in mapped and "ray-2" in mapped and mapped["ray-2"][0]:
        lines += [
            "",
            f"Parallel stages ({', '.join(sorted(MAPPED_STAGES))}): wall seconds local {mapped['local'][0]:.1f}, ray-1 "
            f"{mapped['ray-1'][0]:.1f}, ray-2 {mapped['ray-2'][0]:.1f}, so 2 workers are "
            f"{mapped['ray-1'][0] / mapped['ray-2'][0]:.2f} x as fast as 1; CPU seconds local {mapped['local'][1]:.1f}, "
            f"ray-1 {mapped['ray-1'][1]:.1f}, ray-2 {mapped['ray-2'][1]:.1f}.",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N lines of the pool")
    parser.add_argument("--engines", default=",".join(RUNS), help="comma-separated, local first")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "scale.md")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--temp", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.source, args.store, args.temp)))
        return
    command = "python benchmarks/scale.py" + (f" --limit {args.limit}" if args.limit else "")
    command += "" if args.out == parser.get_default("out") else f" --out {args.out}"
    with tempfile.TemporaryDirectory(prefix="nf-scale-") as folder:
        source = prefix(args.data, args.limit, Path(folder))
        rows = []
        for engine in args.engines.split(","):
            rows.append(run(engine, source, Path(folder)))
            print(f"{engine}: {rows[-1]['seconds']:.1f} s, load {rows[-1]['load']}", file=sys.stderr, flush=True)
            args.out.write_text(
                render(rows, command, f"first {args.limit:,} pool lines" if args.limit else "the whole pool"),
                encoding="utf-8",
            )
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
