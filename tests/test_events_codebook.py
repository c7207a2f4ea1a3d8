import dataclasses
import importlib.util
import sys
from pathlib import Path

import pytest

from dyads.events.codebook import (
    COLUMNS,
    PLOVER_EVENTS,
    CameoCode,
    Codebook,
    CodebookError,
    load_codebook,
    read_codebook,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
HEADER = "\t".join(COLUMNS)


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "codebook.tsv"
    path.write_text("# a comment\n" + header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("code", "field", "value"),
    [
        ("051", "goldstein", 3.4),
        ("051", "name", "Praise or endorse"),
        ("051", "plover_event", "SUPPORT"),
        ("042", "plover_event", "CONSULT"),
        ("042", "plover_mode", "visit"),
        ("190", "plover_event", "ASSAULT"),
        ("190", "goldstein", -10.0),
        ("173", "plover_event", "COERCE"),
        ("173", "plover_mode", "arrest"),
        ("1121", "plover_context", "crime;corruption"),
        ("163", "plover_event", "COERCE"),  # the 2021 table moved sanctions out of SANCTION
        ("0841", "plover_event", "RETREAT"),
        ("08", "plover_event", "CONCEDE"),  # root 08 has two lines in the source table: the first wins
        ("183", "quad_class", 4),  # missing from the QuadClass source: taken from root 18
        ("1213", "quad_class", 3),
        ("010", "plover_event", None),  # PLOVER dropped CAMEO root 01 (statements)
        ("0253", "plover_event", "REQUEST"),  # appeals take the values of the parallel demand 1053
        ("0253", "plover_mode", "yield"),
        ("02", "plover_event", "REQUEST"),
        ("026", "plover_mode", "meet"),
        ("0253", "root", "02"),
    ],
)
def test_codebook_values(codebook: Codebook, code: str, field: str, value: object) -> None:
    assert getattr(codebook[code], field) == value


def test_codebook_has_every_code_and_all_20_roots(codebook: Codebook) -> None:
    assert len(codebook) == 312
    assert [c.code for c in codebook.roots()] == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(
    ("roots", "quad"), [(("01", "05"), 1), (("06", "08"), 2), (("09", "13"), 3), (("14", "20"), 4)]
)
def test_codebook_quad_class_follows_root(codebook: Codebook, roots: tuple[str, str], quad: int) -> None:
    in_range = [c for c in codebook if roots[0] <= c.root <= roots[1]]
    assert in_range and {c.quad_class for c in in_range} == {quad}


def test_codebook_uses_only_current_plover_types(codebook: Codebook) -> None:
    used = {c.plover_event for c in codebook if c.plover_event}
    assert used <= PLOVER_EVENTS
    assert {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}.isdisjoint(used)
    assert len(PLOVER_EVENTS) == 16
    assert all(c.plover_event for c in codebook if c.root != "01")


def test_codebook_record_is_immutable_and_exposes_plover_dict(codebook: Codebook) -> None:
    code = codebook["042"]
    assert code.plover == {"event": "CONSULT", "mode": "visit", "context": None}
    with pytest.raises(dataclasses.FrozenInstanceError):
        code.goldstein = 0.0  # type: ignore[misc]


def test_codebook_container_protocol(codebook: Codebook) -> None:
    assert "051" in codebook and "51" not in codebook and 51 not in codebook
    codes = [c.code for c in codebook]
    assert codes == sorted(codes) and codes[0] == "01"
    assert codebook.get("999") is None
    assert codebook.parent("1831").code == "183"
    assert codebook.parent("183").code == "18"
    assert codebook.parent("18") is None


@pytest.mark.parametrize(("code", "hint"), [("51", "'051'"), ("999", "312 codes")])
def test_codebook_unknown_code_message(codebook: Codebook, code: str, hint: str) -> None:
    with pytest.raises(KeyError, match="unknown CAMEO code") as info:
        codebook[code]
    assert hint in str(info.value)


def test_read_codebook_accepts_a_minimal_table(tmp_path: Path) -> None:
    path = write(tmp_path, "19\t19\tFIGHT\t-10\t4\tASSAULT\t\tmilitary", "190\t19\tUse force\t-10\t4\t\t\t")
    book = read_codebook(path)
    assert book["19"] == CameoCode("19", "19", "FIGHT", -10.0, 4, "ASSAULT", None, "military")
    assert book["190"].plover_event is None


def test_read_codebook_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "19\t19\tFIGHT\t-10\t4\tASSAULT\t\t",
        "190\t18\tWrong root\t-10\t4\tASSAULT\t\t",  # line 4
        "191\t19\tBad score\tlots\t4\tASSAULT\t\t",  # line 5
        "192\t19\tOut of range\t-11\t4\tASSAULT\t\t",  # line 6
        "193\t19\tBad quad\t-10\t5\tASSAULT\t\t",  # line 7
        "194\t19\tOld type\t-10\t4\tFIGHT\t\t",  # line 8
        "195\t19\ttoo few columns",  # line 9
        "19\t19\tFIGHT again\t-10\t4\tASSAULT\t\t",  # line 10
        "2X1\t2X\tBad code\t0\t4\t\t\t",  # line 11
        "201\t20\tNo root line\t-10\t4\tASSAULT\t\t",  # line 12
        "196\t19\tMode without event\t-10\t4\t\tfirearms\t",  # line 13
    )
    with pytest.raises(CodebookError) as info:
        read_codebook(path)
    problems = info.value.problems
    expected = [
        ("codebook.tsv:4:", "root '18'"),
        ("codebook.tsv:5:", "not a number"),
        ("codebook.tsv:6:", "outside [-10, 10]"),
        ("codebook.tsv:7:", "quad_class '5'"),
        ("codebook.tsv:8:", "'FIGHT' is not one of"),
        ("codebook.tsv:9:", "expected 8 tab-separated columns"),
        ("codebook.tsv:10:", "duplicate code 19 (first at line 3)"),
        ("codebook.tsv:11:", "not 2 to 4 digits"),
        ("codebook.tsv:12:", "no root line 20"),
        ("codebook.tsv:13:", "mode/context without a PLOVER event"),
    ]
    for where, message in expected:
        assert any(p.startswith(where) and message in p for p in problems), (where, message, problems)
    assert len(problems) == len(expected)


def test_read_codebook_rejects_a_wrong_header(tmp_path: Path) -> None:
    path = write(tmp_path, "19\t19\tFIGHT\t-10\t4\tASSAULT\t\t", header="code\tname")
    with pytest.raises(CodebookError, match=r"codebook.tsv:2: header must be"):
        read_codebook(path)


def _builder():
    spec = importlib.util.spec_from_file_location("build_codebook", REPO / "scripts" / "build_codebook.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_codebook", module)  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "cameo" / "cameo_codes.csv").exists(), reason="shared reference data absent")
def test_packaged_codebook_is_what_the_builder_makes(tmp_path: Path) -> None:
    builder = _builder()
    out = tmp_path / "codebook.tsv"
    rows, _notes = builder.build_rows(SHARED)
    builder.write_tsv(rows, out)
    packaged = REPO / "src" / "dyads" / "data" / "events" / "codebook.tsv"
    assert out.read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8")


def test_builder_inherits_plover_from_the_nearest_parent() -> None:
    builder = _builder()
    assert builder.parents("1831") == ["1831", "183", "18"]
