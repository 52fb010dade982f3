"""Browsing queries over a store: keyset pages, search, filters, articles and copies, the story of some articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import ConfigError, StoreError
from newsfuse.ingest import ingest, story_summary
from newsfuse.model import StoryInfo
from newsfuse.store import open_store
from newsfuse.store.browse import StoryBrowser, StoryIndex, StoryQuery, make_cursor, parse_cursor
from newsfuse.store.summary_words import SummaryWords
from tests.conftest import EXAMPLE_DIR

WIRE = "The port authority said on Monday that container traffic rose by a fifth in the first quarter of the year, driven by exports of machinery and grain to Asian buyers."
OTHER = "Volunteers planted four thousand oak saplings along the eroded riverbank on Sunday, hoping the roots will hold the soil when the spring floods come."


@pytest.fixture
def store(tmp_path: Path) -> Path:
    records = [
        {
            "id": "wire-1",
            "title": "Port traffic rises by a fifth",
            "source": "Wire A",
            "published": "2024-04-02",
            "text": WIRE,
        },
        {
            "id": "wire-2",
            "title": "Container traffic up 20 percent",
            "source": "Paper B",
            "published": "2024-04-03",
            "text": WIRE,
        },
        {
            "id": "oaks",
            "title": "Oak saplings to hold the riverbank",
            "source": "Paper B",
            "published": "2024-03-10",
            "text": OTHER,
        },
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    path = tmp_path / "news.duckdb"
    ingest([feed, EXAMPLE_DIR], store=path)
    return path


def test_browse_lists_newest_first_with_outlets_and_dates(store: Path) -> None:
    with StoryBrowser(store) as browser:
        page = browser.stories()
    assert page.total == 3 and page.next is None
    first, second, third = page.stories
    assert (first.last, first.size, first.copies, first.sources) == (date(2024, 4, 3), 1, 1, ("Paper B", "Wire A"))
    assert second.headline == "Oak saplings to hold the riverbank"
    assert (third.size, third.first) == (3, None)  # the undated example comes last


def test_browse_pages_by_cursor(store: Path) -> None:
    with StoryBrowser(store) as browser:
        everything = [s.id for s in browser.stories().stories]
        first = browser.stories(StoryQuery(limit=2))
        rest = browser.stories(StoryQuery(limit=2, after=first.next))
    assert first.next is not None and rest.next is None
    assert [s.id for s in (*first.stories, *rest.stories)] == everything
    assert first.total == rest.total == 3


def test_browse_search_titles_copies_and_summaries(store: Path) -> None:
    with StoryBrowser(store) as browser:
        assert browser.stories(StoryQuery(text="container traffic")).total == 1  # a copy's title
        assert browser.stories(StoryQuery(text="OAK SAPLINGS")).total == 1  # case does not matter
        assert browser.stories(StoryQuery(text="Kim Yong Chol")).total == 0  # in no title: found once summarized
        summit = browser.stories(StoryQuery(text="Kim")).stories[0].id
        with open_store(store) as writer:
            story_summary(writer, summit)
        assert [s.id for s in browser.stories(StoryQuery(text="Kim Yong Chol")).stories] == [summit]
        assert browser.stories(StoryQuery(text="%")).total == 0  # wildcards are literal
        assert browser.stories(StoryQuery(outlet="Paper B")).total == 2
        assert browser.stories(StoryQuery(since=date(2024, 4, 1))).total == 1
        assert browser.stories(StoryQuery(until=date(2024, 3, 31))).total == 1


def test_browse_index_searches_summaries_by_their_words_in_memory(store: Path) -> None:
    with StoryBrowser(store) as browser:
        summit = browser.stories(StoryQuery(text="Kim")).stories[0].id
        with open_store(store) as writer:
            story_summary(writer, summit)
        words = SummaryWords()
        index = StoryIndex.build(browser, words)
        assert index.page(StoryQuery(text="Kim Yong Chol")).total == 0  # not indexed yet, and not read from the table
        words.add(browser.summary_texts())
        assert [s.id for s in browser.stories(StoryQuery(text="kim yong chol"), index=index).stories] == [summit]
        sql = browser.stories(StoryQuery(text="Kim Yong Chol"))
        assert [s.id for s in sql.stories] == [summit]  # the tables say the same


def test_browse_copy_reads_as_the_text_it_copies(store: Path) -> None:
    with StoryBrowser(store) as browser:
        copy = browser.article("wire-2")
        kept = browser.copy_of("wire-2")
        assert kept == "wire-1"
        assert copy.title == "Container traffic up 20 percent" and copy.text == browser.article("wire-1").text
        assert browser.sentences("wire-2") == browser.sentences("wire-1")
        assert browser.copy_of("wire-1") is None
        assert browser.story_of(["wire-2", "oaks", "wire-1"]) == browser.story_of(["wire-1"])
        assert browser.story_of(["nothing"]) is None
        assert [o.name for o in browser.outlets()][:1] == ["Paper B"]
        with pytest.raises(StoreError, match="no article 'nothing'"):
            browser.article("nothing")
        with pytest.raises(StoreError, match="no story 'nothing'"):
            browser.story_info("nothing")


def test_browse_query_checked_when_built() -> None:
    with pytest.raises(ConfigError, match="page size 0"):
        StoryQuery(limit=0)
    with pytest.raises(ConfigError, match="expected DATE~SIZE~STORY_ID"):
        StoryQuery(after="garbage")
    with pytest.raises(ConfigError, match="the start is after the end"):
        StoryQuery(since=date(2024, 2, 1), until=date(2024, 1, 1))


def test_browse_missing_store_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="newsfuse ingest"):
        StoryBrowser(tmp_path / "none.duckdb")


@given(
    st.text(min_size=1, max_size=30),
    st.integers(min_value=1, max_value=10**6),
    st.one_of(st.none(), st.dates()),
)
def test_browse_cursor_round_trip(story_id: str, size: int, last: date | None) -> None:
    info = StoryInfo(story_id, size, 0, (), None, last, "")
    parsed = parse_cursor(make_cursor(info))
    assert parsed[1:] == (size, story_id)
    assert parsed[0] == (last or date(1, 1, 1))


def test_browse_index_answers_as_the_tables_do(store: Path) -> None:
    with StoryBrowser(store) as browser:
        index = StoryIndex.build(browser)
        for text in ("container traffic", "OAK", "Kim", "summit", "port", "nothing like it", "%", "\x00"):
            query = StoryQuery(text=text)
            assert browser.stories(query, index=index) == browser.stories(query), text
        assert browser.stories(index=index) == browser.stories()
        for query in (
            StoryQuery(outlet="Paper B"),
            StoryQuery(outlet="Nobody"),
            StoryQuery(since=date(2024, 4, 1)),
            StoryQuery(until=date(2024, 3, 31)),
            StoryQuery(text="port", since=date(2024, 1, 1), until=date(2024, 12, 31)),
        ):
            assert browser.stories(query, index=index) == browser.stories(query), query
        after: str | None = None
        pages = 0
        while True:  # page by page, one story a page
            paged = browser.stories(StoryQuery(limit=1, after=after), index=index)
            assert paged == browser.stories(StoryQuery(limit=1, after=after))
            pages += 1
            if paged.next is None:
                break
            after = paged.next
        assert pages == 3
        for story in browser.stories().stories:
            assert browser.story_info(story.id, index=index) == browser.story_info(story.id) == story
