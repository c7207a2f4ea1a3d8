"""Dates: normalising document dates and finding explicit dates in sentences."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_FORMATS = ("%Y%m%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%a, %d %b %Y %H:%M:%S %z",
            "%Y/%m/%d", "%d/%m/%Y")


def parse_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date-like string, or None."""
    if not value:
        return None
    value = value.strip()
    match = _ISO.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def to_date(value: str | None) -> date | None:
    iso = parse_date(value)
    return date.fromisoformat(iso) if iso else None
