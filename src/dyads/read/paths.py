"""Expand the user's paths: files, folders (recursive, sorted, hidden entries skipped), globs and "-"."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator

from dyads.records import Reject

_GLOB_CHARS = frozenset("*?[")


def _stat_reject(path: str, err: OSError) -> Reject:
    if isinstance(err, FileNotFoundError):
        return Reject(path, "missing", f"{path}: no such file or directory")
    if isinstance(err, PermissionError):
        return Reject(path, "permission", f"{path}: permission denied")
    return Reject(path, "io", f"{path}: cannot access ({err.strerror or err})")


def _walk(path: str, seen: set[tuple[int, int]]) -> Iterator[str | Reject]:
    try:
        info = os.stat(path)
    except OSError as err:
        yield _stat_reject(path, err)
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:  # the same file named twice, or a symlink loop
        return
    seen.add(key)
    if not stat.S_ISDIR(info.st_mode):
        yield path
        return
    try:
        with os.scandir(path) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except PermissionError:
        yield Reject(path, "permission", f"{path}: permission denied, cannot list this folder")
        return
    except OSError as err:
        yield _stat_reject(path, err)
        return
    for name in names:
        yield from _walk(os.path.join(path, name), seen)


def expand_paths(paths: Iterable[str]) -> Iterator[str | Reject]:
    """File paths to read, in order, or a Reject for a path that names nothing readable."""
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if path == "-":
            yield path
        elif not os.path.lexists(path) and _GLOB_CHARS.intersection(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield Reject(path, "missing", f"{path}: no file matches this pattern")
            for match in matches:
                yield from _walk(match, seen)
        else:
            yield from _walk(path, seen)
