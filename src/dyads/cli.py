"""Command line: thin shells over the library. Each command parses its arguments,
calls one library function and prints what it returns."""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyads.cli_format import FORMATS, plain_table, write_rows
from dyads.errors import DyadsError, OutputError, UsageError
from dyads.events.codebook import PLOVER_EVENTS
from dyads.records import ACTOR_ROLES, MODALITIES
from dyads.settings import CODERS, Settings, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="dyads: political event data from news text.")
err = Console(stderr=True)
out = Console()

# Choices the options offer, from the lists the library keeps.
Role = StrEnum("Role", {name: name for name in ACTOR_ROLES})
Modality = StrEnum("Modality", {name: name for name in MODALITIES})
PloverType = StrEnum("PloverType", {name: name for name in sorted(PLOVER_EVENTS)})
RowFormat = StrEnum("RowFormat", {name: name for name in FORMATS})
Coder = StrEnum("Coder", {name: name for name in CODERS})


@cache
def _package_settings() -> Settings:
    return load_settings()


def _from_settings(name: str) -> str:
    """The help's default for an option that falls back on settings.cfg."""
    return f"settings.cfg: {getattr(_package_settings(), name)}"


DbOption = Annotated[Path, typer.Option("--db", dir_okay=False, help="DuckDB store file (made if missing).")]
ReadDbOption = Annotated[Path, typer.Option("--db", exists=True, dir_okay=False, help="DuckDB store file.")]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", exists=True, dir_okay=False, show_default="none: the package's settings.cfg",
    help="Settings file overriding settings.cfg.")]
ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", exists=True, dir_okay=False, show_default="none: the packaged dictionary",
    help="YAML file adding to the actor dictionary; repeat for several.")]
MaxBytesOption = Annotated[int | None, typer.Option(min=1, show_default=_from_settings("max_bytes"),
                                                    help="Reject files larger than this (bytes).")]
ProcessesOption = Annotated[int | None, typer.Option(min=1, show_default=_from_settings("processes"),
                                                     help="Worker processes.")]
ModelOption = Annotated[str | None, typer.Option(show_default=_from_settings("spacy_model"),
                                                 help="spaCy pipeline to parse with.")]
DictionaryOption = Annotated[list[str] | None, typer.Option(
    "--dictionary", show_default="none", help="PETRARCH/TABARI dictionary added to the built-in knowledge "
    "(repeatable): PATH, the kind from the name (*actors*, *agents*, *discards*, *issue*, else verbs), or KIND:PATH.")]
OnlyDictionariesOption = Annotated[bool | None, typer.Option(
    "--only-dictionaries", show_default="off",
    help="Code with the --dictionary (and --actors) files alone, without built-in knowledge.")]


CoderOption = Annotated[Coder | None, typer.Option(show_default=_from_settings("coder"),
                                                   help="Who codes events: rules (verb and noun patterns), model "
                                                        "(the trained event layer) or hybrid (both).")]


def _show_version(value: bool) -> None:
    if value:
        from dyads import __version__

        typer.echo(f"dyads {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_show_version, help="Print the version and exit.")] = False) -> None:
    """dyads: political event data from news text."""


def _settings(config: Path | None, **changes: object) -> Settings:
    try:
        return load_settings(config).replace(**changes)
    except DyadsError as error:
        _fail(error)


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


def _fail(error: DyadsError) -> NoReturn:
    err.print("[red]error:[/red] ", end="")
    err.print(str(error), markup=False, highlight=False)
    raise typer.Exit(error.exit_code)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")],
    db: DbOption = Path("dyads.duckdb"),
    max_bytes: MaxBytesOption = None,
    processes: ProcessesOption = None,
    batch_size: Annotated[int | None, typer.Option(min=1, show_default=_from_settings("batch_size"),
                                                   help="Documents per batch and transaction.")] = None,
    model: ModelOption = None,
    coder: CoderOption = None,
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
                                    batch_size=batch_size, spacy_model=model, coder=coder.value if coder else None,
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
    out_file: Annotated[Path | None, typer.Option("--out", dir_okay=False, show_default="stdout",
                                                  help="Write JSON lines to this file.")] = None,
    max_bytes: MaxBytesOption = None,
    processes: ProcessesOption = None,
    model: ModelOption = None,
    coder: CoderOption = None,
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
                                    spacy_model=model, coder=coder.value if coder else None,
                                    actor_files=tuple(actors) if actors else None)
    rejects: list[Reject] = []
    summary = RunSummary()
    try:
        sink = open(out_file, "w", encoding="utf-8") if out_file else sys.stdout  # noqa: SIM115
    except OSError as error:
        _fail(OutputError(out_file, error.strerror or str(error)))
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
def stats(db: ReadDbOption = Path("dyads.duckdb"),
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
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
def docs(db: ReadDbOption = Path("dyads.duckdb"),
         limit: Annotated[int, typer.Option(min=0, help="How many; 0 for all.")] = 20) -> None:
    """List stored documents.

    Example: dyads docs --limit 5
    """
    from dyads.store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.query_dicts("docs", limit=limit or None)
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
    db: ReadDbOption = Path("dyads.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl (records of every table), parquet or csv (one file per "
                                                    "table), gdelt (GDELT 1.0 rows of aggregated events), plover "
                                                    "(PLOVER JSON records) or plover-flat (one column per value).")]
    = "jsonl",
    out_path: Annotated[Path | None, typer.Option(
        "--out", show_default="stdout for jsonl and plover, export/ for parquet and csv, events.gdelt.tsv for gdelt",
        help="Output file, or folder for parquet and csv.")] = None,
    table: Annotated[str | None, typer.Option(
        show_default="all", help="Only this table: a stored one (events, goals …), event_clusters (aggregated "
                                 "events), relations, dyad_counts (events per day and actor pair) or another "
                                 "synthesis table.")] = None,
    modality: Annotated[list[str] | None, typer.Option(
        show_default="asserted for gdelt and plover, all for tables",
        help=f"Events of these modalities ({', '.join(MODALITIES)}) or all; repeat for several. With more than "
             "asserted, GDELT rows get the modality as a 59th column.")] = None,
) -> None:
    """Export the store: JSON lines records, one Parquet/CSV file per table, GDELT 1.0 rows or PLOVER records.

    Example: dyads export --format gdelt --modality all --out events.tsv
    """
    from dyads.store import Store
    from dyads.store.export import export as export_store

    modalities = MODALITIES if modality and "all" in modality else tuple(modality or ()) or None
    try:
        with Store(db, read_only=True) as store:
            written = export_store(store, fmt, out_path, table, modalities)
    except DyadsError as error:
        _fail(error)
    for path, count in written:
        err.print(f"{path}: {count:,} rows", highlight=False)


eval_app = typer.Typer(help="Score dyads against gold event sets (prints JSON metrics).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


GoldArgument = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The gold file.")]
EvalModelOption = Annotated[str | None, typer.Option(show_default=_from_settings("spacy_model"),
                                                     help="spaCy pipeline.")]


@eval_app.command("plover")
def eval_plover(gold: GoldArgument, model: EvalModelOption = None) -> None:
    """Event type, source/target country and precision against PLOVER gold records (a JSON array).

    Example: dyads eval plover ../shared/data/plover_gsr/plover_gsr_dev.json
    """
    from dyads.eval import evaluate_plover, load_plover
    from dyads.pipeline import Pipeline

    try:
        load_plover(gold)  # a bad gold file fails before the model loads
        _print_scores(evaluate_plover(gold, Pipeline(_settings(None, spacy_model=model))))
    except DyadsError as error:
        _fail(error)


@eval_app.command("petrarch")
def eval_petrarch(gold: GoldArgument, model: EvalModelOption = None, dictionary: DictionaryOption = None,
                  only_dictionaries: OnlyDictionariesOption = None, config: ConfigOption = None) -> None:
    """Share of PETRARCH unit-test records coded as expected, and code-level precision/recall.

    With the suite's own dictionaries this is a compatibility test:

    Example: dyads eval petrarch ../shared/data/petrarch_suites/PETR.UnitTest.records.xml --only-dictionaries
    --dictionary ../shared/data/petrarch_suites/PETR.Validate.verbs.txt (and the .actors, .agents, .discards files)
    """
    from dyads.eval import evaluate_petrarch, load_petrarch
    from dyads.pipeline import Pipeline

    settings = _dictionary_settings(config, dictionary, only_dictionaries, spacy_model=model)
    try:
        load_petrarch(gold)
        _print_scores(evaluate_petrarch(gold, Pipeline(settings)))
    except DyadsError as error:
        _fail(error)


def _print_scores(scores: dict) -> None:
    """Scores as JSON on stdout; their notes (caveats about the gold) also on stderr, where they are seen."""
    typer.echo(json.dumps(scores, indent=2))
    for note in scores.get("notes") or ():
        err.print(f"note: {note}", markup=False, highlight=False)


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
            db: ReadDbOption = Path("dyads.duckdb")) -> None:
    """Show the sentence, the matched pattern and the parse path behind an event.

    Example: dyads explain 'sha1:0123abcd#e3.5.0'
    """
    from dyads.store import Store
    from dyads.store.events import event_by_id

    try:
        with Store(db, read_only=True) as store:
            row = event_by_id(store, event_id)
    except DyadsError as error:
        _fail(error)
    explanation = json.loads(row["explanation"]) if row.get("explanation") else {}
    lines = [f"{row['event_id']}  {row['cameo']}  modality={row['modality']}  confidence={row['confidence']}",
             f"sentence: {row['sentence']}",
             f"chars {row['char_start']}-{row['char_end']} of document {row['doc_id']}",
             f"source: {row['source_text']} -> {row['source_code']}",
             f"target: {row['target_text']} -> {row['target_code']}",
             f"trigger: {row['trigger']}   rule: {row['rule']}",
             *(f"{key}: {value}" for key, value in explanation.items())]
    typer.echo("\n".join(lines))  # unwrapped: the id stays whole for copying


@app.command()
def brief(
    actor: Annotated[str | None, typer.Option(show_default="everyone",
                                              help="Name, actor id or CAMEO code, e.g. Putin.")] = None,
    db: ReadDbOption = Path("dyads.duckdb"),
    out_path: Annotated[Path | None, typer.Option("--out", dir_okay=False, show_default="Markdown on stdout",
                                                  help="brief.html or brief.md.")] = None,
) -> None:
    """Who wants what, what happened, who relates to whom, and the tone toward each actor, with evidence.

    Example: dyads brief --actor Putin --out brief.html
    """
    from dyads.report import write_brief

    try:
        _, text = write_brief(db, actor, out_path)
    except DyadsError as error:
        _fail(error)
    typer.echo(text)  # as written: Markdown tables must not be wrapped to the terminal


EVENT_COLUMNS = ("event_id", "date", "source_code", "cameo", "target_code", "modality", "trigger")
EVENT_FIELDS = ("event_id", "doc_id", "date", "source_text", "source_code", "source_actor_id", "cameo", "cameo_root",
                "quad_class", "goldstein", "plover_event", "plover_mode", "plover_context", "target_text",
                "target_code", "target_actor_id", "modality", "trigger", "location_name", "location_country",
                "sentence_index", "sentence", "confidence", "title", "url")


@app.command("events")
def list_events(
    db: ReadDbOption = Path("dyads.duckdb"),
    actor: Annotated[str | None, typer.Option(
        show_default="any", help="Name (Putin), dictionary id (vladimir_putin) or CAMEO code prefix (RUS, RUSGOV).")]
    = None,
    role: Annotated[Role, typer.Option(help="Where --actor must be: source, target or either.")] = Role.either,
    cameo: Annotated[list[str] | None, typer.Option(show_default="any", help="CAMEO code or root the event code "
                                                         "starts with (19, 190, 0332); repeat for several.")] = None,
    quad_class: Annotated[list[int] | None, typer.Option(
        min=1, max=4, show_default="any",
        help="QuadClass 1-4 (1 verbal, 2 material cooperation; 3 verbal, 4 material conflict); repeat for several.")]
    = None,
    plover: Annotated[list[PloverType] | None, typer.Option(case_sensitive=False, show_default="any",
                                                            help="PLOVER event type; repeat for several.")] = None,
    modality: Annotated[list[Modality] | None, typer.Option(show_default="all",
                                                            help="Only these modalities; repeat for several.")] = None,
    since: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="From this day on (the event's "
                                                   "date, else its document's).", show_default="no limit")] = None,
    until: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Up to this day, included.",
                                                   show_default="no limit")] = None,
    doc: Annotated[list[str] | None, typer.Option(show_default="any",
                                                  help="Only events of this document id; repeat for several.")] = None,
    limit: Annotated[int, typer.Option(min=0, help="How many; 0 for all.")] = 20,
    fmt: Annotated[RowFormat, typer.Option("--format", help="table (ids in full), json, jsonl or csv (every "
                                                            "field).")] = RowFormat.table,
) -> None:
    """List stored events with their ids (for `dyads explain`), filtered by actor, code, type, modality,
    date or document.

    Example: dyads events --actor Putin --role source --cameo 04 --since 2025-01-01 --format csv
    """
    from dyads.store import Store
    from dyads.store.events import EventFilter, find_events

    flt = EventFilter(actor=actor, role=role.value, cameo=tuple(cameo or ()), quad_class=tuple(quad_class or ()),
                      plover=tuple(p.value for p in plover or ()), modality=tuple(m.value for m in modality or ()),
                      since=since.date() if since else None, until=until.date() if until else None,
                      doc_ids=tuple(doc or ()), limit=limit or None)
    try:
        with Store(db, read_only=True) as store:
            page = find_events(store, flt, _dictionary_names)
    except DyadsError as error:
        _fail(error)
    if fmt != RowFormat.table:
        write_rows(page.rows, fmt.value, sys.stdout, EVENT_FIELDS)
    elif page.rows:
        typer.echo(plain_table(EVENT_COLUMNS, [[row[c] for c in EVENT_COLUMNS] for row in page.rows]))
    if page.note:
        err.print(page.note, markup=False, highlight=False)
    elif not page.rows:
        err.print("no stored event matches these filters", markup=False, highlight=False)
    elif page.total > len(page.rows):
        err.print(f"{len(page.rows)} of {page.total} events; --limit 0 shows all", markup=False, highlight=False)


def _dictionary_names() -> dict[str, str]:
    """{actor id: name} of the packaged actor dictionary, for names the store does not link to an id."""
    from dyads.actors.dictionary import load_actor_dictionary

    return {entry.actor_id: entry.name for entry in load_actor_dictionary().entries.values()}


@app.command()
def doctor(db: Annotated[Path, typer.Option("--db", help="A store to check.")] = Path("dyads.duckdb"),
           config: ConfigOption = None) -> None:
    """Check the installation: versions, the spaCy model, optional extras, knowledge files, settings, a store
    and the shared development data. Exits 1 when something will not work.

    Example: dyads doctor --db dyads.duckdb
    """
    from dyads.doctor import FAIL, diagnose

    here = Path(__file__).resolve().parents[2]  # the repository root of an editable install
    checks = diagnose(db, config, (Path.cwd().parent / "shared", here.parent / "shared"))
    for check in checks:
        out.print(f"{check.verdict:>4}  {check.name}: ", end="", style={"ok": "green", "warn": "yellow"}.get(
            check.verdict, "red"), highlight=False)
        out.print(check.detail, markup=False, highlight=False)
    raise typer.Exit(1 if any(check.verdict == FAIL for check in checks) else 0)


def main() -> None:  # pragma: no cover - console entry point
    app()
