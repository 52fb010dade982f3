"""How an ingest runs: one frozen `IngestOptions` shared by `newsfuse.ingest.ingest`, every engine and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsfuse.cluster.batch import ClusterConfig
from newsfuse.errors import ConfigError
from newsfuse.model import IngestReport

# Articles a transaction: big enough that the per-batch overhead stays small, small enough that an
# interruption loses little and memory stays flat. Set on multinews-train-pool for speed, not quality.
BATCH_SIZE = 20_000

# Articles linked into stories at once: an ingest stores its articles batch by batch and links them once it has
# read them all, or whenever it has read LINK_ARTICLES since the last link. Linking a pile batch by batch ties an article to its best match
# among the articles read so far, and a stored story keeps its members: on the 124,609-article multinews-train-pool
# (a shuffled pile, a sixth of every story in each 20,000-article batch) that cost B3 F1 0.673 against 0.699 for
# the whole pile clustered at once. Linking holds every waiting article's term counts and the candidate graph in
# memory (the whole-pool ingest peaks at 2.3 GB, benchmarks/results/clustering.md): this bounds it for bigger runs.
LINK_ARTICLES = 250_000

# Articles a mapped task: big enough that a task's overhead (scheduling, sending ~1 MB of text) is small
# beside its work (~1.5 s on this machine), small enough that a 20,000-article batch makes 20 tasks, which
# keep every worker busy to the end of the batch. Not tuned beyond that.
TASK_ARTICLES = 1000

# The names of `newsfuse.engines.ENGINES` (a snapshot test keeps the two equal).
ENGINE_NAMES = ("local", "ray")

Progress = Callable[[IngestReport], None]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """What an ingest does and where it runs, checked when built.

    Args:
        fmt: force an input format (a name of `newsfuse.read.READERS`); None guesses per file.
        batch_size: articles a transaction.
        link_articles: articles read between two links into stories (see LINK_ARTICLES); at `batch_size` or
            less each batch is linked as it is stored (stories show up sooner; on a shuffled pile they are worse).
        config: clustering options for a new store (a store keeps the options it was built with).
        engine: who runs the per-article stages: "local" (this process) or "ray" (the `scale` extra).
        address: with "ray", the cluster to join ("auto", "ray://head:10001"); None starts a local one.
        workers: with "ray" and no address, the CPUs of the local cluster (None: every core).
        task_articles: articles a mapped task (chunk).

    Example:
        >>> IngestOptions(engine="ray", workers=2).batch_size
        20000
    """

    fmt: str | None = None
    batch_size: int = BATCH_SIZE
    link_articles: int = LINK_ARTICLES
    config: ClusterConfig | None = None
    engine: str = "local"
    address: str | None = None
    workers: int | None = None
    task_articles: int = TASK_ARTICLES

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.task_articles < 1 or self.link_articles < 1:
            raise ConfigError(
                f"ingest batch size {self.batch_size}, task size {self.task_articles}, link size {self.link_articles}: "
                "expected at least 1 article each"
            )
        if self.engine not in ENGINE_NAMES:
            raise ConfigError(f"unknown engine {self.engine!r}; expected one of: {', '.join(ENGINE_NAMES)}")
        if self.engine != "ray" and (self.address is not None or self.workers is not None):
            raise ConfigError(
                f"address={self.address!r}, workers={self.workers}: only the ray engine takes them (--engine ray)"
            )
        if self.workers is not None and self.workers < 1:
            raise ConfigError(f"ray workers {self.workers}: expected at least 1 (or None for every core)")
        if self.address is not None and self.workers is not None:
            raise ConfigError(f"ray address {self.address!r} with workers={self.workers}: a cluster's size is its own")
