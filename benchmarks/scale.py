"""Scaling: the local engine beside the Ray engine with 1 and 2 workers, per stage, on the Multi-News train pool.

Each engine ingests the same input into a fresh store in a process of its own (so peak memory is its
own); the stages are timed by `newsfuse.engines.StageClock` (wall seconds the driver spent on a stage,
busy seconds inside the stage functions summed over workers, peak resident memory of each worker).
The stories of every run are compared with the local engine's: same article -> story map, same story ids.

    .venv/bin/python benchmarks/scale.py                        # the whole pool (124,609 articles)
    .venv/bin/python benchmarks/scale.py --limit 40000          # the first 40,000 lines of the pool
    .venv/bin/python benchmarks/scale.py --engines ray-2 --rows rows.jsonl   # one engine now, the others kept

The engines run one at a time; `--rows` lets each run in its own session (say, its own lock on the
machine) and the table gather them all. Every run also records the CPU seconds it used (its driver,
Ray's processes and workers) and those other processes of the machine used meanwhile.

Writes `results/scale.md` (or `--out`). The machine's load average is recorded before and after each run:
other work on the same cores slows every number here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.pool import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
POOL = Path("multinews-train-pool") / "documents.jsonl.gz"
RUNS = {"local": None, "ray-1": 1, "ray-2": 2}  # engine and Ray workers (CPUs of the local cluster)


def _ticks_to_seconds(ticks: int) -> float:
    return ticks / os.sysconf("SC_CLK_TCK")


def _machine_busy() -> float:
    """CPU seconds every process of the machine has used since boot (user, nice, system, irq, softirq)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    return _ticks_to_seconds(sum(int(fields[i]) for i in (0, 1, 2, 5, 6)))


def _tree_cpu(root: int) -> float:
    """CPU seconds used by `root` and its living descendants (this run's driver, Ray's processes, workers)."""
    parents: dict[int, int] = {}
    used: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            used[int(entry.name)] = int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid and child not in tree]
        tree.update(children)
        frontier.extend(children)
    return _ticks_to_seconds(sum(used.get(pid, 0) for pid in tree))


def _newsfuse_file() -> str:
    import newsfuse

    return str(newsfuse.__file__)


def one(engine: str, source: Path, store: Path, temp: Path) -> dict[str, object]:
    """Ingest `source` with one engine in this process; return its times, memory and story map digest."""
    from newsfuse.engines import StageClock
    from newsfuse.ingest import IngestOptions, ingest
    from newsfuse.store import open_store

    workers = RUNS[engine]
    clock = StageClock()
    ray_start = 0.0
    if workers is not None:
        import ray

        start = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, _temp_dir=str(temp), log_to_driver=False)
        ray_start = time.perf_counter() - start
        import newsfuse

        where = ray.get(ray.remote(_newsfuse_file).remote())
        if where != newsfuse.__file__:  # a snapshot run (PYTHONPATH) must reach the workers too
            raise RuntimeError(f"workers import newsfuse from {where}, the driver from {newsfuse.__file__}")
    options = IngestOptions() if workers is None else IngestOptions(engine="ray")  # a started Ray is joined
    machine, ours = _machine_busy(), _tree_cpu(os.getpid())
    start = time.perf_counter()
    report = ingest([source], store=store, options=options, clock=clock)
    seconds = time.perf_counter() - start
    machine, ours = _machine_busy() - machine, _tree_cpu(os.getpid()) - ours
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
        "cpu_ours": ours,
        "cpu_others": max(machine - ours, 0.0),
        "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stages": [
            {
                "stage": t.stage,
                "articles": t.articles,
                "seconds": t.seconds,
                "busy": t.busy_seconds,
                "cpu": t.cpu_seconds,
                "driver_cpu": t.driver_cpu_seconds,
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


def _timed_map(name: str, mapper: Callable[[], object]) -> tuple[str, float, float]:
    """Run `mapper` once; its wall seconds and the CPU seconds other processes of the machine used meanwhile."""
    machine, ours = _machine_busy(), _tree_cpu(os.getpid())
    start = time.perf_counter()
    mapper()
    seconds = time.perf_counter() - start
    others = (_machine_busy() - machine) - (_tree_cpu(os.getpid()) - ours)
    print(f"{name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return name, seconds, max(others, 0.0)


def _prepare_pickled(chunk: bytes) -> bytes:
    from ray import cloudpickle

    from newsfuse.engines.stages import prepare_chunk

    return bytes(cloudpickle.dumps(prepare_chunk(cloudpickle.loads(chunk))))


def map_only(source: Path, limit: int, temp: Path, command: str) -> str:
    """The parallel stage alone, no driver stages: `prepare_chunk` over `limit` articles held in memory."""
    from ray import cloudpickle

    from newsfuse.engines import TASK_ARTICLES
    from newsfuse.engines.ray import RayMapper
    from newsfuse.engines.stages import prepare_chunk
    from newsfuse.model import Article
    from newsfuse.read import read_inputs

    articles = [item for item in read_inputs([source]) if isinstance(item, Article)][:limit]
    chunks = [articles[start : start + TASK_ARTICLES] for start in range(0, len(articles), TASK_ARTICLES)]
    rows = [_timed_map("this process", lambda: [prepare_chunk(chunk) for chunk in chunks])]
    blobs = [cloudpickle.dumps(chunk) for chunk in chunks]  # Ray's pickler: an Article's meta is a mappingproxy
    for workers in (1, 2):
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            pool.map(_prepare_pickled, blobs[:workers], chunksize=1)  # each process imports newsfuse first

            def plain(pool: Pool = pool) -> list[object]:
                return [cloudpickle.loads(blob) for blob in pool.map(_prepare_pickled, blobs, chunksize=1)]

            rows.append(_timed_map(f"{workers} plain process" + "es" * (workers > 1), plain))
    import ray

    for workers in (1, 2):
        ray.init(num_cpus=workers, include_dashboard=False, _temp_dir=str(temp / f"map-{workers}"), log_to_driver=False)
        try:
            mapper = RayMapper(ray)
            mapper(prepare_chunk, chunks[:workers])
            name = f"Ray, {workers} worker" + "s" * (workers > 1)
            rows.append(_timed_map(name, lambda mapper=mapper: mapper(prepare_chunk, chunks)))  # type: ignore[misc]
        finally:
            ray.shutdown()
    lines = [
        "# The parallel stage alone: clean + featurize over chunks, 1 and 2 processes (issue 10)",
        "",
        f"Command: `{command}` ({len(articles):,} pool articles in memory, {len(chunks)} chunks of {TASK_ARTICLES:,};"
        f" {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')} UTC, load {os.getloadavg()[0]:.1f} after).",
        "",
        "Each process imports newsfuse before the clock starts; results travel back to this process as in an ingest.",
        "",
        "| mapper | seconds | articles/s | 2 against 1 | CPU s of other processes meanwhile |",
        "|---|---:|---:|---:|---:|",
    ]
    seconds = {name: wall for name, wall, _ in rows}
    for name, wall, others in rows:
        single = {"2 plain processes": "1 plain process", "Ray, 2 workers": "Ray, 1 worker"}.get(name)
        ratio = f"{seconds[single] / wall:.2f} x" if single else ""
        lines.append(f"| {name} | {wall:.1f} | {len(articles) / wall:,.0f} | {ratio} | {others:.0f} |")
    return "\n".join(lines) + "\n"


def _stage_rows(rows: list[dict[str, object]]) -> list[str]:
    from newsfuse.engines import MAPPED_STAGES, STAGES

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


def _parallel(rows: list[dict[str, object]]) -> list[str]:
    """The mapped stages of each run: wall, worker busy and CPU, driver CPU meanwhile; 2 workers against 1."""
    from newsfuse.engines import MAPPED_STAGES

    lines = [
        "Parallel stages (" + ", ".join(sorted(MAPPED_STAGES)) + "): wall seconds on the driver; busy and CPU seconds"
        " inside the chunk functions, summed over workers; the driver's CPU seconds meanwhile (sending chunks,"
        " receiving results).",
        "",
        "| engine | wall s | workers busy s | workers CPU s | CPU / busy | driver CPU s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    wall: dict[str, float] = {}
    for r in rows:
        stages = [s for s in r["stages"] if s["stage"] in MAPPED_STAGES]  # type: ignore[attr-defined]
        wall[str(r["engine"])] = sum(s["seconds"] for s in stages)
        busy, cpu = sum(s["busy"] for s in stages), sum(s["cpu"] for s in stages)
        lines.append(
            f"| {r['engine']} | {wall[str(r['engine'])]:.1f} | {busy:.1f} | {cpu:.1f} | {cpu / busy if busy else 0:.2f} "
            f"| {sum(s['driver_cpu'] for s in stages):.1f} |"
        )
    if wall.get("ray-1") and wall.get("ray-2"):
        lines += ["", f"2 workers are {wall['ray-1'] / wall['ray-2']:.2f} x as fast as 1 on the parallel stages."]
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
        "| articles/s | driver peak MB | load before / after | CPU s: this run / other processes |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        same = "yes" if r["membership"] == local["membership"] else "NO"
        load = r["load"]
        lines.append(
            f"| {r['engine']} | {r['read']:,} | {r['added']:,} | {r['copies']:,} | {r['stories']:,} | {same} "
            f"| {r['seconds']:.1f} | {r['ray_start']:.1f} | {int(r['read']) / float(r['seconds']):,.0f} "  # type: ignore[call-overload,arg-type]
            f"| {r['driver_peak_mb']:,.0f} | {load[0]:.1f} / {load[1]:.1f} "  # type: ignore[index]
            f"| {r['cpu_ours']:,.0f} / {r['cpu_others']:,.0f} |"
        )
    lines += [
        "",
        "Per stage: articles per wall second the driver spent on (or waiting for) the stage; CPU milliseconds an",
        "article, summed over the processes that ran it (the cost of the work, whatever the load); the peak resident",
        "memory of the largest process that ran it, and how many processes did.",
        "",
    ]
    lines += _stage_rows(rows)
    lines += ["", *_parallel(rows)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N lines of the pool")
    parser.add_argument("--engines", default=",".join(RUNS), help="comma-separated, local first")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "scale.md")
    parser.add_argument(
        "--rows", type=Path, help="keep each engine's row in this JSON-lines file, and render the rows it holds"
    )
    parser.add_argument("--map-only", action="store_true", help="time the parallel stage alone (needs --limit)")
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
    if args.map_only:
        with tempfile.TemporaryDirectory(prefix="nf-scale-") as folder:
            source = prefix(args.data, args.limit, Path(folder))
            args.out.write_text(map_only(source, args.limit, Path(folder), command + " --map-only"), encoding="utf-8")
        print(args.out.read_text(encoding="utf-8"))
        return
    kept = args.rows.read_text(encoding="utf-8").splitlines() if args.rows and args.rows.exists() else []
    rows: dict[str, dict[str, object]] = {str(row["engine"]): row for row in map(json.loads, kept)}
    with tempfile.TemporaryDirectory(prefix="nf-scale-") as folder:
        source = prefix(args.data, args.limit, Path(folder))
        for engine in args.engines.split(","):
            rows[engine] = run(engine, source, Path(folder))
            print(
                f"{engine}: {rows[engine]['seconds']:.1f} s, load {rows[engine]['load']}", file=sys.stderr, flush=True
            )
            if args.rows:
                with args.rows.open("a", encoding="utf-8") as out:
                    out.write(json.dumps(rows[engine]) + "\n")
            ordered = [rows[name] for name in RUNS if name in rows]
            args.out.write_text(
                render(ordered, command, f"first {args.limit:,} pool lines" if args.limit else "the whole pool"),
                encoding="utf-8",
            )
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
