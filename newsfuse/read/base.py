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
# Accented letters in Western text are a few per word at most ("François", "Zürich"): ~5% in French,
# under 1% in English news. Cyrillic or Greek misread as Windows-1252 is nearly all accented letters.
MAX_ACCENTED_SHARE = 0.3


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


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes (fewer than its valid non-ASCII characters), the bad bytes replaced."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for ch in text if not ch.isascii() and ch != "\ufffd")
    return text if 0 < bad < valid else None


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 (a superset of Latin-1) when it reads as accented Latin-script text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if not ch.isascii())
    return text if letters and accented / len(letters) <= MAX_ACCENTED_SHARE else None


def decode(data: bytes) -> str:
    """Decode text in any common encoding: UTF-8 (with or without BOM), UTF-16, Windows-1252/Latin-1, or a detected one."""
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
    # charset_normalizer reads short Western text as cp1250 or cp775 ("naïve" -> "naďve"), so the
    # commonest legacy encoding is tried first, and only text that reads as Latin script is taken.
    text = _mostly_utf8(data) or _western(data)
    if text is not None:
        return text
    best = charset_normalizer.from_bytes(data).best()
    if best is None or not best.languages or best.coherence <= 0:
        # random or corrupt bytes "decode" in some double-byte code page as text in no language
        raise Unreadable("undecodable bytes: not text in UTF-8, UTF-16 or a common legacy encoding")
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
