"""A comparison as one self-contained HTML page (templates/comparison.html): inline CSS, no script,
no font, image or request beyond the file itself.

Every citation `[n]` links to the sentence of article n it rests on, and every sentence of every
article is in the page with an anchor (`#s<n>-<index>`), so a reader can check each item against
its source. Article text is escaped everywhere: it is never markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib import resources
from string import Template

from newsfuse.model import Comparison, Conflict, ConflictKind, Problem, Sentence, Span, SummarySentence
from newsfuse.render.citations import source_line

TEMPLATE = "comparison.html"
SNIPPET_CHARS = 140  # a timeline entry shows the start of its sentence; the link leads to the rest


def sentence_anchor(number: int, index: int) -> str:
    """The id of sentence `index` of article `number` (1-based, as cited)."""
    return f"s{number}-{index}"


def _cite(comparison: Comparison, article_id: str, index: int | None) -> str:
    number = comparison.summary.citation_number(article_id)
    target = sentence_anchor(number, index) if index is not None else f"a{number}"
    return f'<a class="cite" href="#{target}">[{number}]</a>'


def _cites(comparison: Comparison, pairs: Iterable[tuple[str, int | None]]) -> str:
    """Citations for (article id, sentence index) pairs: one link per article number, the first sentence."""
    first: dict[int, tuple[str, int | None]] = {}
    for article_id, index in pairs:
        first.setdefault(comparison.summary.citation_number(article_id), (article_id, index))
    return "".join(_cite(comparison, *first[number]) for number in sorted(first))


def _span_cites(comparison: Comparison, spans: Iterable[Span]) -> str:
    return _cites(comparison, ((s.article_id, s.sentence_index) for s in spans))


def _summary_pairs(sentence: SummarySentence) -> list[tuple[str, int | None]]:
    index_of: dict[str, int] = {sentence.origin.article_id: sentence.origin.index}
    for citation in sentence.evidence:
        index_of.setdefault(citation.article_id, citation.sentence_index)
    return [(article_id, index_of.get(article_id)) for article_id in sentence.sources]


def _short(text: str, limit: int = SNIPPET_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _section(title: str, section_id: str, inner: str, note: str = "") -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return f'<section id="{section_id}"><h2>{escape(title)}</h2>{note_html}{inner}</section>'


def _summary(comparison: Comparison) -> str:
    items = "".join(
        f"<li>{escape(s.text)} {_cites(comparison, _summary_pairs(s))}</li>" for s in comparison.summary.sentences
    )
    return _section("Summary", "summary", f"<ul>{items}</ul>" if items else "<p>(no summary)</p>")


def _agreed(comparison: Comparison) -> str:
    items = "".join(
        f"<li>{escape(a.text)} {_cites(comparison, ((s.article_id, s.index) for s in a.fact.sentences))}"
        f' <span class="note">({a.support} sources)</span></li>'
        for a in comparison.agreed
    )
    return _section(
        "Agreed",
        "agreed",
        f'<ul class="agreed">{items}</ul>' if items else "<p>(nothing two sources both report)</p>",
        "Facts two or more independent sources report (copies of one wire story count once).",
    )


def _unique(comparison: Comparison) -> str:
    groups = []
    for source in comparison.sources:
        points = [u for u in comparison.unique if u.source == source.id]
        if not points:
            continue
        items = "".join(
            "<li>"
            + (f'<span class="detail">{escape(u.detail)}</span> — ' if u.detail else "")
            + f"{escape(u.text)} {_cite(comparison, u.sentence.article_id, u.sentence.index)}</li>"
            for u in points
        )
        groups.append(f'<h3>Only in {escape(source.name)}</h3><ul class="unique">{items}</ul>')
    return _section("Unique to one source", "unique", "".join(groups) or "<p>(none)</p>")


def _extent(conflict: Conflict) -> str:
    if conflict.kind is ConflictKind.ROLE:
        return "described differently"
    return "lists differ in part" if conflict.partial else "contradict"


def _contested(comparison: Comparison) -> str:
    items = []
    for conflict in comparison.conflicts:
        extent = _extent(conflict)
        sides = "".join(
            f"<li>{escape(side.value)} {_span_cites(comparison, side.spans)}</li>" for side in conflict.sides
        )
        items.append(
            f'<li><span class="kind">{escape(conflict.kind.value)} · {extent}</span><br>'
            f"{escape(conflict.subject)}<ul>{sides}</ul></li>"
        )
    return _section(
        "Contested",
        "contested",
        f'<ul class="contested">{"".join(items)}</ul>' if items else "<p>(no conflicting values found)</p>",
    )


def _entities(comparison: Comparison) -> str:
    rows = []
    for entity in comparison.entities:
        variants = ", ".join(v for v in entity.variants if v != entity.name)
        roles = "; ".join(dict.fromkeys(d.text for d in entity.descriptions))
        rows.append(
            f"<tr><td>{escape(entity.name)}</td><td>{escape(entity.kind.value)}</td><td>{escape(variants)}</td>"
            f'<td>{escape(roles)}</td><td class="cites">{_span_cites(comparison, entity.mentions)}</td></tr>'
        )
    table = (
        "<table><thead><tr><th>Name</th><th>Kind</th><th>Also written</th><th>Described as</th><th>Sources</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return _section("Entities", "entities", table if rows else "<p>(none found)</p>", f"Recognizer: {comparison.ner}.")


def _timeline(comparison: Comparison) -> str:
    sentence_text = {(s.article_id, s.index): s.text for s in comparison.sentences}
    rows = []
    for event in comparison.timeline:
        mentions = "<br>".join(
            f"<q>{escape(m.span.text)}</q>: {escape(_short(sentence_text[(m.span.article_id, m.span.sentence_index)]))} "
            f"{_cite(comparison, m.span.article_id, m.span.sentence_index)}"
            + (f' <span class="note">{escape(m.note)}</span>' if m.note else "")
            for m in event.mentions
        )
        rows.append(f'<tr><td class="when">{escape(event.when.label)}</td><td>{mentions}</td></tr>')
    unresolved = "".join(
        f"<li><q>{escape(m.span.text)}</q> {_cite(comparison, m.span.article_id, m.span.sentence_index)}"
        f' <span class="note">{escape(m.note)}</span></li>'
        for m in comparison.unresolved
    )
    inner = f"<table><tbody>{''.join(rows)}</tbody></table>" if rows else "<p>(no dated events)</p>"
    if unresolved:
        inner += f"<h3>Not dated</h3><ul>{unresolved}</ul>"
    return _section("Timeline", "timeline", inner)


def _sources(comparison: Comparison) -> str:
    by_article: dict[str, list[Sentence]] = {}
    for sentence in comparison.sentences:
        by_article.setdefault(sentence.article_id, []).append(sentence)
    parts = []
    for number, article in enumerate(comparison.articles, start=1):
        paragraphs: dict[int, list[str]] = {}
        for sentence in by_article.get(article.id, []):
            paragraphs.setdefault(sentence.paragraph, []).append(
                f'<span class="sentence" id="{sentence_anchor(number, sentence.index)}">{escape(sentence.text)}</span>'
            )
        body = "".join(f"<p>{' '.join(spans)}</p>" for spans in paragraphs.values())
        parts.append(
            f'<article class="source" id="a{number}"><h3>[{number}] {escape(source_line(article))}</h3>{body}</article>'
        )
    return _section("Sources", "sources", "".join(parts), "Every sentence of every article, as compared.")


def render_html(comparison: Comparison, problems: tuple[Problem, ...] = ()) -> str:
    """The comparison as a self-contained HTML report."""
    from newsfuse import __version__  # the package root imports the renderers: import late

    template = Template(resources.files("newsfuse.render").joinpath("templates", TEMPLATE).read_text(encoding="utf-8"))
    first_title = next((a.title for a in comparison.articles if a.title), None)
    names = ", ".join(source.name for source in comparison.sources)
    body = "".join(
        [
            _summary(comparison),
            _agreed(comparison),
            _unique(comparison),
            _contested(comparison),
            _entities(comparison),
            _timeline(comparison),
            _sources(comparison),
        ]
    )
    return template.substitute(
        version=escape(__version__),
        title=escape(first_title or "Comparison"),
        subtitle=escape(
            f"{len(comparison.articles)} reports from {len(comparison.sources)} independent sources: {names}"
        ),
        body=body,
    )
