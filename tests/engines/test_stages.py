from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsfuse.clean import clean_article
from newsfuse.cluster.features import term_counts
from newsfuse.dedup.minhash import fingerprints
from newsfuse.engines import ENGINES, MAPPED_STAGES, STAGES, IngestOptions, StageClock, ingest_with, map_in_process
from newsfuse.engines.options import ENGINE_NAMES
from newsfuse.engines.stages import featurize_chunk, join, prepare_chunk
from newsfuse.errors import ConfigError
from newsfuse.ingest import ingest
from newsfuse.model import Article
from newsfuse.text.sentences import split_sentences
from tests.conftest import EXAMPLE_DIR, EXAMPLE_FILES
from tests.engines.piles import BATCH, FURNISHED_EVENTS, TASK, generated_articles, store_contents, summit_stories


def test_engines_table_snapshot() -> None:
    assert list(ENGINES) == ["local", "ray"]
    assert tuple(ENGINES) == ENGINE_NAMES  # the names IngestOptions accepts


def _articles() -> list[Article]:
    summit = [Article.from_text((EXAMPLE_DIR / name).read_text(), id=name) for name in EXAMPLE_FILES]
    return summit + generated_articles()[:20] + [Article.from_text(".", id="no-sentence")]


def test_featurized_rows_rebuild_what_the_stage_functions_give() -> None:
    articles = _articles()
    features = join([featurize_chunk(articles[:7]), featurize_chunk(articles[7:])])
    rows = [22, 0, 5, 5, 13]
    picked = features.rows(rows)
    assert len(picked) == len(rows)
    expected_prints = fingerprints([articles[row] for row in rows])
    expected_counts = term_counts([articles[row] for row in rows]).toarray()
    assert np.array_equal(picked.counts.toarray(), expected_counts)
    for index, row in enumerate(rows):
        assert picked.fingerprint(index) == expected_prints[index]
        assert picked.sentences(index, articles[row]) == split_sentences(articles[row].text, articles[row].id)
    assert len(features.rows([])) == 0
    assert len(join([])) == 0


def test_prepare_chunk_sends_back_only_the_articles_the_line_rules_changed() -> None:
    articles = _articles()
    prepared = prepare_chunk(articles)
    assert prepared.cleaned(articles) == [clean_article(article).article for article in articles]
    assert any(after is None for after in prepared.changed)  # unchanged articles do not travel back


@pytest.mark.issue(10)
def test_chunks_cut_anywhere_give_the_store_of_one_chunk_a_batch(
    pile: list[Path], local_store: Path, tmp_path: Path
) -> None:
    clock = StageClock()
    options = IngestOptions(batch_size=BATCH, task_articles=TASK)
    report = ingest_with(map_in_process, pile, store=tmp_path / "staged.duckdb", options=options, clock=clock)
    assert report.read > 300
    assert store_contents(tmp_path / "staged.duckdb") == store_contents(local_store)
    assert len(summit_stories(tmp_path / "staged.duckdb")) == 1
    times = {t.stage: t for t in clock.times()}
    assert set(times) == set(STAGES)
    assert times["read"].articles == report.read
    assert all(times[stage].workers == 1 for stage in MAPPED_STAGES)
    assert times["featurize again"].articles == 3 * FURNISHED_EVENTS  # only the articles the corpus rule changed


def test_ingest_options_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown engine 'spark'; expected one of: local, ray"):
        IngestOptions(engine="spark")
    with pytest.raises(ConfigError, match="only the ray engine"):
        IngestOptions(address="ray://head:10001")
    with pytest.raises(ConfigError, match="task size 0"):
        IngestOptions(task_articles=0)
    with pytest.raises(ConfigError, match="batch size 0"):
        IngestOptions(batch_size=0)
    with pytest.raises(ConfigError, match="ray workers 0"):
        IngestOptions(engine="ray", workers=0)
    with pytest.raises(ConfigError, match="a cluster's size is its own"):
        IngestOptions(engine="ray", address="ray://head:10001", workers=2)


def test_ingest_runs_the_engine_of_its_options(pile: list[Path], local_store: Path, tmp_path: Path) -> None:
    ingest(pile, store=tmp_path / "again.duckdb", options=IngestOptions(batch_size=BATCH, engine="local"))
    assert store_contents(tmp_path / "again.duckdb") == store_contents(local_store)


def test_cli_ingest_unknown_engine_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsfuse.cli import app

    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--engine", "spark"])
    assert isinstance(result.exception, ConfigError)
    assert "expected one of: local, ray" in str(result.exception)
