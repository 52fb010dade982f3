"""Choosing inputs: files, folders, standard input, and every bad input of issue 2 §7.

A bad input is a `Problem` naming it; the rest of the run goes on, and nothing raises.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from newsfuse.errors import ConfigError
from newsfuse.model import Article, Problem
from newsfuse.read import read_all, read_inputs

GOOD = "Trump and Kim to meet again next month\n\nThe White House said the summit will be near the end of February.\n"
MB = 1024 * 1024


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_stdin_dash_reads_text() -> None:
    report = read_all(["-"], stdin=io.BytesIO(GOOD.encode()))
    (article,) = report.articles
    assert article.title == "Trump and Kim to meet again next month"


def test_stdin_dash_reads_a_cluster_line() -> None:
    line = json.dumps({"id": "c1", "documents": [{"id": "x", "text": "One."}, {"id": "y", "text": "Two."}]})
    report = read_all(["-"], stdin=io.BytesIO(line.encode() + b"\n"))
    assert [a.id for a in report.articles] == ["x", "y"]


def test_stdin_empty_is_a_problem() -> None:
    assert read_all(["-"], stdin=io.BytesIO(b"  \n")).problems == (Problem("<stdin>", "empty input"),)


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    first = tmp_path / "z.txt"
    first.write_text("Zeta report says the summit is near.")
    second = _good(tmp_path)
    report = read_all([first, "-", second], stdin=io.BytesIO(b"Standard input report of the summit."))
    assert [a.path for a in report.articles] == [str(first), "<stdin>", str(second)]


def test_inputs_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"unknown input format 'pdf'; expected one of: text, html"):
        list(read_inputs(["x"], fmt="pdf"))


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)


def _undecodable(path: Path) -> None:
    # high bytes in no encoding's pattern: no NUL, so not "binary", but not text in any language either
    path.write_bytes(bytes((i * 73 + 131) % 128 + 128 for i in range(3000)))


def _huge(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: 100 MB on paper, a few bytes on disk
        handle.write(GOOD.encode())
        handle.truncate(100 * MB)


def _huge_text(path: Path) -> None:
    chunk = (GOOD * 200).encode()
    with path.open("wb") as handle:
        for _ in range(21 * MB // len(chunk) + 1):
            handle.write(chunk)


@pytest.mark.issue(2)
@pytest.mark.parametrize(
    ("make", "name", "reason"),
    [
        pytest.param(None, "missing.txt", "no such file or folder", id="missing-path"),
        pytest.param(lambda p: p.mkdir(), "empty-folder", "folder has no files", id="empty-folder"),
        pytest.param(lambda p: p.write_bytes(b""), "empty.txt", "empty file", id="empty-file"),
        pytest.param(lambda p: p.write_text("\n  \n"), "blank.txt", "empty file", id="blank-file"),
        pytest.param(_binary, "photo.txt", "binary file, not text", id="binary-file"),
        pytest.param(_undecodable, "garbled.txt", "undecodable bytes", id="undecodable-bytes"),
        pytest.param(_huge, "dump.txt", "file is too large (100 MB; the limit is 20 MB)", id="100MB-sparse"),
        pytest.param(_huge, "dump.html", "file is too large (100 MB; the limit is 20 MB)", id="100MB-html"),
        pytest.param(_huge_text, "long.txt", "file is too large (21 MB; the limit is 20 MB)", id="21MB-of-text"),
    ],
)
def test_bad_input_named_and_skipped(tmp_path: Path, make, name: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / name
    if make is not None:
        make(bad)
    good = _good(tmp_path)
    started = time.perf_counter()
    report = read_all([bad, good])
    assert time.perf_counter() - started < 5, "a bad input must be refused without reading it whole"
    assert [a.path for a in report.articles] == [str(good)]
    (problem,) = report.problems
    assert problem.path == str(bad)
    assert problem.reason.startswith(reason)
    assert "\n" not in str(problem)
    assert str(problem).startswith(str(bad) + ": ")


def test_bad_input_inside_a_folder_does_not_stop_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("First report: the summit will be in February.")
    _binary(folder / "b.txt")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.txt").write_text("Last report: Vietnam will host the summit.")
    (folder / ".hidden.txt").write_text("A hidden file is not an article.")
    items = list(read_inputs([folder]))
    assert [type(item) for item in items] == [Article, Problem, Problem, Article]
    assert [Path(item.path or "").name for item in items] == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_big_jsonl_line_refused_without_stopping_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(json.dumps({"text": "Before the big line."}).encode() + b"\n")
        handle.write(b'{"text": "' + b"word " * (21 * MB // 5) + b'"}\n')
        handle.write(json.dumps({"text": "After the big line."}).encode() + b"\n")
    report = read_all([path])
    assert [a.text for a in report.articles] == ["Before the big line.", "After the big line."]
    assert report.problems == (Problem(f"{path}:2", "line is too long (over 20 MB)"),)
