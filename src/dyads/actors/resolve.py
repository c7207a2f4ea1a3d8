"""Actor resolution: from a token in the parse to the actor(s) it stands for.

Handles dictionary mentions found by the ruler, sector words next to a
country ("Russian police" → RUSCOP), titles and descriptions ("the Russian
president" → the holder on the document's date), possessives, "former",
compound actors ("the United States and Jordan" → two actors) and, within a
document, pronouns and bare titles ("he", "his", "the president").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from dyads.actors.dictionary import ActorDictionary, ActorEntry
from dyads.actors.oeda import SHORT
from dyads.actors.recognize import parse_pattern_id
from dyads.parse import sentence_ents
from dyads.records import Actor

_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "org", "its": "org", "itself": "org",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
_REPORTING = {"say", "tell", "state", "announce", "declare", "add", "insist", "warn", "claim", "confirm", "vow",
              "pledge", "promise"}
_FORMER = {"former", "ex", "ex-", "erstwhile", "then"}
_TITLE_SECTOR = {"army_chief": "MIL", "chief_of_staff": "MIL", "military_officer": "MIL"}
# words that make a noun a (group of) people acting for a country, when no sector word says more
_OWNER_PREPS = {"of", "from", "in", "throughout", "across"}  # "troops of Russia", "students throughout Indonesia"
_PARTITIVES = {"group", "number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
               "millions", "some", "many", "most", "several", "one", "two", "three", "four", "five", "all", "both",
               "majority", "team", "handful", "crowd", "band", "contingent", "batch", "patch", "unit", "wave"}
_GROUP_NOUNS = {"group", "member", "supporter", "activist", "leader", "official", "force", "unit", "faction",
                "movement", "party", "coalition", "figure", "camp", "bloc", "wing", "representative", "fighter"}
_AGENT_NOUNS = {"leader", "leadership", "delegation", "side", "spokesman", "spokeswoman", "spokesperson"}


def compose(country: str | None, sector: str | None) -> str | None:
    """A CAMEO code from its parts; an organisation's officials carry its own code (IGOUNO, not IGOUNOGOV)."""
    if not country:
        return sector
    if len(country) > 3 and sector == "GOV":
        return country
    return country + (sector or "")


@dataclass(slots=True)
class ActorMention:
    """A dictionary match in a sentence, with the actor it resolved to."""

    span: Span
    entry: ActorEntry
    role: str  # name, surname, adjective, metonym …
    sector: str | None  # set by metonyms ("Kremlin" → GOV)


@dataclass(frozen=True, slots=True)
class Memory:
    """What pronouns and bare titles can refer back to at the start of a sentence."""

    last_person: dict[str, Actor]
    last_group: Actor | None
    last_plural: Actor | None
    persons_seen: tuple[tuple[ActorEntry, Actor], ...]


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """How actors are resolved where the text leaves it open (settings.cfg, [actors])."""

    stale_after_years: int = 10  # a surname alone stands for a person until this long after their last role
    focus_min_mentions: int = 2  # the country in focus is named at least this often so far …
    focus_margin: float = 1.5  # … and this many times as often as the next country
    unknown_persons: bool = False  # a person no dictionary knows and no title places is of the country in focus


@dataclass(slots=True)
class DocumentActors:
    """Resolution state for one document: the date, what pronouns can refer back to, and which country the
    document has named most so far (its focus)."""

    dictionary: ActorDictionary
    day: date | None
    options: ResolveOptions = field(default_factory=ResolveOptions)
    countries_named: Counter = field(default_factory=Counter)
    last_person: dict[str, Actor] = field(default_factory=dict)  # gender ("m", "f", "any") → actor
    last_group: Actor | None = None  # last country, IGO or group
    last_plural: Actor | None = None
    persons_seen: list[tuple[ActorEntry, Actor]] = field(default_factory=list)

    def sentence(self, span: Span) -> SentenceActors:
        """Actors of the next sentence; pronouns see what came before it (a snapshot), not after."""
        memory = Memory(dict(self.last_person), self.last_group, self.last_plural, tuple(self.persons_seen[-20:]))
        actors = SentenceActors(self, span, memory)
        for mention in actors.mentions:
            home = _national(mention.entry, self.day)
            if home is not None:
                self.countries_named[home] += 1
        actors.focus = self.focus()
        return actors

    def focus(self) -> str | None:
        """The country named most so far, when it is named often enough and clearly more than any other: what a
        human coder takes an actor named with no country ("authorities", "Governor Ganjar Pranowo") to belong
        to. None in a story about several countries alike."""
        ranked = self.countries_named.most_common(2)
        if not ranked or ranked[0][1] < self.options.focus_min_mentions:
            return None
        if len(ranked) == 2 and ranked[0][1] < self.options.focus_margin * ranked[1][1]:
            return None
        return ranked[0][0]

    def remember(self, actor: Actor, entry: ActorEntry | None) -> None:
        if entry is not None and entry.kind == "person":
            self.last_person[entry.gender or "any"] = actor
            self.last_person["any"] = actor
            self.persons_seen.append((entry, actor))
        elif actor.sector in (None, "GOV") and actor.country and entry is not None and not entry.region:
            self.last_group = actor
        elif actor.sector and entry is None:
            self.last_plural = actor

    def build(self, text: str, entry: ActorEntry, sector: str | None = None, former: bool = False) -> Actor:
        if entry.kind == "person" or (entry.roles and sector is None):  # dated roles decide the code
            code = entry.code_on(self.day)
            role = entry.role_on(self.day)
            country = (role.country if role and role.country else None) or entry.country
            if former and country:
                code = country + "ELI"
            sector_code = code[len(country):] if country and code.startswith(country) else None
            return Actor(text, code, country, sector_code or None, entry.actor_id)
        country = entry.country
        sector = sector or entry.sector
        code = compose(country, sector)
        return Actor(text, code, country, sector, entry.actor_id)


def _national(entry: ActorEntry, day: date | None) -> str | None:
    """The state a mention names or belongs to (a country, its people, bodies and citizens), None for regions and
    international bodies."""
    if entry.region or entry.kind not in ("country", "person", "group"):
        return None
    role = entry.role_on(day) if entry.roles else None
    country = (role.country if role is not None and role.country else None) or entry.country
    return country if country and len(country) == 3 else None


class SentenceActors:
    """Actors in one sentence: resolve the head token of an argument to actors."""

    def __init__(self, document: DocumentActors, span: Span, memory: Memory) -> None:
        self.document = document
        self.memory = memory
        self.focus: str | None = None  # the document's country in focus, up to this sentence
        self.dictionary = document.dictionary
        self.span = span
        self.mentions: list[ActorMention] = []
        self.by_token: dict[int, ActorMention] = {}
        for ent in sentence_ents(span):
            if not ent.ent_id_:
                continue
            actor_id, role, sector = parse_pattern_id(ent.ent_id_)
            entry = self.dictionary.entries.get(actor_id)
            if entry is None:
                continue
            if ent.start >= 2 and span.doc[ent.start - 1].text == "-" and \
                    span.doc[ent.start - 2].lower_ in ("anti", "pro", "non"):
                continue  # "an anti-Syria journalist" is no Syrian: an attitude, not an actor
            if role.startswith("weak"):
                # an ambiguous form ("Georgian", "Korean") is trusted only where it qualifies an office or a
                # force: "Georgian President Eduard Shevardnadze", "Georgian troops"
                role = role.partition("-")[2]
                owned = ent.root.head
                if ent.root.dep_ not in ("amod", "compound", "poss") or owned.i < ent.end or not (
                        self._title(owned) or self._sector(owned)):
                    continue
            if entry.roles and not entry.code_on(document.day):
                continue  # on this day the form stands for no actor (a dictionary's null code)
            if role == SHORT and not entry.current(document.day, document.options.stale_after_years):
                continue  # a surname alone or a common name is no longer this person's, long after their roles
            mention = ActorMention(ent, entry, role, sector)
            self.mentions.append(mention)
            for token in ent:
                self.by_token[token.i] = mention

    # -- mentions ------------------------------------------------------------------
    def mention_actor(self, mention: ActorMention) -> Actor:
        head = mention.span.root
        former = self._former(head)
        actor = self.document.build(mention.span.text, mention.entry, mention.sector, former)
        if actor.sector is None and actor.country and mention.entry.kind != "person":
            # "Bree Prime Minister Romendacil", "the Ithilen military spokesman Arvedui": the words naming the
            # office or body before a name give the sector
            sector = self._sector_before(mention.span)
            if sector is not None:
                return Actor(actor.text, compose(actor.country, sector), actor.country, sector, actor.actor_id)
        if mention.entry.kind == "person" and actor.sector == "ELI" and actor.country and not former:
            # "Russian President Boris Yeltsin": the text names the office he holds, whatever our dates say (the
            # title may be part of the dictionary phrase)
            title = next((t for c in head.children if c.dep_ == "compound" and c.i < head.i
                          and (t := self._title(c)) is not None), None)
            if title is not None:
                sector = _TITLE_SECTOR.get(title, "GOV")
                return Actor(actor.text, actor.country + sector, actor.country, sector, actor.actor_id)
        return actor

    def remember_mentions(self) -> None:
        """Update what later pronouns can refer to; subjects are the most salient, so they go last."""
        def salience(mention: ActorMention) -> int:
            return 1 if mention.span.root.dep_ in ("nsubj", "nsubjpass") else 0

        for mention in sorted(self.mentions, key=salience):
            if mention.role in ("adjective",):
                continue
            self.document.remember(self.mention_actor(mention), mention.entry)

    # -- arguments -----------------------------------------------------------------
    def resolve(self, token: Token, possessor: bool = True) -> list[Actor]:
        """Actors for the argument headed by `token`; several for coordinated arguments.

        With `possessor`, a noun that is no actor stands for its possessor ("Trump's proposal" → Trump):
        right for what is acted on, wrong for who acts ("Putin's strategy emphasizes …" is no act of Putin's).
        """
        actors: list[Actor] = []
        for head in [token, *(c for c in token.conjuncts if c.i > token.i)]:
            actor = self.resolve_one(head, possessor)
            if actor is not None and actor.country is None and actor.sector and actors and actors[0].country and \
                    actors[0].actor_id is None and actors[0].sector:
                # "Danish media and government": the country named once qualifies both
                actor = Actor(actor.text, compose(actors[0].country, actor.sector), actors[0].country, actor.sector)
            if actor is not None and all(actor.code != a.code or actor.actor_id != a.actor_id for a in actors):
                actors.append(actor)
                actors.extend(self._conjoined_owners(head, actor))
                actors.extend(self._listed_owners(head, actor))
        return actors

    def _listed_owners(self, head: Token, actor: Actor) -> list[Actor]:
        """ "the ambassadors of Ostmark, Veldoria and Rohan": one actor per country the owners list names."""
        if actor.actor_id is not None or not actor.sector or not actor.country:
            return []
        extra = []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _OWNER_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for conj in pobj.conjuncts:
                    mention = self.by_token.get(conj.i)
                    if mention is None or mention.entry.kind not in ("country", "igo", "group"):
                        continue
                    owner = self.mention_actor(mention)
                    if owner.country and owner.country != actor.country:
                        extra.append(Actor(f"{head.text} of {conj.text}", compose(owner.country, actor.sector),
                                           owner.country, actor.sector, None))
        return extra

    def _conjoined_owners(self, head: Token, actor: Actor) -> list[Actor]:
        """ "Hungarian and Romanian officials": one actor per conjoined country modifier."""
        extra = []
        for child in head.children:
            if child.dep_ in ("amod", "compound") and child.i in self.by_token:
                for conj in child.conjuncts:
                    mention = self.by_token.get(conj.i)
                    if mention is None or mention.entry.kind not in ("country", "igo", "group"):
                        continue
                    other = self.mention_actor(mention)
                    sector = actor.sector if actor.actor_id is None else other.sector
                    country = other.country
                    extra.append(Actor(conj.text + " " + head.text, compose(country, sector), country,
                                       sector, None if sector else other.actor_id))
        return extra

    def resolve_one(self, token: Token, possessor: bool = True) -> Actor | None:
        actor = self._resolve_one(token, possessor)
        if actor is not None and actor.code and self.dictionary.prefix_words:
            prefix = self._prefix(token)
            if prefix is not None and not actor.code.startswith(prefix):
                # "MSF Arnor": an agent whose code goes before the actor's (PETRARCH's NGO~)
                return Actor(actor.text, prefix + actor.code, actor.country, actor.sector, actor.actor_id)
        return actor

    def _prefix(self, token: Token) -> str | None:
        """A prefix agent among the words before the head of the phrase (the longest, up to four words)."""
        words = self.dictionary.prefix_words
        modifiers = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod", "nmod")
                     and t.i not in self.by_token]
        for size in range(min(4, len(modifiers)), 0, -1):
            for start in range(len(modifiers) - size + 1):
                run = modifiers[start:start + size]
                if run[-1].i - run[0].i == size - 1:  # consecutive words
                    found = words.get(" ".join(t.lower_ for t in run))
                    if found is not None:
                        return found
        return None

    def _resolve_one(self, token: Token, possessor: bool = True) -> Actor | None:
        mention = self.by_token.get(token.i)
        if mention is not None:
            if mention.role in ("adjective", "demonym") and mention.entry.kind == "country":
                return self._country_group(token, mention)
            return self.mention_actor(mention)
        lower = token.lower_
        if lower in _PRONOUNS and token.pos_ == "PRON":
            return self._pronoun(token, lower)
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") or (token.pos_ == "PRON" and lower not in _PARTITIVES):
            return None
        if token.lemma_.lower() in _PARTITIVES or lower in _PARTITIVES:
            # "a group of Moroccan diplomats", "dozens of protesters", "leaders of the opposition coalition"
            member = self._of_object(token)
            if member is not None:
                return self.resolve_one(member, possessor)
            if token.pos_ in ("NUM", "PRON"):
                return None
        title = self._title(token)
        if title is not None:
            found = self._title_actor(token, title)
            member = self._of_object(token) if token.lemma_.lower() in _AGENT_NOUNS else None
            if found is None and member is not None and self._country_of(token) is None:
                found = self.resolve_one(member, possessor)  # "leaders of the opposition coalition"
            if found is not None or self._sector(token) is None:
                return found
            # "the opposition leader" with no holder known: the sector the title names
        sector = self._sector(token)
        if sector is None and token.lemma_.lower() in _GROUP_NOUNS:
            # "opposition groups", "rebel fighters": the group is the sector its modifier names
            sector = next((self._sector(c) for c in token.children
                           if c.dep_ in ("compound", "amod") and self._sector(c)), None)
        if sector is None and token.lemma_.lower() in _AGENT_NOUNS:
            member = self._of_object(token)  # "leaders of the Azadliq opposition coalition"
            if member is not None and self._country_of(token) is None:
                found = self.resolve_one(member, possessor)
                if found is not None:
                    return found
        if sector is None and token.pos_ == "PROPN" and not token.lemma_.lower().endswith(_ABSTRACT_SUFFIXES):
            # an organisation the dictionary does not know, named with its sector: "the rebel Revolutionary Front"
            # or a person named with theirs: "Judge Alejandro Rivera", "General Ahmed"
            sector = next((self._sector(c) for c in token.children
                           if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")
                           and c.i not in self.by_token and self._sector(c)), None)
        if sector is not None or token.lemma_.lower() in _AGENT_NOUNS:
            return self._sector_actor(token, sector or "GOV")
        for child in token.children:
            if child.dep_ == "appos":  # "Kenzo Oshima, the UN relief coordinator"
                found = self.resolve_one(child)
                if found is not None:
                    return found
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
            # an unknown person with a title: "Gambian President Dawda Jawara"
            for child in [t for t in token.subtree if t.i < token.i and t.dep_ == "compound"]:
                # "Gambian President Dawda Jawara", "Lt. Gen. Prosper Avril" (the rank hangs on the first name)
                title = self._title(child)
                if title is not None:
                    owner = self._country_of(token) or self._country_of(child)
                    country = owner[1].country if owner is not None else None
                    sector = _TITLE_SECTOR.get(title, "GOV")
                    # with no country named, a sector-only actor: the event's other party may lend its country
                    return Actor(self._phrase_text(token), compose(country, sector), country, sector, None)
        owner = self._country_of(token, direct=True, possessive=possessor)
        if owner is not None and token.pos_ in ("NOUN", "PROPN") and not _abstract(token):
            # "Israeli army bulldozers", "Russian aircraft": the country's, of the sector a compound names
            sector = next((self._sector(c) for c in token.children if c.dep_ == "compound" and self._sector(c)), None)
            country = owner[1].country
            return Actor(self._phrase_text(token), compose(country, sector or owner[1].sector), country,
                         sector or owner[1].sector, owner[1].actor_id if not sector else None)
        if self.document.options.unknown_persons and self.focus and token.ent_type_ == "PERSON" and \
                token.pos_ == "PROPN" and token.i not in self.by_token:
            # "Odumakin said": a person no dictionary knows, in a story about one country
            return Actor(self._phrase_text(token), self.focus, self.focus, None, None)
        return self._possessor(token) if possessor else None

    def _of_object(self, token: Token) -> Token | None:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        return None

    def _country_group(self, token: Token, mention: ActorMention) -> Actor:
        # "the Russians", "Ukrainians" as a group of people of that country; "Bosnian Serbs" live in Bosnia
        for child in token.children:
            home = self.by_token.get(child.i)
            if child.dep_ in ("amod", "compound") and home is not None and home is not mention and \
                    home.entry.kind == "country" and home.role == "adjective" and home.entry.country != \
                    mention.entry.country:
                state = self.document.build(f"{child.text} {token.text}", home.entry, home.sector)
                return Actor(state.text, state.code, state.country, state.sector, None)  # people, not the state
        return self.document.build(token.text, mention.entry, mention.sector)

    def _pronoun(self, token: Token, lower: str) -> Actor | None:
        kind = _PRONOUNS[lower]
        # "The rebels said they will …": the speaker of the reporting verb
        clause = next((a for a in list(token.ancestors)[:4] if a.dep_ == "ccomp"), token.head)
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _REPORTING:
            speaker = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if speaker is not None and speaker.lower_ not in _PRONOUNS:
                found = self.resolve_one(speaker, possessor=False)
                if found is not None:
                    return found
        # an antecedent earlier in the same sentence wins: "Putin said he would ..."
        for mention in reversed(self.mentions):
            if mention.span.end > token.i or mention.role == "adjective":
                continue
            entry = mention.entry
            if kind in ("m", "f") and entry.kind == "person" and entry.gender in (kind, None):
                return self.mention_actor(mention)
            if kind == "org" and entry.kind in ("country", "igo", "group") and not entry.region:
                return self.mention_actor(mention)
        memory = self.memory
        if kind in ("m", "f"):
            return memory.last_person.get(kind) or memory.last_person.get("any")
        if kind == "org":
            return memory.last_group
        return memory.last_plural or memory.last_group

    def _former(self, token: Token) -> bool:
        return any(child.lower_ in _FORMER for child in token.children if child.dep_ in ("amod", "advmod"))

    def _modifier_words(self, token: Token) -> list[Token]:
        return [c for c in token.lefts if c.dep_ in ("amod", "compound") and c.i not in self.by_token]

    def _title(self, token: Token) -> str | None:
        """The title key a noun phrase names ("foreign minister", "secretary of state", "president")."""
        words = self.dictionary.title_words
        modifiers = self._modifier_words(token)
        head = token.lower_
        for start in range(len(modifiers)):
            phrase = " ".join(m.lower_ for m in modifiers[start:]) + " " + head
            if phrase in words:
                return words[phrase]
        of_phrase = next((f"{head} of {c.lower_}" for p in token.children if p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj"), None)
        if of_phrase and of_phrase in words:
            return words[of_phrase]
        if head in words:
            return words[head]
        return words.get(token.lemma_.lower())

    def _sector(self, token: Token) -> str | None:
        words = self.dictionary.sector_words
        modifiers = self._modifier_words(token)
        run = self._left_run(token.i, token)  # nested modifiers too: "human rights activists"
        for group in (run, modifiers):
            for start in range(len(group)):
                phrase = " ".join(m.lower_ for m in group[start:]) + " " + token.lower_
                if phrase in words:
                    return words[phrase]
        of_phrase = self._of_phrase(token)  # "the ministry of silly walks"
        if of_phrase is not None and of_phrase in words:
            return words[of_phrase]
        return words.get(token.lower_) or words.get(token.lemma_.lower())

    def _left_run(self, stop: int, head: Token) -> list[Token]:
        """The modifier words right before index `stop` inside `head`'s phrase, up to another actor's name."""
        run: list[Token] = []
        index = stop - 1
        inside = {t.i for t in head.subtree}
        while index >= self.span.start:
            word = self.span.doc[index]
            if index not in inside or index in self.by_token or word.dep_ not in ("compound", "amod", "nmod") \
                    or not word.is_alpha:
                break
            run.insert(0, word)
            index -= 1
        return run

    def _sector_before(self, span: Span) -> str | None:
        """A sector phrase ending right before a name: "Prime Minister" in "Bree Prime Minister Romendacil"."""
        run = self._left_run(span.start, span.root)
        words = self.dictionary.sector_words
        for start in range(len(run)):
            phrase = " ".join(t.lower_ for t in run[start:])
            if phrase in words:
                return words[phrase]
        return None

    def _of_phrase(self, token: Token) -> str | None:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                tail = [t for t in prep.subtree]
                if tail and len(tail) <= 5 and all(t.is_alpha for t in tail):
                    return " ".join([token.lower_, *(t.lower_ for t in tail)])
        return None

    def _country_of(self, token: Token, direct: bool = False,
                    possessive: bool = True) -> tuple[ActorEntry, Actor] | None:
        """The country or organisation a noun belongs to: "Russian troops", "Russia's army", "army of Russia".

        `direct` looks only at modifiers of the noun itself, not into "of"/"in" phrases; without `possessive`,
        "Ankara's purchase" is not Ankara's (a thing owned does not act).
        """
        candidates = [c for c in token.children if c.dep_ in _MODIFIER_DEPS and (possessive or c.dep_ != "poss")]
        if not direct:
            candidates += [g for p in token.children if p.dep_ == "prep" and p.lower_ in _OWNER_PREPS
                           for g in p.children if g.dep_ == "pobj"]
        for child in candidates:
            for node in (child, *child.children):
                mention = self.by_token.get(node.i)
                if mention is not None and mention.entry.kind in ("country", "igo", "group") or (
                        mention is not None and mention.entry.kind == "person" and child.dep_ == "poss"):
                    # "Trump's administration" belongs to Trump's country
                    return mention.entry, self.mention_actor(mention)
        return None

    def _title_actor(self, token: Token, title: str) -> Actor | None:
        owner = self._country_of(token)
        day = self.document.day
        text = self._phrase_text(token)
        former = self._former(token)
        if owner is not None:
            entry, owner_actor = owner
            country = entry.country or owner_actor.country
            if country and not former:
                holders = self.dictionary.holders(country, title, day)
                if len(holders) == 1 or (holders and title in ("president", "prime_minister", "leader", "chancellor")):
                    return self.document.build(text, holders[0])
            sector = "ELI" if former else _TITLE_SECTOR.get(title, "GOV")
            return Actor(text, compose(country, sector), country, sector, None)
        # a bare title ("the president") refers back to the last person who held it
        for entry, actor in reversed(self.memory.persons_seen):
            role = entry.role_on(day)
            if role is not None and role.title in self.dictionary.title_members(title):
                return Actor(text, actor.code, actor.country, actor.sector, actor.actor_id)
        return None

    def _sector_actor(self, token: Token, sector: str) -> Actor | None:
        owner = self._country_of(token)
        text = self._phrase_text(token)
        owner_actor = owner[1] if owner is not None else self._implied_owner(token, sector)
        if owner_actor is not None and owner_actor.country:
            country = owner_actor.country
            if owner_actor.sector and owner_actor.sector != "GOV" and sector == "GOV":
                sector = owner_actor.sector
            return Actor(text, compose(country, sector), country, sector, None)
        if token.lower_ in self.dictionary.standalone_sector_words or \
                token.lemma_.lower() in self.dictionary.standalone_sector_words or any(
                    c.dep_ in ("amod", "compound") and self._sector(c) == sector for c in token.children) or any(
                    c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i not in self.by_token
                    for c in token.children) and (token.is_lower or self._title(token) is not None):
            # the last: a body named but unknown to the dictionary ("the Umma party", "the Azadliq coalition")
            return Actor(text, sector, None, sector, None)
        return None

    def _implied_owner(self, token: Token, sector: str) -> Actor | None:
        """Whose body a noun with no country named is: "his cabinet" (his), "the government" (the country the
        text is about)."""
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in _PRONOUNS:
                if any(c.lower_ == "own" for c in token.children):
                    return None  # "invest in their own defence industry": the subject's own, named by the subject
                return self._pronoun(child, child.lower_)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if definite and sector == "GOV" and token.tag_ in ("NN", "NNP") and not any(
                c.dep_ in ("amod", "compound") for c in token.children):
            return self.memory.last_group  # "the government", not "the regional governments"
        return None

    def _possessor(self, token: Token) -> Actor | None:
        """ "Trump's proposal" stands for Trump when the noun itself is no actor."""
        for child in token.children:
            if child.dep_ == "poss":
                return self.resolve_one(child)
        return None

    def _phrase_text(self, token: Token) -> str:
        left = min((c.i for c in token.lefts if c.dep_ in ("amod", "compound", "poss", "det")), default=token.i)
        return self.span.doc[left:token.i + 1].text


_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ity", "ness", "ism", "ence", "ance", "ship", "ics", "ing", "acy")


def _abstract(token: Token) -> bool:
    """Nouns for ideas and processes ("erosion", "commitment", "dynamics") are no actors, whoever owns them."""
    lemma = token.lemma_.lower()
    if lemma in _GROUP_NOUNS:  # "movement", "government" name people acting together
        return False
    return token.is_stop or (token.pos_ == "NOUN" and lemma.endswith(_ABSTRACT_SUFFIXES))
