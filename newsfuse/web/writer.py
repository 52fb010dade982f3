"""The one owner of a store's writes: a thread that runs write jobs one at a time, in order.

DuckDB allows one writer; ingests and summary saves from many requests are queued here, while
reads go on through their own connections (readers.py).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from newsfuse.store import DuckDBStore, open_store

T = TypeVar("T")
_Job = tuple[Callable[[DuckDBStore], object], "Future[object]"]


class StoreWriter:
    """Opens the store read-write and runs every write job on its own thread; `close()` finishes queued jobs."""

    def __init__(self, path: str | Path) -> None:
        self.store = open_store(path)
        self.path = self.store.path
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="newsfuse-store-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work(self.store))
            except BaseException as error:  # handed to the caller through the future, never lost
                future.set_exception(error)

    def submit(self, work: Callable[[DuckDBStore], T]) -> Future[T]:
        """Queue a write job; its future gives the job's result (or raises its error)."""
        future: Future[object] = Future()
        self._jobs.put((work, future))
        return future  # type: ignore[return-value]  # the job's result is what `work` returns: T

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join()
        self.store.close()
