"""Reading a gold file with an error that says what was expected."""

from __future__ import annotations

from pathlib import Path

from dyads.errors import GoldFileError


def read_gold(path: Path, expected: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFileError(path, getattr(error, "strerror", None) or str(error), expected) from None
