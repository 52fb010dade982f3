"""Edge cases first: no article, one article, identical wire copies."""

from __future__ import annotations

import json

import pytest

import newsfuse
from newsfuse.render import RENDERERS
from tests.conftest import make_article

REPORT = (
    "President Donald Trump will meet North Korean leader Kim Jong-un near the end of February, the White House "
    "said on Friday.\n\n"
    "The announcement followed a 90-minute meeting between Trump and Kim Yong Chol at the White House.\n\n"
    "Vietnam is the most likely venue for the second summit, officials said."
)


def test_summarize_no_articles_gives_empty_summary() -> None:
    summary = newsfuse.summarize([])
    assert summary.sentences == ()
    assert summary.articles == ()
    assert summary.text == ""
    assert summary.word_count == 0


def test_summarize_articles_with_no_text_left_after_cleaning_are_dropped() -> None:
    summary = newsfuse.summarize(["Stay up to date with SBS NEWS\n\n• App\n• Subscribe", REPORT])
    assert [a.text for a in summary.articles] == [REPORT]


def test_summarize_one_article_cites_it_alone() -> None:
    article = make_article(REPORT, title="Summit in February")
    summary = newsfuse.summarize([article], max_words=60)
    assert summary.sentences
    assert summary.articles == (article,)
    for sentence in summary.sentences:
        assert sentence.sources == (article.id,)
        assert sentence.text in REPORT


def test_summarize_identical_wire_copies_summarized_once() -> None:
    summary = newsfuse.summarize([REPORT, REPORT, REPORT], max_words=60)
    assert summary.sentences
    texts = [s.text for s in summary.sentences]
    assert len(texts) == len(set(texts)), "a copy's sentence repeated in the summary"
    assert all(text in REPORT for text in texts)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_summarize_identical_wire_copies_never_show_a_number_twice(fmt: str) -> None:
    summary = newsfuse.summarize([REPORT, REPORT], max_words=60)
    rendered = RENDERERS[fmt](summary, ())
    assert summary.sentences
    if fmt == "json":
        assert all(s["citations"] == [1] for s in json.loads(rendered)["sentences"])
    else:
        mark = "[\\[1\\]](#source-1)" if fmt == "md" else "[1]"
        assert mark in rendered
        assert mark + mark not in rendered


def test_summarize_identical_wire_copies_sources_have_no_duplicate_ids() -> None:
    summary = newsfuse.summarize([REPORT, REPORT, REPORT], max_words=60)
    for sentence in summary.sentences:
        assert len(sentence.sources) == len(set(sentence.sources))


def test_summarize_unrelated_articles_still_summarized() -> None:
    summary = newsfuse.summarize(
        [
            "The zoo in Hanoi will close its elephant house for repairs next spring, the city said.",
            "Oil prices rose sharply on Monday after the cartel agreed to cut production by a million barrels.",
        ],
        max_words=50,
    )
    assert summary.sentences
    assert all(len(s.sources) == 1 for s in summary.sentences)


@pytest.mark.issue(2)
def test_summarize_budget_fill_never_takes_an_opening_quote_piece() -> None:
    text = (
        "The mayor spoke on Monday about the plan for the new city park.\n\n"
        '"We do not know the final decision on the park yet. However, if it happens here, '
        'we will do our best to finish it by summer," the mayor said.'
    )
    summary = newsfuse.summarize([text], max_words=40)
    assert summary.sentences
    assert not any(s.text.startswith('"We do not know') for s in summary.sentences)


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    "texts", [["|"], ["|", "* * *"], ["|", "The council approved the new budget on Monday evening."]]
)
def test_summarize_an_article_with_no_word_in_it(texts: list[str]) -> None:
    # a stored story of one scraped article whose text is "|" used to crash the summarizer (and its web page)
    summary = newsfuse.summarize(texts, max_words=50)
    assert all(s.text.strip() for s in summary.sentences)
    assert len(summary.articles) == len(texts)
