"""Trimming and clipping: what a summary sentence may leave out of its source sentence, and what it may not."""

from __future__ import annotations

import pytest

import newsfuse
from newsfuse.summarize.trim import ELLIPSIS, clip_sentence, trim_sentence


@pytest.mark.parametrize(
    ("text", "trimmed"),
    [
        (
            "Sen. Ted Cruz (R-Texas) said the bill would fail in the Senate.",
            "Sen. Ted Cruz said the bill would fail in the Senate.",
        ),
        (
            "The queen (pictured) opened the new bridge over the Thames on Monday.",
            "The queen opened the new bridge over the Thames on Monday.",
        ),
    ],
)
def test_trim_sentence_drops_asides(text: str, trimmed: str) -> None:
    assert trim_sentence(text) == trimmed


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) - Officials are planning a second summit in Vietnam.",  # a dateline, not an aside
        "The fire (a big one) killed 12 people.",  # what is left would be too short to stand alone
        "He said the plan was dead and buried for good.",  # nothing to take out
    ],
)
def test_trim_sentence_keeps_what_it_must(text: str) -> None:
    assert trim_sentence(text) == text


def test_clip_sentence_cuts_only_where_a_clause_ends() -> None:
    text = "The plant in Amiens employs 1,173 people, and Goodyear wants to close it by the end of the year."
    assert clip_sentence(text, 10) == "The plant in Amiens employs 1,173 people" + ELLIPSIS
    assert clip_sentence(text, 6) is None  # the first clause alone has seven words
    assert clip_sentence("A sentence with no clause boundary at all in it.", 8) is None


def test_clip_sentence_never_exceeds_the_room() -> None:
    text = "First, the summit opened; then, the leaders met, and the talks went on: late into the night."
    for room in range(1, 20):
        clipped = clip_sentence(text, room)
        assert clipped is None or (len(clipped.split()) <= room and clipped.endswith(ELLIPSIS))


def test_clip_fills_the_room_whole_sentences_leave_with_source_words() -> None:
    first = "The storm hit the coast of Florida on Sunday morning with winds of 130 miles an hour."
    second = (
        "Officials ordered six million people to leave their homes, and shelters across the state filled up"
        " as the storm moved north toward Tampa."
    )
    summary = newsfuse.summarize([f"{first} {second}", f"{first} {second}"], max_words=30)
    assert summary.word_count <= 30
    assert [sentence.text for sentence in summary.sentences] == [
        first,
        "Officials ordered six million people to leave their homes" + ELLIPSIS,
    ]
    assert summary.sentences[1].origin.text == second


def test_trimmed_sentence_keeps_its_origin_span() -> None:
    text = "Sen. Ted Cruz (R-Texas) said on Tuesday that the bill would fail in the Senate this year."
    summary = newsfuse.summarize([text, text + " It rained all day in Washington on Tuesday."], max_words=40)
    shown = summary.sentences[0]
    assert shown.text == "Sen. Ted Cruz said on Tuesday that the bill would fail in the Senate this year."
    assert shown.origin.text == text
