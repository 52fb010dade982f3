from __future__ import annotations

import json

import pytest

pytest.importorskip("rouge_score")

from newsfuse.errors import InputError
from newsfuse.eval.datasets import EvalCluster
from newsfuse.eval.report import render_markdown, report_to_json
from newsfuse.eval.run import evaluate, evaluate_file
from newsfuse.model import Article

CLUSTERS = (
    EvalCluster(
        "c1",
        (
            Article.from_text("The storm hit the coast on Monday. Power failed across the city."),
            Article.from_text("Officials said the storm hit on Monday. Schools will close."),
        ),
        ("The storm hit the coast on Monday. Schools will close.",),
    ),
    EvalCluster(
        "c2",
        (Article.from_text("The team won the final. Fans celebrated all night."),),
        ("The team won the final.", "Fans celebrated the win."),
    ),
)


def test_evaluate_lead_and_oracle_side_by_side():
    seen = []
    report = evaluate(CLUSTERS, budget="ref", systems=["lead", "oracle"], progress=seen.append, memory_clusters=1)
    assert [r.system for r in report.results] == ["lead", "oracle"]
    lead, oracle = report.results
    assert oracle.rouge1 >= lead.rouge1 > 0
    assert all(0 <= value <= 100 for value in (lead.rouge1, lead.rouge2, lead.rouge_lsum))
    assert lead.per_cluster[0].budget == 10 and lead.per_cluster[0].words <= 10
    assert lead.peak_mb is not None and lead.peak_mb >= 0
    assert report.result("oracle") is oracle
    assert ("lead", "rouge", 2, 2) in [(p.system, p.phase, p.done, p.total) for p in seen]
    assert ("lead", "memory", 1, 1) in [(p.system, p.phase, p.done, p.total) for p in seen]


def test_evaluate_without_references_is_an_input_error():
    cluster = EvalCluster("x", (Article.from_text("Text."),), ())
    with pytest.raises(InputError, match="'x' has no reference"):
        evaluate([cluster], budget=10, systems=["lead"])


def test_render_markdown_and_json(tmp_path):
    report = evaluate(CLUSTERS, budget=8, systems=["lead"], memory_clusters=0, dataset="tiny")
    table = render_markdown(report)
    assert "| system | R1 | R2 | RLsum |" in table
    assert "| lead |" in table and "tiny" in table
    data = json.loads(report_to_json(report, per_cluster=False))
    assert data["results"][0]["system"] == "lead" and "per_cluster" not in data["results"][0]


def test_evaluate_file_names_the_dataset_by_folder(tmp_path):
    folder = tmp_path / "myset"
    folder.mkdir()
    row = {"id": "a", "documents": [{"id": "d", "text": "One thing. Another."}], "references": ["One thing."]}
    (folder / "clusters.jsonl").write_text(json.dumps(row) + "\n")
    report = evaluate_file(folder / "clusters.jsonl", budget="ref", systems=["lead"], limit=1, memory_clusters=0)
    assert report.dataset == "myset" and report.clusters == 1
    assert report.results[0].rouge1 == pytest.approx(100.0)
