"""Attach to each chosen sentence every article that reports it.

An article reports a sentence when one of its sentences matches (`facts.py`) and shares a good
part of its content words (that sentence is the evidence a reader is shown), *and* the article names every name,
place and number the sentence states: a sentence about a venue in Vietnam is not cited to an
outlet that never mentions Vietnam, however alike the rest of the two sentences are. A name is
checked by its last word ("Michael Pompeo" and "Mike Pompeo" both end in Pompeo; "Kim Jong Un"
and "Kim Jung Un" in Un), and what a sentence adds in parentheses ("(Jan 18)") is an aside.
"""

from __future__ import annotations

import re

import numpy as np

from newsfuse.model import Citation, SummarySentence
from newsfuse.summarize.candidates import Candidates
from newsfuse.summarize.facts import MATCH_THRESHOLD, Matches
from newsfuse.text.tokens import content_stems, words

# The evidence sentence must share this many of the summary sentence's content stems, and this
# share of them: a match on names alone ("Looking forward to meeting Chairman Kim") is not evidence
# that an outlet reports the summit's date.
EVIDENCE_MIN_SHARED = 3
EVIDENCE_MIN_SHARE = 0.3
_PARENTHESES = re.compile(r"\([^()]*\)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*|\d[\d,.]*")


def key_terms(sentence: str) -> frozenset[str]:
    """The lower-cased head words of the names and the numbers a sentence states."""
    tokens = _TOKEN.findall(_PARENTHESES.sub(" ", sentence))
    keys: set[str] = set()
    for position, (token, after) in enumerate(zip(tokens, [*tokens[1:], "x"], strict=False)):  # "x": no next word
        if token[0].isdigit():
            keys.update(words(token)[:1])
        elif position > 0 and token[0].isupper() and not after[0].isupper():  # the first word is capitalised anyway
            # "Jong-un" -> "un", "Pompeo's" -> "pompeo's"
            keys.update([token.lower()] if token.isalpha() else words(token)[-1:])
    return frozenset(key.removesuffix("'s") for key in keys)


def _vocabulary(text: str) -> frozenset[str]:
    """An article's words, each also without its "'s" (key terms never end in "'s")."""
    found = set(words(text))
    return frozenset(found.union([word[:-2] for word in found if word.endswith("'s")]))


def _shares_content(summary_stems: set[str], evidence: str) -> bool:
    shared = summary_stems & set(content_stems(evidence))
    return len(shared) >= EVIDENCE_MIN_SHARED and len(shared) >= EVIDENCE_MIN_SHARE * len(summary_stems)


def _evidence(candidates: Candidates, article: int, similarity: np.ndarray, stems: set[str]) -> Citation | None:
    """The most similar sentence of `article` that says what a summary sentence says, if any.

    `similarity` holds the cosine of the summary sentence with every sentence, `stems` its content stems.
    """
    start, end = np.searchsorted(candidates.article, [article, article + 1])  # an article's rows are contiguous
    for index in np.argsort(-similarity[start:end]):
        other = int(start + index)
        if similarity[other] < MATCH_THRESHOLD:
            break
        if _shares_content(stems, candidates.texts[other]):
            sentence = candidates.sentences[other]
            return Citation(sentence.article_id, sentence.index, round(float(similarity[other]), 3))
    return None


def cite(candidates: Candidates, matches: Matches, rows: list[int]) -> tuple[SummarySentence, ...]:
    """Build the summary sentences, each citing its own article and every article that reports it."""
    vocabularies: dict[int, frozenset[str]] = {}

    def vocabulary(article: int) -> frozenset[str]:
        if article not in vocabularies:
            vocabularies[article] = _vocabulary(candidates.articles[article].text)
        return vocabularies[article]

    # every chosen sentence against every sentence: rows of the product matching already computed
    similarities = matches.similarity[rows].toarray() if rows else np.zeros((0, 0))
    cited = []
    for row, similarity in zip(rows, similarities, strict=True):
        own = int(candidates.article[row])
        evidence: dict[int, Citation] = {}
        others = sorted(matches.support(row, own) - {own})
        if others:  # names, numbers and content words only for a sentence another article may report
            keys = key_terms(candidates.texts[row])
            stems = set(content_stems(candidates.texts[row]))
        for other in others:
            found = _evidence(candidates, other, similarity, stems) if not keys or keys <= vocabulary(other) else None
            if found is not None:
                evidence[other] = found
        positions = sorted({own, *evidence})
        cited.append(
            SummarySentence(
                text=candidates.texts[row],
                # identical copies share a content id: each article is cited once
                sources=tuple(dict.fromkeys(candidates.articles[p].id for p in positions)),
                origin=candidates.sentences[row],
                evidence=tuple(
                    evidence[p] for p in sorted(evidence) if candidates.articles[p].id != candidates.articles[own].id
                ),
            )
        )
    return tuple(cited)


__all__ = ["Citation", "cite", "key_terms"]
