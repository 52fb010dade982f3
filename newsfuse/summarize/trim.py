"""What a summary shows of a chosen sentence: its asides taken out, and leading clauses to fill a budget.

Two ways to spend the budget on content rather than on words a reader can do without:
- An aside in parentheses ("Sen. Ted Cruz (R-Texas) said ...", "(pictured)") is taken out of every
  sentence before selection, so the words it frees buy more content (sentence compression by rule,
  as in the CLASSY system at DUC 2006, Conroy et al. 2006).
- A summary of whole sentences stops short of its budget when nothing left fits; the leading
  clauses of a sentence that did not fit, cut where a clause ends and marked elided ("…"), fill
  the room (`clip_sentence`).

Either way the text shown is the source's own words, in order: a shortened sentence still cites the
sentence it came from (`SummarySentence.origin`). Dropping attributions (", he said"), openers
("But", "However,") and relative clauses was measured too and left out (docs/summarizer.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.summarize.candidates import Candidates
from newsfuse.text.tokens import word_count

# What a trim must leave: as many words as a sentence the engine may choose (candidates.MIN_WORDS).
MIN_KEPT_WORDS = 6
# A clipped sentence keeps at least this many words: fewer say nothing on their own.
CLIP_MIN_WORDS = 5
ELLIPSIS = "…"
_ASIDE = re.compile(r"\s+\([^()\"“”]{1,60}\)(?=[\s,.;:!?])")
_HEAD = re.compile(r"\S+\s+\S+")
_ENDS_LIKE_SENTENCE = re.compile(r"""[.!?]["'”’)\]]*$""")
# Where a sentence may be cut: where a clause ends at a comma, semicolon, colon or dash, or before
# a word that opens another clause.
_CLAUSE_END = re.compile(r"(?<=[^\s,;:—–-])[,;:]\s|\s[—–-]{1,2}\s")
_CLAUSE_START = re.compile(
    r"\s(?=(?:and|but|while|as|after|because|when|which|who|where|although|though|before|since|until|whereas)\s)"
)


def trim_sentence(text: str) -> str:
    """The sentence without its asides in parentheses (the text itself when it has none or too few words are left)."""
    if "(" not in text:
        return text
    # not in the first two words: "WASHINGTON (AP) -" is a dateline the display kept, not an aside
    head = _HEAD.match(text)
    cut = head.end() if head else len(text)
    trimmed = text[:cut] + _ASIDE.sub("", text[cut:])
    if trimmed == text or word_count(trimmed) < MIN_KEPT_WORDS or not _ENDS_LIKE_SENTENCE.search(trimmed):
        return text
    return trimmed


def clip_sentence(text: str, max_words: int) -> str | None:
    """The sentence's longest run of whole clauses from its start within `max_words` words, marked elided.

    Cuts fall only where a clause ends: "The plant employs 1,173 people, and Goodyear wants to close
    it." clipped to 6 words is "The plant employs 1,173 people…". None when no cut leaves at least
    `CLIP_MIN_WORDS` words within `max_words`.
    """
    cuts = sorted({match.start() for pattern in (_CLAUSE_END, _CLAUSE_START) for match in pattern.finditer(text)})
    best: str | None = None
    for cut in cuts:
        prefix = text[:cut].rstrip(",;:—–- ")
        n = word_count(prefix)
        if n > max_words:
            break
        if n >= CLIP_MIN_WORDS:
            best = prefix + ELLIPSIS
    return best


def trim_candidates(candidates: Candidates) -> Candidates:
    """The candidates as selection sees them trimmed: shorter texts, fewer words.

    A trimmed sentence keeps the concepts of the whole one (an aside rarely states one the rest
    does not; recomputing them moved no set by more than 0.1 and cost 5% of the engine's time),
    and matching, concept weights and redundancy stay with the whole sentences.
    """
    texts = tuple(trim_sentence(text) for text in candidates.texts)
    changed = [row for row, (old, new) in enumerate(zip(candidates.texts, texts, strict=True)) if old != new]
    if not changed:
        return candidates
    n_words = candidates.n_words.copy()
    n_words[changed] = [word_count(texts[row]) for row in changed]
    return replace(candidates, texts=texts, n_words=n_words)
