"""How a comparison is made: frozen, checked when built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from newsfuse.config import SummaryConfig
from newsfuse.errors import ConfigError

NerChoice = Literal["auto", "spacy", "classic"]

# Two articles whose 5-word shingle sets overlap this much print one text (a wire story reprinted
# with edits): on the Multi-News full-text sample, pairs within a cluster score either 0.8 or more
# (copies) or at most 0.39 (benchmarks/results/compare.md), so the cut sits in that gap.
COPY_JACCARD = 0.5


@dataclass(frozen=True, slots=True)
class CompareConfig:
    """Options of the comparison.

    `ner`: "spacy" needs the `ner` extra, "classic" is built in, "auto" takes spaCy when it is installed.
    `copy_jaccard`: shingle overlap from which two articles count as one source.
    `same_outlet_is_one_source`: articles of one outlet (same `Article.source`) count as one source.
    """

    summary: SummaryConfig = field(default_factory=SummaryConfig)
    ner: NerChoice = "auto"
    copy_jaccard: float = COPY_JACCARD
    same_outlet_is_one_source: bool = True

    def __post_init__(self) -> None:
        if self.ner not in get_args(NerChoice):
            raise ConfigError(
                f"unknown entity recognizer {self.ner!r}; expected one of: {', '.join(get_args(NerChoice))}"
            )
        if not 0.0 < self.copy_jaccard <= 1.0:
            raise ConfigError(f"copy_jaccard must be in (0, 1], got {self.copy_jaccard}")


def compare_config(*, ner: str = "auto", max_words: int | None = None, engine: str = "classic") -> CompareConfig:
    """A config from plain option values (the CLI's), each checked: names what is valid when wrong."""
    choices: dict[str, NerChoice] = {choice: choice for choice in get_args(NerChoice)}
    if ner not in choices:
        raise ConfigError(f"unknown entity recognizer {ner!r}; expected one of: {', '.join(choices)}")
    summary = (
        SummaryConfig(max_words=max_words, engine=engine) if max_words is not None else SummaryConfig(engine=engine)
    )
    return CompareConfig(summary=summary, ner=choices[ner])
