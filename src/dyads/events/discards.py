"""Discard phrases (PETRARCH's discard lists): text about sports, entertainment and the like is not coded.

A sentence discard stops events in the sentence that contains it; a story discard (`+PHRASE`) in any
sentence stops the events of the whole document. Matching is case-insensitive, starts at a word boundary
and, unless the phrase was written with a final `_`, may end inside a word (a stem: BASEBALL also finds
"baseballs").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dyads.dictionaries.records import DiscardList


@dataclass(frozen=True)
class Discards:
    sentence_pattern: re.Pattern[str] | None
    story_pattern: re.Pattern[str] | None

    @classmethod
    def compile(cls, lists: Sequence[DiscardList]) -> Discards:
        sentence: list[str] = []
        story: list[str] = []
        for discard_list in lists:
            for record in discard_list.discards:
                words = r"\s+".join(re.escape(w.lower()) for w in record.words)
                (story if record.story else sentence).append(words + (r"(?!\w)" if record.whole_word else ""))
        return cls(_alternation(sentence), _alternation(story))

    def __bool__(self) -> bool:
        return self.sentence_pattern is not None or self.story_pattern is not None

    def in_sentence(self, text: str) -> str | None:
        """The discard phrase found in a sentence (either kind), or None."""
        for pattern in (self.sentence_pattern, self.story_pattern):
            found = pattern.search(text.lower()) if pattern is not None else None
            if found:
                return found.group(0)
        return None

    def in_story(self, text: str) -> str | None:
        """The story discard phrase found in a document, or None."""
        found = self.story_pattern.search(text.lower()) if self.story_pattern is not None else None
        return found.group(0) if found else None


def _alternation(parts: list[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    longest_first = sorted(set(parts), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(longest_first) + ")")
