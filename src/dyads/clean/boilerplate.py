"""Page furniture: comment boxes, share lines, newsletter prompts.

The patterns are data (``data/clean/boilerplate.yaml``); this module only
decides which lines of a document are furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True, slots=True)
class Boilerplate:
    tail: re.Pattern[str]
    line: re.Pattern[str]
    tail_fraction: float

    @classmethod
    def load(cls, path: Path | None = None) -> Boilerplate:
        source = path or resources.files("dyads") / "data" / "clean" / "boilerplate.yaml"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        return cls(
            tail=_alternation(data.get("tail", []), source),
            line=_alternation(data.get("line", []), source),
            tail_fraction=float(data.get("tail_fraction", 0.35)),
        )

    def furniture(self, lines: list[str]) -> set[int]:
        """Indexes of the lines to drop."""
        drop: set[int] = set()
        content = [i for i, text in enumerate(lines) if text.strip()]
        if not content:
            return drop
        tail_from = content[int(len(content) * (1 - self.tail_fraction))] if len(content) > 3 else content[-1]
        for i in content:
            text = lines[i].strip()
            if i >= tail_from and self.tail.fullmatch(text):
                drop.update(range(i, len(lines)))
                break
            if len(text) < 120 and self.line.fullmatch(text):
                drop.add(i)
        return drop


def _alternation(patterns: list[str], source: object) -> re.Pattern[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"{source}: bad pattern {pattern!r}: {err}") from err
    body = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(body, re.IGNORECASE)
