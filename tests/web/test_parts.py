"""The pieces under the views, each on its own: the story cache, the one writer, upload names, the dropped-lines log."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from newsfuse.errors import StoreError
from newsfuse.model import DroppedLine, DropReason
from newsfuse.web.cache import StoryCache
from newsfuse.web.uploads import DroppedLog, safe_name
from newsfuse.web.writer import StoreWriter
from tests.conftest import make_article


def test_cache_concurrent_misses_compute_once() -> None:
    cache: StoryCache[str] = StoryCache(capacity=4)
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        time.sleep(0.05)
        return "compared"

    threads = [threading.Thread(target=cache.get_or_compute, args=(("story", 3), compute)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert cache.get_or_compute(("story", 3), lambda: "again") == "compared"
    assert cache.get_or_compute(("story", 4), lambda: "grown") == "grown"  # a story that grew is read anew


def test_cache_drops_the_least_recently_used() -> None:
    cache: StoryCache[int] = StoryCache(capacity=2)
    cache.get_or_compute(("a", 1), lambda: 1)
    cache.get_or_compute(("b", 1), lambda: 2)
    cache.get_or_compute(("a", 1), lambda: -1)  # used again: now the most recent
    cache.get_or_compute(("c", 1), lambda: 3)
    assert cache.get_or_compute(("a", 1), lambda: -1) == 1
    assert cache.get_or_compute(("b", 1), lambda: 20) == 20  # was dropped


def test_writer_runs_jobs_in_order_on_one_thread_and_hands_back_errors(tmp_path: Path) -> None:
    writer = StoreWriter(tmp_path / "news.duckdb")
    try:
        seen: list[tuple[int, str]] = []
        futures = [
            writer.submit(lambda store, n=n: seen.append((n, threading.current_thread().name))) for n in range(20)
        ]
        for future in futures:
            future.result(timeout=30)
        assert [n for n, _ in seen] == list(range(20))
        assert {name for _, name in seen} == {"newsfuse-store-writer"}
        with pytest.raises(StoreError, match="no story 'nope'"):
            writer.submit(lambda store: store.story("nope")).result(timeout=30)
        assert writer.submit(lambda store: store.stories()).result(timeout=30) == []  # still running
    finally:
        writer.close()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.txt", "001-report.txt"),
        ("../../etc/passwd", "001-passwd"),
        ("..\\..\\windows\\win.ini", "001-win.ini"),
        ("/absolute/path/news.jsonl", "001-news.jsonl"),
        (".hidden", "001-hidden"),
        ("", "001-upload.txt"),
        ("..", "001-upload.txt"),
        ("a b<c>?.html", "001-a_b_c_.html"),
    ],
)
def test_upload_safe_name_keeps_no_path(name: str, expected: str) -> None:
    safe = safe_name(name, 1)
    assert safe == expected
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")


def test_dropped_log_is_bounded() -> None:
    from newsfuse.model import Cleaned

    log = DroppedLog(capacity=2)
    articles = [make_article(f"Text number {n} of the day.") for n in range(3)]
    log.record([Cleaned(a, (DroppedLine(a.id, "Share this", DropReason.SHARE),)) for a in articles])
    assert log.get(articles[0].id) is None
    assert log.get(articles[2].id) == (DroppedLine(articles[2].id, "Share this", DropReason.SHARE),)
