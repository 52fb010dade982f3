"""Line rules: each decides from one line (and its neighbours) whether a reader would skim past it.

The rules were written against the scraped reports in `examples/summit/` and the Multi-News
full-text sample; each is deliberately narrow (a whole line must match), because dropping a
sentence of the report is worse than keeping a line of junk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.model import DropReason

_PROMO = [
    re.compile(r"newsletter\s*(?:receive|sign up|subscribe|get)|^(?:daily|weekly|morning|evening) newsletter", re.I),
    re.compile(r"^(?:stay|keep) (?:up to date|up-to-date|informed|connected) with\b", re.I),
    re.compile(
        r"^(?:sign up|subscribe|register|click here|tap here|download (?:the|our)|get the app|read more|related|advertisement|sponsored|recommended|most read|more from)\b.{0,80}$",
        re.I,
    ),
    re.compile(
        r"^(?:join|follow|subscribe to|like) (?:us|our|[A-Z][\w.]*['’]s)\b.{0,80}\b(?:channel|newsletter|app|telegram|whatsapp|podcast|youtube|instagram|facebook|twitter|page)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:breaking news|the latest news|top stories)\b.{0,40}\b(?:delivered|straight) to (?:you|your)\b", re.I
    ),
    re.compile(r"^(?:copyright|©)|all rights reserved\.?$", re.I),
]
_SHARE_WORDS = frozenset(
    [
        "app",
        "subscribe",
        "follow",
        "listen",
        "watch",
        "share",
        "tweet",
        "email",
        "e-mail",
        "print",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "telegram",
        "comments",
        "comment",
        "save",
        "bookmark",
        "copy",
        "link",
        "x",
    ]
)
_SHARE_MAX_WORDS = 3
_CREDIT_TAIL = re.compile(
    r"""(?:^|[\s.(])(?:[A-Z]{2,}\s)?(?:PHOTO|PHOTOS|PICTURE|IMAGE|VIDEO|Photo|Picture|Image|Credit|Source)s?
        \s*(?::|by)\s*[A-Z][\w.'’/&-]*(?:\s[A-Z][\w.'’/&-]*){0,4}\)?\s*$""",
    re.VERBOSE,
)
_CREDIT_PIPE = re.compile(r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3},\s*[A-Z]{2,}(?:/[A-Z]+)?\s*\|\s")
_FILE_PHOTO = re.compile(
    r"\((?:FILES?|FILE PHOTO)\)|\bin this (?:file )?(?:photo|picture|image)\b|\bAFP via Getty Images\b|\(?Getty Images\)?\s*$|\bAP Photo/|\bEPA-EFE\b",
    re.I,
)
_VIDEO_LABEL = re.compile(r"^(?:[\w-]+\s){0,3}(?:video|video player|watch|play video)$|^(?:watch|video)\s*:", re.I)
_SIGNOFF = re.compile(
    r"^\(\s*(?P<outlet>[A-Z0-9][A-Za-z0-9 .&'’-]{1,40}?)(?:\s+(?:with|and|/)\s+(?P<agency>[A-Za-z .&'’-]{2,30}))?\s*\)$"
    r"|^(?:[-–—]\s*)(?P<wire>Reuters|AP|AFP|Bloomberg|AAP|dpa|Xinhua)$"
    r"|^\(?(?:Reporting|Additional reporting|Writing) by\b.{0,160}(?:Editing by\b.{0,80})?\)?$"
)
_STAY_UP_TO_DATE = re.compile(
    r"^(?:stay|keep) (?:up to date|up-to-date|informed|connected) with (?P<outlet>.+?)\s*$", re.I
)
_SECTION_MAX_WORDS = 3
# Every rule below matches a line of more than five words only through one of these words or marks
# (a new rule must add its own here); longer lines without any are kept without further checks.
_FAST_PATH_WORDS = 5
_JUNK_WORDS = (
    "newsletter", "sign up", "subscri", "register", "click", "tap here", "download", "get the app", "read more",
    "related", "advertis", "sponsored", "recommended", "most read", "more from", "join", "follow", "like",
    "breaking news", "latest news", "top stories", "copyright", "©", "rights reserved", "photo", "picture",
    "image", "video", "credit", "source", "file", "getty", "epa-efe", "stay", "keep", "reporting", "writing", "|",
)  # fmt: skip


def _maybe_junk(line: str) -> bool:
    lowered = line.lower()
    return lowered[:1] in "(-–—" or any(word in lowered for word in _JUNK_WORDS)


_TERMINAL = re.compile(r"""[.!?:;,]["'”’)]?$""")


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """Why a line goes (None: it stays), and the outlet it names when it is a sign-off."""

    reason: DropReason | None
    outlet: str | None = None


KEEP = LineVerdict(None)


def _strip_bullet(line: str) -> str:
    return re.sub(r"^[-*•·▪►|]+\s*", "", line).strip()


def is_share_widget(line: str) -> bool:
    words = _strip_bullet(line).lower().replace("|", " ").split()
    return 0 < len(words) <= _SHARE_MAX_WORDS and all(word.strip(":") in _SHARE_WORDS for word in words)


def is_section_label(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _SECTION_MAX_WORDS
        and all(word[:1].isupper() or word in {"&", "and", "of"} for word in words)
        and not _TERMINAL.search(line)
        and not any(ch.isdigit() for ch in line)
    )


def is_video_label(line: str) -> bool:
    return bool(_VIDEO_LABEL.search(line)) and len(line.split()) <= 5


def judge_line(line: str) -> LineVerdict:
    """Judge one stripped, non-empty line on its own."""
    if len(line.split(maxsplit=_FAST_PATH_WORDS)) > _FAST_PATH_WORDS and not _maybe_junk(line):
        return KEEP  # most lines are plain sentences: skip the rules that cannot match them
    signoff = _SIGNOFF.match(line)
    if signoff:
        return LineVerdict(DropReason.SIGNOFF, signoff.group("outlet") or signoff.group("wire"))
    stay = _STAY_UP_TO_DATE.match(line)
    if stay:
        return LineVerdict(DropReason.PROMO, stay.group("outlet"))
    if any(pattern.search(line) for pattern in _PROMO):
        return LineVerdict(DropReason.PROMO)
    if is_share_widget(line):
        return LineVerdict(DropReason.SHARE)
    if _CREDIT_TAIL.search(line) or _CREDIT_PIPE.match(line) or _FILE_PHOTO.search(line) or is_video_label(line):
        return LineVerdict(DropReason.CAPTION)
    if is_section_label(line):
        return LineVerdict(DropReason.SECTION)
    return KEEP
