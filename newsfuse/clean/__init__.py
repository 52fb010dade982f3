"""Clean stage: remove promos, share bars, captions, credits, section labels, repeats and sign-offs."""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.clean.article import clean_article
from newsfuse.clean.corpus import clean_corpus
from newsfuse.model import Article, Cleaned


def clean_articles(articles: Iterable[Article]) -> list[Cleaned]:
    """Clean each article on its own, then drop lines one outlet repeats across its articles."""
    return clean_corpus([clean_article(article) for article in articles])


__all__ = ["clean_article", "clean_articles", "clean_corpus"]
