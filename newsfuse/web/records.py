"""The JSON API's records (the web's I/O edge) and their JSON Schemas for the OpenAPI document.

A story is `newsfuse.story` v1: its listing line plus `comparison`, which is exactly what
`newsfuse compare --format json` writes (`newsfuse.comparison` v1, docs/json.md). A listing is
`newsfuse.stories` v1, an article `newsfuse.article` v1 and the server's progress `newsfuse.status` v1. Fields may be added within a version.
"""

from __future__ import annotations

from newsfuse.model import Comparison, DroppedLine, Problem, StoryInfo
from newsfuse.render.comparison_json import comparison_record
from newsfuse.render.json import article_record
from newsfuse.render.stories import story_line_record
from newsfuse.store.browse import StoryPage
from newsfuse.web.newsroom import Status
from newsfuse.web.pages import ArticleView, story_href
from newsfuse.web.uploads import Added

STORIES_SCHEMA = "newsfuse.stories"
STORY_SCHEMA = "newsfuse.story"
ARTICLE_SCHEMA = "newsfuse.article"
ADDED_SCHEMA = "newsfuse.added"
STATUS_SCHEMA = "newsfuse.status"
VERSION = 1


def story_line(info: StoryInfo) -> dict[str, object]:
    return {**story_line_record(info), "href": story_href(info.id)}


def stories_record(page: StoryPage) -> dict[str, object]:
    return {
        "schema": STORIES_SCHEMA,
        "version": VERSION,
        "total": page.total,
        "next": page.next,
        "stories": [story_line(info) for info in page.stories],
    }


def story_record(info: StoryInfo, comparison: Comparison) -> dict[str, object]:
    return {
        "schema": STORY_SCHEMA,
        "version": VERSION,
        "story": story_line(info),
        "comparison": comparison_record(comparison),
    }


def _dropped(line: DroppedLine) -> dict[str, object]:
    return {"line": line.line, "reason": line.reason.value}


def article_record_full(view: ArticleView) -> dict[str, object]:
    article = view.article
    return {
        "schema": ARTICLE_SCHEMA,
        "version": VERSION,
        **{k: v for k, v in article_record(0, article).items() if k != "number"},
        "story_id": view.story_id,
        "copy_of": view.copy_of,
        "text": article.text,
        "sentences": [
            {"index": s.index, "text": s.text, "paragraph": n}
            for n, paragraph in enumerate(view.paragraphs)
            for s in paragraph
        ],
        "dropped": None if view.dropped is None else [_dropped(line) for line in view.dropped],
    }


def added_record(added: Added, story_id: str | None) -> dict[str, object]:
    report = added.report
    return {
        "schema": ADDED_SCHEMA,
        "version": VERSION,
        "story_id": story_id,
        "href": story_href(story_id) if story_id else None,
        "article_ids": list(added.article_ids),
        "read": report.read,
        "known": report.known,
        "added": report.added,
        "copies": report.copies,
        "new_stories": report.new_stories,
        "grown_stories": report.grown_stories,
        "problems": [_problem(p) for p in (*added.problems, *report.skipped)],
    }


def status_record(status: Status) -> dict[str, object]:
    warmer = status.warmer
    return {
        "schema": STATUS_SCHEMA,
        "version": VERSION,
        "stories": status.stories,
        "compared": status.compared,
        "ready": status.ready,
        "warmer": {
            "running": warmer.running,
            "idle": warmer.idle,
            "compared": warmer.compared,
            "failed": warmer.failed,
        },
    }


def _problem(problem: Problem) -> dict[str, str]:
    return {"path": problem.path, "reason": problem.reason}


# --- JSON Schemas for the OpenAPI document (the top level of each record; docs/json.md has the rest) ---

_NULLABLE_STRING = {"type": ["string", "null"]}
_STORY_LINE = {
    "type": "object",
    "required": ["id", "headline", "size", "copies", "sources", "first", "last", "href"],
    "properties": {
        "id": {"type": "string"},
        "headline": {"type": "string"},
        "size": {"type": "integer", "description": "distinct articles (copies not counted)"},
        "copies": {"type": "integer", "description": "reprints folded into an article (wire copies)"},
        "sources": {"type": "array", "items": {"type": "string"}, "description": "outlets"},
        "first": {**_NULLABLE_STRING, "format": "date"},
        "last": {**_NULLABLE_STRING, "format": "date"},
        "href": {"type": "string", "description": "the story's page"},
    },
}


def _versioned(schema: str, properties: dict[str, object], description: str) -> dict[str, object]:
    return {
        "type": "object",
        "description": description,
        "required": ["schema", "version", *properties],
        "properties": {"schema": {"const": schema}, "version": {"const": VERSION}, **properties},
    }


STORIES_JSON_SCHEMA = _versioned(
    STORIES_SCHEMA,
    {
        "total": {"type": "integer", "description": "stories matching the query, over all pages"},
        "next": {**_NULLABLE_STRING, "description": "pass as `after` for the next page; null on the last"},
        "stories": {"type": "array", "items": _STORY_LINE},
    },
    "A page of stories, newest and biggest first.",
)
STORY_JSON_SCHEMA = _versioned(
    STORY_SCHEMA,
    {
        "story": _STORY_LINE,
        "comparison": {
            "type": "object",
            "description": "`newsfuse.comparison` v1, as `newsfuse compare --format json` writes it (docs/json.md)",
        },
    },
    "A story with its cited summary and comparison.",
)
ARTICLE_JSON_SCHEMA = _versioned(
    ARTICLE_SCHEMA,
    {
        "id": {"type": "string"},
        "title": _NULLABLE_STRING,
        "source": _NULLABLE_STRING,
        "url": _NULLABLE_STRING,
        "published": {**_NULLABLE_STRING, "format": "date"},
        "path": _NULLABLE_STRING,
        "story_id": _NULLABLE_STRING,
        "copy_of": {**_NULLABLE_STRING, "description": "the article whose text this copy reprints"},
        "text": {"type": "string", "description": "the cleaned text"},
        "sentences": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "index": {"type": "integer"},
                    "text": {"type": "string"},
                    "paragraph": {"type": "integer"},
                },
            },
        },
        "dropped": {
            "type": ["array", "null"],
            "description": "lines cleaning removed, with the reason; null when not recorded (the store keeps cleaned text only)",
            "items": {"type": "object", "properties": {"line": {"type": "string"}, "reason": {"type": "string"}}},
        },
    },
    "An article's cleaned text, sentence by sentence.",
)
ADDED_JSON_SCHEMA = _versioned(
    ADDED_SCHEMA,
    {
        "story_id": {**_NULLABLE_STRING, "description": "the story most of the added articles joined"},
        "href": _NULLABLE_STRING,
        "article_ids": {"type": "array", "items": {"type": "string"}},
        "read": {"type": "integer"},
        "known": {"type": "integer"},
        "added": {"type": "integer"},
        "copies": {"type": "integer"},
        "new_stories": {"type": "integer"},
        "grown_stories": {"type": "integer"},
        "problems": {"type": "array", "items": {"type": "object"}},
    },
    "What adding news did.",
)
STATUS_JSON_SCHEMA = _versioned(
    STATUS_SCHEMA,
    {
        "stories": {"type": "integer"},
        "compared": {
            "type": "integer",
            "description": "stories whose current comparison is stored (their pages read it)",
        },
        "ready": {
            "type": "boolean",
            "description": "the stored summaries are indexed for search (seconds after start)",
        },
        "warmer": {
            "type": "object",
            "description": "the background comparer since the server started: `idle` once every story is compared",
            "properties": {
                "running": {"type": "boolean"},
                "idle": {"type": "boolean"},
                "compared": {"type": "integer"},
                "failed": {"type": "integer"},
            },
        },
    },
    "How far the store's stories are compared.",
)
ERROR_JSON_SCHEMA = {"type": "object", "properties": {"detail": {"type": "string"}}}
