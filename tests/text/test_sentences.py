"""Sentence splitting for news: abbreviations, initialisms, quotes, datelines, list items, exact spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.text.datelines import find_dateline, outlet_name
from newsfuse.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_mr_does_not_end_a_sentence() -> None:
    text = "Mr. Trump met Mr. Kim in Singapore. They signed a document."
    assert _texts(text) == ["Mr. Trump met Mr. Kim in Singapore.", "They signed a document."]


def test_sentences_us_before_an_office_does_not_end_a_sentence() -> None:
    text = "The U.S. Secretary of State Mike Pompeo met Kim. Talks went well."
    assert _texts(text) == ["The U.S. Secretary of State Mike Pompeo met Kim.", "Talks went well."]


def test_sentences_us_inside_a_sentence() -> None:
    text = "Kim wants the U.S. to ease sanctions before any deal. Washington refuses."
    assert _texts(text) == ["Kim wants the U.S. to ease sanctions before any deal.", "Washington refuses."]


def test_sentences_us_ends_a_sentence_before_a_new_one() -> None:
    text = "Kim Yong Chol flew to the U.S. He met Trump on Friday."
    assert _texts(text) == ["Kim Yong Chol flew to the U.S.", "He met Trump on Friday."]


def test_sentences_month_abbreviation_and_am() -> None:
    text = "The meeting on Jan. 18 began at 11 a.m. and lasted 90 minutes. Sanders spoke later."
    assert _texts(text) == ["The meeting on Jan. 18 began at 11 a.m. and lasted 90 minutes.", "Sanders spoke later."]


def test_sentences_quote_ends_a_sentence() -> None:
    text = '"Great meeting this week," Mr Trump tweeted. "Looking forward to it!" Aides agreed.'
    assert _texts(text) == ['"Great meeting this week," Mr Trump tweeted.', '"Looking forward to it!"', "Aides agreed."]


def test_sentences_curly_quote_ends_a_sentence() -> None:
    text = "He said they were “in love.” The war never formally ended."
    assert _texts(text) == ["He said they were “in love.”", "The war never formally ended."]


def test_sentences_dateline_stays_with_its_sentence() -> None:
    text = "WASHINGTON (BLOOMBERG) - Officials are planning the summit. It may be in Vietnam."
    assert _texts(text) == ["WASHINGTON (BLOOMBERG) - Officials are planning the summit.", "It may be in Vietnam."]


def test_sentences_list_items_stand_alone_without_marker() -> None:
    text = "The options are:\n- Hanoi, the capital\n- Danang, site of Apec\n1. Ho Chi Minh City\n\nNo decision yet."
    assert _texts(text) == [
        "The options are:",
        "Hanoi, the capital",
        "Danang, site of Apec",
        "Ho Chi Minh City",
        "No decision yet.",
    ]


def test_sentences_headline_line_not_run_into_next() -> None:
    text = "Vietnam ready to host\n\nVietnam is preparing to host the next summit."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Vietnam ready to host", "Vietnam is preparing to host the next summit."]
    assert [s.paragraph for s in sentences] == [0, 1]


def test_sentences_carry_article_id_index_and_span() -> None:
    text = "First one.  Second one.\n\nThird one."
    sentences = split_sentences(text, "art")
    assert [(s.article_id, s.index, s.id) for s in sentences] == [
        ("art", 0, "art:0"),
        ("art", 1, "art:1"),
        ("art", 2, "art:2"),
    ]
    assert [(s.start, s.end) for s in sentences] == [(0, 10), (12, 23), (25, 35)]


def test_sentences_example_paragraph() -> None:
    text = (
        "The White House announced last Friday (Jan 18) that Mr Trump would meet Mr Kim in late February, "
        "following a 90-minute meeting between the President and Mr Kim Yong Chol, one of the North Korean "
        "leader's top aides. Mr Kim Yong Chol also met Secretary of State Michael Pompeo last Friday."
    )
    assert len(split_sentences(text)) == 2


def test_sentences_empty_text() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \n") == ()


def test_dateline_found_with_agency_and_place() -> None:
    dateline = find_dateline("WASHINGTON (BLOOMBERG) - Administration officials are planning")
    assert dateline is not None
    assert (dateline.place, dateline.agency) == ("WASHINGTON", "BLOOMBERG")
    assert dateline.length == len("WASHINGTON (BLOOMBERG) - ")
    reuters = find_dateline("SEOUL, Jan 20 (Reuters) - North Korea said")
    assert reuters is not None and (reuters.place, reuters.agency) == ("SEOUL", "Reuters")


def test_dateline_absent_in_ordinary_sentence() -> None:
    assert find_dateline("Danang - site of the 2017 Apec meeting - was discussed.") is None
    assert find_dateline("US President Donald Trump will meet Kim.") is None


def test_outlet_name_normalised() -> None:
    assert [outlet_name(raw) for raw in ("FRANCE 24", "SBS NEWS", "BLOOMBERG", "AFP")] == [
        "France 24",
        "SBS News",
        "Bloomberg",
        "AFP",
    ]


_WORDS = st.sampled_from(
    ["Mr.", "U.S.", "Jan.", "18", "a.m.", "Kim", "Trump", "said", "the", "summit", '"', "“", "”", "(AFP)", "-",
     "Hanoi.", "talks!", "why?", "WASHINGTON", "e.g.", "•", "1.", "café", "—", "Dr."]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  ", "\t", "\r\n"])


@st.composite
def _news_like(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=40))
    return "".join(word + sep for word, sep in parts)


@given(st.one_of(_news_like(), st.text(max_size=200)))
def test_sentences_spans_index_the_text_exactly(text: str) -> None:
    sentences = split_sentences(text, "a")
    previous_end = 0
    for number, sentence in enumerate(sentences):
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.index == number
        assert sentence.start >= previous_end  # in order, never overlapping
        previous_end = sentence.end
