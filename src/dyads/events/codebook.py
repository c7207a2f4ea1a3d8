"""The CAMEO event codebook with Goldstein scores, QuadClass and PLOVER equivalents.

Loaded once from `data/events/codebook.tsv` (built by `scripts/build_codebook.py`), validated, and
held in an immutable `Codebook` that callers pass around explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

from dyads.errors import DataFileError

# PLOVER's 16 event types (manual draft 0.8, 2021). A schema fact, not dictionary knowledge.
PLOVER_EVENTS = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
COLUMNS = ("code", "root", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context")


class CodebookError(DataFileError):
    """The codebook file is malformed; the message lists every problem as `file:line: message`."""

    what = "codebook"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # "051", "1831"
    root: str  # the 2-digit root, "05"
    name: str  # short CAMEO label
    goldstein: float  # -10 … +10
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover_event: str | None  # one of PLOVER_EVENTS; None for CAMEO roots 01 and 02
    plover_mode: str | None
    plover_context: str | None  # several values are separated by ';'

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2

    @property
    def plover(self) -> dict[str, str | None]:
        """The `plover` field of an event record."""
        return {"event": self.plover_event, "mode": self.plover_mode, "context": self.plover_context}


class Codebook:
    """Read-only table of CAMEO codes. `codebook["051"]`, `"051" in codebook`, `for c in codebook`."""

    __slots__ = ("_codes",)

    def __init__(self, codes: Mapping[str, CameoCode]) -> None:
        self._codes: Mapping[str, CameoCode] = MappingProxyType(dict(sorted(codes.items())))

    def __getitem__(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            hint = ""
            if (
                isinstance(code, str)
                and code.isdigit()
                and len(code) in (1, 2, 3)
                and code.zfill(len(code) + 1) in self
            ):
                hint = f" (did you mean {code.zfill(len(code) + 1)!r}? codes keep their leading zero)"
            raise KeyError(f"unknown CAMEO code {code!r}{hint}; the codebook has {len(self)} codes") from None

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        """Every code record, in code order ("01", "010", "011", … "2042")."""
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Codebook({len(self)} codes)"

    def get(self, code: str, default: CameoCode | None = None) -> CameoCode | None:
        return self._codes.get(code, default)

    def codes(self) -> tuple[str, ...]:
        return tuple(self._codes)

    def lookup(self, code: str) -> CameoCode:
        """The code's record; a code outside CAMEO (a user dictionary's own, such as TABARI's `174K`) gets a
        record with its first two characters as root, no Goldstein score (0.0), quad class 0 and no PLOVER type."""
        known = self._codes.get(code)
        if known is not None:
            return known
        return CameoCode(code, code[:2], "not a CAMEO code", 0.0, 0, None, None, None)

    def roots(self) -> tuple[CameoCode, ...]:
        return tuple(c for c in self if c.is_root)

    def parent(self, code: str) -> CameoCode | None:
        """The code one level up ("1831" -> "183", "183" -> "18"); None for a root."""
        self[code]  # raises on unknown codes
        return self._codes.get(code[:-1]) if len(code) > 2 else None


def default_path() -> Path:
    return Path(str(files("dyads") / "data" / "events" / "codebook.tsv"))


def _optional(value: str) -> str | None:
    return value or None


def _parse_row(fields: list[str], where: str, problems: list[str]) -> CameoCode | None:
    if len(fields) != len(COLUMNS):
        problems.append(f"{where}: expected {len(COLUMNS)} tab-separated columns, found {len(fields)}")
        return None
    code, root, name, goldstein, quad, event, mode, context = (f.strip() for f in fields)
    start = len(problems)
    if not (code.isdigit() and 2 <= len(code) <= 4):
        problems.append(f"{where}: code {code!r} is not 2 to 4 digits")
    elif root != code[:2]:
        problems.append(f"{where}: root {root!r} does not match code {code!r}")
    if not name:
        problems.append(f"{where}: empty name")
    try:
        score = float(goldstein)
        if not -10.0 <= score <= 10.0:
            problems.append(f"{where}: Goldstein score {score} outside [-10, 10]")
    except ValueError:
        problems.append(f"{where}: Goldstein score {goldstein!r} is not a number")
        score = 0.0
    if quad not in {"1", "2", "3", "4"}:
        problems.append(f"{where}: quad_class {quad!r} is not 1, 2, 3 or 4")
    if event and event not in PLOVER_EVENTS:
        problems.append(f"{where}: PLOVER event {event!r} is not one of {', '.join(sorted(PLOVER_EVENTS))}")
    if (mode or context) and not event:
        problems.append(f"{where}: PLOVER mode/context without a PLOVER event")
    if len(problems) > start:
        return None
    return CameoCode(code, root, name, score, int(quad), _optional(event), _optional(mode), _optional(context))


def read_codebook(path: Path) -> Codebook:
    """Parse and validate a codebook TSV; raise `CodebookError` listing every bad line."""
    problems: list[str] = []
    codes: dict[str, CameoCode] = {}
    lines_of: dict[str, int] = {}
    header_seen = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(f.strip() for f in fields) != COLUMNS:
                problems.append(f"{where}: header must be {' '.join(COLUMNS)} (tab-separated)")
            continue
        record = _parse_row(fields, where, problems)
        if record is None:
            continue
        if record.code in codes:
            problems.append(f"{where}: duplicate code {record.code} (first at line {lines_of[record.code]})")
            continue
        codes[record.code] = record
        lines_of[record.code] = lineno
    if not header_seen:
        problems.append(f"{path.name}:1: no header line")
    for code in codes:
        if code[:2] not in codes:
            problems.append(f"{path.name}:{lines_of[code]}: code {code} has no root line {code[:2]}")
    if problems:
        raise CodebookError(problems)
    return Codebook(codes)


def load_codebook(path: Path | None = None) -> Codebook:
    """The packaged codebook (or the one at `path`), validated."""
    return read_codebook(path or default_path())
