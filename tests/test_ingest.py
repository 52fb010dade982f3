from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsfuse.cluster.batch import ClusterConfig
from newsfuse.config import SummaryConfig
from newsfuse.ingest import IngestOptions, group_stories, ingest, story_summary, summarize_stories
from newsfuse.model import Article, IngestReport
from newsfuse.store import open_store
from newsfuse.store.duckdb import DuckDBStore
from tests.cluster.stories import twin_articles
from tests.conftest import EXAMPLE_DIR, EXAMPLE_FILES
from tests.dedup.test_minhash import WIRE

FOURS = IngestOptions(batch_size=4)  # several batches of the 13-article pile


def _write_jsonl(path: Path, articles: list[Article]) -> Path:
    with path.open("w") as out:
        for a in articles:
            out.write(
                json.dumps(
                    {
                        "id": a.id,
                        "text": a.text,
                        "source": a.source,
                        "published": a.published and a.published.isoformat(),
                    }
                )
                + "\n"
            )
    return path


def _pile(tmp_path: Path) -> Path:
    copies = [
        Article.from_text(WIRE, id="wire-1", source="Reuters"),
        Article.from_text(WIRE + " More later.", id="wire-2", source="Yahoo"),
    ]
    return _write_jsonl(tmp_path / "pile.jsonl", twin_articles() + copies)


def _stories(path: Path) -> set[frozenset[str]]:
    with open_store(path, read_only=True) as store:
        groups: dict[str, set[str]] = {}
        for article_id, story_id in store.story_membership().items():
            groups.setdefault(story_id, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def test_ingest_stores_articles_copies_and_stories(tmp_path: Path) -> None:
    report = ingest([_pile(tmp_path)], store=tmp_path / "news.duckdb")
    assert (report.read, report.added, report.copies, report.known) == (13, 12, 1, 0)
    assert frozenset({"reid0", "reid1", "reid2"}) in _stories(tmp_path / "news.duckdb")
    assert frozenset({"wire-1", "wire-2"}) in _stories(tmp_path / "news.duckdb")
    with open_store(tmp_path / "news.duckdb") as store:
        listing = store.stories()
        wire = next(s for s in listing if s.copies == 1)
        assert wire.sources == ("Reuters", "Yahoo")
        story = store.story(wire.id)
        assert [a.id for a in story.articles] == ["wire-1"]
        assert story.copies[0].sources == ("Reuters", "Yahoo")
        assert store.counts()["sentences"] > 12


def test_ingest_again_changes_nothing(tmp_path: Path) -> None:
    pile = _pile(tmp_path)
    ingest([pile], store=tmp_path / "news.duckdb")
    with open_store(tmp_path / "news.duckdb") as store:
        before = (store.counts(), store.stories())
    again = ingest([pile], store=tmp_path / "news.duckdb")
    assert (again.known, again.added, again.copies, again.new_stories) == (13, 0, 0, 0)
    with open_store(tmp_path / "news.duckdb") as store:
        assert (store.counts(), store.stories()) == before


def test_ingest_interrupted_resumes_to_the_same_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pile = _pile(tmp_path)
    ingest([pile], store=tmp_path / "whole.duckdb", options=FOURS)
    writes = 0
    original_write = DuckDBStore.write

    def dying_write(self: DuckDBStore, batch: object) -> None:
        nonlocal writes
        writes += 1
        if writes == 3:
            raise KeyboardInterrupt  # killed in the middle of the third batch
        original_write(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(DuckDBStore, "write", dying_write)
    with pytest.raises(KeyboardInterrupt):
        ingest([pile], store=tmp_path / "resumed.duckdb", options=FOURS)
    monkeypatch.setattr(DuckDBStore, "write", original_write)
    with open_store(tmp_path / "resumed.duckdb") as store:
        counts = store.counts()
        assert counts["articles"] + counts["copies"] == 8  # two whole batches, nothing of the third
        assert (counts["story_articles"], counts["pending_terms"]) == (0, counts["articles"])  # not linked yet
        assert len(store.waiting()) == counts["articles"]
    resumed = ingest([pile], store=tmp_path / "resumed.duckdb", options=FOURS)
    assert resumed.known == 8
    assert _stories(tmp_path / "resumed.duckdb") == _stories(tmp_path / "whole.duckdb")


def test_ingest_killed_while_linking_links_on_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pile = _pile(tmp_path)
    ingest([pile], store=tmp_path / "whole.duckdb", options=FOURS)

    def dying_link(self: DuckDBStore, links: object) -> None:
        raise KeyboardInterrupt

    original_link = DuckDBStore.link
    monkeypatch.setattr(DuckDBStore, "link", dying_link)
    with pytest.raises(KeyboardInterrupt):
        ingest([pile], store=tmp_path / "news.duckdb", options=FOURS)
    monkeypatch.setattr(DuckDBStore, "link", original_link)
    with open_store(tmp_path / "news.duckdb") as store:
        assert (store.counts()["articles"], store.counts()["story_articles"], store.stories()) == (12, 0, [])
    again = ingest([pile], store=tmp_path / "news.duckdb", options=FOURS)
    assert (again.known, again.added) == (13, 0)
    assert _stories(tmp_path / "news.duckdb") == _stories(tmp_path / "whole.duckdb")


def test_ingest_in_batches_finds_the_stories_of_the_whole_pile(tmp_path: Path) -> None:
    articles = twin_articles()
    shuffled = articles[1::2] + articles[::2]  # each story's reports spread over several batches
    ingest([_write_jsonl(tmp_path / "pile.jsonl", shuffled)], store=tmp_path / "news.duckdb", options=FOURS)
    whole = {frozenset(a.id for a in story.articles) for story in group_stories(articles)}
    assert _stories(tmp_path / "news.duckdb") == whole
    assert frozenset({"reid0", "reid1", "reid2"}) in whole


def test_ingest_into_a_store_of_the_previous_schema_links_new_reports(tmp_path: Path) -> None:
    articles = twin_articles()
    path = tmp_path / "news.duckdb"
    ingest([_write_jsonl(tmp_path / "first.jsonl", articles[:2] + articles[3:5])], store=path)
    with duckdb.connect(str(path)) as db:  # as version 3 wrote it: no table for waiting articles
        db.execute("DROP TABLE pending_terms")
        db.execute("UPDATE schema_version SET version = 3")
    with open_store(path, read_only=True) as old:  # read as it is: nothing waits in a file of version 3
        assert (len(old.waiting()), old.waiting_count()) == (0, 0)
    ingest([_write_jsonl(tmp_path / "later.jsonl", [articles[2], articles[5]])], store=path)
    with open_store(path) as store:
        assert store.counts()["pending_terms"] == 0
    assert frozenset({"reid0", "reid1", "reid2"}) in _stories(path)


def test_ingest_links_each_batch_when_told_to(tmp_path: Path) -> None:
    copies = [
        Article.from_text(WIRE, id="wire-1", source="Reuters"),
        Article.from_text(WIRE + " More later.", id="wire-2", source="Yahoo"),
    ]
    pile = _write_jsonl(tmp_path / "pile.jsonl", copies + twin_articles())  # the first batch holds a copy
    seen: dict[str, list[IngestReport]] = {"default": [], "each batch": []}
    ingest([pile], store=tmp_path / "a.duckdb", options=FOURS, progress=seen["default"].append)
    each = IngestOptions(batch_size=4, link_articles=4)
    ingest([pile], store=tmp_path / "b.duckdb", options=each, progress=seen["each batch"].append)
    first = {name: reports[0] for name, reports in seen.items()}
    assert (first["default"].new_stories, first["default"].waiting) == (0, 4)  # stored, waiting for the end
    assert first["each batch"].new_stories > 0 and first["each batch"].waiting == 0
    assert "waiting for their stories" in str(first["default"])
    assert seen["default"][-1].waiting == 0 and seen["default"][-1].new_stories > 0


def test_ingest_keeps_the_clustering_options_of_a_first_run_stopped_before_linking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dying_link(self: DuckDBStore, links: object) -> None:
        raise KeyboardInterrupt

    strict = IngestOptions(batch_size=4, config=ClusterConfig(threshold=0.9))
    monkeypatch.setattr(DuckDBStore, "link", dying_link)
    with pytest.raises(KeyboardInterrupt):
        ingest([_pile(tmp_path)], store=tmp_path / "news.duckdb", options=strict)
    monkeypatch.undo()
    ingest([_pile(tmp_path)], store=tmp_path / "news.duckdb", options=FOURS)  # default options this time
    with open_store(tmp_path / "news.duckdb") as store:
        tracker = store.tracker()
        assert tracker is not None and tracker.config.threshold == 0.9
        assert store.counts()["pending_terms"] == 0


def test_ingest_reports_bad_inputs_and_progress(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    _write_jsonl(tmp_path / "in" / "a.jsonl", twin_articles()[:2])
    seen: list[IngestReport] = []
    report = ingest([tmp_path / "in", tmp_path / "missing"], store=tmp_path / "news.duckdb", progress=seen.append)
    assert {p.reason for p in report.skipped} == {"empty file", "no such file or folder"}
    assert seen
    assert seen[-1].read == 2
    assert "2 articles" in str(report)


def test_ingest_without_a_store_uses_the_data_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    ingest([_pile(tmp_path)])
    assert (tmp_path / "data" / "newsfuse" / "news.duckdb").exists()


def test_group_stories_puts_the_seed_reports_in_one_story() -> None:
    seed = [Article.from_text((EXAMPLE_DIR / name).read_text(), id=name, source=name) for name in EXAMPLE_FILES]
    stories = group_stories(seed + twin_articles())
    members = [{a.id for a in s.articles} | {c.id for g in s.copies for c in g.copies} for s in stories]
    assert set(EXAMPLE_FILES) in members
    assert len(stories) == 7  # the seed, Reid, Lohan, the quake, three others


def test_story_summary_is_stored_and_reused(tmp_path: Path) -> None:
    ingest([_pile(tmp_path)], store=tmp_path / "news.duckdb")
    with open_store(tmp_path / "news.duckdb") as store:
        story_id = store.stories()[0].id
        summary = story_summary(store, story_id, max_words=30)
        assert summary.sentences
        assert store.summary(story_id) == summary


def test_ingest_killed_by_a_signal_keeps_committed_batches(tmp_path: Path) -> None:
    pile = _pile(tmp_path)
    script = (
        "import os, signal, sys\n"
        "from newsfuse.ingest import IngestOptions, ingest\n"
        "ingest([sys.argv[1]], store=sys.argv[2], options=IngestOptions(batch_size=4),\n"
        "       progress=lambda report: report.read >= 8 and os.kill(os.getpid(), signal.SIGKILL))\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, str(pile), str(tmp_path / "news.duckdb")], check=False)
    assert killed.returncode == -signal.SIGKILL
    with open_store(tmp_path / "news.duckdb") as store:
        assert store.counts()["articles"] + store.counts()["copies"] == 8
    resumed = ingest([pile], store=tmp_path / "news.duckdb", options=FOURS)
    assert (resumed.known, resumed.read) == (8, 13)
    ingest([pile], store=tmp_path / "whole.duckdb", options=FOURS)
    assert _stories(tmp_path / "news.duckdb") == _stories(tmp_path / "whole.duckdb")


def test_summarize_stories_writes_one_summary_a_story() -> None:
    seed = [Article.from_text((EXAMPLE_DIR / name).read_text(), id=name, source=name) for name in EXAMPLE_FILES]
    summaries = summarize_stories(seed + twin_articles(), SummaryConfig())
    assert len(summaries) == 7
    by_story = dict(summaries)
    seed_story = next(s for s in by_story.values() if {a.id for a in s.articles} == set(EXAMPLE_FILES))
    assert seed_story.sentences
    assert all(sentence.sources for sentence in seed_story.sentences)
