"""Tone toward a target span inside a parsed sentence.

Each sentiment word of the sentence (VADER-style valence, negation and intensifiers)
is summed, by sign, into a few numbers that say where it sits relative to the target:
decayed by its distance in the dependency tree (more in the target's own clause, as its
predicate or modifier, less inside what the target *says*), by distance bucket, before
the target, next to it. A small calibrated model (`model.py`, weights in
`data/tone/target_model.tsv`) turns those numbers into a tone in [-1, 1] whose neutral
band is |tone| < 0.05.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.tone.lexicon import ToneLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
_COMPLEMENT_DEPS = frozenset({"acomp", "attr", "xcomp", "dobj", "oprd", "advmod", "ccomp"})
_SKIP_POS = frozenset({"PROPN", "PUNCT", "NUM", "SYM", "SPACE"})
_SPEECH_LEMMAS = frozenset(
    "say tell add state claim argue insist note write explain announce declare suggest warn "
    "believe think tweet ask respond reply contend assert maintain acknowledge admit".split()
)


@dataclass(frozen=True, slots=True)
class ToneOptions:
    """How sentiment words are weighted toward a target (the model's weights are fitted on top)."""

    decay: float = 0.8  # weight multiplier per dependency edge between word and target
    min_weight: float = 0.05  # floor so that far words still count a little
    same_clause: float = 1.0
    other_clause: float = 0.6
    predicate: float = 1.4  # the word governs the target (its verb, its noun)
    modifier: float = 1.4  # the word hangs off the target (amod, appos, relcl …)
    speech_content: float = 0.6  # word inside what the target says (ccomp of say/tell …)
    # VADER's "but" rule (0.5 before, 1.5 after) suits whole sentences, not targets: off by default
    but_before: float = 1.0
    but_after: float = 1.0
    skip_proper_nouns: bool = True  # "United Nations", "Justice Department" carry no tone


DEFAULT_OPTIONS = ToneOptions()


def _lookup(tok: Token, lexicon: ToneLexicon) -> float | None:
    low = tok.lower_
    val = lexicon.words.get(low)
    if val is None and tok.lemma_:
        val = lexicon.words.get(tok.lemma_.lower())
    return val


def sentence_valences(
    sent: Span, lexicon: ToneLexicon, options: ToneOptions = DEFAULT_OPTIONS
) -> list[tuple[int, float]]:
    """(token index, signed valence) for each sentiment word of `sent`, after negation and boosters.

    Multi-word entries are matched first (longest first) and anchored on their syntactic head.
    Independent of any target, so it is computed once per sentence.
    """
    toks = list(sent)
    n = len(toks)
    taken = [False] * n
    found: list[tuple[int, float]] = []
    if lexicon.phrases:
        lowers = [t.lower_ for t in toks]
        lemmas = [t.lemma_.lower() for t in toks]
        for size in range(min(lexicon.max_phrase_len, n), 1, -1):
            for k in range(n - size + 1):
                if any(taken[k : k + size]):
                    continue
                val = lexicon.phrases.get(tuple(lowers[k : k + size]))
                if val is None:
                    val = lexicon.phrases.get(tuple(lowers[k : k + size - 1]) + (lemmas[k + size - 1],))
                if val is None:
                    continue
                for j in range(k, k + size):
                    taken[j] = True
                head = sent.doc[toks[k].i : toks[k + size - 1].i + 1].root
                found.append((head.i, _modify(val, head, k, toks, lexicon)))
    for k, tok in enumerate(toks):
        if taken[k] or (tok.pos_ in _SKIP_POS and (options.skip_proper_nouns or tok.pos_ != "PROPN")):
            continue
        if tok.lower_ == "like" and tok.pos_ in ("ADP", "SCONJ"):
            continue
        val = _lookup(tok, lexicon)
        if val is None or val == 0.0:
            continue
        found.append((tok.i, _modify(val, tok, k, toks, lexicon)))
    if options.but_before != 1.0 or options.but_after != 1.0:
        buts = [t.i for t in toks if t.lower_ in ("but", "however", "yet") and t.pos_ == "CCONJ"]
        if buts:
            pivot = buts[0]
            found = [(i, v * (options.but_before if i < pivot else options.but_after)) for i, v in found]
    return found


def _modify(val: float, tok: Token, k: int, toks: Sequence[Token], lexicon: ToneLexicon) -> float:
    """VADER's intensifier and negation rules over the three preceding tokens, plus `neg` arcs."""
    for back, damp in ((1, 1.0), (2, 0.95), (3, 0.9)):
        if k - back < 0:
            break
        boost = lexicon.boosters.get(toks[k - back].lower_)
        if boost is not None:
            val += math.copysign(boost * damp, val)
    negated = any(toks[j].lower_ in lexicon.negations for j in range(max(0, k - 3), k))
    if not negated:
        negated = any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ in _COMPLEMENT_DEPS and any(c.dep_ == "neg" for c in tok.head.children)
        )
    return val * lexicon.negation_scalar if negated else val


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in _CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _speech_verb_of(target: Token) -> Token | None:
    """The say/tell verb whose subject is the target, if any."""
    if target.dep_ in ("nsubj", "nsubjpass") and target.head.lemma_.lower() in _SPEECH_LEMMAS:
        return target.head
    return None


def target_weights(
    sent: Span, target_root: Token, indices: Sequence[int], options: ToneOptions = DEFAULT_OPTIONS
) -> list[float]:
    """Weight of each token index (a sentiment word) toward the target whose head is `target_root`."""
    depth = _depths(target_root)
    doc = sent.doc
    clause = _clause_head(target_root).i
    speech = _speech_verb_of(target_root)
    weights = []
    for i in indices:
        tok = doc[i]
        steps, node, content = 0, tok, False
        while node.i not in depth:
            if speech is not None and node.head.i == speech.i and node.dep_ in ("ccomp", "parataxis"):
                content = True
            if node.head.i == node.i:  # different tree (sentence split inside the span)
                steps += 50
                break
            node, steps = node.head, steps + 1
        dist = steps + depth.get(node.i, 0)
        w = max(options.decay ** max(dist - 1, 0), options.min_weight)
        if i == target_root.head.i and i != target_root.i:
            w *= options.predicate
        elif tok.head.i == target_root.i:
            w *= options.modifier
        w *= options.same_clause if _clause_head(tok).i == clause else options.other_clause
        if content:
            w *= options.speech_content
        weights.append(w)
    return weights


FEATURES: tuple[str, ...] = (
    "local_pos", "local_neg", "sent_pos", "sent_neg", "predicate", "in_span", "n_pos", "n_neg",
    "window_pos", "window_neg", "log_len", "is_pronoun", "is_subject", "is_object",
    "d1_neg", "d1_pos", "d2_neg", "d2_pos", "d3_neg", "d3_pos", "d4_5_neg", "d4_5_pos", "d6_neg", "d6_pos",
    "clause_neg", "clause_pos", "before_neg", "before_pos",
    "patient_predicate", "possessed", "is_speaker", "speech_pos", "speech_neg",
)  # fmt: skip
_PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
_SPEECH_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
_WINDOW = 5


def target_features(
    sent: Span,
    target_start_token: int,
    target_end_token: int,
    valences: Sequence[tuple[int, float]],
    options: ToneOptions = DEFAULT_OPTIONS,
) -> list[float]:
    """The numbers the target model weighs, in the order of FEATURES.

    Sentiment words are summed by sign and by where they sit relative to the target:
    tree-distance decayed, by tree-distance bucket, in the target's clause, before it,
    within a few tokens of it, as its predicate (also: when the target is its object, or
    possesses the word), inside the mention itself, inside what the target is said to say.
    """
    doc = sent.doc
    start = max(target_start_token, sent.start)
    end = min(max(target_end_token, start + 1), sent.end)
    root = doc[start:end].root
    f = [0.0] * len(FEATURES)
    f[10] = math.log(len(sent))
    f[11] = float(root.pos_ == "PRON")
    f[12] = float(root.dep_ in ("nsubj", "nsubjpass"))
    f[13] = float(root.dep_ in ("dobj", "pobj"))
    _role_features(root, valences, f)
    outside = []
    for i, v in valences:
        if start <= i < end:
            f[5] += v
        else:
            outside.append((i, v))
    if not outside:
        return f
    weights = target_weights(sent, root, [i for i, _ in outside], options)
    depth = _depths(root)
    clause = _clause_head(root).i
    head_i = root.head.i if root.head.i != root.i else -1
    for w, (i, v) in zip(weights, outside, strict=True):
        pos = v > 0
        f[0 if pos else 1] += w * v
        f[2 if pos else 3] += v
        f[6 if pos else 7] += 1
        if i == head_i:
            f[4] += v
        if abs(i - start) <= _WINDOW or abs(i - end) <= _WINDOW:
            f[8 if pos else 9] += v
        dist = _distance(doc[i], depth)
        bucket = 0 if dist <= 1 else 1 if dist == 2 else 2 if dist == 3 else 3 if dist <= 5 else 4
        f[14 + 2 * bucket + pos] += v
        if _clause_head(doc[i]).i == clause:
            f[24 + pos] += v
        if i < start:
            f[26 + pos] += v
    return f


def _role_features(root: Token, valences: Sequence[tuple[int, float]], f: list[float]) -> None:
    head = root.head
    if head.i == root.i:
        return
    by_index = dict(valences)
    head_val = by_index.get(head.i, 0.0)
    if root.dep_ in _PATIENT_DEPS:
        f[28] = head_val
    elif root.dep_ == "poss":
        f[29] = head_val
    if root.dep_ == "nsubj" and head.lemma_.lower() in _SPEECH_LEMMAS:
        f[30] = 1.0
        for child in head.children:
            if child.dep_ in _SPEECH_CONTENT_DEPS:
                for tok in child.subtree:
                    v = by_index.get(tok.i, 0.0)
                    f[31 if v > 0 else 32] += v


def _depths(root: Token) -> dict[int, int]:
    depth: dict[int, int] = {}
    node, d = root, 0
    while True:
        depth[node.i] = d
        if node.head.i == node.i:
            return depth
        node, d = node.head, d + 1


def _distance(tok: Token, depth: dict[int, int]) -> int:
    steps, node = 0, tok
    while node.i not in depth:
        if node.head.i == node.i:
            return steps + 50
        node, steps = node.head, steps + 1
    return steps + depth[node.i]


def tone_toward_span(
    sent: Span,
    target_start_token: int,
    target_end_token: int,
    lexicon: ToneLexicon,
    options: ToneOptions = DEFAULT_OPTIONS,
    valences: Sequence[tuple[int, float]] | None = None,
) -> float:
    """Tone in [-1, 1] toward tokens [target_start_token, target_end_token) of `sent.doc`.

    Token indices are document indices (`Token.i`), end exclusive. Pass `valences` from
    `sentence_valences(sent, …)` to reuse them across several targets of one sentence.
    """
    if valences is None:
        valences = sentence_valences(sent, lexicon, options)
    if lexicon.target_model is None:
        raise ValueError("tone lexicon was loaded without its target model (with_model=False)")
    feats = target_features(sent, target_start_token, target_end_token, valences, options)
    return lexicon.target_model.tone(feats)
