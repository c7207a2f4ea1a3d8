"""Typed records that flow through the pipeline.

Every stage takes and returns these; none of them knows about the store,
the CLI or spaCy. Offsets (`char_start`, `char_end`) always index the
document text as given (`Document.text`), before any normalisation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# How certain the text is about an event (Event.modality), most certain first.
MODALITIES = ("asserted", "hedged", "hypothetical", "future", "negated", "historical")
# Where a query looks for an actor in an event.
ACTOR_ROLES = ("source", "target", "either")


@dataclass(slots=True)
class Document:
    """One article as read from its input, before cleaning."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None  # publisher / site / feed name
    author: str | None = None
    origin: str = ""  # where it was read: path, path:line, path#entry
    fmt: str = ""  # reader that produced it: txt, md, html, jsonl, csv, warc, feed


@dataclass(slots=True, frozen=True)
class Reject:
    """An input item that could not be read; `reason` is a short code, `detail` says where and why."""

    origin: str
    reason: str
    detail: str = ""


@dataclass(slots=True)
class Sentence:
    doc_id: str
    index: int
    char_start: int
    char_end: int
    text: str  # Document.text[char_start:char_end]
    unit: str = "prose"  # prose, heading, bullet, table_row


@dataclass(slots=True)
class Actor:
    """A resolved actor: what the text said and the CAMEO code it stands for."""

    text: str
    code: str | None = None  # full CAMEO code, e.g. RUSGOV, IGOWSTNAT
    country: str | None = None  # 3-letter country code, or the IGO code
    sector: str | None = None  # GOV, MIL, COP, BUS …
    actor_id: str | None = None  # dictionary id, e.g. "vladimir_putin", "RUS"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    doc_id: str
    char_start: int
    char_end: int
    text: str
    label: str  # spaCy entity label, or ACTOR for dictionary matches
    actor: Actor | None = None
    sentence_index: int | None = None


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Event:
    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    source: Actor
    target: Actor | None
    trigger: str
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: dict[str, str | None]
    modality: str  # asserted, hedged, hypothetical, future, negated, historical
    location: Location | None
    date: str | None
    is_root: bool
    rule: str
    confidence: float
    explanation: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Goal:
    goal_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    actor: Actor
    goal: str  # normalised verb phrase, e.g. "weaken NATO unity"
    text: str  # the exact span
    target: Actor | None = None
    hedged: bool = False
    cluster: str | None = None
    rule: str = ""


@dataclass(slots=True)
class ActorTone:
    doc_id: str
    actor: Actor
    mentions: int
    tone: float


@dataclass(slots=True)
class Result:
    """Everything the pipeline found in one document."""

    document: Document
    language: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    tones: list[ActorTone] = field(default_factory=list)
    doc_tone: dict[str, float] = field(default_factory=dict)
    reject: Reject | None = None  # set when the document was skipped after reading (language, empty …)
    content_hash: str = ""
    word_count: int = 0
