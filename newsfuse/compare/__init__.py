"""Compare stage: what several reports of one event agree on, what one alone says, where they differ.

Built on the summarizer's groups of paraphrases (`summarize.facts`), with independent sources
(`sources.py`), entities merged across spellings (`entities.py`, recognizers in `ner.py`), dates
resolved against each article's date (`dates.py`) into a timeline (`timeline.py`), agreement and
unique points (`agreement.py`) and contested values (`conflicts.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.compare.agreement import agreed_facts, source_index, unique_points
from newsfuse.compare.config import CompareConfig
from newsfuse.compare.conflicts import find_conflicts
from newsfuse.compare.entities import find_entities
from newsfuse.compare.ner import RECOGNIZERS, spacy_available
from newsfuse.compare.sources import independent_sources
from newsfuse.compare.timeline import build_timeline
from newsfuse.model import Article, Comparison, DateMention, Sentence
from newsfuse.summarize import summarize_articles
from newsfuse.summarize.candidates import prepare
from newsfuse.summarize.classic import summarize_candidates
from newsfuse.summarize.facts import group_facts, match_sentences


def recognizer_name(config: CompareConfig) -> str:
    """The recognizer a config picks: "auto" is spaCy when the `ner` extra is installed."""
    if config.ner == "auto":
        return "spacy" if spacy_available() else "classic"
    return config.ner


def compare_articles(articles: Sequence[Article], config: CompareConfig | None = None) -> Comparison:
    """Compare already cleaned articles about one event.

    Raises:
        MissingExtra: `ner="spacy"` without the `ner` extra installed.
    """
    config = config or CompareConfig()
    candidates = prepare(articles)
    matches = match_sentences(candidates)
    # the classic summarizer works on the very sentences and matches the comparison needs: prepare them once
    if articles and config.summary.engine == "classic":
        summary = summarize_candidates(candidates, matches, config.summary)
    else:
        summary = summarize_articles(articles, config.summary)
    facts = group_facts(candidates, matches)
    sources = independent_sources(
        articles, copy_jaccard=config.copy_jaccard, same_outlet=config.same_outlet_is_one_source
    )
    source_of = source_index(sources)
    sentences: dict[str, list[Sentence]] = {article.id: [] for article in articles}
    for sentence in candidates.sentences:
        sentences[sentence.article_id].append(sentence)
    ner = recognizer_name(config)
    entities = find_entities(articles, sentences, RECOGNIZERS[ner])
    timeline, unresolved = build_timeline(articles, sentences)
    dates_in: dict[str, list[DateMention]] = {}
    for mention in [m for event in timeline for m in event.mentions] + list(unresolved):
        dates_in.setdefault(f"{mention.span.article_id}:{mention.span.sentence_index}", []).append(mention)
    agreed = agreed_facts(candidates, facts, source_of)
    return Comparison(
        summary=summary,
        sources=sources,
        sentences=candidates.sentences,
        agreed=agreed,
        unique=unique_points(candidates, matches, entities, source_of),
        conflicts=find_conflicts(agreed, entities, source_of, candidates, dates_in),
        entities=entities,
        timeline=timeline,
        unresolved=unresolved,
        ner=ner,
    )


__all__ = ["CompareConfig", "compare_articles", "recognizer_name"]
