"""The systems the harness can run, by name: newsfuse, baselines, peers and the oracle.

A system takes a cluster and a word budget and returns sentences, best first; the harness
cuts every system's output to the budget the same way (`budget.cut_to_budget`).
"""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.errors import ConfigError
from newsfuse.eval.datasets import EvalCluster
from newsfuse.eval.oracle import GreedyOracle
from newsfuse.eval.peers import SummaPeer, SumyPeer, take_until
from newsfuse.text.sentences import split_sentences

System = Callable[[EvalCluster, int], tuple[str, ...]]
"""Summarize a cluster in about `budget` words; return the sentences, best first."""


def _newsfuse() -> System:
    from newsfuse import summarize  # imported when built: newsfuse's package imports nothing of eval

    def run(cluster: EvalCluster, budget: int) -> tuple[str, ...]:
        return tuple(sentence.text for sentence in summarize(cluster.articles, max_words=budget).sentences)

    return run


def lead(cluster: EvalCluster, budget: int) -> tuple[str, ...]:
    """The lead baseline: the first sentence of each article in turn, then the second, ..."""
    per_article = [split_sentences(article.text) for article in cluster.articles]
    depth = max((len(sentences) for sentences in per_article), default=0)
    round_robin = (
        sentences[level].text for level in range(depth) for sentences in per_article if level < len(sentences)
    )
    return take_until(budget, round_robin)


def _lead() -> System:
    return lead


def _oracle() -> System:
    oracle = GreedyOracle()

    def run(cluster: EvalCluster, budget: int) -> tuple[str, ...]:
        sentences = list(dict.fromkeys(s.text for article in cluster.articles for s in split_sentences(article.text)))
        return oracle.select(sentences, cluster.references, budget)

    return run


def _sumy(name: str) -> Callable[[], System]:
    return lambda: SumyPeer(name)


SYSTEMS: dict[str, Callable[[], System]] = {
    "newsfuse": _newsfuse,
    "lead": _lead,
    "lexrank": _sumy("lexrank"),
    "textrank": _sumy("textrank"),
    "lsa": _sumy("lsa"),
    "sumbasic": _sumy("sumbasic"),
    "summa": SummaPeer,
    "oracle": _oracle,
}
"""Every system by name: each entry builds the system (importing its package then)."""

DEFAULT_SYSTEMS: tuple[str, ...] = tuple(SYSTEMS)


def make_system(name: str) -> System:
    """Build the system called `name`.

    Raises:
        ConfigError: for a name not in `SYSTEMS`.
        MissingExtra: when the system's package is not installed.
    """
    factory = SYSTEMS.get(name)
    if factory is None:
        raise ConfigError(f"unknown system {name!r}; expected one of: {', '.join(SYSTEMS)}")
    return factory()


def parse_systems(text: str) -> tuple[str, ...]:
    """Parse a comma-separated list of system names (as given on a command line)."""
    names = tuple(name.strip().lower() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown or not names:
        raise ConfigError(f"systems {text!r} are not valid; expected names from: {', '.join(SYSTEMS)}")
    return names
