"""Multi-News style text: several articles in one text, separated by `|||||`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newsfuse.read.base import ReadItem, decode, normalize_newlines, read_limited
from newsfuse.read.text import text_to_article

SEPARATOR = "|||||"
# Multi-News escapes line breaks inside an article as this token (Fabbri et al. 2019).
NEWLINE_TOKEN = "NEWLINE_CHAR"
# The token stands between spaces ("said. NEWLINE_CHAR NEWLINE_CHAR The"): they go with it.
_ESCAPED_NEWLINE = re.compile(rf"[ \t]*{NEWLINE_TOKEN}[ \t]*")


def split_multinews(text: str) -> list[str]:
    """Split a Multi-News source into its articles, restoring escaped line breaks."""
    parts = normalize_newlines(text).split(SEPARATOR)
    return [_ESCAPED_NEWLINE.sub("\n", part).strip() for part in parts if part.strip()]


def read_multinews(name: str, stream: BinaryIO) -> Iterator[ReadItem]:
    """Read every article of a `|||||`-joined text."""
    for number, part in enumerate(split_multinews(decode(read_limited(name, stream))), start=1):
        yield text_to_article(name, part, path=f"{name}#{number}")
