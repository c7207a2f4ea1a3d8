"""Grouping goals that mean the same: a lexical key from concept words (always available)
and, when the optional embeddings extra is installed, sentence-embedding similarity."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml

_WORD = re.compile(r"[\w.'-]+")
_STOP = frozenset("a an the of to in on for with and or its his her their our by from at as into over that this "
                  "these those more most new further any all be is are s 's".split())


@dataclass(frozen=True, slots=True)
class Concepts:
    concept_of: dict[str, str]
    opposites: tuple[tuple[str, str], ...] = ()

    @classmethod
    def load(cls) -> Concepts:
        data = yaml.safe_load((resources.files("dyads") / "data" / "goals" / "concepts.yaml").read_text("utf-8"))
        opposites = tuple((str(a), str(b)) for a, b in data.pop("opposites", []))
        concept_of: dict[str, str] = {}
        for concept, words in data.items():
            for word in words:
                concept_of.setdefault(str(word).lower(), concept)
        return cls(concept_of, opposites)

    def opposed(self, a: str, b: str) -> bool:
        """The two phrases sit on opposite sides of some pair ("strengthen alliances" / "weaken NATO unity")."""
        ca, cb = self.concepts(a), self.concepts(b)
        return any((x in ca and y in cb) or (y in ca and x in cb) for x, y in self.opposites
                   if not ({x, y} <= ca or {x, y} <= cb))

    def concepts(self, phrase: str) -> frozenset[str]:
        found = set()
        for word in _WORD.findall(phrase.lower()):
            word = word.strip(".'-")
            if not word or word in _STOP:
                continue
            found.add(self.concept_of.get(word) or self.concept_of.get(_singular(word)) or _singular(word))
        return frozenset(found)

    def key(self, phrase: str) -> str:
        """A stable cluster key: the sorted concepts of the phrase."""
        return "+".join(sorted(self.concepts(phrase)))

    def similarity(self, a: str, b: str) -> float:
        ca, cb = self.concepts(a), self.concepts(b)
        return len(ca & cb) / len(ca | cb) if ca and cb else 0.0


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
