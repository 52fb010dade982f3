"""Plain text for the terminal and for pipes."""

from __future__ import annotations

import textwrap

from newsfuse.model import Problem, Summary
from newsfuse.render.citations import citation_marks, source_line

WIDTH = 100


def render_text(summary: Summary, problems: tuple[Problem, ...] = ()) -> str:
    """The summary, one cited sentence a paragraph, then the numbered sources."""
    if not summary.sentences:
        return "(no summary: the articles have no sentence to summarize)\n"
    lines = [
        textwrap.fill(f"{sentence.text} {citation_marks(summary, sentence)}", WIDTH) for sentence in summary.sentences
    ]
    lines.append("")
    lines.append("Sources")
    lines.extend(f"[{number}] {source_line(article)}" for number, article in enumerate(summary.articles, start=1))
    return "\n".join(lines) + "\n"
