"""`dyads events`: filters, formats, ids never cut short, and what it says when an actor matches nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_samples import DOC_A, DOC_B, build_sample_store
from typer.testing import CliRunner

from dyads.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_sample_store(tmp_path_factory.mktemp("cli-events") / "sample.duckdb"))


def _events(db: str, *args: str, columns: int = 80):
    return runner.invoke(app, ["events", "--db", db, *args], env={"COLUMNS": str(columns)})


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("columns", [80, 40])
def test_cli_events_ids_in_full_at_any_width(db: str, columns: int) -> None:
    result = _events(db, "--limit", "0", columns=columns)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    ids = [line.split()[0] for line in lines[1:]]
    assert len(ids) == 6 and all(i.startswith((DOC_A + "#e", DOC_B + "#e")) for i in ids)
    assert all("…" not in line for line in lines)
    explained = runner.invoke(app, ["explain", ids[0], "--db", db])  # a copied id works as it is
    assert explained.exit_code == 0 and "Vladimir Putin" in explained.stdout


def test_cli_events_actor_by_name(db: str) -> None:
    result = _events(db, "--actor", "Putin", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["source_text"], r["cameo"]) for r in rows] == [("Vladimir Putin", "040"), ("Putin", "111")]


def test_cli_events_unknown_actor_exits_1_with_a_hint(db: str) -> None:
    result = _events(db, "--actor", "Putni")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Putni" in result.stderr and "Putin (vladimir_putin, RUSGOV)" in _flat(result.stderr)


def test_cli_events_role_and_note(db: str) -> None:
    result = _events(db, "--actor", "Erdogan", "--role", "source")
    assert result.exit_code == 0 and result.stdout == "" and "--role target" in _flat(result.stderr)


@pytest.mark.parametrize(("args", "cameos"), [
    (["--cameo", "19"], []),  # the only 19x event is hypothetical, kept out by --modality below
    (["--cameo", "19", "--modality", "hypothetical"], ["190"]),
    (["--quad-class", "4"], ["141"]),
    (["--plover", "accuse"], ["111"]),
    (["--since", "2025-03-03", "--until", "2025-03-03", "--modality", "negated"], ["057"]),
    (["--doc", DOC_B, "--modality", "asserted"], ["141", "051"]),
])
def test_cli_events_filters(db: str, args: list[str], cameos: list[str]) -> None:
    extra = [] if "--modality" in args else ["--modality", "asserted"]
    result = _events(db, *args, *extra, "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["cameo"] for line in result.stdout.splitlines()] == cameos


def test_cli_events_json_is_an_array(db: str) -> None:
    result = _events(db, "--format", "json", "--limit", "2")
    records = json.loads(result.stdout)
    assert result.exit_code == 0 and len(records) == 2 and records[0]["event_id"].startswith(DOC_A)
    assert "2 of 6 events" in result.stderr


@pytest.mark.parametrize("args", [
    ["--limit", "-1"], ["--quad-class", "7"], ["--plover", "FIGHT"], ["--modality", "maybe"],
    ["--since", "2025-13-01"], ["--role", "both"], ["--format", "xml"], ["--cameo", "abc"],
    ["--since", "2025-02-01", "--until", "2025-01-01"],
])
def test_cli_events_bad_options_exit_2_without_traceback(db: str, args: list[str]) -> None:
    result = _events(db, *args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_cli_events_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "does not exist" in result.output
