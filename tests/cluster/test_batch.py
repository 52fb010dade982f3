from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster import ClusterConfig, cluster_articles, cluster_labels
from newsfuse.cluster.batch import SCALE_FROM_DOCS, THRESHOLD, scaled_threshold
from newsfuse.errors import ConfigError
from newsfuse.eval.clustering import b_cubed
from tests.cluster.stories import gold, twin_articles
from tests.conftest import make_article


def _partition(labels: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(label, set()).add(position)
    return {frozenset(group) for group in groups.values()}


def test_cluster_labels_empty_input() -> None:
    assert cluster_labels([]).tolist() == []


def test_cluster_labels_one_article_is_one_story() -> None:
    assert len(cluster_articles([make_article()])) == 1


def test_cluster_labels_keeps_twin_events_apart() -> None:
    articles = twin_articles()
    scores = b_cubed(gold(articles), cluster_labels(articles).tolist())
    assert scores.precision == 1.0
    assert scores.recall == 1.0


@settings(max_examples=20)  # each example clusters the pile twice
@given(st.permutations(list(range(11))))
def test_cluster_labels_do_not_depend_on_input_order(order: list[int]) -> None:
    articles = twin_articles()
    shuffled = [articles[i] for i in order]
    labels = cluster_labels(shuffled).tolist()
    back = [0] * len(articles)
    for position, i in enumerate(order):
        back[i] = labels[position]
    assert _partition(back) == _partition(cluster_labels(articles).tolist())


def test_cluster_labels_split_the_same_event_a_year_apart() -> None:
    text = "A magnitude 7.0 earthquake struck the Aegean Sea near Izmir, toppling buildings and killing 20 people."
    articles = [
        make_article(text, id="q1", published=date(2020, 10, 30)),
        make_article(text + " Rescuers searched the rubble.", id="q2", published=date(2020, 10, 31)),
        make_article(text, id="q3", published=date(2021, 10, 30)),
        make_article(text + " Rescuers searched the rubble.", id="q4", published=date(2021, 11, 1)),
    ]
    assert _partition(cluster_labels(articles).tolist()) == {frozenset({0, 1}), frozenset({2, 3})}


def test_cluster_articles_biggest_story_first_with_stable_ids() -> None:
    stories = cluster_articles(twin_articles())
    assert [len(story.articles) for story in stories][:2] == [3, 3]
    reversed_ids = {story.id for story in cluster_articles(list(reversed(twin_articles())))}
    assert {story.id for story in stories} == reversed_ids


def test_cluster_config_rejects_a_threshold_out_of_range() -> None:
    with pytest.raises(ConfigError, match="threshold"):
        ClusterConfig(threshold=1.5)


@pytest.mark.issue(8)
def test_cluster_threshold_lower_in_a_big_pile_only() -> None:
    assert scaled_threshold(THRESHOLD, 10) == THRESHOLD
    assert scaled_threshold(THRESHOLD, SCALE_FROM_DOCS) == THRESHOLD
    assert (
        THRESHOLD > scaled_threshold(THRESHOLD, 2 * SCALE_FROM_DOCS) > scaled_threshold(THRESHOLD, 4 * SCALE_FROM_DOCS)
    )
    assert scaled_threshold(THRESHOLD, 4 * SCALE_FROM_DOCS) == scaled_threshold(THRESHOLD, 100 * SCALE_FROM_DOCS)
