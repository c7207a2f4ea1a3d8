"""Dates: normalising document dates and finding explicit dates in sentences."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

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


_WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday"))}
_MONTHS = {name: i + 1 for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"))}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def resolve_date_phrase(phrase: str, doc_date: date | None) -> date | None:
    """A calendar date for a date expression in a sentence ("on Monday", "March 3", "yesterday"),
    relative to the document's date; None when it names no single day."""
    lowered = phrase.lower().strip()
    words = re.findall(r"[a-z]+", lowered)
    if not words and not _DAY.search(lowered):
        return None
    for word, offset in _RELATIVE.items():
        if word in words and doc_date is not None:
            return doc_date + timedelta(days=offset)
    month = next((_MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in _MONTHS), None)
    year_match = _YEAR.search(lowered)
    if month is not None:
        day_match = next((m for m in _DAY.finditer(lowered) if not _YEAR.fullmatch(m.group(1))), None)
        if day_match is None:
            return None
        year = int(year_match.group(1)) if year_match else (doc_date.year if doc_date else None)
        if year is None:
            return None
        try:
            found = date(year, month, int(day_match.group(1)))
        except ValueError:
            return None
        if not year_match and doc_date is not None and found > doc_date + timedelta(days=60):
            found = found.replace(year=year - 1)
        return found
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if weekday is not None and doc_date is not None:
        if "next" in words or "coming" in words:
            return doc_date + timedelta(days=(weekday - doc_date.weekday() - 1) % 7 + 1)
        return doc_date - timedelta(days=(doc_date.weekday() - weekday) % 7)
    return None
