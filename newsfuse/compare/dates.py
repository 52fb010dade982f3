"""Date expressions in news text, and what day or period each one means.

A small grammar of the forms news uses (absolute dates, "Jan 18", "last Friday (Jan 18)",
"near the end of February", "last June", "next month", "a year ago", "in 2017") is resolved
against the article's own date, taken in this order from its metadata, its dateline, or the
latest explicit date its text reports in the past tense (a lower bound of when it was written).
Relative expressions follow the conventions of TimeML's TIMEX3 normalisation (Pustejovsky et al.
2003; Strötgen and Gertz 2013, HeidelTime, section 3): a bare weekday or month takes the direction of
the verb's tense (a weekday is past unless a future marker is near; a month with no tense is the nearest), "last X" the one before, "next X" the one
after. Whatever cannot be resolved is returned as such with the reason, never guessed.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from newsfuse.model import Article, DateBasis, DateMention, DateRange, Granularity, Sentence, Span

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}
# Thirds of a month for "early", "mid" and "late"/"the end of": the first day of each third.
MID_MONTH_DAY = 11
LATE_MONTH_DAY = 21
# A year is inferred from a weekday ("Friday (Jan 18)") only within this many years after the
# latest year the article names: the same weekday and date come back every 5, 6 or 11 years.
WEEKDAY_YEAR_SEARCH = 11
# Words that put a bare weekday or month in the future, and past-tense verbs that put it in the past
# (besides any word ending in -ed). A weekday reads the few words before it; a month its clause, then
# its sentence up to it. With neither, a weekday reads as past (news reports what happened) and a
# month as the nearest one.
FUTURE_MARKERS = frozenset(
    [
        "will",
        "would",
        "'ll",
        "shall",
        "going",
        "plans",
        "plan",
        "planning",
        "expected",
        "scheduled",
        "set",
        "due",
        "upcoming",
        "likely",
    ]
)
PAST_MARKERS = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "held",
        "met",
        "said",
        "told",
        "took",
        "made",
        "came",
        "went",
        "saw",
        "began",
        "gave",
        "left",
        "won",
        "lost",
        "ran",
        "met",
        "sent",
        "wrote",
        "spoke",
        "became",
        "brought",
        "fell",
        "found",
        "got",
        "kept",
        "knew",
        "led",
        "paid",
        "put",
        "rose",
        "sat",
        "stood",
        "struck",
        "thought",
        "threw",
        "tweeted",
    ]
)
# An intention or arrangement points ahead even after a verb in the past ("agreed to hold a summit in February").
FUTURE_PHRASES = frozenset(
    f"{a} {b}"
    for a, b in [
        *(
            (verb, "to")
            for verb in (
                "agreed",
                "decided",
                "promised",
                "vowed",
                "hopes",
                "hoped",
                "intends",
                "wants",
                "wanted",
                "aims",
            )
        ),
        *(
            ("to", verb)
            for verb in ("hold", "meet", "visit", "host", "take", "begin", "start", "open", "launch", "return")
        ),
    ]
)
WEEKDAY_TENSE_WINDOW = 4
MIN_ED_VERB = 5  # "asked" is a verb in the past, "red" and "bed" are not
_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\s-\s")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:(?P<part>early|mid|late)[- ]|(?:the\s+)?(?P<partof>beginning|start|middle|end)\s+of\s+)"
_REL = r"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)"
# A month named alone counts only after one of these words: alone, "May" and "March" are as often
# a verb, and any month a name ("June Carter").
_MONTH_CUES = frozenset(
    ["in", "on", "since", "until", "by", "during", "from", "of", "last", "next", "this", "early", "late", "mid", "end"]
)
_YEAR_CUES = frozenset(
    ["in", "of", "by", "since", "until", "during", "from", "the", "early", "late", "mid", "before", "after"]
)


class Form(Enum):
    """The shapes of date expressions the grammar knows, most specific first."""

    ISO = "iso"
    MONTH_DAY_YEAR = "month day year"
    DAY_MONTH_YEAR = "day month year"
    WEEKDAY_DATE = "weekday (month day)"
    MONTH_DAY = "month day"
    DAY_MONTH = "day month"
    MONTH_YEAR = "month year"
    MONTH = "month"
    WEEKDAY = "weekday"
    RELATIVE_DAY = "today, yesterday"
    RELATIVE_PERIOD = "last week, this month"
    AGO = "n units ago"
    YEAR = "year"


ABSOLUTE_FORMS = frozenset({Form.ISO, Form.MONTH_DAY_YEAR, Form.DAY_MONTH_YEAR, Form.MONTH_YEAR, Form.YEAR})

_PATTERNS: tuple[tuple[Form, re.Pattern[str]], ...] = tuple(
    (form, re.compile(pattern))
    for form, pattern in [
        (Form.ISO, r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
        (Form.MONTH_DAY_YEAR, rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
        (Form.DAY_MONTH_YEAR, rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b"),
        (
            Form.WEEKDAY_DATE,
            rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|on)\s+)?{_WEEKDAY}(?:['’]s)?\s*\(\s*"
            rf"(?:{_MONTH}\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+(?P<month2>[A-Z][a-z]+)\.?)\s*\)",
        ),
        (Form.MONTH_DAY, rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,\d])"),
        (Form.DAY_MONTH, rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}\b(?!,?\s+\d)"),
        (Form.MONTH_YEAR, rf"\b{_PART}?{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b"),
        (Form.MONTH, rf"\b{_PART}?{_REL}?{_MONTH}\b"),
        (
            Form.WEEKDAY,
            rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|late|early)\s+)?{_WEEKDAY}(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b",
        ),
        (Form.RELATIVE_DAY, r"\b(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night)\b"),
        (
            Form.RELATIVE_PERIOD,
            r"\b(?:(?P<edge>[Ee]arlier|[Ll]ater)\s+)?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>week|month|year)\b",
        ),
        (
            Form.AGO,
            r"\b(?P<count>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>day|week|month|year)s?\s+ago\b",
        ),
        (Form.YEAR, r"\b(?P<year>(?:19|20)\d\d)\b(?![-–]\d)"),
    ]
)


@dataclass(frozen=True, slots=True)
class Expression:
    """One date expression found in a sentence: its form, its parts and where it is."""

    form: Form
    text: str
    start: int  # in the sentence
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relation: str | None = None  # last, next, this, on, late, early (for weekdays), earlier, later
    part: str | None = None  # early, mid, late
    unit: str | None = None  # day, week, month, year
    count: int = 0
    tense: str | None = None  # future, past, or None when the sentence does not say


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date an article's relative expressions are resolved against, and where it came from."""

    day: date
    basis: DateBasis
    exact: bool  # False when the day is only a lower bound (the latest date the text reports)


def _month_number(name: str | None) -> int | None:
    return MONTHS.get(name.rstrip(".").capitalize()) if name else None


def _words_tense(words: Sequence[str]) -> str | None:
    if any(word in FUTURE_MARKERS for word in words) or any(
        f"{a} {b}" in FUTURE_PHRASES for a, b in itertools.pairwise(words)
    ):
        return "future"
    if any(word in PAST_MARKERS or (word.endswith("ed") and len(word) >= MIN_ED_VERB) for word in words):
        return "past"
    return None


def _tense(sentence: str, start: int, *, window: int | None) -> str | None:
    """ "future", "past" or None (unknown) for an expression starting at `start`."""
    before = sentence[:start].lower().replace("’", "'")
    if window is not None:
        return _words_tense(re.findall(r"[a-z'-]+", before)[-window:])
    clause = _CLAUSE_BREAK.split(before)[-1]
    return _words_tense(re.findall(r"[a-z'-]+", clause)) or _words_tense(re.findall(r"[a-z'-]+", before))


def _part_of(match: re.Match[str]) -> str | None:
    part = match.groupdict().get("part")
    if part:
        return part.lower()
    partof = match.groupdict().get("partof")
    return {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}.get(partof or "")


def _expression(form: Form, match: re.Match[str], sentence: str) -> Expression | None:
    groups = match.groupdict()
    month = _month_number(groups.get("month") or groups.get("month2"))
    if form is Form.ISO:
        month = int(groups["mon"])
    day_text = groups.get("day") or groups.get("day2")
    day = int(day_text) if day_text else None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = WEEKDAYS.get(groups.get("weekday") or "")
    relation = (groups.get("rel") or "").lower() or None
    if form is Form.YEAR:
        previous = sentence[: match.start()].split()[-1:]
        if not previous or previous[0].lower() not in _YEAR_CUES:
            return None  # "2000 people": a year needs a preposition or an article before it
    if form is Form.MONTH and not (relation or _part_of(match)):
        previous = sentence[: match.start()].split()[-1:]
        if not previous or previous[0].lower() not in _MONTH_CUES:
            return None  # a bare month name with no preposition is too often part of a name ("June Carter")
    if day is not None and month is not None and not _valid_day(year or 2000, month, day):
        return None
    window = WEEKDAY_TENSE_WINDOW if form in {Form.WEEKDAY, Form.WEEKDAY_DATE} else None
    count_text = (groups.get("count") or "").lower()
    return Expression(
        form=form,
        text=match.group(0),
        start=match.start(),
        end=match.end(),
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        relation=relation or (groups.get("edge") or "").lower() or None,
        part=_part_of(match),
        unit=groups.get("unit") or (groups.get("word") or "").lower() or None,
        count=NUMBER_WORDS.get(count_text, int(count_text) if count_text.isdigit() else 0),
        tense=_tense(sentence, match.start(), window=window),
    )


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


# Every pattern above needs one of these (a digit, a month, "day" of a weekday or of today and
# yesterday, "morrow", "night", or a unit): a sentence without any has no date, and most sentences
# are then passed over with one search instead of thirteen.
_MAYBE_DATE = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|morrow|night|week|month|year")
# Sentences whose expressions are kept: a comparison asks for each sentence's several times
# (the article's date, its mentions, conflicts), and stories follow each other with new sentences.
_EXPRESSIONS_CACHED = 4096


@lru_cache(maxsize=_EXPRESSIONS_CACHED)
def find_expressions(sentence: str) -> tuple[Expression, ...]:
    """Every date expression of a sentence, longest first where two overlap, in text order."""
    if _MAYBE_DATE.search(sentence) is None:
        return ()
    found: list[Expression] = []
    taken: list[tuple[int, int]] = []
    for form, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            expression = _expression(form, match, sentence)
            if expression is not None:
                found.append(expression)
                taken.append((match.start(), match.end()))
    return tuple(sorted(found, key=lambda e: e.start))


# --- resolution ---


def _day_range(day: date) -> DateRange:
    return DateRange(day, day, Granularity.DAY)


def month_range(year: int, month: int, part: str | None = None) -> DateRange:
    """The days of a month, or of its early, mid or late third."""
    last_day = calendar.monthrange(year, month)[1]
    if part is None:
        return DateRange(date(year, month, 1), date(year, month, last_day), Granularity.MONTH)
    first, last = {"early": (1, MID_MONTH_DAY - 1), "mid": (MID_MONTH_DAY, LATE_MONTH_DAY - 1)}.get(
        part, (LATE_MONTH_DAY, last_day)
    )
    return DateRange(date(year, month, first), date(year, month, last), Granularity.PART_OF_MONTH)


def _year_range(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), Granularity.YEAR)


def _week_range(day: date) -> DateRange:
    monday = day - timedelta(days=day.weekday())
    return DateRange(monday, monday + timedelta(days=6), Granularity.WEEK)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def year_from_weekday(month: int, day: int, weekday: int, after_year: int) -> int | None:
    """The first year from `after_year` on in which the date falls on the weekday."""
    for year in range(after_year, after_year + WEEKDAY_YEAR_SEARCH):
        if _valid_day(year, month, day) and date(year, month, day).weekday() == weekday:
            return year
    return None


def _weekday_relative(anchor: date, weekday: int, relation: str | None, tense: str | None) -> date:
    if relation == "next" or (relation != "last" and tense == "future"):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if relation == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _month_relative(anchor: date, month: int, relation: str | None, tense: str | None) -> int:
    """The year of a month named without one."""
    if relation == "this":
        return anchor.year
    if relation == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if relation == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    ahead = anchor.year if month >= anchor.month else anchor.year + 1
    behind = anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return ahead
    if tense == "past":
        return behind
    months_ahead = (month - anchor.month) % 12
    return ahead if months_ahead < 12 - months_ahead else behind  # the nearest; a tie goes to the past


def _day_year(anchor: date, month: int, day: int, tense: str | None) -> int:
    """The year of a day named without one: the nearest in the direction of the tense."""
    if tense == "future":
        return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
    if tense == "past":
        return anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    return _month_relative(anchor, month, None, None)


def resolve(expression: Expression, anchor: Anchor | None, latest_year: int | None) -> tuple[DateRange | None, str]:
    """What an expression means, or None and why not; `latest_year` is the latest year its article names."""
    e = expression
    if e.form in {Form.ISO, Form.MONTH_DAY_YEAR, Form.DAY_MONTH_YEAR} and e.year and e.month and e.day:
        return _day_range(date(e.year, e.month, e.day)), ""
    if e.form is Form.MONTH_YEAR and e.year and e.month:
        return month_range(e.year, e.month, e.part), ""
    if e.form is Form.YEAR and e.year:
        return _year_range(e.year), ""
    if e.form is Form.WEEKDAY_DATE and e.month and e.day and e.weekday is not None:
        start = anchor.day.year - 1 if anchor else latest_year
        year = year_from_weekday(e.month, e.day, e.weekday, start) if start else None
        if year is None:
            return None, "no year: the article names none and has no date"
        return _day_range(date(year, e.month, e.day)), ""
    if anchor is None:
        return None, "relative to the article's date, which is unknown (no publication date, dateline or explicit date)"
    today = anchor.day
    if e.form in {Form.MONTH_DAY, Form.DAY_MONTH} and e.month and e.day:
        return _day_range(date(_day_year(today, e.month, e.day, e.tense), e.month, e.day)), ""
    if e.form is Form.MONTH and e.month:
        return month_range(_month_relative(today, e.month, e.relation, e.tense), e.month, e.part), ""
    if e.form is Form.WEEKDAY and e.weekday is not None:
        return _day_range(_weekday_relative(today, e.weekday, e.relation, e.tense)), ""
    if e.form is Form.RELATIVE_DAY:
        if not anchor.exact:
            return None, "relative to the article's exact date, which is unknown (only a date it reports)"
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(e.unit or "", 0)
        return _day_range(today + timedelta(days=offset)), ""
    if e.form is Form.RELATIVE_PERIOD and e.unit:
        step = {"last": -1, "next": 1}.get(e.relation or "", 0) if e.relation not in {"earlier", "later"} else 0
        if e.unit == "week":
            return _week_range(today + timedelta(weeks=step)), ""
        if e.unit == "month":
            year, month = _shift_month(today.year, today.month, step)
            return month_range(year, month), ""
        return _year_range(today.year + step), ""
    if e.form is Form.AGO and e.unit and e.count:
        if e.unit == "day":
            return _day_range(today - timedelta(days=e.count)), ""
        if e.unit == "week":
            return _week_range(today - timedelta(weeks=e.count)), ""
        if e.unit == "month":
            year, month = _shift_month(today.year, today.month, -e.count)
            return month_range(year, month), ""
        return month_range(today.year - e.count, today.month), ""
    return None, "not a form the resolver knows"


# --- article dates ---

_DATELINE_DATE = re.compile(
    rf"^[A-Z][A-Z .'-]{{1,40}}?,\s*{_MONTH}\s+(?P<day>[0-3]?\d)(?:,\s*(?P<year>(?:19|20)\d\d))?\s*(?:\([^)]{{1,30}}\))?\s*[-–—]"
)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def latest_year(text: str) -> int | None:
    """The latest year an article names."""
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    return max(years) if years else None


def article_anchor(article: Article, sentences: Sequence[Sentence]) -> Anchor | None:
    """The article's date: its metadata, else its dateline, else the latest past date its text reports."""
    if article.published is not None:
        return Anchor(article.published, DateBasis.METADATA, exact=True)
    year = latest_year(article.text)
    dateline = _DATELINE_DATE.match(article.text.lstrip())
    if dateline:
        month = _month_number(dateline.group("month"))
        day = int(dateline.group("day"))
        dateline_year = int(dateline.group("year")) if dateline.group("year") else year
        if month and dateline_year and _valid_day(dateline_year, month, day):
            return Anchor(date(dateline_year, month, day), DateBasis.DATELINE, exact=True)
    reported: list[date] = []
    for sentence in sentences:
        for expression in find_expressions(sentence.text):
            if expression.tense == "future" or expression.form not in {
                Form.ISO,
                Form.MONTH_DAY_YEAR,
                Form.DAY_MONTH_YEAR,
                Form.WEEKDAY_DATE,
            }:
                continue
            when, _ = resolve(expression, None, year)
            if when is not None:
                reported.append(when.last)
    return Anchor(max(reported), DateBasis.TEXT, exact=False) if reported else None


def date_mentions(
    article: Article, sentences: Sequence[Sentence], anchor: Anchor | None
) -> list[tuple[DateMention, Expression]]:
    """Every date expression of an article (with its parse), resolved against its anchor where it needs one."""
    year = latest_year(article.text)
    mentions = []
    for sentence in sentences:
        for expression in find_expressions(sentence.text):
            when, note = resolve(expression, anchor, year)
            absolute = expression.form in ABSOLUTE_FORMS
            basis = None if when is None else DateBasis.ABSOLUTE if absolute or anchor is None else anchor.basis
            start = sentence.start + expression.start
            span = Span(article.id, sentence.index, expression.text, start, start + len(expression.text))
            mentions.append((DateMention(span, when, basis, note), expression))
    return mentions
