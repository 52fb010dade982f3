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
# Every rule below matches a line of more than five words only through what it starts with, or through one of
# the phrases and marks it must contain somewhere (a new rule must add its own here); longer lines with none of
# them are kept without further checks. Most rules are anchored at the line's start, so a plain sentence that
# merely uses "like", "follow" or "source" skips them all.
_FAST_PATH_WORDS = 5
_JUNK_STARTS = (
    "(", "-", "–", "—", "reporting", "additional reporting", "writing", "stay ", "keep ", "sign up", "subscribe",
    "register", "click here", "tap here", "download", "get the app", "read more", "related", "advertisement",
    "sponsored", "recommended", "most read", "more from", "join ", "follow ", "like ", "copyright", "©",
)  # fmt: skip
_JUNK_PHRASES = (
    "newsletter", "breaking news", "the latest news", "top stories", "rights reserved", "(file", "in this file",
    "in this photo", "in this picture", "in this image", "getty", "ap photo/", "epa-efe", "|",
)  # fmt: skip
_CREDIT_WORDS = ("PHOTO", "PICTURE", "IMAGE", "VIDEO", "Photo", "Picture", "Image", "Credit", "Source")  # cased


def _maybe_junk(line: str) -> bool:
    lowered = line.lower()
    return (
        lowered.startswith(_JUNK_STARTS)
        or any(phrase in lowered for phrase in _JUNK_PHRASES)
        or any(word in line for word in _CREDIT_WORDS)
    )


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
    return _judge_by_rules(line)


def _judge_by_rules(line: str) -> LineVerdict:
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


# Site notices: the sentences a page shows around (or instead of) a report: embedded-tweet and video-player
# messages, cookie and javascript walls, account, e-mail and paywall prompts, reprint terms. Each phrase is one
# a report does not use in its own voice. Written against the most repeated sentences of multinews-train-pool
# (Twitter, Wayback Machine, cookie and sign-up notices shared by hundreds of unrelated stories' documents);
# a notice is dropped as a sentence, so a report sharing its paragraph keeps the rest.
_NOTICE = re.compile(
    r"tweet with a location you can|add a location to your tweets|(?:delete|switch) (?:your )?(?:tweet )?location"
    r"|add this (?:tweet|video) to your website|proceed to legacy twitter"
    r"|javascript (?:is|has been) (?:disabled|not supported|turned off)|(?:enable|turn on) (?:javascript|cookies)"
    r"|detected that javascript"
    r"|(?:we|site) uses? cookies|use of cookies|through cookies|cookies? policy"
    r"|rating is available when the video|this feature is not available right now|^\W*please try again later"
    r"|the interactive transcript could not be loaded|ratings have been disabled for this video"
    r"|watch queue queue|skip ad ad loading|click prev or next to continue viewing"
    r"|(?:sent you|send) a (?:verification|confirmation) email|receive the verification message"
    r"|click on the link to activate your|(?:problem saving|has been saved)[\w ]{0,8}notification"
    r"|notification has been saved|get email notifications on"
    r"|email notifications are only sent|get push notifications with|already have an account"
    r"|invalid email address|thank you for (?:subscribing|signing up|registering)"
    r"|must (?:log|sign) in to continue|you must select a newsletter"
    r"|this will (?:not )?appear (?:next to all of your comments|anywhere on)"
    r"|dow jones reprints|for your personal,? non-commercial use only|presentation-ready copies"
    r"|may not be published,? broadcast,? rewritten,? or redistributed"
    r"|breaking news emails get|news and stories that matter,? delivered|get daily updates directly to your inbox"
    r"|subscription (?:to|is required to) continue reading|not in our deliverable area"
    r"|^learn more\W*$|the page you requested was not found|verify you(?:'|’| ' )?re not a robot"
    r"|please re-enter|you will receive emails|opt[- ]out at any time|receive occasional updates"
    r"|an error has occurred|view all [\w.'’ ]{1,40} newsletters"
    # follow-the-author alerts, fundraiser badges, consent walls, paywall and sign-in prompts, missing pages,
    # reaction buttons: a page's widgets, which a scrape can return instead of the report
    r"|posts new content,? you(?:'|’| ' )? ?ll get an email|has verified that the funds raised will go|what does verified mean"
    r"|requires us to inform you|you consent to the use by us|by clicking \W*i (?:agree|accept)"
    r"|re-enter (?:your )?zip code|(?:sign up for|get) digital access|sign in using (?:your?|the) [\w ]{0,20}(?:account|profile)"
    r"|check the url for proper spelling|trouble locating a destination|you can only react up to"
    r"|already used that reaction|why are we asking this|by submitting your registration information"
    r"|\bsee our privacy (?:policy|notice)|you also agree to our terms"
    r"|^\W*thank you for reading\W*$",
    re.I,
)
# Web-archive descriptions (crawls, seed lists, WARC files) stand in for a page the archive could not show.
# A report may name the Wayback Machine, so these go only as a paragraph that is mostly such sentences.
_ARCHIVE = re.compile(
    r"\bweb ?crawl|\bcrawlers?\b|\b(?:this|these|focused|wide|survey\W*) crawls?\b|\bcrawls? (?:data|of|was|were|performed)"
    r"|\bcrawl data|wayback machine|internet archive|archive-it|\bwarcs?\b|heritrix"
    r"|seed ?list|end of term (?:web )?(?:archiv|project)|web captures|(?:files|data) (?:is|are) currently not publicly"
    r"|\bwide\d{5}\b|\bthe seed for\b|\binter-?domain (?:navigational )?links?\b",
    re.I,
)
# Fixed notices that scraped text runs into a report's sentence ("please enable javascript to watch this video
# salt lake city -- a man ..."): only the notice's own words go, wherever they are.
_GLUED_NOTICE = re.compile(
    r"\(?\s*please (?:enable|turn on) javascript(?: to watch(?: this video)?)?\.?\)?"
    r"|you need to enable javascript to play media on [\w.]+(?: play)?|\(? ?click prev or next to continue viewing images\.?"
    r"|\bskip ad ad loading\.*|\bmedia requires javascript to play\.?"
    r"|\bto order presentation-ready copies for distribution\b.{0,160}?www\.djreprints\.com\.?"
    r"|\bhello, you either have javascript turned off or an old version of adobe(?:'|’| ' )?s flash player\.?"
    # a newsletter box run into the report's first sentence ("... could not subscribe, try again later invalid
    # email a grieving husband who ..."): its words go, the sentence stays
    r"|(?:\bthe video will start in \d+ cancel )?\bget (?:\w+ )?(?:news )?updates directly to your inbox(?: subscribe)?"
    r"(?: thank you for subscribing)?(?: we have more newsletters(?: show me)?)?(?: see our privacy notice)?"
    r"(?: could not subscribe,? try again later)?(?: invalid email(?: address)?)?",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# A longer sentence that mentions a notice is most likely a report's sentence run into it: it stays whole.
_NOTICE_MAX_WORDS = 30
_NOTICES_IN_A_LONG_ONE = 2  # ... unless it holds this many notices: a report does not run into two
_LEFTOVER = re.compile(r"^[\W_]*$")
# A paragraph naming this many archive terms (crawl, seed list, WARC, Wayback Machine ...) is an archive's
# description of a crawl, however its sentences are cut; a report about the archive names one or two.
_ARCHIVE_TERMS = 3
# ... and the sentences after its last one are a report when they hold this many words (a scrape of an archived
# page puts the archive's description first); fewer are the description's own tail. Set on the multinews-train-pool
# documents it changed: at 20 words, archive tails of 27-34 words ("They are being kept in this location for the
# wayback team ...") came back as text; the reports it recovers hold 50 words and more.
_REPORT_AFTER_ARCHIVE_WORDS = 40
# What is left of a paragraph after two or more notices, when this short, is part of them ("Close").
_FRAGMENT_WORDS = 5
# Every notice pattern above matches only through one of these words (a new pattern must add its own here):
# a line without any is kept without running the patterns, which is most lines.
_NOTICE_WORDS = (
    "tweet with a location", "location to your tweets", "location history", "location on/off", "to your website",
    "legacy twitter", "javascript", "cookie", "rating is available", "ratings have been", "not available right now",
    "try again later", "interactive transcript", "watch queue", "skip ad", "click prev", "verification",
    "confirmation email", "link to activate", "notification", "have an account", "invalid email", "thank you for",
    "in to continue", "select a newsletter", "appear next to", "appear anywhere", "reprints", "non-commercial",
    "presentation-ready", "redistributed", "breaking news emails", "stories that matter", "directly to your inbox",
    "continue reading", "deliverable area", "learn more", "you requested", "robot", "crawl", "wayback",
    "internet archive", "archive-it", "warc", "heritrix", "seed list", "seedlist", "end of term", "web captures",
    "publicly access", "re-enter", "receive emails", "opt-out at any", "opt out at any", "occasional updates",
    "error has occurred", "newsletters", "new content", "funds raised", "verified mean", "inform you", "you consent", "i agree",
    "i accept", "zip code", "digital access", "sign in using", "proper spelling", "react up to", "that reaction",
    "wide0", "wide1", "wide2", "wide3", "wide4", "wide5", "wide6", "wide7", "wide8", "wide9", "seed for",
    "inter-domain", "interdomain", "locating a destination", "asking this", "registration information",
    "privacy policy", "privacy notice", "agree to our terms",
)  # fmt: skip


def lines_with_notices(text: str) -> frozenset[int]:
    """The numbers of the lines of `text` (split at newlines) that hold a notice word: the only lines that
    `strip_notices` can change. A search a word over the whole text costs less than one a word a line."""
    lowered = text.lower()
    found: set[int] = set()
    for word in _NOTICE_WORDS:
        at = lowered.find(word)
        while at != -1:
            found.add(lowered.count("\n", 0, at))
            at = lowered.find(word, at + 1)
    return frozenset(found)


def _is_notice(sentence: str) -> bool:
    """A short sentence with a notice, or a long one with two (a consent wall: "... requires us to inform you ...
    we use cookies ..."): a report's sentence that runs into one notice stays whole."""
    found = _NOTICE.findall(sentence)
    return bool(found) and (len(sentence.split()) <= _NOTICE_MAX_WORDS or len(found) >= _NOTICES_IN_A_LONG_ONE)


def strip_notices(line: str) -> tuple[str, tuple[str, ...]]:
    """Return the line without its site notices, and the notices removed (in order)."""
    lowered = line.lower()
    if not any(word in lowered for word in _NOTICE_WORDS):
        return line, ()
    glued = tuple(match.group().strip() for match in _GLUED_NOTICE.finditer(line))
    text = " ".join(_GLUED_NOTICE.sub(" ", line).split()) if glued else line
    sentences = [part for part in _SENTENCE_END.split(text) if not _LEFTOVER.match(part)]
    archive = [bool(_ARCHIVE.search(part)) for part in sentences]
    notice = [_is_notice(part) for part in sentences]
    mostly_archive = sum(archive) >= 2 and 2 * sum(a or b for a, b in zip(archive, notice, strict=True)) >= len(
        sentences
    )
    if mostly_archive or len(_ARCHIVE.findall(text)) >= _ARCHIVE_TERMS:
        # an archive's description of itself, maybe with the odd plain sentence between; a report the scrape
        # ran on after it stays ("... after an embargo period. Bevington object update: tighar's best ...")
        flagged = [i for i, (a, n) in enumerate(zip(archive, notice, strict=True)) if a or n]
        tail = sentences[flagged[-1] + 1 :] if flagged else []
        if len(" ".join(tail).split()) < _REPORT_AFTER_ARCHIVE_WORDS:
            return "", (line,)
        return " ".join(tail), (" ".join(sentences[: flagged[-1] + 1]),)
    if not any(notice):
        return (" ".join(sentences), glued) if glued else (line, ())
    kept = " ".join(part for part, drop in zip(sentences, notice, strict=True) if not drop)
    if sum(notice) >= 2 and len(kept.split()) <= _FRAGMENT_WORDS:
        return "", (line,)  # "Just one more thing... [three notices] Close": the scraps between notices are theirs
    return kept, glued + tuple(part for part, drop in zip(sentences, notice, strict=True) if drop)
