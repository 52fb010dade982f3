"""Independent sources: a wire story reprinted counts once."""

from __future__ import annotations

import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.compare.sources import independent_sources
from newsfuse.model import Article

WIRE = (
    "Ministers from twelve countries agreed on Monday to cut fishing quotas in the North Sea by a third, the chair of the talks said.\n\n"
    "The deal, reached after two days of talks in Oslo, takes effect in January and will be reviewed every two years.\n\n"
    "Fishing groups called the cut a blow to coastal towns that depend on cod and haddock."
)
OTHER = (
    "Environmental groups welcomed a deal struck in Oslo on Monday to cut North Sea fishing quotas by a third.\n\n"
    "Scientists had warned for years that cod stocks were close to collapse."
)


@pytest.mark.issue(4)
def test_sources_wire_copy_counted_once() -> None:
    copy = WIRE.replace("the chair of the talks said", "the talks' chair said") + "\n\nReporting by the wire desk."
    articles = [
        Article.from_text(WIRE, source="Wire Daily"),
        Article.from_text(copy, source="Reprint Gazette"),
        Article.from_text(OTHER, source="Green Post"),
    ]
    sources = independent_sources(articles, copy_jaccard=0.5, same_outlet=True)
    assert [len(s.articles) for s in sources] == [2, 1]
    assert sources[0].reason == "near-identical text (wire copy)"
    assert sources[0].name == "Wire Daily / Reprint Gazette"
    comparison = compare_articles(articles, CompareConfig(ner="classic"))
    # what only the two copies say is one source's alone: not agreed, and told once among the unique points
    for fact in comparison.agreed:
        assert len(fact.sources) >= 2
        assert set(fact.fact.articles) & {articles[2].id}
    haddock = [u for u in comparison.unique if "haddock" in u.text]
    assert len(haddock) == 1 and haddock[0].source == articles[0].id


def test_sources_same_outlet_counts_once_unless_disabled() -> None:
    articles = [Article.from_text(WIRE, source="Daily"), Article.from_text(OTHER, source="daily ")]
    assert len(independent_sources(articles, copy_jaccard=0.5, same_outlet=True)) == 1
    assert len(independent_sources(articles, copy_jaccard=0.5, same_outlet=False)) == 2


def test_sources_identical_texts_and_empty_input() -> None:
    articles = [Article.from_text("Short."), Article.from_text("Short.")]
    assert len(independent_sources(articles, copy_jaccard=0.5, same_outlet=True)) == 1
    assert independent_sources([], copy_jaccard=0.5, same_outlet=True) == ()
