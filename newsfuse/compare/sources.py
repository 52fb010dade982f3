"""Independent sources: wire copies and articles of one outlet count once.

Two articles are copies when the sets of their 5-word shingles overlap (Jaccard) at least
`CompareConfig.copy_jaccard`: the resemblance measure of Broder (1997), "On the resemblance and
containment of documents", computed exactly here, since a story holds few articles. Articles that
name the same outlet count once as well: two reports of one newsroom do not confirm each other.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.model import Article, Source
from newsfuse.text.tokens import words

SHINGLE_WORDS = 5  # long enough that two independent reports rarely share one by chance (Broder 1997)


def shingles(text: str) -> frozenset[int]:
    """Hashes of the article's 5-word shingles (its words when shorter)."""
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return frozenset({hash(tuple(tokens))}) if tokens else frozenset()
    return frozenset(hash(tuple(tokens[i : i + SHINGLE_WORDS])) for i in range(len(tokens) - SHINGLE_WORDS + 1))


def _pair_overlaps(sets: Sequence[frozenset[int]]) -> dict[tuple[int, int], int]:
    """Shared shingles of every pair of articles that share any, through an inverted index."""
    holders: dict[int, list[int]] = {}
    for number, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            holders.setdefault(shingle, []).append(number)
    shared: dict[tuple[int, int], int] = {}
    for numbers in holders.values():
        for i, a in enumerate(numbers):
            for b in numbers[i + 1 :]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    return shared


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _outlet(article: Article) -> str | None:
    return article.source.strip().casefold() if article.source and article.source.strip() else None


def independent_sources(articles: Sequence[Article], *, copy_jaccard: float, same_outlet: bool) -> tuple[Source, ...]:
    """Group articles into independent sources, in input order."""
    n = len(articles)
    parent = list(range(n))
    reasons: dict[int, set[str]] = {}

    def join(a: int, b: int, reason: str) -> None:
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            low, high = min(ra, rb), max(ra, rb)
            parent[high] = low
            reasons.setdefault(low, set()).update(reasons.pop(high, set()) | {reason})

    sets = [shingles(article.text) for article in articles]
    for (a, b), common in sorted(_pair_overlaps(sets).items()):
        union = len(sets[a]) + len(sets[b]) - common
        if union and common / union >= copy_jaccard:
            join(a, b, "near-identical text (wire copy)")
    first_with_id: dict[str, int] = {}
    for number, article in enumerate(articles):  # identical texts share a content id, even a text too short to shingle
        join(first_with_id.setdefault(article.id, number), number, "identical text")
    if same_outlet:
        first_of_outlet: dict[str, int] = {}
        for number, article in enumerate(articles):
            outlet = _outlet(article)
            if outlet is not None:
                join(first_of_outlet.setdefault(outlet, number), number, "same outlet")
    members: dict[int, list[int]] = {}
    for number in range(n):
        members.setdefault(_find(parent, number), []).append(number)
    sources = []
    for root, group in sorted(members.items()):
        names = dict.fromkeys(
            articles[i].source or articles[i].title or articles[i].path or articles[i].id for i in group
        )
        sources.append(
            Source(
                id=articles[group[0]].id,
                name=" / ".join(names),
                articles=tuple(dict.fromkeys(articles[i].id for i in group)),
                reason=", ".join(sorted(reasons.get(root, set()))),
            )
        )
    return tuple(sources)
