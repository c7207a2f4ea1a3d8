"""Dates: normalising document dates and finding explicit dates in sentences."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y%m%d")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """An ISO date for `value` (str, date, datetime, time.struct_time), or None if it is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        return _valid(*(int(part) for part in match.groups()))
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()  # RFC 2822, as in feeds and HTTP
    except (TypeError, ValueError, IndexError):
        return None


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date-like value, or None."""
    return iso_date(value)


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
