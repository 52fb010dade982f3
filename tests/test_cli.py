"""The command line end to end: summarize and clean, every format, standard input, exit codes.

Commands run through `newsfuse.cli.main` (what the installed script calls) inside click's
isolation, so errors go through the same one-line handler a user sees.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse import cli
from tests.clean.test_article import MUST_DROP, SOURCES
from tests.conftest import EXAMPLE_DIR, ROOT

JUNK = [line for lines in MUST_DROP.values() for line in lines if "Kim Yong-chol" not in line]


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run(*args: str | Path, stdin: bytes | None = None) -> Run:
    """Run `newsfuse ARGS` in-process as the installed script would, capturing both streams."""
    runner = CliRunner()
    with runner.isolation(input=stdin) as streams:
        argv = sys.argv
        sys.argv = ["newsfuse", *map(str, args)]
        try:
            cli.main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        finally:
            sys.argv = argv
            sys.stdout.flush()  # the summary is written with sys.stdout.write, buffered
            sys.stderr.flush()
        stdout, stderr = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    assert "Traceback" not in stderr
    return Run(code, stdout, stderr)


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text("Trump and Kim to meet again next month\n\nThe White House said the summit is in February.\n")
    return path


def test_cli_exit_codes_documented() -> None:
    doc = cli.__doc__ or ""
    for code, meaning in [(0, "every input read"), (1, "nothing to work on"), (2, "command line"), (3, "skipped")]:
        assert re.search(rf"^\s+{code}\s+.*{meaning}", doc, re.M), (code, meaning)
    assert (cli.EXIT_OK, cli.EXIT_ERROR, cli.EXIT_SKIPPED) == (0, 1, 3)


@pytest.mark.issue(2)
def test_cli_summarize_example_folder() -> None:
    result = run("summarize", EXAMPLE_DIR)
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert "[1][2][3]" in result.stdout
    assert "\nSources\n" in result.stdout
    for number, name in enumerate(sorted(SOURCES), start=1):
        assert re.search(rf"^\[{number}\] .* — {SOURCES[name]} — .*{name}$", result.stdout, re.M)
    for junk in JUNK:
        assert junk not in result.stdout


@pytest.mark.issue(2)
def test_cli_summarize_markdown_within_budget() -> None:
    result = run("summarize", *sorted(EXAMPLE_DIR.iterdir()), "--max-words", "120", "--format", "md")
    assert result.code == 0, result.stderr
    summary_part, sources_part = result.stdout.split("## Sources")
    prose = re.sub(r"\[\\\[\d\\\]\]\(#source-\d\)", "", summary_part.replace("## Summary", ""))
    assert 0 < len(prose.split()) <= 120
    assert "[\\[1\\]](#source-1)[\\[2\\]](#source-2)[\\[3\\]](#source-3)" in summary_part
    assert '3. <a id="source-3"></a>' in sources_part
    for junk in JUNK:
        assert junk not in result.stdout


@pytest.mark.issue(2)
def test_cli_summarize_json_schema_and_citations() -> None:
    result = run("summarize", EXAMPLE_DIR, "--format", "json", "--max-words", "120")
    assert result.code == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["schema"], record["version"]) == ("newsfuse.summary", 1)
    positions = {article["id"]: article["number"] for article in record["articles"]}
    assert [a["number"] for a in record["articles"]] == [1, 2, 3]
    assert len(record["text"].split()) <= record["budget"]["max_words"] == 120
    for sentence in record["sentences"]:
        assert sentence["citations"] == sorted(positions[i] for i in sentence["sources"])
        assert sentence["origin"]["article_id"] in sentence["sources"]
    assert record["problems"] == []


def test_cli_summarize_stdin_cluster_jsonl() -> None:
    documents = [
        {"id": name, "title": None, "date": None, "source": None, "text": (EXAMPLE_DIR / name).read_text()}
        for name in sorted(SOURCES)
    ]
    line = json.dumps({"id": "summit", "documents": documents, "references": [], "meta": {}}) + "\n"
    result = run("summarize", "-", "--format", "json", stdin=line.encode())
    assert result.code == 0, result.stderr
    record = json.loads(result.stdout)
    assert [a["id"] for a in record["articles"]] == sorted(SOURCES)
    assert [a["source"] for a in record["articles"]] == [SOURCES[name] for name in sorted(SOURCES)]
    assert any(s["citations"] == [1, 2, 3] for s in record["sentences"])


def test_cli_summarize_stdin_text() -> None:
    result = run("summarize", "-", stdin=(EXAMPLE_DIR / "sbs.txt").read_bytes())
    assert result.code == 0, result.stderr
    assert "[1] Trump to meet Kim Jong-un in February for second US-North Korea summit — SBS News — <stdin>" in (
        result.stdout
    )


def test_cli_summarize_output_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = run("summarize", EXAMPLE_DIR, "--format", "md", "--output", out)
    assert result.code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("## Summary")


@pytest.mark.issue(2)
def test_cli_clean_show_dropped_lists_each_line_with_reason() -> None:
    result = run("clean", EXAMPLE_DIR / "sbs.txt", "--show-dropped")
    assert result.code == 0
    assert result.stdout.startswith(
        "# Trump to meet Kim Jong-un in February for second US-North Korea summit — SBS News"
    )
    for line, reason in MUST_DROP["sbs.txt"].items():
        assert f"  dropped ({reason.value}): {line}" in result.stdout
    body = result.stdout.split("  dropped")[0]
    assert "North Korea's Kim Yong-chol is one of the country's top negotiators." in body


def test_cli_clean_without_show_dropped_hides_them() -> None:
    result = run("clean", EXAMPLE_DIR / "france24.txt")
    assert result.code == 0
    assert "dropped" not in result.stdout
    assert "(FRANCE 24 with AFP)" not in result.stdout
    assert "Vice Chairman Kim Yong Chol" in result.stdout


@pytest.mark.issue(2)
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file or folder"),
        ("empty.txt", b"", "empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, not text"),
        ("garbled.txt", bytes((i * 73 + 131) % 128 + 128 for i in range(3000)), "undecodable bytes"),
        ("bad.jsonl", b'{"text": "broken\n', "not JSON"),
    ],
)
@pytest.mark.parametrize("command", ["summarize", "clean"])
def test_cli_bad_input_one_line_and_exit_3(
    tmp_path: Path, command: str, name: str, content: bytes | None, reason: str
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = run(command, bad, _good(tmp_path))
    assert result.code == cli.EXIT_SKIPPED
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"newsfuse: skipped {bad}")
    assert reason in line
    assert "The White House said the summit is in February." in result.stdout


def test_cli_empty_folder_and_100mb_file_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as handle:
        handle.write(b"Some text.\n")
        handle.truncate(100 * 1024 * 1024)
    result = run("summarize", empty, huge, _good(tmp_path))
    assert result.code == cli.EXIT_SKIPPED
    assert result.stderr.splitlines() == [
        f"newsfuse: skipped {empty}: folder has no files",
        f"newsfuse: skipped {huge}: file is too large (100 MB; the limit is 20 MB): split it or use JSONL",
    ]


def test_cli_nothing_readable_exit_1_one_line(tmp_path: Path) -> None:
    result = run("summarize", tmp_path / "nope.txt")
    assert result.code == cli.EXIT_ERROR
    assert result.stderr.splitlines() == [
        f"newsfuse: skipped {tmp_path / 'nope.txt'}: no such file or folder",
        "newsfuse: no article could be read from the input (see above)",
    ]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-words", "0"], "newsfuse: max_words must be at least 1, got 0"),
        (["--max-sentences", "-2"], "newsfuse: max_sentences must be at least 1, got -2"),
        (["--format", "xml"], "newsfuse: unknown format 'xml'; expected one of: text, md, json"),
        (["--engine", "gpt"], "newsfuse: unknown summarization engine 'gpt'; expected one of: classic"),
        (["--input-format", "pdf"], "newsfuse: unknown input format 'pdf'; expected one of:"),
    ],
)
def test_cli_bad_option_exit_1_one_line(args: list[str], message: str) -> None:
    result = run("summarize", EXAMPLE_DIR, *args)
    assert result.code == cli.EXIT_ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(message)


def test_cli_usage_error_exit_2() -> None:
    assert run("summarize", EXAMPLE_DIR, "--no-such-option").code == 2
    assert run("summarize").code == 2


@pytest.mark.slow
def test_cli_installed_script_end_to_end(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "newsfuse"
    if not script.exists():
        pytest.skip("newsfuse script not installed in this environment")
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [script, "summarize", "-", missing, "--format", "json"],
        input=(EXAMPLE_DIR / "france24.txt").read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == cli.EXIT_SKIPPED
    assert done.stderr.decode().splitlines() == [f"newsfuse: skipped {missing}: no such file or folder"]
    assert json.loads(done.stdout)["articles"][0]["source"] == "France 24"
    assert ROOT.exists()
