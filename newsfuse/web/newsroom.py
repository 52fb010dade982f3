"""The one object the views call: the store's writer, its readers, the comparison cache and the dropped-lines log.

Reads borrow a connection from the pool; every write (ingests, summaries) goes to the one writer thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.model import Comparison, Story, StoryInfo
from newsfuse.store.browse import Outlet, StoryIndex, StoryPage, StoryQuery
from newsfuse.web.cache import StoryCache
from newsfuse.web.pages import ArticleView, article_view
from newsfuse.web.readers import ReaderPool
from newsfuse.web.uploads import Added, DroppedLog, Upload, add_news
from newsfuse.web.writer import StoreWriter


@dataclass(frozen=True, slots=True)
class StoryRead:
    """A story as its page shows it."""

    info: StoryInfo
    story: Story
    comparison: Comparison


class Newsroom:
    """Everything the web app reads and writes, over one store; `close()` finishes queued writes."""

    def __init__(self, path: str | Path, *, readers: int, compare: CompareConfig, cache_size: int) -> None:
        self.writer = StoreWriter(path)  # first: creates the store when missing
        self.path = self.writer.path
        self.readers = ReaderPool(self.path, readers)
        self.compare_config = compare
        self.cache: StoryCache[StoryRead] = StoryCache(cache_size)
        self.dropped = DroppedLog()
        self._generation = 0  # counts the adds, so that what is derived from the whole store is read again
        self._outlets: tuple[int, tuple[Outlet, ...]] | None = None
        self._index: tuple[int, StoryIndex] | None = None
        self._index_lock = threading.Lock()

    def close(self) -> None:
        self.readers.close()
        self.writer.close()

    def stories(self, query: StoryQuery) -> StoryPage:
        """A page of stories; headlines and titles are searched, and outlets found, in the in-memory index."""
        index = self._story_index()
        with self.readers.reader() as reader:
            return reader.browser.stories(query, index=index)

    def _story_index(self) -> StoryIndex:
        """The story index, built again (once, whoever asks first) after the store has gained news."""
        with self._index_lock:
            generation = self._generation
            if self._index is None or self._index[0] != generation:
                with self.readers.reader() as reader:
                    self._index = (generation, StoryIndex.build(reader.browser))
            return self._index[1]

    def outlets(self) -> tuple[Outlet, ...]:
        """The outlets for the filter list, read again only after the store has changed."""
        generation = self._generation
        cached = self._outlets
        if cached is not None and cached[0] == generation:
            return cached[1]
        with self.readers.reader() as reader:
            outlets = reader.browser.outlets()
        self._outlets = (generation, outlets)
        return outlets

    def story(self, story_id: str) -> StoryRead:
        """A story and its comparison: read and compared on first reading, then cached until the story grows.

        A first reading also saves the summary to the store (through the writer), where search finds it.
        """
        with self.readers.reader() as reader:
            size = reader.browser.story_size(story_id)

        def read() -> StoryRead:
            index = self._story_index()
            with self.readers.reader() as reader:
                info = reader.browser.story_info(story_id, index=index)
                story = reader.store.story(story_id)
            comparison = compare_articles(story.articles, self.compare_config)
            self.writer.submit(lambda store: store.save_summary(story_id, comparison.summary))
            return StoryRead(info, story, comparison)

        return self.cache.get_or_compute((story_id, size), read)

    def article(self, article_id: str, *, marked: int | None) -> ArticleView:
        """An article's cleaned text, sentence `marked` highlighted, with what cleaning dropped when it is known."""
        with self.readers.reader() as reader:
            article = reader.browser.article(article_id)
            sentences = reader.browser.sentences(article_id)
            copy_of = reader.browser.copy_of(article_id)
            story = reader.browser.story_of([article_id])
        return article_view(
            article,
            sentences,
            marked=marked,
            story_id=story,
            copy_of=copy_of,
            dropped=self.dropped.get(article_id),
        )

    def add(self, uploads: Sequence[Upload]) -> tuple[Added, str | None]:
        """Ingest uploads; return what happened and the story most of them joined."""
        added = add_news(self.writer, uploads, self.dropped)
        self._generation += 1
        with self.readers.reader() as reader:
            return added, reader.browser.story_of(added.article_ids)
