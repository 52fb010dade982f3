"""The story commands end to end: ingest a folder, list its stories, show one (issue 8's CLI flow)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "summit"
OTHER = (
    "Oil prices rose sharply on Monday after producers agreed to cut output by a million barrels a day.\n\n"
    "Brent crude gained four percent in London trading, its biggest daily rise in a year, traders said.\n\n"
    "Analysts expect the cut to tighten supply through the winter as demand for heating fuel climbs."
)


@pytest.fixture()
def crawl(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    shutil.copytree(EXAMPLE, folder)
    (folder / "oil.txt").write_text("Oil jumps as producers agree to cut output\n\n" + OTHER, encoding="utf-8")
    return folder


@pytest.mark.issue(8)
def test_cli_ingest_stories_show_round_trip(crawl: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "news.duckdb")
    first = runner.invoke(app, ["ingest", str(crawl), "--db", db])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", str(crawl), "--db", db])
    assert again.exit_code == 0
    assert "added 0" in again.output  # re-ingesting changes nothing
    listing = json.loads(runner.invoke(app, ["stories", "--db", db, "--format", "json"]).output)
    summit = [s for s in listing["stories"] if "Kim" in s["headline"]]
    assert len(summit) == 1 and summit[0]["size"] == 3
    assert set(summit[0]["sources"]) == {"France 24", "SBS News", "Bloomberg"}
    shown = runner.invoke(app, ["show", summit[0]["id"], "--db", db, "--format", "json"])
    assert shown.exit_code == 0
    assert any(sentence["citations"] == [1, 2, 3] for sentence in json.loads(shown.output)["sentences"])


@pytest.mark.issue(8)
def test_cli_summarize_stories_gives_one_summary_a_story(crawl: Path) -> None:
    result = CliRunner().invoke(app, ["summarize", str(crawl), "--stories", "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.output)["stories"]
    assert len(stories) == 2
    assert sorted(len(s["summary"]["articles"]) for s in stories) == [1, 3]


@pytest.mark.issue(8)
def test_cli_stories_tells_of_articles_an_interrupted_ingest_left_waiting(
    crawl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfuse.store.duckdb import DuckDBStore

    def dying_link(self: DuckDBStore, links: object) -> None:
        raise KeyboardInterrupt  # killed after storing the articles, before linking them

    runner = CliRunner()
    db = str(tmp_path / "news.duckdb")
    monkeypatch.setattr(DuckDBStore, "link", dying_link)
    runner.invoke(app, ["ingest", str(crawl), "--db", db])
    monkeypatch.undo()
    waiting = runner.invoke(app, ["stories", "--db", db])
    assert "4 stored articles wait for their stories" in waiting.stderr
    assert runner.invoke(app, ["ingest", str(crawl), "--db", db]).exit_code == 0
    linked = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert "wait for their stories" not in linked.stderr
    assert sorted(s["size"] for s in json.loads(linked.stdout)["stories"]) == [1, 3]
