"""Add news from a browser or the API: pasted text and uploaded files, read by the CLI's readers, then ingested.

Uploads are written under a fresh temporary folder (names reduced to safe characters, so no request
chooses a path), read with `newsfuse.read.read_all` and cleaned once here to keep what cleaning
dropped, then ingested by the store's one writer. The folder is gone when the call returns.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.clean import clean_articles
from newsfuse.errors import InputError
from newsfuse.ingest import ingest
from newsfuse.model import Cleaned, DroppedLine, IngestReport, Problem
from newsfuse.read import read_all
from newsfuse.web.pages import UPLOAD_DIR_MARK
from newsfuse.web.writer import StoreWriter

PASTED_NAME = "pasted.txt"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME_CHARS = 100
# Articles whose dropped lines are remembered (the store keeps only the cleaned text): the recent uploads.
DROPPED_CAPACITY = 10_000


@dataclass(frozen=True, slots=True)
class Upload:
    """One input as the request gave it: a file name (used only for its extension) and the bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Added:
    """What adding news did: the ingest report, the inputs skipped and the ids of the articles read."""

    report: IngestReport
    problems: tuple[Problem, ...]
    article_ids: tuple[str, ...]


class DroppedLog:
    """What cleaning dropped from each recently added article, by article id (bounded, thread-safe)."""

    def __init__(self, capacity: int = DROPPED_CAPACITY) -> None:
        self._capacity = capacity
        self._items: OrderedDict[str, tuple[DroppedLine, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def record(self, cleaned: Sequence[Cleaned]) -> None:
        with self._lock:
            for item in cleaned:
                self._items[item.article.id] = item.dropped
                self._items.move_to_end(item.article.id)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def get(self, article_id: str) -> tuple[DroppedLine, ...] | None:
        with self._lock:
            return self._items.get(article_id)


def safe_name(name: str, number: int) -> str:
    """A file name no request can turn into a path: numbered, safe characters only, extension kept."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload.txt"
    return f"{number:03d}-{base[-_MAX_NAME_CHARS:]}"


def _named(problem: Problem, folder: Path) -> Problem:
    path = problem.path.removeprefix(str(folder)).lstrip("/")
    return Problem(path.split("-", 1)[-1] if path[:3].isdigit() else path or "upload", problem.reason)


def add_news(writer: StoreWriter, uploads: Sequence[Upload], dropped: DroppedLog) -> Added:
    """Read, clean and ingest uploads; raise InputError naming each input when none holds an article."""
    inputs = [upload for upload in uploads if upload.data.strip()]
    if not inputs:
        raise InputError("nothing to add: paste an article's text or choose files")
    with tempfile.TemporaryDirectory(prefix=UPLOAD_DIR_MARK) as temp:
        folder = Path(temp) / "upload"
        folder.mkdir()
        for number, upload in enumerate(inputs, start=1):
            (folder / safe_name(upload.name, number)).write_bytes(upload.data)
        read = read_all([folder])
        problems = tuple(_named(problem, folder) for problem in read.problems)
        if not read.articles:
            raise InputError("no article could be read: " + "; ".join(str(problem) for problem in problems))
        cleaned = clean_articles(read.articles)
        dropped.record(cleaned)
        report = writer.submit(lambda store: ingest([folder], store=store)).result()
    return Added(report, problems, tuple(item.article.id for item in cleaned if item.article.text.strip()))
