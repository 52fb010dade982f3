from __future__ import annotations

import pytest

from newsfuse.cluster import cluster_labels
from newsfuse.cluster.incremental import StoryTracker
from newsfuse.errors import StoreError
from tests.cluster.stories import twin_articles


def test_story_tracker_new_articles_join_their_story() -> None:
    articles = twin_articles()
    tracker = StoryTracker()
    first = tracker.add(articles[:2] + articles[3:5])  # two reports of each twin event
    later = tracker.add([articles[2], articles[5]])  # the third report of each
    story = {a.article_id: a.story_id for a in first}
    assert [a.story_id for a in later] == [story[articles[0].id], story[articles[3].id]]
    assert not any(a.new_story for a in later)
    assert len(tracker) == 2


def test_story_tracker_unrelated_article_starts_a_story() -> None:
    articles = twin_articles()
    tracker = StoryTracker()
    tracker.add(articles[:6])
    (assignment,) = tracker.add([articles[-1]])
    assert assignment.new_story


def test_story_tracker_on_an_empty_state_equals_batch_clustering() -> None:
    articles = twin_articles()
    by_story: dict[str, int] = {}
    labels = [by_story.setdefault(a.story_id, len(by_story)) for a in StoryTracker().add(articles)]
    batch = cluster_labels(articles).tolist()
    assert all((labels[i] == labels[j]) == (batch[i] == batch[j]) for i in range(len(batch)) for j in range(len(batch)))


def test_story_tracker_skips_articles_it_has_seen() -> None:
    tracker = StoryTracker()
    tracker.add(twin_articles())
    assert tracker.add(twin_articles()) == []


def test_story_tracker_saved_and_loaded_goes_on_the_same(tmp_path) -> None:  # type: ignore[no-untyped-def]
    articles = twin_articles()
    tracker = StoryTracker()
    tracker.add(articles[:2] + articles[3:5])
    tracker.save(tmp_path / "state.npz")
    loaded = StoryTracker.load(tmp_path / "state.npz")
    assert loaded.story_of == tracker.story_of
    assert loaded.add([articles[2], articles[5]]) == tracker.add([articles[2], articles[5]])


def test_story_tracker_load_refuses_a_file_that_is_not_a_state(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "state.npz"
    path.write_bytes(b"not numpy")
    with pytest.raises(StoreError, match=r"state\.npz"):
        StoryTracker.load(path)
