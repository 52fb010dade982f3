"""A progress bar on standard error for long evaluations (rich)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from newsfuse.eval.run import Progress as EvalProgress


@contextmanager
def rich_progress() -> Iterator[Callable[[EvalProgress], None]]:
    """Yield a callback that draws one bar per system and pass."""
    bars = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )  # fmt: skip
    tasks: dict[tuple[str, str], TaskID] = {}

    def update(event: EvalProgress) -> None:
        key = (event.system, event.phase)
        if key not in tasks:
            tasks[key] = bars.add_task(f"{event.system} ({event.phase})", total=event.total)
        bars.update(tasks[key], completed=event.done)

    with bars:
        yield update
