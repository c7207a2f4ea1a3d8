"""Whatever a user types, every command answers with an error message and a meaningful exit code (2 for a
usage error, 1 when what was asked for is not there), never a traceback. None of these loads a model."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_samples import build_sample_store
from typer.testing import CliRunner

from dyads.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("cli-errors")
    (root / "folder").mkdir()
    paths = {
        "db": build_sample_store(root / "sample.duckdb"),
        "folder": root / "folder",
        "file": root / "article.txt",
        "notdb": root / "not-a-store.duckdb",
        "badjson": root / "gold.json",
        "notlist": root / "object.json",
        "badcfg": root / "bad.cfg",
        "badvalue": root / "value.cfg",
        "missing": root / "missing.txt",
        "new": root / "new.duckdb",
    }
    paths["file"].write_text("Ministers met in a town on Monday.\n", encoding="utf-8")
    paths["notdb"].write_text("not a database\n", encoding="utf-8")
    paths["badjson"].write_text('[{"id": 1, "text": "x"', encoding="utf-8")
    paths["notlist"].write_text('{"records": 1}', encoding="utf-8")
    paths["badcfg"].write_text("[run\nprocesses = 2\n", encoding="utf-8")
    paths["badvalue"].write_text("[run]\nprocesses = many\n", encoding="utf-8")
    return {name: str(path) for name, path in paths.items()}


CASES = [
    # (arguments with {placeholders}, exit code, words the message must hold)
    ("stats --db {folder}", 2, "is a directory"),
    ("stats --db {notdb}", 1, "not a valid DuckDB"),
    ("stats --db {missing}", 2, "does not exist"),
    ("docs --db {db} --limit -1", 2, "--limit"),
    ("export --db {db} --format xml", 2, "--format must be one of"),
    ("export --db {db} --format csv --table nosuch --out {folder}", 2, "no table 'nosuch'"),
    ("export --db {db} --format gdelt --table events", 2, "--table goes with"),
    ("export --db {db} --format gdelt --modality maybe", 2, "--modality 'maybe'"),
    ("export --db {db} --format jsonl --out {folder}", 2, "cannot write"),
    ("export --db {db} --format csv --out {file}", 2, "cannot write"),
    ("export --db {db} --format gdelt --out {file}/events.tsv", 2, "cannot write"),
    ("explain nope --db {db}", 1, "no event 'nope'"),
    ("brief --actor Zzyzx --db {db}", 1, "no actor in the store matches 'Zzyzx'"),
    ("brief --db {db} --out {file}/brief.md", 2, "cannot write"),
    ("brief --db {db} --out brief.pdf", 2, "cannot tell the format"),
    ("eval plover {missing}", 2, "does not exist"),
    ("eval plover {folder}", 2, "is a directory"),
    ("eval plover {badjson}", 2, "not JSON"),
    ("eval plover {notlist}", 2, "not a list"),
    ("eval petrarch {badjson}", 2, "<Sentences>"),
    ("run {file} --db {folder}", 2, "is a directory"),
    ("run {file} --db {new} --config {missing}", 2, "does not exist"),
    ("run {file} --db {new} --config {badcfg}", 2, "settings file"),
    ("run {file} --db {new} --config {badvalue}", 2, "settings file"),
    ("run {file} --db {new} --processes 0", 2, "--processes"),
    ("run {file} --db {new} --batch-size 0", 2, "--batch-size"),
    ("run {file} --db {new} --max-bytes -1", 2, "--max-bytes"),
    ("run {file} --db {new} --actors {missing}", 2, "does not exist"),
    ("extract {file} --out {folder}", 2, "is a directory"),
    ("extract {file} --out {file}/records.jsonl", 2, "cannot write"),
]


@pytest.mark.parametrize(("args", "code", "words"), CASES, ids=[case[0].split(" {")[0] + "…" for case in CASES])
def test_cli_errors_are_messages_with_exit_codes(files: dict[str, str], args: str, code: int, words: str) -> None:
    result = runner.invoke(app, args.format(**files).split())
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    assert words in " ".join(result.output.split()), result.output
    assert not Path(files["new"]).exists()  # nothing was half done
