"""Stories as their pages show them, read and compared once per story size, kept in memory (least recently used dropped first).

A comparison takes a few hundred milliseconds and reading a story's articles tens; a story page that
is read again is then served from here. The key holds the story's size, so a story that grows is
read and compared anew.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

# A story with its comparison holds every sentence of its articles twice: ~50-200 KB in memory, so the
# default keeps under ~100 MB.
DEFAULT_CAPACITY = 500

CacheKey = tuple[str, int]
V = TypeVar("V")


class StoryCache(Generic[V]):
    """Thread-safe; concurrent requests for one missing key compute it once (the others wait for it)."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self._capacity = capacity
        self._items: OrderedDict[CacheKey, V] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[CacheKey, threading.Lock] = {}

    def _get(self, key: CacheKey) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def get_or_compute(self, key: CacheKey, compute: Callable[[], V]) -> V:
        """Return the cached comparison for `key`, computing and keeping it when missing."""
        found = self._get(key)
        if found is not None:
            return found
        with self._lock:
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            found = self._get(key)
            if found is not None:
                return found
            comparison = compute()
            with self._lock:
                self._items[key] = comparison
                while len(self._items) > self._capacity:
                    self._items.popitem(last=False)
                self._computing.pop(key, None)
            return comparison
