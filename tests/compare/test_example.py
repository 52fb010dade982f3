"""The issue's example, pinned: three reports of the second Trump-Kim summit announcement (18 Jan 2019)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.compare.ner import spacy_available
from newsfuse.model import Comparison, ConflictKind, DateBasis, EntityKind, Granularity
from newsfuse.pipeline import clean_all
from newsfuse.read import read_all

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "summit"
RECOGNIZERS = [
    "classic",
    pytest.param("spacy", marks=pytest.mark.skipif(not spacy_available(), reason="the ner extra is not installed")),
]


@pytest.fixture(scope="module", params=RECOGNIZERS)
def comparison(request: pytest.FixtureRequest) -> Comparison:
    articles = [cleaned.article for cleaned in clean_all(read_all([str(EXAMPLE)]).articles)]
    return compare_articles(articles, CompareConfig(ner=request.param))


def _source(comparison: Comparison, file_name: str) -> str:
    article = next(a for a in comparison.articles if (a.path or "").endswith(file_name))
    return comparison.source_of(article.id).id


def test_example_three_independent_sources(comparison: Comparison) -> None:
    assert len(comparison.sources) == 3
    assert all(not source.reason for source in comparison.sources)


@pytest.mark.parametrize(
    ("words", "min_sources"),
    [
        (("February",), 3),  # the summit near the end of February
        (("90",), 2),  # the 90-minute meeting
        (("Pompeo",), 3),  # Pompeo's meeting with Kim Yong Chol
        (("Singapore", "June"), 3),  # the first summit, in Singapore in June 2018
    ],
)
def test_example_agreed_core(comparison: Comparison, words: tuple[str, ...], min_sources: int) -> None:
    matching = [
        a for a in comparison.agreed if all(w in a.text or any(w in s.text for s in a.fact.sentences) for w in words)
    ]
    assert matching, f"no agreed fact mentions {words}"
    assert max(a.support for a in matching) >= min_sources


@pytest.mark.parametrize(
    ("needle", "file_name"),
    [
        ("BuzzFeed", "france24.txt"),
        ("Mexican border", "france24.txt"),  # the border-wall shutdown, in the same sentence
        ("New York last November", "sbs.txt"),
    ],
)
def test_example_unique_sentences(comparison: Comparison, needle: str, file_name: str) -> None:
    points = [u for u in comparison.unique if needle in u.text and u.detail is None]
    assert len(points) == 1
    assert points[0].source == _source(comparison, file_name)


def test_example_unique_detail_ho_chi_minh_city(comparison: Comparison) -> None:
    details = [u for u in comparison.unique if u.detail == "Ho Chi Minh City"]
    assert len(details) == 1
    assert details[0].source == _source(comparison, "straitstimes.txt")


def test_example_contested_venue_list(comparison: Comparison) -> None:
    venues = [c for c in comparison.conflicts if c.kind is ConflictKind.PLACE and "Hanoi" in c.sides[0].value]
    assert len(venues) == 1
    sides = {side.sources[0]: side.value for side in venues[0].sides}
    assert sides[_source(comparison, "france24.txt")] == "Hanoi, Danang"
    assert sides[_source(comparison, "straitstimes.txt")] == "Hanoi, Danang, Ho Chi Minh City"
    assert venues[0].partial


def test_example_contested_descriptions_of_kim_yong_chol(comparison: Comparison) -> None:
    roles = [c for c in comparison.conflicts if c.kind is ConflictKind.ROLE]
    assert [c.subject for c in roles] == ["Kim Yong Chol"]
    sides = {side.sources[0]: side.value for side in roles[0].sides}
    assert "Vice Chairman" in sides[_source(comparison, "france24.txt")]
    assert "top North Korean general" in sides[_source(comparison, "sbs.txt")]
    assert "top aides" in sides[_source(comparison, "straitstimes.txt")]


def test_example_no_false_conflicts(comparison: Comparison) -> None:
    """Spelling variants and restated values are not contradictions: only the two points above."""
    assert sorted(c.kind.name for c in comparison.conflicts) == ["PLACE", "ROLE"]


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Kim Jong-un", {"Kim Jong-un", "Kim Jong Un"}),
        ("Kim Yong Chol", {"Kim Yong Chol", "Kim Yong-chol"}),
        ("Mike Pompeo", {"Mike Pompeo", "Michael Pompeo", "Pompeo"}),
        ("United States", {"United States", "US"}),
        ("Donald Trump", {"Donald Trump", "Trump"}),
    ],
)
def test_example_entities_merged(comparison: Comparison, name: str, variants: set[str]) -> None:
    entity = next(e for e in comparison.entities if e.name == name)
    assert variants <= set(entity.variants)
    assert len(entity.articles) == 3


def test_example_different_people_kept_apart(comparison: Comparison) -> None:
    people = {e.name: e for e in comparison.entities if e.kind is EntityKind.PERSON}
    assert people["Kim Jong-un"].id != people["Kim Yong Chol"].id
    assert not {"Kim"} & {v for e in comparison.entities for v in e.variants}  # "Kim" alone is either: left out


def test_example_timeline_announcement_on_friday_18_january_2019(comparison: Comparison) -> None:
    event = next(e for e in comparison.timeline if e.when.first == date(2019, 1, 18))
    assert event.when.granularity is Granularity.DAY
    assert event.when.label == "Friday 18 January 2019"
    announced = [m for m in event.mentions if m.span.text == "last Friday (Jan 18)"]
    assert len(announced) == 1
    sentence = next(
        s
        for s in comparison.sentences
        if (s.article_id, s.index) == (announced[0].span.article_id, announced[0].span.sentence_index)
    )
    assert "White House announced" in sentence.text
    # France 24 and SBS say only "Friday": dated through the Straits Times' date, and marked so
    corroborated = {m.span.article_id for m in event.mentions if m.basis is DateBasis.CORROBORATED}
    assert len(corroborated) == 2


def test_example_timeline_order_and_summit_month(comparison: Comparison) -> None:
    firsts = [e.when.first for e in comparison.timeline]
    assert firsts == sorted(firsts)
    summit = next(e for e in comparison.timeline if e.when.first == date(2019, 2, 21))
    assert summit.when.label == "late February 2019"
    assert len(summit.articles) == 3
    assert any(e.when.label == "June 2018" and len(e.articles) == 3 for e in comparison.timeline)


def test_example_unresolved_listed_not_guessed(comparison: Comparison) -> None:
    phrases = {m.span.text for m in comparison.unresolved}
    assert {"a year ago", "next month", "last November"} <= phrases
    assert all(m.when is None and m.note for m in comparison.unresolved)
