"""Stored comparisons: an exact round trip, current only for the same options and the same articles, the schema migration."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.ingest import ingest
from newsfuse.model import Comparison, Summary
from newsfuse.store import SCHEMA_VERSION, open_store
from newsfuse.store.comparisons import comparison_settings, decode_comparison, encode_comparison, story_comparison
from tests.conftest import EXAMPLE_DIR, make_sentence

CLASSIC = CompareConfig(ner="classic")


@pytest.fixture
def summit(tmp_path: Path) -> tuple[Path, str]:
    """A store holding the example's three reports, one story; and its id."""
    path = tmp_path / "news.duckdb"
    ingest([EXAMPLE_DIR], store=path)
    with open_store(path) as store:
        [info] = store.stories()
    return path, info.id


def test_comparisons_round_trip_is_exact(summit: tuple[Path, str]) -> None:
    path, story_id = summit
    with open_store(path, read_only=True) as store:
        story = store.story(story_id)
    comparison = compare_articles(story.articles, CLASSIC)
    assert comparison.agreed and comparison.entities and comparison.timeline  # every part is exercised
    assert decode_comparison(encode_comparison(comparison), story.articles) == comparison


def test_comparisons_round_trip_keeps_a_sentence_that_is_not_the_articles(summit: tuple[Path, str]) -> None:
    path, story_id = summit
    with open_store(path, read_only=True) as store:
        story = store.story(story_id)
    comparison = compare_articles(story.articles, CLASSIC)
    foreign = make_sentence("A sentence no article holds.", article_id=story.articles[0].id, index=999, start=5)
    point = dataclasses.replace(comparison.unique[0], sentence=foreign)
    odd = dataclasses.replace(comparison, unique=(point, *comparison.unique[1:]))
    text = encode_comparison(odd)
    assert "A sentence no article holds." in text
    assert decode_comparison(text, story.articles) == odd


def test_comparisons_stored_one_is_read_back_until_the_story_grows(summit: tuple[Path, str], tmp_path: Path) -> None:
    path, story_id = summit
    settings = comparison_settings(CLASSIC)
    with open_store(path) as store:
        story = store.story(story_id)
        assert store.uncompared(settings, limit=10) == [story_id]
        made: list[Comparison] = []

        def compare_and_save(story_now: object, settings_now: str, comparison: Comparison) -> None:
            made.append(comparison)
            store.save_comparison(story, settings_now, comparison)

        first = story_comparison(story, CLASSIC, load=store.comparison, save=compare_and_save)
        again = story_comparison(story, CLASSIC, load=store.comparison, save=compare_and_save)
        assert again == first
        assert len(made) == 1  # the second came from the store
        assert store.compared(settings) == 1
        assert store.uncompared(settings, limit=10) == []
        assert store.comparison(story, comparison_settings(CompareConfig(ner="classic", copy_jaccard=0.7))) is None
        assert store.summary(story_id) == first.summary  # saved with it: search finds its words

    reprint = {
        "id": "reprint",
        "title": "Trump and Kim to meet again",
        "source": "Other Paper",
        "text": story.articles[0].text,
    }
    feed = tmp_path / "reprint.jsonl"
    feed.write_text(json.dumps(reprint), encoding="utf-8")
    ingest([feed], store=path)
    with open_store(path) as store:
        grown = store.story(story_id)
        assert [c.id for group in grown.copies for c in group.copies] == ["reprint"], "a wire copy joins the story"
        assert store.comparison(grown, settings) is None
        assert store.uncompared(settings, limit=10) == [story_id]


def test_comparisons_uncompared_come_newest_and_biggest_first(tmp_path: Path) -> None:
    records = [
        {"id": f"a{i}", "title": title, "published": day, "text": f"{text} It was reported on {day} by the agency."}
        for i, (title, day, text) in enumerate(
            [
                ("Old flood", "2020-01-02", "The river flooded the lower town and the bridge closed."),
                ("New fire", "2021-05-06", "A fire burned through the warehouse district overnight."),
                ("Undated strike", None, "Dock workers walked out over pay and the port stood still."),
            ]
        )
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    path = tmp_path / "news.duckdb"
    ingest([feed], store=path)
    with open_store(path) as store:
        by_headline = {info.headline: info.id for info in store.stories()}
        order = store.uncompared(comparison_settings(CLASSIC), limit=10)
    assert order == [by_headline["New fire"], by_headline["Old flood"], by_headline["Undated strike"]]


def story_summary(path: Path, story_id: str) -> Summary:
    with open_store(path) as store:
        story = store.story(story_id)
        comparison = compare_articles(story.articles, CLASSIC)
        store.save_summary(story_id, comparison.summary)
    return comparison.summary


def _as_version_1(path: Path) -> None:
    with duckdb.connect(str(path)) as db:
        db.execute("DROP INDEX story_articles_story")
        db.execute("DROP TABLE comparisons")
        db.execute("DROP TABLE pending_terms")
        db.execute("ALTER TABLE summaries DROP COLUMN text")
        db.execute("UPDATE schema_version SET version = 1")


def test_comparisons_a_version_1_store_is_migrated_when_opened_for_writing(summit: tuple[Path, str]) -> None:
    path, story_id = summit
    summary = story_summary(path, story_id)
    _as_version_1(path)
    with open_store(path, read_only=True) as store:  # read-only: left as it is, read as it is
        assert store.version == 1
        story = store.story(story_id)
        assert store.comparison(story, comparison_settings(CLASSIC)) is None
        assert "comparisons" not in store.counts() and "pending_terms" not in store.counts()
    with open_store(path) as store:
        assert store.version == SCHEMA_VERSION
        store.save_comparison(story, comparison_settings(CLASSIC), compare_articles(story.articles, CLASSIC))
        assert store.counts()["comparisons"] == 1
    with duckdb.connect(str(path)) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert db.execute("SELECT text FROM summaries").fetchall() == [(summary.text,)]  # taken from the JSON
        assert db.execute(
            "SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'story_articles_story'"
        ).fetchone() == (1,)
