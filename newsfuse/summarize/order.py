"""Put the chosen sentences in reading order.

News runs from the event to its consequences and background, so a sentence's relative place in
its own article is a good proxy for where it belongs in a brief (the "majority ordering" idea of
Barzilay, Elhadad and McKeown 2002, reduced to position). Ties keep the input order of articles.
"""

from __future__ import annotations

from newsfuse.summarize.candidates import Candidates


def order_sentences(candidates: Candidates, chosen: list[int]) -> list[int]:
    """Sort the chosen rows by relative position in their article, then by article."""
    lengths: dict[int, int] = {}
    for article in candidates.article:
        lengths[int(article)] = lengths.get(int(article), 0) + 1

    def key(row: int) -> tuple[float, int]:
        article = int(candidates.article[row])
        return float(candidates.position[row]) / max(lengths[article], 1), article

    return sorted(chosen, key=key)
