"""Properties of any comparison: spans trace back to the text, support is independent, edge cases hold."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.model import Article, Comparison, Span

POOL = [
    "President Donald Trump will meet North Korean leader Kim Jong-un in late February, the White House said on Friday.",
    "The two leaders held their first summit in Singapore in June 2018.",
    "Secretary of State Mike Pompeo met Kim Yong Chol, a top aide, at a Washington hotel last Friday (Jan 18).",
    "The meeting lasted 90 minutes, officials said.",
    "The meeting lasted 60 minutes, according to Reuters.",
    "Vietnam is preparing to host the summit in Hanoi or Danang.",
    "Protesters gathered outside the U.S. embassy in Seoul on Sunday.",
    "SEOUL, Jan 20, 2019 (Reuters) - South Korea welcomed the news.",
    "Analysts said sanctions would stay in place until North Korea moves to give up its weapons.",
]


def _spans(comparison: Comparison) -> list[Span]:
    spans = [m for e in comparison.entities for m in (*e.mentions, *e.descriptions)]
    spans += [m.span for e in comparison.timeline for m in e.mentions] + [m.span for m in comparison.unresolved]
    spans += [s for c in comparison.conflicts for side in c.sides for s in side.spans]
    return spans


@settings(max_examples=25)
@given(
    st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=5), min_size=1, max_size=4),
    st.booleans(),
)
def test_properties_spans_trace_back_and_support_is_independent(picks: list[list[str]], dated: bool) -> None:
    articles = [
        Article.from_text("\n\n".join(sentences), source=f"Outlet {n}", published=date(2019, 1, 21) if dated else None)
        for n, sentences in enumerate(picks)
    ]
    comparison = compare_articles(articles, CompareConfig(ner="classic"))
    texts = {a.id: a.text for a in articles}
    for span in _spans(comparison):
        assert texts[span.article_id][span.start : span.end] == span.text
    for fact in comparison.agreed:
        assert len(set(fact.sources)) >= 2
        assert set(fact.sources) <= {s.id for s in comparison.sources}
    for point in comparison.unique:
        assert comparison.source_of(point.sentence.article_id).id == point.source
    assert all(m.when is None and m.note for m in comparison.unresolved)
    firsts = [e.when.first for e in comparison.timeline]
    assert firsts == sorted(firsts)


def test_properties_one_article() -> None:
    comparison = compare_articles([Article.from_text(POOL[0] + "\n\n" + POOL[1])], CompareConfig(ner="classic"))
    assert comparison.agreed == () and comparison.conflicts == ()
    assert [e.name for e in comparison.entities][:2] == ["Donald Trump", "Kim Jong-un"]


def test_properties_identical_copies_are_one_source() -> None:
    text = "\n\n".join(POOL[:4])
    comparison = compare_articles(
        [Article.from_text(text, source="A"), Article.from_text(text, source="B")], CompareConfig(ner="classic")
    )
    assert len(comparison.sources) == 1
    assert comparison.agreed == ()
    assert len(comparison.unique) == 4  # each sentence once, not once a copy
