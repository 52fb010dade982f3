"""An evaluation report as a Markdown table or as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from newsfuse.eval.budget import REF_BUDGET
from newsfuse.eval.run import EvalReport, SystemResult

SPEED_BASELINE = "lexrank"  # the speed bar is stated against sumy's LexRank


def _speedup(result: SystemResult, baseline: SystemResult | None) -> str:
    if baseline is None or baseline.clusters_per_second <= 0:
        return "-"
    return f"{result.clusters_per_second / baseline.clusters_per_second:.1f}"


def _budget_words(report: EvalReport) -> str:
    if report.budget == REF_BUDGET:
        return "the mean length of each cluster's references"
    return f"{report.budget} words"


def memory_note(report: EvalReport) -> str:
    """Say how the peak memory column was measured."""
    if report.memory_clusters == 0:
        return "Peak memory was not measured."
    return (
        "Peak MB: tracemalloc peak of Python and NumPy allocations made while the system summarizes one cluster "
        f"(the input excluded), the highest over the {report.memory_clusters} largest clusters, in a pass apart "
        "from the timed one."
    )


def render_markdown(report: EvalReport, *, speed_baseline: str = SPEED_BASELINE) -> str:
    """Render the report as a Markdown table, one row per system, with a note on memory."""
    baseline = next((r for r in report.results if r.system == speed_baseline), None)
    lines = [
        f"**{report.dataset}**: {report.clusters} clusters, budget {_budget_words(report)}",
        "",
        f"| system | R1 | R2 | RLsum | words | clusters/s | x {speed_baseline} | peak MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in report.results:
        peak = "-" if result.peak_mb is None else f"{result.peak_mb:.1f}"
        lines.append(
            f"| {result.system} | {result.rouge1:.2f} | {result.rouge2:.2f} | {result.rouge_lsum:.2f} "
            f"| {result.words:.0f} | {result.clusters_per_second:.2f} | {_speedup(result, baseline)} | {peak} |"
        )
    lines += ["", memory_note(report)]
    return "\n".join(lines) + "\n"


def report_to_json(report: EvalReport, *, per_cluster: bool = True) -> str:
    """Serialize the report as JSON (with each system's per-cluster scores unless told not to)."""
    data = asdict(report)
    if not per_cluster:
        for result in data["results"]:
            result.pop("per_cluster")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
