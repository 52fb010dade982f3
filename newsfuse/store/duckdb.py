"""The default store: one DuckDB file (embedded, no server); its tables and their version are in schema.py.

The incremental clusterer's state is rebuilt from article_terms, story_articles and articles.published.

Every ingest batch is one transaction, and so is the linking of the waiting articles into stories, so a
killed ingest keeps every batch it finished and none of the one it was in (the next ingest links what was
left waiting); ids are content hashes (or the input's own ids), so re-ingesting changes nothing.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import astuple
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash
from scipy import sparse

from newsfuse.cluster.batch import ClusterConfig, day_numbers
from newsfuse.cluster.features import N_FEATURES
from newsfuse.cluster.incremental import StoryTracker
from newsfuse.dedup.minhash import fingerprint_from_values
from newsfuse.errors import StoreError
from newsfuse.model import (
    Article,
    Citation,
    Comparison,
    CopyGroup,
    Sentence,
    Story,
    StoryInfo,
    Summary,
    SummarySentence,
)
from newsfuse.store import schema
from newsfuse.store.base import StoredBatch, StoredLinks, Waiting
from newsfuse.store.browse import LISTING_ORDER, STORY_LINES, story_line
from newsfuse.store.comparisons import decode_comparison, encode_comparison, stored_article_ids
from newsfuse.store.schema import COMPARISONS_SINCE, PENDING_SINCE, SCHEMA_VERSION

_HEADLINE_WORDS = 12
_TERM_ROWS = 20_000  # term rows written at once when linking: bounds the blobs held in memory
_UNLINKED_COPIES = "FROM copies WHERE id NOT IN (SELECT article_id FROM story_articles)"  # copies with no story yet
_SUMMARY_COLUMNS = "story_id, story_size, engine, max_words, max_sentences, summary, created_at, text"


def story_size(story: Story) -> int:
    """What the stories table counts for a story: its articles and their copies (what tells a stored result stale)."""
    return len(story.articles) + sum(len(group.copies) for group in story.copies)


def _marks(n: int) -> str:
    return ", ".join(["?"] * n)


def _code_version() -> str:
    try:
        return metadata.version("newsfuse")
    except metadata.PackageNotFoundError:
        return "unknown"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class DuckDBStore:
    """A newsfuse corpus in one DuckDB file; use as a context manager or call `close()`.

    Example:
        >>> with DuckDBStore(tmp_path / "news.duckdb") as store:  # doctest: +SKIP
        ...     print(store.stories(limit=10))
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store; run `newsfuse ingest PATHS --db {self.path}` first")
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = duckdb.connect(str(self.path), read_only=read_only)
        except (duckdb.Error, OSError) as error:
            raise StoreError(f"{self.path}: cannot open the store ({str(error).splitlines()[0]})") from error
        self.version = SCHEMA_VERSION  # of the file: an older one opened read-only stays as it is
        self._check_version(read_only)

    def _check_version(self, read_only: bool) -> None:
        tables = {row[0] for row in self._db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        written_by = f"newsfuse {_code_version()}"
        if "schema_version" in tables:
            row = self._db.execute("SELECT max(version), any_value(written_by) FROM schema_version").fetchone()
            version = int(row[0]) if row and row[0] is not None else 0
            if version > SCHEMA_VERSION:
                self._db.close()
                raise StoreError(
                    f"{self.path}: written by a newer newsfuse ({row[1] if row else '?'}, schema {version}); "
                    f"this version reads schema {SCHEMA_VERSION} or older: upgrade newsfuse"
                )
            if version < SCHEMA_VERSION and not read_only:
                schema.migrate(self._db, version, written_by)
                version = SCHEMA_VERSION
            self.version = version
            return
        if tables:
            self._db.close()
            raise StoreError(f"{self.path}: a DuckDB file but not a newsfuse store (no schema_version table)")
        if read_only:
            return
        schema.create(self._db, written_by)

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _query(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, list(parameters)).fetchall()

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self._query(
            "SELECT id FROM articles WHERE id IN (SELECT unnest($1)) UNION ALL SELECT id FROM copies WHERE id IN (SELECT unnest($1))",
            [list(ids)],
        )
        return {row[0] for row in rows}

    def write(self, batch: StoredBatch) -> None:
        now = _now()
        db = self._db
        db.execute("BEGIN TRANSACTION")
        try:
            if batch.articles:
                a = batch.articles
                db.execute(
                    "INSERT INTO articles SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), "
                    "unnest($6)::DATE, unnest($7), unnest($8)::JSON, $9",
                    [
                        [x.id for x in a], [x.title for x in a], [x.text for x in a], [x.source for x in a],
                        [x.url for x in a], [x.published for x in a], [x.path for x in a],
                        [json.dumps(dict(x.meta)) if x.meta else None for x in a], now,
                    ],
                )  # fmt: skip
            if batch.sentences:
                s = batch.sentences
                db.execute(
                    "INSERT INTO sentences SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6)",
                    [
                        [x.article_id for x in s],
                        [x.index for x in s],
                        [x.text for x in s],
                        [x.start for x in s],
                        [x.end for x in s],
                        [x.paragraph for x in s],
                    ],
                )
            if batch.fingerprints:
                db.execute(
                    "INSERT INTO fingerprints SELECT unnest($1), unnest($2)",
                    [
                        [key for key, _ in batch.fingerprints],
                        [np.asarray(m.hashvalues, dtype=np.uint64).tobytes() for _, m in batch.fingerprints],
                    ],
                )
            if batch.copies:
                c = [copy for copy, _, _ in batch.copies]
                db.execute(
                    "INSERT INTO copies SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6), "
                    "unnest($7)::DATE, unnest($8), $9",
                    [
                        [x.id for x in c], [kept for _, kept, _ in batch.copies], [sim for _, _, sim in batch.copies],
                        [x.title for x in c], [x.source for x in c], [x.url for x in c], [x.published for x in c],
                        [x.path for x in c], now,
                    ],
                )  # fmt: skip
            self._keep_config(batch.config)
            if batch.articles:
                indices, counts = _row_blobs(batch.counts)
                db.execute(
                    "INSERT INTO pending_terms SELECT unnest($1), unnest($2), unnest($3)",
                    [[x.id for x in batch.articles], indices, counts],
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def link(self, links: StoredLinks) -> None:
        db = self._db
        db.execute("BEGIN TRANSACTION")
        try:
            if links.assignments:
                db.execute(
                    "INSERT INTO story_articles SELECT unnest($1), unnest($2)",
                    [[x.article_id for x in links.assignments], [x.story_id for x in links.assignments]],
                )
                self._refresh_stories(sorted({x.story_id for x in links.assignments}), _now())
            tracker = links.tracker
            for start in range(links.first_row, tracker.n_docs, _TERM_ROWS):
                end = min(start + _TERM_ROWS, tracker.n_docs)
                indices, counts = _row_blobs(tracker.counts[start:end])
                linked = tracker.article_ids[start:end]
                db.execute(
                    "INSERT INTO article_terms SELECT unnest($1), unnest($2), unnest($3), unnest($4)",
                    [list(range(start, end)), linked, indices, counts],
                )
                db.execute("DELETE FROM pending_terms WHERE article_id IN (SELECT unnest($1))", [linked])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _keep_config(self, config: ClusterConfig) -> None:
        """Write the clustering options the store is built with, once (inside the caller's transaction)."""
        if not self._count("FROM cluster_config"):
            self._db.execute("INSERT INTO cluster_config VALUES (?, ?, ?, ?, ?, ?)", list(astuple(config)))

    def waiting(self) -> Waiting:
        if self.version < PENDING_SINCE:  # an older file opened read-only: everything in it is linked
            return Waiting((), _rows_from_blobs([]), np.empty(0, dtype=np.float64), {})
        rows = self._query(
            """SELECT p.article_id, p.indices, p.counts, a.published
               FROM pending_terms p JOIN articles a ON a.id = p.article_id ORDER BY p.article_id"""
        )
        copies = self._query(f"SELECT id, kept_id {_UNLINKED_COPIES} ORDER BY id")
        return Waiting(
            ids=tuple(r[0] for r in rows),
            counts=_rows_from_blobs([(r[1], r[2]) for r in rows]),
            days=_days([r[3] for r in rows]),
            copies=dict(copies),
        )

    def _refresh_stories(self, story_ids: list[str], now: datetime) -> None:
        self._db.execute(
            f"""
            INSERT OR REPLACE INTO stories
            SELECT sa.story_id,
                   count(a.id),
                   count(c.id),
                   min(coalesce(a.published, c.published)),
                   max(coalesce(a.published, c.published)),
                   coalesce(arg_min(a.title, coalesce(a.published, DATE '9999-12-31')) FILTER (WHERE a.title IS NOT NULL),
                            array_to_string(list_slice(string_split(any_value(a.text ORDER BY a.id), ' '), 1, {_HEADLINE_WORDS}), ' ')),
                   $2
            FROM story_articles sa
            LEFT JOIN articles a ON a.id = sa.article_id
            LEFT JOIN copies c ON c.id = sa.article_id
            WHERE sa.story_id IN (SELECT unnest($1))
            GROUP BY sa.story_id
            """,
            [story_ids, now],
        )

    def waiting_count(self) -> int:
        pending = self._count("FROM pending_terms") if self.version >= PENDING_SINCE else 0
        return pending + self._count(_UNLINKED_COPIES)

    def _count(self, source: str) -> int:
        return int(self._query(f"SELECT count(*) {source}")[0][0])

    def tracker(self) -> StoryTracker | None:
        config = self._db.execute("SELECT * FROM cluster_config").fetchone()
        if config is None:
            return None
        rows = self._query(
            """SELECT t.article_id, t.indices, t.counts, sa.story_id, a.published
               FROM article_terms t JOIN story_articles sa USING (article_id) JOIN articles a ON a.id = t.article_id
               ORDER BY t.row"""
        )
        counts = _rows_from_blobs([(r[1], r[2]) for r in rows])
        story_row: dict[str, int] = {}
        for r in rows:
            story_row.setdefault(r[3], len(story_row))
        copies = dict(
            self._query("SELECT c.id, sa.story_id FROM copies c JOIN story_articles sa ON sa.article_id = c.id")
        )
        return StoryTracker.from_parts(
            config=ClusterConfig(
                float(config[0]), int(config[1]), int(config[2]), int(config[3]), int(config[4]), float(config[5])
            ),
            counts=counts,
            article_ids=[r[0] for r in rows],
            article_story=np.array([story_row[r[3]] for r in rows], dtype=np.int64),
            days=_days([r[4] for r in rows]),
            story_ids=list(story_row),
            copies=copies,
        )

    def fingerprints(self) -> Iterator[tuple[str, LeanMinHash]]:
        cursor = self._db.execute("SELECT article_id, hashvalues FROM fingerprints ORDER BY article_id")
        while rows := cursor.fetchmany(10_000):
            for key, blob in rows:
                yield key, fingerprint_from_values(np.frombuffer(bytes(blob), dtype=np.uint64))

    def stories(self, *, limit: int | None = None) -> list[StoryInfo]:
        rows = self._query(
            STORY_LINES + " ORDER BY s.size + s.copies DESC, s.last_date DESC NULLS LAST, s.id"
            + (" LIMIT ?" if limit is not None else ""),
            [limit] if limit is not None else [],
        )  # fmt: skip
        return [story_line(row) for row in rows]

    def story_membership(self) -> dict[str, str]:
        """Map every stored article id (copies too) to its story id."""
        return dict(self._query("SELECT article_id, story_id FROM story_articles"))

    def _articles(self, ids: Sequence[str]) -> list[Article]:
        if not ids:
            return []
        # a list of parameters is looked up in the primary key; `IN (SELECT unnest($1))` joins the whole table (3x slower)
        rows = self._query(
            f"SELECT id, text, title, source, url, published, path, meta FROM articles WHERE id IN ({_marks(len(ids))})",
            ids,
        )
        return [_article(row) for row in rows]

    def story(self, story_id: str) -> Story:
        [story] = self.read_stories([story_id])
        return story

    def read_stories(self, story_ids: Sequence[str]) -> list[Story]:
        """These stories, in this order, each with its articles and copies, in a few queries for all of them.

        Raises:
            StoreError: an id that is no stored story.
        """
        if not story_ids:
            return []
        members: dict[str, list[str]] = {story_id: [] for story_id in story_ids}
        for article_id, story_id in self._query(
            f"SELECT article_id, story_id FROM story_articles WHERE story_id IN ({_marks(len(members))})", list(members)
        ):
            members[story_id].append(article_id)
        unknown = [story_id for story_id, ids in members.items() if not ids]
        if unknown:
            raise StoreError(f"{self.path}: no story {unknown[0]!r}; `newsfuse stories --db {self.path}` lists them")
        everyone = [article_id for ids in members.values() for article_id in ids]
        distinct = {article.id: article for article in self._articles(everyone)}  # members that are no copy
        by_id = dict(distinct)
        copy_rows = self._query(
            "SELECT id, kept_id, similarity, title, source, url, published, path FROM copies "
            f"WHERE id IN ({_marks(len(everyone))}) ORDER BY id",
            everyone,
        )
        copies_of: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
        story_of = {article_id: story_id for story_id, ids in members.items() for article_id in ids}
        for row in copy_rows:
            copies_of.setdefault(story_of[row[0]], {}).setdefault(row[1], []).append(row)
        missing = sorted({row[1] for row in copy_rows} - set(by_id))  # copies of an article in another story
        by_id.update({article.id: article for article in self._articles(missing)})
        stories = []
        for story_id in story_ids:
            articles = sorted(
                (distinct[a] for a in members[story_id] if a in distinct), key=lambda a: (a.published or date.max, a.id)
            )
            copies = tuple(
                CopyGroup(
                    by_id[kept],
                    tuple(Article(r[0], by_id[kept].text, r[3], r[4], r[5], r[6], r[7]) for r in rows),
                    min(r[2] for r in rows),
                )
                for kept, rows in sorted(copies_of.get(story_id, {}).items())
            )
            stories.append(Story(story_id, tuple(articles), copies))
        return stories

    def comparison(self, story: Story, settings: str) -> Comparison | None:
        """The stored comparison of `story` if it is current: made with `settings`, from exactly its articles."""
        if self.version < COMPARISONS_SINCE:
            return None
        row = self._db.execute(
            "SELECT story_size, settings, comparison FROM comparisons WHERE story_id = ?", [story.id]
        ).fetchone()
        if row is None or row[0] != story_size(story) or row[1] != settings:
            return None
        if set(stored_article_ids(row[2])) != {article.id for article in story.articles}:
            return None
        return decode_comparison(row[2], story.articles)

    def save_comparison(self, story: Story, settings: str, comparison: Comparison) -> None:
        """Store the comparison of `story` as it was read (made with `settings`) and its summary."""
        self.save_comparisons([(story, comparison)], settings)

    def save_comparisons(self, items: Sequence[tuple[Story, Comparison]], settings: str) -> None:
        """Store comparisons (made with `settings`) of stories as they were read, and their summaries, in one transaction."""
        if not items:
            return
        now = _now()
        ids = [story.id for story, _ in items]
        sizes = [story_size(story) for story, _ in items]
        summaries = [comparison.summary for _, comparison in items]
        self._db.execute("BEGIN TRANSACTION")
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO comparisons SELECT unnest($1), unnest($2), $3, unnest($4)::JSON, $5",
                [ids, sizes, settings, [encode_comparison(comparison) for _, comparison in items], now],
            )
            self._db.execute(
                f"INSERT OR REPLACE INTO summaries ({_SUMMARY_COLUMNS}) "
                "SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6)::JSON, $7, unnest($8)",
                [ids, sizes, [s.engine for s in summaries], [s.max_words for s in summaries],
                 [s.max_sentences for s in summaries], [json.dumps(_summary_to_json(s)) for s in summaries], now,
                 [s.text for s in summaries]],
            )  # fmt: skip
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def uncompared(self, settings: str, *, limit: int) -> list[str]:
        """Up to `limit` stories with no current comparison made with `settings`, newest and biggest first (as listed)."""
        if self.version < COMPARISONS_SINCE:
            return []
        rows = self._query(
            f"""SELECT s.id FROM stories s
                LEFT JOIN comparisons c ON c.story_id = s.id AND c.story_size = s.size + s.copies AND c.settings = ?
                WHERE c.story_id IS NULL
                ORDER BY {LISTING_ORDER} LIMIT ?""",
            [settings, limit],
        )
        return [str(row[0]) for row in rows]

    def compared(self, settings: str) -> int:
        """How many stories have a current comparison made with `settings`."""
        if self.version < COMPARISONS_SINCE:
            return 0
        rows = self._query(
            "SELECT count(*) FROM comparisons c JOIN stories s ON s.id = c.story_id "
            "WHERE c.story_size = s.size + s.copies AND c.settings = ?",
            [settings],
        )
        return int(rows[0][0])

    def summary(self, story_id: str) -> Summary | None:
        row = self._db.execute(
            "SELECT su.summary FROM summaries su JOIN stories s ON s.id = su.story_id "
            "WHERE su.story_id = ? AND su.story_size = s.size + s.copies",
            [story_id],
        ).fetchone()
        if row is None:
            return None
        return _summary_from_json(json.loads(row[0]), self._articles)

    def save_summary(self, story_id: str, summary: Summary) -> None:
        self._db.execute(
            f"INSERT OR REPLACE INTO summaries ({_SUMMARY_COLUMNS}) "
            "SELECT ?, s.size + s.copies, ?, ?, ?, ?::JSON, ?, ? FROM stories s WHERE s.id = ?",
            [
                story_id,
                summary.engine,
                summary.max_words,
                summary.max_sentences,
                json.dumps(_summary_to_json(summary)),
                _now(),
                summary.text,
                story_id,
            ],
        )

    def counts(self) -> dict[str, int]:
        """Rows per table (for reports and tests)."""
        tables = (
            "articles",
            "sentences",
            "copies",
            "fingerprints",
            "story_articles",
            "stories",
            "summaries",
            "comparisons",
            "article_terms",
            "pending_terms",
        )
        return {
            table: self._count(f"FROM {table}")
            for table in tables
            if (table != "comparisons" or self.version >= COMPARISONS_SINCE)
            and (table != "pending_terms" or self.version >= PENDING_SINCE)
        }


def _days(dates: Sequence[date | None]) -> npt.NDArray[np.float64]:
    """Stored publication dates as `cluster.batch.day_numbers` gives them (NaN when unknown)."""
    return day_numbers([Article("", "", published=published) for published in dates])


def _row_blobs(rows: sparse.csr_matrix) -> tuple[list[bytes], list[bytes]]:
    """Each row of hashed term counts as two blobs: its columns (int32) and its counts (float32)."""
    bounds = rows.indptr
    return (
        [rows.indices[a:b].astype(np.int32).tobytes() for a, b in itertools.pairwise(bounds)],
        [rows.data[a:b].astype(np.float32).tobytes() for a, b in itertools.pairwise(bounds)],
    )


def _rows_from_blobs(blobs: Sequence[tuple[Any, Any]]) -> sparse.csr_matrix:
    """The hashed term counts written by `_row_blobs`, a row per (columns, counts) pair."""
    indices = [np.frombuffer(bytes(columns), dtype=np.int32) for columns, _ in blobs]
    lengths = np.array([len(i) for i in indices], dtype=np.int64)
    return sparse.csr_matrix(
        (
            np.concatenate(
                [np.frombuffer(bytes(counts), dtype=np.float32) for _, counts in blobs] or [np.empty(0, np.float32)]
            ),
            np.concatenate(indices or [np.empty(0, np.int32)]),
            np.concatenate([[0], np.cumsum(lengths)]),
        ),
        shape=(len(blobs), N_FEATURES),
    )


def _article(row: tuple[Any, ...]) -> Article:
    meta = json.loads(row[7]) if row[7] else None
    return Article.from_text(
        row[1], id=row[0], title=row[2], source=row[3], url=row[4], published=row[5], path=row[6], meta=meta
    )


def _summary_to_json(summary: Summary) -> dict[str, object]:
    return {
        "engine": summary.engine,
        "max_words": summary.max_words,
        "max_sentences": summary.max_sentences,
        "articles": [article.id for article in summary.articles],
        "sentences": [
            {
                "text": s.text,
                "sources": list(s.sources),
                "origin": [
                    s.origin.article_id,
                    s.origin.index,
                    s.origin.text,
                    s.origin.start,
                    s.origin.end,
                    s.origin.paragraph,
                ],
                "evidence": [[c.article_id, c.sentence_index, c.similarity] for c in s.evidence],
            }
            for s in summary.sentences
        ],
    }


def _summary_from_json(data: dict[str, Any], load: Any) -> Summary:
    ids = list(data["articles"])
    by_id = {article.id: article for article in load(ids)}
    sentences = tuple(
        SummarySentence(
            s["text"],
            tuple(s["sources"]),
            Sentence(*s["origin"]),
            tuple(Citation(c[0], int(c[1]), float(c[2])) for c in s["evidence"]),
        )
        for s in data["sentences"]
    )
    return Summary(
        sentences, tuple(by_id[i] for i in ids if i in by_id), data["engine"], data["max_words"], data["max_sentences"]
    )


def iter_batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Yield lists of at most `size` items."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
