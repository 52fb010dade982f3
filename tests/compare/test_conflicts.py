"""Contested values on crafted reports: numbers, dates, attributions, and what is not a conflict."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.compare.roles import same_role
from newsfuse.model import Article, Comparison, ConflictKind

QUAKE = (
    "A powerful earthquake struck the coastal city of Kobe early on Tuesday, local officials said.\n\n"
    "The earthquake killed {dead} people and injured dozens more in the old harbour district, the fire department said.\n\n"
    "Rescue teams from Osaka searched collapsed buildings through the night for {missing} missing residents.\n\n"
    "{extra}"
)
# What the second outlet writes around the shared sentences, so that the two are not copies of one text.
OWN_WORDS = (
    "Trains between the two cities were halted while engineers inspected the tracks for damage.\n\n"
    "Shops near the port stayed shut and long queues formed at the few petrol stations still open.\n\n"
    "The national weather agency warned of aftershocks in the coming days and advised residents to stay outdoors.\n\n"
)


def _compare(*texts: str, sources: tuple[str, ...] = ("Outlet A", "Outlet B")) -> Comparison:
    articles = [
        Article.from_text(text if number == 0 else OWN_WORDS + text, source=source, published=date(2024, 3, 5))
        for number, (text, source) in enumerate(zip(texts, sources, strict=True))
    ]
    return compare_articles(articles, CompareConfig(ner="classic"))


@pytest.mark.issue(4)
def test_conflicts_contradicted_number() -> None:
    comparison = _compare(
        QUAKE.format(dead="12", missing="40", extra="The mayor visited the shelters."),
        QUAKE.format(dead="15", missing="40", extra="Schools stayed closed."),
    )
    numbers = [c for c in comparison.conflicts if c.kind is ConflictKind.NUMBER]
    assert len(numbers) == 1
    assert sorted(side.value for side in numbers[0].sides) == ["12 people", "15 people"]
    assert not numbers[0].partial
    assert all(side.spans and side.spans[0].text in {"12 people", "15 people"} for side in numbers[0].sides)


def test_conflicts_same_numbers_and_spelling_variants_agree() -> None:
    comparison = _compare(
        QUAKE.format(dead="12", missing="40", extra="Talks on denuclearization resumed in Seoul on Monday."),
        QUAKE.format(dead="twelve", missing="forty", extra="Talks on denuclearisation resumed in Seoul on Monday."),
    )
    assert comparison.agreed
    assert comparison.conflicts == ()


def test_conflicts_contradicted_weekday() -> None:
    comparison = _compare(
        QUAKE.format(dead="12", missing="40", extra=""),
        QUAKE.format(dead="12", missing="40", extra="").replace("early on Tuesday", "early on Wednesday"),
    )
    dates = [c for c in comparison.conflicts if c.kind is ConflictKind.DATE]
    assert dates
    assert {side.value for side in dates[0].sides} == {"Tuesday", "Wednesday"}


def test_conflicts_contradicted_attribution() -> None:
    comparison = _compare(
        QUAKE.format(dead="12", missing="40", extra=""),
        QUAKE.format(dead="12", missing="40", extra="").replace("the fire department said", "the coast guard said"),
    )
    attributions = [c for c in comparison.conflicts if c.kind is ConflictKind.ATTRIBUTION]
    assert [sorted(side.value for side in c.sides) for c in attributions] == [
        ["the coast guard", "the fire department"]
    ]


def test_conflicts_one_source_alone_contests_nothing() -> None:
    comparison = _compare(QUAKE.format(dead="12", missing="40", extra=""), sources=("Outlet A",))
    assert comparison.conflicts == ()
    assert comparison.agreed == ()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("President", "US President", True),
        ("US President", "United States President", True),
        ("North Korean leader", "North Korea's leader", True),
        ("Vice Chairman", "top North Korean general", False),
        ("spokeswoman", "Trump spokeswoman", True),
    ],
)
def test_conflicts_same_role(a: str, b: str, same: bool) -> None:
    assert same_role(a, b) is same
