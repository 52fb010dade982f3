"""Punkt's sentence starts without nupunkt's machinery: the same starts as nupunkt's default model, always."""

from __future__ import annotations

from pathlib import Path

import nupunkt
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.text.boundaries import sentence_starts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _nupunkt_starts(text: str) -> list[int]:
    return sorted({start for start, _ in nupunkt.sent_spans(text)})


_TOKENS = st.sampled_from(
    ["Mr.", "U.S.", "Jan.", "18", "a.m.", "p.m.", "Kim", "Trump", "said", "the", "he", "I", "It's", "“It’s", '"',
     "“", "”", "’", "'", "(AFP)", "(", ")", "-", "--", "—", "Hanoi.", "talks!", "why?", "?!", "WASHINGTON", "e.g.",
     "etc.", "vs.", "Inc.", "No.", "St.", "Gen.", "Sen.", "Dr.", "A.", "J.", "(a).", "1.", "3.", "iv.", "2018.",
     "5,000.", "1.5.", "mid-Jan.", "U.S.-based", "Calif.)", "said.”", 'end."', "...", ". . .", "…", "x...y", ".",
     "!", "?", "*", "»", "•", "café"]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", " ", "\n", "\n\n", " \n ", "  ", "\t", "\r\n", "\xa0", ""])


@st.composite
def _news_like(draw: st.DrawFn) -> str:
    return "".join(token + gap for token, gap in draw(st.lists(st.tuples(_TOKENS, _GAPS), max_size=50)))


_PUNCTUATED = st.text(alphabet=st.sampled_from(list(".?!…\"'’”)( \n\taA1-,:;")), max_size=60)


@settings(max_examples=400, deadline=None)  # the first example loads both models
@given(st.one_of(_news_like(), _PUNCTUATED, st.text(max_size=200)))
def test_boundaries_starts_are_nupunkts(text: str) -> None:
    assert sentence_starts(text) == _nupunkt_starts(text)


def test_boundaries_starts_are_nupunkts_on_the_example_reports() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((EXAMPLES / "summit").glob("*.txt"))]
    assert texts
    for text in texts:
        assert sentence_starts(text) == _nupunkt_starts(text)


def test_boundaries_abbreviations_initials_and_collocations() -> None:
    text = "Mr. Kim met the U.S. envoy on Jan. 18 at 11 a.m. in Hanoi. He left. J. Smith said so. It rained."
    starts = sentence_starts(text)
    assert [text[start : start + 7] for start in starts] == ["Mr. Kim", "He left", "J. Smit", "It rain"]
    assert starts == _nupunkt_starts(text)
