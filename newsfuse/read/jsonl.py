"""JSON Lines: one article a line, or one cluster a line (the schema of the evaluation data).

Article lines: `{"id", "title", "text", "url", "source", "published"}` (only `text` is required;
`date` is read as `published`). Cluster lines: `{"id", "documents": [article, ...], ...}`; each
document becomes an article whose `meta["cluster"]` is the cluster id. A `.gz` file is read as a
stream, so a corpus of any size passes through in constant memory.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from newsfuse.model import Article, Problem
from newsfuse.read.base import MAX_LINE_BYTES, ReadItem, parse_date, read_limited

_META_KEYS = ("story", "cluster", "lang")
EMPTY_TEXT = "empty text"
_SKIP_CHUNK_BYTES = 1024 * 1024


def _optional_str(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def record_to_article(record: Mapping[str, object], *, path: str, cluster: str | None = None) -> Article | str:
    """Build an article from one JSON object, or return why it is not one."""
    text = record.get("text")
    if not isinstance(text, str):
        return 'no "text" string'
    if not text.strip():
        return EMPTY_TEXT
    meta = {key: str(record[key]) for key in _META_KEYS if isinstance(record.get(key), str | int)}
    if cluster is not None:
        meta["cluster"] = cluster
    published = record.get("published", record.get("date"))
    return Article.from_text(
        text.replace("\r\n", "\n").strip(),
        id=_optional_str(record, "id"),
        title=_optional_str(record, "title"),
        source=_optional_str(record, "source"),
        url=_optional_str(record, "url"),
        published=parse_date(published),
        path=path,
        meta=meta,
    )


def _line_items(name: str, number: int, record: object) -> Iterator[ReadItem]:
    where = f"{name}:{number}"
    if not isinstance(record, dict):
        yield Problem(where, "not a JSON object")
        return
    documents = record.get("documents")
    if isinstance(documents, list):
        cluster = str(record.get("id", number))
        for position, document in enumerate(documents):
            if not isinstance(document, dict):
                yield Problem(f"{where} document {position}", "not a JSON object")
                continue
            built = record_to_article(document, path=where, cluster=cluster)
            yield built if isinstance(built, Article) else Problem(f"{where} document {position}", built)
        return
    built = record_to_article(record, path=where)
    yield built if isinstance(built, Article) else Problem(where, built)


def read_jsonl(name: str, stream: BinaryIO) -> Iterator[ReadItem]:
    """Read articles or clusters from JSON Lines, reporting each bad line and going on."""
    number = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line unread into memory
                raw = stream.readline(_SKIP_CHUNK_BYTES)
            yield Problem(f"{name}:{number}", f"line is too long (over {MAX_LINE_BYTES // (1024 * 1024)} MB)")
            continue
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(f"{name}:{number}", f"not JSON ({error.msg} at column {error.colno})")
            continue
        yield from _line_items(name, number, record)


def read_json(name: str, stream: BinaryIO) -> Iterator[ReadItem]:
    """Read a `.json` file: one article or cluster object, a list of them, or JSON Lines after all."""
    data = read_limited(name, stream)
    try:
        parsed = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        yield from read_jsonl(name, io.BytesIO(data))
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for number, record in enumerate(records, start=1):
        yield from _line_items(name, number, record)
