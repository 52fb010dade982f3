"""Facts: which sentences of different articles say the same thing.

Two sentences of different articles match when the cosine of their TF-IDF vectors
(`text.similarity`) reaches `MATCH_THRESHOLD`; each sentence keeps its best match in each other
article. A sentence's *support* is the set of articles with a match, its own included: the
cross-document signal of Radev et al.'s MEAD and of "sentence fusion" (Barzilay and McKeown 2005)
that a fact several outlets report matters more than one an outlet reports alone. Facts are the
connected groups of mutual best matches, so a chain of loose matches cannot glue unrelated
sentences together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsfuse.model import Fact
from newsfuse.summarize.candidates import Candidates
from newsfuse.text.similarity import cosines, pairs_above

# Cosine of sublinear TF-IDF over stems and bigrams at which two news sentences report the same
# thing: set on the summit example (paraphrases of the 90-minute meeting score 0.25-0.45, sentences
# sharing only names score under 0.2), checked by reading matches on the Multi-News full-text sample.
MATCH_THRESHOLD = 0.18


@dataclass(frozen=True, slots=True)
class Matches:
    """`best[i]` maps each other article (by position) to (sentence row, similarity) of its best match.

    `similarity` holds the cosine of every two sentences (`text.similarity.cosines`), which citing reuses.
    """

    best: tuple[dict[int, tuple[int, float]], ...]
    similarity: sp.csr_matrix

    def support(self, row: int, own_article: int) -> frozenset[int]:
        """Positions of the articles that report sentence `row`, its own included."""
        return frozenset(self.best[row]) | {own_article}


def match_sentences(candidates: Candidates, threshold: float = MATCH_THRESHOLD) -> Matches:
    """Find, for every sentence, its best match in each other article."""
    n = len(candidates.sentences)
    best: list[dict[int, tuple[int, float]]] = [{} for _ in range(n)]
    if n == 0:
        return Matches((), sp.csr_matrix((0, 0)))
    every_pair = cosines(candidates.vectors)
    pairs = pairs_above(every_pair, threshold)
    article = candidates.article
    across = article[pairs.row] != article[pairs.col]  # pairs within one article never match
    rows, cols, values = pairs.row[across].tolist(), pairs.col[across].tolist(), pairs.data[across].tolist()
    for i, j, other, similarity in zip(rows, cols, article[cols].tolist(), values, strict=True):
        current = best[i].get(other)
        if current is None or similarity > current[1]:
            best[i][other] = (j, similarity)
    return Matches(tuple(best), every_pair)


def group_facts(candidates: Candidates, matches: Matches) -> tuple[Fact, ...]:
    """Group sentences into facts along mutual best matches, in order of first appearance."""
    n = len(candidates.sentences)
    rows: list[int] = []
    cols: list[int] = []
    for i in range(n):
        for j, _ in matches.best[i].values():
            back = matches.best[j].get(int(candidates.article[i]))
            if back is not None and back[0] == i:
                rows.append(i)
                cols.append(j)
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = sp.csgraph.connected_components(graph, directed=False)
    members: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        members.setdefault(int(label), []).append(row)
    facts = []
    for group in sorted(members.values(), key=lambda g: g[0]):
        positions = sorted({int(candidates.article[row]) for row in group})
        facts.append(
            Fact(
                sentences=tuple(candidates.sentences[row] for row in group),
                articles=tuple(candidates.articles[p].id for p in positions),
            )
        )
    return tuple(facts)
