"""Tone lexicon: VADER's word valences plus the project's political layer.

Reading (lines -> typed entries, with located errors) is kept apart from building
the immutable `ToneLexicon` that the scorers use. VADER's lexicon is read from the
installed `vaderSentiment` package, never copied into this repository.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from dyads.errors import DataFileError
from dyads.tone.model import TargetModel, read_target_model

_WORD_PIECES = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
VALENCE_RANGE = 4.0  # VADER's scale is -4 … +4


class ToneLexiconError(DataFileError):
    """A lexicon file is malformed; the message names every bad line as file:line."""


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    key: tuple[str, ...]
    valence: float
    origin: str  # file:line


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    """Everything the tone scorers look up; built once, shared read-only."""

    words: Mapping[str, float]  # single lower-case words
    phrases: Mapping[tuple[str, ...], float]  # multi-token entries, tokenised like spaCy does
    max_phrase_len: int
    negations: frozenset[str]
    boosters: Mapping[str, float]  # intensifiers (+) and dampeners (-), VADER's scalar
    activity: frozenset[str]
    self_group: frozenset[str]
    negation_scalar: float  # VADER's N_SCALAR
    target_model: TargetModel | None = None  # None only while fitting it

    def valence(self, word: str) -> float | None:
        return self.words.get(word)


def split_key(text: str) -> tuple[str, ...]:
    """Lower-case pieces of an entry, split the way spaCy splits hyphens and punctuation."""
    return tuple(_WORD_PIECES.findall(text.lower().replace("’", "'")))


def read_valence_tsv(path: Path, *, vader_format: bool = False) -> tuple[list[LexiconEntry], list[str]]:
    """Parse `word<TAB>valence` lines (VADER's own file has extra columns).

    Returns the entries and a list of `file:line: message` errors; `#` starts a comment
    in the project's files (not in VADER's, where `#` can be part of an emoticon).
    """
    entries: list[LexiconEntry] = []
    errors: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw if vader_format else raw.split("#", 1)[0]
        if not line.strip():
            continue
        where = f"{path}:{number}"
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2:
            errors.append(f"{where}: expected 'word<TAB>valence', got {raw.strip()!r}")
            continue
        try:
            valence = float(cols[1])
        except ValueError:
            errors.append(f"{where}: valence {cols[1]!r} is not a number")
            continue
        if not -VALENCE_RANGE <= valence <= VALENCE_RANGE:
            errors.append(f"{where}: valence {valence} outside [-4, 4]")
            continue
        key = split_key(cols[0])
        if not key:
            errors.append(f"{where}: empty word")
            continue
        entries.append(LexiconEntry(key, valence, where))
    return entries, errors


def read_word_list(path: Path) -> tuple[list[tuple[str, ...]], list[str]]:
    """Parse a one-entry-per-line list (`#` comments); returns keys and located errors."""
    keys: list[tuple[str, ...]] = []
    errors: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        key = split_key(line)
        if len(key) != 1:
            errors.append(f"{path}:{number}: expected one word, got {line!r}")
            continue
        keys.append(key)
    return keys, errors


def _is_word(key: tuple[str, ...]) -> bool:
    """True for words and phrases, False for VADER's emoticons (":-)", "</3" …)."""
    return all(p.replace("'", "").isalpha() or p == "-" for p in key)


def vader_lexicon_path() -> Path:
    import vaderSentiment

    return Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"


def _data_dir() -> Path:
    return Path(str(resources.files("dyads") / "data" / "tone"))


def build_lexicon(
    layers: Iterable[Iterable[LexiconEntry]],
    *,
    negations: Iterable[str],
    boosters: Mapping[str, float],
    activity: Iterable[str],
    self_group: Iterable[str],
    negation_scalar: float,
    target_model: TargetModel | None = None,
) -> ToneLexicon:
    """Merge valence layers in order (a later layer overrides an earlier one)."""
    words: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    for layer in layers:
        for entry in layer:
            if len(entry.key) == 1:
                words[entry.key[0]] = entry.valence
            else:
                phrases[entry.key] = entry.valence
    return ToneLexicon(
        words=MappingProxyType(words),
        phrases=MappingProxyType(phrases),
        max_phrase_len=max((len(k) for k in phrases), default=1),
        negations=frozenset(w.lower() for w in negations),
        boosters=MappingProxyType({k.lower(): v for k, v in boosters.items()}),
        activity=frozenset(activity),
        self_group=frozenset(self_group),
        negation_scalar=negation_scalar,
        target_model=target_model,
    )


def load_tone_lexicon(
    extra_files: Iterable[Path] = (), data_dir: Path | None = None, *, with_model: bool = True
) -> ToneLexicon:
    """VADER's lexicon, then `political.tsv`, then any user files (`word<TAB>valence`), and the
    target model (`target_model.tsv`) unless `with_model` is False (when refitting it).

    Raises ToneLexiconError listing every bad line of every file.
    """
    from vaderSentiment import vaderSentiment as vader

    from dyads.tone.target import FEATURES

    folder = data_dir or _data_dir()
    errors: list[str] = []
    layers: list[list[LexiconEntry]] = []
    vader_entries, vader_errors = read_valence_tsv(vader_lexicon_path(), vader_format=True)
    layers.append([e for e in vader_entries if _is_word(e.key)])
    errors += vader_errors
    for path in (folder / "political.tsv", *extra_files):
        entries, file_errors = read_valence_tsv(Path(path))
        layers.append(entries)
        errors += file_errors
    activity, activity_errors = read_word_list(folder / "activity.txt")
    self_group, self_errors = read_word_list(folder / "self_group.txt")
    errors += activity_errors + self_errors
    if errors:
        shown = "\n".join(errors[:20])
        more = f"\n… and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise ToneLexiconError(f"{len(errors)} bad lexicon line(s):\n{shown}{more}")
    negations = {n.replace("'", "") for n in vader.NEGATE} | set(vader.NEGATE) | {"n't", "never", "no", "not"}
    model = read_target_model(folder / "target_model.tsv", FEATURES) if with_model else None
    return build_lexicon(
        layers,
        target_model=model,
        negations=negations,
        boosters=vader.BOOSTER_DICT,
        activity=(k[0] for k in activity),
        self_group=(k[0] for k in self_group),
        negation_scalar=vader.N_SCALAR,
    )
