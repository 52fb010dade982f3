"""The word budget every system is cut to, the same way for all of them.

A system returns sentences; we keep whole sentences while they fit, then truncate the first
one that does not by words, so no system gains recall by running long (the usual rule of
DUC and of Multi-News evaluations: "cut to N words").
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean
from typing import Literal

from newsfuse.errors import ConfigError, InputError
from newsfuse.text.tokens import word_count

REF_BUDGET: Literal["ref"] = "ref"
Budget = int | Literal["ref"]
"""A word budget: a fixed number of words, or "ref" for the mean length of the cluster's references."""


def parse_budget(text: str) -> Budget:
    """Parse "ref" or a positive whole number of words (as given on a command line)."""
    value = text.strip().lower()
    if value == REF_BUDGET:
        return REF_BUDGET
    if value.isdigit() and int(value) > 0:
        return int(value)
    raise ConfigError(f"budget {text!r} is not valid; expected 'ref' or a positive number of words")


def word_budget(budget: Budget, references: Sequence[str]) -> int:
    """The number of words a summary of a cluster with these references may have."""
    if isinstance(budget, int):
        if budget <= 0:
            raise ConfigError(f"budget {budget} is not valid; expected 'ref' or a positive number of words")
        return budget
    if not references:
        raise InputError("budget 'ref' needs references to measure; give a number of words instead")
    return max(1, round(fmean(word_count(reference) for reference in references)))


def cut_to_budget(sentences: Sequence[str], max_words: int) -> tuple[str, ...]:
    """Keep whole sentences while they fit in `max_words`, then truncate the next one by words."""
    kept: list[str] = []
    room = max_words
    for sentence in sentences:
        tokens = sentence.split()
        if not tokens:
            continue
        if room <= 0:
            break
        kept.append(" ".join(tokens[:room]))
        room -= min(room, len(tokens))
    return tuple(kept)
