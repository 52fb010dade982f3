"""Contested points: statements about the same thing that differ in a value.

Within each agreed fact (sentences of different sources that say the same thing) the values of
each kind are compared source against source: numbers by their unit ("90 minutes" against "an
hour" is not compared, "12 people" against "15 people" is), dates by weekday and month, places and
people by their merged entity (so a spelling variant is never a contradiction), and who the
statement is attributed to. Across the whole story, the titles and roles each source gives a
person are compared too. Sides that overlap (one source names more places) are marked `partial`;
sides that exclude each other are contradictions. The idea of comparing typed slots of aligned
statements is that of contradiction detection by mismatch features (de Marneffe, Rafferty and
Manning 2008, "Finding contradictions in text", section 3: numeric, date, antonym and structure
mismatches), applied here to the summarizer's paraphrase groups rather than to a trained classifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsfuse.compare import lexicon as lx
from newsfuse.compare.dates import find_expressions
from newsfuse.compare.roles import same_role
from newsfuse.model import (
    AgreedFact,
    Conflict,
    ConflictKind,
    ConflictSide,
    DateMention,
    Entity,
    EntityKind,
    Granularity,
    Sentence,
    Span,
)
from newsfuse.summarize.candidates import Candidates
from newsfuse.text.tokens import STOP_WORDS, stem

# Cosine (TF-IDF, `text.similarity`) two sentences need before a difference in who says it, or in
# the people they name, counts as a conflict: paraphrases of one statement score 0.3-0.6 on the
# summit example, sentences grouped only by shared names about 0.2 (see docs/compare.md).
CLOSE_PARAPHRASE = 0.3
MIN_SIDES = 2  # a difference takes two sources
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.,\-–$])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(NUMBER_WORDS)
    + r")\b(?:\s+(?P<scale>thousand|million|billion|trillion))?(?:\s*(?P<pct>%|percent|per cent))?(?:[\s-]+(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_ATTRIBUTION = re.compile(
    r"(?:\baccording to\s+(?P<according>[^,.;\"“”]{3,60}))"
    r"|(?:(?P<before>\b(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*|\b(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+"
    r"(?:said|says|told|announced|tweeted|reported|confirmed|stated|added)\b)"
    r"|(?:\b(?:said|says|told)\s+(?P<after>(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4}|people [\w ]{3,40}?|officials?\b))",
)
# Words that can stand where a speaker does but never name one ("It said", "a statement that said").
_NOT_SPEAKERS = (
    STOP_WORDS
    | {w.lower() for w in lx.SENTENCE_STARTERS | lx.MONTH_AND_DAY_NAMES}
    | {
        "statement",
        "report",
        "letter",
        "post",
        "tweet",
        "video",
    }
)
MIN_LISTED_PLACES = 2  # places that overlap count as contested only when both sides list several (venue lists)


@dataclass(frozen=True, slots=True)
class _Value:
    kind: ConflictKind
    slot: str  # values compare within a slot: a unit, "weekday", "month", "place", "person", "attribution"
    key: str  # what makes two values the same
    label: str  # what a reader sees
    span: Span


def _sentence_span(sentence: Sentence, start: int, end: int) -> Span:
    return Span(
        sentence.article_id, sentence.index, sentence.text[start:end], sentence.start + start, sentence.start + end
    )


def number_values(sentence: Sentence) -> list[_Value]:
    """Numbers with the unit that follows them ("90-minute" -> 90 minut), years and dates left out."""
    dates = [(e.start, e.end) for e in find_expressions(sentence.text)]
    values = []
    for match in _NUMBER.finditer(sentence.text):
        if any(s <= match.start() < e for s, e in dates):
            continue
        raw = match.group("num").lower().replace(",", "")
        if _YEAR.match(raw) and not match.group("pct"):
            continue
        number = float(NUMBER_WORDS.get(raw, 0) or raw)
        number *= SCALES.get((match.group("scale") or "").lower(), 1.0)
        unit = "percent" if match.group("pct") else stem((match.group("unit") or "").lower())
        if not unit or (raw in NUMBER_WORDS and unit in {"of", "the", "a"}):
            continue  # a number with no unit says nothing comparable
        text_end = match.end("unit") if match.group("unit") else match.end()
        values.append(
            _Value(
                ConflictKind.NUMBER,
                unit,
                f"{number:g}",
                sentence.text[match.start() : text_end],
                _sentence_span(sentence, match.start(), text_end),
            )
        )
    return values


def date_values(mentions: Iterable[DateMention], sentence: Sentence) -> list[_Value]:
    """Weekday and month of each date mention of a sentence, resolved or not ("Friday", "February")."""
    parsed = {sentence.start + e.start: e for e in find_expressions(sentence.text)}
    values = []
    for mention in mentions:
        expression = parsed.get(mention.span.start)
        weekday = expression.weekday if expression else None
        month = expression.month if expression else None
        if mention.when is not None:
            if mention.when.granularity is Granularity.DAY:
                weekday = mention.when.first.weekday()
            if mention.when.first.month == mention.when.last.month and mention.when.granularity is not Granularity.YEAR:
                month = mention.when.first.month
        if weekday is not None:
            values.append(_Value(ConflictKind.DATE, "weekday", str(weekday), mention.span.text, mention.span))
        if month is not None:
            values.append(_Value(ConflictKind.DATE, "month", str(month), mention.span.text, mention.span))
    return values


def entity_values(entities: Iterable[tuple[Entity, Span]], sentence: Sentence) -> list[_Value]:
    """Places and people a sentence names, as merged entities; "Pyongyang's" (a government, not a place) left out."""
    values = []
    for entity, span in entities:
        possessive = sentence.text[span.end - sentence.start : span.end - sentence.start + 2] in {"'s", "’s"}
        if entity.kind is EntityKind.PLACE and not possessive:
            values.append(_Value(ConflictKind.PLACE, "place", entity.id, entity.name, span))
        elif entity.kind is EntityKind.PERSON:
            values.append(_Value(ConflictKind.NAME, "person", entity.id, entity.name, span))
    return values


def attribution_values(sentence: Sentence, entities: Iterable[tuple[Entity, Span]]) -> list[_Value]:
    """Who a sentence says the statement comes from, as an entity where the words name one."""
    values = []
    known = list(entities)
    for match in _ATTRIBUTION.finditer(sentence.text):
        group = next(g for g in ("according", "before", "after") if match.group(g))
        start, end = match.start(group), match.end(group)
        phrase = sentence.text[start:end].strip()
        content = [w for w in re.findall(r"[\w'’-]+", phrase.lower()) if w not in {"the", "a", "an"}]
        if not content or any(w in _NOT_SPEAKERS for w in content) or content[-1].endswith(("'s", "’s")):
            continue
        absolute = (sentence.start + start, sentence.start + end)
        named = [e for e, span in known if absolute[0] <= span.start < absolute[1]]
        if named:
            entity = named[-1]  # "Trump spokeswoman Sarah Sanders": the last name is the speaker
            values.append(
                _Value(
                    ConflictKind.ATTRIBUTION,
                    "attribution",
                    entity.id,
                    entity.name,
                    _sentence_span(sentence, start, end),
                )
            )
        elif phrase:
            key = re.sub(r"^(?:the|a|an)\s+", "", phrase.lower())
            values.append(
                _Value(ConflictKind.ATTRIBUTION, "attribution", key, phrase, _sentence_span(sentence, start, end))
            )
    return values


def _sides(by_source: Mapping[str, list[_Value]]) -> tuple[ConflictSide, ...]:
    sides = []
    for source, values in by_source.items():
        labels = list(dict.fromkeys(v.label for v in values))
        sides.append(ConflictSide(", ".join(labels), tuple(dict.fromkeys(v.span for v in values)), (source,)))
    return tuple(sides)


def _compare_slot(
    by_source: Mapping[str, list[_Value]], *, disjoint_ok: Callable[[str, str], bool]
) -> tuple[bool, bool] | None:
    """(partial, contradiction) when the sources' values differ, else None."""
    keys = {source: frozenset(v.key for v in values) for source, values in by_source.items()}
    if len(set(keys.values())) < MIN_SIDES:
        return None
    sources = list(keys)
    partial = False
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            if keys[a] == keys[b]:
                continue
            if keys[a] & keys[b]:
                partial = True
            elif disjoint_ok(a, b):
                return False, True
    return (True, False) if partial else None


def fact_conflicts(
    agreed: AgreedFact,
    source_of: Mapping[str, str],
    candidates: Candidates,
    entities_in: Mapping[str, list[tuple[Entity, Span]]],
    dates_in: Mapping[str, list[DateMention]],
) -> list[Conflict]:
    """The values the sources of one agreed fact state differently."""
    row_of = {sentence.id: row for row, sentence in enumerate(candidates.sentences)}
    by_slot: dict[tuple[ConflictKind, str], dict[str, list[_Value]]] = {}
    sentences_of: dict[str, list[Sentence]] = {}
    for sentence in agreed.fact.sentences:
        source = source_of[sentence.article_id]
        sentences_of.setdefault(source, []).append(sentence)
        found = entities_in.get(sentence.id, [])
        values = (
            number_values(sentence)
            + date_values(dates_in.get(sentence.id, []), sentence)
            + entity_values(found, sentence)
            + attribution_values(sentence, found)
        )
        for value in values:
            by_slot.setdefault((value.kind, value.slot), {}).setdefault(source, []).append(value)

    def close(a: str, b: str) -> bool:
        rows_a = [row_of[s.id] for s in sentences_of[a]]
        rows_b = [row_of[s.id] for s in sentences_of[b]]
        product = candidates.vectors[rows_a] @ candidates.vectors[rows_b].T
        return bool(product.max() >= CLOSE_PARAPHRASE) if product.nnz else False

    def locative(a: str, b: str) -> bool:
        return all(
            any(_after_locative(candidates, row_of, v.span) for v in by_slot[(ConflictKind.PLACE, "place")][s])
            for s in (a, b)
        )

    def lists(by_source: Mapping[str, list[_Value]]) -> bool:
        return all(len({v.key for v in values}) >= MIN_LISTED_PLACES for values in by_source.values())

    # which differences count: values that exclude each other (numbers of one unit always; places after
    # "in"/"at"; dates, people and attributions in close paraphrases), and place lists that differ in part
    # (one sentence naming one more date, number or person is no conflict)
    rules: dict[ConflictKind, tuple[bool, Callable[[str, str], bool]]] = {
        ConflictKind.NUMBER: (False, lambda a, b: True),
        ConflictKind.DATE: (False, close),
        ConflictKind.PLACE: (True, locative),
        ConflictKind.NAME: (False, close),
        ConflictKind.ATTRIBUTION: (False, close),
    }
    conflicts = []
    for (kind, _slot), by_source in by_slot.items():
        if len(by_source) < MIN_SIDES:
            continue
        partial_counts, disjoint_ok = rules[kind]
        outcome = _compare_slot(by_source, disjoint_ok=disjoint_ok)
        if outcome is None or (outcome[0] and not (partial_counts and lists(by_source))):
            continue
        conflicts.append(Conflict(kind, agreed.text, _sides(by_source), partial=outcome[0]))
    return conflicts


def _after_locative(candidates: Candidates, row_of: Mapping[str, int], span: Span) -> bool:
    sentence = candidates.sentences[row_of[f"{span.article_id}:{span.sentence_index}"]]
    before = sentence.text[: span.start - sentence.start].split()[-3:]
    return any(word.lower() in {"in", "at"} for word in before)


def role_conflicts(entities: Sequence[Entity], source_of: Mapping[str, str]) -> list[Conflict]:
    """People the sources describe with titles or roles that share nothing."""
    conflicts = []
    for entity in entities:
        if entity.kind is not EntityKind.PERSON or not entity.descriptions:
            continue
        by_source: dict[str, list[Span]] = {}
        for description in entity.descriptions:
            by_source.setdefault(source_of[description.article_id], []).append(description)
        sources = list(by_source)
        differ = any(
            not any(same_role(x.text, y.text) for x in by_source[a] for y in by_source[b])
            for i, a in enumerate(sources)
            for b in sources[i + 1 :]
        )
        if differ:
            sides = tuple(
                ConflictSide("; ".join(dict.fromkeys(d.text for d in spans)), tuple(spans), (source,))
                for source, spans in by_source.items()
            )
            conflicts.append(Conflict(ConflictKind.ROLE, entity.name, sides))
    return conflicts


def find_conflicts(
    agreed: Sequence[AgreedFact],
    entities: Sequence[Entity],
    source_of: Mapping[str, str],
    candidates: Candidates,
    dates_in: Mapping[str, list[DateMention]],
) -> tuple[Conflict, ...]:
    """Every contested point: values within agreed facts, then people's roles."""
    entities_in: dict[str, list[tuple[Entity, Span]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            entities_in.setdefault(f"{mention.article_id}:{mention.sentence_index}", []).append((entity, mention))
    conflicts: list[Conflict] = []
    for fact in agreed:
        conflicts.extend(fact_conflicts(fact, source_of, candidates, entities_in, dates_in))
    conflicts.extend(role_conflicts(entities, source_of))
    return tuple(conflicts)
