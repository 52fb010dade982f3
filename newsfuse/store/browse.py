"""Read queries for browsing a store: a page of stories (keyset paging, search, filters), one article, its sentences.

`StoryBrowser` reads through its own DuckDB connection to the store's file. In one process every
connection to a file shares one database, so a browser sees each ingest batch as soon as it is
committed and reads on while a writer holds a transaction open (DuckDB's MVCC). Only reads here:
writes belong to the store's owner.

Order of a listing: newest first (last article date, undated last), then biggest (articles and copies),
then id. Paging is by keyset (`after`: the last story of the previous page), so page 1,000 costs what
page 1 costs.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from newsfuse.errors import ConfigError, StoreError
from newsfuse.model import Article, Sentence, StoryInfo
from newsfuse.store.summary_words import SummaryWords

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_QUERY_CHARS = 200
# Undated stories sort after every dated one; DuckDB compares dates, so a date before any news stands in for NULL.
_UNDATED = date(1, 1, 1)
_CURSOR_PARTS = 3


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """Which stories to list: a phrase to search, an outlet, a date range, and where the page starts.

    `text` is matched (case-insensitive, as a phrase) in the story's headline, its articles' and copies'
    titles, and its stored summary (written when the story is first summarized: its sentences name the
    story's people, places and organizations).
    `after` is the `next` cursor of the previous page.
    """

    text: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    after: str | None = None
    limit: int = DEFAULT_PAGE_SIZE

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise ConfigError(f"page size {self.limit}: expected 1 to {MAX_PAGE_SIZE}")
        if self.text is not None and len(self.text) > MAX_QUERY_CHARS:
            raise ConfigError(f"search text of {len(self.text)} characters: at most {MAX_QUERY_CHARS}")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"date range {self.since} to {self.until}: the start is after the end")
        if self.after is not None:
            parse_cursor(self.after)


@dataclass(frozen=True, slots=True)
class StoryPage:
    """One page of a listing: its stories, how many match in all, and the cursor of the next page (None: last)."""

    stories: tuple[StoryInfo, ...]
    total: int
    next: str | None


@dataclass(frozen=True, slots=True)
class Outlet:
    """An outlet and how many stored articles (copies included) it published."""

    name: str
    articles: int


def make_cursor(info: StoryInfo) -> str:
    """The keyset cursor that starts the page after `info`."""
    return f"{(info.last or _UNDATED).isoformat()}~{info.size + info.copies}~{info.id}"


def parse_cursor(cursor: str) -> tuple[date, int, str]:
    """Split a cursor into (last date, size, story id)."""
    parts = cursor.split("~", _CURSOR_PARTS - 1)
    try:
        if len(parts) != _CURSOR_PARTS:
            raise ValueError(cursor)
        return date.fromisoformat(parts[0]), int(parts[1]), parts[2]
    except ValueError:
        raise ConfigError(
            f"page cursor {cursor!r}: expected DATE~SIZE~STORY_ID, as given by the previous page"
        ) from None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_MEMBERS_WITH_SOURCE = """
    SELECT sa.story_id, coalesce(a.source, c.source) AS source
    FROM story_articles sa LEFT JOIN articles a ON a.id = sa.article_id LEFT JOIN copies c ON c.id = sa.article_id
"""


# Every story's listing line, its outlets included (`story_line` reads a row).
STORY_LINES = f"""
    SELECT s.id, s.size, s.copies, s.first_date, s.last_date, s.headline, o.sources
    FROM stories s LEFT JOIN (
        SELECT story_id, list(DISTINCT source ORDER BY source) AS sources FROM ({_MEMBERS_WITH_SOURCE}) m
        WHERE source IS NOT NULL GROUP BY story_id) o ON o.story_id = s.id
"""


def story_line(row: tuple[Any, ...]) -> StoryInfo:
    """A row of `STORY_LINES` as a listing line."""
    return StoryInfo(row[0], row[1], row[2], tuple(row[6] or ()), row[3], row[4], row[5] or "")


# Story ids whose headline, or an article's or a copy's title, holds the pattern $p; and whose stored summary does.
_SEARCH_TITLES = """
    SELECT id FROM stories WHERE headline ILIKE $p ESCAPE '\\'
    UNION SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE a.title ILIKE $p ESCAPE '\\'
    UNION SELECT sa.story_id FROM copies c JOIN story_articles sa ON sa.article_id = c.id WHERE c.title ILIKE $p ESCAPE '\\'
"""
_SEARCH_SUMMARIES = "SELECT story_id FROM summaries WHERE text ILIKE $p ESCAPE '\\'"
_TITLES = """
    SELECT id, headline FROM stories WHERE headline IS NOT NULL
    UNION ALL SELECT sa.story_id, a.title FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE a.title IS NOT NULL
    UNION ALL SELECT sa.story_id, c.title FROM copies c JOIN story_articles sa ON sa.article_id = c.id WHERE c.title IS NOT NULL
"""
_SEPARATOR = "\x00"  # never in a search: `StoryIndex.search` drops it from the needle


# The same order in SQL, over the stories table as `s`.
LISTING_ORDER = "coalesce(s.last_date, DATE '0001-01-01') DESC, s.size + s.copies DESC, s.id"


def _order_key(info: StoryInfo) -> tuple[int, int, str]:
    """The listing order as an ascending key: newest (undated last), then biggest, then id (as the SQL orders)."""
    return (-(info.last or _UNDATED).toordinal(), -(info.size + info.copies), info.id)


def _keeps(info: StoryInfo, query: StoryQuery) -> bool:
    if query.outlet and query.outlet not in info.sources:
        return False
    if query.since and (info.last is None or info.last < query.since):
        return False
    return not (query.until and (info.first is None or info.first > query.until))


class StoryIndex:
    """Every story's listing line, in listing order, with its headline and titles to search: listings from memory.

    DuckDB's ILIKE reads ~100 MB/s on this machine: 60 ms a search over the headlines of ~90,000
    stories, the outlets of a page of 50 stories cost ~50 ms of joins, and sorting the stories for a
    page ~20 ms (benchmarks/results/web.md). Here a page is a slice, a search a substring search of
    one lower-cased string. Built from a store at one moment (~0.5 s for 90,000 stories): build a new
    one after the store gains news. With `summaries`, the stories' summaries are searched by their words.
    """

    def __init__(
        self, stories: Sequence[StoryInfo], titles: Sequence[tuple[str, str]], *, summaries: SummaryWords | None = None
    ) -> None:
        self._lines = sorted(stories, key=_order_key)
        self._keys = [_order_key(info) for info in self._lines]
        self._rank = {info.id: rank for rank, info in enumerate(self._lines)}
        lowered = [title.lower() for _, title in titles]
        self._text = _SEPARATOR + _SEPARATOR.join(lowered) + _SEPARATOR
        self._starts: list[int] = []
        position = 1
        for title in lowered:
            self._starts.append(position)
            position += len(title) + 1
        self._stories = [story for story, _ in titles]
        self.summaries = summaries

    @classmethod
    def build(cls, browser: StoryBrowser, summaries: SummaryWords | None = None) -> StoryIndex:
        """The index of the store as it is now; `summaries` (kept up to date by its owner) searches the summaries."""
        return cls(browser.all_stories(), browser.titles(), summaries=summaries)

    def sources(self, story_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The outlets of each of these stories that has any."""
        found = {}
        for story in story_ids:
            rank = self._rank.get(story)
            if rank is not None and self._lines[rank].sources:
                found[story] = self._lines[rank].sources
        return found

    def page(self, query: StoryQuery, also: Sequence[str] = ()) -> StoryPage:
        """The page `query` asks for; `also` are stories a search matched elsewhere (their stored summaries)."""
        if query.text and query.text.strip():
            found = [*self.search(query.text), *also, *(self.summaries.search(query.text) if self.summaries else ())]
            # map and set run in C: a common word finds tens of thousands; an id not listed maps to the end
            ranks = sorted(set(map(self._rank.get, found, itertools.repeat(len(self._lines)))))
            lines = list(map(self._lines.__getitem__, ranks[: bisect.bisect_left(ranks, len(self._lines))]))
        else:
            lines = self._lines
        if query.outlet or query.since or query.until:
            lines = [info for info in lines if _keeps(info, query)]
        start = 0
        if query.after is not None:
            last, size, story_id = parse_cursor(query.after)
            cursor = (-last.toordinal(), -size, story_id)
            keys = self._keys if lines is self._lines else [_order_key(info) for info in lines]
            start = bisect.bisect_right(keys, cursor)
        chosen = tuple(lines[start : start + query.limit])
        more = start + query.limit < len(lines)
        return StoryPage(chosen, len(lines), make_cursor(chosen[-1]) if more and chosen else None)

    def __len__(self) -> int:
        return len(self._stories)

    def search(self, text: str) -> list[str]:
        """The ids of the stories whose headline or a title holds `text` (case-insensitive), each once."""
        needle = text.strip().lower().replace(_SEPARATOR, "")
        found: dict[str, None] = {}
        if not needle:
            return []
        at = self._text.find(needle)
        while at != -1:
            row = bisect.bisect_right(self._starts, at) - 1
            found[self._stories[row]] = None
            # go on after this title: one hit a title is enough
            following = self._starts[row + 1] if row + 1 < len(self._starts) else len(self._text)
            at = self._text.find(needle, following)
        return list(found)


class StoryBrowser:
    """Read-only queries over a newsfuse DuckDB store; one per thread (a DuckDB connection is not shared).

    Example:
        >>> with StoryBrowser(tmp_path / "news.duckdb") as browser:  # doctest: +SKIP
        ...     page = browser.stories(StoryQuery(text="summit"))
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"{self.path}: no such store; run `newsfuse ingest PATHS --db {self.path}` first")
        try:
            # same configuration as the store's own connection (read-write), so both share one database
            self._db = duckdb.connect(str(self.path))
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open the store ({str(error).splitlines()[0]})") from error

    def __enter__(self) -> StoryBrowser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _query(self, sql: str, parameters: Sequence[object] | dict[str, object] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, parameters if isinstance(parameters, dict) else list(parameters)).fetchall()

    @staticmethod
    def _filters(query: StoryQuery) -> tuple[str, dict[str, object]]:
        where = ["TRUE"]
        values: dict[str, object] = {}
        if query.since is not None:
            where.append("s.last_date >= $since")
            values["since"] = query.since
        if query.until is not None:
            where.append("s.first_date <= $until")
            values["until"] = query.until
        if query.outlet:
            where.append(f"s.id IN (SELECT story_id FROM ({_MEMBERS_WITH_SOURCE}) WHERE source = $outlet)")
            values["outlet"] = query.outlet
        if query.text and query.text.strip():
            where.append(f"s.id IN ({_SEARCH_TITLES} UNION {_SEARCH_SUMMARIES})")
            values["p"] = _like(query.text.strip())
        return " AND ".join(where), values

    def stories(self, query: StoryQuery | None = None, *, index: StoryIndex | None = None) -> StoryPage:
        """List stories newest and biggest first, filtered and searched as `query` says, one page at a time.

        With `index` (built over this store and current) the page comes from memory, only the stored
        summaries being searched in the tables; without it, everything is read from the tables.
        """
        query = query or StoryQuery()
        if index is not None:
            also = []
            if index.summaries is None and query.text and query.text.strip():
                also = [str(row[0]) for row in self._query(_SEARCH_SUMMARIES, {"p": _like(query.text.strip())})]
            return index.page(query, also)
        where, values = self._filters(query)
        order_date = "coalesce(m.last_date, $undated::DATE)"
        page = dict(values, undated=_UNDATED, limit=query.limit + 1)
        after = "TRUE"
        if query.after is not None:
            page["after_date"], page["after_size"], page["after_id"] = parse_cursor(query.after)
            after = (
                f"({order_date} < $after_date"
                f" OR ({order_date} = $after_date AND m.total < $after_size)"
                f" OR ({order_date} = $after_date AND m.total = $after_size AND m.id > $after_id))"
            )
        # one pass of the filters (a search reads every headline and title) serves both the count and the page
        rows = self._query(
            f"""
            WITH matched AS MATERIALIZED (
                SELECT s.id, s.size, s.copies, s.first_date, s.last_date, s.headline, s.size + s.copies AS total
                FROM stories s WHERE {where})
            SELECT m.id, m.size, m.copies, m.first_date, m.last_date, m.headline, (SELECT count(*) FROM matched)
            FROM matched m WHERE {after}
            ORDER BY {order_date} DESC, m.total DESC, m.id
            LIMIT $limit
            """,
            page,
        )
        total = (
            int(rows[0][6]) if rows else int(self._query(f"SELECT count(*) FROM stories s WHERE {where}", values)[0][0])
        )
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        ids = [r[0] for r in rows]
        sources = index.sources(ids) if index is not None else self._sources(ids)
        infos = tuple(StoryInfo(r[0], r[1], r[2], sources.get(r[0], ()), r[3], r[4], r[5] or "") for r in rows)
        return StoryPage(infos, total, make_cursor(infos[-1]) if more and infos else None)

    def summary_texts(self) -> list[tuple[str, str]]:
        """(story id, text) of every stored summary."""
        return [
            (str(r[0]), str(r[1])) for r in self._query("SELECT story_id, text FROM summaries WHERE text IS NOT NULL")
        ]

    def titles(self) -> list[tuple[str, str]]:
        """(story id, text) for every story's headline and every title of its articles and copies."""
        return [(str(r[0]), str(r[1])) for r in self._query(_TITLES)]

    def all_stories(self) -> list[StoryInfo]:
        """Every story's listing line, in no particular order."""
        return [story_line(row) for row in self._query(STORY_LINES)]

    def story_count(self) -> int:
        return int(self._query("SELECT count(*) FROM stories")[0][0])

    def story_size(self, story_id: str) -> int:
        """A story's articles and copies (what tells a cached reading of it from a stale one); StoreError if unknown."""
        row = self._db.execute("SELECT size + copies FROM stories WHERE id = ?", [story_id]).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no story {story_id!r}")
        return int(row[0])

    def _sources(self, story_ids: list[str]) -> dict[str, tuple[str, ...]]:
        if not story_ids:
            return {}
        members = self._query(
            "SELECT article_id, story_id FROM story_articles WHERE story_id IN (SELECT unnest($1))", [story_ids]
        )
        story_of = dict(members)
        rows = self._query(
            "SELECT id, source FROM articles WHERE id IN (SELECT unnest($1)) AND source IS NOT NULL "
            "UNION ALL SELECT id, source FROM copies WHERE id IN (SELECT unnest($1)) AND source IS NOT NULL",
            [list(story_of)],
        )
        found: dict[str, set[str]] = {}
        for article_id, source in rows:
            found.setdefault(story_of[article_id], set()).add(source)
        return {story: tuple(sorted(names)) for story, names in found.items()}

    def story_info(self, story_id: str, *, index: StoryIndex | None = None) -> StoryInfo:
        """One story's listing line (outlets from `index` when given); raises StoreError for an unknown id."""
        row = self._db.execute(
            "SELECT id, size, copies, first_date, last_date, headline FROM stories WHERE id = ?", [story_id]
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no story {story_id!r}")
        sources = index.sources([story_id]) if index is not None else self._sources([story_id])
        return StoryInfo(row[0], row[1], row[2], sources.get(story_id, ()), row[3], row[4], row[5] or "")

    def article(self, article_id: str) -> Article:
        """A stored article by id (a copy gives the text of the article it copies, with its own title and outlet)."""
        row = self._db.execute(
            """SELECT id, text, title, source, url, published, path FROM articles WHERE id = $1
               UNION ALL
               SELECT c.id, a.text, c.title, c.source, c.url, c.published, c.path
               FROM copies c JOIN articles a ON a.id = c.kept_id WHERE c.id = $1
               LIMIT 1""",
            [article_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no article {article_id!r}")
        return Article(row[0], row[1], row[2], row[3], row[4], row[5], row[6])

    def copy_of(self, article_id: str) -> str | None:
        """The id of the article that `article_id` copies, or None when it is not a copy."""
        row = self._db.execute("SELECT kept_id FROM copies WHERE id = ?", [article_id]).fetchone()
        return str(row[0]) if row else None

    def sentences(self, article_id: str) -> tuple[Sentence, ...]:
        """The sentences of a stored article in order (a copy's are those of the article it copies)."""
        kept = self.copy_of(article_id) or article_id
        rows = self._query(
            "SELECT article_id, idx, text, start_char, end_char, paragraph FROM sentences WHERE article_id = ? ORDER BY idx",
            [kept],
        )
        return tuple(Sentence(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows)

    def story_of(self, article_ids: Sequence[str]) -> str | None:
        """The story holding most of these articles (ties: the first in `article_ids`), or None when none is stored."""
        if not article_ids:
            return None
        rows = self._query(
            "SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT unnest($1))",
            [list(article_ids)],
        )
        story_of = dict(rows)
        votes: dict[str, int] = {}
        for article_id in article_ids:
            if article_id in story_of:
                votes[story_of[article_id]] = votes.get(story_of[article_id], 0) + 1
        return max(votes, key=lambda story: votes[story]) if votes else None

    def outlets(self, *, limit: int = 200) -> tuple[Outlet, ...]:
        """The outlets with the most stored articles, for a filter list."""
        rows = self._query(
            f"""SELECT source, count(*) AS n FROM ({_MEMBERS_WITH_SOURCE}) m WHERE source IS NOT NULL
                GROUP BY source ORDER BY n DESC, source LIMIT ?""",
            [limit],
        )
        return tuple(Outlet(r[0], int(r[1])) for r in rows)
