"""The trained event layer (see `coder.py`); trained by `scripts/train_events.py` on `training/events/`."""

from dyads.events.model.coder import CODERS, LearnedCoder
from dyads.events.model.linear import LinearModel, ModelFileError

__all__ = ["CODERS", "LearnedCoder", "LinearModel", "ModelFileError"]
