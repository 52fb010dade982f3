"""Story listings: one line a story for the terminal, or JSON (`newsfuse.stories`, version 1)."""

from __future__ import annotations

import json

from newsfuse.model import StoryInfo, Summary
from newsfuse.render.json import summary_record

STORIES_SCHEMA = "newsfuse.stories"
STORIES_VERSION = 1
_MAX_SOURCES_SHOWN = 3
HEADLINE_WIDTH = 80


def _dates(info: StoryInfo) -> str:
    if info.first is None:
        return "undated"
    if info.last is None or info.last == info.first:
        return info.first.isoformat()
    return f"{info.first.isoformat()}..{info.last.isoformat()}"


def render_story_list(stories: list[StoryInfo]) -> str:
    """One line a story: id, size (and copies), outlets, dates, headline."""
    if not stories:
        return "(no stories yet: `newsfuse ingest PATHS` adds some)\n"
    lines = []
    for info in stories:
        size = f"{info.size} article{'s' if info.size != 1 else ''}" + (
            f" +{info.copies} copies" if info.copies else ""
        )
        shown = ", ".join(info.sources[:_MAX_SOURCES_SHOWN]) + (
            " ..." if len(info.sources) > _MAX_SOURCES_SHOWN else ""
        )
        headline = " ".join(info.headline.split())
        headline = headline if len(headline) <= HEADLINE_WIDTH else headline[: HEADLINE_WIDTH - 3] + "..."
        lines.append(f"{info.id}  {size:<22} {_dates(info):<23} {headline}" + (f"  [{shown}]" if shown else ""))
    return "\n".join(lines) + "\n"


def story_line_record(info: StoryInfo) -> dict[str, object]:
    """One story's listing line as a JSON object (the CLI's listing and the web API's)."""
    return {
        "id": info.id,
        "size": info.size,
        "copies": info.copies,
        "sources": list(info.sources),
        "first": info.first.isoformat() if info.first else None,
        "last": info.last.isoformat() if info.last else None,
        "headline": info.headline,
    }


def render_story_list_json(stories: list[StoryInfo]) -> str:
    """The listing as JSON."""
    record = {
        "schema": STORIES_SCHEMA,
        "version": STORIES_VERSION,
        "stories": [story_line_record(info) for info in stories],
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render_story_summaries_json(summaries: list[tuple[str, Summary]]) -> str:
    """Several stories' summaries (`summarize --stories --format json`), each in the summary schema."""
    record = {
        "schema": STORIES_SCHEMA,
        "version": STORIES_VERSION,
        "stories": [{"id": story_id, "summary": summary_record(summary)} for story_id, summary in summaries],
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
