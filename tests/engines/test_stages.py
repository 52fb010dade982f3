from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.engines import ENGINES, StageClock, run_ingest
from newsfuse.engines.stages import MAPPED_STAGES, STAGES, ingest_with, map_in_process
from newsfuse.errors import ConfigError
from tests.engines.piles import BATCH, FURNISHED_EVENTS, TASK, store_contents, summit_stories


def test_engines_table_snapshot() -> None:
    assert list(ENGINES) == ["local", "ray"]


@pytest.mark.issue(10)
def test_stage_loop_gives_the_store_of_ingest(pile: list[Path], local_store: Path, tmp_path: Path) -> None:
    clock = StageClock()
    report = ingest_with(
        map_in_process, pile, store=tmp_path / "staged.duckdb", batch_size=BATCH, task_articles=TASK, clock=clock
    )
    assert report.read > 300
    assert store_contents(tmp_path / "staged.duckdb") == store_contents(local_store)
    assert len(summit_stories(tmp_path / "staged.duckdb")) == 1
    times = {t.stage: t for t in clock.times()}
    assert set(times) == set(STAGES)
    assert times["read"].articles == report.read
    assert all(times[stage].workers == 1 for stage in MAPPED_STAGES)
    assert times["featurize again"].articles == 3 * FURNISHED_EVENTS  # only the articles the corpus rule changed


def test_run_ingest_names_the_engines_and_their_options(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown engine 'spark'; expected one of: local, ray"):
        run_ingest([tmp_path], store=tmp_path / "x.duckdb", engine="spark")
    with pytest.raises(ConfigError, match="only the ray engine"):
        run_ingest([tmp_path], store=tmp_path / "x.duckdb", address="ray://head:10001")


def test_stage_loop_checks_the_task_size(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="task size 0"):
        ingest_with(map_in_process, [tmp_path], store=tmp_path / "x.duckdb", task_articles=0)


def test_cli_ingest_unknown_engine_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsfuse.cli import app

    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--engine", "spark"])
    assert isinstance(result.exception, ConfigError)
    assert "expected one of: local, ray" in str(result.exception)
