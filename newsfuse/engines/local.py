"""The local engine, the default: every chunk in this process, one after the other."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from newsfuse.engines.clock import Measured, measured
from newsfuse.engines.driver import Mapper
from newsfuse.engines.options import IngestOptions
from newsfuse.model import Article

T = TypeVar("T")


def map_in_process(
    function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]
) -> list[Measured[T]]:
    """The local engine's mapper: one chunk after the other, in this process."""
    return [measured(function, chunk) for chunk in chunks]


@contextmanager
def local_engine(options: IngestOptions) -> Iterator[Mapper]:
    """The local engine's mapper (nothing to start or stop)."""
    yield map_in_process
