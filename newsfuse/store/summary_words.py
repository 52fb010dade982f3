"""Stored summaries searched in memory by their words: which stories' summaries say a phrase.

Once every story is compared, the whole multinews-train-pool has 89,406 summaries (60 MB of text):
DuckDB's ILIKE over them takes ~240 ms a search here and a substring scan in memory ~50 ms, both
too slow for a search box. Here each word points at the stories whose summary holds it: a phrase's
candidates are the stories holding all of its words, and the phrase is then looked for in those
summaries only (~1-25 ms; ~100 ms for a word in a third of them, such as "said").
Words are whole (`\\w+`, lower case): "police" finds "Police", not "policeman". Titles and
headlines are searched as substrings (`browse.StoryIndex`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


class SummaryWords:
    """A word index of stories' summaries; thread-safe, added to as summaries are stored."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._stories: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, summaries: Iterable[tuple[str, str]], *, replace: bool = True) -> None:
        """Index (story id, summary text) pairs; a story's older summary is replaced unless `replace` is False."""
        for story_id, text in summaries:
            lowered = text.lower()
            words = set(_WORD.findall(lowered))
            with self._lock:
                old = self._texts.get(story_id)
                if old is not None and not replace:
                    continue
                self._texts[story_id] = lowered
                gone = set(_WORD.findall(old)) - words if old is not None else set()
                for word in gone:
                    self._stories[word].remove(story_id)
                for word in words if old is None else words - set(_WORD.findall(old)):
                    self._stories.setdefault(word, []).append(story_id)

    def search(self, phrase: str) -> list[str]:
        """The ids of the stories whose summary holds `phrase` (case-insensitive, its words whole)."""
        needle = phrase.strip().lower()
        words = _WORD.findall(needle)
        if not words:
            return []
        with self._lock:
            postings = sorted((self._stories.get(word, []) for word in words), key=len)
            if needle == words[0]:  # one whole word: every story holding it says it (each listed once)
                return list(postings[0])
            candidates = set(postings[0])
            for stories in postings[1:]:
                candidates.intersection_update(stories)
            return [story_id for story_id in candidates if needle in self._texts[story_id]]
