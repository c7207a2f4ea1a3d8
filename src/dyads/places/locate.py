"""Where did an event happen? Read the dependency parse around the event's trigger.

A place counts only when the parse ties it to the event. Relations, by rank (lower wins):
  DIRECT    a locative preposition on the trigger ("met in Anchorage", "clashed near Donetsk"), or on
            a verb joined to it by "and"/"to" ("shot and killed … in Buinaksk"), or on an event noun
            that is its argument ("the summit in Alaska ended"); a place modifying an event noun
            ("the Budapest talks", "held the Alaska summit"; not a country: "the U.S. blockade" is
            an actor); the object of a verb that acts on a place ("Russia attacked Kyiv": the
            target place is where it happened, as GDELT's ActionGeo reads it).
  NESTED    a locative phrase on the trigger's object, or inside a non-locative phrase
            ("struck targets in Iraq", "killed by a bomb in Khaldiyah").
  CLAUSE    a locative phrase on the clause the trigger is an adverbial clause of.
  SUBCLAUSE a locative phrase in an adverbial clause of the trigger ("killed … while travelling in X").
Each phrase is followed down "of" chains and nested locatives ("at a base in Anchorage", "the
northern city of Mosul"). Within a rank the most specific place wins (a town before a region
before a country), then the one named directly rather than as a container, then the first.
"from" never places an event; a country named as an actor ("Putin, the President of Russia,
called Trump") is in none of these relations, so the answer is None rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyads.parse import sentence_ents
from dyads.places.gazetteer import Gazetteer, Place, normalize
from dyads.records import Location

if TYPE_CHECKING:  # spaCy objects come in from the caller; importing spaCy here would only cost time
    from spacy.tokens import Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                              "NORP", "LANGUAGE", "LAW", "WORK_OF_ART"})
SPECIFICITY = {"city": 0, "capital": 0, "place": 0, "facility": 0, "state": 1, "region": 1, "sea": 2,
               "country": 2}
MAX_DEPTH = 4
# A name tagged PERSON or ORG, or in lowercase, must be this big a town to be read as a place.
BIG_TOWN_TAGGED = 1_000_000
BIG_TOWN_LOWERCASE = 1_000_000
BIG_TOWN_LOWERCASE_LOCATIVE = 100_000  # "met in anchorage": lowercase names, as in some scraped text
# Ranks: how directly the parse ties a place to the event (lower wins).
DIRECT, NESTED, CLAUSE, SUBCLAUSE = 0, 1, 2, 3
CLAUSE_DEPS = frozenset({"conj", "xcomp", "advcl"})
SHARED_DEPS = frozenset({"conj", "xcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_PAIR_SPLIT = re.compile(r"\s*[-\u2013/]\s*")
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "obj"})
EVENT_ARG_DEPS = ARGUMENT_DEPS | {"nsubj"}
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place tied to an event: where it is in the text, what it resolved to, and why it was chosen."""

    text: str
    char_start: int  # offsets into the parsed Doc's text
    char_end: int
    place: Place | None  # None: a place entity the gazetteer does not know (name only)
    relation: str  # e.g. "prep:in", "modifier", "object", "nested:prep:in", "clause:prep:at"
    rank: int
    country: str | None = None  # for an unknown name: the country of a known place around it

    def location(self) -> Location:
        if self.place is None:
            return Location(name=self.text, country=self.country)
        return self.place.to_location()


def find_event_location(sent: Span, trigger: Token, gazetteer: Gazetteer) -> Location | None:
    """The place where the event of `trigger` happened, when `sent` says so; None rather than a guess."""
    match = find_event_place(sent, trigger, gazetteer)
    return match.location() if match is not None else None


def find_event_place(sent: Span, trigger: Token, gazetteer: Gazetteer) -> PlaceMatch | None:
    """Like find_event_location, but says which words were read as the place and why."""
    finder = _Finder(sent, trigger, gazetteer)
    ranked = []
    for depth, match in finder.candidates():
        spec = SPECIFICITY.get(match.place.kind, 1) if match.place is not None else 0
        ranked.append(((match.rank, spec, depth, match.char_start), match))
    if not ranked:
        return None
    ranked.sort(key=lambda item: item[0])
    best = ranked[0][1]
    if best.place is None:
        # "killed in Maiwand district in Kandahar": the unknown village is in the known place's country.
        known = next((m.place for _, m in ranked if m.place is not None and m.place.country), None)
        if known is not None:
            best = replace(best, country=known.country)
    return best


class _Finder:
    """One search around one trigger; holds the sentence-level lookups it reuses."""

    def __init__(self, sent: Span, trigger: Token, gazetteer: Gazetteer) -> None:
        self.sent = sent
        self.trigger = trigger
        self.gaz = gazetteer
        self.rules = gazetteer.rules
        self.lemma = trigger.lemma_.lower()
        self.ents = {t.i: ent for ent in sentence_ents(sent) for t in ent}
        self.seen: set[int] = set()

    def candidates(self) -> Iterator[tuple[int, PlaceMatch]]:
        trigger = self.trigger
        yield from self._preps_of(trigger, DIRECT, "", 0)
        yield from self._modifiers(trigger)
        yield from self._objects(trigger, DIRECT, "", 0)
        # "shot and killed two gunmen in Buinaksk": verbs joined by "and" or "to" share the scene.
        head = trigger
        for _ in range(2):
            if head.dep_ not in CLAUSE_DEPS or head.head is head or head.head.pos_ not in ("VERB", "AUX"):
                break
            if head.dep_ == "conj" and not _shares_scene(head):
                break  # "X was arrested, and Y was released in Minsk": another event
            shared = _shares_scene(head)
            head = head.head
            rank, prefix = (DIRECT, "shared:") if shared else (CLAUSE, "clause:")
            yield from self._preps_of(head, rank, prefix, 1)
            yield from self._objects(head, rank, prefix, 1)
        for child in trigger.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                if child.dep_ == "conj" and not _shares_scene(child):
                    continue
                rank, prefix = (DIRECT, "shared:") if _shares_scene(child) else (SUBCLAUSE, "subclause:")
                yield from self._preps_of(child, rank, prefix, 1)
                yield from self._objects(child, rank, prefix, 1)

    # -- relations ---------------------------------------------------------------------------------

    def _preps_of(self, head: Token, rank: int, prefix: str, depth: int) -> Iterator[tuple[int, PlaceMatch]]:
        for prep, pobj in self._locative_objects(head):
            # A fronted phrase ("In Kandahar, six were killed in Maiwand district") sets the wider scene.
            fronted = 1 if pobj.i < head.i else 0
            yield from self._under(pobj, rank, depth + fronted, f"{prefix}prep:{prep}", strong=True)

    def _modifiers(self, trigger: Token) -> Iterator[tuple[int, PlaceMatch]]:
        """"The Budapest talks", "held the Alaska summit". A country here is mostly the actor
        ("the U.S. blockade", "Syria's war"), so only smaller places count."""
        event_nouns = self.rules.event_nouns
        nouns = [trigger] if trigger.pos_ in ("NOUN", "PROPN") and self.lemma in event_nouns else []
        nouns.extend(c for c in trigger.children
                     if c.dep_ in EVENT_ARG_DEPS and c.lemma_.lower() in event_nouns)
        for noun in nouns:
            for child in noun.children:
                if child.dep_ in MODIFIER_DEPS and child.i != trigger.i:
                    match = self._mention(child, DIRECT, "modifier", strong=False)
                    if match is not None and match.place is not None and match.place.kind != "country":
                        yield 0, match
            if noun is not trigger:
                yield from self._preps_of(noun, DIRECT, "event-noun:", 0)

    def _objects(self, head: Token, rank: int, prefix: str, depth: int) -> Iterator[tuple[int, PlaceMatch]]:
        lemma = head.lemma_.lower()
        # "entered Kherson": the object can only be a place, so trust it like a locative phrase;
        # "captured Maldonado": it may be a person, so the name must look like a place on its own.
        place_slot = lemma in self.rules.place_slot_verbs
        acts_on_place = place_slot or lemma in self.rules.place_object_verbs
        nested_rank = max(rank, NESTED)
        for child in head.children:
            if child.dep_ in ARGUMENT_DEPS:
                if acts_on_place:
                    yield from self._under(child, rank, depth, f"{prefix}object", strong=place_slot)
                for prep, pobj in self._locative_objects(child):
                    yield from self._under(pobj, nested_rank, depth + 1, f"{prefix}nested:prep:{prep}",
                                           strong=True)
            elif child.dep_ in ("prep", "agent") and not self._prep_ok(child) \
                    and child.lower_ not in self.rules.topic_preps:
                for pobj in _pobjs(child):
                    for prep, inner in self._locative_objects(pobj):
                        yield from self._under(inner, nested_rank, depth + 1, f"{prefix}nested:prep:{prep}",
                                               strong=True)

    # -- walking noun phrases ----------------------------------------------------------------------

    def _under(self, tok: Token, rank: int, depth: int, relation: str, strong: bool,
               named_as_place: bool = False) -> Iterator[tuple[int, PlaceMatch]]:
        """Places named by the noun phrase headed by `tok`, down "of" chains and nested locatives.

        Around a generic place noun, which name is the place and which its container? A possessor
        is a container ("Baghdad's neighbourhood of Hurriyah"); a compound the gazetteer knows is one
        ("the Algiers suburb of Oued Kniss"), one it does not know is the place itself ("the Bala
        Farms area of rural Damascus"). Containers count as deeper, so the place itself wins."""
        if depth > MAX_DEPTH or tok.i in self.seen or not self._in_sent(tok):
            return
        self.seen.add(tok.i)
        match = self._mention(tok, rank, relation, strong, named_as_place)
        generic = tok.lemma_.lower() in self.rules.place_nouns
        has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        # "the Algiers suburb of Oued Kniss": a known name before a lowercase place noun is a container.
        known_compound = match is not None and match.place is not None and generic and tok.is_lower
        if match is not None:
            yield depth + (2 if known_compound and has_of else 0), match
        for child in tok.children:
            dep = child.dep_
            if child.i in self.seen:
                continue
            if generic and dep == "poss":
                sub = self._mention(child, rank, relation, strong, named_as_place=True)
                container = True
            elif strong and match is None and dep == "compound":
                # "at a Lima safe house", "off a west Dublin soccer field": where that thing is.
                # Not a country: "the U.S. embassy", "US airstrikes" name an owner or an actor.
                sub = self._mention(child, rank, relation, strong)
                if sub is not None and sub.place is not None and sub.place.kind == "country":
                    sub = None
                container = False
            else:
                continue
            if sub is not None:
                self.seen.add(child.i)
                yield depth + (2 if container else 0), sub
        for child in tok.children:
            dep = child.dep_
            if child.i in self.seen:
                continue
            if dep == "prep" and child.lower_ == "of":
                if generic or (match is None and depth == 0 and strong):
                    # "the Bala Farms area of rural Damascus": after an unknown name, "of" is the container.
                    step = 2 if generic and match is not None and not known_compound else 1
                    for pobj in _pobjs(child):
                        yield from self._under(pobj, rank, depth + step, relation, strong, generic)
            elif dep == "prep":
                for pobj in _pobjs(child):
                    if self._prep_ok(child, pobj):
                        yield from self._under(pobj, rank, depth + 1, relation, True)
            elif dep in ("appos", "conj") and (match is not None or generic):
                yield from self._under(child, rank, depth + 1, relation, strong)

    def _locative_objects(self, head: Token) -> Iterator[tuple[str, Token]]:
        for child in head.children:
            if child.dep_ != "prep":
                continue
            preps = [child] + [s for s in child.children if s.dep_ == "conj" and s.pos_ == "ADP"]
            for prep in preps:  # "in Ukraine and in Siberia"
                for pobj in _pobjs(prep):
                    if self._prep_ok(prep, pobj):
                        yield prep.lower_, pobj

    def _prep_ok(self, prep: Token, pobj: Token | None = None) -> bool:
        object_lemma = pobj.lemma_.lower() if pobj is not None else ""
        return self.rules.prep_allowed(prep.lower_, self.lemma, object_lemma)

    def _in_sent(self, tok: Token) -> bool:
        return self.sent.start <= tok.i < self.sent.end

    # -- one name ----------------------------------------------------------------------------------

    def _mention(self, tok: Token, rank: int, relation: str, strong: bool,
                 named_as_place: bool = False) -> PlaceMatch | None:
        """The place named at `tok`, if any: its words, resolution, and whether to believe it.

        `strong`: a locative preposition ties it to the event; `named_as_place`: the text calls it a
        place ("the town of X", "X province"). Both let a name the tagger got wrong ("Hilla" as
        PERSON) count, and a strong place name count even when the gazetteer does not know it."""
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ", "X") or not self._in_sent(tok):
            return None
        ent = self.ents.get(tok.i)
        label = ent.label_ if ent is not None else ""
        if label in NOT_PLACE_LABELS and not (label == "NORP" and strong and tok.pos_ == "PROPN"):
            return None  # "near Samarra" tagged NORP is still a place after a locative preposition
        in_ent = ent is not None and ent.start <= self.trigger.i < ent.end
        if ent is not None and label in PLACE_LABELS and not in_ent:
            start, end = ent.start, ent.end
        else:
            start, end = _name_tokens(tok)
            if ent is not None and not in_ent and not (start <= ent.root.i < end):
                return None  # part of a longer name: "Islamic State of Iraq", "East Timor University"
        doc = tok.doc
        while start < end and (doc[start].lower_ == "the" or doc[start].pos_ == "DET"):
            start += 1
        while end > start and doc[end - 1].tag_ == "POS":
            end -= 1
        if start >= end:
            return None
        if tok.i + 1 == end and tok.is_lower and tok.lemma_.lower() in self.rules.place_nouns:
            # "Zafaraniyah neighborhood", "the West Bank city": the name is the words before the
            # lowercase place noun; a bare "city" is no name. ("Sadr City", "Kodori Gorge" keep theirs.)
            if end - start == 1:
                return None
            end -= 1
            named_as_place = True
        span = doc[start:end]
        place = self.gaz.lookup(span.text, alternates=strong or label in PLACE_LABELS)
        if not self._believable(span, place, label, strong, named_as_place):
            return None
        return PlaceMatch(span.text, span.start_char, span.end_char, place, relation, rank)

    def _believable(self, span: Span, place: Place | None, label: str, strong: bool,
                    named_as_place: bool) -> bool:
        text = span.text
        if text.islower():
            if place is None or normalize(text) in self.rules.common_words:
                return False
            needs = BIG_TOWN_LOWERCASE_LOCATIVE if strong else BIG_TOWN_LOWERCASE
            return place.kind not in ("city", "capital") or place.population >= needs
        if place is None:
            # An unknown name is kept only when the tagger or the text calls it a place and a
            # locative preposition ties it to the event ("in the Kodori Gorge", "the town of X"),
            # and it is not a pair of known places ("U.S.-Russia relations", "the Aleppo-Damascus road").
            parts = [p for p in _PAIR_SPLIT.split(text) if p.strip()]
            if len(parts) > 1 and all(self.gaz.lookup(p, alternates=False) for p in parts):
                return False
            named = named_as_place and _is_name(span)
            return (strong and label in PLACE_LABELS) or named
        if label in PLACE_LABELS or strong:
            return True
        if label:  # tagged PERSON, ORG …: only a name that is hard to mistake ("Kyiv" tagged PERSON)
            return place.kind != "city" or place.population >= BIG_TOWN_TAGGED
        return any(t.pos_ == "PROPN" for t in span)


def _shares_scene(verb: Token) -> bool:
    """A verb joined by "and" or "to" without a subject of its own ("shot and killed", "tried to
    enter") shares its head's scene; "X was shot … and Y was burned in Z" does not."""
    return verb.dep_ in SHARED_DEPS and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _is_name(span: Span) -> bool:
    return all(t.is_title or not t.is_alpha for t in span) and any(t.pos_ == "PROPN" for t in span)


def _pobjs(prep: Token) -> Iterator[Token]:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp") and child.pos_ in ("PROPN", "NOUN", "ADJ", "X", "NUM"):
            yield child


def _name_tokens(tok: Token) -> tuple[int, int]:
    """The token range of a name headed by `tok`: it and the proper-noun compounds on its left."""
    start = tok.i
    doc = tok.doc
    lo = tok.left_edge.i
    i = tok.i - 1
    while i >= lo:
        left = doc[i]
        if left.dep_ in ("compound", "flat", "nmod", "punct") and left.head.i in range(i + 1, tok.i + 1) and (
            left.pos_ == "PROPN" or left.text in ("-", "'")
        ):
            start = i
            i -= 1
        else:
            break
    while start < tok.i and doc[start].pos_ == "PUNCT":
        start += 1
    return start, tok.i + 1
