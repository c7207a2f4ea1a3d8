"""Per-actor tone for one document, from sentences the pipeline has already parsed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.records import Actor, ActorTone
from dyads.tone.lexicon import ToneLexicon
from dyads.tone.target import DEFAULT_OPTIONS, ToneOptions, sentence_valences, tone_toward_span

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True, slots=True)
class ToneTarget:
    """One actor mention: its sentence and its tokens [start, end) as `Token.i` of `sent.doc`."""

    sent: Span
    start: int
    end: int
    actor: Actor


def actor_key(actor: Actor) -> str:
    return actor.actor_id or actor.code or actor.text.lower()


def mention_tones(
    targets: Iterable[ToneTarget], lexicon: ToneLexicon, options: ToneOptions = DEFAULT_OPTIONS
) -> list[float]:
    """Tone toward each mention, in order; each sentence's sentiment words are found once."""
    cache: dict[tuple[int, int], list[tuple[int, float]]] = {}
    out = []
    for t in targets:
        key = (t.sent.start, t.sent.end)
        if key not in cache:
            cache[key] = sentence_valences(t.sent, lexicon, options)
        out.append(tone_toward_span(t.sent, t.start, t.end, lexicon, options, cache[key]))
    return out


def actor_tones(
    doc_id: str, targets: Iterable[ToneTarget], lexicon: ToneLexicon, options: ToneOptions = DEFAULT_OPTIONS
) -> list[ActorTone]:
    """Mean tone toward each actor over its mentions, actors in order of first mention.

    Mentions of one actor are grouped by `actor_id`, else `code`, else lower-cased text;
    the first mention's Actor is kept.
    """
    targets = list(targets)
    tones = mention_tones(targets, lexicon, options)
    groups: dict[str, tuple[Actor, list[float]]] = {}
    for t, tone in zip(targets, tones, strict=True):
        groups.setdefault(actor_key(t.actor), (t.actor, []))[1].append(tone)
    return [ActorTone(doc_id, actor, len(vals), sum(vals) / len(vals)) for actor, vals in groups.values()]
