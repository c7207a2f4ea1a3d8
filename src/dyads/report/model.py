"""What a briefing holds: plain, immutable data that both renderers read.

Every line (goal, event, relation) cites evidence by `ref`, the id of an
`Evidence` item in `Brief.evidence`; the renderers turn refs into anchors
(HTML) or footnotes (Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Event modalities, grouped the way a reader weighs them.
MODALITY_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("asserted", "Reported as fact", ("asserted",)),
    ("hedged", "Reported with hedging", ("hedged",)),
    ("unrealised", "Possible, planned or denied", ("hypothetical", "future", "negated")),
    ("historical", "Background", ("historical",)),
)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span inside `Evidence.sentence` (offsets into that sentence) with its role."""

    start: int
    end: int
    kind: str = "span"  # span | source | trigger | target


@dataclass(frozen=True, slots=True)
class Evidence:
    ref: str  # anchor id, "ev-1"
    doc_id: str
    sentence: str
    highlights: tuple[Highlight, ...] = ()
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None  # modality or "hedged"
    char_start: int | None = None  # offsets of the cited span in the document
    char_end: int | None = None


@dataclass(frozen=True, slots=True)
class GoalLine:
    label: str
    actor: str  # display name of who wants it
    actor_code: str | None
    num_goals: int
    num_documents: int
    num_sources: int
    asserted: int
    hedged: int
    refs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventLine:
    label: str  # "Putin → Trump: Discuss by telephone"
    source: str
    target: str | None
    cameo: str | None
    cameo_name: str | None
    quad_class: int | None
    modality: str
    group: str  # a key of MODALITY_GROUPS
    first_date: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    modalities: tuple[tuple[str, int], ...]  # counts per modality in the aggregate
    refs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    source: str  # node key (actor code)
    target: str
    source_name: str
    target_name: str
    events: int
    cooperative: int
    conflictual: int
    goldstein_mean: float | None
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ToneBar:
    actor: str  # display name
    actor_code: str | None
    mean_tone: float  # [-1, 1]
    documents: int
    mentions: int
    focus: bool = False  # the actor the brief is about


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int = 0
    sources: int = 0
    events: int = 0
    goals: int = 0
    actors: int = 0


@dataclass(frozen=True, slots=True)
class Brief:
    question: str  # "What does Putin want?"
    actor_query: str | None
    matched: tuple[str, ...]  # display names of the actors the query matched
    counts: Counts
    goals: tuple[GoalLine, ...] = ()
    events: tuple[EventLine, ...] = ()
    relations: tuple[Relation, ...] = ()
    tones: tuple[ToneBar, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    focus_codes: tuple[str, ...] = ()  # network nodes to draw as the focus
    message: str | None = None  # why the brief is empty, when it is
    notes: tuple[str, ...] = field(default=())  # caveats about the data (e.g. no tone records yet)
    store: str | None = None

    def events_in(self, group: str) -> tuple[EventLine, ...]:
        return tuple(e for e in self.events if e.group == group)

    def evidence_by_ref(self) -> dict[str, Evidence]:
        return {e.ref: e for e in self.evidence}


def group_of(modality: str | None) -> str:
    for key, _, members in MODALITY_GROUPS:
        if modality in members:
            return key
    return "asserted" if not modality else "unrealised"
