"""The summaries' word index: whole words, phrases, a replaced summary forgotten."""

from __future__ import annotations

from newsfuse.store.summary_words import SummaryWords


def test_summary_words_find_whole_words_and_phrases() -> None:
    words = SummaryWords()
    words.add([("s1", "Police said the summit will be held in Hanoi."), ("s2", "The policeman said nothing.")])
    assert sorted(words.search("said")) == ["s1", "s2"]
    assert words.search("POLICE") == ["s1"]  # case does not matter; "policeman" is another word
    assert words.search("summit will") == ["s1"]
    assert words.search("will summit") == []  # the words, but not the phrase
    assert words.search("  ") == [] and words.search("%") == []
    assert len(words) == 2


def test_summary_words_a_replaced_summary_is_forgotten_unless_told_to_keep_it() -> None:
    words = SummaryWords()
    words.add([("s1", "A fire in the port.")])
    words.add([("s1", "A flood in the port.")])
    assert words.search("fire") == [] and words.search("flood") == ["s1"] and words.search("port") == ["s1"]
    words.add([("s1", "An old summary about a storm.")], replace=False)
    assert words.search("storm") == [] and words.search("flood") == ["s1"]
