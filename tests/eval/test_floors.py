"""Quality gate: newsfuse (and the lead baseline, to catch a broken scorer) stay above pinned floors.

The floors live in benchmarks/floors.json; the data in ../shared/data beside the repository.
Skipped when the data is not there (a fresh clone without the shared folder).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("rouge_score")

from newsfuse.eval import evaluate, load_clusters, parse_budget

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
FLOORS = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))["floors"]


@pytest.mark.parametrize("floor", FLOORS, ids=lambda f: f"{f['system']}-{f['set']}-{f['clusters']}")
def test_quality_floor(floor):
    path = DATA / floor["set"] / "clusters.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    clusters = load_clusters(path, limit=floor["clusters"])
    report = evaluate(clusters, budget=parse_budget(str(floor["budget"])), systems=[floor["system"]], memory_clusters=0)
    result = report.result(floor["system"])
    measured = {"rouge1": result.rouge1, "rouge2": result.rouge2, "rouge_lsum": result.rouge_lsum}
    below = {
        metric: f"{value:.2f} < {floor[metric]}"
        for metric, value in measured.items()
        if value < floor[metric] - floor["epsilon"]
    }
    assert not below, f"{floor['system']} on {floor['set']} fell below its floor: {below}"
