from __future__ import annotations

import pytest

from newsfuse.errors import ConfigError
from newsfuse.eval.datasets import EvalCluster
from newsfuse.eval.systems import SYSTEMS, lead, make_system, parse_systems
from newsfuse.model import Article

A = "Alpha one happened. Alpha two followed. Alpha three ended."
B = "Beta one began. Beta two went on."


def _cluster(*texts, references=("Alpha one happened. Beta one began.",)):
    return EvalCluster("c", tuple(Article.from_text(t) for t in texts), references)


def test_systems_table_snapshot():
    assert list(SYSTEMS) == ["newsfuse", "lead", "lexrank", "textrank", "lsa", "sumbasic", "summa", "oracle"]


def test_lead_takes_first_sentences_round_robin():
    assert lead(_cluster(A, B), 100) == (
        "Alpha one happened.",
        "Beta one began.",
        "Alpha two followed.",
        "Beta two went on.",
        "Alpha three ended.",
    )


def test_lead_stops_once_the_budget_is_reached():
    assert lead(_cluster(A, B), 4) == ("Alpha one happened.", "Beta one began.")


def test_lead_empty_cluster():
    assert lead(_cluster(), 10) == ()


def test_oracle_prefers_sentences_that_match_the_references():
    pytest.importorskip("rouge_score")
    oracle = make_system("oracle")
    assert oracle(_cluster(A, B), 6) == ("Alpha one happened.", "Beta one began.")


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa", "sumbasic"])
def test_sumy_peers_return_source_sentences_within_reach_of_the_budget(name):
    pytest.importorskip("sumy")
    system = make_system(name)
    sources = {
        "Alpha one happened.",
        "Alpha two followed.",
        "Alpha three ended.",
        "Beta one began.",
        "Beta two went on.",
    }
    out = system(_cluster(A, B), 5)
    assert out and set(out) <= sources
    assert sum(len(s.split()) for s in out[:-1]) < 5


def test_summa_peer_returns_source_sentences():
    pytest.importorskip("summa")
    out = make_system("summa")(_cluster(A, B), 3)
    assert out and out[0] in A + " " + B


def test_make_system_unknown_name_lists_valid_ones():
    with pytest.raises(ConfigError, match="unknown system 'bert'; expected one of: newsfuse, lead"):
        make_system("bert")


def test_parse_systems():
    assert parse_systems("lead, LexRank") == ("lead", "lexrank")
    with pytest.raises(ConfigError, match="expected names from"):
        parse_systems("lead,nope")


def test_lead_skips_sentences_repeated_by_wire_copies():
    assert lead(_cluster(A, A, B), 100) == (
        "Alpha one happened.",
        "Beta one began.",
        "Alpha two followed.",
        "Beta two went on.",
        "Alpha three ended.",
    )


def test_oracle_first_pick_is_the_best_sentence_by_the_real_scorer():
    pytest.importorskip("rouge_score")
    from newsfuse.eval.oracle import GreedyOracle
    from newsfuse.eval.rouge import RougeScorer

    sentences = [
        "The storm hit the coast on Monday night.",
        "Officials said schools would close for two days.",
        "Power failed across the city as the storm hit.",
        "Fans of the team celebrated.",
    ]
    references = ["A storm hit the coast Monday, and power failed across the city.", "Schools closed for two days."]
    scorer = RougeScorer()
    totals = [scorer.score([s], references) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: totals[i].rouge1 + totals[i].rouge2)
    assert GreedyOracle().select(sentences, references, 8)[0] == sentences[best]
