"""Renderings: plain text, Markdown and JSON show each sentence with its [n] and the numbered sources."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.model import Problem, Summary
from newsfuse.render import RENDERERS, render_json, render_markdown, render_text
from newsfuse.render.json import SCHEMA, SCHEMA_VERSION
from tests.conftest import make_article, make_summary

FIRST = make_article("Trump and Kim will meet in February.", title="Summit set", source="France 24", path="a.txt")
SECOND = make_article(
    "Kim Yong Chol met Trump for 90 minutes.",
    title="Envoy at the White House",
    source="SBS News",
    url="https://sbs.example/1",
    published=date(2019, 1, 18),
)
THIRD = make_article("Vietnam will host the summit.")


def _summary() -> Summary:
    return make_summary(
        [FIRST, SECOND, THIRD],
        [("Trump and Kim will meet in February.", [1, 2, 3]), ("Vietnam will host the summit.", [3])],
    )


def test_renderers_table_snapshot() -> None:
    assert sorted(RENDERERS) == ["json", "md", "text"]


def test_render_text_marks_and_sources() -> None:
    text = render_text(_summary())
    assert "Trump and Kim will meet in February. [1][2][3]" in text
    assert "Vietnam will host the summit. [3]" in text
    assert "[1] Summit set — France 24 — a.txt" in text
    assert "[2] Envoy at the White House — SBS News — 2019-01-18 — https://sbs.example/1" in text
    assert "[3] (untitled)" in text


def test_render_text_empty_summary_says_so() -> None:
    assert "no summary" in render_text(make_summary([], []))


def test_render_markdown_links_citations_to_anchored_sources() -> None:
    md = render_markdown(_summary())
    assert "Trump and Kim will meet in February. [\\[1\\]](#source-1)[\\[2\\]](#source-2)[\\[3\\]](#source-3)" in md
    assert '1. <a id="source-1"></a>Summit set — France 24 — a.txt' in md
    assert md.startswith("## Summary\n")
    assert "## Sources" in md


def test_render_markdown_escapes_brackets_and_html() -> None:
    article = make_article("x", title="A [draft] <b>title</b>")
    md = render_markdown(make_summary([article], [("He said [sic] <script>.", [1])]))
    assert "He said \\[sic\\] &lt;script>." in md
    assert "A \\[draft\\] &lt;b>title&lt;/b>" in md


def test_render_json_schema_and_citation_numbers() -> None:
    problems = (Problem("bad.bin", "binary file, not text"),)
    record = json.loads(render_json(_summary(), problems))
    assert (record["schema"], record["version"]) == (SCHEMA, SCHEMA_VERSION) == ("newsfuse.summary", 1)
    assert record["text"] == "Trump and Kim will meet in February. Vietnam will host the summit."
    assert [s["citations"] for s in record["sentences"]] == [[1, 2, 3], [3]]
    numbers = {a["id"]: a["number"] for a in record["articles"]}
    for sentence in record["sentences"]:
        assert sentence["citations"] == sorted(numbers[i] for i in sentence["sources"])
        assert sentence["origin"]["article_id"] in sentence["sources"]
    assert record["articles"][1] == {
        "number": 2,
        "id": SECOND.id,
        "title": "Envoy at the White House",
        "source": "SBS News",
        "url": "https://sbs.example/1",
        "published": "2019-01-18",
        "path": None,
    }
    assert record["problems"] == [{"path": "bad.bin", "reason": "binary file, not text"}]
    assert record["budget"] == {"max_words": 120, "max_sentences": None}


@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4))
def test_render_json_round_trips_any_text(texts: list[str]) -> None:
    articles = [make_article(t, title=t) for t in texts]
    summary = make_summary(articles, [(t, [n]) for n, t in enumerate(texts, start=1)])
    record = json.loads(render_json(summary))
    assert [s["text"] for s in record["sentences"]] == texts
    assert [a["title"] for a in record["articles"]] == texts
    assert [s["citations"] for s in record["sentences"]] == [[summary.citation_number(a.id)] for a in articles]
