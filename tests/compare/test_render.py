"""Renderings of a comparison: text, Markdown, JSON (newsfuse.comparison v1) and self-contained HTML."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.model import Article, Comparison
from newsfuse.render.comparison import COMPARISON_RENDERERS
from newsfuse.render.comparison_json import SCHEMA, SCHEMA_VERSION, comparison_record
from newsfuse.render.html import render_html

HOSTILE = '<script>alert("x")</script> <img src="http://example.com/x.png"> & [link](http://e.com)'


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    first = (
        "The summit between the two leaders will be held in Hanoi in late February, officials said on Friday.\n\n"
        f"Critics wrote {HOSTILE} on the embassy wall in Hanoi.\n\n"
        "The talks killed 12 hours of airtime, the network said."
    )
    second = (
        "Officials said on Friday that the summit between the two leaders will be held in Hanoi in late February.\n\n"
        "Protesters gathered outside the embassy in Seoul for a third day."
    )
    articles = [
        Article.from_text(first, title="Summit <b>set</b>", source="Outlet A", published=date(2019, 1, 19)),
        Article.from_text(second, title="Summit in Hanoi", source="Outlet B", published=date(2019, 1, 19)),
    ]
    return compare_articles(articles, CompareConfig(ner="classic"))


def test_render_registry_names() -> None:
    assert sorted(COMPARISON_RENDERERS) == ["html", "json", "md", "text"]


def test_render_json_schema_and_traceable_spans(comparison: Comparison) -> None:
    record = json.loads(COMPARISON_RENDERERS["json"](comparison, ()))
    assert (record["schema"], record["version"]) == (SCHEMA, SCHEMA_VERSION) == ("newsfuse.comparison", 1)
    assert record["summary"]["schema"] == "newsfuse.summary"
    assert list(record) == [
        "schema", "version", "ner", "summary", "sources", "agreed", "unique", "conflicts", "entities", "timeline", "unresolved",
    ]  # fmt: skip
    texts = {a.id: a.text for a in comparison.articles}
    for event in record["timeline"]:
        for mention in event["mentions"]:
            phrase = mention["phrase"]
            assert texts[phrase["article_id"]][phrase["start"] : phrase["end"]] == phrase["text"]
    assert record["agreed"] and record["agreed"][0]["citations"] == [1, 2]
    assert record == comparison_record(comparison)


def test_render_text_and_markdown_sections(comparison: Comparison) -> None:
    text = COMPARISON_RENDERERS["text"](comparison, ())
    for title in ("Summary", "Agreed", "Only in Outlet A", "Timeline", "Sources"):
        assert f"\n{title}" in "\n" + text
    markdown = COMPARISON_RENDERERS["md"](comparison, ())
    assert "## Agreed" in markdown
    assert "<script>" not in markdown and "\\<script\\>" in markdown  # article text is never markup


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("href"):
            self.hrefs.append(values["href"] or "")
        for name in ("src", "srcset", "data"):
            if values.get(name):
                self.sources.append(values[name] or "")


def test_render_html_self_contained_and_escaped(comparison: Comparison) -> None:
    page = render_html(comparison)
    parsed = _Collector()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "link" not in parsed.tags
    assert parsed.sources == []
    assert "&lt;script&gt;" in page and "Summit &lt;b&gt;set&lt;/b&gt;" in page
    assert not re.search(
        r"url\(|@import|https?://(?!example\.com|e\.com)", page
    )  # the only URLs are escaped article text
    assert all(href.startswith("#") for href in parsed.hrefs)
    assert all(href[1:] in parsed.ids for href in parsed.hrefs)  # every link has its anchor


def test_render_empty_comparison() -> None:
    empty = compare_articles([], CompareConfig(ner="classic"))
    assert COMPARISON_RENDERERS["text"](empty, ()).startswith("(nothing to compare")
    assert "<h2>Summary</h2>" in render_html(empty)
    assert json.loads(COMPARISON_RENDERERS["json"](empty, ()))["agreed"] == []
