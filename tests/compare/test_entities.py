"""Entities: variants merged, different people kept apart, on small crafted articles."""

from __future__ import annotations

import pytest

from newsfuse.compare.entities import find_entities, name_tokens, variant_of
from newsfuse.compare.ner import RECOGNIZERS, spacy_available
from newsfuse.model import Article, Entity, EntityKind
from newsfuse.text.sentences import split_sentences

RECOGNIZER_NAMES = [
    "classic",
    pytest.param("spacy", marks=pytest.mark.skipif(not spacy_available(), reason="the ner extra is not installed")),
]


def _entities(texts: list[str], recognizer: str = "classic") -> tuple[Entity, ...]:
    articles = [Article.from_text(text) for text in texts]
    sentences = {a.id: split_sentences(a.text, a.id) for a in articles}
    return find_entities(articles, sentences, RECOGNIZERS[recognizer])


def _named(entities: tuple[Entity, ...], variant: str) -> Entity:
    return next(e for e in entities if variant in e.variants)


@pytest.mark.parametrize("recognizer", RECOGNIZER_NAMES)
def test_entities_variants_merged_across_articles(recognizer: str) -> None:
    entities = _entities(
        [
            "North Korean leader Kim Jong-un met Secretary of State Mike Pompeo in Singapore. The U.S. welcomed it.",
            "North Korean leader Kim Jung Un met Secretary of State Michael Pompeo in Singapore. The United States welcomed it.",
            "North Korean leader Kim Jong Un met envoy Kim Yong-chol in Pyongyang. Vice Chairman Kim Yong Chol agreed.",
        ],
        recognizer,
    )
    kim = _named(entities, "Kim Jong-un")
    assert {"Kim Jong-un", "Kim Jung Un", "Kim Jong Un"} <= set(kim.variants)
    assert kim.kind is EntityKind.PERSON
    assert {"Mike Pompeo", "Michael Pompeo"} <= set(_named(entities, "Mike Pompeo").variants)
    assert {"U.S.", "United States"} <= set(_named(entities, "United States").variants)
    envoy = _named(entities, "Kim Yong-chol")
    assert {"Kim Yong-chol", "Kim Yong Chol"} <= set(envoy.variants)
    assert envoy.id != kim.id  # different people kept apart


def test_entities_ambiguous_short_name_left_out() -> None:
    entities = _entities(["Kim Jong Un met Kim Yong Chol. Later Kim left."])
    assert all("Kim" not in e.variants for e in entities)
    assert {e.name for e in entities} >= {"Kim Jong Un", "Kim Yong Chol"}


def test_entities_unique_surname_joins_full_name() -> None:
    entities = _entities(["Secretary of State Mike Pompeo spoke. Pompeo then left for Hanoi."])
    assert set(_named(entities, "Mike Pompeo").variants) == {"Mike Pompeo", "Pompeo"}
    assert _named(entities, "Hanoi").kind is EntityKind.PLACE


def test_entities_kinds_from_cues() -> None:
    entities = _entities(["Officials of the White House flew to Ho Chi Minh City, the AFP news agency said."])
    kinds = {e.name: e.kind for e in entities}
    assert kinds["White House"] is EntityKind.ORGANIZATION
    assert kinds["Ho Chi Minh City"] is EntityKind.PLACE
    assert kinds["AFP"] is EntityKind.ORGANIZATION


def test_entities_descriptions_collected() -> None:
    entities = _entities(["Vice Chairman Kim Yong Chol, a right-hand man to the leader, met Trump."])
    assert [d.text for d in _named(entities, "Kim Yong Chol").descriptions] == [
        "Vice Chairman",
        "a right-hand man to the leader",
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kim Jong Un", "Kim Jung Un", True),
        ("Kim Jong Un", "Kim Yong Chol", False),
        ("Kim Yong Chol", "Kim Yong Chul", True),
        ("Kim Jong Un", "Kim Yong Un", False),  # one letter, but not the same first letter
        ("Moon Jae-in", "Moon Jae-un", False),  # two-letter parts never fuzzy
        ("Hanoi", "Hanoy", False),  # one-word names merge only by key or containment
    ],
)
def test_entities_variant_rule(a: str, b: str, same: bool) -> None:
    assert variant_of(name_tokens(a), name_tokens(b)) is same


def test_entities_name_tokens_aliases_and_nicknames() -> None:
    assert name_tokens("U.S.") == name_tokens("United States") == ("united", "states")
    assert name_tokens("Mike Pompeo") == name_tokens("Michael Pompeo")
    assert name_tokens("Kim Jong-un") == name_tokens("Kim Jong Un")
