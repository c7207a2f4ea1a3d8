"""Build src/dyads/data/events/codebook.tsv from the CAMEO and PLOVER reference tables.

Usage (from the repository root):

    python scripts/build_codebook.py [--data ../shared/data] [--out src/dyads/data/events/codebook.tsv]

Only facts are taken over: the code, its short label, its Goldstein score, its QuadClass and its
PLOVER event/mode/context. Descriptions, usage notes and examples are not copied.

- code, name, goldstein: cameo/cameo_codes.csv (CAMEO 1.1b3)
- quad_class: cameo/cameo_codes_gdelt-py.json; a code missing there takes its nearest parent's
- plover_*: plover/CAMEO2PLOVER-2021.txt; a code without a line takes its nearest parent's line.
  PLOVER dropped CAMEO root 01 (statements): those codes have no PLOVER event. The 2021 table also
  drops root 02 (appeals), but the manual's REQUEST now covers "all requests, demands, and orders",
  so an appeal 02xx takes the PLOVER values of its parallel demand 10xx (CAMEO mirrors the two
  trees: 0253 "appeal for release" <-> 1053 "demand release"). This is the project's decision.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "dyads" / "data" / "events" / "codebook.tsv"

# PLOVER's current 16 event types, and the renames from the older 18-type draft.
PLOVER_EVENTS = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

COLUMNS = ("code", "root", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context")
PLOVER_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<body>[^#]*?)\s*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class Plover:
    event: str
    mode: str
    context: str


def parents(code: str) -> list[str]:
    """The code itself, then each ancestor: 1831 -> 1831, 183, 18."""
    return [code[:n] for n in range(len(code), 1, -1)]


def read_cameo(path: Path) -> list[tuple[str, str, float]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            if not re.fullmatch(r"\d{2,4}", code):
                raise ValueError(f"{path}: bad code {code!r}")
            rows.append((code, " ".join(row["name"].split()), float(row["goldstein"])))
    return rows


def read_quad_classes(path: Path) -> dict[str, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: int(entry["quad_class"]) for code, entry in data.items() if entry.get("quad_class")}


def _clean(field: str) -> str:
    # Multi-valued contexts are written "crime; corruption" in the source: normalise to "crime;corruption".
    return ";".join(part.strip() for part in field.split(";") if part.strip())


def read_plover(path: Path) -> tuple[dict[str, Plover], list[str]]:
    """Map CAMEO code -> PLOVER triple. The first line for a code wins; conflicting ones are reported."""
    table: dict[str, Plover] = {}
    notes: list[str] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = PLOVER_LINE.match(line.strip())
        if not m:
            continue
        fields = [_clean(f) for f in m["body"].split(",")] + ["", "", ""]
        event = fields[0].upper()
        event = PLOVER_RENAMES.get(event, event)
        if event not in PLOVER_EVENTS:
            raise ValueError(f"{path}:{lineno}: {event!r} is not one of the 16 PLOVER event types")
        entry = Plover(event, fields[1], fields[2])
        code = m["code"]
        if code in table and table[code] != entry:
            notes.append(f"{path.name}:{lineno}: {code} also mapped to {entry}; keeping {table[code]}")
        table.setdefault(code, entry)
    return table, notes


def build_rows(data: Path) -> tuple[list[list[str]], list[str]]:
    cameo = read_cameo(data / "cameo" / "cameo_codes.csv")
    quads = read_quad_classes(data / "cameo" / "cameo_codes_gdelt-py.json")
    plover, notes = read_plover(data / "plover" / "CAMEO2PLOVER-2021.txt")
    known = {code for code, _, _ in cameo}
    notes += [f"PLOVER line for {code} has no CAMEO 1.1b3 code; ignored" for code in plover if code not in known]
    rows = []
    for code, name, goldstein in cameo:
        quad = next((quads[c] for c in parents(code) if c in quads), None)
        if quad is None:
            raise ValueError(f"no QuadClass for {code} or any parent")
        if code not in quads:
            notes.append(f"{code}: QuadClass {quad} taken from a parent code")
        pl = next((plover[c] for c in parents(code) if c in plover), None)
        if pl is None and code.startswith("02"):
            pl = next((plover[c] for c in parents("10" + code[2:]) if c in plover), None)
        rows.append(
            [
                code,
                code[:2],
                name,
                f"{goldstein:g}",
                str(quad),
                pl.event if pl else "",
                pl.mode if pl else "",
                pl.context if pl else "",
            ]
        )
    return rows, notes


HEADER = """\
# CAMEO event codebook with PLOVER equivalents. Generated by scripts/build_codebook.py; do not edit by hand.
# Facts from: CAMEO 1.1b3 code list (andybega/icews, MIT), QuadClass (gdelt-py, MIT),
# CAMEO-to-PLOVER table 2021 (Open Event Data Alliance, CC BY-SA 4.0).
# Codes without a PLOVER line inherit their nearest parent's; PLOVER has no equivalent for root 01.
# Appeals (02xx) take the PLOVER values of the parallel demand (10xx): REQUEST covers all requests.
# plover_context may hold several values separated by ';'.
"""


def write_tsv(rows: list[list[str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared reference data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the TSV")
    args = parser.parse_args(argv)
    rows, notes = build_rows(args.data)
    write_tsv(rows, args.out)
    for note in notes:
        print("note:", note, file=sys.stderr)
    print(f"wrote {len(rows)} codes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
