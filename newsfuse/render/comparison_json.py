"""JSON of a comparison: schema "newsfuse.comparison", versioned like "newsfuse.summary" (docs/json.md).

Every item points at the exact text it comes from: `{"article_id", "index", "start", "end"}` for
a sentence, plus `"text"` for a phrase inside it; `"citations"` are the `[n]` numbers readers see.
"""

from __future__ import annotations

import json

from newsfuse.model import Comparison, DateMention, DateRange, Problem, Sentence, Span
from newsfuse.render.json import summary_record

SCHEMA = "newsfuse.comparison"
SCHEMA_VERSION = 1


def _sentence(sentence: Sentence) -> dict[str, object]:
    return {"article_id": sentence.article_id, "index": sentence.index, "start": sentence.start, "end": sentence.end}


def _span(span: Span) -> dict[str, object]:
    return {
        "article_id": span.article_id,
        "index": span.sentence_index,
        "text": span.text,
        "start": span.start,
        "end": span.end,
    }


def _range(when: DateRange | None) -> dict[str, object] | None:
    if when is None:
        return None
    return {
        "first": when.first.isoformat(),
        "last": when.last.isoformat(),
        "granularity": when.granularity.value,
        "label": when.label,
    }


def _mention(mention: DateMention) -> dict[str, object]:
    return {
        "phrase": _span(mention.span),
        "when": _range(mention.when),
        "basis": mention.basis.name.lower() if mention.basis else None,
        "note": mention.note,
    }


def comparison_record(comparison: Comparison, problems: tuple[Problem, ...] = ()) -> dict[str, object]:
    """The comparison as plain JSON values."""
    summary = comparison.summary

    def numbers(article_ids: tuple[str, ...] | list[str]) -> list[int]:
        return sorted({summary.citation_number(a) for a in article_ids})

    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "ner": comparison.ner,
        "summary": summary_record(summary, problems),
        "sources": [
            {
                "id": s.id,
                "name": s.name,
                "articles": list(s.articles),
                "citations": numbers(s.articles),
                "reason": s.reason,
            }
            for s in comparison.sources
        ],
        "agreed": [
            {
                "text": fact.text,
                "sources": list(fact.sources),
                "support": fact.support,
                "citations": numbers(fact.fact.articles),
                "sentences": [_sentence(s) for s in fact.fact.sentences],
            }
            for fact in comparison.agreed
        ],
        "unique": [
            {
                "text": point.text,
                "source": point.source,
                "detail": point.detail,
                "citations": numbers([point.sentence.article_id]),
                "sentence": _sentence(point.sentence),
            }
            for point in comparison.unique
        ],
        "conflicts": [
            {
                "kind": conflict.kind.name.lower(),
                "subject": conflict.subject,
                "partial": conflict.partial,
                "sides": [
                    {
                        "value": side.value,
                        "sources": list(side.sources),
                        "citations": numbers([span.article_id for span in side.spans]),
                        "spans": [_span(span) for span in side.spans],
                    }
                    for side in conflict.sides
                ],
            }
            for conflict in comparison.conflicts
        ],
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "kind": entity.kind.value,
                "variants": list(entity.variants),
                "citations": numbers(entity.articles),
                "mentions": [_span(span) for span in entity.mentions],
                "descriptions": [_span(span) for span in entity.descriptions],
            }
            for entity in comparison.entities
        ],
        "timeline": [
            {
                "when": _range(event.when),
                "citations": numbers(event.articles),
                "mentions": [_mention(m) for m in event.mentions],
            }
            for event in comparison.timeline
        ],
        "unresolved": [_mention(m) for m in comparison.unresolved],
    }


def render_comparison_json(comparison: Comparison, problems: tuple[Problem, ...] = ()) -> str:
    """The comparison as indented JSON."""
    return json.dumps(comparison_record(comparison, problems), ensure_ascii=False, indent=2) + "\n"
