"""The timeline: every dated mention of every article, grouped by the day or period it means.

An article with no date of its own (no metadata, dateline or explicit date) cannot resolve
"Friday" by itself. When the same expression, read against another article's date, lands on a
day that article already reports, the mention joins that day as corroborated (the two reports
name the same weekday of the same story); otherwise it is listed as unresolved, with why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsfuse.compare.dates import Anchor, Expression, article_anchor, date_mentions, latest_year, resolve
from newsfuse.model import Article, DateBasis, DateMention, DateRange, Granularity, Sentence, TimelineEvent

# A coarse period (a year) shared by two reports says little that they speak of the same thing.
CORROBORATING_GRANULARITIES = frozenset(
    {Granularity.DAY, Granularity.WEEK, Granularity.PART_OF_MONTH, Granularity.MONTH}
)


def build_timeline(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> tuple[tuple[TimelineEvent, ...], tuple[DateMention, ...]]:
    """The dated events of the articles in date order, and the mentions that could not be dated."""
    anchors: dict[str, Anchor | None] = {a.id: article_anchor(a, sentences[a.id]) for a in articles}
    by_range: dict[DateRange, list[DateMention]] = {}
    pending: list[tuple[DateMention, Expression, Article]] = []
    for article in articles:
        for mention, expression in date_mentions(article, sentences[article.id], anchors[article.id]):
            if mention.when is not None:
                by_range.setdefault(mention.when, []).append(mention)
            else:
                pending.append((mention, expression, article))
    unresolved = []
    for mention, expression, article in pending:
        joined = _corroborate(mention, expression, article, articles, anchors, by_range)
        if joined is None or joined.when is None:
            unresolved.append(mention)
        else:
            by_range[joined.when].append(joined)
    position = {article.id: number for number, article in enumerate(articles)}
    events = []
    for when, mentions in sorted(by_range.items(), key=lambda item: (item[0].first, item[0].last)):
        ordered = sorted(mentions, key=lambda m: (position[m.span.article_id], m.span.start))
        events.append(TimelineEvent(when, tuple(ordered), tuple(dict.fromkeys(m.span.article_id for m in ordered))))
    return tuple(events), tuple(unresolved)


def _corroborate(
    mention: DateMention,
    expression: Expression,
    article: Article,
    articles: Sequence[Article],
    anchors: Mapping[str, Anchor | None],
    by_range: Mapping[DateRange, list[DateMention]],
) -> DateMention | None:
    """The mention dated by another article's date, when that date puts it on a day that article reports."""
    for other in articles:
        anchor = anchors[other.id]
        if other.id == article.id or anchor is None:
            continue
        when, _ = resolve(expression, anchor, latest_year(article.text))
        if when is None or when.granularity not in CORROBORATING_GRANULARITIES:
            continue
        reported_there = any(m.span.article_id == other.id for m in by_range.get(when, ()))
        if reported_there:
            name = other.source or other.title or other.id
            return replace(
                mention,
                when=when,
                basis=DateBasis.CORROBORATED,
                note=f"read against the date of {name} ({anchor.day.isoformat()}), which reports the same {when.granularity.value}",
            )
    return None
