"""Readable names for actor ids, CAMEO actor codes and event codes.

Built once per brief from the actor dictionary and the codebook; a brief
still renders (with raw codes) when either cannot be loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Names:
    people: Mapping[str, str] = field(default_factory=dict)  # actor_id -> canonical name
    codes: Mapping[str, str] = field(default_factory=dict)  # country or IGO code -> name
    sectors: Mapping[str, str] = field(default_factory=dict)  # sector code -> label
    events: Mapping[str, str] = field(default_factory=dict)  # CAMEO code -> short label

    def actor(self, actor_id: str | None, code: str | None = None, text: str | None = None) -> str:
        """Best name for an actor: dictionary name, else the text, else the code's name."""
        if actor_id and actor_id in self.people:
            return self.people[actor_id]
        if text:
            return text
        return self.code(code) if code else (actor_id or "unknown actor")

    def code(self, code: str | None) -> str:
        """`RUSGOV` -> `Russia · government`; unknown parts stay as they are."""
        if not code:
            return "unknown actor"
        for cut in range(min(len(code), 9), 2, -1):
            head = code[:cut]
            if head in self.codes:
                rest = code[cut:]
                sectors = [self.sectors.get(rest[i:i + 3], rest[i:i + 3]) for i in range(0, len(rest), 3)]
                return " · ".join([self.codes[head], *sectors]) if sectors else self.codes[head]
        return code

    def event(self, cameo: str | None) -> str | None:
        return self.events.get(cameo) if cameo else None


def load_names() -> Names:
    people: dict[str, str] = {}
    codes: dict[str, str] = {}
    sectors: dict[str, str] = {}
    events: dict[str, str] = {}
    try:
        from dyads.actors.dictionary import load_actor_dictionary

        dictionary = load_actor_dictionary()
        for entry in dictionary.entries.values():
            people[entry.actor_id] = entry.name
            if entry.kind in ("country", "igo") and entry.country and entry.country not in codes:
                codes[entry.country] = entry.name
        sectors.update(dictionary.sectors)
    except Exception:  # noqa: BLE001 - names are a nicety; the brief works with raw codes
        pass
    try:
        from dyads.events.codebook import load_codebook

        events.update((c.code, c.name) for c in load_codebook())
    except Exception:  # noqa: BLE001
        pass
    return Names(MappingProxyType(people), MappingProxyType(codes), MappingProxyType(sectors),
                 MappingProxyType(events))
