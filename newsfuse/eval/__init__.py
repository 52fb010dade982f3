"""Evaluation: ROUGE against human references, peers side by side, speed and memory.

The CLI's `newsfuse eval` is a shell over `evaluate_file` and `render_markdown`.
"""

from __future__ import annotations

from newsfuse.eval.budget import REF_BUDGET, Budget, cut_to_budget, parse_budget, word_budget
from newsfuse.eval.datasets import EvalCluster, load_clusters, pool_clusters
from newsfuse.eval.report import render_markdown, report_to_json
from newsfuse.eval.rouge import RougeScorer, RougeScores
from newsfuse.eval.run import EvalReport, Progress, SystemResult, evaluate, evaluate_file
from newsfuse.eval.systems import DEFAULT_SYSTEMS, SYSTEMS, System, make_system, parse_systems

__all__ = [
    "DEFAULT_SYSTEMS",
    "REF_BUDGET",
    "SYSTEMS",
    "Budget",
    "EvalCluster",
    "EvalReport",
    "Progress",
    "RougeScorer",
    "RougeScores",
    "System",
    "SystemResult",
    "cut_to_budget",
    "evaluate",
    "evaluate_file",
    "load_clusters",
    "make_system",
    "parse_budget",
    "parse_systems",
    "pool_clusters",
    "render_markdown",
    "report_to_json",
    "word_budget",
]
