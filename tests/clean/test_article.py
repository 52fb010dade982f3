"""Cleaning: the golden must-drop and must-keep lines of the bundled example, and small cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.clean import clean_article, clean_articles
from newsfuse.model import Cleaned, DropReason
from newsfuse.read import read_all
from tests.conftest import EXAMPLE_DIR, make_article

REPEATED = "North Korea's Kim Yong-chol is one of the country's top negotiators."

# Every junk line of the three reports, with why it goes (issue 2 §2).
MUST_DROP: dict[str, dict[str, DropReason]] = {
    "france24.txt": {
        "Saul Loeb, AFP | (FILES) In this file photo taken on June 12, 2018, US President Donald Trump (R) meets "
        "with North Korea's leader Kim Jong-un (L) at the start of their US-North Korea summit, at the Capella "
        "Hotel on Sentosa Island in Singapore.": DropReason.CAPTION,
        "(FRANCE 24 with AFP)": DropReason.SIGNOFF,
        "Daily newsletterReceive essential international news every morning": DropReason.PROMO,
    },
    "sbs.txt": {
        "North America": DropReason.SECTION,
        "President Trump plans to meet North Korea leader Kim Jong-un near the end of February. Source: AAP": (
            DropReason.CAPTION
        ),
        REPEATED: DropReason.REPEAT,  # the second of two copies in a row
        "Stay up to date with SBS NEWS": DropReason.PROMO,
        "• App": DropReason.SHARE,
        "• Subscribe": DropReason.SHARE,
        "• Follow": DropReason.SHARE,
        "• Listen": DropReason.SHARE,
        "• Watch": DropReason.SHARE,
    },
    "straitstimes.txt": {
        "SPH Brightcove Video": DropReason.CAPTION,
        "The White House announced a second summit will be held between President Trump and North Korean leader "
        "Kim Jung Un, likely at the end of February, as Pyongyang's nuclear envoy met Trump at the White "
        "House.": DropReason.CAPTION,  # the video's description, under the player label
        "US President Donald Trump and North Korean leader Kim Jong Un meeting in Singapore on June 12, 2018. "
        "The next Trump-Kim summit appears likely to take place in Vietnam. ST PHOTO: KEVIN LIM": DropReason.CAPTION,
        "Join ST's Telegram channel and get the latest breaking news delivered to you.": DropReason.PROMO,
    },
}
TITLES = {
    "france24.txt": "Trump and N. Korea's Kim Jong-un to hold second summit next month",
    "sbs.txt": "Trump to meet Kim Jong-un in February for second US-North Korea summit",
    "straitstimes.txt": "Trump-Kim summit in February expected to take place in Vietnam",
}
SOURCES = {"france24.txt": "France 24", "sbs.txt": "SBS News", "straitstimes.txt": "Bloomberg"}


def _must_keep(name: str) -> list[str]:
    """Every line of the report that is neither junk nor its title: each must survive verbatim."""
    lines = [line.strip() for line in (EXAMPLE_DIR / name).read_text(encoding="utf-8").split("\n")]
    keep = []
    for line in lines:
        if line == REPEATED and REPEATED not in keep:
            keep.append(line)  # the first copy is the report's sentence; the second is the repeat
        elif line and line not in MUST_DROP[name] and line != TITLES[name]:
            keep.append(line)
    return keep


def _cleaned_by_name() -> dict[str, Cleaned]:
    report = read_all([EXAMPLE_DIR])
    return {Path(c.article.path or "").name: c for c in clean_articles(report.articles)}


@pytest.mark.issue(2)
@pytest.mark.parametrize("name", sorted(MUST_DROP))
def test_clean_example_drops_every_junk_line_with_its_reason(name: str) -> None:
    cleaned = _cleaned_by_name()[name]
    dropped = {d.line: d.reason for d in cleaned.dropped}
    assert dropped == MUST_DROP[name]
    kept_lines = cleaned.article.text.split("\n")
    for line in MUST_DROP[name]:
        if line != REPEATED:
            assert line not in kept_lines


@pytest.mark.issue(2)
@pytest.mark.parametrize("name", sorted(MUST_DROP))
def test_clean_example_keeps_every_line_of_the_report_verbatim(name: str) -> None:
    cleaned = _cleaned_by_name()[name]
    article = cleaned.article
    kept_lines = [line.strip() for line in article.text.split("\n") if line.strip()]
    for line in _must_keep(name):
        assert line in kept_lines, f"cleaning dropped a sentence of the report: {line!r}"
    assert kept_lines == _must_keep(name)  # nothing else, in the report's order
    assert article.title == TITLES[name]
    assert TITLES[name] not in kept_lines


@pytest.mark.issue(2)
def test_clean_example_repeated_sentence_kept_once() -> None:
    text = _cleaned_by_name()["sbs.txt"].article.text
    assert text.count(REPEATED) == 1


@pytest.mark.issue(2)
def test_clean_example_must_keep_list_is_the_whole_report() -> None:
    # guards the golden list itself: 3 reports, every body line accounted for
    counts = {name: len(_must_keep(name)) for name in MUST_DROP}
    assert counts == {"france24.txt": 21, "sbs.txt": 16, "straitstimes.txt": 11}


@pytest.mark.issue(2)
@pytest.mark.parametrize(("name", "source"), sorted(SOURCES.items()))
def test_clean_example_source_inferred(name: str, source: str) -> None:
    assert _cleaned_by_name()[name].article.source == source


def test_clean_keeps_article_id_and_metadata() -> None:
    article = make_article("The summit is set.\n\n(FRANCE 24 with AFP)", title="Summit", source="Le Monde")
    cleaned = clean_article(article)
    assert cleaned.article.id == article.id
    assert cleaned.article.source == "Le Monde"  # metadata wins over a sign-off
    assert cleaned.article.text == "The summit is set."


def test_clean_headline_repeated_in_body_dropped_as_title() -> None:
    article = make_article(
        "Summit set for February\n\nThe leaders will meet in Hanoi.", title="Summit set for February"
    )
    cleaned = clean_article(article)
    assert cleaned.article.text == "The leaders will meet in Hanoi."
    assert [(d.line, d.reason) for d in cleaned.dropped] == [("Summit set for February", DropReason.TITLE)]


def test_clean_dateline_agency_gives_source() -> None:
    article = make_article("SEOUL, Jan 20 (Reuters) - North Korea said on Sunday the talks would go ahead.")
    assert clean_article(article).article.source == "Reuters"


def test_clean_sentence_mentioning_a_photo_is_kept() -> None:
    text = "Officials said the photo of the two leaders would be released on Friday, after the talks."
    assert clean_article(make_article(text)).article.text == text


def test_clean_same_sentence_in_two_paragraphs_apart_is_kept() -> None:
    text = "Kim will travel by train.\n\nThe talks will last two days.\n\nKim will travel by train."
    assert clean_article(make_article(text)).article.text == text


def test_clean_outlet_boilerplate_across_three_articles_dropped() -> None:
    tagline = "Reporting from the Korean peninsula since 1990."
    articles = [
        make_article(f"Story number {n} about the talks in Hanoi.\n\n{tagline}", source="Korea Wire") for n in range(3)
    ]
    cleaned = clean_articles(articles)
    assert all(tagline not in c.article.text for c in cleaned)
    assert all(any(d.reason is DropReason.BOILERPLATE for d in c.dropped) for c in cleaned)


def test_clean_two_articles_sharing_a_line_keep_it() -> None:
    quote = '"We will do our best to facilitate the meeting," he said.'
    articles = [make_article(f"Story {n} from Hanoi.\n\n{quote}", source="Korea Wire") for n in range(2)]
    assert all(quote in c.article.text for c in clean_articles(articles))


# A one-line scrape (Multi-News, many feeds): the photo caption and the report share the line.
ONE_LINE_REPORT = (
    "In this photo taken Jan. 14, 2015, a volcano erupts near Tonga in the South Pacific Ocean. "
    "A volcanic eruption in Tonga has created a new island, although one scientist said Wednesday it could soon "
    "disappear. The island is about a mile long and rises 820 feet above the sea, officials said. "
    "Pilots flying over the area first reported the plume of ash in December, and flights were cancelled for days."
)


def test_clean_caption_in_a_one_line_report_drops_the_caption_only() -> None:
    cleaned = clean_article(make_article(ONE_LINE_REPORT))
    assert cleaned.article.text.startswith("A volcanic eruption in Tonga has created a new island")
    assert cleaned.article.text.endswith("flights were cancelled for days.")
    assert [(d.line, d.reason) for d in cleaned.dropped] == [
        (
            "In this photo taken Jan. 14, 2015, a volcano erupts near Tonga in the South Pacific Ocean.",
            DropReason.CAPTION,
        )
    ]


def test_clean_short_caption_line_still_dropped_whole() -> None:
    caption = "In this photo taken Jan. 14, 2015, a volcano erupts near Tonga."
    cleaned = clean_article(make_article(f"{caption}\n\nThe island is about a mile long."))
    assert cleaned.article.text == "The island is about a mile long."
    assert [d.reason for d in cleaned.dropped] == [DropReason.CAPTION]
