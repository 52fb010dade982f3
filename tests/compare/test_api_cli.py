"""newsfuse.compare() and the CLI: `newsfuse compare` and `newsfuse summarize --compare`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app
from newsfuse.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "summit"


def test_api_compare_takes_strings() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.glob("*.txt"))]
    comparison = newsfuse.compare(texts, ner="classic")
    assert len(comparison.articles) == 3
    assert comparison.agreed and comparison.entities and comparison.timeline
    assert comparison.ner == "classic"
    assert "compare" in newsfuse.__all__


def test_api_compare_rejects_unknown_recognizer() -> None:
    with pytest.raises(ConfigError, match="expected one of: auto, spacy, classic"):
        newsfuse.compare(["text"], ner="bert")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_cli_compare_formats(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "--format", fmt, "--ner", "classic", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Ho Chi Minh City" in text
    if fmt == "json":
        assert json.loads(text)["schema"] == "newsfuse.comparison"


def test_cli_summarize_with_compare_allows_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["summarize", str(EXAMPLE), "--compare", "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_summarize_html_needs_compare() -> None:
    result = CliRunner().invoke(app, ["summarize", str(EXAMPLE), "-f", "html"])
    assert result.exit_code != 0
    assert isinstance(result.exception, ConfigError)
