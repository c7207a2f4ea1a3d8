"""Cleaning: furniture removal, unit splitting, character repair, language, duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyads.clean.boilerplate import Boilerplate
from dyads.clean.dedup import content_hash
from dyads.clean.language import LanguageIdentifier
from dyads.clean.segment import Unit, split_units
from dyads.clean.textmap import MappedText
from dyads.records import Document, Reject
from dyads.settings import Settings

__all__ = ["Boilerplate", "Cleaner", "MappedText", "Prepared", "Unit", "split_units"]

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Prepared:
    """A document after cleaning: its parseable units, or why it is skipped."""

    document: Document
    units: list[Unit] = field(default_factory=list)
    reject: Reject | None = None
    language: str | None = None
    content_hash: str = ""


class Cleaner:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.boilerplate = Boilerplate.load()
        self.language = LanguageIdentifier()

    def prepare(self, document: Document) -> Prepared:
        prepared = Prepared(document, content_hash=content_hash(document.text))
        origin = document.origin or document.doc_id
        if not document.text.strip():
            prepared.reject = Reject(origin, "empty", "no text")
            return prepared
        prepared.units = split_units(document.text, self.boilerplate)
        cleaned = " ".join(unit.text for unit in prepared.units)
        words = len(_WORD.findall(cleaned[:5000]))
        if words < self.settings.min_words:
            prepared.reject = Reject(origin, "empty:too-short", f"{words} words after cleaning")
            return prepared
        prepared.language = self.language.identify(cleaned, self.settings.languages)
        if self.settings.languages and prepared.language not in self.settings.languages:
            prepared.reject = Reject(origin, f"language:{prepared.language}",
                                     f"detected language {prepared.language!r}; only "
                                     f"{', '.join(self.settings.languages)} is coded")
        return prepared
