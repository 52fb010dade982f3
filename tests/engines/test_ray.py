"""The Ray engine on a 2-CPU local cluster started by the tests: the local engine's stories, and a killed
worker costs a retry, not an article. Skipped when Ray (the `scale` extra) is not installed."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pytest

from newsfuse.engines import IngestOptions, StageClock, ingest_with
from newsfuse.engines.clock import Measured
from newsfuse.engines.ray import RayMapper, import_ray
from newsfuse.engines.stages import prepare_chunk
from newsfuse.errors import MissingExtra
from newsfuse.ingest import ingest
from newsfuse.model import Article
from newsfuse.store import open_store
from tests.engines.piles import BATCH, TASK, store_contents

T = TypeVar("T")


def test_ray_engine_without_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    with pytest.raises(MissingExtra, match=r"pip install 'newsfuse\[scale\]'"):
        ingest([tmp_path], store=tmp_path / "x.duckdb", options=IngestOptions(engine="ray"))


@pytest.fixture(scope="module")
def ray() -> Iterator[ModuleType]:
    """A 2-CPU local Ray cluster, its session files, HOME and caches under a tmp dir; stopped after the module."""
    ray = pytest.importorskip("ray", reason="Ray is the optional `scale` extra: pip install 'newsfuse[scale]'")
    # a short path: Ray's unix sockets live under it and a socket path has at most 107 bytes
    folder = tempfile.mkdtemp(prefix="nf-ray-")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOME", folder)
        env.setenv("XDG_CACHE_HOME", str(Path(folder) / "cache"))
        env.setenv("RAY_USAGE_STATS_ENABLED", "0")
        ray.init(num_cpus=2, include_dashboard=False, _temp_dir=str(Path(folder) / "r"), log_to_driver=False)
        try:
            yield ray
        finally:
            ray.shutdown()
            shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.issue(10)
def test_ray_engine_gives_the_stories_of_the_local_engine(
    ray: ModuleType, pile: list[Path], local_store: Path, tmp_path: Path
) -> None:
    clock = StageClock()
    options = IngestOptions(batch_size=BATCH, engine="ray", task_articles=TASK)
    report = ingest(pile, store=tmp_path / "ray.duckdb", options=options, clock=clock)
    assert report.read > 300
    assert store_contents(tmp_path / "ray.duckdb") == store_contents(local_store)
    worker_pids = {t.stage: t.workers for t in clock.times()}
    assert worker_pids["clean + featurize"] >= 1
    assert import_ray() is ray


class _KillFirstCleaning:
    """Runs a chunk function; the first cleaning task (clean + featurize) of the run kills its own worker process (SIGKILL)."""

    def __init__(self, function: Callable[[Sequence[Article]], object], marker: str) -> None:
        self.function = function
        self.marker = marker

    def __call__(self, chunk: Sequence[Article]) -> object:
        if self.function is prepare_chunk:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))  # only one task, in any process, wins
            except FileExistsError:
                pass
            else:
                os.kill(os.getpid(), signal.SIGKILL)
        return self.function(chunk)


@pytest.mark.issue(10)
def test_a_killed_worker_costs_a_retry_not_an_article(
    ray: ModuleType, pile: list[Path], local_store: Path, tmp_path: Path
) -> None:
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import the tests package
    marker = str(tmp_path / "killed")
    tasks = RayMapper(ray)

    def killing(function: Callable[[Sequence[Article]], T], chunks: Sequence[Sequence[Article]]) -> list[Measured[T]]:
        return tasks(_KillFirstCleaning(function, marker), chunks)

    options = IngestOptions(batch_size=BATCH, task_articles=TASK)
    ingest_with(killing, pile, store=tmp_path / "ray.duckdb", options=options)
    assert Path(marker).exists()  # a worker did die mid-run
    assert store_contents(tmp_path / "ray.duckdb") == store_contents(local_store)


@pytest.mark.issue(10)
def test_cli_ingest_engine_ray(ray: ModuleType, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsfuse.cli import app
    from tests.conftest import EXAMPLE_DIR

    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLE_DIR), "--db", str(db), "--engine", "ray"])
    assert result.exit_code == 0, result.output
    assert "added 3" in result.output
    with open_store(db, read_only=True) as store:
        assert [info.size for info in store.stories()] == [3]  # the three summit reports: one story


class _Stop(Exception):
    """Stands for the run being killed between two batches."""


@pytest.mark.issue(10)
def test_an_interrupted_ray_ingest_resumes_to_the_same_stories(
    ray: ModuleType, pile: list[Path], local_store: Path, tmp_path: Path
) -> None:
    def stop_after_first_batch(report: object) -> None:
        raise _Stop

    options = IngestOptions(batch_size=BATCH, engine="ray", task_articles=TASK)
    with pytest.raises(_Stop):
        ingest(pile, store=tmp_path / "ray.duckdb", options=options, progress=stop_after_first_batch)
    with open_store(tmp_path / "ray.duckdb", read_only=True) as store:
        assert store.counts()["articles"] + store.counts()["copies"] == BATCH  # stored, waiting for their stories
    again = ingest(pile, store=tmp_path / "ray.duckdb", options=options)
    assert again.known == BATCH  # the committed batch is recognised, not redone
    assert store_contents(tmp_path / "ray.duckdb") == store_contents(local_store)
