"""Attributed goals: what the text says an actor wants.

From prose ("X aims / seeks / hopes to VP", "X's objective is to VP",
"for X, the summit is an opportunity to VP", "X pushes for NP", "in order
to VP") and from structure: bullet items and table rows under a heading or
lead-in that names an actor's objectives ("Key elements of his strategy
include:", "Putin's Strategic Objectives").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import yaml
from spacy.tokens import Token

from dyads.actors.resolve import SentenceActors
from dyads.goals.concepts import Concepts
from dyads.lemmas import lemma_in
from dyads.records import Actor, Goal

if TYPE_CHECKING:
    from dyads.pipeline import ParsedSentence

_DROP_DEPS = {"relcl", "acl", "advcl", "appos", "punct", "mark", "nsubj", "nsubjpass", "aux", "auxpass",
              "neg", "parataxis", "discourse", "dep", "meta"}
_MAX_WORDS = 16
# "X's goal is / includes / involves …"
_COPULAS = {"be", "include", "involve", "remain", "encompass", "comprise", "entail", "center", "centre", "lie"}
_SPELLS_OUT = {"involve", "include", "entail", "mean", "require", "comprise"}
_EMPTY = {"what", "that", "this", "it", "something", "anything", "everything", "which", "more", "much", "one"}
_LABEL = re.compile(r"^(?P<label>[^:;]{3,90})[:;]\s")


@dataclass(frozen=True, slots=True)
class GoalCues:
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    for_verbs: frozenset[str]
    nouns: frozenset[str]
    opportunity_nouns: frozenset[str]
    lead_in_words: frozenset[str]
    table_headers: frozenset[str]
    hedges: frozenset[str]

    @classmethod
    def load(cls) -> GoalCues:
        data = yaml.safe_load((resources.files("dyads") / "data" / "goals" / "goals.yaml").read_text("utf-8"))
        return cls(**{key: frozenset(str(w).lower() for w in data[key]) for key in (
            "verbs", "object_verbs", "for_verbs", "nouns", "opportunity_nouns", "lead_in_words", "table_headers",
            "hedges")})


@dataclass(slots=True)
class _Found:
    actor: Actor
    phrase: str
    start: int  # cleaned-text char offsets within the unit
    end: int
    hedged: bool
    rule: str
    target: Actor | None = None


class GoalExtractor:
    def __init__(self, cues: GoalCues, concepts: Concepts, lemmatize=None) -> None:
        self.cues = cues
        self.concepts = concepts
        self.lemmatize = lemmatize  # word -> verb lemma, for title-case gerunds the tagger saw as names

    def extract(self, doc_id: str, text: str, sentences: list[ParsedSentence],
                actors_per_sentence: list[SentenceActors]) -> list[Goal]:
        goals: list[Goal] = []
        lead: tuple[Actor, bool] | None = None  # actor and hedge of the current list lead-in
        section_actor: Actor | None = None
        last_goal_actor: Actor | None = None
        table_goals = False
        previous_kind = None
        for sentence, actors in zip(sentences, actors_per_sentence, strict=True):
            kind = sentence.unit.kind
            found: list[_Found] = []
            if kind == "heading":
                section_actor = self._heading_actor(actors) or section_actor
                lead = (section_actor, False) if section_actor and self._names_goals(sentence) else None
                table_goals = False
            elif kind == "bullet" and lead is not None and sentence.span.start == 0:
                found.extend(self._list_item(sentence, actors, lead, "list_item"))
            if kind == "bullet" and lead is not None:
                found.extend(self._elaboration(sentence, lead))
            elif kind == "table_row":
                if previous_kind != "table_row":
                    table_goals = self._goal_table(sentence)
                elif table_goals and lead is not None:
                    found.extend(self._list_item(sentence, actors, lead, "table_row"))
                if previous_kind != "table_row" and table_goals and lead is None:
                    actor = section_actor or last_goal_actor
                    lead = (actor, False) if actor else None
            elif kind == "prose":
                lead = None  # a list belongs to the heading or lead-in right before it
            found.extend(self._prose(sentence, actors))
            if kind != "heading" and self._is_lead_in(sentence):
                actor = self._lead_in_actor(sentence, actors) or last_goal_actor or section_actor
                if actor is not None:
                    lead = (actor, self._hedged_sentence(sentence))
            for item in found:
                if not _meaningful(item.phrase):
                    continue
                start, end = sentence.original(item.start, item.end)
                item.target = item.target or self._target(sentence, actors, item)
                goals.append(Goal(
                    goal_id=f"{doc_id}#g{sentence.index}.{len(goals)}", doc_id=doc_id,
                    sentence_index=sentence.index, sentence=text[sentence.char_start:sentence.char_end],
                    char_start=start, char_end=end, actor=item.actor, goal=item.phrase, text=text[start:end],
                    target=item.target, hedged=item.hedged, cluster=self.concepts.key(item.phrase), rule=item.rule))
                last_goal_actor = item.actor
            previous_kind = kind if sentence.span.end == len(sentence.span.doc) else previous_kind
        return goals

    # -- prose ---------------------------------------------------------------------
    def _prose(self, sentence: ParsedSentence, actors: SentenceActors) -> list[_Found]:
        found: list[_Found] = []
        for token in sentence.span:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma_in(token, self.cues.verbs | self.cues.object_verbs):
                found.extend(self._goal_verb(token, actors))
            elif token.pos_ == "NOUN" and lemma in self.cues.nouns and token.dep_ in ("nsubj", "nsubjpass"):
                found.extend(self._goal_noun(token, actors))
            elif token.pos_ == "NOUN" and lemma in self.cues.opportunity_nouns:
                found.extend(self._opportunity(token, actors))
            elif token.lower_ == "order" and token.head.lower_ == "in" and token.dep_ == "pobj":
                pass
            if token.dep_ == "advcl" and any(c.lower_ == "order" for c in token.children if c.dep_ == "mark") or (
                    token.dep_ in ("advcl", "xcomp") and _in_order_to(token)):
                found.extend(self._in_order_to(token, actors))
        return found

    def _goal_verb(self, verb: Token, actors: SentenceActors) -> list[_Found]:
        subject_actors = _subject_actors(verb, actors)
        if not subject_actors:
            return []
        hedged = self._hedged(verb)
        lemma = next((w for w in (verb.lemma_.lower(), verb.lower_[:-1], verb.lower_[:-2], verb.lower_)
                      if w in self.cues.verbs | self.cues.object_verbs), verb.lemma_.lower())
        found = []
        complements = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        complements += [conj for c in complements for conj in c.conjuncts if conj.pos_ == "VERB"]
        for complement in complements:
            found.extend(_Found(a, *self._verb_phrase(complement), hedged, f"goal_verb:{lemma}")
                         for a in subject_actors)
        if not complements and lemma in self.cues.object_verbs:
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                found.extend(_Found(a, *self._noun_phrase(obj), hedged, f"goal_object:{lemma}")
                             for a in subject_actors)
        if not complements and lemma in self.cues.for_verbs:
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found.extend(_Found(a, *self._noun_phrase(pobj), hedged, f"goal_for:{lemma}")
                                 for a in subject_actors)
        return found

    def _goal_noun(self, noun: Token, actors: SentenceActors) -> list[_Found]:
        owner = [c for c in noun.children if c.dep_ == "poss"]
        owner_actors = [a for c in owner for a in actors.resolve(c)]
        if not owner_actors:
            return []
        head = noun.head
        if head.lemma_.lower() not in _COPULAS:
            return []
        hedged = self._hedged(head)
        found = []
        for comp in head.children:
            if comp.dep_ in ("xcomp",) and comp.pos_ == "VERB":
                found.extend(_Found(a, *self._verb_phrase(comp), hedged, "goal_noun") for a in owner_actors)
            elif comp.dep_ in ("attr", "dobj") and comp.i != noun.i:
                verb = next((c for c in comp.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
                if verb is not None and comp.lemma_.lower() in self.cues.nouns | {"desire", "need"}:
                    found.extend(_Found(a, *self._verb_phrase(verb), hedged, "goal_noun") for a in owner_actors)
                else:
                    found.extend(_Found(a, *self._noun_phrase(comp), hedged, "goal_noun") for a in owner_actors)
        return found

    def _opportunity(self, noun: Token, actors: SentenceActors) -> list[_Found]:
        verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                 and any(m.lower_ == "to" for m in c.children if m.dep_ == "aux")]
        if not verbs:
            return []
        owner_actors: list[Actor] = []
        for prep in list(noun.children) + list(noun.head.children) + list(noun.sent.root.children):
            if prep.dep_ == "prep" and prep.lower_ == "for":
                owner_actors = [a for c in prep.children if c.dep_ == "pobj" for a in actors.resolve(c)]
                if owner_actors:
                    break
        for verb in verbs:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                owner_actors = owner_actors or actors.resolve(subject)
        if not owner_actors:
            return []
        hedged = self._hedged(noun.head)
        found = []
        for verb in verbs:
            for complement in [verb, *verb.conjuncts]:
                found.extend(_Found(a, *self._verb_phrase(complement), hedged, "opportunity") for a in owner_actors)
        return found

    def _in_order_to(self, verb: Token, actors: SentenceActors) -> list[_Found]:
        main = verb.head
        subject_actors = _subject_actors(main, actors)
        return [_Found(a, *self._verb_phrase(verb), self._hedged(main), "in_order_to") for a in subject_actors]

    # -- structure -----------------------------------------------------------------
    def _names_goals(self, sentence: ParsedSentence) -> bool:
        return any(t.lower_ in self.cues.lead_in_words for t in sentence.span)

    def _is_lead_in(self, sentence: ParsedSentence) -> bool:
        text = sentence.span.text.rstrip()
        return text.endswith(":") and self._names_goals(sentence)

    def _lead_in_actor(self, sentence: ParsedSentence, actors: SentenceActors) -> Actor | None:
        for token in sentence.span:
            if token.lower_ in self.cues.lead_in_words:
                for child in token.children:
                    if child.dep_ in ("poss", "compound", "amod"):
                        found = actors.resolve(child)
                        if found:
                            return found[0]
                for prep in token.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                        for pobj in prep.children:
                            found = actors.resolve(pobj) if pobj.dep_ == "pobj" else []
                            if found:
                                return found[0]
        return None

    def _heading_actor(self, actors: SentenceActors) -> Actor | None:
        persons = [m for m in actors.mentions if m.entry.kind == "person"]
        chosen = persons[0] if persons else next(
            (m for m in actors.mentions if m.role != "adjective" and m.entry.kind in ("country", "igo")), None)
        return actors.mention_actor(chosen) if chosen else None

    def _goal_table(self, sentence: ParsedSentence) -> bool:
        first_cell = sentence.span.text.split(":")[0].strip().lower()
        return first_cell in self.cues.table_headers

    def _list_item(self, sentence: ParsedSentence, actors: SentenceActors, lead: tuple[Actor, bool],
                   rule: str) -> list[_Found]:
        actor, hedged = lead
        text = sentence.unit.text
        match = _LABEL.match(text)
        end = match.end("label") if match else len(text.rstrip(". "))
        tokens = [t for t in sentence.span.doc if t.idx < end and not t.is_punct]
        if not tokens or len(tokens) > 14:
            return []
        phrase = _normalise(tokens, self.lemmatize)
        if not _meaningful(phrase):
            return []
        return [_Found(actor, phrase, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), hedged, rule)]

    def _elaboration(self, sentence: ParsedSentence, lead: tuple[Actor, bool]) -> list[_Found]:
        """Inside a list item: "This could involve seeking X or securing Y" spells out the listed goal."""
        actor, hedged = lead
        found = []
        for verb in sentence.span:
            if verb.lemma_.lower() not in _SPELLS_OUT or verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ not in ("this", "that", "it"):
                continue
            for child in verb.children:
                if child.dep_ in ("xcomp", "dobj", "ccomp") and child.tag_ == "VBG":
                    for gerund in [child, *child.conjuncts]:
                        phrase, start, end = self._verb_phrase(gerund)
                        found.append(_Found(actor, phrase, start, end, hedged or self._hedged(verb), "elaboration"))
        return found

    # -- phrases -------------------------------------------------------------------
    def _verb_phrase(self, verb: Token) -> tuple[str, int, int]:
        tokens = _phrase_tokens(verb)
        return _normalise(tokens, self.lemmatize), tokens[0].idx, tokens[-1].idx + len(tokens[-1])

    def _noun_phrase(self, noun: Token) -> tuple[str, int, int]:
        tokens = _phrase_tokens(noun)
        return _normalise(tokens, self.lemmatize), tokens[0].idx, tokens[-1].idx + len(tokens[-1])

    def _hedged(self, token: Token) -> bool:
        node = token
        for _ in range(3):
            if any(c.lower_ in self.cues.hedges for c in node.children if c.dep_ in ("aux", "advmod", "acomp")):
                return True
            if node.lemma_.lower() in self.cues.hedges:
                return True
            if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head is node:
                return False
            node = node.head
        return False

    def _hedged_sentence(self, sentence: ParsedSentence) -> bool:
        return any(t.lower_ in self.cues.hedges for t in sentence.span)

    def _target(self, sentence: ParsedSentence, actors: SentenceActors, item: _Found) -> Actor | None:
        for mention in actors.mentions:
            if item.start <= mention.span.start_char < item.end:
                actor = actors.mention_actor(mention)
                if actor.code != item.actor.code:
                    return actor
        return None


def _meaningful(phrase: str) -> bool:
    words = [w for w in phrase.lower().split() if w not in _EMPTY]
    return bool(words) and any(len(w) > 2 for w in words)


def _in_order_to(verb: Token) -> bool:
    marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "aux")]
    return "to" in marks and any(c.lower_ == "order" for c in verb.children) or (
        "to" in marks and verb.i >= 2 and verb.doc[verb.i - 3:verb.i - 1].text.lower() == "in order")


def _subject_actors(verb: Token, actors: SentenceActors) -> list[Actor]:
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return actors.resolve(subject)
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head is not node:
            node = node.head
            continue
        break
    return []


def _phrase_tokens(head: Token) -> list[Token]:
    """The head and its dependents, without clauses, subjects or auxiliaries, up to a few words."""
    keep: list[Token] = []

    def visit(token: Token, depth: int) -> None:
        keep.append(token)
        for child in token.children:
            if child.dep_ in _DROP_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
                continue
            if depth < 9:
                visit(child, depth + 1)

    visit(head, 0)
    keep.sort(key=lambda t: t.i)
    start = keep.index(head)
    window = keep[max(0, start - 3):]
    # a contiguous run around the head, cut at the first gap
    run = [head]
    for token in (t for t in window if t.i > head.i):
        if token.i != run[-1].i + 1 or len(run) >= _MAX_WORDS:
            break
        run.append(token)
    for token in reversed([t for t in window if t.i < head.i]):
        if token.i != run[0].i - 1:
            break
        run.insert(0, token)
    while run and (run[-1].is_punct or run[-1].pos_ in ("CCONJ", "ADP", "DET", "PART")):
        run.pop()
    while len(run) > 1 and (run[0].pos_ in ("DET", "PART", "AUX", "CCONJ") or run[0].is_punct):
        run.pop(0)
    return run or [head]


def _normalise(tokens: list[Token], lemmatize=None) -> str:
    """A short readable phrase: the verb as a lemma, no articles, names kept, title case undone."""
    words: list[str] = []
    for i, token in enumerate(tokens):
        text = token.text
        if token.tag_ == "POS" or text in ("'s", "'"):
            if words:
                words[-1] += "'s" if text == "'s" else "'"
            continue
        if i == 0 and (token.pos_ in ("VERB", "AUX") or token.tag_ == "VBG" or text.lower().endswith("ing")):
            lemma = token.lemma_.lower()
            if lemma == text.lower() and text.lower().endswith("ing") and lemmatize is not None:
                lemma = lemmatize(text.lower())
            words.append(lemma)
        elif token.pos_ == "DET" and token.lower_ in ("the", "a", "an"):
            continue
        elif token.ent_type_ or (text.isupper() and len(text) > 1):
            words.append(text)
        else:
            words.append(token.lower_)
    return " ".join(words)
