"""JSON with a versioned schema (docs/json.md): ids trace every sentence to its article and span."""

from __future__ import annotations

import json

from newsfuse.model import Article, Problem, Summary
from newsfuse.render.citations import citation_numbers

SCHEMA = "newsfuse.summary"
SCHEMA_VERSION = 1


def article_record(number: int, article: Article) -> dict[str, object]:
    return {
        "number": number,
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "path": article.path,
    }


def summary_record(summary: Summary, problems: tuple[Problem, ...] = ()) -> dict[str, object]:
    """The summary as plain JSON values."""
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "engine": summary.engine,
        "budget": {"max_words": summary.max_words, "max_sentences": summary.max_sentences},
        "text": summary.text,
        "sentences": [
            {
                "text": sentence.text,
                "sources": list(sentence.sources),
                "citations": citation_numbers(summary, sentence),
                "origin": {
                    "article_id": sentence.origin.article_id,
                    "index": sentence.origin.index,
                    "start": sentence.origin.start,
                    "end": sentence.origin.end,
                },
                "evidence": [
                    {"article_id": c.article_id, "index": c.sentence_index, "similarity": c.similarity}
                    for c in sentence.evidence
                ],
            }
            for sentence in summary.sentences
        ],
        "articles": [article_record(n, article) for n, article in enumerate(summary.articles, start=1)],
        "problems": [{"path": p.path, "reason": p.reason} for p in problems],
    }


def render_json(summary: Summary, problems: tuple[Problem, ...] = ()) -> str:
    """The summary as indented JSON."""
    return json.dumps(summary_record(summary, problems), ensure_ascii=False, indent=2) + "\n"
