"""Summarize stage: one cited summary of several articles about one event.

Engines are registered in `ENGINES` (the only name table); `summarize_articles` picks one by the
config's `engine`.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.config import SummaryConfig
from newsfuse.errors import ConfigError
from newsfuse.model import Article, Summary
from newsfuse.summarize.base import Summarizer
from newsfuse.summarize.classic import summarize_classic

ENGINES: dict[str, Summarizer] = {
    "classic": summarize_classic,
}


def summarize_articles(articles: Sequence[Article], config: SummaryConfig) -> Summary:
    """Summarize already cleaned articles with the configured engine."""
    engine = ENGINES.get(config.engine)
    if engine is None:
        raise ConfigError(f"unknown summarization engine {config.engine!r}; expected one of: {', '.join(ENGINES)}")
    if not articles:
        return Summary((), (), config.engine, config.max_words, config.max_sentences)
    return engine(articles, config)


__all__ = ["ENGINES", "Summarizer", "summarize_articles"]
