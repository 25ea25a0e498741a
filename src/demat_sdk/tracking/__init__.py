"""Follow-up of what the hospital sent: states over time, stalled items, support requests."""

from demat_sdk.tracking.records import Observation, SentItem, SentKind, Stalled, StallReason
from demat_sdk.tracking.tracker import StatusSource, Tracker, sollicitation

__all__ = [
    "Observation",
    "SentItem",
    "SentKind",
    "StallReason",
    "Stalled",
    "StatusSource",
    "Tracker",
    "sollicitation",
]
