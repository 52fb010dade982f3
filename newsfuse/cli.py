"""The command line: a thin shell over the library (parse, one library call, render).

Exit codes:
    0  done, every input read
    1  nothing to work on, or a bad option (one line on standard error says why)
    2  the command line itself is wrong (unknown option, missing argument)
    3  done, but some inputs were skipped (each named on standard error)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsfuse.clean import clean_articles
from newsfuse.compare.config import compare_config
from newsfuse.config import DEFAULT_MAX_WORDS, SummaryConfig
from newsfuse.errors import ConfigError, InputError, NewsfuseError
from newsfuse.model import Problem
from newsfuse.pipeline import compare_pipeline, summarize_pipeline
from newsfuse.read import READERS, ReadReport, read_all
from newsfuse.render import RENDERERS
from newsfuse.render.comparison import COMPARISON_RENDERERS

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_SKIPPED = 3

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Many news reports in, stories a reader can trust out."
)

Inputs = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")]
InputFormat = Annotated[
    str | None,
    typer.Option(
        "--input-format", help=f"Read every input as: {', '.join(READERS)} (default: by extension and content)."
    ),
]
OutputFormat = Annotated[str, typer.Option("--format", "-f", help=f"Output format: {', '.join(RENDERERS)}.")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")]


def _read(inputs: list[str], fmt: str | None) -> ReadReport:
    """Read the inputs, naming every skipped one on standard error; fail when nothing is left."""
    report = read_all(inputs, fmt=fmt)
    for problem in report.problems:
        typer.echo(f"newsfuse: skipped {problem}", err=True)
    if not report.articles:
        raise InputError("no article could be read from the input" + (" (see above)" if report.problems else ""))
    return report


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _done(problems: tuple[Problem, ...]) -> None:
    raise typer.Exit(EXIT_SKIPPED if problems else EXIT_OK)


@app.command("summarize")
def summarize_cli(
    inputs: Inputs,
    max_words: Annotated[
        int | None, typer.Option("--max-words", "-w", help="Most words in the summary.")
    ] = DEFAULT_MAX_WORDS,
    max_sentences: Annotated[
        int | None, typer.Option("--max-sentences", "-s", help="Most sentences in the summary.")
    ] = None,
    engine: Annotated[str, typer.Option(help="Summarization engine.")] = "classic",
    fmt: OutputFormat = "text",
    input_format: InputFormat = None,
    output: Output = None,
    compare: Annotated[bool, typer.Option("--compare", help="Add the comparison (also allows --format html).")] = False,
    stories: Annotated[
        bool, typer.Option("--stories", help="Group the articles into stories first; one summary a story.")
    ] = False,
) -> None:
    """Summarize articles about one event, every sentence citing the articles that report it."""
    if fmt not in (COMPARISON_RENDERERS if compare else RENDERERS):
        raise ConfigError(f"unknown format {fmt!r}; expected one of: {', '.join(RENDERERS)} (html with --compare)")
    config = SummaryConfig(max_words=max_words, max_sentences=max_sentences, engine=engine)
    report = _read(inputs, input_format)
    if compare:
        _emit(_compare(report, fmt, "auto", max_words, engine), output)
        _done(report.problems)
    if stories:
        _emit(_story_summaries(report, config, fmt), output)
        _done(report.problems)
    _emit(RENDERERS[fmt](summarize_pipeline(report.articles, config), report.problems), output)
    _done(report.problems)


@app.command("clean")
def clean_cli(
    inputs: Inputs,
    show_dropped: Annotated[bool, typer.Option("--show-dropped", help="List every dropped line and why.")] = False,
    input_format: InputFormat = None,
) -> None:
    """Print the cleaned text of each article (and, with --show-dropped, what went and why)."""
    report = _read(inputs, input_format)
    for cleaned in clean_articles(report.articles):
        article = cleaned.article
        typer.echo(
            f"# {article.title or '(untitled)'}"
            + (f" — {article.source}" if article.source else "")
            + f" [{article.path or article.id}]"
        )
        typer.echo(article.text + "\n")
        if show_dropped:
            for dropped in cleaned.dropped:
                typer.echo(f"  dropped ({dropped.reason.value}): {dropped.line}")
            typer.echo("")
    _done(report.problems)


@app.command("eval")
def eval_cli(
    data: Annotated[Path, typer.Argument(help="Clusters with reference summaries, one JSON object a line.")],
    budget: Annotated[
        str, typer.Option(help="Words per summary: a number, or 'ref' for the mean reference length.")
    ] = "ref",
    systems: Annotated[
        str, typer.Option(help="Comma-separated systems: newsfuse, lead, lexrank, textrank, lsa, sumbasic, oracle, ...")
    ] = "newsfuse,lead",
    limit: Annotated[int | None, typer.Option(help="Only the first N clusters.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the report as JSON to this file.")] = None,
) -> None:
    """Score systems against human references: ROUGE-1/2/Lsum F1, clusters per second, peak memory."""
    from newsfuse.eval import evaluate_file, parse_budget, parse_systems, render_markdown, report_to_json
    from newsfuse.eval.progress import rich_progress

    with rich_progress() as progress:
        report = evaluate_file(
            data, budget=parse_budget(budget), systems=parse_systems(systems), limit=limit, progress=progress
        )
    typer.echo(render_markdown(report))
    if json_out is not None:
        json_out.write_text(report_to_json(report), encoding="utf-8")


def _story_summaries(report: ReadReport, config: SummaryConfig, fmt: str) -> str:
    from newsfuse.ingest import summarize_stories
    from newsfuse.render.stories import render_story_summaries_json

    summaries = summarize_stories(report.articles, config)
    if fmt == "json":
        return render_story_summaries_json(summaries)
    return "\n".join(
        f"== story {story_id} ({len(s.articles)} articles)\n{RENDERERS[fmt](s, ())}" for story_id, s in summaries
    )


def _compare(report: ReadReport, fmt: str, ner: str, max_words: int | None, engine: str = "classic") -> str:
    if fmt not in COMPARISON_RENDERERS:
        raise ConfigError(f"unknown format {fmt!r}; expected one of: {', '.join(COMPARISON_RENDERERS)}")
    comparison = compare_pipeline(report.articles, compare_config(ner=ner, max_words=max_words, engine=engine))
    return COMPARISON_RENDERERS[fmt](comparison, report.problems)


@app.command("compare")
def compare_cli(
    inputs: Inputs,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(COMPARISON_RENDERERS)}.")
    ] = "text",
    ner: Annotated[str, typer.Option(help="Entity recognizer: auto (spaCy when installed), spacy, classic.")] = "auto",
    input_format: InputFormat = None,
    output: Output = None,
) -> None:
    """Compare reports of one event: agreed, unique to one source, contested, entities, timeline."""
    report = _read(inputs, input_format)
    _emit(_compare(report, fmt, ner, DEFAULT_MAX_WORDS), output)
    _done(report.problems)


Db = Annotated[Path | None, typer.Option("--db", help="The store (default: news.duckdb in the user's data directory).")]


@app.command("ingest")
def ingest_cli(
    inputs: Inputs,
    db: Db = None,
    input_format: InputFormat = None,
    engine: Annotated[
        str, typer.Option(help="Who runs the stages: local (this process) or ray (needs the scale extra).")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="With --engine ray: the cluster to join (auto, ray://head:10001); default a local one."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="With --engine ray and no --address: CPUs of the local cluster.")
    ] = None,
) -> None:
    """Add articles to the store: clean, fold wire copies, join or start stories (run again: nothing changes)."""
    from newsfuse.ingest import IngestOptions, ingest

    options = IngestOptions(fmt=input_format, engine=engine, address=address, workers=workers)
    with Console(stderr=True).status("ingesting...") as status:
        report = ingest(inputs, store=db, options=options, progress=lambda r: status.update(f"ingesting: {r}"))
    for problem in report.skipped:
        typer.echo(f"newsfuse: skipped {problem}", err=True)
    typer.echo(f"newsfuse: {report}", err=True)
    _done(report.skipped)


@app.command("stories")
def stories_cli(
    db: Db = None,
    limit: Annotated[int | None, typer.Option(help="Only the N biggest stories.")] = 50,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: text, json.")] = "text",
) -> None:
    """List the stories of the store, biggest and newest first: size, outlets, dates, headline."""
    from newsfuse.render.stories import render_story_list, render_story_list_json
    from newsfuse.store import open_store

    with open_store(db, read_only=True) as store:
        listing = store.stories(limit=limit)
        waiting = store.waiting_count()
    typer.echo((render_story_list_json if fmt == "json" else render_story_list)(listing), nl=False)
    if waiting:
        typer.echo(
            f"newsfuse: {waiting} stored articles wait for their stories (an ingest stopped before linking them): "
            "run `newsfuse ingest` on the same inputs again to link them",
            err=True,
        )


@app.command("show")
def show_cli(
    story_id: Annotated[str, typer.Argument(help="A story id, as `newsfuse stories` lists them.")],
    db: Db = None,
    compare: Annotated[bool, typer.Option("--compare", help="Show the comparison of its sources too.")] = False,
    fmt: OutputFormat = "text",
    output: Output = None,
) -> None:
    """Show one story: its cited summary (and, with --compare, what its sources agree and differ on)."""
    from newsfuse.ingest import story_summary
    from newsfuse.store import open_store
    from newsfuse.store.comparisons import story_comparison

    with open_store(db) as store:
        if compare:
            config = compare_config(ner="auto", max_words=DEFAULT_MAX_WORDS)
            story = store.story(story_id)
            comparison = story_comparison(story, config, load=store.comparison, save=store.save_comparison)
            _emit(COMPARISON_RENDERERS[fmt](comparison, ()), output)
            return
        _emit(RENDERERS[fmt](story_summary(store, story_id), ()), output)


@app.command("serve")
def serve_cli(
    db: Annotated[Path | None, typer.Option("--db", help="The store (default: in the user's data directory).")] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than 127.0.0.1 exposes the store.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    warm: Annotated[
        bool,
        typer.Option(
            help="Compare the stories in the background (newest first) and keep the comparisons in the store, "
            "so story pages open at once; --no-warm: compare a story when it is first read."
        ),
    ] = True,
) -> None:
    """Read the stories of a store in a browser, with a JSON API beside every page (needs the web extra)."""
    from newsfuse.store import default_store_path
    from newsfuse.web import WebConfig, serve

    typer.echo(f"newsfuse: serving {db or default_store_path()} on http://{host}:{port} (Ctrl-C stops)", err=True)
    serve(WebConfig(db=db or default_store_path(), warm=warm), host=host, port=port)


def main() -> None:
    """Run the CLI, turning newsfuse's errors into one line on standard error and exit code 1."""
    try:
        app()
    except NewsfuseError as error:
        typer.echo(f"newsfuse: {error}", err=True)
        sys.exit(EXIT_ERROR)
