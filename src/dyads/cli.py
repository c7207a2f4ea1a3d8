"""Command line: thin shells over the library. Each command parses its arguments,
calls one library function and prints what it returns."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyads.errors import DyadsError, UsageError
from dyads.settings import Settings, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="dyads: political event data from news text.")
err = Console(stderr=True)
out = Console()

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="Settings file overriding settings.cfg.")]
ActorsOption = Annotated[list[Path] | None, typer.Option("--actors", help="YAML file adding to the actor dictionary.")]
DictionaryOption = Annotated[list[str] | None, typer.Option(
    "--dictionary", help="PETRARCH/TABARI dictionary added to the built-in knowledge (repeatable): PATH, the kind "
                         "from the name (*actors*, *agents*, *discards*, *issue*, else verbs), or KIND:PATH.")]
OnlyDictionariesOption = Annotated[bool | None, typer.Option(
    "--only-dictionaries", help="Code with the --dictionary (and --actors) files alone, without built-in knowledge.")]


def _settings(config: Path | None, **changes: object) -> Settings:
    return load_settings(config).replace(**changes)


def _dictionary_settings(config: Path | None, dictionaries: list[str] | None, only: bool | None,
                         **changes: object) -> Settings:
    """Settings with the user's dictionaries; each is read once here so that bad lines are reported up front."""
    from dyads.dictionaries import summarize

    settings = _settings(config, dictionaries=tuple(dictionaries) if dictionaries else None,
                         only_dictionaries=only or None, **changes)
    summary = summarize(settings.dictionaries)
    for report in summary.reports:
        if report.skipped.get("file"):
            _fail(UsageError(f"cannot read dictionary {report.path}: {report.problems[0].message}"))
        if report.skipped_lines:
            example = next(p for p in report.problems if p.skipped)
            err.print(f"warning: {report.skipped_lines} line(s) of {report.path} could not be read and were "
                      f"skipped, e.g. {example}; `dyads dictionaries summary {report.path}` lists them",
                      markup=False, highlight=False, soft_wrap=True)
    return settings


def _fail(error: DyadsError) -> None:
    err.print(f"[red]error:[/red] {error}", markup=True, highlight=False)
    raise typer.Exit(error.exit_code)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")],
    db: DbOption = Path("dyads.duckdb"),
    max_bytes: Annotated[int | None, typer.Option(help="Reject files larger than this.")] = None,
    processes: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch and transaction.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")] = None,
    actors: ActorsOption = None,
    dictionary: DictionaryOption = None,
    only_dictionaries: OnlyDictionariesOption = None,
    config: ConfigOption = None,
) -> None:
    """Read articles into the store and code them.

    Example: dyads run examples/ --db dyads.duckdb
    """
    from dyads.run import run as run_corpus
    from dyads.store import Store

    settings = _dictionary_settings(config, dictionary, only_dictionaries, max_bytes=max_bytes, processes=processes,
                                    batch_size=batch_size, spacy_model=model,
                                    actor_files=tuple(actors) if actors else None)
    started = time.perf_counter()
    try:
        with Store(db) as store, _progress() as progress:
            task = progress.add_task("reading", total=None, docs=0, words=0, rate=0.0, rejects=0)

            def update(summary) -> None:
                elapsed = max(time.perf_counter() - started, 1e-6)
                progress.update(task, docs=summary.stored + summary.duplicates + summary.already_stored,
                                words=summary.words, rate=summary.words / elapsed, rejects=summary.rejects)

            summary = run_corpus(paths, store, settings, update)
            totals = store.stats()
    except DyadsError as error:
        _fail(error)
    _print_summary(summary, totals, time.perf_counter() - started, db)
    raise typer.Exit(summary.exit_code())


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"),
                    TextColumn("{task.fields[docs]} docs"), TextColumn("{task.fields[words]:,} words"),
                    TextColumn("{task.fields[rate]:,.0f} words/s"), TextColumn("{task.fields[rejects]} rejected"),
                    TimeElapsedColumn(), console=err, transient=True)


def _print_summary(summary, totals: dict, seconds: float, db: Path) -> None:
    table = Table(title=f"dyads run → {db}", show_header=True)
    table.add_column("")
    table.add_column("this run", justify="right")
    table.add_column("in store", justify="right")
    table.add_row("documents read", str(summary.read), "")
    table.add_row("stored", str(summary.stored), str(totals["documents"]))
    table.add_row("exact duplicates (source recorded)", str(summary.duplicates), "")
    table.add_row("sources recorded", "", str(totals["sources"]))
    table.add_row("near duplicates (marked)", str(summary.near_duplicates), str(totals["near_duplicates"]))
    table.add_row("already stored", str(summary.already_stored), "")
    table.add_row("words", f"{summary.words:,}", f"{totals['words']:,}")
    table.add_row("events", str(summary.events), str(totals["events"]))
    table.add_row("goals", str(summary.goals), str(totals["goals"]))
    table.add_row("skipped", str(summary.rejects), str(totals["rejects"]))
    for reason, count in sorted(summary.rejected.items()):
        table.add_row(f"  skipped: {reason}", str(count), "")
    out.print(table)
    for reject in summary.reject_samples[:20]:
        err.print(f"skipped {reject.origin}: {reject.reason} - {reject.detail}", markup=False, highlight=False)
    out.print(f"{seconds:.1f} s", highlight=False)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Write JSON lines here instead of stdout.")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject files larger than this.")] = None,
    processes: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")] = None,
    actors: ActorsOption = None,
    dictionary: DictionaryOption = None,
    only_dictionaries: OnlyDictionariesOption = None,
    config: ConfigOption = None,
) -> None:
    """Code articles without a store: JSON lines (document, mention, event, goal, actor_tone).

    Example: dyads extract article.txt --out records.jsonl
    """
    from dyads.records import Reject
    from dyads.run import RunSummary
    from dyads.run import extract as extract_results
    from dyads.serialize import result_records

    settings = _dictionary_settings(config, dictionary, only_dictionaries, max_bytes=max_bytes, processes=processes,
                                    spacy_model=model, actor_files=tuple(actors) if actors else None)
    rejects: list[Reject] = []
    summary = RunSummary()
    sink = open(out_file, "w", encoding="utf-8") if out_file else sys.stdout  # noqa: SIM115
    started = time.perf_counter()
    try:
        with _progress() as progress:
            task = progress.add_task("coding", total=None, docs=0, words=0, rate=0.0, rejects=0)
            for result in extract_results(paths, settings, rejects, summary):
                for record in result_records(result):
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                for reject in rejects:
                    err.print(f"skipped {reject.origin}: {reject.reason} - {reject.detail}", markup=False)
                rejects.clear()
                elapsed = max(time.perf_counter() - started, 1e-6)
                progress.update(task, docs=summary.stored, words=summary.words, rate=summary.words / elapsed,
                                rejects=summary.rejects)
    except DyadsError as error:
        _fail(error)
    finally:
        if out_file:
            sink.close()
    for reject in rejects:
        err.print(f"skipped {reject.origin}: {reject.reason} - {reject.detail}", markup=False)
    err.print(f"{summary.stored} documents coded, {summary.events} events, {summary.goals} goals, "
              f"{summary.rejects} skipped", highlight=False)
    raise typer.Exit(summary.exit_code())


@app.command()
def stats(db: DbOption = Path("dyads.duckdb"), as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of what the store holds.

    Example: dyads stats --db dyads.duckdb
    """
    from dyads.store import Store

    try:
        with Store(db, read_only=True) as store:
            totals = store.stats()
    except DyadsError as error:
        _fail(error)
    if as_json:
        out.print_json(json.dumps(totals, default=str))
        return
    table = Table(title=str(db))
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in totals.items():
        if key != "rejects_by_reason":
            table.add_row(key.replace("_", " "), f"{value:,}")
    for reason, count in totals["rejects_by_reason"].items():
        table.add_row(f"  skipped: {reason}", str(count))
    out.print(table)


@app.command()
def docs(db: DbOption = Path("dyads.duckdb"), limit: Annotated[int, typer.Option(help="How many.")] = 20) -> None:
    """List stored documents.

    Example: dyads docs --limit 5
    """
    from dyads.store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.query_dicts("docs", limit=limit)
    except DyadsError as error:
        _fail(error)
    table = Table()
    for column in ("doc_id", "date", "title", "source", "word_count", "near_duplicate_of"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row[c]) if row[c] is not None else "" for c in
                        ("doc_id", "date", "title", "source", "word_count", "near_duplicate_of")))
    out.print(table)


@app.command()
def export(
    db: DbOption = Path("dyads.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl, parquet, csv, gdelt (GDELT 1.0 TSV of aggregated "
                                                    "events) or plover (PLOVER-style JSON lines).")] = "jsonl",
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file (jsonl) or folder.")] = None,
    table: Annotated[str | None, typer.Option(help="Only this table.")] = None,
) -> None:
    """Export the store: JSON lines records, one Parquet/CSV file per table, GDELT 1.0 rows or PLOVER records.

    Example: dyads export --format parquet --out export/
    """
    from dyads.store import Store
    from dyads.store.export import export as export_store

    if fmt not in ("jsonl", "parquet", "csv", "gdelt", "plover"):
        err.print(f"error: --format must be jsonl, parquet, csv, gdelt or plover, not {fmt!r}")
        raise typer.Exit(2)
    try:
        with Store(db, read_only=True) as store:
            written = export_store(store, fmt, out_path, table)
    except DyadsError as error:
        _fail(error)
    except ValueError as error:
        err.print(f"error: {error}")
        raise typer.Exit(2) from None
    for path, count in written:
        err.print(f"{path}: {count:,} rows", highlight=False)


eval_app = typer.Typer(help="Score dyads against gold event sets (prints JSON metrics).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("plover")
def eval_plover(gold: Annotated[Path, typer.Argument(help="PLOVER GSR JSON file.")],
                model: Annotated[str | None, typer.Option(help="spaCy pipeline.")] = None) -> None:
    """Event type, source/target country and precision against PLOVER gold records.

    Example: dyads eval plover ../shared/data/plover_gsr/plover_gsr_dev.json
    """
    from dyads.eval import evaluate_plover
    from dyads.pipeline import Pipeline

    try:
        out.print_json(json.dumps(evaluate_plover(gold, Pipeline(_settings(None, spacy_model=model)))))
    except DyadsError as error:
        _fail(error)


@eval_app.command("petrarch")
def eval_petrarch(gold: Annotated[Path, typer.Argument(help="PETRARCH unit-test records XML.")],
                  model: Annotated[str | None, typer.Option(help="spaCy pipeline.")] = None,
                  dictionary: DictionaryOption = None, only_dictionaries: OnlyDictionariesOption = None,
                  config: ConfigOption = None) -> None:
    """Share of PETRARCH unit-test records coded as expected, and code-level precision/recall.

    With the suite's own dictionaries this is a compatibility test:

    Example: dyads eval petrarch ../shared/data/petrarch_suites/PETR.UnitTest.records.xml --only-dictionaries
    --dictionary ../shared/data/petrarch_suites/PETR.Validate.verbs.txt (and the .actors, .agents, .discards files)
    """
    from dyads.eval import evaluate_petrarch
    from dyads.pipeline import Pipeline

    settings = _dictionary_settings(config, dictionary, only_dictionaries, spacy_model=model)
    try:
        out.print_json(json.dumps(evaluate_petrarch(gold, Pipeline(settings))))
    except DyadsError as error:
        _fail(error)


dictionaries_app = typer.Typer(help="Read PETRARCH/TABARI dictionaries (verbs, actors, agents, discards, issues).",
                               no_args_is_help=True)
app.add_typer(dictionaries_app, name="dictionaries")


@dictionaries_app.command("summary")
def dictionaries_summary(
    paths: Annotated[list[str], typer.Argument(help="Dictionary files; the kind comes from the name (*actors*, "
                                                    "*agents*, *discards*, *issue*, else verbs) or KIND:PATH.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    all_problems: Annotated[bool, typer.Option("--all", help="List every problem, not the first 20 a file.")] = False,
) -> None:
    """What each dictionary holds and what could not be read, by construct, with file:line problems.

    Exits 0 when every line was read, 3 when some were skipped, 1 when no file could be read.

    Example: dyads dictionaries summary ../shared/data/oeda_dictionaries/CAMEO.2.0.txt actors:people.txt
    """
    from dyads.dictionaries import render_summary, summarize

    try:
        summary = summarize(paths)
    except DyadsError as error:
        _fail(error)
    if as_json:
        out.print_json(json.dumps(summary.to_dict()))
    else:
        out.print(render_summary(summary, max_problems=10**9 if all_problems else 20), markup=False,
                  highlight=False, soft_wrap=True)
    if all(r.lines == 0 and r.skipped.get("file") for r in summary.reports):
        raise typer.Exit(1)
    raise typer.Exit(3 if summary.skipped_lines else 0)


@dictionaries_app.command("coverage")
def dictionaries_coverage(
    paths: Annotated[list[str], typer.Argument(help="Verb dictionaries (PETRARCH/TABARI format).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the coverage as JSON.")] = False,
) -> None:
    """How many of a verb dictionary's patterns the coder uses as they are, adapted, or not at all, and why.

    Example: dyads dictionaries coverage ../shared/data/oeda_dictionaries/CAMEO.2.0.txt
    """
    from dyads.dictionaries import parse_spec
    from dyads.events.petrarch import render_coverage, verb_coverage

    try:
        coverages = [verb_coverage(parse_spec(f"verbs:{path}" if ":" not in path else path)) for path in paths]
    except DyadsError as error:
        _fail(error)
    if as_json:
        out.print_json(json.dumps([c.to_dict() for c in coverages]))
    else:
        out.print("\n".join(render_coverage(c) for c in coverages), markup=False, highlight=False, soft_wrap=True)


@app.command()
def explain(event_id: Annotated[str, typer.Argument(help="An event id from the store.")],
            db: DbOption = Path("dyads.duckdb")) -> None:
    """Show the sentence, the matched pattern and the parse path behind an event.

    Example: dyads explain 'sha1:0123abcd#e3.5.0'
    """
    from dyads.store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.query_dicts("event_by_id", event_id=event_id)
            if not rows:
                from dyads.errors import NoSuchEvent

                raise NoSuchEvent(event_id)
    except DyadsError as error:
        _fail(error)
    row = rows[0]
    explanation = json.loads(row["explanation"]) if row.get("explanation") else {}
    out.print(f"[bold]{row['event_id']}[/bold]  {row['cameo']}  modality={row['modality']}  "
              f"confidence={row['confidence']}")
    out.print(f"sentence: {row['sentence']}", markup=False)
    out.print(f"chars {row['char_start']}-{row['char_end']} of document {row['doc_id']}", markup=False)
    out.print(f"source: {row['source_text']} -> {row['source_code']}", markup=False)
    out.print(f"target: {row['target_text']} -> {row['target_code']}", markup=False)
    out.print(f"trigger: {row['trigger']}   rule: {row['rule']}", markup=False)
    for key, value in explanation.items():
        out.print(f"{key}: {value}", markup=False)


@app.command()
def brief(
    actor: Annotated[str | None, typer.Option(help="Name, actor id or CAMEO code, e.g. Putin.")] = None,
    db: DbOption = Path("dyads.duckdb"),
    out_path: Annotated[Path | None, typer.Option("--out", help="brief.html or brief.md; Markdown on stdout if unset.")]
    = None,
) -> None:
    """Who wants what, what happened, who relates to whom, and the tone toward each actor, with evidence.

    Example: dyads brief --actor Putin --out brief.html
    """
    from dyads.report import write_brief

    try:
        _, text = write_brief(db, actor, out_path)
    except DyadsError as error:
        _fail(error)
    out.print(text, markup=False, highlight=False)


@app.command("events")
def list_events(
    db: DbOption = Path("dyads.duckdb"),
    limit: Annotated[int, typer.Option(help="How many.")] = 20,
    actor: Annotated[str | None, typer.Option(help="Only events whose source or target code starts with this.")] = None,
) -> None:
    """List stored events with their ids (for `dyads explain`).

    Example: dyads events --actor RUS --limit 10
    """
    from dyads.store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.query_dicts("events_list", prefix=(actor or "").upper() + "%", limit=limit)
    except DyadsError as error:
        _fail(error)
    table = Table()
    for column in ("event_id", "source_code", "cameo", "target_code", "modality", "trigger", "date"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row[c]) if row[c] is not None else "" for c in
                        ("event_id", "source_code", "cameo", "target_code", "modality", "trigger", "date")))
    out.print(table)


def main() -> None:  # pragma: no cover - console entry point
    app()
