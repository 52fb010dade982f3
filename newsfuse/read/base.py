"""What every reader shares: the `Reader` protocol, decoding, size limits, date parsing."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO, Protocol

import charset_normalizer

from newsfuse.model import Article, Problem

ReadItem = Article | Problem

# No news article is this long; a bigger text or HTML file is a dump or a mistake, and reading it
# whole would stall the run. JSONL is streamed a line at a time and has no file limit.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_LINE_BYTES = MAX_FILE_BYTES
BINARY_SNIFF_BYTES = 8192


class Reader(Protocol):
    """Turns one input (a file or standard input) into articles and problems, never raising on bad data."""

    def __call__(self, name: str, stream: BinaryIO) -> Iterator[ReadItem]: ...


class Unreadable(Exception):
    """Raised inside a reader for one input; the dispatcher turns it into a `Problem`."""


def read_limited(name: str, stream: BinaryIO, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole input, refusing one larger than `limit`."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(f"file is too large (over {limit // (1024 * 1024)} MB); split it or use JSONL")
    return data


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding newsfuse reads (NUL bytes outside UTF-16)."""
    head = data[:BINARY_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode(data: bytes) -> str:
    """Decode text in any common encoding: UTF-8 (with or without BOM), UTF-16, or a detected one."""
    if looks_binary(data):
        raise Unreadable("binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Unreadable("cannot tell the text encoding (not UTF-8, UTF-16 or a common legacy one)")
    return str(best)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: object) -> date | None:
    """Parse an ISO date or datetime ("2019-01-18", "2019-01-18T10:00:00Z"); None if absent or not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < len("2019-01-18"):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
