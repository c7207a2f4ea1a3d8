"""The tokens of every dictionary phrase, kept on disk between runs.

Tokenizing the ~45,000 actor phrases with spaCy's tokenizer costs seconds; the actor ruler needs them as token
tuples. They are cached per tokenizer (model name and version, spaCy version, the infix rules) in the user's
cache folder: `$DYADS_CACHE_DIR`, else `$XDG_CACHE_HOME/dyads` (`~/.cache/dyads`), else a folder in the system's
temporary directory (never the package's own folder, which may be read-only). A phrase missing from the cache (a
dictionary changed, a user file was added) is tokenized and the cache rewritten; a cache that cannot be read or
written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

CACHE_VERSION = "1"  # bump when what is stored changes


def cache_dir() -> Path | None:
    """A writable folder for dyads' caches, or None when there is none."""
    candidates = []
    if os.environ.get("DYADS_CACHE_DIR"):
        candidates.append(Path(os.environ["DYADS_CACHE_DIR"]))
    candidates.append(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyads")
    candidates.append(Path(tempfile.gettempdir()) / f"dyads-cache-{os.getuid() if hasattr(os, 'getuid') else 0}")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return None


def _tokenizer_key(nlp: Language) -> str:
    infix = getattr(getattr(nlp.tokenizer.infix_finditer, "__self__", None), "pattern", "")
    parts = (CACHE_VERSION, nlp.meta.get("name", ""), nlp.meta.get("version", ""), spacy.__version__, str(infix))
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def phrase_tokens(nlp: Language, texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each text's tokens as spaCy's tokenizer splits it, from the cache where it can."""
    wanted = set(texts)
    folder = cache_dir()
    path = folder / f"phrase-tokens-{_tokenizer_key(nlp)}.pickle" if folder is not None else None
    known: dict[str, tuple[str, ...]] = {}
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, dict):
                known = loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            known = {}
    missing = [text for text in wanted if text not in known]
    if missing:
        for text, doc in zip(missing, nlp.tokenizer.pipe(missing), strict=True):
            known[text] = tuple(token.text for token in doc)
        if path is not None:
            _write(path, {text: known[text] for text in wanted})
    return {text: known[text] for text in wanted}


def _write(path: Path, data: dict) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return
