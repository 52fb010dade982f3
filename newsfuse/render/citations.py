"""The one citation format: `[n]` is the cited article's 1-based position in `summary.articles`."""

from __future__ import annotations

from newsfuse.model import Article, Summary, SummarySentence


def citation_numbers(summary: Summary, sentence: SummarySentence) -> list[int]:
    """The numbers a reader sees for the sources of a sentence, ascending, each once.

    Identical copies share a content id, so one number can stand for several of them.
    """
    return sorted({summary.citation_number(article_id) for article_id in sentence.sources})


def citation_marks(summary: Summary, sentence: SummarySentence) -> str:
    """ "[1][3]" for a sentence reported by the first and third articles."""
    return "".join(f"[{number}]" for number in citation_numbers(summary, sentence))


def source_line(article: Article) -> str:
    """How a source is named under a summary: title, outlet, date and where it came from."""
    parts = [article.title or "(untitled)"]
    if article.source:
        parts.append(article.source)
    if article.published:
        parts.append(article.published.isoformat())
    if article.url or article.path:
        parts.append(article.url or article.path or "")
    return " — ".join(parts)
