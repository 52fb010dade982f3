"""Entities: the names the recognizer found, merged across spellings and sources.

Names merge in four steps, each cautious enough to keep different people apart:
1. the same key: lower case, no dots or hyphens, aliases and nicknames replaced ("Kim Jong-un" =
   "Kim Jong Un"; "U.S." = "US" = "United States"; "Mike Pompeo" = "Michael Pompeo");
2. one differing word, within one edit of its counterpart and with the same first letter, in names
   of as many words ("Kim Jung Un" = "Kim Jong Un", but "Kim Yong Chol" stays apart from "Kim Jong
   Un", two words apart): the transliteration variants of Steinberger and Pouliquen (2007),
   "Cross-lingual named entity recognition", section 3, cut down to an edit distance;
3. an acronym and the name whose initials it spells ("FBI");
4. a one-word name joins the one longer name it is part of ("Pompeo" -> "Mike Pompeo"); when it
   could be several ("Kim": Kim Jong Un or Kim Yong Chol) it is left out rather than guessed.
The mentions of an entity then vote on its kind, weighted by the strength of each one's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsfuse.compare import lexicon as lx
from newsfuse.compare.ner import STRONG, Found, Recognizer, lower_case_words
from newsfuse.compare.roles import descriptions_of
from newsfuse.model import Article, Entity, EntityKind, Sentence, Span, content_id

MAX_EDIT = 1  # "Jung"/"Jong", "Chol"/"Chul": one letter; two would join "Jong" and "Yang"
MIN_FUZZY_LENGTH = 3  # "Un"/"In" are different names, not variants


@dataclass(slots=True)
class _Group:
    tokens: tuple[str, ...]
    found: list[Found] = field(default_factory=list)


def name_tokens(name: str) -> tuple[str, ...]:
    """A name as lower-case words with aliases and nicknames replaced: the merge key's parts."""
    text = name.replace("’", "'").replace(".", "").lower().strip()
    text = lx.ALIASES.get(text, text)
    tokens = [t for t in re.split(r"[\s-]+", text) if t]
    if len(tokens) > 1 and tokens[0] in lx.NICKNAMES:
        tokens[0] = lx.NICKNAMES[tokens[0]]
    return tuple(tokens)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, cut short once it passes `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def variant_of(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when two multi-word names differ in at most one word, and that one by a letter."""
    if len(a) != len(b) or len(a) < 2:  # one-word names join only through step 4
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return len(differing) == 0
    x, y = differing[0]
    return min(len(x), len(y)) >= MIN_FUZZY_LENGTH and x[0] == y[0] and _edit_distance(x, y, MAX_EDIT) <= MAX_EDIT


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _strong_kind(found: Sequence[Found]) -> EntityKind | None:
    kinds = {f.kind for f in found if f.weight >= STRONG and f.kind is not None}
    return next(iter(kinds)) if len(kinds) == 1 else None


def _vote(found: Sequence[Found]) -> tuple[EntityKind | None, float]:
    score: dict[EntityKind, float] = {}
    for f in found:
        if f.kind is not None:
            score[f.kind] = score.get(f.kind, 0.0) + f.weight
    if not score:
        return None, 0.0
    kind = max(score, key=lambda k: (score[k], -list(EntityKind).index(k)))
    return kind, score[kind]


def _merge(groups: list[_Group]) -> list[list[_Group]]:
    union = _Union(len(groups))
    multi = [i for i, g in enumerate(groups) if len(g.tokens) > 1]
    by_edge: dict[tuple[int, str], list[int]] = {}
    for i in multi:
        by_edge.setdefault((len(groups[i].tokens), groups[i].tokens[0]), []).append(i)
        by_edge.setdefault((len(groups[i].tokens), groups[i].tokens[-1]), []).append(i)
    for block in by_edge.values():  # a variant shares its first or its last word with the name
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                if variant_of(groups[i].tokens, groups[j].tokens):
                    union.join(i, j)
    initials: dict[str, set[int]] = {}
    for i in multi:
        spelled = "".join(t[0] for t in groups[i].tokens if t not in lx.NAME_CONNECTORS)
        initials.setdefault(spelled, set()).add(union.find(i))
    for i, group in enumerate(groups):
        if len(group.tokens) == 1 and group.found[0].text.replace(".", "").isupper():
            roots = initials.get(group.tokens[0], set())
            if len(roots) == 1:
                union.join(i, next(iter(roots)))
    left_out: set[int] = set()
    containing: dict[str, set[int]] = {}
    for i in multi:
        for token in (groups[i].tokens[0], groups[i].tokens[-1]):
            containing.setdefault(token, set()).add(union.find(i))
    for i, group in enumerate(groups):
        if len(group.tokens) != 1 or union.find(i) != i:
            continue
        roots = containing.get(group.tokens[0], set())
        own = _strong_kind(group.found)
        compatible = {r for r in roots if own is None or _vote(_members(groups, union, r))[0] in {own, None}}
        if len(compatible) == 1:
            union.join(i, next(iter(compatible)))
        elif len(compatible) > 1:
            left_out.add(i)  # "Kim" could be either Kim: not guessed
    clusters: dict[int, list[_Group]] = {}
    for i, group in enumerate(groups):
        if i not in left_out:
            clusters.setdefault(union.find(i), []).append(group)
    return list(clusters.values())


def _members(groups: list[_Group], union: _Union, root: int) -> list[Found]:
    return [f for i, g in enumerate(groups) if union.find(i) == root for f in g.found]


def _canonical(cluster: Sequence[_Group]) -> str:
    counts: dict[str, int] = {}
    for group in cluster:
        for f in group.found:
            counts[f.text] = counts.get(f.text, 0) + 1
    # the fullest form (most words, spelled out rather than an acronym), then the most used; ties: the first seen
    return max(counts, key=lambda name: (len(name_tokens(name)), len(name.split()) > 1, counts[name]))


def find_entities(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]], recognizer: Recognizer
) -> tuple[Entity, ...]:
    """The people, places and organizations of the articles, merged across variants, most reported first."""
    found: list[Found] = []
    for article in articles:
        found.extend(recognizer(sentences[article.id], lower_case_words(article.text)))
    groups: dict[tuple[str, ...], _Group] = {}
    for f in found:
        tokens = name_tokens(f.text)
        if tokens:
            groups.setdefault(("".join(tokens),), _Group(tokens)).found.append(f)
    position = {article.id: number for number, article in enumerate(articles)}
    entities = []
    for cluster in _merge(list(groups.values())):
        members = sorted(
            (f for g in cluster for f in g.found), key=lambda f: (position[f.sentence.article_id], f.start)
        )
        kind, weight = _vote(members)
        if kind is None or (weight < STRONG and all(len(g.tokens) == 1 for g in cluster)):
            continue  # a lone word with no clear cue ("in BuzzFeed") is not trusted as an entity
        name = _canonical(cluster)
        entities.append(
            Entity(
                id=content_id(kind.value, name),
                name=name,
                kind=kind,
                variants=tuple(dict.fromkeys(f.text for f in members)),
                mentions=tuple(_span(f) for f in members),
                articles=tuple(dict.fromkeys(f.sentence.article_id for f in members)),
                descriptions=_descriptions(members) if kind is EntityKind.PERSON else (),
            )
        )
    order = {
        e.id: (-len(e.articles), -len(e.mentions), position[e.mentions[0].article_id], e.mentions[0].start)
        for e in entities
    }
    return tuple(sorted(entities, key=lambda e: order[e.id]))


def _span(f: Found) -> Span:
    return Span(f.sentence.article_id, f.sentence.index, f.text, f.start, f.end)


def _descriptions(members: Sequence[Found]) -> tuple[Span, ...]:
    seen: set[tuple[str, str]] = set()
    spans = []
    for f in members:
        sentence = f.sentence
        for start, end in descriptions_of(sentence.text, f.start - sentence.start, f.end - sentence.start):
            text = sentence.text[start:end]
            if (sentence.article_id, text.lower()) in seen:
                continue
            seen.add((sentence.article_id, text.lower()))
            spans.append(Span(sentence.article_id, sentence.index, text, sentence.start + start, sentence.start + end))
    return tuple(spans)
