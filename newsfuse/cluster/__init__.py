"""Cluster stage: articles into stories, in one batch or incrementally against a saved state."""

from __future__ import annotations

from newsfuse.cluster.batch import ClusterConfig, cluster_articles, cluster_labels

__all__ = ["ClusterConfig", "cluster_articles", "cluster_labels"]
