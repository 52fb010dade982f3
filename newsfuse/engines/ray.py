"""The Ray engine: the per-article stages of ingest as Ray tasks over chunks, everything stateful on the driver.

Reading, the corpus-level cleaning of a batch, copy detection against the index, clustering over the
candidate graph and the store's transactions stay in the driver process, in the order of the local
engine (driver.py); line cleaning, fingerprints, term counts and sentence splitting run as one Ray task
a chunk (stages.py). A task whose worker dies is run again by Ray (`TASK_RETRIES`), and the chunk
functions are pure, so a lost worker costs a retry, never an article. A run interrupted as a whole
resumes from the store's committed batches, as the local engine does.

Ray is an optional extra (`pip install 'newsfuse[scale]'`): it is imported only when the engine runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import TypeVar

from newsfuse.engines.clock import Measured, measured
from newsfuse.engines.driver import Mapper
from newsfuse.engines.options import IngestOptions
from newsfuse.engines.stages import prepare_chunk
from newsfuse.errors import MissingExtra
from newsfuse.model import Article

# How often Ray runs a task again after its worker process died (Ray's own default for tasks is 3).
TASK_RETRIES = 3

# A worker's first task imports newsfuse and loads the sentence model (~2-3 s here): one tiny task a CPU
# at start does that while the driver opens the store and reads its first batch.
_WARM_UP = (Article.from_text("Workers start here. They import the stages once.", id="warm-up"),)

T = TypeVar("T")


def import_ray() -> ModuleType:
    """Return the `ray` module, or raise MissingExtra naming the extra to install."""
    try:
        import ray
    except ImportError as error:
        raise MissingExtra("the ray engine needs Ray: pip install 'newsfuse[scale]'") from error
    return ray


class RayMapper:
    """Run a chunk function as one Ray task a chunk; results in chunk order (ray must be initialised)."""

    def __init__(self, ray: ModuleType) -> None:
        self._ray = ray
        self._remote = ray.remote(max_retries=TASK_RETRIES, retry_exceptions=False)(measured)
        cpus = int(ray.available_resources().get("CPU", 1))
        self._warming = [self._remote.remote(prepare_chunk, _WARM_UP) for _ in range(cpus)]

    def __call__(
        self, function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]
    ) -> list[Measured[T]]:
        refs = [self._remote.remote(function, list(chunk)) for chunk in chunks]
        done: dict[object, Measured[T]] = {}
        pending = list(refs)
        while pending:
            # take each result as its task ends: unpickling it overlaps the tasks still running
            ready, pending = self._ray.wait(pending, num_returns=1)
            done[ready[0]] = self._ray.get(ready[0])
        return [done[ref] for ref in refs]


@contextmanager
def ray_engine(options: IngestOptions) -> Iterator[Mapper]:
    """Connect to Ray (a local cluster of `options.workers` CPUs unless `options.address` or already connected).

    A cluster started here is stopped on the way out.

    Raises:
        MissingExtra: Ray is not installed.
    """
    ray = import_ray()
    started = not ray.is_initialized()
    if started:
        local = options.address is None
        ray.init(
            address=options.address,
            num_cpus=options.workers if local else None,
            include_dashboard=False if local else None,
            log_to_driver=False,
            configure_logging=False,
        )
    try:
        yield RayMapper(ray)
    finally:
        if started:
            ray.shutdown()
