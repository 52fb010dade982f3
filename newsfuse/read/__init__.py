"""Read stage: files, folders and standard input into `Article`s, with a `Problem` for each bad input.

One reader a format, registered in `READERS`; `read_inputs` picks one per file by its extension
(or by its content when the extension says nothing) and never stops on a bad file.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, cast

from newsfuse.errors import ConfigError
from newsfuse.model import Article, Problem
from newsfuse.read.base import BINARY_SNIFF_BYTES, MAX_FILE_BYTES, Reader, ReadItem, Unreadable, looks_binary
from newsfuse.read.html import read_html
from newsfuse.read.jsonl import read_json, read_jsonl
from newsfuse.read.multinews import SEPARATOR, read_multinews
from newsfuse.read.text import read_text

Format = Literal["text", "html", "json", "jsonl", "multinews"]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "multinews": read_multinews,
}

_BY_SUFFIX: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".story": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip

STDIN = "-"
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadReport:
    """Everything read from some inputs: the articles in input order, and the problems met."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def sniff_format(head: bytes) -> str:
    """Guess the format of an input from its first bytes."""
    text = head.lstrip().lower()
    if text.startswith((b"{", b"[")):
        return "jsonl"
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in text or b"<p>" in text:
        return "html"
    if SEPARATOR.encode() in head:
        return "multinews"
    return "text"


def _format_of(path: Path, head: bytes) -> str:
    suffixes = path.suffixes
    if suffixes and suffixes[-1].lower() == ".gz":
        return "jsonl"
    by_suffix = _BY_SUFFIX.get(suffixes[-1].lower()) if suffixes else None
    if by_suffix == "text" and SEPARATOR.encode() in head:
        return "multinews"
    return by_suffix or sniff_format(head)


def _read_one(name: str, stream: BinaryIO, fmt: str) -> Iterator[ReadItem]:
    yielded = False
    try:
        for item in READERS[fmt](name, stream):
            yielded = True
            yield item
    except Unreadable as problem:
        yield Problem(name, str(problem))
        return
    except (OSError, EOFError, UnicodeError) as error:
        yield Problem(name, f"cannot read: {error}")
        return
    if not yielded:
        yield Problem(name, "empty: no article text")


def _too_large(path: Path, fmt: str) -> str | None:
    """Why a file is refused unread for its size (JSONL streams a line at a time and has no file limit)."""
    if fmt == "jsonl" or path.suffix.lower() == ".gz":
        return None
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return None
    return f"file is too large ({size // _MB} MB; the limit is {MAX_FILE_BYTES // _MB} MB): split it or use JSONL"


def _read_file(path: Path, fmt: str | None) -> Iterator[ReadItem]:
    name = str(path)
    try:
        opened = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        yield Problem(name, f"cannot open: {error.strerror or error}")
        return
    with opened as stream:
        try:
            head = stream.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES] if hasattr(stream, "peek") else b""
        except (OSError, EOFError) as error:
            yield Problem(name, f"cannot read: {error}")
            return
        if not head.strip():
            yield Problem(name, "empty file")
            return
        fmt = fmt or _format_of(path, head)
        too_large = _too_large(path, fmt)
        if too_large:
            yield Problem(name, too_large)
            return
        if looks_binary(head):
            yield Problem(name, "binary file, not text")
            return
        yield from _read_one(name, cast(BinaryIO, stream), fmt)


def _files_under(folder: Path) -> list[Path]:
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )  # fmt: skip


def read_inputs(
    inputs: Iterable[str | Path], *, fmt: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[ReadItem]:
    """Yield the articles of files, folders (recursively) and `-` (standard input), and a `Problem` for each bad one."""
    if fmt is not None and fmt not in READERS:
        raise ConfigError(f"unknown input format {fmt!r}; expected one of: {', '.join(READERS)}")
    for item in inputs:
        if str(item) == STDIN:
            data = (stdin or sys.stdin.buffer).read()
            if not data.strip():
                yield Problem("<stdin>", "empty input")
                continue
            yield from _read_one(
                "<stdin>", io.BufferedReader(io.BytesIO(data)), fmt or sniff_format(data[:BINARY_SNIFF_BYTES])
            )
            continue
        path = Path(item)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield Problem(str(path), "folder has no files")
            for file in files:
                yield from _read_file(file, fmt)
        elif path.exists():
            yield from _read_file(path, fmt)
        else:
            yield Problem(str(path), "no such file or folder")


def read_all(inputs: Iterable[str | Path], *, fmt: str | None = None, stdin: BinaryIO | None = None) -> ReadReport:
    """Read every input into one report of articles and problems."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_inputs(inputs, fmt=fmt, stdin=stdin):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return ReadReport(tuple(articles), tuple(problems))


__all__ = ["READERS", "STDIN", "Format", "ReadReport", "read_all", "read_inputs", "sniff_format"]
