"""What the sources agree on, and what one source alone reports.

Agreement is counted in independent sources, not articles (`sources.py`): a fact printed by two
copies of one wire story has one source. A fact is agreed when two or more sources report it
(the summarizer's groups of paraphrases, `summarize.facts`). A sentence is unique to its source
when no sentence of any other source matches it at all; a name that only one source gives, in a
sentence others do match, is a unique detail ("Ho Chi Minh City" among the possible venues).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsfuse.model import AgreedFact, Entity, Fact, Source, UniquePoint
from newsfuse.summarize.candidates import Candidates
from newsfuse.summarize.facts import Matches

MIN_AGREEING = 2  # independent sources that make a fact agreed


def source_index(sources: Sequence[Source]) -> dict[str, str]:
    """Article id -> the id of its independent source."""
    return {article_id: source.id for source in sources for article_id in source.articles}


def agreed_facts(candidates: Candidates, facts: Sequence[Fact], source_of: Mapping[str, str]) -> tuple[AgreedFact, ...]:
    """Facts reported by two or more independent sources, most widely reported first."""
    row_of = {sentence.id: row for row, sentence in enumerate(candidates.sentences)}
    agreed = []
    for fact in facts:
        sources = tuple(dict.fromkeys(source_of[article_id] for article_id in fact.articles))
        if len(sources) < MIN_AGREEING:
            continue
        first = fact.sentences[0]
        agreed.append(AgreedFact(text=candidates.texts[row_of[first.id]], fact=fact, sources=sources))
    return tuple(sorted(agreed, key=lambda a: -a.support))  # stable: ties keep the order of first appearance


def unique_points(
    candidates: Candidates, matches: Matches, entities: Sequence[Entity], source_of: Mapping[str, str]
) -> tuple[UniquePoint, ...]:
    """Sentences no other source matches, then names only one source gives inside sentences others match."""
    article_ids = [article.id for article in candidates.articles]
    points: list[UniquePoint] = []
    matched_elsewhere: set[str] = set()
    for row, sentence in enumerate(candidates.sentences):
        own = source_of[sentence.article_id]
        matched_sources = {source_of[article_ids[p]] for p in matches.best[row]}
        if matched_sources - {own}:
            matched_elsewhere.add(sentence.id)
            continue
        earlier_copy = any(
            source_of[article_ids[p]] == own and p < int(candidates.article[row]) for p in matches.best[row]
        )
        if candidates.eligible[row] and not earlier_copy:  # a copy's sentence is told once, from the first copy
            points.append(UniquePoint(candidates.texts[row], sentence, own))
    row_of = {sentence.id: row for row, sentence in enumerate(candidates.sentences)}
    for entity in entities:
        sources = {source_of[article_id] for article_id in entity.articles}
        if len(sources) != 1:
            continue
        for mention in entity.mentions:
            sentence_id = f"{mention.article_id}:{mention.sentence_index}"
            if sentence_id in matched_elsewhere:
                row = row_of[sentence_id]
                points.append(
                    UniquePoint(candidates.texts[row], candidates.sentences[row], next(iter(sources)), entity.name)
                )
                break
    return tuple(points)
