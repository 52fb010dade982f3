"""The store's tables, their version, and the migrations that bring an older file up to it.

Schema, version 4 (`SCHEMA_VERSION`; the one row of `schema_version` says which version wrote a file):

    schema_version(version, written_by)                  one row
    articles(id PK, title, text, source, url, published, path, meta JSON, added_at)   distinct texts
    sentences(article_id, idx, text, start_char, end_char, paragraph)   spans index articles.text
    copies(id PK, kept_id, similarity, title, source, url, published, path, added_at) reprints of an article
    fingerprints(article_id PK, hashvalues BLOB)         MinHash of each distinct article (finds later copies)
    story_articles(article_id PK, story_id)              membership of distinct articles and copies alike
                                                         (indexed by story_id too: a story's members are a lookup)
    stories(id PK, size, copies, first_date, last_date, headline, updated_at)
    summaries(story_id PK, story_size, engine, max_words, max_sentences, summary JSON, created_at,
              text)                                  the summary's sentences, what search reads (since version 3)
    comparisons(story_id PK, story_size, settings, comparison JSON, created_at)   since version 2
    article_terms(row PK, article_id, indices BLOB, counts BLOB)   hashed term counts, in clustering order
    pending_terms(article_id PK, indices BLOB, counts BLOB)   the same for a stored article that has no story
                                                         yet (an ingest links its articles once it has read
                                                         them; since version 4)
    cluster_config(threshold, neighbours, max_postings, max_gap_days, mutual, sure)   one row: the options the store was built with

A stored summary or comparison is current while its `story_size` is the story's articles and copies
(a story only grows) and, for a comparison, while `settings` are the ones asked for
(`newsfuse.store.comparisons.comparison_settings`: the options, the code's version, the format).

Version 1 had no `comparisons` table and no story_id index, version 2 no `summaries.text`, version 3 no
`pending_terms`; opening such a file read-write adds them (the text taken from the stored summaries).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

SCHEMA_VERSION = 4
COMPARISONS_SINCE = 2  # the first version with a comparisons table
PENDING_SINCE = 4  # the first version with a pending_terms table

_TABLES = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, written_by VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR NOT NULL, source VARCHAR, url VARCHAR,
    published DATE, path VARCHAR, meta JSON, added_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, paragraph INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS copies (
    id VARCHAR PRIMARY KEY, kept_id VARCHAR NOT NULL, similarity DOUBLE, title VARCHAR, source VARCHAR,
    url VARCHAR, published DATE, path VARCHAR, added_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS fingerprints (article_id VARCHAR PRIMARY KEY, hashvalues BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS story_articles (article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, size INTEGER, copies INTEGER, first_date DATE, last_date DATE,
    headline VARCHAR, updated_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS summaries (
    story_id VARCHAR PRIMARY KEY, story_size INTEGER, engine VARCHAR, max_words INTEGER,
    max_sentences INTEGER, summary JSON, created_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS article_terms (row BIGINT PRIMARY KEY, article_id VARCHAR NOT NULL, indices BLOB, counts BLOB);
CREATE TABLE IF NOT EXISTS cluster_config (
    threshold DOUBLE, neighbours INTEGER, max_postings INTEGER, max_gap_days INTEGER, mutual INTEGER, sure DOUBLE);
"""

# Version 2: a story page reads its stored comparison (computing one takes ~50 ms for a 2-article
# story and seconds for a big one), and finding a story's members no longer scans every membership
# row (7 ms -> under 1 ms on the 122,613 rows of the whole multinews-train-pool; benchmarks/results/web.md).
_VERSION_2 = """
CREATE TABLE IF NOT EXISTS comparisons (
    story_id VARCHAR PRIMARY KEY, story_size INTEGER NOT NULL, settings VARCHAR NOT NULL,
    comparison JSON NOT NULL, created_at TIMESTAMP);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles (story_id);
"""


def _to_version_2(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(_VERSION_2)


# Version 3: search reads the summaries' text from memory (browse.StoryIndex); taking it out of every
# summary's JSON there took ~2 s for the whole pool's, and DuckDB's ILIKE reads the JSON at ~115 MB/s:
# 1.5 s a search once every story of the pool has a summary.
_VERSION_3 = """
ALTER TABLE summaries ADD COLUMN text VARCHAR;
UPDATE summaries SET text = array_to_string(json_extract_string(summary, '$.sentences[*].text'), ' ');
"""


def _to_version_3(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(_VERSION_3)


# Version 4: an ingest stores its articles batch by batch but links them into stories once it has read them
# all (up to `engines.options.LINK_ARTICLES`): linking a shuffled pile batch by batch ties an article to its best
# match among the articles read so far, and a stored story keeps its members (benchmarks/results/clustering.md).
# An article waits in pending_terms between the two; an interrupted ingest's waiting articles are linked by the
# next one. Its term counts are so written twice: a fresh file has ~25% free blocks, which later writes reuse.
_VERSION_4 = """
CREATE TABLE IF NOT EXISTS pending_terms (article_id VARCHAR PRIMARY KEY, indices BLOB, counts BLOB);
"""


def _to_version_4(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(_VERSION_4)


# What brings a file of version `n - 1` to version `n`, for every n above 1.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    2: _to_version_2,
    3: _to_version_3,
    4: _to_version_4,
}


def create(db: duckdb.DuckDBPyConnection, written_by: str) -> None:
    """Create every table of the current version in an empty database."""
    db.execute(_TABLES)
    for version in sorted(MIGRATIONS):
        MIGRATIONS[version](db)
    db.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, written_by])


def migrate(db: duckdb.DuckDBPyConnection, version: int, written_by: str) -> None:
    """Bring a file of an older `version` up to `SCHEMA_VERSION`, in one transaction."""
    db.execute("BEGIN TRANSACTION")
    try:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step](db)
        db.execute("UPDATE schema_version SET version = ?, written_by = ?", [SCHEMA_VERSION, written_by])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
