"""The event coder: verb and noun patterns matched over the dependency parse.

For each verb (or event noun) whose lemma has patterns, the most specific
pattern whose constraints hold fires; its source is the grammatical subject
(or the passive agent, or the controller of an infinitive), its target the
slot the pattern names. Each source × target pair of resolved actors is one
event, so compound actors never produce concatenated codes. Acts that an
actor only wants ("aims to weaken") are left to the goals stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Token

from dyads.actors.resolve import SentenceActors
from dyads.dates import resolve_date_phrase, to_date
from dyads.events.codebook import Codebook
from dyads.events.context import match_context, words_after
from dyads.events.modality import ModalityCues, governed_by_goal, modality_of, reported_clauses, reports
from dyads.events.model.coder import CODERS, LearnedCoder, LearnedPattern
from dyads.events.pairing import (
    RECIPROCAL_ROOTS,
    TARGETLESS_ROOTS,
    home_actor,
    in_focus,
    located_target,
    pair_actors,
    same_actor,
)
from dyads.events.patterns import NULL_CODE, NounPattern, PatternSet, VerbPattern
from dyads.events.recode import Recoder
from dyads.lemmas import lemma_candidates, lemma_in
from dyads.parse import sentence_ents
from dyads.records import Actor, Event, Location

# verbs whose object, not subject, does what the infinitive says: "urged Moscow to accept"
_OBJECT_CONTROL = {"urge", "ask", "call", "press", "force", "persuade", "push", "invite", "encourage", "tell",
                   "order", "allow", "help", "pressure", "compel", "convince", "request", "appeal"}
_SUBJECT_DEPS = ("nsubj", "csubj")
# acts often reported with no one on the receiving end: intents, yielding, investigations, threats, protests,
# force postures, repression and violence
_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "INS", "CRM", "SEP", "RAD"})
_GENERIC_DETERMINERS = frozenset({"each", "every", "any", "no", "such"})
_LIGHT_VERBS = frozenset({"launch", "stage", "begin", "start", "hold", "carry", "conduct", "mount", "wage", "resume",
                          "intensify", "escalate", "unleash", "continue", "step", "organize", "organise", "call"})
_PLACE_TARGET_ROOTS = ("087", "17", "18", "19", "20")  # withdrawals and retreats, coercion, violence
_PLACE_PREPS = ("of", "on", "in", "into", "at", "against", "from")
_VIOLENT_ROOTS = ("18", "19", "20")
_TAKING_PART = frozenset({"join", "attend", "participate", "travel", "arrive", "head", "go", "come", "fly"})
_HOST_VERBS = frozenset({"host", "organize", "organise", "arrange", "broker", "convene", "sponsor"})
_STATIVE_PASSIVES = frozenset({"oppose"})  # "is opposed to X" means "opposes X"
_FRAMING_ROOTS = ("02", "03", "10", "12", "13")
_COMPLEMENT_DEPS = {"dobj", "prep", "pobj", "xcomp", "dative", "attr", "oprd", "pcomp", "compound", "amod"}
_ADVERSARY_ROOTS = ("15", "18", "19", "20")
_GRIEVANCE_PREPS = frozenset({"against", "over"})  # "marched against the occupation", "rioted over …"
_GRIEVANCE_NOUNS = frozenset({"protest", "disapproval", "opposition", "anger", "outrage", "defiance"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_SPEECH_ROOTS = ("01", "02", "10", "11", "12")
_REPORTING = {"say", "tell", "state", "announce", "claim", "add", "report", "note", "write", "insist"}


class _OtherThan:
    """Sentence actors that never resolve to the given ones (a source is not its own target)."""

    def __init__(self, actors: SentenceActors, exclude: list[Actor]) -> None:
        self.actors = actors
        self.exclude = exclude
        self.span = actors.span

    def resolve(self, token: Token, possessor: bool = True) -> list[Actor]:
        return [a for a in self.actors.resolve(token, possessor) if not any(same_actor(a, x) for x in self.exclude)]


@dataclass(slots=True)
class Match:
    """A fired pattern before actors are paired up."""

    trigger: Token
    pattern: VerbPattern | NounPattern | LearnedPattern
    sources: list[Actor]
    targets: list[Actor]
    path: list[str] = field(default_factory=list)
    confidence: float = 0.9
    reciprocal: bool = False
    anchor: Token | None = None  # another word that places the act: the attack in "a bombing near Samarra killed …"


@dataclass(slots=True)
class _Bound:
    """Actors a pattern's context slots named: (actors, how they were found); empty = find them as usual."""

    sources: tuple[list[Actor], str] | tuple = ()
    targets: tuple[list[Actor], str] | tuple = ()


_UNBOUND = _Bound()


class EventCoder:
    def __init__(self, codebook: Codebook, patterns: PatternSet, cues: ModalityCues,
                 gazetteer: object | None = None, recoder: Recoder | None = None,
                 learned: LearnedCoder | None = None, mode: str = "rules") -> None:
        if mode not in CODERS:
            raise ValueError(f"coder {mode!r} is none of {', '.join(CODERS)}")
        if mode != "rules" and learned is None:
            raise ValueError(f"coder {mode!r} needs the trained event layer")
        self.learned = learned
        self.mode = mode
        self.codebook = codebook
        self.recoder = recoder
        self.patterns = patterns
        self.cues = cues
        self.gazetteer = gazetteer
        self._verb_lemmas = patterns.verb_lemmas()
        self._noun_lemmas = patterns.noun_lemmas()
        # nouns that name an attack, so that they can stand for an attacker nobody names
        self._violent_nouns = frozenset(p.lemma for p in patterns.nouns if p.code[:2] in _VIOLENT_ROOTS)

    # -- matching ------------------------------------------------------------------
    def find_matches(self, actors: SentenceActors, previous: Sequence[SentenceActors] = ()) -> list[Match]:
        """The matches the chosen coder keeps: the rules', the model's, or both (`hybrid`); the model may take an
        actor from the `previous` sentences."""
        rule_matches = self.matches(actors)
        if self.learned is None or self.mode == "rules":
            return rule_matches
        vetoed, proposals = self.learned.proposals(actors, rule_matches, self.mode, previous)
        kept = [m for m in rule_matches if m.trigger.i not in vetoed]
        for proposal in proposals:
            path = [*proposal.path, "model evidence: " + ", ".join(f"{name} {weight:+.2f}"
                                                                   for name, weight in proposal.evidence)]
            kept.append(Match(proposal.token, proposal.pattern, proposal.sources, proposal.targets, path,
                              proposal.confidence, reciprocal=not proposal.targets))
        return kept

    def matches(self, actors: SentenceActors) -> list[Match]:
        found: list[Match] = []
        consumed: set[int] = set()
        span = actors.span
        for token in span:
            if token.i in consumed:
                continue
            if token.pos_ in ("VERB", "AUX") and any(c in self._verb_lemmas for c in lemma_candidates(token)):
                match = self._verb_match(token, actors, consumed)
                if match is not None:
                    found.append(match)
            if token.pos_ == "VERB" and reports(token, self.cues):
                match = self._reported_demand(token, actors, consumed)
                if match is not None:
                    found.append(match)
        for token in span:
            if token.i in consumed or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c in self._noun_lemmas for c in (*lemma_candidates(token), token.lower_)):
                match = self._noun_match(token, actors)
                if match is not None:
                    found.append(match)
        return found

    def _verb_match(self, verb: Token, actors: SentenceActors, consumed: set[int]) -> Match | None:
        if governed_by_goal(verb, self.cues) is not None:
            return None
        if lemma_in(verb, self.cues.goal_verbs) and any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "hopes to negotiate" is a goal, recorded by the goals stage
        children = list(verb.children)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        if passive and verb.lemma_.lower() in _STATIVE_PASSIVES and not any(c.dep_ == "agent" for c in children):
            # "Israel is opposed to French mediation": a state of the subject, active in meaning
            return self._stative_match(verb, actors, consumed)
        # "sanctions imposed by the U.S.": a participle on a noun is a passive whose object is that noun
        reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")
        passive = passive or (reduced and any(c.dep_ == "agent" for c in children))
        objects = [c for c in children if c.dep_ in ("dobj", "attr")] + ([verb.head] if reduced else [])
        objects += [conj for o in objects for conj in o.conjuncts]
        # "provided 25,000 tons of food aid", "sent a shipment of weapons": the noun inside the measure
        objects += [g for o in list(objects) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        if passive:
            objects += [c for c in children if c.dep_ == "nsubjpass"]
        lemma = next((c for c in lemma_candidates(verb) if c in self._verb_lemmas), verb.lemma_.lower())
        patterns = self.patterns.verbs_for(lemma)
        for pattern in patterns:
            if pattern.forms is not None and verb.lower_ not in pattern.forms:
                continue  # a dictionary that lists the verb's forms ("LEFT" is not "LEAVE")
            bound = self._bind_context(verb, pattern, actors)
            if bound is None:
                continue
            if pattern.codes_nothing:
                return None  # a null pattern: the phrase is recognised, and it is no event
            if pattern.particle and not any(
                    c.lower_ == pattern.particle and c.dep_ in ("prt", "advmod", "prep") for c in children):
                continue
            obj = None
            if pattern.objects:
                candidates = objects
                if pattern.particle:  # "call for the release": the object hangs under the particle
                    candidates = objects + [g for c in children if c.dep_ == "prep" and c.lower_ == pattern.particle
                                            for g in c.children if g.dep_ == "pobj"]
                obj = next((o for o in candidates if _names_object(o, pattern.objects)), None)
                if obj is None:
                    continue
            complement = None
            if pattern.xcomp:
                complement = next((c for c in children if _infinitive_complement(c) and (
                    pattern.xcomp == "*" or c.lemma_.lower() == pattern.xcomp)), None)
                if complement is None:
                    continue
            path = [f"trigger {verb.text}/{verb.dep_}"]
            coded_as: VerbPattern | NounPattern = pattern
            cause = None
            sources, via = bound.sources or self._subject(verb, actors, passive, phrase="phrase" in pattern.source)
            if lemma in _OBJECT_CONTROL and any(c.dep_ in _SUBJECT_DEPS and c.lower_ in ("it", "this", "that")
                                                 for c in children) and any(map(_infinitive_complement, children)):
                sources = []  # "it allows them to make inroads": a situation, not an actor, allows
            if not sources and pattern.code[:2] in _VIOLENT_ROOTS:
                sources, via, cause = self._unattributed(verb, passive)
                if cause is not None:  # "killed in a suicide car bombing" is a suicide bombing (1831)
                    coded_as = next((p for p in self.patterns.nouns_for(cause.lemma_.lower()) if not p.modifier or any(
                        c.lemma_.lower() in p.modifier for c in cause.children)), pattern)
            if not sources:
                continue
            path.append(f"source via {via}")
            targets, target_via = bound.targets or self._targets(verb, pattern, obj, actors, passive, sources,
                                                                 nearest=not reduced)
            # a pronoun subject counts when the clause reports its own speaker ("the union said it has called off")
            explicit = via.startswith(("nsubj", "agent")) and (verb.dep_ == "ccomp" and reports(
                verb.head, self.cues) or not any(t.pos_ == "PRON" for t in verb.children if t.dep_ in _SUBJECT_DEPS))
            if not targets and pattern.code.startswith(_PLACE_TARGET_ROOTS):
                targets, target_via = self._place_target(verb, sources)
            if not pattern.target_required and (not targets or pattern.code[:2] == "15" and all(
                    t.country in {None, *(s.country for s in sources)} for t in targets)):
                # own forces mobilized are no target; whom they are mobilized against is
                found, found_via = self._occasion_target(verb, pattern.code, _OtherThan(actors, sources))
                if found:
                    targets, target_via = found, found_via
            if pattern.target_required and not targets:
                continue
            if pattern.code[:2] == "01":  # "told reporters": the press is the channel, not the addressee
                targets = [t for t in targets if not (t.sector == "MED" and not t.country)]
            reciprocal = len(sources) >= 2 and pattern.code[:2] in RECIPROCAL_ROOTS
            if not targets and not reciprocal and not _stands_alone(pattern, verb, sources) and not (
                    explicit and pattern.code.startswith(TARGETLESS_ROOTS)):
                # an act with no one on the receiving end is rarely codable in opinion text; a less specific
                # pattern would misread what this one recognised ("called off a strike" is no strike)
                return None
            if targets:
                path.append(f"target via {target_via}")
            if obj is not None:
                consumed.add(obj.i)
            if complement is not None:
                consumed.add(complement.i)
            if target_via.startswith("subject ") and pattern.code[:2] in ("02", "10"):
                for child in children:  # "demanded that Mugabe abandon …": the demanded act is no event
                    if child.dep_ == "ccomp":
                        consumed.update(t.i for t in child.subtree)
            if pattern.xcomp or pattern.code[:2] in _FRAMING_ROOTS:
                # "threatened to launch an offensive", "urged Moscow to accept a ceasefire": the embedded act
                # is what the appeal, promise or threat is about, not a second event
                for child in children:
                    if child.dep_ == "xcomp":
                        consumed.update(t.i for t in child.subtree)
            for child in children:
                if child.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
                    consumed.add(child.i)
            confidence = 0.9 if via.startswith("nsubj") or via.startswith("agent") else 0.75
            if not targets:
                confidence -= 0.2
            return Match(verb, coded_as, sources, targets, path, round(confidence, 2), reciprocal=not targets,
                         anchor=cause)
        return None

    def _bind_context(self, verb: Token, pattern: VerbPattern, actors: SentenceActors) -> _Bound | None:
        """Whether the words the pattern wants around the verb are there; the actors its slots bind.

        `$` binds the source and `+` the target; `%` before the verb is a compound whose members act on each
        other ("Gondor and Rohan have delayed …"), after it a compound target."""
        if pattern.context is None:
            return _UNBOUND
        found = match_context(verb, pattern.context, lambda token: len(actors.resolve(token, possessor=False)))
        if found is None:
            return None
        bound = _Bound()
        for kind, token in found.bindings:
            resolved = actors.resolve(token, possessor=False)
            if kind == "source":
                bound.sources = (resolved, f"slot $ {token.text}")
            elif kind == "target":
                bound.targets = (resolved, f"slot + {token.text}")
            elif kind == "compound" and token.i < verb.i:
                bound.sources = (resolved, f"slot % {token.text}")
                bound.targets = (resolved, f"slot % {token.text}")
            elif kind == "compound":
                bound.targets = (resolved, f"slot % {token.text}")
        return bound

    def _stative_match(self, verb: Token, actors: SentenceActors, consumed: set[int]) -> Match | None:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        thing = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for g in _prep_objects_of(p)),
                     None)
        if subject is None or thing is None:
            return None
        sources = actors.resolve(subject, possessor=False)
        lemma = verb.lemma_.lower()
        pattern = next((p for p in self.patterns.verbs_for(lemma) if not p.particle and not p.xcomp and (
            not p.objects or _names_object(thing, p.objects))), None)
        if not sources or pattern is None:
            return None
        others = _OtherThan(actors, sources)
        owners = [c for c in thing.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        targets = others.resolve(thing) or next((found for c in owners if (found := others.resolve(c))), []) or \
            self._nearest_target(thing, others, inclusive=True)
        if not targets and not pattern.code.startswith(TARGETLESS_ROOTS):
            return None
        consumed.update((subject.i, thing.i))
        path = [f"trigger {verb.text}/{verb.dep_} (be {verb.text} to)", f"source via nsubjpass {subject.text}"]
        if targets:
            path.append(f"target via to {thing.text}")
        return Match(verb, pattern, sources, targets, path, 0.8)

    def _unattributed(self, verb: Token, passive: bool) -> tuple[list[Actor], str, Token | None]:
        """Violence nobody is named for: "a roadside bombing killed a U.S. soldier", "civilians were killed in a
        car bombing". The source is an unidentified armed force (UAF), placed later where the attack happened."""
        if passive:
            causes = [g for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by")
                      for g in p.children if g.dep_ == "pobj"]
        else:
            causes = [c for c in verb.children if c.dep_ == "nsubj"]
        for cause in causes:
            if any(w.lemma_.lower() in self._violent_nouns for w in (cause, *cause.children)
                   if w is cause or w.dep_ == "compound"):
                left = min((c.i for c in cause.lefts if c.dep_ in ("amod", "compound", "det")), default=cause.i)
                text = cause.doc[left:cause.i + 1].text
                return [Actor(text, "UAF", None, "UAF", None)], f"unattributed {cause.text}", cause
        return [], "", None

    def _reported_demand(self, verb: Token, actors: SentenceActors, consumed: set[int]) -> Match | None:
        """ "X said Y must do Z": X demands of Y (CAMEO 100)."""
        for clause in reported_clauses(verb, self.cues):
            if not any(c.dep_ == "aux" and c.lower_ in self.cues.demand_aux for c in clause.children):
                continue
            addressee = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            speakers, via = self._subject(verb, actors, passive=False)
            if addressee is None or not speakers:
                continue
            targets = actors.resolve(addressee, possessor=False)
            if addressee.pos_ == "PRON":
                # "Iraq … that it must": the one named in this sentence; a "they" from earlier text is too loose
                named = {actors.mention_actor(m).code for m in actors.mentions}
                targets = [t for t in targets if t.code in named]
            if targets:
                path = [f"trigger {verb.text}/{verb.dep_}", f"source via {via}",
                        f"target via subject {addressee.text} of the reported clause '{clause.text}'"]
                consumed.update(t.i for t in clause.subtree)  # what is demanded is not itself an event
                return Match(verb, REPORTED_DEMAND, speakers, targets, path, 0.7)
        return None

    def _subject(self, verb: Token, actors: SentenceActors, passive: bool,
                 phrase: bool = False) -> tuple[list[Actor], str]:
        """Who acts: the subject (the agent of a passive). With `phrase`, a subject that is no actor stands for
        the actor it belongs to ("Eriador's death toll" -> Eriador), as PETRARCH codes noun phrases."""
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return actors.resolve(pobj, possessor=phrase), f"agent by {pobj.text}"
            return [], ""
        node = verb
        climbed: set[int] = set()
        for _ in range(4):
            climbed.add(node.i)
            subject = next((c for c in node.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None and subject.tag_ == "VBG":
                # "The Red Cross operating in Iraq said …": the parser made the participle the subject
                subject = next((c for c in subject.children if c.dep_ == "nsubj"), subject)
            if subject is not None and subject.lower_ == "it" and node.lemma_.lower() == "be" and any(
                    c.dep_ == "xcomp" and c.i in climbed for c in node.children):
                return [], ""  # "it is expensive to take a case": an expletive, no one acts
            if subject is not None:
                return actors.resolve(subject, possessor=phrase), f"{subject.dep_} {subject.text}"
            if node.dep_ == "xcomp":
                head = node.head
                raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if raised is not None:  # "are scheduled to meet", "is expected to visit"
                    return actors.resolve(raised, possessor=False), f"nsubjpass {raised.text} of {head.text}"
                obj = next((c for c in head.children if c.dep_ in ("dobj", "iobj")), None)
                if head.lemma_.lower() in _OBJECT_CONTROL and obj is not None:
                    return actors.resolve(obj, possessor=False), f"object of {head.text} {obj.text}"
                node = head
                continue
            if node.dep_ == "conj" and not passive:
                raised = next((c for c in node.head.children if c.dep_ == "nsubjpass"), None)
                if raised is not None and not any(c.dep_ in _SUBJECT_DEPS for c in node.head.children):
                    # "X has been indicted … and will resign": the one indicted resigns
                    return actors.resolve(raised, possessor=False), f"nsubjpass {raised.text} of {node.head.text}"
            if node.dep_ == "conj" or (node.dep_ == "advcl" and node.tag_ == "VBG") or node.dep_ == "acomp":
                node = node.head  # "he is prepared to lift the ban": the subject of "is"
                continue
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
                node = node.head.head  # "By praising Trump's policies, Putin seeks …": the main clause's subject
                continue
            if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
                found = actors.resolve(node.head, possessor=False)
                if found or node.dep_ != "acl" or node.head.dep_ != "dobj" or \
                        node.head.lemma_.lower() not in self.cues.statement_nouns:
                    return found, f"{node.dep_} head {node.head.text}"
                node = node.head.head  # "issued a declaration demanding …": the issuer demands
                continue
            break
        return [], ""

    def _targets(self, verb: Token, pattern: VerbPattern, obj: Token | None, actors: SentenceActors,
                 passive: bool, sources: list[Actor], nearest: bool = True) -> tuple[list[Actor], str]:
        actors = _OtherThan(actors, sources)  # type: ignore[assignment]  # "its war" is not Iran's target
        slots = pattern.target or ("dobj",)
        for slot in slots:
            if slot == "-":
                break  # no grammatical slot names the target; an actor in the complements still may
            if slot == "dobj":
                if pattern.objects:
                    # the object is the event noun; its own modifiers may name the target ("expelled Russian diplomats")
                    found = actors.resolve(obj, possessor=False) if obj is not None else []
                    if found:
                        return found, f"object {obj.text}"
                    found = self._inner_target(obj, pattern.code, actors) if obj is not None else []
                    if found:
                        return found, f"inside object {obj.text}"
                    continue
                dep = "nsubjpass" if passive else "dobj"
                for child in verb.children:
                    if child.dep_ == dep:
                        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children):
                            continue  # "offered its troops to Lebanon": what is one's own is not the target
                        found = actors.resolve(child)
                        if found:
                            return found, f"{dep} {child.text}"
                        found = self._inner_target(child, pattern.code, actors)
                        if found:
                            return found, f"inside {dep} {child.text}"
                continue
            if slot == "next":
                found, token = self._next_actor(verb, actors)
                if found:
                    return found, f"next actor {token.text}"
                continue
            if slot == "iobj":
                for child in verb.children:
                    if child.dep_ in ("dative", "iobj"):
                        found = actors.resolve(child)
                        if found:
                            return found, f"iobj {child.text}"
                continue
            holders = [verb] + ([obj] if obj is not None else [])
            for holder in holders:
                for prep in holder.children:
                    if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ == slot:
                        for pobj in _prep_objects_of(prep):
                            found = actors.resolve(pobj) or self._event_owner(pobj, actors)
                            if found:
                                return found, f"{slot} {pobj.text}"
        if pattern.target_required or "next" in slots:
            return [], ""  # `!` patterns take their target from the named slots only, as PETRARCH's do
        for clause in verb.children:  # "demanded that President X abandon …": the clause's subject
            if clause.dep_ == "ccomp" and pattern.code[:2] in ("02", "08", "10", "11"):
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.lower_ not in ("it", "this", "that", "there"):
                    found = actors.resolve(subject, possessor=False)
                    if found:
                        return found, f"subject {subject.text} of the clause '{clause.text}'"
        if pattern.code[:2] == "01" or not nearest:
            return [], ""  # a statement "on Afghanistan" is about it; a participle's complements are the noun's
        found = self._nearest_target(verb, actors)
        return found, ("nearest actor in the complements" if found else "")

    def _place_target(self, trigger: Token, sources: list[Actor]) -> tuple[list[Actor], str]:
        """ "shelled Kharkiv", "the annexation of Crimea": a place struck or taken stands for its country."""
        if self.gazetteer is None:
            return [], ""
        candidates = [c for c in trigger.children if c.dep_ == "dobj"]
        holders = [trigger, *candidates, *(g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of"
                                          for g in p.children if g.dep_ == "pobj")]
        # "evacuate settlements in Gaza", "the withdrawal of forces from Panama"
        candidates += [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS
                       for g in p.children if g.dep_ == "pobj"]
        for token in candidates:
            if token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):  # NORP: a weak form such as "Georgia"
                continue
            ent = next((e for e in sentence_ents(token.sent) if e.start <= token.i < e.end), None)
            place = self.gazetteer.resolve(ent.text if ent is not None else token.text)
            if place is None or not place.country or any(s.country == place.country for s in sources):
                continue
            return [Actor(place.name, place.country, place.country, None, None)], f"place {place.name}"
        return [], ""

    def _event_owner(self, noun: Token, actors: SentenceActors) -> list[Actor]:
        """Whose act an event noun names: "agreed to US mediation", "complained over Israeli air raids"."""
        if not any(c in self._noun_lemmas for c in lemma_candidates(noun)):
            return []
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                found = actors.resolve(child)
                if found:
                    return found
        return self._maker(noun, actors)  # "conceded to demands from UNITA"

    def _maker(self, thing: Token, actors: SentenceActors) -> list[Actor]:
        """Who made or issued a thing: the actor of its "from"/"by" phrase ("an offer from Uganda")."""
        for prep in thing.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by"):
                for pobj in _prep_objects_of(prep):
                    found = actors.resolve(pobj)
                    if found:
                        return found
        return []

    def _inner_target(self, thing: Token, code: str, actors: SentenceActors) -> list[Actor]:
        """An actor inside an object that is none: who made what is rejected ("rejected an offer from
        Afghanistan"), whose is what is attacked ("attacked a camp for Congolese refugees")."""
        if code[:2] == "12" or code == "016":  # "rejected Pakistan's allegation": whose claim it is
            for child in thing.children:
                if child.dep_ == "poss":
                    found = actors.resolve(child)
                    if found:
                        return found
        if code[:2] == "12":
            return self._maker(thing, actors)
        if code[:2] in _VIOLENT_ROOTS or code[:2] == "17":
            return self._nearest_target(thing, actors, inclusive=True)
        return []

    def _occasion_target(self, trigger: Token, code: str, actors: SentenceActors) -> tuple[list[Actor], str]:
        """Who the act answers to when no slot names them: a protest's grievance ("in protest of the
        government's refusal", "against the Israeli military's policies") or a threat's condition ("unless
        Israel rescinds …", "if the United States goes ahead …")."""
        if code[:2] == "14":
            for node in trigger.subtree:
                if node.dep_ in _SUBJECT_DEPS or node.i == trigger.i:
                    continue
                grievance = (node.dep_ == "prep" and node.lower_ in _GRIEVANCE_PREPS) or (
                    node.pos_ == "NOUN" and node.lemma_.lower() in _GRIEVANCE_NOUNS and node.i != trigger.i)
                if not grievance:
                    continue
                for start in [c for c in node.children if c.dep_ in ("pobj", "prep")]:
                    found = actors.resolve(start) or self._nearest_target(start, actors, inclusive=True)
                    if found:
                        return found, f"grievance '{node.text} {start.text}'"
        if code[:2] in _ADVERSARY_ROOTS:  # "mobilized reservists for a war against Iraq", "fire against camps"
            for node in trigger.subtree:
                if node.dep_ == "prep" and node.lower_ == "against":
                    for pobj in _prep_objects_of(node):
                        found = actors.resolve(pobj) or self._nearest_target(pobj, actors, inclusive=True)
                        if found:
                            return found, f"adversary 'against {pobj.text}'"
        for node in trigger.subtree:
            marks = {m.lower_ for m in node.children if m.dep_ == "mark"} & _CONDITION_MARKS if node.dep_ == "advcl" \
                else set()
            if not marks or (code[:2] != "13" and ("unless" not in marks or code[:2] in _SPEECH_ROOTS)):
                continue  # "unless" makes a promised act a threat; "if" only keeps one
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            found = actors.resolve(subject, possessor=False) if subject is not None else []
            if found:
                return found, f"subject {subject.text} of the condition '{node.text}'"
        return [], ""

    def _next_actor(self, verb: Token, actors: SentenceActors) -> tuple[list[Actor], Token | None]:
        """The first actor after the verb in its phrase, as its noun phrase codes it: "restore ties with Gondor's
        government" -> GONGOV (PETRARCH's target)."""
        for token in words_after(verb):
            if not actors.resolve(token, possessor=False):
                continue
            head = token
            while head.dep_ in ("compound", "amod", "poss", "nmod", "case") and head.head.i > head.i and \
                    head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            return actors.resolve(head, possessor=False) or actors.resolve(token, possessor=False), head
        return [], None

    def _nearest_target(self, verb: Token, actors: SentenceActors, inclusive: bool = False) -> list[Actor]:
        """The first actor in the trigger's complements, breadth first (PETRARCH takes the next actor)."""
        frontier = [verb] if inclusive else [c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS and c.i > verb.i]
        for _ in range(5):
            following = []
            for node in frontier:
                if node.dep_ in ("dobj", "pobj", "dative", "attr", "oprd"):
                    found = actors.resolve(node)
                    if found:
                        return found
                following.extend(c for c in node.children if c.dep_ in _COMPLEMENT_DEPS)
            frontier = following
        return []

    def _noun_match(self, noun: Token, actors: SentenceActors) -> Match | None:
        if noun.head.lemma_.lower() in self.cues.goal_verbs and noun.dep_ in ("dobj",):
            return None
        if noun.head.pos_ == "VERB" and governed_by_goal(noun.head, self.cues) is not None:
            return None  # "seeking to end the war": what someone wants
        if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETERMINERS for c in noun.children):
            return None  # "each meeting between …", "any talks": a kind of act, not an act
        lemma = next((c for c in (*lemma_candidates(noun), noun.lower_) if c in self._noun_lemmas), noun.lower_)
        for pattern in self.patterns.nouns_for(lemma):
            if pattern.modifier and not any(c.lemma_.lower() in pattern.modifier for c in noun.children):
                continue
            sources: list[Actor] = []
            targets: list[Actor] = []
            path = [f"noun {noun.text}/{noun.dep_}"]
            for prep_word in pattern.reciprocal:
                parties = self._prep_objects(noun, prep_word, actors)
                if len(parties) >= 2 and noun.dep_ == "dobj" and lemma_in(noun.head, _HOST_VERBS):
                    # "ready to host a meeting between Israelis and the PLO": the host meets both
                    host, _ = self._subject(noun.head, actors, passive=False)
                    if host:
                        sources, targets = host, parties
                        path.append(f"host via {noun.head.text}, parties via {prep_word}")
                        break
                if len(parties) >= 2:
                    sources, targets = [parties[0]], [parties[1]]
                    path.append(f"parties via {prep_word}")
                    break
                if len(parties) == 1:
                    owner = self._noun_source(noun, ("poss", "amod", "compound"), actors)
                    if owner and owner[0].code != parties[0].code:
                        sources, targets = owner, parties
                        path.append(f"parties via possessor and {prep_word}")
                        break
            if not sources:
                sources = self._noun_source(noun, pattern.source or ("poss",), actors)
                if not sources and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                    # a light verb lends its subject: "began a hunger strike", "launched an attack"
                    sources, _ = self._subject(noun.head, actors, passive=False)
                if not sources and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and lemma_in(
                        noun.head.head, _TAKING_PART) and noun.head.lower_ in ("for", "in", "at", "to"):
                    # whoever goes to or joins the talks takes part: "Rubio will join Waltz for the talks with …"
                    sources, _ = self._subject(noun.head.head, actors, passive=False)
                if not sources:
                    continue
                path.append("source via " + "/".join(pattern.source or ("poss",)))
                for slot in pattern.target:
                    targets = self._prep_objects(noun, slot, actors)
                    if targets:
                        path.append(f"target via {slot}")
                        break
            if pattern.target_required and not targets:
                continue
            if not targets and pattern.code.startswith(_PLACE_TARGET_ROOTS):
                targets, via = self._place_target(noun, sources)
                if targets:
                    path.append(f"target via {via}")
            if not targets and not pattern.target_required:
                targets, via = self._occasion_target(noun, pattern.code, _OtherThan(actors, sources))
                if targets:
                    path.append(f"target via {via}")
            if not targets and pattern.code[:2] not in ("08", "09") and not (
                    pattern.code[:2] in ("14", "15", "18", "19", "20") and noun.dep_ == "dobj"
                    and lemma_in(noun.head, _LIGHT_VERBS)):
                # "launched an offensive", "staged a protest" are acts; "against Russian aggression" is not
                continue
            return Match(noun, pattern, sources, targets, path, 0.6)
        return None

    def _noun_source(self, noun: Token, slots: tuple[str, ...], actors: SentenceActors) -> list[Actor]:
        for slot in slots:
            if slot in ("poss", "amod", "compound"):
                for child in noun.children:
                    if child.dep_ == slot or (slot == "amod" and child.dep_ == "nmod"):
                        found = actors.resolve(child)
                        if found:
                            return found
            else:
                found = self._prep_objects(noun, slot, actors)
                if found:
                    return found
        return []

    def _prep_objects(self, noun: Token, prep_word: str, actors: SentenceActors) -> list[Actor]:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == prep_word:
                for pobj in _prep_objects_of(prep):
                    return actors.resolve(pobj)
        return []

    # -- events --------------------------------------------------------------------
    def code(self, actors: SentenceActors, *, doc_id: str, sentence_index: int, char_span: tuple[int, int],
             sentence_text: str, doc_date: str | None, doc_year: int, is_root: bool,
             location_for: object | None = None, previous: Sequence[SentenceActors] = ()) -> list[Event]:
        where = _Where(doc_id, sentence_index, char_span, sentence_text, doc_date, doc_year, is_root, location_for,
                       actors, tuple({m.entry.country for m in actors.mentions if m.entry.kind in ("country", "group")
                                      and m.entry.country and len(m.entry.country) == 3}))
        events: list[Event] = []
        for match in self.find_matches(actors, previous):
            pattern = match.pattern
            paired = isinstance(pattern, VerbPattern) and pattern.reverse_code is not None
            if paired:  # `[032:033]`: the visit, and its receipt by the one visited; `[:173]`: only the latter
                receipt = Match(match.trigger, replace(pattern, code=pattern.reverse_code, reverse_code=None),
                                match.targets, match.sources, match.path, match.confidence, anchor=match.anchor)
                if pattern.code != NULL_CODE:
                    events.extend(self._events(match, where))
                events.extend(self._events(receipt, where))
            else:
                events.extend(self._events(match, where))
        return events

    def _events(self, match: Match, where: _Where) -> list[Event]:
        """One event per source x target pair of a fired pattern."""
        actors = where.actors
        code = self.codebook.lookup(match.pattern.code)
        modality = modality_of(match.trigger, actors.span, where.doc_year, self.cues)
        if self.recoder is not None and code.code in self.codebook:
            code, modality = self.recoder.recode(code, modality, self.codebook, match.trigger)
        location = where.location_for(match.trigger) if where.location_for else None
        if location is None and match.anchor is not None and where.location_for:
            location = where.location_for(match.anchor)
        plover = code.plover
        if match.pattern.plover and code.code == match.pattern.code:
            event_type, mode = match.pattern.plover
            plover = {**plover, "event": event_type, "mode": mode}
        pairs = []
        for source, target in pair_actors(match.sources, match.targets, match.pattern.code):
            target = located_target(source, target, location, code.code)
            homed = in_focus(home_actor(source, target, location, match.pattern.code, where.countries), actors.focus)
            target = in_focus(target, actors.focus)
            if target is not None and homed.code == target.code:
                if homed is source:
                    continue  # "the Israeli leader met security officials": an actor is not its own target
                # "President X threatened a curfew in Algiers": the act is aimed at his own country
                target = Actor(target.text, target.country, target.country, None, None)
            pairs.append((homed, target))
        events = []
        for source, target in pairs:
            key = (source.code, target.code if target else None, code.code, match.trigger.i)
            if key in where.seen:
                continue
            where.seen.add(key)
            n = where.per_trigger[match.trigger.i] = where.per_trigger.get(match.trigger.i, -1) + 1
            events.append(Event(
                event_id=f"{where.doc_id}#e{where.sentence_index}.{match.trigger.i - actors.span.start}.{n}",
                doc_id=where.doc_id, sentence_index=where.sentence_index, sentence=where.sentence_text,
                char_start=where.char_span[0], char_end=where.char_span[1], source=source, target=target,
                trigger=match.trigger.text, cameo=code.code, cameo_root=code.root,
                quad_class=code.quad_class, goldstein=code.goldstein, plover=plover,
                modality=modality.value, location=location, date=_event_date(match.trigger, where.doc_date),
                is_root=where.is_root, rule=match.pattern.rule(), confidence=match.confidence,
                explanation={"pattern": match.pattern.text, "where": match.pattern.where(),
                             "path": match.path, "modality_cue": modality.cue},
            ))
        return events


@dataclass(slots=True)
class _Where:
    """Where the events of one sentence come from, and what coding the sentence has seen so far."""

    doc_id: str
    sentence_index: int
    char_span: tuple[int, int]
    sentence_text: str
    doc_date: str | None
    doc_year: int
    is_root: bool
    location_for: object | None
    actors: SentenceActors
    countries: tuple[str, ...]
    seen: set[tuple] = field(default_factory=set)
    per_trigger: dict[int, int] = field(default_factory=dict)  # events so far for each trigger: ids stay unique


# "X said Y must …": the speaker demands something of Y
REPORTED_DEMAND = VerbPattern(code="100", lemma="say", particle=None, objects=(), xcomp=None, target=("-",), source=(),
                              text="100 <reporting verb> that <actor> must|should <act>", file="coder:reported_demand",
                              line=1, specificity=3)


def _prep_objects_of(prep: Token) -> list[Token]:
    """The objects of a preposition; when the parser left it without one ("granted asylum to five officers
    holed up in …" hangs the officers on the next verb), the noun phrase that starts right after it."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects or prep.i + 1 >= prep.sent.end:
        return objects
    node = prep.doc[prep.i + 1]
    while node.pos_ not in ("NOUN", "PROPN") and node.head is not node and node.head.i > prep.i:
        node = node.head
    return [node] if node.pos_ in ("NOUN", "PROPN") and node.left_edge.i == prep.i + 1 else []


def _infinitive_complement(token: Token) -> bool:
    """An open complement, or an infinitive the parser attached as an adverbial ("have sworn to fight")."""
    if token.dep_ in ("xcomp", "ccomp"):
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _names_object(noun: Token, objects: tuple[str, ...]) -> bool:
    """The noun is one of the pattern's objects, or a kind of it named by a compound ("food supplies", "an aid
    program")."""
    if noun.lemma_.lower() in objects or noun.lower_ in objects:
        return True
    if noun.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return False  # "the UN refugee agency" is an agency, not refugees
    return any(c.dep_ == "compound" and (c.lemma_.lower() in objects or c.lower_ in objects) for c in noun.children)


def _stands_alone(pattern: VerbPattern, verb: Token, sources: list[Actor]) -> bool:
    """Acts that stand without a target, used intransitively: protests, force postures, fighting."""
    root = pattern.code[:2]
    if root in ("18", "19", "20"):
        # fighting with no one named is coded for armed actors and states, not for a person ("he's still fighting")
        return all(s.sector in _ARMED_SECTORS or (s.sector is None and s.country) for s in sources)
    if root == "17":
        return True  # coercion of someone the dictionary does not know is still coded
    if root not in ("14", "15"):
        return False
    return pattern.objects != () or not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)


def _event_date(trigger: Token, doc_date: str | None) -> str | None:
    """The day the sentence gives for the act ("on Monday", "March 3"), else the document's date."""
    day = to_date(doc_date)
    for ent in sentence_ents(trigger.sent):
        if ent.label_ != "DATE":
            continue
        head = ent.root
        while head.dep_ in ("pobj", "prep", "npadvmod", "compound") and head.head is not head and head not in (
                trigger,) and head.i != trigger.i:
            head = head.head
        if head.i != trigger.i and head.head.i != trigger.i:
            continue
        found = resolve_date_phrase(ent.text, day)
        if found is not None:
            return found.isoformat()
    return doc_date


def doc_year(doc_date: date | None) -> int:
    return (doc_date or date.today()).year


__all__ = ["EventCoder", "Location", "doc_year"]
