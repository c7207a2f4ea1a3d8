"""The one exception readers raise internally; `read_inputs` turns it into a `Reject`."""

from __future__ import annotations

from dyads.records import Reject


class ReadError(Exception):
    """A whole input could not be read: `reason` is a short code, `detail` a one-line message."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    def to_reject(self, origin: str) -> Reject:
        return Reject(origin=origin, reason=self.reason, detail=f"{origin}: {self.detail}")
