"""Event location: where an event happened, when the sentence says so, resolved offline."""

from dyads.places.data import LocationRules, PlacesDataError
from dyads.places.gazetteer import Gazetteer, Place, normalize
from dyads.places.locate import PlaceMatch, find_event_location, find_event_place

__all__ = ["Gazetteer", "LocationRules", "Place", "PlaceMatch", "PlacesDataError", "find_event_location",
           "find_event_place", "normalize"]
