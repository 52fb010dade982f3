"""Wire copies: exact and near-duplicate articles found with MinHash LSH (datasketch), kept as one.

An article's fingerprint is the MinHash of its 5-word shingles (Broder 1997). Words come from the one
tokenizer (lower-cased, punctuation dropped), so a copy with other quotes or casing is still a copy.
Shingles are hashed once with numpy (a rolling product of per-word CRC32 values) and handed to
datasketch as integers, which is ~4x faster than its per-shingle SHA-1 and as stable across processes.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsfuse.errors import ConfigError
from newsfuse.model import Article, CopyGroup
from newsfuse.text.tokens import words

# 128 permutations: the Jaccard estimate's standard error is ~0.03 at 0.8, enough to tell a reprint
# (~0.98 for an edited wire copy, RECIPES.md) from another article on the same event (~0.01-0.2).
NUM_PERM = 128
# 5-word shingles: long enough that two reports of one event share few by chance, short enough that a
# changed word breaks only five of them (RECIPES.md).
SHINGLE_WORDS = 5
# Estimated Jaccard at or above which two texts are one text: a reprint with a new headline, a changed
# tail or a correction still scores well above it. Not tuned on a benchmark: set from RECIPES.md's figures.
COPY_JACCARD = 0.8

_SCHEME = "affine32"  # datasketch 2.x default, named so stored fingerprints state their scheme
_SEED = 1  # datasketch's permutation seed: fixed, so fingerprints compare across runs and processes
_MASK32 = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x9E3779B1)  # an odd 32-bit constant (golden ratio) for the rolling shingle hash


def _word_hashes(tokens: list[str], cache: dict[str, int]) -> npt.NDArray[np.uint64]:
    found = [cache.get(token, -1) for token in tokens]
    if -1 in found:
        for position, token in enumerate(tokens):
            if found[position] == -1:
                found[position] = cache.setdefault(token, zlib.crc32(token.encode()))
    return np.array(found, dtype=np.uint64)


def shingle_hashes(text: str, cache: dict[str, int] | None = None) -> npt.NDArray[np.uint64]:
    """Return the 32-bit hashes of the text's 5-word shingles (one for a shorter text, none for no words).

    `cache` (word -> CRC32) may be shared across the texts of a batch: each distinct word is hashed once.
    """
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    word_hashes = _word_hashes(tokens, {} if cache is None else cache)
    width = min(SHINGLE_WORDS, len(tokens))
    combined = np.zeros(len(tokens) - width + 1, dtype=np.uint64)
    for offset in range(width):
        combined = ((combined * _MIX) & _MASK32) ^ word_hashes[offset : offset + len(combined)]
    return np.unique(combined)


def _identity(value: int) -> int:
    return value


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    # drawing them is most of the cost of a MinHash: draw once (a pure function of the seed), share read-only
    a, b = MinHash(num_perm=NUM_PERM, seed=_SEED).permutations
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def fingerprint(text: str, cache: dict[str, int] | None = None) -> LeanMinHash:
    """Return the MinHash fingerprint of a text (pure: the same text gives the same fingerprint anywhere)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_identity, permutations=_permutations(), scheme=_SCHEME)
    hashes = shingle_hashes(text, cache)
    if len(hashes):
        minhash.update_batch(hashes.tolist())
    return LeanMinHash(minhash)


def fingerprint_from_values(hashvalues: npt.NDArray[np.uint64]) -> LeanMinHash:
    """Rebuild a fingerprint from its stored hash values."""
    return LeanMinHash(seed=_SEED, hashvalues=hashvalues, scheme=_SCHEME)


def fingerprints(articles: Sequence[Article]) -> list[LeanMinHash]:
    """Return the fingerprint of each article of a batch (title left out: a reprint often changes it)."""
    cache: dict[str, int] = {}
    return [fingerprint(article.text, cache) for article in articles]


@dataclass(frozen=True, slots=True)
class Deduplicated:
    """A batch after copy detection: the articles kept (input order) and each group of copies."""

    kept: tuple[Article, ...]
    groups: tuple[CopyGroup, ...]

    @property
    def copy_count(self) -> int:
        return sum(len(group.copies) for group in self.groups)


def _canonical(article: Article) -> tuple[int, str]:
    # the earliest dated report is the original; undated ones after it; ties by id, so any order gives the same
    return (article.published.toordinal() if article.published else 10**7, article.id)


class CopyIndex:
    """Fingerprints of the articles kept so far: new articles are matched against them, then added.

    This is explicit state (no module-level cache): build one per corpus, save its fingerprints with
    `entries()`, and rebuild it later with `CopyIndex(threshold, entries)`.
    """

    def __init__(self, *, threshold: float = COPY_JACCARD, entries: Iterable[tuple[str, LeanMinHash]] = ()) -> None:
        if not 0.0 < threshold < 1.0:
            raise ConfigError(f"copy threshold {threshold}: expected an estimated Jaccard in (0, 1)")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._fingerprints: dict[str, LeanMinHash] = {}
        for key, minhash in entries:
            self._insert(key, minhash)

    def __len__(self) -> int:
        return len(self._fingerprints)

    def _insert(self, key: str, minhash: LeanMinHash) -> None:
        if key not in self._fingerprints:
            self._lsh.insert(key, minhash)
            self._fingerprints[key] = minhash

    def entries(self) -> list[tuple[str, LeanMinHash]]:
        """Every (kept article id, fingerprint) in the index."""
        return list(self._fingerprints.items())

    def match(self, minhash: LeanMinHash) -> tuple[str, float] | None:
        """Return the indexed article this fingerprint copies (best estimate) and the estimate, if any."""
        best: tuple[str, float] | None = None
        for key in sorted(self._lsh.query(minhash)):
            estimate = float(minhash.jaccard(self._fingerprints[key]))
            if estimate >= self.threshold and (best is None or estimate > best[1]):
                best = (key, estimate)
        return best

    def add(
        self, articles: Sequence[Article], prints: Sequence[LeanMinHash] | None = None
    ) -> tuple[Deduplicated, dict[str, str]]:
        """Fold the copies among `articles` (and of articles indexed before) into one article each.

        Returns the batch's kept articles and copy groups, and for every copy the id of the article it copies
        (which may be an article of an earlier batch).
        """
        prints = list(prints) if prints is not None else fingerprints(articles)
        by_id = {article.id: article for article in articles}
        original: dict[str, str] = {}
        estimates: dict[str, float] = {}
        order = sorted(range(len(articles)), key=lambda i: _canonical(articles[i]))
        for i in order:
            article = articles[i]
            if article.id in original or article.id in self._fingerprints:
                continue  # the same article twice in a batch, or seen before: not a copy of itself
            found = self.match(prints[i])
            if found is None:
                self._insert(article.id, prints[i])
            else:
                original[article.id], estimates[article.id] = found
        members: dict[str, list[Article]] = {}
        for copy_id, kept_id in original.items():
            members.setdefault(kept_id, []).append(by_id[copy_id])
        groups = tuple(
            CopyGroup(by_id[kept_id], tuple(copies), min(estimates[c.id] for c in copies))
            for kept_id, copies in members.items()
            if kept_id in by_id
        )
        seen: set[str] = set()
        kept: list[Article] = []
        for article in articles:
            if article.id not in original and article.id not in seen:
                seen.add(article.id)
                kept.append(article)
        return Deduplicated(tuple(kept), groups), original


def find_copies(articles: Sequence[Article], *, threshold: float = COPY_JACCARD) -> Deduplicated:
    """Fold exact and near-duplicate copies in a batch into one article each (order of input kept)."""
    deduplicated, _ = CopyIndex(threshold=threshold).add(articles)
    return deduplicated
