from __future__ import annotations

import pytest

pytest.importorskip("rouge_score")

from rouge_score import rouge_scorer

from newsfuse.errors import InputError
from newsfuse.eval.rouge import RougeScorer

PAIRS = [
    (["The cat sat on the mat."], ["The cat lay on the mat."]),
    (
        ["Police said the fire started late on Tuesday.", "Three people were hurt."],
        ["The fire began on Tuesday night, police said.\nThree were injured."],
    ),
    (["Stocks fell sharply."], ["Markets rallied.", "Stocks dropped sharply on Monday, traders said."]),
]


def test_rouge_hand_computed_value():
    # unigrams: 5 of 6 shared (the x2, cat, on, mat) -> F1 5/6; bigrams: the cat, on the, the mat -> 3/5
    scores = RougeScorer().score(["The cat sat on the mat."], ["The cat lay on the mat."])
    assert scores.rouge1 == pytest.approx(5 / 6)
    assert scores.rouge2 == pytest.approx(3 / 5)


def test_rouge_stemming_is_on():
    scores = RougeScorer().score(["Prices rising"], ["price rises"])
    assert scores.rouge1 == pytest.approx(1.0)


@pytest.mark.parametrize(("summary", "references"), PAIRS)
def test_rouge_matches_rouge_score_mean_over_references(summary, references):
    reference_scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    ours = RougeScorer().score(summary, references)
    prediction = "\n".join(summary)
    expected = [reference_scorer.score(ref, prediction) for ref in references]
    assert ours.rouge1 == pytest.approx(sum(e["rouge1"].fmeasure for e in expected) / len(expected))
    assert ours.rouge2 == pytest.approx(sum(e["rouge2"].fmeasure for e in expected) / len(expected))


def test_rouge_lsum_splits_references_into_sentences():
    summary = ["Three people were hurt.", "Police said the fire started late on Tuesday."]
    one_line = "Police said the fire started late on Tuesday. Three people were hurt."
    split = "Police said the fire started late on Tuesday.\nThree people were hurt."
    reference_scorer = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True)
    expected = reference_scorer.score(split, "\n".join(summary))["rougeLsum"].fmeasure
    assert RougeScorer().score(summary, [one_line]).rouge_lsum == pytest.approx(expected)
    assert expected == pytest.approx(1.0)


def test_rouge_empty_summary_scores_zero():
    scores = RougeScorer().score([], ["Something happened."])
    assert (scores.rouge1, scores.rouge2, scores.rouge_lsum) == (0.0, 0.0, 0.0)


def test_rouge_without_references_is_an_input_error():
    with pytest.raises(InputError, match="without references"):
        RougeScorer().score(["A sentence."], [])
