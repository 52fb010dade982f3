"""Sentence splitting for news: the only splitter in newsfuse.

Lines stand on their own first (headlines, captions and list items are not run into the
next sentence), then each line is split where nupunkt's Punkt model (Kiss and Strunk 2006)
starts a sentence (`boundaries.py` makes its decisions), which knows "Mr.", "Jan. 18" and
"a.m.". One news-specific repair follows: Punkt ends a sentence after an initialism ("U.S.")
before a capitalised word, which is wrong when the word names a U.S. office ("U.S. Secretary
of State"), so those pieces are joined again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from newsfuse.model import Sentence
from newsfuse.text.boundaries import sentence_starts

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*•·▪►]|\d{1,2}[.)])[ \t]+")
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
# Words that follow an initialism inside a sentence far more often than they start a new one.
_AFTER_INITIALISM = frozenset(
    [
        "Secretary",
        "President",
        "Vice",
        "State",
        "Department",
        "Army",
        "Navy",
        "Air",
        "Marine",
        "Marines",
        "Coast",
        "Forces",
        "forces",
        "troops",
        "officials",
        "official",
        "Ambassador",
        "Embassy",
        "Senator",
        "Senate",
        "Representative",
        "Rep.",
        "Congress",
        "House",
        "Treasury",
        "Justice",
        "Attorney",
        "District",
        "Court",
        "Supreme",
        "Capitol",
        "Open",
        "Census",
        "Bureau",
        "Border",
        "Customs",
        "Immigration",
        "Federal",
        "Special",
        "Envoy",
        "envoy",
        "government",
        "intelligence",
        "military",
        "dollar",
        "dollars",
        "economy",
        "citizens",
        "soldiers",
        "allies",
        "ally",
        "sanctions",
        "policy",
    ]
)


def _joins_previous(previous: str, current: str) -> bool:
    if not current:
        return True
    if current[0].islower():
        return True
    if not (previous.endswith(".") and previous[-3:-2] == "."):  # cannot end in an initialism ("U.S.")
        return False
    return current.split(maxsplit=1)[0] in _AFTER_INITIALISM and bool(_INITIALISM_END.search(previous))


def _line_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, paragraph) of every non-empty line, list markers left out."""
    paragraph = 0
    position = 0
    for block in _PARAGRAPH_BREAK.split(text):
        block_start = text.index(block, position)
        position = block_start + len(block)
        if not block.strip():
            continue
        offset = block_start
        for line in block.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            marker = _LIST_MARKER.match(line)
            if marker:
                start += marker.end()
            if text[start:end].strip():
                yield start, end, paragraph
        paragraph += 1


def _pieces(line: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Cut a line at Punkt's boundaries, joining back the pieces Punkt cut wrongly."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(line)]:
        if cut <= start:
            continue
        if spans and _joins_previous(line[spans[-1][0] : spans[-1][1]].rstrip(), line[start:cut].lstrip()):
            spans[-1] = (spans[-1][0], cut)
        else:
            spans.append((start, cut))
        start = cut
    return spans


def split_sentences(text: str, article_id: str = "") -> tuple[Sentence, ...]:
    """Split an article's text into sentences whose spans index `text`."""
    # one Punkt pass over the whole text (a call per line costs more than the splitting itself),
    # then every line break is a boundary too
    boundaries = sentence_starts(text)
    sentences: list[Sentence] = []
    for line_start, line_end, paragraph in _line_spans(text):
        line = text[line_start:line_end]
        first = bisect.bisect_right(boundaries, line_start)
        last = bisect.bisect_left(boundaries, line_end)
        pieces = _pieces(line, [b - line_start for b in boundaries[first:last]]) if last > first else [(0, len(line))]
        for start, end in pieces:
            piece = line[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            begin = line_start + start + lead
            sentences.append(Sentence(article_id, len(sentences), stripped, begin, begin + len(stripped), paragraph))
    return tuple(sentences)
