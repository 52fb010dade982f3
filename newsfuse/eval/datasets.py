"""Evaluation clusters: articles about one event with human reference summaries.

Reads the JSON Lines schema of `shared/data/README.md`, one cluster a line:
`{"id", "documents": [{"id", "title", "date", "source", "text"}], "references": [...], "meta"}`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import ConfigError, InputError
from newsfuse.model import Article
from newsfuse.read.jsonl import EMPTY_TEXT, record_to_article


@dataclass(frozen=True, slots=True)
class EvalCluster:
    """Articles about one event and the human summaries written for them."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


def _article(document: object, where: str) -> Article | None:
    """The article of one document (the reader's own rules), None for an empty one; strict otherwise."""
    if not isinstance(document, dict):
        raise InputError(f"{where}: a document must be an object with a 'text' field")
    built = record_to_article(document, path=where)
    if isinstance(built, Article):
        return built
    if built == EMPTY_TEXT:
        return None
    raise InputError(f"{where}: document {document.get('id')!r}: {built}")


def _cluster(row: object, where: str) -> EvalCluster:
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected an object with 'id', 'documents' and 'references'")
    documents = row.get("documents")
    references = row.get("references", [])
    if not isinstance(documents, list):
        raise InputError(f"{where}: 'documents' must be a list of objects with a 'text' field")
    if not isinstance(references, list) or not all(isinstance(ref, str) for ref in references):
        raise InputError(f"{where}: 'references' must be a list of strings")
    articles = tuple(article for document in documents if (article := _article(document, where)) is not None)
    cluster_id = row.get("id")
    return EvalCluster(
        id=str(cluster_id) if cluster_id is not None else where,
        articles=articles,
        references=tuple(ref for ref in references if ref.strip()),
    )


def iter_clusters(path: Path) -> Iterator[EvalCluster]:
    """Yield the clusters of a JSON Lines file one at a time (blank lines are skipped).

    Raises:
        InputError: when the file is missing or a line is not a cluster.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file; expected a JSON Lines file of clusters")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{where}: not valid JSON ({error.msg})") from error
            yield _cluster(row, where)


def load_clusters(path: Path | str, *, limit: int | None = None) -> tuple[EvalCluster, ...]:
    """Load the first `limit` clusters (all when None) of a JSON Lines file."""
    clusters: list[EvalCluster] = []
    for cluster in iter_clusters(Path(path)):
        if limit is not None and len(clusters) >= limit:
            break
        clusters.append(cluster)
    return tuple(clusters)


def pool_clusters(clusters: Sequence[EvalCluster], size: int) -> tuple[EvalCluster, ...]:
    """Merge each run of `size` consecutive clusters into one (for scaling measurements).

    A trailing run shorter than `size` is dropped, so every pooled cluster has the same size.
    """
    if size < 1:
        raise ConfigError(f"pool size {size} is not valid; expected a positive number of clusters")
    pooled: list[EvalCluster] = []
    for start in range(0, len(clusters) - size + 1, size):
        group = clusters[start : start + size]
        pooled.append(
            EvalCluster(
                id="+".join(cluster.id for cluster in group),
                articles=tuple(article for cluster in group for article in cluster.articles),
                references=tuple(ref for cluster in group for ref in cluster.references),
            )
        )
    return tuple(pooled)
