"""Markdown: the summary as a paragraph with citation links, and a numbered list of sources."""

from __future__ import annotations

from newsfuse.model import Problem, Summary
from newsfuse.render.citations import citation_numbers, source_line


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")


def render_markdown(summary: Summary, problems: tuple[Problem, ...] = ()) -> str:
    """Markdown with `[n](#source-n)` citations and a sources list carrying those anchors."""
    lines = ["## Summary", ""]
    for sentence in summary.sentences:
        marks = "".join(f"[\\[{n}\\]](#source-{n})" for n in citation_numbers(summary, sentence))
        lines.append(f"{_escape(sentence.text)} {marks}")
        lines.append("")
    lines += ["## Sources", ""]
    for number, article in enumerate(summary.articles, start=1):
        lines.append(f'{number}. <a id="source-{number}"></a>{_escape(source_line(article))}')
    return "\n".join(lines) + "\n"
