"""Dedup stage: wire copies (exact and near-duplicate reprints) folded into one article with several sources."""

from __future__ import annotations

from newsfuse.dedup.minhash import COPY_JACCARD, CopyIndex, Deduplicated, find_copies, fingerprint, fingerprints

__all__ = ["COPY_JACCARD", "CopyIndex", "Deduplicated", "find_copies", "fingerprint", "fingerprints"]
