"""Turn what the store holds into a `Brief`: lines that each cite their evidence."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dyads.records import MODALITIES
from dyads.report.collect import PER_LINE, ActorMatch, Collected, collect, focus_codes, match_actor, sentence_spans
from dyads.report.model import (
    Brief,
    Counts,
    EventLine,
    Evidence,
    GoalLine,
    Highlight,
    Relation,
    ToneBar,
    group_of,
)
from dyads.report.names import Names, load_names

EVENTS_PER_GROUP = 30
GOALS_PER_ACTOR = 40
GOAL_ACTORS = 12
MAX_RELATIONS = 200  # busiest dyads first


class EvidenceBook:
    """Numbers cited sentences once each and works out what to highlight in them."""

    def __init__(self, spans: dict[str, list[tuple[int, int]]]) -> None:
        self.spans = spans
        self.items: list[Evidence] = []
        self._refs: dict[tuple, str] = {}

    def cite(self, item: dict[str, Any], note: str | None = None) -> str | None:
        sentence = item.get("sentence") or ""
        if not sentence:
            return None
        highlights = _highlights(item, sentence, self._sentence_start(item, sentence))
        key = (item.get("doc_id"), sentence, highlights)
        if key in self._refs:
            return self._refs[key]
        ref = f"ev-{len(self.items) + 1}"
        self._refs[key] = ref
        self.items.append(Evidence(
            ref=ref, doc_id=str(item.get("doc_id") or ""), sentence=sentence, highlights=highlights,
            title=item.get("title"), source=item.get("source"), date=_text(item.get("date")),
            url=item.get("url"), note=note, char_start=item.get("char_start"), char_end=item.get("char_end")))
        return ref

    def _sentence_start(self, item: dict[str, Any], sentence: str) -> int | None:
        if item.get("sentence_start") is not None:
            return int(item["sentence_start"])
        start, end = item.get("char_start"), item.get("char_end")
        if start is None or end is None:
            return None
        for s_start, s_end in self.spans.get(str(item.get("doc_id")), ()):
            if s_start <= start and end <= s_end and s_end - s_start == len(sentence):
                return s_start
        return None


def _tidy(label: str) -> str:
    """Undo tokenised possessives in normalised goal phrases ("Russia 's" -> "Russia's")."""
    return re.sub(r"\s+(['’]s)\b", r"\1", label)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _find(sentence: str, needle: str | None, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """First whole-word occurrence of `needle` that overlaps nothing already highlighted."""
    if not needle or not needle.strip():
        return None
    for found in re.finditer(r"(?<!\w)" + re.escape(needle.strip()) + r"(?!\w)", sentence, re.IGNORECASE):
        span = found.span()
        if all(span[1] <= a or span[0] >= b for a, b in taken):
            return span
    return None


def _highlights(item: dict[str, Any], sentence: str, sentence_start: int | None) -> tuple[Highlight, ...]:
    marks: list[Highlight] = []
    start, end = item.get("char_start"), item.get("char_end")
    if sentence_start is not None and start is not None and end is not None:
        a, b = start - sentence_start, end - sentence_start
        if 0 <= a < b <= len(sentence) and (a, b) != (0, len(sentence)):
            marks.append(Highlight(a, b, "span"))
    if not marks and item.get("text"):
        span = _find(sentence, item["text"], [])
        if span:
            marks.append(Highlight(*span, "span"))
    if not marks:  # an event cited by its whole sentence: show who did what to whom
        taken: list[tuple[int, int]] = []
        for kind in ("trigger", "source", "target"):
            span = _find(sentence, item.get(kind if kind == "trigger" else f"{kind}_text"), taken)
            if span:
                taken.append(span)
                marks.append(Highlight(*span, kind))
    return tuple(sorted(marks, key=lambda h: h.start))


def _question(actor: str | None, match: ActorMatch | None) -> str:
    if not actor:
        return "Who wants what, and who does what to whom?"
    name = actor.strip()
    if match and match.names and ("_" in name or name.islower() or name.isupper()):
        name = match.names[0]
    return f"What does {name} want?"


def build_brief(store: Any, actor: str | None, names: Names | None = None) -> Brief:
    """Everything the brief shows for the whole store (`actor=None`) or one actor."""
    names = names or load_names()
    actor = actor.strip() if actor and actor.strip() else None
    match = match_actor(store, actor, names) if actor else None
    question = _question(actor, match)
    store_path = getattr(store, "path", None)
    if match is not None and not match.found:
        suggestions = _suggestions(store, names)
        message = f"Nothing in this store matches the actor “{actor}”."
        notes = (f"Try one of: {', '.join(suggestions)}.",) if suggestions else ()
        return Brief(question, actor, (), Counts(), message=message, notes=notes, store=store_path)
    data = collect(store, match, names)
    counts = Counts(**{k: int(data.counts.get(k) or 0) for k in ("documents", "sources", "events", "goals",
                                                                 "actors")})
    if counts.documents == 0 and match is None:
        return Brief(question, None, (), counts, store=store_path,
                     message="This store holds no documents yet. Add some with `dyads run FILES --db STORE`.")
    focus = tuple(focus_codes(store, match)) if match else ()
    doc_ids = sorted({str(ev.get("doc_id")) for row in data.goals + data.events + data.relations
                      for ev in row.get("evidence") or ()})
    book = EvidenceBook(sentence_spans(store, doc_ids))
    goals = _goal_lines(data.goals, book, names)
    events, pair_refs = _event_lines(data, book, names)
    relations = tuple(_relation(row, names, pair_refs, book) for row in data.relations[:MAX_RELATIONS])
    tones = tuple(_tone(row, names, match) for row in data.tones
                  if row.get("mean_tone", row.get("tone")) is not None)
    message = None
    if not (goals or events or relations or tones):
        message = (f"The store mentions {match.names[0] if match and match.names else actor} but has no goals, "
                   "events or tone records for it yet." if match else
                   "The store holds documents, but no goals, events or tone records were coded from them.")
    return Brief(question, actor, match.names if match else (), counts, goals, events, relations, tones,
                 tuple(book.items), focus, message, tuple(data.notes), store_path)


def _suggestions(store: Any, names: Names, n: int = 8) -> list[str]:
    rows = store.cursor("SELECT actor_id, mode(text), count(*) AS n FROM mentions WHERE actor_id IS NOT NULL "
                        "GROUP BY actor_id ORDER BY n DESC LIMIT $n", {"n": n}).fetchall()
    return [names.actor(actor_id, None, text) for actor_id, text, _ in rows]


def _goal_lines(rows: list[dict[str, Any]], book: EvidenceBook, names: Names) -> tuple[GoalLine, ...]:
    """Goal lines in the order given, at most GOALS_PER_ACTOR for each of at most GOAL_ACTORS actors."""
    kept: dict[Any, int] = {}
    lines = []
    for row in rows:
        key = row.get("actor_id") or row.get("actor_code") or row.get("actor_text")
        if kept.get(key, 0) >= GOALS_PER_ACTOR or (key not in kept and len(kept) >= GOAL_ACTORS):
            continue
        kept[key] = kept.get(key, 0) + 1
        lines.append(_goal_line(row, book, names))
    return tuple(lines)


def _goal_line(row: dict[str, Any], book: EvidenceBook, names: Names) -> GoalLine:
    refs = [book.cite(ev, "hedged" if ev.get("hedged") else None) for ev in row.get("evidence") or ()]
    return GoalLine(
        label=_tidy(str(row.get("label") or row.get("cluster_key") or row.get("cluster") or "?")),
        actor=names.actor(row.get("actor_id"), row.get("actor_code"), row.get("actor_text")),
        actor_code=row.get("actor_code"),
        num_goals=int(row.get("num_goals") or 0), num_documents=int(row.get("num_documents") or 0),
        num_sources=int(row.get("num_sources") or 0), asserted=int(row.get("asserted") or 0),
        hedged=int(row.get("hedged") or 0), refs=tuple(dict.fromkeys(r for r in refs if r)))


def _modality_counts(row: dict[str, Any]) -> dict[str, int]:
    counts = row.get("modalities") or row.get("counts") or {m: row.get(m) for m in MODALITIES}
    return {m: int(counts.get(m) or 0) for m in MODALITIES if counts.get(m)}


def _event_lines(data: Collected, book: EvidenceBook, names: Names) -> tuple[tuple[EventLine, ...],
                                                                             dict[tuple, list[str]]]:
    lines: list[EventLine] = []
    pair_refs: dict[tuple, list[str]] = {}
    for row in data.events:
        counts = _modality_counts(row)
        evidence = list(row.get("evidence") or ())
        split = len(counts) > 1 and all(ev.get("modality") for ev in evidence)
        parts = counts if split else {row.get("modality") or "asserted": int(row.get("num_mentions") or 0)}
        for modality, n in parts.items():
            mine = [ev for ev in evidence if not split or ev.get("modality") == modality]
            refs = tuple(dict.fromkeys(r for r in (book.cite(ev, modality) for ev in mine[:PER_LINE]) if r))
            line = _event_line(row, names, modality, n if split else None, counts, refs)
            if split:  # the cluster's article and source counts cover all its modalities: count this part's
                line = replace(line, num_articles=len({ev.get("doc_id") for ev in mine}),
                               num_sources=len({ev.get("source") or ev.get("doc_id") for ev in mine}))
            lines.append(line)
            pair_refs.setdefault((row.get("source_code"), row.get("target_code")), []).extend(refs)
    lines.sort(key=lambda e: (e.first_date or "9999", -e.num_articles, -e.num_mentions, e.label))
    kept: list[EventLine] = []
    for group in dict.fromkeys(line.group for line in lines):
        kept += [line for line in lines if line.group == group][:EVENTS_PER_GROUP]
    return tuple(kept), pair_refs


def _event_line(row: dict[str, Any], names: Names, modality: str, n: int | None, counts: dict[str, int],
                refs: tuple[str, ...]) -> EventLine:
    source = names.actor(row.get("source_actor_id"), row.get("source_code"), row.get("source_text"))
    has_target = row.get("target_actor_id") or row.get("target_code") or row.get("target_text")
    target = names.actor(row.get("target_actor_id"), row.get("target_code"), row.get("target_text")) \
        if has_target else None
    cameo = _text(row.get("cameo"))
    what = names.event(cameo) or row.get("label") or cameo or "event"
    label = f"{source} → {target}: {what}" if target else f"{source}: {what}"
    mentions = n if n is not None else int(row.get("num_mentions") or 0)
    return EventLine(
        label=label, source=source, target=target, cameo=cameo, cameo_name=names.event(cameo),
        quad_class=row.get("quad_class"), modality=modality, group=group_of(modality),
        first_date=_text(row.get("first_date")), num_mentions=mentions,
        num_articles=int(row.get("num_articles") or 0), num_sources=int(row.get("num_sources") or 0),
        modalities=tuple(counts.items()), refs=refs)


def _relation(row: dict[str, Any], names: Names, pair_refs: dict[tuple, list[str]], book: EvidenceBook) -> Relation:
    source, target = str(row.get("source_code")), str(row.get("target_code"))
    cited = [book.cite(ev, ev.get("modality")) for ev in row.get("evidence") or ()]
    refs = [r for r in cited if r] or pair_refs.get((source, target), [])
    mean = row.get("goldstein_mean")
    return Relation(
        source=source, target=target, source_name=names.code(source), target_name=names.code(target),
        events=int(row.get("events") or 0), cooperative=int(row.get("cooperative") or 0),
        conflictual=int(row.get("conflictual") or 0), goldstein_mean=None if mean is None else float(mean),
        refs=tuple(dict.fromkeys(refs))[:4])


def _tone(row: dict[str, Any], names: Names, match: ActorMatch | None) -> ToneBar:
    code = row.get("actor_code")
    name = names.actor(row.get("actor_id"), code, row.get("name") or row.get("actor_text"))
    return ToneBar(
        actor=name, actor_code=code, mean_tone=float(row.get("mean_tone", row.get("tone"))),
        documents=int(row.get("documents") or 0), mentions=int(row.get("mentions") or 0),
        focus=bool(match and (row.get("actor_id") in match.ids or (code and code in match.codes))))
