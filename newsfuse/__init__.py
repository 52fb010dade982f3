"""newsfuse: many news reports in, stories a reader can trust out.

>>> import newsfuse
>>> summary = newsfuse.summarize(["text of report 1", "text of report 2"], max_words=120)
>>> summary.text, summary.sentences[0].sources   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.compare import CompareConfig
from newsfuse.compare.config import NerChoice
from newsfuse.config import DEFAULT_MAX_WORDS, SummaryConfig
from newsfuse.errors import ConfigError, InputError, MissingExtra, NewsfuseError, StoreError
from newsfuse.model import (
    Article,
    Citation,
    Cleaned,
    Comparison,
    DroppedLine,
    DropReason,
    Fact,
    Problem,
    Sentence,
    Summary,
    SummarySentence,
)
from newsfuse.pipeline import compare_pipeline, summarize_pipeline
from newsfuse.read import read_all

__version__ = "0.1.0"


def summarize(
    articles: Iterable[str | Article],
    *,
    max_words: int | None = DEFAULT_MAX_WORDS,
    max_sentences: int | None = None,
    engine: str = "classic",
) -> Summary:
    """Clean the articles and write one cited summary of them.

    Args:
        articles: texts or `Article`s about one event; a text becomes an article whose id is the
            hash of its content.
        max_words: the most words the summary may have (None: no word cap).
        max_sentences: the most sentences (None: no sentence cap).
        engine: a name from `newsfuse.summarize.ENGINES`.

    Returns:
        A `Summary`: `.text`, `.sentences` (each with `.sources`, ids of `.articles`).

    Raises:
        ConfigError: a budget below 1, no budget at all, or an unknown engine.
    """
    return summarize_pipeline(articles, SummaryConfig(max_words=max_words, max_sentences=max_sentences, engine=engine))


def compare(
    articles: Iterable[str | Article], *, max_words: int | None = DEFAULT_MAX_WORDS, ner: NerChoice = "auto"
) -> Comparison:
    """Clean the articles and compare them: what they agree on, what one alone says, where they differ.

    Args:
        articles: texts or `Article`s about one event.
        max_words: the budget of the summary the comparison opens with.
        ner: "classic" (built in), "spacy" (the `ner` extra) or "auto" (spaCy when installed).

    Returns:
        A `Comparison`: `.summary`, `.agreed`, `.unique`, `.conflicts`, `.entities`, `.timeline`.

    Example:
        >>> comparison = newsfuse.compare(["text of report 1", "text of report 2"])  # doctest: +SKIP
    """
    return compare_pipeline(articles, CompareConfig(summary=SummaryConfig(max_words=max_words), ner=ner))


__all__ = [
    "Article",
    "Citation",
    "Cleaned",
    "ConfigError",
    "DropReason",
    "DroppedLine",
    "Fact",
    "InputError",
    "MissingExtra",
    "NewsfuseError",
    "Problem",
    "Sentence",
    "StoreError",
    "Summary",
    "SummaryConfig",
    "SummarySentence",
    "__version__",
    "compare",
    "read_all",
    "summarize",
]
