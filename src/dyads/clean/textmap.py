"""A cleaned text that remembers where each of its characters came from.

Cleaning inserts spaces (``dynamics.While`` → ``dynamics. While``), swaps
characters (curly quotes) and drops furniture; parsing runs on the cleaned
text, but every record must point into the original. ``MappedText`` keeps,
for each cleaned character, the start and end of the original characters
it stands for.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass(slots=True)
class MappedText:
    parts: list[str] = field(default_factory=list)
    starts: array = field(default_factory=lambda: array("i"))
    ends: array = field(default_factory=lambda: array("i"))

    def copy(self, original: str, start: int, end: int) -> None:
        """Append original[start:end] unchanged."""
        if end <= start:
            return
        self.parts.append(original[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def replace(self, new: str, start: int, end: int) -> None:
        """Append `new` standing for original[start:end] (end == start: an insertion)."""
        if not new:
            return
        self.parts.append(new)
        width = end - start
        if width == len(new):
            self.starts.extend(range(start, end))
            self.ends.extend(range(start + 1, end + 1))
            return
        for i in range(len(new)):
            if width <= 0:
                self.starts.append(start)
                self.ends.append(start)
            else:
                s = start + (i * width) // len(new)
                self.starts.append(s)
                self.ends.append(max(s + 1, start + ((i + 1) * width) // len(new)))

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the cleaned span [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def __len__(self) -> int:
        return len(self.starts)
