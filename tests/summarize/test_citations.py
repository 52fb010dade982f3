"""Citations: every summary sentence names every article that reports it, and each really does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfuse
from newsfuse.model import Article, Summary, SummarySentence
from newsfuse.read import read_all
from newsfuse.text.datelines import find_dateline
from newsfuse.text.sentences import split_sentences
from newsfuse.text.tokens import content_stems
from tests.conftest import EXAMPLE_DIR, make_article

# "Says the same thing", checked independently of the engine's own similarity: the evidence sentence
# shares at least this share of the summary sentence's content words, and at least MIN_SHARED of them.
MIN_SHARED_SHARE = 0.3
MIN_SHARED = 3


def _shared(a: str, b: str) -> set[str]:
    return set(content_stems(a)) & set(content_stems(b))


def _says_it(summary_text: str, evidence: str) -> bool:
    shared = _shared(summary_text, evidence)
    return len(shared) >= MIN_SHARED and len(shared) >= MIN_SHARED_SHARE * len(set(content_stems(summary_text)))


def _check_citations(summary: Summary) -> None:
    by_id = {article.id: article for article in summary.articles}
    for sentence in summary.sentences:
        assert sentence.sources, f"uncited: {sentence.text!r}"
        assert all(source in by_id for source in sentence.sources)
        assert sentence.origin.article_id in sentence.sources
        origin_article = by_id[sentence.origin.article_id]
        assert origin_article.text[sentence.origin.start : sentence.origin.end] == sentence.origin.text
        evidence = {c.article_id: c for c in sentence.evidence}
        for source in sentence.sources:
            if source == sentence.origin.article_id:
                continue
            assert source in evidence, f"{source} cited with no evidence sentence"
            sentences = split_sentences(by_id[source].text, source)
            said = sentences[evidence[source].sentence_index].text
            assert _says_it(sentence.text, said), f"{sentence.text!r} cited to {said!r}"


def _example_summary(max_words: int = 120) -> Summary:
    return newsfuse.summarize(read_all([EXAMPLE_DIR]).articles, max_words=max_words)


@pytest.mark.issue(2)
@pytest.mark.parametrize("max_words", [60, 120, 250])
def test_citations_example_every_cited_article_says_it(max_words: int) -> None:
    _check_citations(_example_summary(max_words))


@pytest.mark.issue(2)
def test_citations_example_points_all_outlets_report_cited_to_all_three() -> None:
    summary = _example_summary()
    all_three = [s for s in summary.sentences if len(s.sources) == 3]
    assert len(all_three) >= 2, summary.text
    marks = {s.text: [summary.citation_number(a) for a in s.sources] for s in all_three}
    assert all(numbers == [1, 2, 3] for numbers in marks.values())


@pytest.mark.issue(2)
def test_citations_example_brief_covers_the_event() -> None:
    text = _example_summary().text
    assert "February" in text  # the summit near the end of February
    assert "Vietnam" in text  # the likely venue
    # the 90-minute White House meeting with Kim Yong Chol joins them at 150 words (at 120 the
    # engine prefers two shorter sentences to its 38 words: see the issue 2 closing note)
    fuller = _example_summary(150).text
    assert all(point in fuller for point in ("February", "Vietnam", "90-minute"))


@pytest.mark.issue(2)
@pytest.mark.parametrize(
    ("fact", "numbers"),
    [
        (("end of February", "late February"), [1, 2, 3]),  # the timing: all three report it
        (("90 minutes", "90-minute"), [1, 2, 3]),  # the long White House meeting: all three
    ],
)
def test_citations_example_shared_fact_cited_to_all_three(fact: tuple[str, ...], numbers: list[int]) -> None:
    summary = _example_summary(250)
    reporting = [s for s in summary.sentences if any(phrase in s.text for phrase in fact)]
    assert reporting, f"no sentence reports {fact}"
    assert any(sorted(summary.citation_number(a) for a in s.sources) == numbers for s in reporting)


SHARED_1 = "The White House said Trump and Kim Jong-un would meet near the end of February."
SHARED_2 = "The 90-minute meeting with Kim Yong Chol at the White House was unusually long."
ONLY_IN_B = (
    "Kim Jong-un plans to travel to the summit aboard his armoured private train through China, "
    "officials in Beijing said."
)


def _crafted() -> list[Article]:
    a = make_article(
        "President Donald Trump will meet North Korean leader Kim Jong-un near the end of February, "
        "the White House said on Friday.\n\nThe announcement followed a 90-minute meeting between Trump "
        "and Kim Yong Chol at the White House.",
        title="A",
    )
    b = make_article(
        "Trump will hold a second summit with Kim Jong-un near the end of February, the White House said.\n\n"
        f"Kim Yong Chol met Trump for 90 minutes at the White House on Friday.\n\n{ONLY_IN_B}",
        title="B",
    )
    c = make_article(f"{SHARED_1}\n\n{SHARED_2}", title="C")
    return [a, b, c]


def test_citations_fact_only_one_article_has_cited_to_it_alone() -> None:
    articles = _crafted()
    summary = newsfuse.summarize(articles, max_words=None, max_sentences=10)
    (train,) = [s for s in summary.sentences if "armoured private train" in s.text]
    assert train.sources == (articles[1].id,)
    assert train.evidence == ()
    _check_citations(summary)


def test_citations_fact_all_report_cited_to_all_in_input_order() -> None:
    articles = _crafted()
    summary = newsfuse.summarize(articles, max_words=None, max_sentences=10)
    shared = [s for s in summary.sentences if s.text in (SHARED_1, SHARED_2)]
    assert shared
    for sentence in shared:
        assert sentence.sources == tuple(a.id for a in articles)


# --- property: every sentence cites at least one source, and its origin span is the sentence ---

_POOL = [
    "WASHINGTON (BLOOMBERG) - Officials are planning a second summit between Trump and Kim in Vietnam.",
    "SEOUL, Jan 20 (Reuters) - North Korea said the second summit with Trump would go ahead in February.",
    "President Donald Trump will meet Kim Jong-un near the end of February, the White House said.",
    "The White House said the summit between Trump and Kim would take place near the end of February.",
    "Kim Yong Chol met Trump for 90 minutes at the White House on Friday.",
    "The 90-minute meeting with Kim Yong Chol at the White House was unusually long.",
    "Vietnam is preparing to host the next summit, a government source told AFP.",
    "Hanoi is the most likely venue, though Danang has also been discussed as a possible site.",
    "Mr. Trump and Mr. Kim held their first meeting in Singapore in June, when they signed a vague document.",
    "Sanctions will remain in place until North Korea gives up its nuclear weapons, the U.S. said.",
    '"We will do our best to facilitate the meeting," the Vietnamese prime minister said.',
    "Secretary of State Mike Pompeo welcomed Kim Yong Chol at a Washington hotel before the talks.",
    "Talks have stalled over what denuclearisation actually means for both sides.",
    "Analysts doubt that North Korea will easily abandon its nuclear arsenal.",
]

_ARTICLES = st.lists(
    st.lists(st.sampled_from(_POOL), min_size=1, max_size=6).map(lambda picked: "\n\n".join(picked)),
    min_size=1,
    max_size=4,
)


def _origin_matches(sentence: SummarySentence, article: Article) -> bool:
    origin = sentence.origin
    span = article.text[origin.start : origin.end]
    if span != origin.text:
        return False
    if sentence.text == span:
        return True
    dateline = find_dateline(span)  # a dateline opening the article is taken off the summary sentence
    rest = span[dateline.length :] if dateline else span
    return sentence.text == rest[:1].upper() + rest[1:] or _elided_from(sentence.text, span)


def _elided_from(text: str, source: str) -> bool:
    """True when `text` is `source` with asides taken out or its end clipped ("…"): its words, in order."""
    source_words = [word.casefold().strip(".,;:!?") for word in source.split()]
    at = 0
    for word in text.removesuffix("…").split():
        wanted = word.casefold().strip(".,;:!?")
        while at < len(source_words) and source_words[at] != wanted:
            at += 1
        if at == len(source_words):
            return False
        at += 1
    return bool(text.strip())


@given(_ARTICLES, st.integers(min_value=10, max_value=150))
def test_citations_property_every_sentence_cited_and_traced_to_its_span(texts: list[str], max_words: int) -> None:
    summary = newsfuse.summarize(texts, max_words=max_words)
    by_id = {article.id: article for article in summary.articles}
    assert summary.word_count <= max_words
    for sentence in summary.sentences:
        assert sentence.sources
        assert set(sentence.sources) <= set(by_id)
        assert sentence.origin.article_id in sentence.sources
        assert _origin_matches(sentence, by_id[sentence.origin.article_id])
