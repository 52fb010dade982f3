"""The budget: max_words and max_sentences are hard caps, checked when configured."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfuse
from newsfuse.config import SummaryConfig
from newsfuse.errors import ConfigError
from newsfuse.model import Article
from newsfuse.read import read_all
from tests.conftest import EXAMPLE_DIR, sentence_with_words


@cache
def _example() -> tuple[Article, ...]:
    return read_all([EXAMPLE_DIR]).articles


@settings(max_examples=25)
@given(st.integers(min_value=1, max_value=200))
def test_budget_max_words_never_exceeded_on_example(max_words: int) -> None:
    summary = newsfuse.summarize(_example(), max_words=max_words)
    assert summary.word_count <= max_words
    assert summary.max_words == max_words


@pytest.mark.parametrize("max_sentences", [1, 2, 3, 5])
def test_budget_max_sentences_respected(max_sentences: int) -> None:
    summary = newsfuse.summarize(_example(), max_words=None, max_sentences=max_sentences)
    assert len(summary.sentences) == max_sentences  # the example has far more to say than this


@pytest.mark.parametrize(("max_words", "max_sentences"), [(120, 2), (40, 10), (60, 3)])
def test_budget_both_caps_respected_together(max_words: int, max_sentences: int) -> None:
    summary = newsfuse.summarize(_example(), max_words=max_words, max_sentences=max_sentences)
    assert summary.word_count <= max_words
    assert len(summary.sentences) <= max_sentences
    assert summary.sentences, "a budget this size fits at least one sentence of the example"


def test_budget_sentence_of_exactly_max_words_fits() -> None:
    text = sentence_with_words(12)
    summary = newsfuse.summarize([text, text + " It rained."], max_words=12)
    assert summary.word_count == 12
    assert summary.text == text


def test_budget_sentence_one_word_over_is_left_out() -> None:
    text = sentence_with_words(12)
    summary = newsfuse.summarize([text], max_words=11)
    assert summary.sentences == ()


def test_budget_word_count_is_whitespace_words_of_the_text() -> None:
    summary = newsfuse.summarize(_example(), max_words=120)
    assert summary.word_count == len(summary.text.split())


@pytest.mark.parametrize(
    ("max_words", "max_sentences", "message"),
    [
        (0, None, "max_words must be at least 1, got 0"),
        (-5, None, "max_words must be at least 1, got -5"),
        (None, 0, "max_sentences must be at least 1, got 0"),
        (100, -1, "max_sentences must be at least 1, got -1"),
        (None, None, "a summary needs a budget: set max_words or max_sentences"),
    ],
)
def test_budget_out_of_range_is_a_config_error(max_words: int | None, max_sentences: int | None, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        newsfuse.summarize(["Some text about the summit."], max_words=max_words, max_sentences=max_sentences)
    with pytest.raises(ConfigError):
        SummaryConfig(max_words=max_words, max_sentences=max_sentences)


def test_budget_unknown_engine_names_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown summarization engine 'gpt'; expected one of: classic"):
        newsfuse.summarize(["Some text about the summit."], engine="gpt")
