from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfuse.errors import StoreError
from newsfuse.store import SCHEMA_VERSION, default_store_path, open_store


def test_open_store_creates_a_versioned_file(tmp_path: Path) -> None:
    with open_store(tmp_path / "news.duckdb") as store:
        assert store.stories() == []
        assert store.tracker() is None
    with duckdb.connect(str(tmp_path / "news.duckdb")) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_open_store_refuses_a_store_written_by_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    open_store(path).close()
    with duckdb.connect(str(path)) as db:
        db.execute("UPDATE schema_version SET version = ?, written_by = 'newsfuse 9.0'", [SCHEMA_VERSION + 1])
    with pytest.raises(
        StoreError, match=r"news\.duckdb: written by a newer newsfuse \(newsfuse 9\.0.*upgrade newsfuse"
    ):
        open_store(path)


def test_open_store_refuses_a_duckdb_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE things (x INTEGER)")
    with pytest.raises(StoreError, match="not a newsfuse store"):
        open_store(path)


def test_open_store_refuses_a_file_that_is_not_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("hello")
    with pytest.raises(StoreError, match=r"notes\.duckdb: cannot open the store"):
        open_store(path)


def test_open_store_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_default_store_path_follows_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "newsfuse" / "news.duckdb"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_store_path() == tmp_path / "home" / ".local" / "share" / "newsfuse" / "news.duckdb"
