"""Date expressions and their resolution against an article's date."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.compare.dates import Anchor, Form, article_anchor, find_expressions, resolve
from newsfuse.model import Article, DateBasis, Granularity
from newsfuse.text.sentences import split_sentences

SUNDAY = Anchor(date(2019, 1, 20), DateBasis.METADATA, exact=True)


def _resolve(sentence: str, anchor: Anchor | None = SUNDAY, latest_year: int | None = None) -> list[str | None]:
    return [
        (when.label if when else None)
        for when, _ in (resolve(e, anchor, latest_year) for e in find_expressions(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("The White House said Friday that talks went well.", ["Friday 18 January 2019"]),
        ("The White House announced last Friday (Jan 18) the summit.", ["Friday 18 January 2019"]),
        ("Trump will meet Kim next Friday.", ["Friday 25 January 2019"]),
        ("The two will meet on Friday.", ["Friday 25 January 2019"]),
        ("They held their first meeting in June in Singapore.", ["June 2018"]),
        ("The summit would take place near the end of February.", ["late February 2019"]),
        ("He visited Beijing last week.", ["week of 7 January 2019"]),
        ("Trump will meet Kim next month.", ["February 2019"]),
        ("Tensions began to abate a year ago.", ["January 2018"]),
        ("The talks of June 12, 2018 and of 2019-01-18.", ["Tuesday 12 June 2018", "Friday 18 January 2019"]),
        ("It was held in 2017, yesterday and today.", ["2017", "Saturday 19 January 2019", "Sunday 20 January 2019"]),
    ],
)
def test_dates_resolved_against_anchor(sentence: str, labels: list[str]) -> None:
    assert _resolve(sentence) == labels


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may meet again.",  # "may" the verb
        "Some 2000 people marched.",  # a count, not a year
        "June Carter sang.",  # a name, not a month
        "The 1950-53 Korean War never formally ended.",  # a range, not a date
        "He came a second time after a 90-minute meeting.",  # dateparser's false hits
    ],
)
def test_dates_not_found_in_non_dates(sentence: str) -> None:
    assert find_expressions(sentence) == ()


def test_dates_weekday_with_date_fixes_the_year_without_anchor() -> None:
    """ "last Friday (Jan 18)" in an article that names 2017: the first Friday 18 January after it is 2019."""
    assert _resolve("announced last Friday (Jan 18)", anchor=None, latest_year=2017) == ["Friday 18 January 2019"]


def test_dates_relative_without_anchor_unresolved() -> None:
    [expression] = find_expressions("The White House said Friday.")
    when, note = resolve(expression, None, None)
    assert when is None
    assert "unknown" in note


def test_dates_today_needs_an_exact_date() -> None:
    [expression] = find_expressions("He said today.")
    when, note = resolve(expression, Anchor(date(2019, 1, 20), DateBasis.TEXT, exact=False), None)
    assert when is None and "exact" in note


def _anchor(text: str, published: date | None = None) -> Anchor | None:
    article = Article.from_text(text, published=published)
    return article_anchor(article, split_sentences(article.text, article.id))


@pytest.mark.issue(4)
def test_dates_dateline_gives_the_article_date() -> None:
    anchor = _anchor("SEOUL, Jan 20, 2019 (Reuters) - North Korea's envoy met Trump on Friday, officials said.")
    assert anchor == Anchor(date(2019, 1, 20), DateBasis.DATELINE, exact=True)
    [expression] = find_expressions("North Korea's envoy met Trump on Friday, officials said.")
    when, _ = resolve(expression, anchor, None)
    assert when is not None and when.first == date(2019, 1, 18) and when.granularity is Granularity.DAY


def test_dates_dateline_without_year_takes_the_text_year() -> None:
    anchor = _anchor("SEOUL, Jan 20 (Reuters) - The envoy, who first came in 2018, met Trump on Friday.")
    assert anchor == Anchor(date(2018, 1, 20), DateBasis.DATELINE, exact=True)


def test_dates_metadata_wins_over_text() -> None:
    anchor = _anchor("The summit of June 12, 2018 was a first.", published=date(2019, 1, 21))
    assert anchor == Anchor(date(2019, 1, 21), DateBasis.METADATA, exact=True)


def test_dates_text_gives_a_lower_bound() -> None:
    anchor = _anchor('"Great meeting," Mr Trump tweeted on Sunday (Jan 20). The summit of June 12, 2018 was a first.')
    assert anchor == Anchor(date(2019, 1, 20), DateBasis.TEXT, exact=False)


def test_dates_future_dates_are_not_the_article_date() -> None:
    assert _anchor("The summit will be held on Feb 27, 2019 in Hanoi.") is None


def test_dates_forms() -> None:
    forms = [e.form for e in find_expressions("On Sunday (Jan 20), late February, last June, earlier this month.")]
    assert forms == [Form.WEEKDAY_DATE, Form.MONTH, Form.MONTH, Form.RELATIVE_PERIOD]


@pytest.mark.issue(4)
def test_dates_dateline_dates_the_timeline_end_to_end() -> None:
    from newsfuse.compare import CompareConfig, compare_articles

    article = Article.from_text(
        "SEOUL, Jan 20, 2019 (Reuters) - North Korea's envoy met President Donald Trump on Friday, officials said.\n\n"
        "The two sides agreed to hold a second summit near the end of February."
    )
    comparison = compare_articles([article], CompareConfig(ner="classic"))
    by_phrase = {m.span.text: (event.when.label, m.basis) for event in comparison.timeline for m in event.mentions}
    assert by_phrase["Friday"] == ("Friday 18 January 2019", DateBasis.DATELINE)
    assert by_phrase["the end of February"] == ("late February 2019", DateBasis.DATELINE)
    assert comparison.unresolved == ()
