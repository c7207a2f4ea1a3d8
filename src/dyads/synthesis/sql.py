"""The synthesis queries, from `store/sql/synthesis.sql` (`-- name: x` before each)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from dyads.store import Store
from dyads.store.queries import load_queries


@cache
def queries() -> Mapping[str, str]:
    return MappingProxyType(load_queries("synthesis.sql"))


def run(store: Store, name: str, **params: Any) -> Any:
    """Execute one named query; returns the cursor."""
    return store.cursor(queries()[name], params or None)


def dicts(store: Store, name: str, **params: Any) -> list[dict[str, Any]]:
    cursor = run(store, name, **params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def scalar(store: Store, name: str, **params: Any) -> Any:
    """The single value a query returns (an INSERT or UPDATE: its row count)."""
    return run(store, name, **params).fetchall()[0][0]


def execute(store: Store, name: str, **params: Any) -> None:
    """Run a statement to completion (a pending result would block the connection)."""
    run(store, name, **params).fetchall()
