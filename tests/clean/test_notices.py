"""Site notices (embedded-tweet, cookie, javascript, sign-up and web-archive texts): dropped, reports kept."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean_article
from newsfuse.clean.rules import strip_notices
from newsfuse.model import DropReason
from tests.conftest import make_article

TWEET_NOTICE = (
    "Tweet with a location you can add location information to your tweets, such as your city or precise location, "
    "from the web and via third-party applications. You always have the option to delete your tweet location "
    "history. Learn more"
)
ARCHIVE_NOTICE = (
    "Starting in 1996, alexa internet has been donating their crawl data to the internet archive. Flowing in every "
    "day, these data are added to the wayback machine after an embargo period."
)
REPRINTS = (
    "Dow jones reprints: this copy is for your personal, non-commercial use only. To order presentation-ready copies "
    "for distribution to your colleagues, clients or customers, use the order reprints tool at the bottom of any "
    "article or visit www.djreprints.com"
)
REPORT = "Google plans to begin selling a cellphone directly to consumers as soon as next year."


@pytest.mark.issue(8)
@pytest.mark.parametrize("notice", [TWEET_NOTICE, ARCHIVE_NOTICE, REPRINTS])
def test_clean_notice_alone_leaves_nothing(notice: str) -> None:
    cleaned = clean_article(make_article(notice))
    assert cleaned.article.text == ""
    assert cleaned.dropped and all(line.reason is DropReason.NOTICE for line in cleaned.dropped)


@pytest.mark.issue(8)
def test_clean_notice_in_a_report_paragraph_goes_report_stays() -> None:
    cleaned = clean_article(make_article(f"{REPRINTS} {REPORT} The phone was designed inside Google."))
    assert cleaned.article.text == f"{REPORT} The phone was designed inside Google."


@pytest.mark.issue(8)
def test_clean_notice_run_into_a_sentence_only_its_words_go() -> None:
    text = "Please enable javascript to watch this video he has been sentenced to nearly 25 years."
    assert strip_notices(text) == (
        "he has been sentenced to nearly 25 years.",
        ("Please enable javascript to watch this video",),
    )


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    "text",
    [
        "An archived copy on the Wayback Machine shows the page said the opposite in 2015.",
        "The Internet Archive said on Monday that it would appeal. Its lawyers declined to comment.",
        'At one point the site told visitors to " please try again later, " a spokesman said.',
        "Swimmers did the crawl across the bay. The race ended at noon.",
        "The senator posted a tweet with a location tag that placed her in Miami, aides said, "
        "which contradicted her schedule and the account her office gave reporters on Tuesday evening.",
    ],
)
def test_clean_report_sentences_naming_notice_words_are_kept(text: str) -> None:
    assert clean_article(make_article(text)).article.text == text


@pytest.mark.issue(8)
def test_clean_crawl_description_in_one_sentence_goes() -> None:
    text = (
        "The seed for this crawl was a list of every host in the wayback machine this crawl was run at a level 1 "
        "( urls including their embeds ) the warc files associated with this crawl are not currently available."
    )
    assert clean_article(make_article(text)).article.text == ""


@pytest.mark.issue(8)
def test_clean_scraps_between_notices_go_with_them() -> None:
    text = (
        "Just one more thing... We have sent you a verification email. Please check your email and click on the "
        "link to activate your profile. Close"
    )
    assert clean_article(make_article(text)).article.text == ""
    assert clean_article(make_article(f"He resigned.\n\n{text}")).article.text == "He resigned."


@pytest.mark.issue(8)
def test_clean_report_naming_the_archive_twice_is_kept() -> None:
    text = "The Internet Archive's Wayback Machine kept a copy of the page, which the campaign later deleted."
    assert clean_article(make_article(text)).article.text == text


def test_newsletter_signup_block_in_a_paragraph_goes_whole() -> None:
    block = (
        "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "
        "Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You will "
        "receive emails containing news content, updates and promotions from The Daily. You may opt-out at any time. "
        "Thank you for subscribing. An error has occurred. Please try again later. View all Daily newsletters."
    )
    cleaned = clean_article(make_article(f"The talks ended on Friday.\n\n{block}\n\nKim left by train."))
    assert cleaned.article.text == "The talks ended on Friday.\n\nKim left by train."
