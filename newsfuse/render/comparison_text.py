"""A comparison as plain text (terminal) and as Markdown: the same sections in the same order.

Summary, agreed, unique to one source, contested, entities, timeline (then what could not be
dated), sources. Citations are the one format of `render/citations.py`: `[n]` is an article's
position in `comparison.articles`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable

from newsfuse.model import Comparison, Conflict, ConflictKind, Problem
from newsfuse.render.citations import citation_marks, source_line

WIDTH = 100
SUBJECT_CHARS = 90  # a contested point's subject is cut to one line


def escape_markdown(text: str) -> str:
    """Article text as Markdown shows it literally (it is never markup)."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def marks(comparison: Comparison, article_ids: Iterable[str]) -> str:
    """ "[1][3]" for the given articles, ascending, each once."""
    numbers = sorted({comparison.summary.citation_number(a) for a in article_ids})
    return "".join(f"[{n}]" for n in numbers)


def short(text: str, limit: int = SUBJECT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _conflict_title(conflict: Conflict) -> str:
    if conflict.kind is ConflictKind.ROLE:
        extent = "the sources describe differently"
    else:
        extent = "the sources list different sets" if conflict.partial else "the sources disagree"
    return f"{conflict.kind.value} ({extent}): {short(conflict.subject)}"


def _sections(comparison: Comparison, escape: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """(title, items) of every section, each item one line of escaped text with its citations."""
    summary = comparison.summary
    sentence_text = {(s.article_id, s.index): s.text for s in comparison.sentences}
    sections: list[tuple[str, list[str]]] = [
        ("Summary", [f"{escape(s.text)} {citation_marks(summary, s)}" for s in summary.sentences]),
        (
            "Agreed (reported by two or more independent sources)",
            [f"{escape(a.text)} {marks(comparison, a.fact.articles)}" for a in comparison.agreed],
        ),
        *[
            (
                f"Only in {source.name}",
                [
                    (f"only here: {escape(u.detail)} — " if u.detail else "")
                    + f"{escape(u.text)} {marks(comparison, [u.sentence.article_id])}"
                    for u in comparison.unique
                    if u.source == source.id
                ],
            )
            for source in comparison.sources
        ],
        (
            "Contested",
            [
                escape(_conflict_title(c))
                + "".join(
                    f"\n    {escape(side.value)} {marks(comparison, [s.article_id for s in side.spans])}"
                    for side in c.sides
                )
                for c in comparison.conflicts
            ],
        ),
        (
            "Entities",
            [
                f"{escape(e.name)} ({e.kind.value})"
                + (f" also: {escape(', '.join(v for v in e.variants if v != e.name))}" if len(e.variants) > 1 else "")
                + f" {marks(comparison, e.articles)}"
                for e in comparison.entities
            ],
        ),
        (
            "Timeline",
            [
                e.when.label
                + "".join(
                    f"\n    “{escape(m.span.text)}”: {escape(short(sentence_text[(m.span.article_id, m.span.sentence_index)]))}"
                    f" {marks(comparison, [m.span.article_id])}" + (" (dated through another report)" if m.note else "")
                    for m in e.mentions
                )
                for e in comparison.timeline
            ],
        ),
        (
            "Not dated (relative to a date the article does not give)",
            [f"“{escape(m.span.text)}” {marks(comparison, [m.span.article_id])}" for m in comparison.unresolved],
        ),
        ("Sources", [f"[{n}] {escape(source_line(a))}" for n, a in enumerate(comparison.articles, start=1)]),
        (
            "Counted as one source",
            [
                f"{marks(comparison, s.articles)} {escape(s.name)}: {escape(s.reason)}"
                for s in comparison.sources
                if len(s.articles) > 1
            ],
        ),
    ]
    return [(title, items) for title, items in sections if items]


def render_comparison_text(comparison: Comparison, problems: tuple[Problem, ...] = ()) -> str:
    """The comparison for a terminal: each section a heading and wrapped items."""
    if not comparison.articles:
        return "(nothing to compare: no article has text)\n"
    lines: list[str] = []
    for title, items in _sections(comparison, lambda text: text):
        lines += [title, "-" * len(title)]
        for item in items:
            first, *rest = item.split("\n")
            lines.append(textwrap.fill(first, WIDTH, initial_indent="* ", subsequent_indent="  "))
            lines += [
                textwrap.fill(line.strip(), WIDTH, initial_indent="    ", subsequent_indent="      ") for line in rest
            ]
        lines.append("")
    return "\n".join(lines)


def render_comparison_markdown(comparison: Comparison, problems: tuple[Problem, ...] = ()) -> str:
    """The comparison as Markdown: a heading a section, a bullet an item (sides nested)."""
    lines: list[str] = ["# Comparison", ""]
    for title, items in _sections(comparison, escape_markdown):
        lines += [f"## {title}", ""]
        for item in items:
            first, *rest = item.split("\n")
            lines.append(f"- {first}")
            lines += [f"  - {line.strip()}" for line in rest]
        lines.append("")
    return "\n".join(lines)
