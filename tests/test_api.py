"""The Python API: `newsfuse.summarize` on strings and Articles, and the public names."""

from __future__ import annotations

import newsfuse
from newsfuse import Article
from newsfuse.read import read_all
from tests.conftest import EXAMPLE_DIR, make_article

REPORT_A = (
    "President Donald Trump will meet North Korean leader Kim Jong-un near the end of February, the White House "
    "said on Friday.\n\nThe announcement followed a 90-minute meeting between Trump and Kim Yong Chol."
)
REPORT_B = (
    "Trump will hold a second summit with Kim Jong-un near the end of February, the White House said.\n\n"
    "Kim Yong Chol met Trump for 90 minutes at the White House on Friday.\n\n"
    "Daily newsletterReceive essential international news every morning"
)


def test_api_all_snapshot() -> None:
    assert sorted(newsfuse.__all__) == [
        "Article",
        "Citation",
        "Cleaned",
        "ConfigError",
        "DropReason",
        "DroppedLine",
        "Fact",
        "InputError",
        "MissingExtra",
        "NewsfuseError",
        "Problem",
        "Sentence",
        "StoreError",
        "Summary",
        "SummaryConfig",
        "SummarySentence",
        "__version__",
        "compare",
        "read_all",
        "summarize",
    ]
    assert all(hasattr(newsfuse, name) for name in newsfuse.__all__)


def test_api_summarize_strings() -> None:
    summary = newsfuse.summarize([REPORT_A, REPORT_B], max_words=60)
    assert isinstance(summary, newsfuse.Summary)
    assert summary.text == " ".join(s.text for s in summary.sentences)
    assert summary.sentences[0].sources
    ids = {a.id for a in summary.articles}
    assert all(set(s.sources) <= ids for s in summary.sentences)


def test_api_string_id_derived_from_content() -> None:
    first = newsfuse.summarize([REPORT_A, REPORT_B])
    again = newsfuse.summarize([REPORT_A, REPORT_B])
    assert [a.id for a in first.articles] == [a.id for a in again.articles]
    assert first.articles[0].id == Article.from_text(REPORT_A).id
    assert first.articles[0].id != first.articles[1].id
    assert first == again  # same input, same output


def test_api_articles_in_input_order_after_cleaning() -> None:
    summary = newsfuse.summarize([REPORT_B, REPORT_A])
    assert [a.id for a in summary.articles] == [Article.from_text(REPORT_B).id, Article.from_text(REPORT_A).id]
    assert "Daily newsletter" not in summary.articles[0].text  # cleaned, same id
    assert summary.articles[1].text == REPORT_A


def test_api_summarize_articles_keeps_their_ids_and_metadata() -> None:
    a = make_article(REPORT_A, id="mine-1", title="Summit", source="France 24")
    b = make_article(REPORT_B, id="mine-2")
    summary = newsfuse.summarize([a, b])
    assert [x.id for x in summary.articles] == ["mine-1", "mine-2"]
    assert (summary.articles[0].title, summary.articles[0].source) == ("Summit", "France 24")
    assert summary.citation_number("mine-2") == 2


def test_api_read_all_then_summarize_the_example() -> None:
    report = read_all([EXAMPLE_DIR])
    summary = newsfuse.summarize(report.articles, max_words=120)
    assert [a.source for a in summary.articles] == ["France 24", "SBS News", "Bloomberg"]
    assert 0 < summary.word_count <= 120
    assert summary.engine == "classic"
