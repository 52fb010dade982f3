"""One tokenizer pass over several texts gives each text's words, in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.text.tokens import TEXT_BREAK, words, words_of_texts

_TEXT = st.text(alphabet=st.sampled_from([*"ab9 'ʼ’\n.-Σİ", TEXT_BREAK]), max_size=30)


def _one_at_a_time(texts: list[str]) -> list[str]:
    joined: list[str] = []
    for number, text in enumerate(texts):
        joined += ([TEXT_BREAK] if number else []) + words(text)
    return joined


@given(st.lists(_TEXT, max_size=6))
def test_tokens_words_of_texts_are_each_texts_words(texts: list[str]) -> None:
    assert words_of_texts(texts) == _one_at_a_time(texts)


def test_tokens_words_of_texts_keep_texts_apart() -> None:
    assert words_of_texts(["It's Kim's", "don", "'t stop", ""]) == [
        "it's", "kim's", TEXT_BREAK, "don", TEXT_BREAK, "t", "stop", TEXT_BREAK
    ]  # fmt: skip
