"""Titles and roles the sources attach to a person: "Secretary of State Mike Pompeo", "Kim Yong Chol,
a right-hand man to the North Korean leader", "Kim Yong-chol is one of the country's top negotiators".

Three patterns, read off the text around a name: the title before it (a run of capitalised words
and role words ending at the name), an appositive after it (", a/an/the/one of ..."), and a copula
after it ("is/was a/an/the/one of ..."). The words they share decide whether two descriptions say
the same thing (`same_role`).
"""

from __future__ import annotations

import re

from newsfuse.compare import lexicon as lx
from newsfuse.text.tokens import STOP_WORDS, stem

MAX_APPOSITIVE_CHARS = 90  # an appositive longer than this is a clause, not a description
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_APPOSITIVE = re.compile(
    rf"^\s*,\s*(?P<role>(?:a|an|the|one of)\s[^,.;:\"“”()]{{3,{MAX_APPOSITIVE_CHARS}}}?)\s*(?=[,.;:\"”)]|$)"
)
_COPULA = re.compile(
    rf"^\s+(?:is|was|remains|became)\s+(?P<role>(?:a|an|the|one of)\s[^,.;:\"“”()]{{3,{MAX_APPOSITIVE_CHARS}}}?)\s*(?=[,.;:\"”)]|$)"
)
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\b")
_SPEECH = frozenset(["said", "says", "told", "announced", "added", "tweeted", "wrote", "reported", "according"])
# Demonyms and country names reduced to one form, so "North Korean leader" and "North Korea's leader" match.
_DEMONYM_ENDINGS = (("ean", "ea"), ("ian", "ia"), ("can", "ca"), ("ese", ""))
# Two descriptions say the same when one's terms hold the other's, or when they share this share of
# their terms ("GOP state Senate candidate" / "Republican state Senate candidate": 3 of 5).
SAME_ROLE_JACCARD = 0.5
MIN_FUZZY_TERM = 6  # "archaeologist"/"archeologist": long words one letter apart are one word


def _title_before(text: str, name_start: int) -> tuple[int, int] | None:
    words = list(_WORD.finditer(text[:name_start]))
    taken: list[re.Match[str]] = []
    position = name_start
    for word in reversed(words):
        gap = text[word.end() : position]
        if gap.strip():
            break  # punctuation between: the title ended
        token = word.group(0)
        bare = re.sub(r"['’]s$", "", token)
        is_role = token.lower() in lx.ROLE_WORDS and (token.islower() or bare in lx.TITLES)
        is_name = token[:1].isupper() and bare not in lx.SENTENCE_STARTERS and bare not in lx.HONORIFICS
        connector = token == "of" and taken and taken[-1].group(0)[:1].isupper()
        if not (is_role or is_name or bare in lx.TITLES or connector):
            break
        taken.append(word)
        position = word.start()
    while taken and (taken[-1].group(0) == "of"):
        taken.pop()
    heads = [
        w.group(0)
        for w in taken
        if w.group(0) in lx.TITLES
        or (w.group(0).lower() in lx.ROLE_WORDS and w.group(0).lower() not in lx.ROLE_MODIFIERS)
    ]
    if not heads:
        return None
    return taken[-1].start(), taken[0].end()


def descriptions_of(text: str, name_start: int, name_end: int) -> list[tuple[int, int]]:
    """Spans (in `text`, a sentence) of the descriptions of the name at `name_start:name_end`."""
    found = []
    before = _title_before(text, name_start)
    if before is not None:
        found.append(before)
    for pattern in (_APPOSITIVE, _COPULA):
        match = pattern.match(text[name_end:])
        if match and not _SPEECH & set(match.group("role").lower().split()):
            role = match.group("role")
            clause = _RELATIVE.search(role)  # "a forensic archaeologist who normally works ...": the noun phrase
            end = match.start("role") + (clause.start() if clause else len(role))
            found.append((name_end + match.start("role"), name_end + end))
    return found


def role_terms(description: str) -> frozenset[str]:
    """The content of a description as stems, countries and demonyms in one form."""
    text = description.lower().replace("’", "'").replace("'s", "").replace(".", "")
    words = []
    for word in re.findall(r"[a-z][a-z-]*", text):
        for ending, replacement in _DEMONYM_ENDINGS:
            if word.endswith(ending):
                word = word[: -len(ending)] + replacement
                break
        words.append(word)
    text = " ".join(words)
    for short, long in lx.ALIASES.items():
        text = re.sub(rf"\b{re.escape(long)}\b", short, text)
    return frozenset(stem(word) for word in text.split() if word not in STOP_WORDS)


def _one_letter_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < MIN_FUZZY_TERM:
        return False
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b))) or (
        len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    )


def same_role(a: str, b: str) -> bool:
    """True when two descriptions say the same, or one says more of it ("President" / "US President")."""
    terms_a, terms_b = set(role_terms(a)), set(role_terms(b))
    if not terms_a or not terms_b:
        return False
    for term in list(terms_a - terms_b):  # spelling variants count as the same term
        twin = next((t for t in terms_b - terms_a if _one_letter_apart(term, t)), None)
        if twin is not None:
            terms_a = (terms_a - {term}) | {twin}
    if terms_a <= terms_b or terms_b <= terms_a:
        return True
    return len(terms_a & terms_b) / len(terms_a | terms_b) >= SAME_ROLE_JACCARD
