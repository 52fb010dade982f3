"""Corpus evidence: a line that one outlet prints in several of its articles is its boilerplate."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsfuse.model import Cleaned, DroppedLine, DropReason

# Seen in this many articles of one outlet, a line is furniture (a tagline, a disclaimer), not news.
# Three, not two: two articles of one outlet may quote the same sentence of a statement.
MIN_ARTICLES_FOR_BOILERPLATE = 3
# Long lines are sentences of wire copy reprinted by one outlet, not furniture.
MAX_BOILERPLATE_WORDS = 30


def _key(line: str) -> str:
    return " ".join(line.lower().split())


def clean_corpus(cleaned: list[Cleaned]) -> list[Cleaned]:
    """Drop lines repeated in at least `MIN_ARTICLES_FOR_BOILERPLATE` articles of the same outlet."""
    counts: Counter[tuple[str, str]] = Counter()
    for item in cleaned:
        source = item.article.source
        if source:
            distinct = {_key(line) for line in item.article.text.split("\n") if line.strip()}
            counts.update((source, line) for line in distinct if len(line.split()) <= MAX_BOILERPLATE_WORDS)
    furniture = {key for key, count in counts.items() if count >= MIN_ARTICLES_FOR_BOILERPLATE}
    if not furniture:
        return cleaned
    result: list[Cleaned] = []
    for item in cleaned:
        source = item.article.source or ""
        lines = item.article.text.split("\n")
        gone = [line for line in lines if line.strip() and (source, _key(line)) in furniture]
        if not gone:
            result.append(item)
            continue
        kept = "\n".join(line for line in lines if not (line.strip() and (source, _key(line)) in furniture))
        extra = tuple(DroppedLine(item.article.id, line.strip(), DropReason.BOILERPLATE) for line in gone)
        result.append(Cleaned(replace(item.article, text=kept.strip()), item.dropped + extra))
    return result
