"""The order of the stages: the only module that knows it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsfuse.clean import clean_articles
from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.config import SummaryConfig
from newsfuse.model import Article, Cleaned, Comparison, Summary
from newsfuse.summarize import summarize_articles


def as_articles(items: Iterable[str | Article]) -> list[Article]:
    """Turn strings into articles (id from the content); pass articles through."""
    return [item if isinstance(item, Article) else Article.from_text(item) for item in items]


def clean_all(articles: Sequence[Article]) -> list[Cleaned]:
    """Clean articles, dropping those with no text left."""
    return [cleaned for cleaned in clean_articles(articles) if cleaned.article.text.strip()]


def summarize_pipeline(items: Iterable[str | Article], config: SummaryConfig) -> Summary:
    """Clean, then summarize: what `newsfuse.summarize` does."""
    cleaned = clean_all(as_articles(items))
    return summarize_articles([item.article for item in cleaned], config)


def compare_pipeline(items: Iterable[str | Article], config: CompareConfig) -> Comparison:
    """Clean, then compare (summary, agreement, conflicts, entities, timeline): what `newsfuse.compare` does."""
    cleaned = clean_all(as_articles(items))
    return compare_articles([item.article for item in cleaned], config)
