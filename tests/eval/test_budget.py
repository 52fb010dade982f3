from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import ConfigError, InputError
from newsfuse.eval.budget import REF_BUDGET, cut_to_budget, parse_budget, word_budget


def test_cut_keeps_whole_sentences_then_truncates_the_last_by_words():
    sentences = ["one two three.", "four five six seven.", "eight nine."]
    assert cut_to_budget(sentences, 5) == ("one two three.", "four five")


def test_cut_exact_fit_keeps_sentences_whole():
    assert cut_to_budget(["a b.", "c d."], 4) == ("a b.", "c d.")


def test_cut_under_budget_returns_everything():
    assert cut_to_budget(["a b.", "c."], 100) == ("a b.", "c.")


def test_cut_skips_empty_sentences_and_normalises_spaces():
    assert cut_to_budget(["", "  a\n b  ", "c d e"], 3) == ("a b", "c")


def test_cut_empty_input_and_zero_budget():
    assert cut_to_budget([], 10) == ()
    assert cut_to_budget(["a b c"], 0) == ()


def test_word_budget_ref_is_the_rounded_mean_reference_length():
    assert word_budget(REF_BUDGET, ["a b c", "a b c d e f g"]) == 5
    assert word_budget(REF_BUDGET, ["a b c", "a b c d"]) == 4  # 3.5: Python rounds half to even


def test_word_budget_fixed_number():
    assert word_budget(250, ["a b"]) == 250


def test_word_budget_ref_without_references_is_an_input_error():
    with pytest.raises(InputError, match="needs references"):
        word_budget(REF_BUDGET, [])


@pytest.mark.parametrize(("text", "expected"), [("ref", "ref"), ("REF", "ref"), ("250", 250), (" 100 ", 100)])
def test_parse_budget(text, expected):
    assert parse_budget(text) == expected


@pytest.mark.parametrize("text", ["0", "-5", "lots", "1.5", ""])
def test_parse_budget_rejects_and_names_what_is_valid(text):
    with pytest.raises(ConfigError, match="expected 'ref' or a positive number"):
        parse_budget(text)


@given(
    st.lists(st.text(alphabet="ab .\n", max_size=30), max_size=8),
    st.integers(min_value=0, max_value=40),
)
def test_cut_never_exceeds_the_budget_and_fills_it_when_it_can(sentences, budget):
    cut = cut_to_budget(sentences, budget)
    available = sum(len(s.split()) for s in sentences)
    assert sum(len(s.split()) for s in cut) == min(budget, available)
    assert " ".join(cut).split() == " ".join(sentences).split()[: min(budget, available)]
