"""Render stage: a summary as plain text, Markdown or JSON; `RENDERERS` is the name table.

Every renderer takes the summary and the input problems met on the way (only JSON writes them
out; the CLI reports them on standard error).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from newsfuse.model import Problem, Summary
from newsfuse.render.json import render_json
from newsfuse.render.markdown import render_markdown
from newsfuse.render.text import render_text

OutputFormat = Literal["text", "md", "json"]

RENDERERS: dict[str, Callable[[Summary, tuple[Problem, ...]], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}

__all__ = ["RENDERERS", "OutputFormat", "render_json", "render_markdown", "render_text"]
