"""Event location: where an event happened, when the sentence says so, resolved offline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.places.data import LocationRules, PlacesDataError
from dyads.places.gazetteer import Gazetteer, Place, normalize

if TYPE_CHECKING:
    from dyads.places.locate import PlaceMatch, find_event_location, find_event_place

__all__ = ["Gazetteer", "LocationRules", "Place", "PlaceMatch", "PlacesDataError", "find_event_location",
           "find_event_place", "normalize"]


def __getattr__(name: str) -> Any:
    # locate needs spaCy: import it only when asked for, so place codes and the gazetteer load without it
    if name in ("PlaceMatch", "find_event_location", "find_event_place"):
        from dyads.places import locate

        return getattr(locate, name)
    raise AttributeError(f"module 'dyads.places' has no attribute {name!r}")
