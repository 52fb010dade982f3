"""The web app on a big store: does the story list, a story page and a search answer fast (issue 9)?

    .venv/bin/python benchmarks/web.py --db STORE [--build N] [--requests 300] [--out benchmarks/results/web.md]

Serves STORE with `newsfuse serve` in its own process on 127.0.0.1 and a free port, and times
HTTP requests from this process, one at a time over one keep-alive connection (latency, not
throughput). With `--build N` and no STORE file, first ingests the first N articles of
multinews-train-pool (0: all of it). Bar: median under 50 ms and 95th percentile under 200 ms.
The server writes to STORE (the comparisons it stores, see below): give it a copy.

What a user does: `newsfuse serve` compares the stories in the background (newest and biggest first)
and keeps the comparisons in the store. So, first, the server runs until its warmer has compared
every story (`/api/status`; once for a store, minutes to an hour for a big one, then only what news
adds); then a fresh server (nothing in its memory) is timed, each `--requests` times:
- story list: the first page (`/`), a deep page reached by its cursor, and `/api/stories`;
- search: `/?q=WORD` with words drawn from the stored headlines (a seeded generator);
- story page, first view: each of a sample of stories opened once, from the first 500 listed and
  from the whole store (the page reads the stored comparison);
- story page, viewed again: `/stories/ID` and `/api/stories/ID` over those stories.
Then, apart: what a story not compared yet costs (its comparison is made on the spot), with the
stored comparisons of a sample of stories removed and a server that does not warm (`--no-warm`).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shlex
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT.parent / "shared" / "data" / "multinews-train-pool" / "documents.jsonl.gz"
MEDIAN_BAR_MS = 50.0
P95_BAR_MS = 200.0
START_SECONDS = 300.0
STATUS_SECONDS = 5.0
STORY_SAMPLE = 60
SEARCH_WORDS = 80
STOP = {"the", "a", "an", "of", "to", "in", "and", "for", "on", "is", "at", "by", "with", "from", "as", "that", "it"}


@dataclass(frozen=True)
class Row:
    name: str
    times_ms: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def passes(self) -> bool:
        return self.median < MEDIAN_BAR_MS and self.p95 < P95_BAR_MS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(db: Path, limit: int) -> str:
    """Ingest the first `limit` pool articles (0: all) into `db`; return a line saying what was built."""
    import gzip
    import tempfile

    from newsfuse.ingest import ingest

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as temp:
        source = POOL
        if limit:
            source = Path(temp) / "pool.jsonl"
            with gzip.open(POOL, "rt", encoding="utf-8") as lines, source.open("w", encoding="utf-8") as out:
                for number, line in enumerate(lines):
                    if number >= limit:
                        break
                    out.write(line)
        report = ingest([source], store=db, progress=lambda r: print(f"  {r}", file=sys.stderr, flush=True))
    return f"built by ingesting {report.read:,} articles of multinews-train-pool in {time.perf_counter() - started:.0f} s: {report}"


class Client:
    """One keep-alive HTTP connection to the app; `get` returns (status, body, milliseconds)."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path: str) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = response.read()
        return response.status, body, (time.perf_counter() - started) * 1000


def timed(client: Client, name: str, paths: list[str]) -> Row:
    times = []
    for path in paths:
        status, _, ms = client.get(path)
        if status != 200:
            raise SystemExit(f"benchmark: GET {path} answered {status}")
        times.append(ms)
    return Row(name, tuple(times))


def start_server(db: Path, port: int, *, warm: bool) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "newsfuse"), "serve", "--db", str(db), "--port", str(port)]
    command += [] if warm else ["--no-warm"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"benchmark: `{shlex.join(command)}` exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise SystemExit("benchmark: the server did not start")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=60)


def wait_until(
    port: int, ready: Callable[[dict[str, Any]], bool], timeout: float
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Poll `/api/status` until `ready` says so or `timeout` seconds pass; the first and the last status."""
    started = time.monotonic()
    # a new connection each time: the server closes one left idle for 5 s
    first = json.loads(Client(port).get("/api/status")[1])
    status = first
    while not ready(status) and time.monotonic() - started < timeout:
        time.sleep(STATUS_SECONDS)
        status = json.loads(Client(port).get("/api/status")[1])
    return first, status


def warm_up(db: Path, timeout: float) -> str:
    """Serve `db` until the warmer has compared every story (or `timeout` seconds pass); say what it did."""
    port = free_port()
    server = start_server(db, port, warm=True)
    started = time.monotonic()
    try:
        first, status = wait_until(port, lambda status: status["warmer"]["idle"], timeout)
    finally:
        stop_server(server)
    minutes = (time.monotonic() - started) / 60
    return (
        f"Before timing, the server's warmer ran {minutes:.0f} min: {first['compared']:,} of {first['stories']:,} "
        f"stories had a stored comparison, then {status['compared']:,}"
        + ("" if status["warmer"]["idle"] else " (stopped by --warm-timeout: not every story)")
        + (f"; {status['warmer']['failed']} could not be compared" if status["warmer"]["failed"] else "")
    )


def sample_ids(db: Path, n: int, rng: random.Random, *, forget: bool = False) -> list[str]:
    """`n` stories drawn from the whole store, among those compared; with `forget`, their comparisons are removed."""
    import duckdb

    with duckdb.connect(str(db)) as connection:
        ids = sorted(row[0] for row in connection.execute("SELECT story_id FROM comparisons").fetchall())
        chosen = rng.sample(ids, min(n, len(ids)))
        if forget:
            connection.execute("DELETE FROM comparisons WHERE story_id IN (SELECT unnest($1))", [chosen])
    return chosen


def measure(port: int, requests: int, rng: random.Random, anywhere: list[str]) -> tuple[list[Row], dict[str, int]]:
    client = Client(port)
    client.get("/")  # first request: imports and connections warm up
    first = json.loads(client.get("/api/stories?limit=500")[1])
    stories = first["stories"]
    total = first["total"]
    cursor = first["next"]
    for _ in range(20):  # a deep page: the 20th page of 500 (the 10,000th story on)
        if cursor is None:
            break
        cursor = json.loads(client.get("/api/stories?" + urlencode({"limit": 500, "after": cursor}))[1])["next"]
    deep = "/?" + urlencode({"after": cursor}) if cursor else "/"
    words = sorted(
        {w.strip(".,:;'\"()").lower() for s in stories for w in s["headline"].split()} - STOP - {""},
    )
    words = [w for w in words if len(w) > 3 and w.isalpha()]
    search = rng.sample(words, min(SEARCH_WORDS, len(words)))
    listed = [f"/stories/{quote(s['id'])}" for s in rng.sample(stories, min(STORY_SAMPLE, len(stories)))]
    whole = [f"/stories/{quote(story_id)}" for story_id in anywhere]
    viewed = listed + whole

    rows = [
        timed(client, "story list, first page (`/`)", ["/"] * requests),
        timed(client, "story list, a deep page (`/?after=...`, story 10,000 on)", [deep] * requests),
        timed(client, "story list, JSON (`/api/stories`)", ["/api/stories"] * requests),
        timed(client, "search (`/?q=WORD`)", ["/?" + urlencode({"q": rng.choice(search)}) for _ in range(requests)]),
        timed(
            client,
            "search, JSON (`/api/stories?q=WORD`)",
            ["/api/stories?" + urlencode({"q": rng.choice(search)}) for _ in range(requests)],
        ),
        timed(client, "story page, first view (`/stories/ID`, of the first 500 listed)", listed),
        timed(client, "story page, first view (`/stories/ID`, anywhere in the store)", whole),
        timed(client, "story page, viewed again (`/stories/ID`)", [rng.choice(viewed) for _ in range(requests)]),
        timed(client, "story JSON (`/api/stories/ID`)", [f"/api{rng.choice(viewed)}" for _ in range(requests)]),
    ]
    return rows, {"stories": total, "sampled stories": len(viewed), "search words": len(search)}


def measure_unstored(port: int, ids: list[str]) -> Row:
    client = Client(port)
    client.get("/")
    paths = [f"/stories/{quote(story_id)}" for story_id in ids]
    return timed(client, "apart: story page, first view of a story not compared yet (made on the spot)", paths)


def counts(db: Path) -> dict[str, int]:
    from newsfuse.store import open_store

    with open_store(db, read_only=True) as store:
        return store.counts()


def render(rows: list[Row], facts: dict[str, int], table_counts: dict[str, int], command: str, built: str) -> str:
    lines = [
        "# Web app latency on a big store (issue 9)",
        "",
        f"Command: `{command}`",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} with {os.cpu_count()} cores "
        f"(shared with other work: 1-minute load average up to ~{facts['load']} during the run), "
        f"Python {platform.python_version()}.",
        "",
        f"Store: {', '.join(f'{v:,} {k}' for k, v in table_counts.items())}." + (f" {built}." if built else ""),
        f"Requests one at a time over one keep-alive connection to `newsfuse serve` on 127.0.0.1; "
        f"{facts['sampled stories']} sampled stories, {facts['search words']} search words from their headlines.",
        "",
        f"Bar: median < {MEDIAN_BAR_MS:.0f} ms and 95th percentile < {P95_BAR_MS:.0f} ms.",
        "",
        "| request | n | median ms | p95 ms | max ms | bar |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {len(row.times_ms)} | {row.median:.1f} | {row.p95:.1f} | {max(row.times_ms):.1f} | "
            f"{'meets' if row.passes else 'misses'} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="The store to serve (a copy: the server writes to it).")
    parser.add_argument("--build", type=int, default=None, help="Ingest the first N pool articles first (0: all).")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--warm-timeout", type=float, default=7200.0, help="Seconds to let the warmer compare the stories first."
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "web.md")
    args = parser.parse_args()
    command = shlex.join(["python", "benchmarks/web.py", *sys.argv[1:]])
    built = ""
    if args.build is not None and not args.db.exists():
        built = build(args.db, args.build)
        print(built, file=sys.stderr)
    warmed = warm_up(args.db, args.warm_timeout)
    print(warmed, file=sys.stderr)
    rng = random.Random(args.seed)
    anywhere = sample_ids(args.db, STORY_SAMPLE, rng)
    table_counts = counts(args.db)
    loads = [os.getloadavg()[0]]
    port = free_port()
    server = start_server(args.db, port, warm=True)
    try:
        wait_until(port, lambda status: status["warmer"]["idle"], START_SECONDS)  # summaries indexed, warmer done
        rows, facts = measure(port, args.requests, rng, anywhere)
    finally:
        stop_server(server)
    loads.append(os.getloadavg()[0])
    unstored = sample_ids(args.db, STORY_SAMPLE, rng, forget=True)
    server = start_server(args.db, port, warm=False)
    try:
        wait_until(port, lambda status: status["ready"], START_SECONDS)
        rows.append(measure_unstored(port, unstored))
    finally:
        stop_server(server)
    loads.append(os.getloadavg()[0])
    facts["load"] = round(max(loads))
    text = render(rows, facts, table_counts, command, " ".join(part for part in (built, warmed) if part))
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
