"""PETRARCH's unit-test records (PETR.UnitTest.records.xml) as a compatibility test.

Each record is a sentence with the (source, target, event) codings PETRARCH should produce, or none. A record
passes when every expected coding is among the events produced (full actor codes, as written), or, for a
record that expects nothing (no events, a sentence or story discard), when nothing is produced. PETRARCH's
`---` ("no country" / "no actor") is the empty code: `---GOV` is our `GOV`, a `---` target is no target.
Three records check PETRARCH's own input format (a dateline, parse trees with unbalanced brackets); they are
not applicable to a coder that parses the text itself and are listed, not scored.

Code-level precision and recall count (source, target, event) triples; the country-level figures of earlier
versions (3-letter country parts, CAMEO root or full code) are kept beside them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.errors import GoldFileError
from dyads.eval.gold import read_gold
from dyads.records import Actor, Event

PETRARCH_GOLD = "PETRARCH unit-test XML: <Sentences> of <Sentence id=… date=…> with <Text> and <EventCoding>"
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")  # CAMEO codes of international and non-state actors

NOT_APPLICABLE_ERRORS = frozenset({"dateline", "bad_input_parse"})  # checks on PETRARCH's input, not on coding
_SENTENCE = re.compile(r"<Sentence\s([^>]*?)/?>(.*?)(?=<Sentence\s|</Sentences>)", re.S)
_ATTRS = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\s([^>]*?)/?>")


@dataclass(frozen=True, slots=True)
class PetrarchGold:
    record_id: str
    text: str
    date: str | None
    codings: tuple[tuple[str, str, str], ...]  # (source code, target code, event code), normalised
    category: str = ""
    error: str | None = None  # PETRARCH's expected error: dateline, bad_input_parse, storydiscard, sentencediscard

    @property
    def applicable(self) -> bool:
        return self.error not in NOT_APPLICABLE_ERRORS

    @property
    def expects_nothing(self) -> bool:
        return not self.codings


def normalise_code(code: str | None) -> str:
    """PETRARCH's `---` marks an unknown part: `---GOV` -> `GOV`, `---` -> "" (no actor)."""
    code = (code or "").strip().upper()
    return code[3:] if code.startswith("---") else code


def _attrs(text: str) -> dict[str, str]:
    return {name: double if double or not single else single for name, double, single in _ATTRS.findall(text)}


def load_petrarch(path: Path) -> list[PetrarchGold]:
    """PETRARCH's unit-test XML (not well-formed XML: <Sentence …> openers are self-closed)."""
    text = read_gold(path, PETRARCH_GOLD)
    start, end = text.find("<Sentences>"), text.rfind("</Sentences>")
    if start < 0 or end < start:
        raise GoldFileError(path, "no <Sentences> … </Sentences> element", PETRARCH_GOLD)
    end += len("</Sentences>")
    records = []
    seen: dict[str, int] = {}
    for match in _SENTENCE.finditer(text[start:end]):
        attrs = _attrs(match.group(1))
        body = re.sub(r"<!--.*?-->", "", match.group(2), flags=re.S)
        sentence = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not sentence:
            continue
        codings, error = [], None
        for coding in _CODING.finditer(body):
            fields = _attrs(coding.group(1))
            if "error" in fields:
                error = fields["error"]
            elif "eventcode" in fields:
                codings.append((normalise_code(fields.get("sourcecode")), normalise_code(fields.get("targetcode")),
                                fields["eventcode"].strip()))
        day = attrs.get("date", "")
        record_id = attrs.get("id", "")
        seen[record_id] = seen.get(record_id, 0) + 1
        if seen[record_id] > 1:  # the file repeats a few ids (AGENTS-18, AGENTS-19)
            record_id = f"{record_id}#{seen[record_id]}"
        records.append(PetrarchGold(record_id, " ".join(sentence.group(1).split()).replace("&amp;", "&"),
                                    f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else None,
                                    tuple(codings), attrs.get("category", ""), error))
    if not records:
        raise GoldFileError(path, "no <Sentence> with a <Text> to evaluate", PETRARCH_GOLD)
    return records


def unknown_actor_codes(gold: list[PetrarchGold], is_country: Callable[[str], bool]) -> tuple[float, list[str]]:
    """The share of gold codings whose source or target country code is no country `is_country` knows (nor an
    international or non-state code, nor a placeholder), and those codes, most frequent first."""
    counts: Counter[str] = Counter()
    unknown_codings = total = 0
    for record in gold:
        for source, target, _ in record.codings:
            total += 1
            strange = [c[:3] for c in (source, target)
                       if c[:3].isalpha() and not c.startswith(NON_STATE_PREFIXES) and not is_country(c[:3])]
            counts.update(strange)
            unknown_codings += bool(strange)
    return (unknown_codings / total if total else 0.0), [code for code, _ in counts.most_common()]


def petrarch_notes(gold: list[PetrarchGold], is_country: Callable[[str], bool]) -> list[str]:
    """A warning when the gold names its actors by codes dyads does not know, as PETRARCH's unit-test suite
    does (its actors are fictional: Arnor, Gondor … defined in its own PETR.Validate dictionaries)."""
    share, codes = unknown_actor_codes(gold, is_country)
    if share < 0.25:
        return []
    return [f"{share:.0%} of the gold codings name an actor by a code that is no country dyads knows "
            f"({', '.join(codes[:8])}{' …' if len(codes) > 8 else ''}). This looks like PETRARCH's unit-test suite, "
            "whose fictional actors (Arnor, Gondor …) are defined in its PETR.Validate dictionaries: code with "
            "them (--dictionary PETR.Validate.actors.txt … --only-dictionaries) for a meaningful score."]


def _country(code: str) -> str:
    return code[:6] if code.startswith("IGO") else code[:3]


def _code(actor: Actor | None) -> str:
    return normalise_code(actor.code) if actor is not None else ""


def passes(record: PetrarchGold, found: Iterable[Event]) -> bool:
    produced = Counter((_code(e.source), _code(e.target), e.cameo) for e in found)
    if record.expects_nothing:
        return not produced
    return not (Counter(record.codings) - produced)


def score_petrarch(gold: list[PetrarchGold], events: dict[str, list[Event]]) -> dict[str, Any]:
    counts = {"root": [0, 0, 0], "code": [0, 0, 0], "full": [0, 0, 0]}  # tp, fp, fn
    by_category: dict[str, list[int]] = {}
    failed: dict[str, list[str]] = {}
    not_applicable = []
    for record in gold:
        if not record.applicable:
            not_applicable.append(f"{record.record_id} ({record.error})")
            continue
        found = events.get(record.record_id, [])
        for level in counts:
            def key(source: str, target: str, cameo: str, level: str = level) -> tuple[str, str, str]:
                if level == "full":
                    return source, target, cameo
                return _country(source), _country(target), cameo[:2] if level == "root" else cameo
            predicted = Counter(key(_code(e.source), _code(e.target), e.cameo) for e in found)
            expected = Counter(key(*coding) for coding in record.codings)
            hit = sum((predicted & expected).values())
            counts[level][0] += hit
            counts[level][1] += sum(predicted.values()) - hit
            counts[level][2] += sum(expected.values()) - hit
        tally = by_category.setdefault(record.category, [0, 0])
        tally[0] += 1
        if passes(record, found):
            tally[1] += 1
        else:
            failed.setdefault(record.category, []).append(record.record_id)
    evaluated = sum(t[0] for t in by_category.values())
    passed = sum(t[1] for t in by_category.values())
    report: dict[str, Any] = {"records": len(gold), "records_evaluated": evaluated, "records_passed": passed,
                              "records_passed_share": round(passed / evaluated, 3) if evaluated else 0.0,
                              "gold_events": counts["full"][0] + counts["full"][2]}
    for level, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        name = {"full": "code", "code": "country_code", "root": "country_root"}[level]
        report[f"{name}_precision"] = round(precision, 3)
        report[f"{name}_recall"] = round(recall, 3)
        report[f"{name}_f1"] = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    report["by_category"] = {c: {"records": t[0], "passed": t[1]} for c, t in sorted(by_category.items())}
    report["failed"] = {c: ids for c, ids in sorted(failed.items())}
    report["not_applicable"] = not_applicable
    return report
