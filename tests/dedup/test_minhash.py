from __future__ import annotations

from newsfuse.dedup import CopyIndex, find_copies, fingerprint
from tests.conftest import make_article

WIRE = (
    "SEOUL (Reuters) - North Korean leader Kim Jong Un will meet U.S. President Donald Trump in Vietnam at the end of "
    "February, the White House said on Friday, after Trump received a top North Korean envoy at the Oval Office. "
    "The two leaders met for the first time in Singapore in June, where they agreed to work toward denuclearization, "
    "but talks have made little progress since then. Officials said the location of the summit would be announced later."
)


def test_find_copies_folds_an_exact_copy_and_an_edited_reprint() -> None:
    original = make_article(WIRE, id="reuters", source="Reuters")
    exact = make_article(WIRE, id="yahoo", source="Yahoo News")
    edited = make_article(
        WIRE.replace("SEOUL (Reuters) - ", "") + " Reporting by Hyonhee Shin.", id="sbs", source="SBS"
    )
    result = find_copies([original, exact, edited])
    assert [a.id for a in result.kept] == ["reuters"]
    (group,) = result.groups
    assert {c.id for c in group.copies} == {"yahoo", "sbs"}
    assert group.sources[0] == "Reuters"
    assert set(group.sources) == {"Reuters", "Yahoo News", "SBS"}
    assert group.similarity >= 0.8


def test_find_copies_keeps_two_reports_of_one_event() -> None:
    other = make_article(
        "Donald Trump and Kim Jong Un will hold a second summit next month, the White House said, naming no place yet. "
        "The announcement came after Kim Yong Chol, a senior envoy, spent ninety minutes with the president.",
        id="afp",
    )
    result = find_copies([make_article(WIRE, id="reuters"), other])
    assert result.copy_count == 0
    assert len(result.kept) == 2


def test_find_copies_empty_and_idempotent() -> None:
    assert find_copies([]).kept == ()
    articles = [
        make_article(WIRE, id="a"),
        make_article(WIRE, id="b"),
        make_article("Another story entirely, of five words.", id="c"),
    ]
    once = find_copies(articles)
    assert find_copies(list(once.kept)).copy_count == 0


def test_fingerprint_ignores_case_and_punctuation() -> None:
    assert fingerprint(WIRE).jaccard(fingerprint(WIRE.upper().replace(",", ""))) == 1.0


def test_copy_index_finds_a_copy_of_an_earlier_batch_after_a_rebuild() -> None:
    index = CopyIndex()
    index.add([make_article(WIRE, id="first")])
    rebuilt = CopyIndex(entries=index.entries())
    deduplicated, original = rebuilt.add([make_article(WIRE, id="second")])
    assert deduplicated.kept == ()
    assert original == {"second": "first"}
