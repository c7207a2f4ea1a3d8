"""Stored events read back with filters: who (a name, a dictionary id or a CAMEO code prefix, as source,
target or either), what (CAMEO code or root, QuadClass, PLOVER type), how certain (modality), when (date
range) and where from (document).

    page = find_events(store, EventFilter(actor="Putin", cameo=("04",), limit=None))
    page.rows, page.total

An actor that matches nothing in the store raises `NoSuchActor` with similar names found there.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any

from dyads.errors import NoSuchActor, NoSuchEvent, UsageError
from dyads.events.codebook import PLOVER_EVENTS
from dyads.records import ACTOR_ROLES, MODALITIES
from dyads.store import Store
from dyads.store.queries import load_queries

_CAMEO = re.compile(r"\d{2,4}")
# CAMEO actor codes are built of 3-letter parts (RUS, RUSGOV, IGOWSTNAT): a query shaped like one is
# also read as a code prefix; "Putin" or "Iran" are not.
_CODE_LIKE = re.compile(r"(?:[A-Za-z]{3})+")
SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `find_events` keeps. Empty tuples and None do not filter; `limit` None means all."""

    actor: str | None = None
    role: str = "either"
    cameo: tuple[str, ...] = ()  # codes or roots: "19", "190", "0332"
    quad_class: tuple[int, ...] = ()
    plover: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    doc_ids: tuple[str, ...] = ()
    limit: int | None = 20

    def problems(self) -> list[str]:
        """Every value that cannot be used, as a message naming the option."""
        found = []
        if self.role not in ACTOR_ROLES:
            found.append(f"--role must be one of {', '.join(ACTOR_ROLES)}, not {self.role!r}")
        if self.actor is not None and not self.actor.strip():
            found.append("--actor is empty")
        found += [f"--cameo {code!r} is not a CAMEO code or root (2 to 4 digits, e.g. 19 or 0332)"
                  for code in self.cameo if not _CAMEO.fullmatch(code)]
        found += [f"--quad-class {quad} is not 1, 2, 3 or 4" for quad in self.quad_class if quad not in (1, 2, 3, 4)]
        found += [f"--plover {kind!r} is not a PLOVER event type ({', '.join(sorted(PLOVER_EVENTS))})"
                  for kind in self.plover if kind.upper() not in PLOVER_EVENTS]
        found += [f"--modality {kind!r} is not one of {', '.join(MODALITIES)}"
                  for kind in self.modality if kind not in MODALITIES]
        if self.since and self.until and self.since > self.until:
            found.append(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and self.limit < 0:
            found.append(f"--limit must be 0 (all) or more, not {self.limit}")
        return found


@dataclass(frozen=True, slots=True)
class EventPage:
    rows: list[dict[str, Any]]
    total: int  # events matching the filter, before the limit
    note: str = ""  # why nothing matched, when the actor exists but not with these filters


@dataclass(frozen=True, slots=True)
class _ActorQuery:
    ids: tuple[str, ...]
    pattern: str
    prefix: str | None
    from_dictionary: bool = False  # the ids come from the actor dictionary, not from the store


@cache
def _queries() -> Mapping[str, str]:
    return MappingProxyType(load_queries("events.sql"))


def _dicts(store: Store, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cursor = store.cursor(_queries()[name], params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def word_pattern(name: str) -> str:
    """Whole-word regular expression for a name (to be used without case): "Putin" matches "Vladimir Putin"."""
    return r"(^|\W)" + re.escape(name.strip()) + r"($|\W)"


def _resolve_actor(store: Store, query: str, known_names: Callable[[], Mapping[str, str]] | None) -> _ActorQuery:
    """Ids the store links to the name; when it links none, ids whose dictionary name matches."""
    pattern = "(?i)" + word_pattern(query)
    ids = [row["actor_id"] for row in _dicts(store, "actor_ids_matching", {"pattern": pattern, "query": query.strip()})]
    from_dictionary = False
    if not ids and known_names is not None:
        regex = re.compile(word_pattern(query), re.IGNORECASE)
        ids = [actor_id for actor_id, name in known_names().items() if regex.search(name)]
        from_dictionary = bool(ids)
    prefix = query.strip().upper() if _CODE_LIKE.fullmatch(query.strip()) else None
    return _ActorQuery(tuple(ids), pattern, prefix, from_dictionary)


def _params(flt: EventFilter, actor: _ActorQuery | None) -> dict[str, Any]:
    return {
        "actor_ids": list(actor.ids) if actor else None,
        "actor_pattern": actor.pattern if actor else None,
        "actor_prefix": actor.prefix if actor else None,
        "role": flt.role,
        "cameo_pattern": "^(" + "|".join(flt.cameo) + ")" if flt.cameo else None,
        "quad_class": list(flt.quad_class) or None,
        "plover": [kind.upper() for kind in flt.plover] or None,
        "modality": list(flt.modality) or None,
        "since": flt.since,
        "until": flt.until,
        "doc_ids": list(flt.doc_ids) or None,
        "limit": flt.limit if flt.limit else None,
    }


def find_events(store: Store, flt: EventFilter,
                known_names: Callable[[], Mapping[str, str]] | None = None) -> EventPage:
    """Events matching every filter, by date (undated last). `known_names` gives {actor id: name} of the
    actor dictionary, asked only when the store itself links no actor id to the name."""
    problems = flt.problems()
    if problems:
        raise UsageError("; ".join(problems))
    actor = _resolve_actor(store, flt.actor, known_names) if flt.actor else None
    rows = _dicts(store, "events_filtered", _params(flt, actor))
    total = rows[0]["total"] if rows else 0
    for row in rows:
        del row["total"]
    note = _why_none(store, flt, actor) if actor is not None and not rows else ""
    return EventPage(rows, total, note)


def _why_none(store: Store, flt: EventFilter, actor: _ActorQuery) -> str:
    """Nothing matched: say why when the actor is in the store; raise NoSuchActor when it is not."""
    def count(role: str) -> int:
        found = _dicts(store, "events_filtered", _params(EventFilter(role=role, limit=1), actor))
        return found[0]["total"] if found else 0

    anywhere = count("either")
    ids = ", ".join(actor.ids)
    if not anywhere and actor.ids and not actor.from_dictionary:
        return f"{flt.actor!r} ({ids}) is mentioned in the store but takes part in no stored event."
    if not anywhere:
        note = f"The actor dictionary knows it ({ids}), but no stored text mentions it." if actor.ids else ""
        raise no_such_actor(store, flt.actor or "", note)
    if flt.role != "either" and not count(flt.role):
        other = "target" if flt.role == "source" else "source"
        return f"{flt.actor!r} is never the {flt.role} of a stored event, but it is the {other} of {anywhere}: " \
               f"try --role {other}."
    return f"{flt.actor!r} takes part in {anywhere} stored events, but none passes the other filters."


def no_such_actor(store: Store, query: str, note: str = "") -> NoSuchActor:
    """The error for an actor query that matches nothing, naming similar (else the most mentioned) actors."""
    similar = similar_actors(store, query)
    common: dict[str, str] = {}  # one name per actor, most mentioned first
    for row in [] if similar else _dicts(store, "actor_names", {"limit": 100}):
        common.setdefault(row["actor_id"] or row["code"], _label(row))
    return NoSuchActor(query, similar, list(common.values())[:SUGGESTIONS], note)


def similar_actors(store: Store, query: str, n: int = SUGGESTIONS) -> list[str]:
    """Actors in the store whose name (or a word of it), id or code is close to `query`, closest first:
    "Putin (vladimir_putin, RUSGOV)", "RUSGOV"."""
    labels: dict[str, str] = {}  # lowercase candidate -> what to show
    for row in _dicts(store, "actor_names", {"limit": 5000}):
        name = (row["name"] or "").lower()
        for word in (name, *name.split()):
            labels.setdefault(word, _label(row))
        if row["actor_id"]:
            labels.setdefault(row["actor_id"].lower().replace("_", " "), _label(row))
        labels.setdefault(row["code"].lower(), row["code"])
    close = difflib.get_close_matches(query.strip().lower(), [k for k in labels if k], n=n * 3, cutoff=0.7)
    return list(dict.fromkeys(labels[key] for key in close))[:n]


def _label(row: dict[str, Any]) -> str:
    known = dict.fromkeys(x for x in (row["actor_id"], row["code"]) if x and x != row["name"])
    return f"{row['name']} ({', '.join(known)})" if known else str(row["name"])


def event_by_id(store: Store, event_id: str) -> dict[str, Any]:
    """The stored event with this id; NoSuchEvent (naming ids that start with it, e.g. a cut-off id) if none."""
    rows = store.query_dicts("event_by_id", event_id=event_id)
    if rows:
        return rows[0]
    prefix = event_id.rstrip("…").rstrip(".")
    raise NoSuchEvent(event_id, [row["event_id"] for row in store.query_dicts("event_ids_like", prefix=prefix)])
