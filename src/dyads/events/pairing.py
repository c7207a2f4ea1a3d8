"""Who acts on whom once a pattern has fired: one event per source × target pair, a country for actors named
without one (a titled person, a sector, an unidentified attacker), and a target for acts that name none (their
own country, or the place where they happen). Pure functions over actors; the coder calls them in this order:
`pair_actors`, `located_target`, `home_actor`, and last `in_focus`.
"""

from __future__ import annotations

from dyads.records import Actor, Location

# acts often reported with no one on the receiving end: denials, intents, yielding, investigations, refusals,
# threats, sanctions, repression and violence (protests and force postures: see the coder's _stands_alone)
TARGETLESS_ROOTS = ("016", "03", "08", "09", "12", "13", "16", "17", "18", "19", "20")
# "The United States and Jordan agreed": each party acts towards the other
RECIPROCAL_ROOTS = ("03", "04", "05", "06", "19")
_FOREIGN_PRESENCE = frozenset({"MIL", "GOV", "IGO"})


def _domestic(target: Actor, source: Actor, code: str) -> Actor:
    """A sector with no country ("protesters", "the opposition") acted on by a national actor is that
    nation's own when the act is domestic by nature: "Pakistani police arrested opposition protesters" → PAKOPP.
    Violence is not: soldiers often kill civilians of another country."""
    if target.country or not target.sector or not source.country or len(source.country) != 3:
        return target
    if code[:2] not in _DOMESTIC_FILL_ROOTS:
        return target
    return Actor(target.text, source.country + target.sector, source.country, target.sector, target.actor_id)


# protests and repression with no named target are aimed at the actor's own country (CAMEO coding practice)
_DOMESTIC_ROOTS = ("14", "17")
_DOMESTIC_FILL_ROOTS = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
                        "16", "17")


def located_target(source: Actor, target: Actor | None, location: Location | None, code: str) -> Actor | None:
    """Protests, force and violence with no one named are aimed at the country where they happen: "protesters
    demonstrated in Serbia", "rebels exploded bombs in Kabul", "tanks fired at targets in Jericho"."""
    if location is None or not location.country or len(location.country) != 3 or code[:2] not in _LOCATED_ROOTS:
        return target
    if target is not None and not target.text.startswith(_IMPLICIT):
        return target
    if location.country == source.country and (target is not None or code[:2] not in ("18", "19", "20")
                                               or source.code == source.country):
        return target  # at home: protests and repression keep their own government as the target
    return Actor(location.name, location.country, location.country, None, None)


_LOCATED_ROOTS = ("14", "15", "17", "18", "19", "20")
_IMPLICIT = "(own country of "


def _implicit_target(source: Actor, code: str) -> Actor | None:
    if code[:2] not in _DOMESTIC_ROOTS or not source.country or len(source.country) != 3:
        return None
    sector = "GOV" if code[:2] == "14" else None
    return Actor(f"{_IMPLICIT}{source.text})", source.country + (sector or ""), source.country, sector, None)


def home_actor(source: Actor, target: Actor | None, location: Location | None, code: str,
          sentence_countries: tuple[str, ...] = ()) -> Actor:
    """A titled person or sector with no country named ("President Mwanawasa reneged on his commitment to the
    Zambian people") acts at home: it takes the country of a domestic act's target, else of the act's place."""
    if source.sector == "UAF" and not source.country:
        # attackers nobody names are coded by where they struck (ICEWS: "Unidentified Gunmen (Iraq)"), else by
        # whom they struck
        country = location.country if location is not None and location.country else None
        if country is None and target is not None and target.country and target.sector not in _FOREIGN_PRESENCE:
            country = target.country  # civilians and police are mostly struck at home; soldiers often abroad
        if country is None or len(country) != 3:
            return source
        return Actor(source.text, country + "UAF", country, "UAF", None)
    if source.country or not source.sector or code[:2] not in _DOMESTIC_FILL_ROOTS:
        return source
    # a domestic group as target ("the Zambian people") says where the act is, a foreign state does not, unless
    # the act is domestic by nature ("the Umma party will boycott Algeria's elections")
    country = target.country if target is not None and target.country and len(target.country) == 3 \
        and (target.sector or code[:2] == "14") else None
    if country is None and location is not None and location.country:
        country = location.country
    if country is None and _named(source):
        # a named person or body: the one country the sentence names, when it is not the one acted on
        # ("Lt. Gen. Prosper Avril resigned to allow Haiti's first elections")
        others = set(sentence_countries) - {target.country if target is not None else None}
        country = next(iter(others)) if len(others) == 1 and len(set(sentence_countries)) == 1 else None
    if country is None:
        return source
    return Actor(source.text, country + source.sector, country, source.sector, source.actor_id)


def in_focus(actor: Actor | None, focus: str | None) -> Actor | None:
    """The last fall-back for an actor named with a sector and no country ("authorities", "prosecutors", "Governor
    Ganjar Pranowo"): the country the document is about so far, as a human coder reads it."""
    if actor is None or focus is None or actor.country or not actor.sector or actor.sector in _NO_HOME:
        return actor
    return Actor(actor.text, focus + actor.sector, focus, actor.sector, actor.actor_id)


_NO_HOME = frozenset({"UAF", "IGO", "NGO"})  # unidentified attackers are placed where they strike (home_actor)


def _named(actor: Actor) -> bool:
    """The actor is named ("Lt. Gen. Prosper Avril", "the Umma party"), not a kind of people ("opposition
    figures")."""
    words = actor.text.split()
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())


def pair_actors(sources: list[Actor], targets: list[Actor], code: str) -> list[tuple[Actor, Actor | None]]:
    """Source × target pairs of one fired pattern: one event per party, never a concatenated code."""
    if targets:
        pairs = [(s, _domestic(t, s, code)) for s in sources for t in targets if not same_actor(s, t)]
        if pairs or not code.startswith(TARGETLESS_ROOTS):
            return pairs
        # "the Bosnian Serbs completed their withdrawal from a Bosnian town": no one else is acted on
        return [(s, None) for s in sources]
    if len(sources) >= 2 and code[:2] in RECIPROCAL_ROOTS:
        # "The United States and Jordan agreed": each party acts towards the other
        return [(s, t) for s in sources for t in sources if not same_actor(s, t)]
    return [(s, _implicit_target(s, code)) for s in sources]


def same_actor(a: Actor, b: Actor) -> bool:
    """The same actor, or an actor and its own bare country ("Modi … India's defence ties")."""
    if a.actor_id and b.actor_id and a.actor_id == b.actor_id:
        return True
    if a.code == b.code:
        return True
    # a country and one of its own sectors: unless the bare one is a people ("Bosnian Serbs"), not the state
    bare = a if not a.sector else b if not b.sector else None
    return bool(a.country and a.country == b.country and bare is not None and bare.actor_id is not None)
