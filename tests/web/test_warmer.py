"""The warmer: stories compared in the background and stored, so a story page reads its comparison instead of making it."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.config import SummaryConfig
from newsfuse.ingest import ingest
from newsfuse.render.comparison_json import comparison_record
from newsfuse.store import open_store
from newsfuse.store.comparisons import comparison_settings
from newsfuse.web import WebConfig, create_app
from newsfuse.web.readers import ReaderPool
from newsfuse.web.warmer import Warmer
from newsfuse.web.writer import StoreWriter
from tests.conftest import EXAMPLE_DIR
from tests.web.conftest import client_for

WAIT_SECONDS = 120.0  # the child process imports the compare stage first: seconds on a loaded machine


def _wait_for(done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not done within {WAIT_SECONDS} s")
        time.sleep(0.1)


@pytest.fixture
def summit_store(tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    ingest([EXAMPLE_DIR], store=path)
    return path


def test_warmer_compares_every_story_and_pages_read_the_stored_one(
    summit_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(summit_store, read_only=True) as store:
        [info] = store.stories()
        expected = comparison_record(compare_articles(store.story(info.id).articles, CompareConfig(ner="classic")))
    with client_for(create_app(WebConfig(db=summit_store))) as client:
        _wait_for(lambda: client.get("/api/status").json()["warmer"]["idle"])
        status = client.get("/api/status").json()
        assert status["schema"] == "newsfuse.status" and status["ready"]
        assert (status["stories"], status["compared"]) == (1, 1)
        assert status["warmer"] == {"running": True, "idle": True, "compared": 1, "failed": 0}

        def no_comparing(*args: object) -> None:
            raise AssertionError("a story page compared a story the warmer had stored")

        monkeypatch.setattr("newsfuse.store.comparisons.compare_articles", no_comparing)
        assert client.get(f"/api/stories/{info.id}").json()["comparison"] == expected
    with open_store(summit_store, read_only=True) as store:
        assert store.summary(info.id) is not None  # saved with the comparison: search finds its words


def test_warmer_off_compares_a_story_when_it_is_first_read_and_stores_it(summit_store: Path) -> None:
    with client_for(create_app(WebConfig(db=summit_store, warm=False))) as client:
        status = client.get("/api/status").json()
        assert (status["compared"], status["warmer"]["running"]) == (0, False)
        story_id = client.get("/api/stories").json()["stories"][0]["id"]
        assert client.get(f"/stories/{story_id}").status_code == 200
        _wait_for(lambda: client.get("/api/status").json()["compared"] == 1)  # saved by the writer


def test_warmer_goes_on_past_a_story_it_cannot_compare(summit_store: Path) -> None:
    broken = CompareConfig(ner="classic", summary=SummaryConfig(engine="no-such-engine"))
    writer = StoreWriter(summit_store)
    readers = ReaderPool(summit_store, 1)
    warmer = Warmer(readers, writer, broken, comparison_settings(broken))
    try:
        warmer.start()
        _wait_for(lambda: warmer.status().idle)
        status = warmer.status()
        assert (status.compared, status.failed, status.running) == (0, 1, True)
    finally:
        warmer.close()
        readers.close()
        writer.close()
    assert not warmer.status().running
