"""A pool of read connections to the store: each request borrows one (a DuckDB connection serves one thread at a time)."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsfuse.store import DuckDBStore
from newsfuse.store.browse import StoryBrowser

# Requests beyond this many wait for a connection: DuckDB runs each query on all cores already,
# so more connections would only add memory. Set for the 2-core benchmark machine.
DEFAULT_READERS = 8
WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Reader:
    """One read connection seen two ways: the store's API and the browsing queries."""

    store: DuckDBStore
    browser: StoryBrowser


class ReaderPool:
    """`size` readers opened on a store the writer has already opened (so they share its database)."""

    def __init__(self, path: str | Path, size: int = DEFAULT_READERS) -> None:
        self._idle: queue.Queue[Reader] = queue.Queue()
        self._all = [Reader(DuckDBStore(path), StoryBrowser(path)) for _ in range(size)]
        for reader in self._all:
            self._idle.put(reader)

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """Borrow a reader for the length of the block."""
        reader = self._idle.get(timeout=WAIT_SECONDS)
        try:
            yield reader
        finally:
            self._idle.put(reader)

    def close(self) -> None:
        for reader in self._all:
            reader.browser.close()
            reader.store.close()
