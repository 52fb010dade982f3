"""Attach to each chosen sentence every article that reports it."""

from __future__ import annotations

from newsfuse.model import SummarySentence
from newsfuse.summarize.candidates import Candidates
from newsfuse.summarize.facts import Matches


def cite(candidates: Candidates, matches: Matches, rows: list[int]) -> tuple[SummarySentence, ...]:
    """Build the summary sentences, each citing its own article and every article with a match."""
    cited = []
    for row in rows:
        own = int(candidates.article[row])
        positions = sorted(matches.support(row, own))
        cited.append(
            SummarySentence(
                text=candidates.texts[row],
                # identical copies share a content id: each article is cited once
                sources=tuple(dict.fromkeys(candidates.articles[p].id for p in positions)),
                origin=candidates.sentences[row],
                evidence=matches.evidence(row, candidates),
            )
        )
    return tuple(cited)
