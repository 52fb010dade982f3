"""Frozen configuration of each stage, checked when built."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.errors import ConfigError

DEFAULT_MAX_WORDS = 120


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """How long a summary may be and which engine writes it.

    `max_words` and `max_sentences` are hard caps (None: no cap on that count); at least one must be set.
    """

    max_words: int | None = DEFAULT_MAX_WORDS
    max_sentences: int | None = None
    engine: str = "classic"

    def __post_init__(self) -> None:
        if self.max_words is None and self.max_sentences is None:
            raise ConfigError("a summary needs a budget: set max_words or max_sentences")
        if self.max_words is not None and self.max_words < 1:
            raise ConfigError(f"max_words must be at least 1, got {self.max_words}")
        if self.max_sentences is not None and self.max_sentences < 1:
            raise ConfigError(f"max_sentences must be at least 1, got {self.max_sentences}")

    def fits(self, words: int, sentences: int) -> bool:
        """True when a summary of this many words and sentences is within the budget."""
        return (self.max_words is None or words <= self.max_words) and (
            self.max_sentences is None or sentences <= self.max_sentences
        )
