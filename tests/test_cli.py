"""The command line: every command documents itself with an example, usage errors exit 2,
and the read-back commands work on a small store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from dyads.cli import app

runner = CliRunner()
COMMANDS = ["run", "extract", "stats", "docs", "export", "explain", "brief", "events", "doctor", "eval plover",
            "eval petrarch", "dictionaries summary", "dictionaries coverage"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"dyads {command}" in result.output


@pytest.mark.parametrize("args", [["run"], ["run", "x.txt", "--no-such-flag"], ["export", "--format", "xml"]])
def test_cli_usage_errors_exit_2(args, tmp_path):
    result = runner.invoke(app, args)
    assert result.exit_code == 2


def test_cli_readme_names_every_command():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for command in COMMANDS:
        assert f"dyads {command}" in readme, command


@pytest.mark.slow
def test_cli_read_back_commands(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("France and Germany condemned Iran on Friday. Japan praised South Korea on Monday. "
                       "NATO criticized Russia on Tuesday.")
    db = str(tmp_path / "s.duckdb")
    done = subprocess.run([sys.executable, "-m", "dyads", "run", str(article), "--db", db], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert stats.exit_code == 0 and json.loads(stats.output)["documents"] == 1
    assert runner.invoke(app, ["docs", "--db", db]).exit_code == 0
    events = runner.invoke(app, ["events", "--db", db, "--limit", "5"])
    assert events.exit_code == 0 and ("112" in events.output or "111" in events.output)
    exported = tmp_path / "all.jsonl"
    assert runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(exported)]).exit_code == 0
    records = [json.loads(line) for line in exported.read_text().splitlines()]
    event = next(r for r in records if r["kind"] == "event")
    explained = runner.invoke(app, ["explain", event["event_id"], "--db", db])
    assert explained.exit_code == 0 and "pattern" in explained.output and event["sentence"][:20] in explained.output
    folder = tmp_path / "pq"
    assert runner.invoke(app, ["export", "--db", db, "--format", "parquet", "--out", str(folder)]).exit_code == 0
    assert (folder / "events.parquet").exists() and (folder / "documents.parquet").exists()
    assert runner.invoke(app, ["explain", "nope", "--db", db]).exit_code == 1
    gdelt = tmp_path / "events.tsv"
    assert runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", str(gdelt)]).exit_code == 0
    rows = [line.split("\t") for line in gdelt.read_text().splitlines()]
    assert rows and all(len(row) == 58 for row in rows)  # GDELT 1.0 with SOURCEURL
    assert {row[26][:2] for row in rows} <= {"11", "05"} and any(row[5] == "FRA" for row in rows)
    plover = tmp_path / "events.plover.jsonl"
    assert runner.invoke(app, ["export", "--db", db, "--format", "plover-flat", "--out", str(plover)]).exit_code == 0
    plover_rows = [json.loads(line) for line in plover.read_text().splitlines()]
    assert {row["event_type"] for row in plover_rows} <= {"ACCUSE", "SUPPORT"}
    # PLOVER names international bodies by its own codes; the CAMEO code stays beside it
    nato = next(row for row in plover_rows if row["actor_code"] == "IGOWSTNAT")
    assert nato["actor_country"] == "IGO" and nato["recipient_country"] == "RUS"
    assert runner.invoke(app, ["export", "--db", db, "--format", "plover", "--out", str(plover)]).exit_code == 0
    nested = [json.loads(line) for line in plover.read_text().splitlines()]
    assert {row["actor"][0]["code"] for row in nested if row["cameo"].startswith("11")} >= {"IGO"}


@pytest.mark.slow
def test_cli_user_actor_file_adds_people(tmp_path):
    actors = tmp_path / "mine.yaml"
    actors.write_text("people:\n  - id: jane_roe\n    name: Jane Roe\n    surname: Roe\n    country: GBR\n"
                      "    gender: f\n    default_sector: ELI\n    roles:\n"
                      "      - {sector: GOV, title: foreign_minister, start: 2026-01-10}\n")
    article = tmp_path / "a.jsonl"
    record = {"id": "a", "date": "2026-03-01", "text": "Jane Roe criticized Iran on Monday."}
    article.write_text(json.dumps(record) + "\n")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "dyads", "extract", str(article), "--actors", str(actors), "--out",
                           str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in out.read_text().splitlines() if '"kind": "event"' in line]
    assert events and events[0]["source"]["code"] == "GBRGOV" and events[0]["source"]["actor_id"] == "jane_roe"
