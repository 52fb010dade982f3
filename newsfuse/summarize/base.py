"""The interface every summarization engine implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsfuse.config import SummaryConfig
from newsfuse.model import Article, Summary


class Summarizer(Protocol):
    """Summarize articles about one event into a cited `Summary` within the configured budget."""

    def __call__(self, articles: Sequence[Article], config: SummaryConfig) -> Summary: ...
