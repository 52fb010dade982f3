"""Plain-text articles: one a file, the first line a headline when it reads as one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newsfuse.model import Article
from newsfuse.read.base import ReadItem, decode, normalize_newlines, read_limited

# A headline is a line of a few words standing alone with no sentence-final stop. Labels of
# one to three words ("North America") are section labels, left for the cleaner to drop.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 25
LEADING_LINES_SCANNED = 3
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]?$""")


def _is_headline(line: str) -> bool:
    words = line.split()
    return HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (title, body): the first headline-like line among the leading lines, removed from the body."""
    lines = text.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > LEADING_LINES_SCANNED:
            break
        next_line = lines[number + 1].strip() if number + 1 < len(lines) else ""
        # a headline stands alone: followed by a blank line (or nothing), not running into a paragraph
        if _is_headline(stripped) and not next_line:
            body = "\n".join(lines[:number] + lines[number + 1 :])
            return stripped, body.strip("\n")
    return None, text.strip("\n")


def text_to_article(name: str, text: str, *, path: str | None) -> Article:
    title, body = split_headline(normalize_newlines(text))
    return Article.from_text(body, title=title, path=path)


def read_text(name: str, stream: BinaryIO) -> Iterator[ReadItem]:
    """Read one plain-text article."""
    text = decode(read_limited(name, stream))
    if not text.strip():
        return
    yield text_to_article(name, text, path=name)
