"""Attach to each chosen sentence every article that reports it.

An article reports a sentence when it has a matching sentence (`facts.py`) *and* names every name,
place and number the sentence states: a sentence about a venue in Vietnam is not cited to an
outlet that never mentions Vietnam, however alike the rest of the two sentences are. A name is
checked by its last word ("Michael Pompeo" and "Mike Pompeo" both end in Pompeo; "Kim Jong Un"
and "Kim Jung Un" in Un), and what a sentence adds in parentheses ("(Jan 18)") is an aside.
"""

from __future__ import annotations

import re

from newsfuse.model import Citation, SummarySentence
from newsfuse.summarize.candidates import Candidates
from newsfuse.summarize.facts import Matches
from newsfuse.text.tokens import words

_PARENTHESES = re.compile(r"\([^()]*\)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*|\d[\d,.]*")


def key_terms(sentence: str) -> frozenset[str]:
    """The lower-cased head words of the names and the numbers a sentence states."""
    tokens = _TOKEN.findall(_PARENTHESES.sub(" ", sentence))
    keys: set[str] = set()
    for position, token in enumerate(tokens):
        if token[0].isdigit():
            keys.update(words(token)[:1])
            continue
        capitalised = token[0].isupper() and position > 0  # the first word is capitalised anyway
        next_capitalised = position + 1 < len(tokens) and tokens[position + 1][0].isupper()
        if capitalised and not next_capitalised:
            keys.update(words(token)[-1:])  # "Jong-un" -> "un", "Pompeo's" -> "pompeo's"
    return frozenset(key.removesuffix("'s") for key in keys)


def _names_all(article_words: frozenset[str], keys: frozenset[str]) -> bool:
    return keys <= article_words


def cite(candidates: Candidates, matches: Matches, rows: list[int]) -> tuple[SummarySentence, ...]:
    """Build the summary sentences, each citing its own article and every article that reports it."""
    vocabulary = [frozenset(word.removesuffix("'s") for word in words(article.text)) for article in candidates.articles]
    cited = []
    for row in rows:
        own = int(candidates.article[row])
        keys = key_terms(candidates.texts[row])
        positions = sorted(p for p in matches.support(row, own) if p == own or _names_all(vocabulary[p], keys))
        reporting = {candidates.articles[p].id for p in positions}
        cited.append(
            SummarySentence(
                text=candidates.texts[row],
                # identical copies share a content id: each article is cited once
                sources=tuple(dict.fromkeys(candidates.articles[p].id for p in positions)),
                origin=candidates.sentences[row],
                evidence=tuple(c for c in matches.evidence(row, candidates) if c.article_id in reporting),
            )
        )
    return tuple(cited)


__all__ = ["Citation", "cite", "key_terms"]
