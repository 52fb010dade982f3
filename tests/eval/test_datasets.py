from __future__ import annotations

import json
from datetime import date

import pytest

from newsfuse.errors import ConfigError, InputError
from newsfuse.eval.datasets import EvalCluster, load_clusters, pool_clusters
from newsfuse.model import Article


def _write(path, rows):
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def _row(cluster_id, *texts, references=("A reference.",)):
    return {
        "id": cluster_id,
        "documents": [
            {"id": f"{cluster_id}-{i}", "title": None, "date": None, "source": None, "text": text}
            for i, text in enumerate(texts)
        ],
        "references": list(references),
        "meta": {"topic": "ignored"},
    }


def test_load_clusters_builds_typed_articles(tmp_path):
    row = _row("c1", "First para.\n\nSecond para.", "Other report.", references=("Ref one.", "Ref two."))
    row["documents"][0].update(title="A title", date="2019-02-27", source="Wire")
    (cluster,) = load_clusters(_write(tmp_path / "clusters.jsonl", [row]))
    assert isinstance(cluster, EvalCluster)
    assert cluster.id == "c1"
    assert cluster.references == ("Ref one.", "Ref two.")
    first = cluster.articles[0]
    assert isinstance(first, Article)
    assert (first.id, first.title, first.source, first.published) == ("c1-0", "A title", "Wire", date(2019, 2, 27))
    assert first.text == "First para.\n\nSecond para."
    assert cluster.articles[1].title is None


def test_load_clusters_limit_and_blank_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        "\n".join([json.dumps(_row("a", "x.")), "", json.dumps(_row("b", "y.")), json.dumps(_row("c", "z."))])
    )
    assert [c.id for c in load_clusters(path, limit=2)] == ["a", "b"]
    assert len(load_clusters(path)) == 3


def test_load_clusters_skips_empty_documents_and_odd_dates(tmp_path):
    row = _row("c", "   ", "Real text.")
    row["documents"][1]["date"] = "sometime"
    (cluster,) = load_clusters(_write(tmp_path / "c.jsonl", [row]))
    assert [a.text for a in cluster.articles] == ["Real text."]
    assert cluster.articles[0].published is None


def test_load_clusters_missing_file_names_the_path(tmp_path):
    with pytest.raises(InputError, match=r"nope\.jsonl: no such file"):
        load_clusters(tmp_path / "nope.jsonl")


def test_load_clusters_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_row("a", "x.")) + "\n{not json\n")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not valid JSON"):
        load_clusters(path)


def test_load_clusters_document_without_text(tmp_path):
    row = {"id": "a", "documents": [{"id": "d"}], "references": []}
    with pytest.raises(InputError, match=r"document 'd': no \"text\" string"):
        load_clusters(_write(tmp_path / "c.jsonl", [row]))


def test_pool_clusters_merges_runs_and_drops_the_short_tail():
    clusters = [EvalCluster(str(i), (Article.from_text(f"Text {i}."),), (f"Ref {i}.",)) for i in range(5)]
    pooled = pool_clusters(clusters, 2)
    assert [c.id for c in pooled] == ["0+1", "2+3"]
    assert [a.text for a in pooled[1].articles] == ["Text 2.", "Text 3."]
    assert pooled[0].references == ("Ref 0.", "Ref 1.")
    with pytest.raises(ConfigError):
        pool_clusters(clusters, 0)
