"""What the commands print: `--version`, defaults in every help, `doctor`, the Markdown brief as written,
exports through the CLI, and the note `eval petrarch` gives on gold with actors dyads cannot know."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
import typer.main
from store_samples import build_sample_store, jsonl_records
from typer.testing import CliRunner

from dyads import __version__
from dyads.cli import app
from dyads.eval import PetrarchGold, petrarch_notes

runner = CliRunner()
PETR_SUITE = Path(__file__).resolve().parents[2] / "shared" / "data" / "petrarch_suites" / "PETR.UnitTest.records.xml"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_sample_store(tmp_path_factory.mktemp("cli-outputs") / "sample.duckdb"))


def test_cli_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"dyads {__version__}"


def _commands(command, path=()):
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(path), command


@pytest.mark.parametrize(("name", "command"), list(_commands(typer.main.get_command(app))))
def test_cli_help_shows_every_default(name: str, command) -> None:
    context = command.make_context(name, [], resilient_parsing=True)
    for param in command.params:
        record = param.get_help_record(context)
        if record is None or record[0].startswith("--help") or getattr(param, "is_flag", False) or param.required:
            continue
        assert "[default: " in record[1], f"dyads {name} {record[0]}: no default shown"


def test_cli_doctor(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["doctor", "--db", db])
    text = " ".join(result.stdout.split())
    assert result.exit_code == 0, result.output
    assert f"dyads: {__version__}" in text and "spaCy model" in text and "6 events" in text
    bad = tmp_path / "bad.cfg"
    bad.write_text("[run]\nprocesses = 0\n")
    result = runner.invoke(app, ["doctor", "--db", str(tmp_path / "none.duckdb"), "--config", str(bad)])
    assert result.exit_code == 1 and "fail settings" in " ".join(result.stdout.split())


def test_cli_brief_markdown_is_printed_as_written(db: str) -> None:
    from dyads.report import write_brief

    result = runner.invoke(app, ["brief", "--db", db], env={"COLUMNS": "80"})
    _, markdown = write_brief(Path(db), None, None)
    assert result.exit_code == 0 and result.stdout == markdown + "\n"
    assert any(len(line) > 80 for line in markdown.splitlines())  # the test means something: long lines stay


def test_cli_export_gdelt_modality_all(db: str, tmp_path: Path) -> None:
    asserted, everything = tmp_path / "asserted.tsv", tmp_path / "all.tsv"
    assert runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", str(asserted)]).exit_code == 0
    result = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--modality", "all", "--out",
                                 str(everything)])
    assert result.exit_code == 0 and "6 rows" in result.stderr
    assert {len(line.split("\t")) for line in asserted.read_text().splitlines()} == {58}
    assert {line.split("\t")[-1] for line in everything.read_text().splitlines()} == {"asserted", "negated",
                                                                                       "hypothetical"}


def test_cli_export_aggregates(db: str, tmp_path: Path) -> None:
    out = tmp_path / "clusters.jsonl"
    result = runner.invoke(app, ["export", "--db", db, "--table", "event_clusters", "--out", str(out)])
    assert result.exit_code == 0 and {r["kind"] for r in jsonl_records(out)} == {"event_cluster"}


class _NoEvents:
    """Stands in for the pipeline: codes nothing, loads nothing."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def process_documents(self, documents):
        return []


@pytest.fixture()
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dyads.pipeline", types.SimpleNamespace(Pipeline=_NoEvents))


def _petrarch_xml(codings: list[tuple[str, str]]) -> str:
    sentences = "".join(
        f'<Sentence date="20240102" id="T-{i}" source="test" sentence="True">\n'
        f'<EventCoding sourcecode="{source}" targetcode="{target}" eventcode="042"/>\n'
        f"<Text>The envoy of one land visited the other on Tuesday.</Text>\n</Sentence>\n"
        for i, (source, target) in enumerate(codings))
    return f"<Validation>\n<Sentences>\n{sentences}</Sentences>\n</Validation>\n"


def test_cli_eval_petrarch_notes_fictional_actors(no_model: None, tmp_path: Path) -> None:
    gold = tmp_path / "made_up.xml"
    gold.write_text(_petrarch_xml([("QQA", "QQB"), ("QQB", "QQCGOV"), ("FRA", "QQA")]), encoding="utf-8")
    result = runner.invoke(app, ["eval", "petrarch", str(gold)])
    assert result.exit_code == 0, result.output
    assert "note:" in result.stderr and "QQA" in result.stderr and "PETR.Validate" in " ".join(result.stderr.split())
    real = tmp_path / "real.xml"
    real.write_text(_petrarch_xml([("FRA", "DEUGOV"), ("IGOUNO", "SYR"), ("USAGOV", "---")]), encoding="utf-8")
    result = runner.invoke(app, ["eval", "petrarch", str(real)])
    assert result.exit_code == 0 and "note:" not in result.stderr


@pytest.mark.skipif(not PETR_SUITE.is_file(), reason="../shared/data/petrarch_suites is not present")
def test_cli_eval_petrarch_notes_the_unit_test_suite(no_model: None) -> None:
    result = runner.invoke(app, ["eval", "petrarch", str(PETR_SUITE)])
    assert result.exit_code == 0 and "unit-test suite" in " ".join(result.stderr.split())


def test_eval_petrarch_notes_threshold() -> None:
    def known(code: str) -> bool:
        return code in ("FRA", "DEU")

    gold = [PetrarchGold("1", "t", None, (("FRA", "DEU", "042"),)), PetrarchGold("2", "t", None, (("ZZZ", "", "01"),))]
    assert petrarch_notes(gold, known) and "ZZZ" in petrarch_notes(gold, known)[0]
    assert petrarch_notes(gold[:1] * 4 + gold[1:], known) == []  # one coding in five: below a quarter
