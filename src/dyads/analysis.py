"""The analysis stages that run on parsed sentences: actors, events, goals, tone.

Each stage says what it reads from the shared context and what it adds to
the `Result`; `Analysis.build` loads the knowledge once and checks the
order, `Analysis.run` applies the enabled stages to one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from spacy.language import Language

from dyads.actors.dictionary import ActorDictionary, load_actor_dictionary
from dyads.actors.oeda import add_defaults, load_default_actors
from dyads.actors.petrarch import add_petrarch
from dyads.actors.recognize import add_actor_ruler
from dyads.actors.resolve import DocumentActors, ResolveOptions, SentenceActors
from dyads.dates import to_date
from dyads.dictionaries import read_dictionaries
from dyads.events.codebook import load_codebook
from dyads.events.coder import EventCoder, doc_year
from dyads.events.defaults import default_discards, with_default_verbs
from dyads.events.discards import Discards
from dyads.events.modality import ModalityCues
from dyads.events.model import LearnedCoder
from dyads.events.patterns import load_patterns
from dyads.events.petrarch import compile_verbs
from dyads.events.recode import Recoder
from dyads.goals.concepts import Concepts
from dyads.goals.extract import GoalCues, GoalExtractor
from dyads.parse import sentence_ents
from dyads.records import Mention, Result
from dyads.settings import Settings

if TYPE_CHECKING:
    from dyads.pipeline import ParsedSentence

Context = dict[str, Any]


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]  # context keys it reads
    provides: tuple[str, ...]  # context keys it adds

    def __call__(self, result: Result, sentences: list[ParsedSentence], context: Context) -> None: ...


@dataclass(slots=True)
class ActorStage:
    """Dictionary mentions → actors, sentence by sentence, with coreference state."""

    dictionary: ActorDictionary
    options: ResolveOptions = field(default_factory=ResolveOptions)
    name: str = "actors"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("doc_date", "sentence_actors")

    def __call__(self, result: Result, sentences: list[ParsedSentence], context: Context) -> None:
        day = to_date(result.document.date)
        context["doc_date"] = day
        state = DocumentActors(self.dictionary, day, self.options)
        per_sentence: list[SentenceActors] = []
        mentions: list[Mention] = []
        for sentence in sentences:
            actors = state.sentence(sentence.span)
            per_sentence.append(actors)
            covered: set[int] = set()
            for mention in actors.mentions:
                start, end = sentence.original(mention.span.start_char, mention.span.end_char)
                covered.update(range(mention.span.start, mention.span.end))
                mentions.append(Mention(result.document.doc_id, start, end, result.document.text[start:end],
                                        mention.span.label_, actors.mention_actor(mention), sentence.index))
            for ent in sentence_ents(sentence.span):
                if ent.start in covered or ent.label_ not in ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"):
                    continue
                start, end = sentence.original(ent.start_char, ent.end_char)
                mentions.append(Mention(result.document.doc_id, start, end, result.document.text[start:end],
                                        ent.label_, None, sentence.index))
            actors.remember_mentions()
        result.mentions = mentions
        context["sentence_actors"] = per_sentence


@dataclass(slots=True)
class EventStage:
    coder: EventCoder
    discards: Discards | None = None  # phrases that make a sentence or a whole story uncodable
    name: str = "events"
    requires: tuple[str, ...] = ("doc_date", "sentence_actors")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, result: Result, sentences: list[ParsedSentence], context: Context) -> None:
        day: date | None = context["doc_date"]
        year = doc_year(day)
        lead = _lead_sentences(sentences)
        discards = self.discards or None
        if discards is not None and any(discards.in_story(s.span.text) for s in sentences):
            context["events"] = result.events
            return  # a story about sport or entertainment codes no events
        every = context["sentence_actors"]
        for sentence, actors in zip(sentences, every, strict=True):
            if sentence.unit.kind == "table_row":
                continue  # table cells are labels and notes, not reports of acts
            if discards is not None and discards.in_sentence(sentence.span.text):
                continue
            location_for = None
            if self.coder.gazetteer is not None:
                from dyads.places import find_event_location

                def location_for(trigger, _span=sentence.span):
                    return find_event_location(_span, trigger, self.coder.gazetteer)

            result.events.extend(self.coder.code(
                actors, doc_id=result.document.doc_id, sentence_index=sentence.index,
                char_span=(sentence.char_start, sentence.char_end), sentence_text=result.sentences[sentence.index].text,
                doc_date=result.document.date, doc_year=year, is_root=sentence.index in lead,
                location_for=location_for, previous=every[max(0, sentence.index - 2):sentence.index]))
        _inherit_future(result.events)
        _inherit_past(result.events, sentences, year, self.coder.cues.years_before)
        context["events"] = result.events


# "the upcoming summit" early in an article makes a later bare "the summit" a planned event too;
# a promise to meet (036) announces the meeting (04)
_FAMILY = {"036": "04", "030": "05", "031": "06", "033": "07", "035": "08"}


def _inherit_future(events: list) -> None:
    planned: set[tuple] = set()
    for event in events:
        family = next((root for prefix, root in _FAMILY.items() if event.cameo.startswith(prefix)), event.cameo_root)
        key = (event.source.actor_id or event.source.code, (event.target.actor_id or event.target.code)
               if event.target else None, family)
        if event.modality == "future" or (event.cameo.startswith("03") and family != "03"):
            planned.add(key)
        elif event.modality == "asserted" and key in planned and event.explanation.get("path", [""])[0].startswith(
                "noun") and not event.explanation.get("modality_cue"):
            event.modality = "future"
            event.explanation["modality_cue"] = "planned earlier in the document"


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _inherit_past(events: list, sentences: list[ParsedSentence], doc_year: int, years_before: int) -> None:
    """In a background paragraph ("In 2014, Russia annexed Crimea. It also backed …"), a past-tense act with no
    time of its own belongs to the years the paragraph opened with."""
    old_years: dict[int, int] = {}  # unit line → sentence index where an old year was first named
    for sentence in sentences:
        years = [int(y) for y in _YEAR.findall(sentence.span.text)]
        if any(y <= doc_year - years_before for y in years):
            old_years.setdefault(sentence.unit.line, sentence.index)
    for event in events:
        sentence = sentences[event.sentence_index]
        opened = old_years.get(sentence.unit.line)
        if event.modality != "asserted" or opened is None or opened >= event.sentence_index:
            continue
        if any(ent.label_ == "DATE" for ent in sentence_ents(sentence.span)) or _YEAR.search(sentence.span.text):
            continue  # the sentence gives its own time
        trigger = next((t for t in sentence.span if t.text == event.trigger), None)
        if trigger is not None and trigger.tag_ in ("VBD", "VBN"):
            event.modality = "historical"
            event.explanation["modality_cue"] = "a year named earlier in the paragraph"


@dataclass(slots=True)
class GoalStage:
    extractor: GoalExtractor
    name: str = "goals"
    requires: tuple[str, ...] = ("sentence_actors",)
    provides: tuple[str, ...] = ("goals",)

    def __call__(self, result: Result, sentences: list[ParsedSentence], context: Context) -> None:
        result.goals = self.extractor.extract(result.document.doc_id, result.document.text, sentences,
                                              context["sentence_actors"])
        context["goals"] = result.goals


@dataclass(slots=True)
class ToneStage:
    """GDELT-style document tone, and tone toward each actor from the sentences that mention it."""

    lexicon: object
    name: str = "tone"
    requires: tuple[str, ...] = ("sentence_actors",)
    provides: tuple[str, ...] = ("tones",)

    def __call__(self, result: Result, sentences: list[ParsedSentence], context: Context) -> None:
        from dyads.tone import ToneTarget, actor_tones, document_tone

        targets = []
        for sentence, actors in zip(sentences, context["sentence_actors"], strict=True):
            for mention in actors.mentions:
                if mention.role == "adjective" and mention.span.root.dep_ in ("amod", "compound"):
                    continue  # "Russian" in "Russian troops" is the troops' tone, not Russia's
                targets.append(ToneTarget(sentence.span, mention.span.start, mention.span.end,
                                          actors.mention_actor(mention)))
        result.tones = actor_tones(result.document.doc_id, targets, self.lexicon)
        result.doc_tone = document_tone([t.lower_ for s in sentences for t in s.span], self.lexicon)
        context["tones"] = result.tones


def _lead_sentences(sentences: list[ParsedSentence]) -> set[int]:
    """The article's lead: the first two sentences of its first prose paragraph."""
    for sentence in sentences:
        if sentence.unit.kind == "prose":
            first_unit = sentence.unit
            return {s.index for s in sentences if s.unit is first_unit}.intersection(
                range(sentence.index, sentence.index + 2))
    return set()


@dataclass(slots=True)
class Analysis:
    stages: list[Stage] = field(default_factory=list)

    @classmethod
    def build(cls, settings: Settings, nlp: Language) -> Analysis:
        stages: list[Stage] = []
        user = read_dictionaries(settings.dictionaries)
        builtin = not settings.only_dictionaries
        dictionary = load_actor_dictionary(settings.actor_files, builtin=builtin)
        defaults = builtin and settings.oeda_defaults
        if defaults:
            dictionary = add_defaults(dictionary, load_default_actors())
        if user.actors or user.agents:
            dictionary, _ = add_petrarch(dictionary, user.actors, user.agents)
        add_actor_ruler(nlp, dictionary)
        options = ResolveOptions(settings.stale_after_years, settings.focus_min_mentions, settings.focus_margin,
                                 settings.unknown_persons)
        stages.append(ActorStage(dictionary, options))
        if settings.events:
            discards = (default_discards(),) if defaults and settings.oeda_discards else ()
            stages.append(EventStage(build_event_coder(settings, nlp, user), Discards.compile((*discards,
                                                                                               *user.discards))))
        if settings.goals:
            stages.append(GoalStage(GoalExtractor(GoalCues.load(), Concepts.load(), verb_lemmatizer(nlp))))
        if settings.tone:
            from dyads.tone import load_tone_lexicon

            stages.append(ToneStage(load_tone_lexicon()))
        _check_order(stages)
        return cls(stages=stages)

    def run(self, result: Result, sentences: list[ParsedSentence]) -> None:
        context: Context = {}
        for stage in self.stages:
            stage(result, sentences, context)


def build_event_coder(settings: Settings, nlp: Language | None = None, user: Any = None) -> EventCoder:
    """The event coder the settings ask for (rules, the trained model, or both), with the user's verb
    dictionaries; with `only_dictionaries`, no built-in patterns, recoding tables or gazetteer."""
    builtin = not settings.only_dictionaries
    codebook = load_codebook()
    try:
        from dyads.places import Gazetteer

        # the gazetteer names places' countries: built-in knowledge, left out with only the user's files
        gazetteer = Gazetteer.load() if builtin else None
    except ImportError:  # places are optional while that module is being built
        gazetteer = None
    patterns = load_patterns(codebook, builtin=builtin)
    if builtin and settings.oeda_defaults and settings.oeda_verbs:
        patterns = with_default_verbs(patterns, codebook)
    if user is not None and user.verbs:
        lemmatize = (verb_lemmatizer(nlp) if nlp is not None else None) or str.lower
        patterns = patterns.with_verbs([p for verbs in user.verbs
                                        for p in compile_verbs(verbs, codebook, lemmatize).patterns])
    # the recoding tables are built-in knowledge too: with only the user's dictionaries, codes stay as written
    recoder = Recoder.load(codebook) if builtin else None
    learned = LearnedCoder.load(patterns) if settings.coder != "rules" else None
    return EventCoder(codebook, patterns, ModalityCues.load(), gazetteer, recoder, learned, settings.coder)


def verb_lemmatizer(nlp: Language):
    """word → its verb lemma by the pipeline's own lemmatizer ("Undermining" → "undermine")."""
    from functools import lru_cache

    from spacy.tokens import Doc

    if "lemmatizer" not in nlp.pipe_names:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")

    @lru_cache(maxsize=4096)
    def lemmatize(word: str) -> str:
        token = Doc(nlp.vocab, words=[word], pos=["VERB"])[0]
        lemmas = lemmatizer.rule_lemmatize(token)
        return lemmas[0] if lemmas else word

    return lemmatize


def _check_order(stages: list[Stage]) -> None:
    available: set[str] = set()
    for stage in stages:
        missing = [key for key in stage.requires if key not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing}, which no earlier stage provides")
        available.update(stage.provides)
