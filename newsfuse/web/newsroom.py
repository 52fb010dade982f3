"""The one object the views call: the store's writer, its readers, the warmer, the story cache and the dropped-lines log.

Reads borrow a connection from the pool; every write (ingests, comparisons) goes to the one writer thread.
A story page reads the story's stored comparison (the warmer makes them in the background, newest
and biggest stories first); one not made yet is made on the spot and saved.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.compare import CompareConfig
from newsfuse.model import Comparison, Story, StoryInfo
from newsfuse.store.browse import Outlet, StoryIndex, StoryPage, StoryQuery
from newsfuse.store.comparisons import comparison_settings, story_comparison
from newsfuse.store.summary_words import SummaryWords
from newsfuse.web.cache import StoryCache
from newsfuse.web.pages import ArticleView, article_view
from newsfuse.web.readers import ReaderPool
from newsfuse.web.uploads import Added, DroppedLog, Upload, add_news
from newsfuse.web.warmer import Warmer, WarmerStatus
from newsfuse.web.writer import StoreWriter


@dataclass(frozen=True, slots=True)
class StoryRead:
    """A story as its page shows it."""

    info: StoryInfo
    story: Story
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class Status:
    """How far the store's stories are compared: in all, and by this server's warmer."""

    stories: int
    compared: int
    ready: bool  # the stored summaries are indexed for search (the warmer starts then)
    warmer: WarmerStatus


class Newsroom:
    """Everything the web app reads and writes, over one store; `close()` finishes queued writes."""

    def __init__(self, path: str | Path, *, readers: int, compare: CompareConfig, cache_size: int, warm: bool) -> None:
        self.writer = StoreWriter(path)  # first: creates the store when missing (or brings it to this version)
        self.path = self.writer.path
        self.readers = ReaderPool(self.path, readers)
        self.compare_config = compare
        self.settings = comparison_settings(compare)
        self.summaries = SummaryWords()  # search's word index of the stored summaries, kept up to date here
        self.warmer = Warmer(self.readers, self.writer, compare, self.settings, on_saved=self.summaries.add)
        self._starting = threading.Thread(target=self._start, args=(warm,), name="newsfuse-start", daemon=True)
        self._starting.start()
        self.cache: StoryCache[StoryRead] = StoryCache(cache_size)
        self.dropped = DroppedLog()
        self._generation = 0  # counts the adds, so that what is derived from the whole store is read again
        self._outlets: tuple[int, tuple[Outlet, ...]] | None = None
        self._index: tuple[int, StoryIndex] | None = None
        self._index_lock = threading.Lock()

    def close(self) -> None:
        self._starting.join()
        self.warmer.close()
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
                    self._index = (generation, StoryIndex.build(reader.browser, self.summaries))
            return self._index[1]

    def _start(self, warm: bool) -> None:
        """Index the stored summaries for search (~10 s for the 89,406 of the whole pool), then start warming."""
        with self.readers.reader() as reader:
            stored = reader.browser.summary_texts()
        self.summaries.add(stored, replace=False)  # not over one stored meanwhile by a story page
        if warm:
            self.warmer.start()

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
        """A story and its comparison: the stored one when current, else made now and saved; then kept in memory."""
        with self.readers.reader() as reader:
            size = reader.browser.story_size(story_id)
        return self.cache.get_or_compute((story_id, size), lambda: self._read(story_id))

    def _read(self, story_id: str) -> StoryRead:
        index = self._story_index()
        with self.readers.reader() as reader:
            info = reader.browser.story_info(story_id, index=index)
            story = reader.store.story(story_id)
        # not stored yet (the warmer has not reached it, or it has grown since): made here, saved by the writer
        comparison = story_comparison(story, self.compare_config, load=self._load, save=self._save)
        return StoryRead(info, story, comparison)

    def _load(self, story: Story, settings: str) -> Comparison | None:
        with self.readers.reader() as reader:
            return reader.store.comparison(story, settings)

    def _save(self, story: Story, settings: str, comparison: Comparison) -> None:
        self.writer.submit(lambda store: store.save_comparison(story, settings, comparison))
        self.summaries.add([(story.id, comparison.summary.text)])

    def status(self) -> Status:
        with self.readers.reader() as reader:
            stories = reader.browser.story_count()
            compared = reader.store.compared(self.settings)
        return Status(stories, compared, not self._starting.is_alive(), self.warmer.status())

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
        """Ingest uploads; return what happened and the story most of them joined, compared already (it is shown next)."""
        added = add_news(self.writer, uploads, self.dropped)
        self._generation += 1
        self.warmer.wake()  # the other stories that started or grew
        with self.readers.reader() as reader:
            story_id = reader.browser.story_of(added.article_ids)
        if story_id is not None:
            self.story(story_id)
        return added, story_id
