"""JSON Lines of articles or of clusters, and .json files holding one object or a list."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newsfuse.model import Article
from newsfuse.read import read_all

ARTICLE = {
    "id": "ft-1",
    "title": "Trump and Kim to meet again",
    "text": "President Donald Trump will meet Kim Jong-un in February.\n\nThe White House announced it on Friday.",
    "url": "https://example.com/ft-1",
    "source": "France 24",
    "published": "2019-01-19T08:00:00Z",
}
CLUSTER = {
    "id": "summit-2019",
    "documents": [
        {"id": "d1", "title": None, "date": "2019-01-18", "source": "SBS News", "text": "Para one.\n\nPara two."},
        {"id": "d2", "title": "Vietnam to host", "date": None, "source": None, "text": "Hanoi is the likely venue."},
    ],
    "references": ["A human summary."],
    "meta": {"task": "seed"},
}


def _write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_article_fields_all_read(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "articles.jsonl", json.dumps(ARTICLE))
    report = read_all([path])
    assert report.problems == ()
    assert report.articles == (
        Article.from_text(
            ARTICLE["text"],
            id="ft-1",
            title="Trump and Kim to meet again",
            url="https://example.com/ft-1",
            source="France 24",
            published=date(2019, 1, 19),
            path=f"{path}:1",
        ),
    )


def test_jsonl_article_without_id_gets_content_id(tmp_path: Path) -> None:
    record = {"text": "The summit will be held in Vietnam."}
    path = _write_lines(tmp_path / "a.jsonl", json.dumps(record), json.dumps(record))
    first, second = read_all([path]).articles
    assert first.id == second.id == Article.from_text(record["text"]).id


def test_jsonl_cluster_line_gives_its_documents_with_cluster_id(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "clusters.jsonl", json.dumps(CLUSTER))
    report = read_all([path])
    assert report.problems == ()
    first, second = report.articles
    assert (first.id, first.source, first.published, first.title) == ("d1", "SBS News", date(2019, 1, 18), None)
    assert first.text == "Para one.\n\nPara two."
    assert (second.id, second.title, second.source) == ("d2", "Vietnam to host", None)
    assert first.meta["cluster"] == second.meta["cluster"] == "summit-2019"


def test_jsonl_bad_line_reported_other_lines_still_read(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "mixed.jsonl",
        json.dumps({"text": "First report of the summit."}),
        '{"text": "broken',
        "",
        json.dumps({"title": "no text here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Second report of the summit."}),
    )
    report = read_all([path])
    assert [a.text for a in report.articles] == ["First report of the summit.", "Second report of the summit."]
    assert [p.path for p in report.problems] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert report.problems[0].reason.startswith("not JSON")
    assert report.problems[1].reason == 'no "text" string'
    assert report.problems[2].reason == "not a JSON object"


def test_json_file_with_one_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(ARTICLE, indent=2), encoding="utf-8")
    (article,) = read_all([path]).articles
    assert (article.id, article.title, article.source) == ("ft-1", ARTICLE["title"], "France 24")


def test_json_file_with_a_list(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([ARTICLE, {**ARTICLE, "id": "ft-2", "text": "Another text."}]), encoding="utf-8")
    assert [a.id for a in read_all([path]).articles] == ["ft-1", "ft-2"]


def test_json_file_with_a_cluster(tmp_path: Path) -> None:
    path = tmp_path / "cluster.json"
    path.write_text(json.dumps(CLUSTER), encoding="utf-8")
    assert [a.id for a in read_all([path]).articles] == ["d1", "d2"]


def test_jsonl_gz_streamed(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(ARTICLE) + "\n")
    assert [a.id for a in read_all([path]).articles] == ["ft-1"]
