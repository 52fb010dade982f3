"""Compare every story before anyone asks: in the background, newest and biggest first, saved in the store.

A thread picks the stories that have no current stored comparison, in the listing's order (so the
stories a reader sees first are done first, and a story that grows is done again), and reads each
through a read connection. A child process at the lowest CPU priority compares it: comparing is pure
Python, and in a thread of the server it would hold the interpreter lock against the requests. The
store's one writer saves the result. A story page then reads its comparison instead of making it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.model import Article, Comparison, Story
from newsfuse.store.comparisons import decode_comparison, encode_comparison
from newsfuse.web.readers import ReaderPool
from newsfuse.web.writer import StoreWriter

log = logging.getLogger(__name__)

# Stories asked for at a time: the query orders every story (~30 ms for 90,000), so not one at a time.
BATCH = 200
# Stories read, and comparisons saved in one transaction, together: one at a time a save costs ~20 ms
# in commits, 25 together ~1 ms each.
SAVE_EVERY = 25
NICENESS = 19  # the lowest priority: the child gets only the CPU the server and everything else leave idle
CLOSE_SECONDS = 10.0

_ArticleRow = tuple[str, str, str | None, str | None, str | None, date | None, str | None, dict[str, str]]


def _row(article: Article) -> _ArticleRow:
    # Article.meta is a read-only mapping proxy, which pickle refuses: send plain values
    a = article
    return (a.id, a.text, a.title, a.source, a.url, a.published, a.path, dict(a.meta))


def _compare_forever(connection: Connection, config: CompareConfig) -> None:
    """The child process: compare each story sent, answer with the stored form ("ok", text) or ("error", message)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it ends this process
    os.nice(NICENESS)
    while True:
        try:
            rows: list[_ArticleRow] = connection.recv()
        except EOFError:
            return
        articles = [
            Article.from_text(r[1], id=r[0], title=r[2], source=r[3], url=r[4], published=r[5], path=r[6], meta=r[7])
            for r in rows
        ]
        try:
            connection.send(("ok", encode_comparison(compare_articles(articles, config))))
        except Exception as error:  # one story's failure is reported; the next goes on
            connection.send(("error", f"{type(error).__name__}: {error}"))


class _Comparer:
    """The child process and its pipe, started when first needed."""

    def __init__(self, config: CompareConfig) -> None:
        self._config = config
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._closed = False

    def send(self, articles: tuple[Article, ...]) -> None:
        """Hand a story's articles to the child (started first when needed); `receive` gives the answers in order."""
        if self._closed:
            raise EOFError("the warmer is closed")
        if self._process is None or self._connection is None or not self._process.is_alive():
            context = multiprocessing.get_context("spawn")  # not fork: the server has threads and open databases
            self._connection, child = context.Pipe()
            self._process = context.Process(
                target=_compare_forever, args=(child, self._config), name="newsfuse-comparer", daemon=True
            )
            self._process.start()
            child.close()
        self._connection.send([_row(article) for article in articles])

    def receive(self) -> tuple[str, str]:
        """The next answer: ("ok", the stored form) or ("error", why); EOFError when the child has died."""
        if self._connection is None:
            raise EOFError("nothing was sent")
        kind, text = self._connection.recv()
        return str(kind), str(text)

    def close(self) -> None:
        self._closed = True
        if self._process is not None:
            self._process.terminate()
            self._process.join(CLOSE_SECONDS)
        if self._connection is not None:
            self._connection.close()


@dataclass(frozen=True, slots=True)
class WarmerStatus:
    """What the warmer has done since the server started, and whether it has run out of stories."""

    running: bool
    compared: int
    failed: int
    idle: bool


class Warmer:
    """Compares and saves the stories without a current comparison; `wake()` after news is added, `close()` at the end."""

    def __init__(
        self,
        readers: ReaderPool,
        writer: StoreWriter,
        config: CompareConfig,
        settings: str,
        *,
        on_saved: Callable[[list[tuple[str, str]]], None] = lambda summaries: None,
    ) -> None:
        """`on_saved` gets the (story id, summary text) of the comparisons handed to the writer, on the warmer's thread."""
        self._on_saved = on_saved
        self._readers = readers
        self._writer = writer
        self._settings = settings
        self._comparer = _Comparer(config)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._failed: set[str] = set()
        self._compared = 0
        self._idle = False
        self._thread = threading.Thread(target=self._run, name="newsfuse-warmer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """The store has gained news: look again for stories to compare."""
        self._idle = False
        self._wake.set()

    def status(self) -> WarmerStatus:
        return WarmerStatus(self._thread.is_alive(), self._compared, len(self._failed), self._idle)

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        self._comparer.close()  # a comparison under way ends with its process
        if self._thread.is_alive():
            self._thread.join(CLOSE_SECONDS)

    def _next(self) -> list[str]:
        with self._readers.reader() as reader:
            ids = reader.store.uncompared(self._settings, limit=BATCH + len(self._failed))
        return [story_id for story_id in ids if story_id not in self._failed][:BATCH]

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            ids = self._next()
            if not ids:
                self._idle = True
                self._wake.wait()
                continue
            try:
                self._warm(ids)
            except (EOFError, OSError) as error:  # the child died (or is being closed): it starts again
                if not self._stop.is_set():
                    log.warning("the comparing process ended (%s); starting another", error)

    def _warm(self, ids: list[str]) -> None:
        """Compare and save these stories; the child compares one while the next is read, saved by the writer in groups."""
        sent: deque[Story] = deque()
        done: list[tuple[Story, Comparison]] = []
        saved: Future[None] | None = None
        for story in self._read(ids):
            if self._stop.is_set():
                return
            self._comparer.send(story.articles)
            sent.append(story)
            if len(sent) > 1:
                self._receive(sent.popleft(), done)
            if len(done) >= SAVE_EVERY:
                saved, done = self._save(done), []
        while sent:
            self._receive(sent.popleft(), done)
        if done:
            saved = self._save(done)
        if saved is not None:
            saved.result()  # the next stories are chosen once these are stored

    def _read(self, ids: list[str]) -> Iterator[Story]:
        for start in range(0, len(ids), SAVE_EVERY):
            with self._readers.reader() as reader:
                stories = reader.store.read_stories(ids[start : start + SAVE_EVERY])
            yield from stories

    def _receive(self, story: Story, done: list[tuple[Story, Comparison]]) -> None:
        try:
            kind, text = self._comparer.receive()
        except (EOFError, OSError):
            self._failed.add(story.id)  # the story it was comparing: not tried again while this server runs
            raise
        if kind != "ok":
            log.warning("comparing story %s failed: %s", story.id, text)
            self._failed.add(story.id)
            return
        done.append((story, decode_comparison(text, story.articles)))

    def _save(self, done: list[tuple[Story, Comparison]]) -> Future[None]:
        future = self._writer.submit(lambda store: store.save_comparisons(done, self._settings))
        self._on_saved([(story.id, comparison.summary.text) for story, comparison in done])
        future.add_done_callback(lambda f: self._saved(f, len(done)))
        return future

    def _saved(self, future: Future[None], count: int) -> None:
        error = future.exception()
        if error is not None:
            log.warning("saving %d comparisons failed: %s", count, error)
        else:
            self._compared += count
