"""The OEDA facts as default event knowledge: verb patterns and discard phrases under the project's own.

`scripts/build_oeda.py` writes `data/oeda/oeda_verbs.txt` (the CAMEO.2.0 verb patterns that map onto the coder's
dependency patterns, in the project's own syntax) and `data/oeda/discards.tsv`. The project's hand-written
patterns stay on top: an OEDA pattern is used only for a verb the project's files have no pattern for, so a verb
the project codes is coded as the project decided, whatever the larger dictionary says.
"""

from __future__ import annotations

from pathlib import Path

from dyads.actors.oeda import DATA_DIR, DISCARD_COLUMNS, read_rows
from dyads.dictionaries.records import DiscardList, DiscardRecord, ReadReport
from dyads.events.codebook import Codebook
from dyads.events.patterns import PatternSet, load_patterns


def with_default_verbs(patterns: PatternSet, codebook: Codebook,
                       path: Path = DATA_DIR / "oeda_verbs.txt") -> PatternSet:
    """`patterns` and, after them, the default patterns of every verb they have none for."""
    known = patterns.verb_lemmas()
    defaults = load_patterns(codebook, extra=[path], builtin=False)
    extra = [p for p in defaults.verbs if p.lemma not in known]
    return patterns.with_verbs(extra)


def default_discards(path: Path = DATA_DIR / "discards.tsv") -> DiscardList:
    """The default discard phrases, as the reader of PETRARCH discard files gives them."""
    records = tuple(DiscardRecord(tuple(phrase.split()), scope == "story", match == "word", str(path), number)
                    for number, (phrase, scope, match) in read_rows(path, DISCARD_COLUMNS))
    report = ReadReport(str(path), "discards", len(records), 0, 0, {"discards": len(records)}, {}, ())
    return DiscardList(str(path), records, report)
