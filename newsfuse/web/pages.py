"""What the pages show: plain frozen values built from a story, its comparison and an article, for the templates.

Every citation is a link to the cited sentence inside its cleaned article (`/articles/{id}?hl=N#sN`),
where the page marks it; text stays text (the templates escape everything).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from newsfuse.model import (
    Article,
    Comparison,
    DateMention,
    DroppedLine,
    Sentence,
    Span,
    Story,
    StoryInfo,
    SummarySentence,
)

UPLOAD_DIR_MARK = "newsfuse-upload-"  # uploads.py reads files from a temp folder named so


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation mark `[number]` and where it leads."""

    number: int
    href: str


@dataclass(frozen=True, slots=True)
class Cited:
    """A line of text with its citations, and an optional label before it and note after it."""

    text: str
    cites: tuple[Cite, ...]
    label: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class UniqueGroup:
    source: str
    points: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class ConflictView:
    kind: str
    subject: str
    partial: bool
    sides: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class EntityView:
    name: str
    kind: str
    variants: str
    roles: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class TimelineRow:
    label: str
    mentions: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One article of the story as listed under it, with the reprints of its text (wire copies)."""

    number: int
    article: Article
    href: str
    shown_path: str
    copies: tuple[Article, ...]
    counted_with: tuple[int, ...]  # other articles counted as the same independent source
    reason: str


@dataclass(frozen=True, slots=True)
class StoryView:
    info: StoryInfo
    summary: tuple[Cited, ...]
    agreed: tuple[Cited, ...]
    unique: tuple[UniqueGroup, ...]
    contested: tuple[ConflictView, ...]
    entities: tuple[EntityView, ...]
    timeline: tuple[TimelineRow, ...]
    undated: tuple[Cited, ...]
    sources: tuple[SourceRow, ...]
    ner: str


@dataclass(frozen=True, slots=True)
class SentenceView:
    index: int
    text: str
    marked: bool


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    shown_path: str
    paragraphs: tuple[tuple[SentenceView, ...], ...]
    story_id: str | None
    copy_of: str | None
    dropped: tuple[DroppedLine, ...] | None  # None: the store did not record what cleaning dropped


def article_href(article_id: str, *, story_id: str | None = None, sentence: int | None = None) -> str:
    """The article page, marking `sentence` and scrolled to it."""
    href = f"/articles/{quote(article_id, safe='')}"
    params = [f"story={quote(story_id, safe='')}"] if story_id else []
    if sentence is not None:
        params.append(f"hl={sentence}")
    return href + ("?" + "&".join(params) if params else "") + (f"#s{sentence}" if sentence is not None else "")


def story_href(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def shown_path(article: Article) -> str:
    """Where an article came from, as a reader should see it (an upload by its file name, not the temp folder)."""
    path = article.path or ""
    if UPLOAD_DIR_MARK in path:
        return "uploaded: " + path.rsplit("/", 1)[-1].split("-", 1)[-1]
    return path


class _Citer:
    def __init__(self, comparison: Comparison, story_id: str) -> None:
        self.comparison = comparison
        self.story_id = story_id

    def cite(self, article_id: str, index: int | None) -> Cite:
        number = self.comparison.summary.citation_number(article_id)
        return Cite(number, article_href(article_id, story_id=self.story_id, sentence=index))

    def cites(self, pairs: Iterable[tuple[str, int | None]]) -> tuple[Cite, ...]:
        """One citation per article number (its first sentence), ascending."""
        first: dict[int, tuple[str, int | None]] = {}
        for article_id, index in pairs:
            first.setdefault(self.comparison.summary.citation_number(article_id), (article_id, index))
        return tuple(self.cite(*first[number]) for number in sorted(first))

    def spans(self, spans: Iterable[Span]) -> tuple[Cite, ...]:
        return self.cites((s.article_id, s.sentence_index) for s in spans)

    def sentences(self, sentences: Iterable[Sentence]) -> tuple[Cite, ...]:
        return self.cites((s.article_id, s.index) for s in sentences)

    def mention(self, mention: DateMention) -> Cited:
        """A date phrase with the citation of its sentence and the note on how it was resolved."""
        return Cited(mention.span.text, self.spans([mention.span]), note=mention.note)


def _summary_pairs(sentence: SummarySentence) -> list[tuple[str, int | None]]:
    index_of: dict[str, int] = {sentence.origin.article_id: sentence.origin.index}
    for citation in sentence.evidence:
        index_of.setdefault(citation.article_id, citation.sentence_index)
    return [(article_id, index_of.get(article_id)) for article_id in sentence.sources]


def _sources(comparison: Comparison, story: Story, story_id: str) -> tuple[SourceRow, ...]:
    copies = {group.kept.id: group.copies for group in story.copies}
    numbers = {article.id: n for n, article in enumerate(comparison.articles, start=1)}
    rows = []
    for number, article in enumerate(comparison.articles, start=1):
        source = comparison.source_of(article.id)
        rows.append(
            SourceRow(
                number=number,
                article=article,
                href=article_href(article.id, story_id=story_id),
                shown_path=shown_path(article),
                copies=copies.get(article.id, ()),
                counted_with=tuple(numbers[a] for a in source.articles if a != article.id and a in numbers),
                reason=source.reason,
            )
        )
    return tuple(rows)


def story_view(info: StoryInfo, story: Story, comparison: Comparison) -> StoryView:
    """Everything the story page shows, each item with citations that lead to its source sentences."""
    citer = _Citer(comparison, info.id)
    names = {source.id: source.name for source in comparison.sources}
    unique = []
    for source in comparison.sources:
        points = tuple(
            Cited(u.text, citer.sentences([u.sentence]), label=u.detail or "")
            for u in comparison.unique
            if u.source == source.id
        )
        if points:
            unique.append(UniqueGroup(names[source.id], points))
    return StoryView(
        info=info,
        summary=tuple(Cited(s.text, citer.cites(_summary_pairs(s))) for s in comparison.summary.sentences),
        agreed=tuple(
            Cited(a.text, citer.sentences(a.fact.sentences), note=f"{a.support} sources") for a in comparison.agreed
        ),
        unique=tuple(unique),
        contested=tuple(
            ConflictView(
                c.kind.value,
                c.subject,
                c.partial,
                tuple(Cited(side.value, citer.spans(side.spans)) for side in c.sides),
            )
            for c in comparison.conflicts
        ),
        entities=tuple(
            EntityView(
                e.name,
                e.kind.value,
                ", ".join(v for v in e.variants if v != e.name),
                "; ".join(dict.fromkeys(d.text for d in e.descriptions)),
                citer.spans(e.mentions),
            )
            for e in comparison.entities
        ),
        timeline=tuple(
            TimelineRow(event.when.label, tuple(citer.mention(m) for m in event.mentions))
            for event in comparison.timeline
        ),
        undated=tuple(citer.mention(m) for m in comparison.unresolved),
        sources=_sources(comparison, story, info.id),
        ner=comparison.ner,
    )


def article_view(
    article: Article,
    sentences: tuple[Sentence, ...],
    *,
    marked: int | None,
    story_id: str | None,
    copy_of: str | None,
    dropped: tuple[DroppedLine, ...] | None,
) -> ArticleView:
    """The cleaned article as paragraphs of sentences, sentence `marked` highlighted."""
    paragraphs: dict[int, list[SentenceView]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(
            SentenceView(sentence.index, sentence.text, sentence.index == marked)
        )
    return ArticleView(
        article=article,
        shown_path=shown_path(article),
        paragraphs=tuple(tuple(p) for p in paragraphs.values()),
        story_id=story_id,
        copy_of=copy_of,
        dropped=dropped,
    )
