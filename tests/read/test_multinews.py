"""Multi-News style text: articles joined by `|||||`, line breaks escaped as NEWLINE_CHAR."""

from __future__ import annotations

from pathlib import Path

from newsfuse.read import read_all

SOURCE = (
    "Trump to meet Kim in February NEWLINE_CHAR NEWLINE_CHAR The White House said on Friday that the summit "
    "will be held near the end of February. ||||| Vietnam is preparing to host the second summit, a "
    "government source said. ||||| "
)


def test_multinews_split_into_articles(tmp_path: Path) -> None:
    path = tmp_path / "cluster.txt"
    path.write_text(SOURCE, encoding="utf-8")
    report = read_all([path])
    assert report.problems == ()
    first, second = report.articles
    assert first.title == "Trump to meet Kim in February"
    assert first.text == "The White House said on Friday that the summit will be held near the end of February."
    assert second.text == "Vietnam is preparing to host the second summit, a government source said."
    assert (first.path, second.path) == (f"{path}#1", f"{path}#2")


def test_multinews_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "cluster"
    path.write_text(SOURCE, encoding="utf-8")
    assert len(read_all([path]).articles) == 2
