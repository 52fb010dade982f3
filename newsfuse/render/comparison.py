"""The renderers of a comparison, by format name: the one table the CLI and the API pick from."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.model import Comparison, Problem
from newsfuse.render.comparison_json import render_comparison_json
from newsfuse.render.comparison_text import render_comparison_markdown, render_comparison_text
from newsfuse.render.html import render_html

COMPARISON_RENDERERS: dict[str, Callable[[Comparison, tuple[Problem, ...]], str]] = {
    "text": render_comparison_text,
    "md": render_comparison_markdown,
    "json": render_comparison_json,
    "html": render_html,
}

__all__ = ["COMPARISON_RENDERERS"]
