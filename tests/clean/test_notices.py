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


WIDGETS = [
    "Whenever Jane Smith posts new content, you ' ll get an email delivered to your inbox with a link.",
    "Gofundme has verified that the funds raised will go directly to the intended recipient. What does verified mean?",
    "The new european data protection law requires us to inform you of the following before you use our website: "
    "we use cookies and other technologies to customize your experience, perform analytics and deliver personalized "
    "advertising on our sites, apps and newsletters and across the internet based on your interests. By clicking "
    '" i agree " below, you consent to the use by us and our third-party partners of cookies and data gathered from '
    "your use of our platforms.",
    "Re-enter zip code or sign up for digital access. Get digital access",
    "Your reaction? sorry, but you can only react up to 3 times! oops! it looks like you've already used that "
    "reaction on this post.",
    "The seed for wide00014 was: - slash pages from every domain on the web: -- a ranking of all urls that have more "
    "than one incoming inter-domain link ( rank was determined by number of incoming links using wide00012 "
    "inter domain links ) -- up to a maximum of 100 most highly ranked urls per domain",
    "Thank you for reading!",
    "Please sign in why are we asking this? by submitting your registration information, you agree to our terms of "
    "service and privacy policy.",
    "See our privacy policy and third party partners to learn more about the use of data and your rights. You also "
    "agree to our terms of service.",
    "Please check the url for proper spelling and capitalization. If you're having trouble locating a destination, "
    "try visiting the home page.",
]


@pytest.mark.issue(8)
@pytest.mark.parametrize("page", WIDGETS)
def test_clean_a_page_of_widgets_leaves_no_story(page: str) -> None:
    # a scrape that returned a page's follow, fundraiser, consent, paywall or reaction widget instead of the
    # report: left as text, every such page would look alike and make one "story" of unrelated reports
    assert clean_article(make_article(page)).article.text == ""


@pytest.mark.issue(8)
def test_clean_newsletter_box_run_into_the_first_sentence_only_its_words_go() -> None:
    lead = "A grieving husband who believed he had buried his wife was shocked when she appeared on a tv programme."
    box = (
        "Get daily news updates directly to your inbox subscribe thank you for subscribing we have more newsletters "
        "show me see our privacy notice could not subscribe, try again later invalid email"
    )
    assert clean_article(make_article(f"{box} {lead} He had held a funeral.")).article.text == (
        f"{lead} He had held a funeral."
    )


@pytest.mark.issue(8)
def test_clean_report_after_an_archive_description_stays() -> None:
    report = (
        "Bevington object update: the best single piece of evidence just got better, the group said on Monday. "
        "The strength of the hypothesis is that so many unrelated avenues of investigation, archival records, "
        "artifacts and photographs, all point to the same conclusion about the island."
    )
    cleaned = clean_article(make_article(f"{ARCHIVE_NOTICE} {ARCHIVE_NOTICE} {report}"))
    assert cleaned.article.text == report


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
        "Organisers said they had verified that the funds raised would reach the family. The drive ends Friday.",
        "Thank you for reading the letter aloud, the judge told the widow before the sentencing went on.",
        "Archivists said the seed for the collection was a list of city hall pages. The work took a year.",
        "Voters who moved must re-enter their address online, the county clerk said on Monday.",
        '"Thank you for your interest in our work," the spokesman said. The lab opens in May.',
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
