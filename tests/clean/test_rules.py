"""Line rules: the shortcut that keeps long plain lines never keeps a line a rule would drop."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean.rules import KEEP, _judge_by_rules, judge_line, lines_with_notices, strip_notices

# plain words of a report: the shortcut must catch a junk line by how it opens and closes
_WORDS = st.sampled_from(
    ["Kim", "met", "Trump", "in", "Hanoi", "said", "Tuesday.", "the", "to", "with", "on", "us", "our", "by", "you",
     "more", "read", "up", "date", "news", "AP", "AFP", "Reuters", "via", "this", "(", ")", "-", ":", ","]
)  # fmt: skip
# how junk lines open and close
_STARTS = st.sampled_from(
    ["", "(", "- ", "— ", "(Reporting by", "Reporting by", "Additional reporting by", "Writing by", "Stay up to date with",
     "Keep informed with", "Sign up", "Subscribe to our", "Register", "Click here", "Tap here", "Download the app",
     "Get the app", "Read more:", "Related:", "Advertisement", "Sponsored", "Recommended", "Most read", "More from",
     "Join us on WhatsApp", "Follow us on Twitter", "Like our page on Facebook", "Subscribe to our channel", "Copyright", "©", "Daily newsletter", "(FILES)",
     "In this file photo", "Saul Loeb, AFP |", "Breaking news and top stories delivered to you"]
)  # fmt: skip
_ENDS = st.sampled_from(
    ["", ")", "channel", "on Telegram", "newsletter", "delivered straight to your inbox", "All rights reserved.",
     "Source: AAP", "Photo: AFP", "PHOTO: REUTERS", "Picture by Jane Doe", "Image: Getty", "Credit: AP",
     "VIDEO: Reuters", "(Getty Images)", "AFP via Getty Images", "AP Photo/Evan Vucci", "EPA-EFE", "(FILE PHOTO)"]
)  # fmt: skip


@settings(max_examples=3000)
@given(st.one_of(st.just(""), _STARTS), st.lists(_WORDS, min_size=5, max_size=12), st.one_of(st.just(""), _ENDS))
def test_rules_long_lines_kept_by_the_shortcut_pass_every_rule(start: str, words: list[str], end: str) -> None:
    line = " ".join([start, *words, end]).strip()
    if judge_line(line) is KEEP:
        assert _judge_by_rules(line) is KEEP


_NOTICE_PARTS = st.sampled_from(
    ["Kim met Trump.", "We use cookies.", "Please enable JavaScript to watch this video", "Learn more",
     "Add this Tweet to your website", "Wayback Machine", "crawl data", "Thank you for subscribing!", "\n", "\n\n",
     "coo\u212aie", "İ", "Σ", "Try again later.", "Already have an account?", " ", "Close"]
)  # fmt: skip


@given(st.lists(_NOTICE_PARTS, max_size=20))
def test_rules_lines_without_a_notice_word_are_left_alone(parts: list[str]) -> None:
    text = " ".join(parts)
    flagged = lines_with_notices(text)
    for number, line in enumerate(text.split("\n")):
        if number not in flagged:
            assert strip_notices(line.rstrip()) == (line.rstrip(), ())
