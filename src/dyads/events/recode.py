"""Recoding an act by how the text frames it: promised acts become intents (03x) or threats (13x),
refused acts become rejections (12x). The tables are data (``data/events/recode.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Token

from dyads.events.codebook import CameoCode, Codebook
from dyads.events.modality import Modality


@dataclass(frozen=True, slots=True)
class Recoder:
    intent: dict[str, str]
    refusal: dict[str, str]
    intent_cues: frozenset[str]
    refusal_cues: frozenset[str]
    negations: frozenset[str]
    future_aux: frozenset[str]
    conditional_intent: str
    conditional_marks: frozenset[str]

    @classmethod
    def load(cls, codebook: Codebook) -> Recoder:
        path = resources.files("dyads") / "data" / "events" / "recode.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for table in ("intent", "refusal"):
            for prefix, code in data[table].items():
                if code not in codebook:
                    raise ValueError(f"{path}: {table} {prefix!r} → {code!r} is not a CAMEO code")
        return cls({str(k): str(v) for k, v in data["intent"].items()},
                   {str(k): str(v) for k, v in data["refusal"].items()},
                   frozenset(data["intent_cues"]), frozenset(data["refusal_cues"]), frozenset(data["negations"]),
                   frozenset(data["future_aux"]), str(data["conditional_intent"]),
                   frozenset(data["conditional_marks"]))

    def recode(self, code: CameoCode, modality: Modality, codebook: Codebook,
               trigger: Token | None = None) -> tuple[CameoCode, Modality]:
        cue = (modality.cue or "").lower()
        if modality.value == "negated" and cue in self.negations and trigger is not None and any(
                c.dep_ == "aux" and c.lower_ in self.future_aux for c in trigger.children):
            cue = "refuse"  # "will not meet their demands"
        if modality.value == "future" and cue in self.intent_cues:
            new = _lookup(self.intent, code.code)
            if new and not new.startswith("13") and trigger is not None and self._conditional(trigger):
                new = self.conditional_intent
            if new:
                return codebook[new], Modality("asserted", cue)
        if modality.value == "negated" and cue in self.refusal_cues:
            new = _lookup(self.refusal, code.code)
            if new:
                return codebook[new], Modality("asserted", cue)
        return code, modality

    def _conditional(self, trigger: Token) -> bool:
        """The act is promised on a condition: "will withdraw … unless", "will attack if"."""
        return _conditional_marks(trigger, self.conditional_marks)


def _conditional_marks(trigger: Token, marks: frozenset[str]) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in trigger.children)


def _lookup(table: dict[str, str], code: str) -> str | None:
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None

