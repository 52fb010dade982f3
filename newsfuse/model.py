"""The data types of newsfuse: the only place they are defined.

Every stage takes and returns these frozen values. Identifiers are content hashes, so a
summary sentence traces back to the exact sentence (character span) of the exact article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from types import MappingProxyType

ID_HEX_CHARS = 16  # 64 bits: collisions are negligible below billions of articles


def content_id(*parts: str | None) -> str:
    """Return a stable hex id for the given strings (None and "" count the same)."""
    digest = hashlib.blake2b(digest_size=ID_HEX_CHARS // 2)
    for part in parts:
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\x1f")  # unit separator: ("ab", "c") and ("a", "bc") differ
    return digest.hexdigest()


_EMPTY_META: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Article:
    """One news report: its text and what is known about where it came from."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    path: str | None = None
    meta: Mapping[str, str] = field(default_factory=lambda: _EMPTY_META, compare=False, hash=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        published: date | None = None,
        path: str | None = None,
        id: str | None = None,  # noqa: A002 - mirrors the field name users pass in JSON
        meta: Mapping[str, str] | None = None,
    ) -> Article:
        """Build an article whose id, unless given, is the hash of its title and text."""
        return cls(
            id=id or content_id(title, text),
            text=text,
            title=title,
            source=source,
            url=url,
            published=published,
            path=path,
            meta=MappingProxyType(dict(meta)) if meta else _EMPTY_META,
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be read, or was read only in part: reported, never fatal."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class DropReason(Enum):
    """Why the cleaner removed a line (shown by `newsfuse clean --show-dropped`)."""

    PROMO = "promotion (newsletter, app, channel or subscription plug)"
    NOTICE = "site notice (embedded tweet or video, cookie or javascript wall, sign-up prompt, web archive)"
    SHARE = "share or follow widget"
    CAPTION = "photo or video caption or credit"
    SECTION = "section label"
    REPEAT = "repeats the line before it"
    SIGNOFF = "outlet sign-off"
    TITLE = "headline repeated in the body"
    BOILERPLATE = "line repeated across articles of one outlet"


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """One line the cleaner removed, with the reason."""

    article_id: str
    line: str
    reason: DropReason


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An article after cleaning, with every line that was dropped from it."""

    article: Article
    dropped: tuple[DroppedLine, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article; `start`/`end` index the article's (cleaned) text."""

    article_id: str
    index: int
    text: str
    start: int
    end: int
    paragraph: int

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(frozen=True, slots=True)
class Citation:
    """A sentence of a source article that reports what a summary sentence says."""

    article_id: str
    sentence_index: int
    similarity: float


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of a summary, with the articles that report it.

    `sources` lists the ids of every article that reports the sentence, in input order;
    `origin` is the sentence it was taken from; `evidence` the matching sentence of each
    other source.
    """

    text: str
    sources: tuple[str, ...]
    origin: Sentence
    evidence: tuple[Citation, ...] = ()

    @property
    def support(self) -> int:
        """How many articles report this sentence."""
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class Summary:
    """A cited summary of several articles about one event."""

    sentences: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    engine: str
    max_words: int | None = None
    max_sentences: int | None = None

    @property
    def text(self) -> str:
        """The summary as plain text, one sentence after another."""
        return " ".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def citation_number(self, article_id: str) -> int:
        """The 1-based number a reader sees for an article ([n])."""
        for position, article in enumerate(self.articles, start=1):
            if article.id == article_id:
                return position
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class Fact:
    """A group of sentences, from different articles, that say the same thing.

    `sentences` holds one or more sentences per article; `articles` the ids of the articles that
    report the fact, in input order. A fact reported by one article is that article's alone.
    """

    sentences: tuple[Sentence, ...]
    articles: tuple[str, ...]

    @property
    def support(self) -> int:
        return len(self.articles)


# --- stories (dedup, cluster, store) ---


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """One text printed by several sources (a wire story reprinted): the article kept and its copies."""

    kept: Article
    copies: tuple[Article, ...]
    similarity: float  # the lowest estimated Jaccard similarity of a copy to the kept article

    @property
    def sources(self) -> tuple[str, ...]:
        """Every distinct source that printed the text, the kept article's first."""
        seen: dict[str, None] = {}
        for article in (self.kept, *self.copies):
            seen.setdefault(article.source or article.url or article.id, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world event (copies folded into the article they copy)."""

    id: str
    articles: tuple[Article, ...]
    copies: tuple[CopyGroup, ...] = ()

    @property
    def headline(self) -> str:
        """The first title among the articles, else the opening words of the first article."""
        for article in self.articles:
            if article.title:
                return article.title
        words = self.articles[0].text.split()[:12] if self.articles else []
        return " ".join(words)

    @property
    def dates(self) -> tuple[date, date] | None:
        """The first and last publication dates, when any article has one."""
        known = sorted(a.published for a in self.articles if a.published)
        return (known[0], known[-1]) if known else None


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """Where the clustering put one article: its story, and whether it started that story."""

    article_id: str
    story_id: str
    new_story: bool


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """One line of a story listing: what `newsfuse stories` prints."""

    id: str
    size: int  # distinct articles (copies not counted)
    copies: int
    sources: tuple[str, ...]
    first: date | None
    last: date | None
    headline: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did: counts, the inputs skipped with their reasons, and the speed."""

    read: int  # articles read from the inputs
    known: int  # already in the store (re-ingested): left as they were
    added: int  # new distinct articles stored
    copies: int  # new articles folded into an article they copy
    new_stories: int
    grown_stories: int  # stories that existed and gained articles
    skipped: tuple[Problem, ...]
    seconds: float
    waiting: int = 0  # articles and copies stored but not linked into stories yet (linked at the end of a run)

    @property
    def articles_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        waiting = f", {self.waiting} waiting for their stories" if self.waiting else ""
        return (
            f"read {self.read} articles ({self.known} already stored), added {self.added}, "
            f"{self.copies} copies, {self.new_stories} new stories, {self.grown_stories} grown{waiting}, "
            f"{len(self.skipped)} skipped; {self.articles_per_second:.0f} articles/s"
        )


# --- comparison ---


class EntityKind(Enum):
    """What a named entity is: the kinds a comparison reports."""

    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"


class ConflictKind(Enum):
    """What kind of value the sources disagree on."""

    NUMBER = "number"
    DATE = "date"
    PLACE = "place"
    NAME = "name"
    ROLE = "title or role"
    ATTRIBUTION = "attribution"


class Granularity(Enum):
    """How precisely a date is known."""

    DAY = "day"
    WEEK = "week"
    PART_OF_MONTH = "part of a month"
    MONTH = "month"
    YEAR = "year"


class DateBasis(Enum):
    """What a relative date was resolved against."""

    ABSOLUTE = "the expression names its own date"
    METADATA = "the article's publication date"
    DATELINE = "the article's dateline"
    TEXT = "an explicit date in the article"
    CORROBORATED = "another article's date for the same day"


@dataclass(frozen=True, slots=True)
class Source:
    """One independent source: an article, or several articles printing one text (wire copies) or of one outlet.

    `id` is the id of its first article; `articles` every article it stands for, in input order.
    """

    id: str
    name: str
    articles: tuple[str, ...]
    reason: str = ""  # why several articles count as one ("" for a single article)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text (start and end index the article's cleaned text)."""

    article_id: str
    sentence_index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AgreedFact:
    """A fact that two or more independent sources report."""

    text: str  # the sentence that stands for it (the first, dateline removed)
    fact: Fact
    sources: tuple[str, ...]  # ids of the independent sources

    @property
    def support(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class UniquePoint:
    """What one source alone reports: a whole sentence, or a detail (`detail`) of a sentence others match."""

    text: str
    sentence: Sentence
    source: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One value of a contested point, with where it is stated."""

    value: str
    spans: tuple[Span, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Statements about the same thing that differ in a value; `subject` says what the thing is."""

    kind: ConflictKind
    subject: str
    sides: tuple[ConflictSide, ...]
    partial: bool = False  # True when the sides overlap (one names more) rather than exclude each other


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organization, with every name the sources give it.

    `descriptions` are the titles and roles the sources attach to it ("Secretary of State").
    """

    id: str
    name: str
    kind: EntityKind
    variants: tuple[str, ...]
    mentions: tuple[Span, ...]
    articles: tuple[str, ...]
    descriptions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a date expression can mean, first and last included."""

    first: date
    last: date
    granularity: Granularity

    @property
    def label(self) -> str:
        """ "Friday 18 January 2019", "late February 2019", "June 2018", "2017"."""
        if self.granularity is Granularity.DAY:
            return f"{self.first:%A} {self.first.day} {self.first:%B %Y}"
        if self.granularity is Granularity.WEEK:
            return f"week of {self.first.day} {self.first:%B %Y}"
        if self.granularity is Granularity.PART_OF_MONTH:
            part = {1: "early", 11: "mid"}.get(self.first.day, "late")  # the thirds compare/dates.py cuts a month into
            return f"{part} {self.first:%B %Y}"
        if self.granularity is Granularity.MONTH:
            return f"{self.first:%B %Y}"
        return str(self.first.year)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in an article and what it was resolved to (`when` None: unresolved, `note` says why)."""

    span: Span
    when: DateRange | None
    basis: DateBasis | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """What the sources date to one day or period, each mention with its exact phrase."""

    when: DateRange
    mentions: tuple[DateMention, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """What several reports of one event agree on, what one alone says, where they differ, who and when."""

    summary: Summary
    sources: tuple[Source, ...]
    sentences: tuple[Sentence, ...]  # every sentence of every article: what the other fields point into
    agreed: tuple[AgreedFact, ...]
    unique: tuple[UniquePoint, ...]
    conflicts: tuple[Conflict, ...]
    entities: tuple[Entity, ...]
    timeline: tuple[TimelineEvent, ...]
    unresolved: tuple[DateMention, ...]
    ner: str  # which recognizer found the entities

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.summary.articles

    def source_of(self, article_id: str) -> Source:
        """The independent source an article belongs to."""
        for source in self.sources:
            if article_id in source.articles:
                return source
        raise KeyError(article_id)
