"""Comparisons as the store keeps them: compact JSON values that give back the very same `Comparison`.

A stored comparison names its articles by id and is read back with the story's articles; sentences
are kept as spans of their article's text (the text is not stored twice) and every other field
points at them by position. Anything that does not fit that shape is kept whole, so a round trip
is exact for any comparison (tests/store/test_comparisons.py).

`comparison_settings` says what made a comparison (the options, newsfuse's version, this format):
a stored one made otherwise is not current and is made again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from importlib import metadata
from typing import Any

from newsfuse.compare import CompareConfig, compare_articles, recognizer_name
from newsfuse.model import (
    AgreedFact,
    Article,
    Citation,
    Comparison,
    Conflict,
    ConflictKind,
    ConflictSide,
    DateBasis,
    DateMention,
    DateRange,
    Entity,
    EntityKind,
    Fact,
    Granularity,
    Sentence,
    Source,
    Span,
    Story,
    Summary,
    SummarySentence,
    TimelineEvent,
    UniquePoint,
)

# Raise when the layout below changes: comparisons stored in another layout are then made again.
FORMAT = 1

Json = Any  # JSON values of the layout below, built and read only in this module


def comparison_settings(config: CompareConfig) -> str:
    """What a comparison made with `config` by this code is stored under (a stored one made otherwise is stale)."""
    try:
        version = metadata.version("newsfuse")
    except metadata.PackageNotFoundError:
        version = "unknown"
    settings = {
        "format": FORMAT,
        "newsfuse": version,
        "ner": recognizer_name(config),
        "summary": asdict(config.summary),
        "copy_jaccard": config.copy_jaccard,
        "same_outlet_is_one_source": config.same_outlet_is_one_source,
    }
    return json.dumps(settings, sort_keys=True)


def story_comparison(
    story: Story,
    config: CompareConfig,
    *,
    load: Callable[[Story, str], Comparison | None],
    save: Callable[[Story, str, Comparison], object],
) -> Comparison:
    """The comparison of a stored story: the stored one when current (`load`), else made now and handed to `save`.

    `load` and `save` are a store's `comparison` and `save_comparison`, or what reads through a pool
    of connections and queues the save for the store's one writer (the web app).
    """
    settings = comparison_settings(config)
    stored = load(story, settings)
    if stored is not None:
        return stored
    made = compare_articles(story.articles, config)  # stored articles were cleaned on the way in
    save(story, settings, made)
    return made


class _Encoder:
    def __init__(self, comparison: Comparison) -> None:
        self.articles = {article.id: article for article in comparison.articles}
        self.number = {article.id: n for n, article in enumerate(comparison.articles)}
        self.position = {(s.article_id, s.index): p for p, s in enumerate(comparison.sentences)}
        self.sentences = comparison.sentences

    def sentence_row(self, sentence: Sentence) -> Json:
        article = self.articles.get(sentence.article_id)
        if article is not None and article.text[sentence.start : sentence.end] == sentence.text:
            return [self.number[sentence.article_id], sentence.index, sentence.start, sentence.end, sentence.paragraph]
        return self.whole(sentence)

    @staticmethod
    def whole(sentence: Sentence) -> Json:
        return {
            "article_id": sentence.article_id,
            "index": sentence.index,
            "text": sentence.text,
            "start": sentence.start,
            "end": sentence.end,
            "paragraph": sentence.paragraph,
        }

    def sentence(self, sentence: Sentence) -> Json:
        """A position in the comparison's sentences, or the sentence whole when it is not one of them."""
        position = self.position.get((sentence.article_id, sentence.index))
        if position is not None and self.sentences[position] == sentence:
            return position
        return self.whole(sentence)


def _span(span: Span) -> Json:
    return [span.article_id, span.sentence_index, span.text, span.start, span.end]


def _range(when: DateRange | None) -> Json:
    return None if when is None else [when.first.isoformat(), when.last.isoformat(), when.granularity.name]


def _mention(mention: DateMention) -> Json:
    return [_span(mention.span), _range(mention.when), mention.basis.name if mention.basis else None, mention.note]


def encode_comparison(comparison: Comparison) -> str:
    """The comparison as the store's JSON text."""
    out = _Encoder(comparison)
    summary = comparison.summary
    data = {
        "format": FORMAT,
        "ner": comparison.ner,
        "articles": [article.id for article in summary.articles],
        "sentences": [out.sentence_row(s) for s in comparison.sentences],
        "summary": {
            "engine": summary.engine,
            "max_words": summary.max_words,
            "max_sentences": summary.max_sentences,
            "sentences": [
                [
                    s.text,
                    list(s.sources),
                    out.sentence(s.origin),
                    [[c.article_id, c.sentence_index, c.similarity] for c in s.evidence],
                ]
                for s in summary.sentences
            ],
        },
        "sources": [[s.id, s.name, list(s.articles), s.reason] for s in comparison.sources],
        "agreed": [
            [a.text, [out.sentence(s) for s in a.fact.sentences], list(a.fact.articles), list(a.sources)]
            for a in comparison.agreed
        ],
        "unique": [[u.text, out.sentence(u.sentence), u.source, u.detail] for u in comparison.unique],
        "conflicts": [
            [
                c.kind.name,
                c.subject,
                c.partial,
                [[side.value, [_span(s) for s in side.spans], list(side.sources)] for side in c.sides],
            ]
            for c in comparison.conflicts
        ],
        "entities": [
            [
                e.id,
                e.name,
                e.kind.name,
                list(e.variants),
                [_span(s) for s in e.mentions],
                list(e.articles),
                [_span(s) for s in e.descriptions],
            ]
            for e in comparison.entities
        ],
        "timeline": [
            [_range(event.when), [_mention(m) for m in event.mentions], list(event.articles)]
            for event in comparison.timeline
        ],
        "unresolved": [_mention(m) for m in comparison.unresolved],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def stored_article_ids(text: str) -> list[str]:
    """The ids of the articles a stored comparison was made from (without reading the rest)."""
    return list(json.loads(text)["articles"])


class _Decoder:
    def __init__(self, data: Json, articles: Sequence[Article]) -> None:
        by_id = {article.id: article for article in articles}
        self.articles = tuple(by_id[article_id] for article_id in data["articles"])
        self.sentences = tuple(self.sentence_row(row) for row in data["sentences"])

    def sentence_row(self, row: Json) -> Sentence:
        if isinstance(row, dict):
            return self.whole(row)
        number, index, start, end, paragraph = row
        article = self.articles[number]
        return Sentence(article.id, index, article.text[start:end], start, end, paragraph)

    @staticmethod
    def whole(row: Json) -> Sentence:
        return Sentence(row["article_id"], row["index"], row["text"], row["start"], row["end"], row["paragraph"])

    def sentence(self, value: Json) -> Sentence:
        return self.sentences[value] if isinstance(value, int) else self.whole(value)


def _span_of(row: Json) -> Span:
    return Span(row[0], row[1], row[2], row[3], row[4])


def _spans(rows: Json) -> tuple[Span, ...]:
    return tuple(Span(r[0], r[1], r[2], r[3], r[4]) for r in rows)


def _range_of(row: Json) -> DateRange | None:
    if row is None:
        return None
    return DateRange(date.fromisoformat(row[0]), date.fromisoformat(row[1]), Granularity[row[2]])


def _mention_of(row: Json) -> DateMention:
    return DateMention(_span_of(row[0]), _range_of(row[1]), DateBasis[row[2]] if row[2] else None, row[3])


def decode_comparison(text: str, articles: Sequence[Article]) -> Comparison:
    """A stored comparison, given (at least) the articles it was made from; KeyError when one is missing."""
    data = json.loads(text)
    into = _Decoder(data, articles)
    s = data["summary"]
    summary = Summary(
        tuple(
            SummarySentence(
                row[0], tuple(row[1]), into.sentence(row[2]), tuple(Citation(c[0], c[1], c[2]) for c in row[3])
            )
            for row in s["sentences"]
        ),
        into.articles,
        s["engine"],
        s["max_words"],
        s["max_sentences"],
    )
    timeline = []
    for row in data["timeline"]:
        when = _range_of(row[0])
        if when is None:  # never written: every timeline event has a date
            raise KeyError("a timeline event without its date")
        timeline.append(TimelineEvent(when, tuple(_mention_of(m) for m in row[1]), tuple(row[2])))
    return Comparison(
        summary=summary,
        sources=tuple(Source(r[0], r[1], tuple(r[2]), r[3]) for r in data["sources"]),
        sentences=into.sentences,
        agreed=tuple(
            AgreedFact(r[0], Fact(tuple(into.sentence(x) for x in r[1]), tuple(r[2])), tuple(r[3]))
            for r in data["agreed"]
        ),
        unique=tuple(UniquePoint(r[0], into.sentence(r[1]), r[2], r[3]) for r in data["unique"]),
        conflicts=tuple(
            Conflict(ConflictKind[r[0]], r[1], tuple(ConflictSide(x[0], _spans(x[1]), tuple(x[2])) for x in r[3]), r[2])
            for r in data["conflicts"]
        ),
        entities=tuple(
            Entity(r[0], r[1], EntityKind[r[2]], tuple(r[3]), _spans(r[4]), tuple(r[5]), _spans(r[6]))
            for r in data["entities"]
        ),
        timeline=tuple(timeline),
        unresolved=tuple(_mention_of(m) for m in data["unresolved"]),
        ner=data["ner"],
    )
