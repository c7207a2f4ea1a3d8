"""The trained event layer: which candidate words name a codable act, of which CAMEO root, and who acts on whom.

Two linear models shipped in `data/events/model/` decide: `triggers.npz` scores each candidate word
(a CAMEO root or `none`); `roles.npz` scores each actor argument of a trigger (`source`, `target`,
`none`). The rule coder's own matches are among their features. With `hybrid`, a rule match stands
unless the model is sure the word names no act, and the model adds the acts no rule knows; with
`model`, the model alone decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from dyads.actors.resolve import SentenceActors
from dyads.events.model.features import (
    Argument,
    RuleHint,
    SentenceView,
    argument_features,
    sentence_view,
    trigger_candidates,
    trigger_features,
    trigger_vector,
)
from dyads.events.model.linear import LinearModel, ModelFileError
from dyads.events.patterns import PatternSet
from dyads.records import Actor
from dyads.settings import CODERS  # noqa: F401 - re-exported for the event coder


@dataclass(frozen=True, slots=True)
class LearnedPattern:
    """Stands where a rule pattern would in a match: the code the model chose and how to cite it."""

    code: str
    text: str
    file: str = "model"
    line: int = 0
    plover: tuple[str, str | None] | None = None

    def where(self) -> str:
        return self.file

    def rule(self) -> str:
        return f"model:{self.text}"


@dataclass(frozen=True, slots=True)
class Decision:
    """The model's reading of one candidate trigger."""

    token: Token
    root: str  # "none" when no act
    score: float  # probability of `root`
    none_score: float
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    """An act the model found: the event coder turns it into a match like a rule's."""

    token: Token
    pattern: LearnedPattern
    sources: list[Actor]
    targets: list[Actor]
    path: list[str]
    confidence: float
    evidence: list[tuple[str, float]]


@dataclass(frozen=True)
class LearnedCoder:
    triggers: LinearModel
    roles: LinearModel
    lexicons: dict[str, dict[str, tuple[str, ...]]]
    nominal: frozenset[str]  # nouns and adjectives that may name an act
    codes: dict[str, str]  # "lemma|root" → the CAMEO code the training set uses most
    thresholds: dict[str, float]
    targetless: dict[str, float]  # root → share of its acts with no target in the training set
    _recent: list = field(default_factory=list, compare=False, repr=False)  # (actors, view) of the last sentences

    @classmethod
    def load(cls, patterns: PatternSet, directory: Path | None = None) -> LearnedCoder:
        folder = directory or Path(str(resources.files("dyads") / "data" / "events" / "model"))
        triggers = LinearModel.load(folder / "triggers.npz")
        roles = LinearModel.load(folder / "roles.npz")
        meta = triggers.meta
        for key in ("nominal", "codes", "thresholds", "targetless"):
            if key not in meta:
                raise ModelFileError(folder / "triggers.npz", f"its metadata lacks {key!r}")
        return cls(triggers, roles, pattern_lexicons(patterns), frozenset(meta["nominal"]), dict(meta["codes"]),
                   dict(meta["thresholds"]), dict(meta["targetless"]))

    # -- reading a sentence ----------------------------------------------------------
    def view(self, actors: SentenceActors, rule_matches: Iterable,
             previous: Sequence[SentenceActors] = ()) -> SentenceView:
        """The sentence as the model sees it; the `previous` sentences' actors are its context."""
        view = sentence_view(actors, rule_hints(rule_matches), [self._view_of(p) for p in previous])
        self._recent.append((actors, view))
        del self._recent[:-4]
        return view

    def _view_of(self, actors: SentenceActors) -> SentenceView:
        return next((view for seen, view in self._recent if seen is actors), None) or sentence_view(actors)

    def decisions(self, view: SentenceView) -> list[Decision]:
        found = []
        labels = self.triggers.labels
        none = labels.index("none")
        for token in trigger_candidates(view.span, self.nominal):
            features = tuple(trigger_features(token, view, self.lexicons))
            probs = self.triggers.scores(features, trigger_vector(token))
            ranked = np.argsort(-probs)
            best = int(ranked[0]) if ranked[0] != none or probs[ranked[0]] >= self.thresholds["trigger"] else int(
                ranked[1])
            if best != none and probs[best] < self.thresholds["trigger_min"]:
                best = none
            found.append(Decision(token, labels[best], float(probs[best]), float(probs[none]), features))
        return found

    def arguments(self, decision: Decision, view: SentenceView) -> tuple[list[Actor], list[Actor], list[str]]:
        """Sources and targets of an act, by the role model; conjoined actors come along with the chosen one."""
        scored = []
        labels = self.roles.labels
        for argument in [*view.arguments, *view.context]:
            if argument.token.i == decision.token.i and not argument.distance:
                continue
            probs = self.roles.scores(argument_features(decision.token, argument, decision.root, view))
            scored.append((argument, probs[labels.index("source")], probs[labels.index("target")]))
        source = _best(scored, 1, self.thresholds["source"])
        if source is None:
            return [], [], []
        sources = (view.actors.resolve(source.token, possessor=False) if not source.distance else []) or source.actors
        others = [item for item in scored if not _same(item[0], sources)]
        target = _best(others, 2, self.thresholds["target"])
        if target is None and self.targetless.get(decision.root, 1.0) < self.thresholds.get("force_target", 0.0):
            # an act that nearly always has someone on the receiving end: the likeliest one of another country
            foreign = [item for item in others if item[0].actors[0].country not in {a.country for a in sources}]
            target = _best(foreign, 2, self.thresholds.get("target_floor", 0.02))
        targets = []
        if target is not None:
            found = view.actors.resolve(target.token) if not target.distance else []
            targets = [a for a in found or target.actors if not _in(a, sources)]
        path = [f"trigger {decision.token.text}/{decision.token.dep_} (model {decision.root}: {decision.score:.2f})",
                f"source {_where(source)} (model)"] + ([f"target {_where(target)} (model)"] if targets else [])
        return sources, targets, path

    def proposals(self, actors: SentenceActors, rule_matches: list, mode: str,
                  previous: Sequence[SentenceActors] = ()) -> tuple[set[int], list[Proposal]]:
        """What the model adds and which rule matches it vetoes (their trigger token ids), by `mode`."""
        view = self.view(actors, rule_matches, previous)
        ruled = {m.trigger.i: m for m in rule_matches}
        vetoed: set[int] = set()
        found = []
        for decision in self.decisions(view):
            rule = ruled.get(decision.token.i)
            if mode == "hybrid" and rule is not None:
                if decision.root == "none" and decision.none_score >= self.thresholds["veto"]:
                    vetoed.add(decision.token.i)
                continue
            if mode == "model" and rule is not None:
                vetoed.add(decision.token.i)
            if decision.root == "none":
                continue
            sources, targets, path = self.arguments(decision, view)
            if not sources or not targets and self.targetless.get(decision.root, 0.0) < self.thresholds["targetless"]:
                continue  # no one acts, or an act that needs someone on the receiving end has none
            same_root = rule is not None and rule.pattern.code[:2] == decision.root
            code = rule.pattern.code if same_root else self.code_for(decision.token, decision.root)
            found.append(Proposal(decision.token, LearnedPattern(code, f"{decision.root} {decision.token.lemma_}"),
                                  sources, targets, path, round(decision.score, 2), self.explain(decision)))
        return vetoed, found

    def code_for(self, token: Token, root: str) -> str:
        return self.code_for_lemma(token.lemma_.lower(), root)

    def code_for_lemma(self, lemma: str, root: str) -> str:
        """The code the training set gives this word within the root, else the root's most usual code."""
        return self.codes.get(f"{lemma}|{root}") or self.codes.get(f"*|{root}") or f"{root}0"

    def explain(self, decision: Decision) -> list[tuple[str, float]]:
        return self.triggers.contributions(decision.features, decision.root)


def _best(scored: list[tuple[Argument, float, float]], column: int, threshold: float) -> Argument | None:
    if not scored:
        return None
    best = max(scored, key=lambda item: item[column])
    return best[0] if best[column] >= threshold else None


def _where(argument: Argument) -> str:
    back = f", {argument.distance} sentence(s) before" if argument.distance else ""
    return f"{argument.token.text}{back}"


def _same(argument: Argument, actors: list[Actor]) -> bool:
    return any(_in(a, actors) for a in argument.actors)


def _in(actor: Actor, actors: list[Actor]) -> bool:
    return any(actor.code == other.code and actor.actor_id == other.actor_id for other in actors)


def rule_hints(matches: Iterable) -> dict[int, RuleHint]:
    hints: dict[int, RuleHint] = {}
    for match in matches:
        hints[match.trigger.i] = RuleHint(match.pattern.code[:2], frozenset(a.code for a in match.sources),
                                          frozenset(a.code for a in match.targets))
    return hints


def pattern_lexicons(patterns: PatternSet) -> dict[str, dict[str, tuple[str, ...]]]:
    """Lemma → the CAMEO roots our verb and noun patterns give it: what the rules know, as features."""
    verbs: dict[str, set[str]] = defaultdict(set)
    nouns: dict[str, set[str]] = defaultdict(set)
    for pattern in patterns.verbs:
        verbs[pattern.lemma].add(pattern.code[:2])
    for pattern in patterns.nouns:
        nouns[pattern.lemma].add(pattern.code[:2])
    return {"vpat": {k: tuple(sorted(v)) for k, v in verbs.items()},
            "npat": {k: tuple(sorted(v)) for k, v in nouns.items()}}
