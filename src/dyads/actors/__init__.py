"""Actors: the dictionary, the recogniser in the spaCy pipeline, and resolution to CAMEO codes."""
