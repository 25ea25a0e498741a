"""Follow-up of what the hospital sent: states over time, stalled items, support requests, KPIs.

* :class:`Tracker` — the store: record what was sent (``record_soumission``, ``record_flux``,
  ``record_asap``), ``refresh`` its states from a :class:`StatusSource` (Chorus Pro:
  :class:`ChorusStatusSource`), list what is ``stalled``, write the :func:`sollicitation`;
* :mod:`demat_sdk.tracking.indicators` — the instruction's indicators (PJ dématérialisées,
  bordereaux signés, factures traitées dans Chorus Pro) as JSON, CSV and an HTML page.
"""

from demat_sdk.tracking.chorus import ChorusStatusSource
from demat_sdk.tracking.records import Observation, SentItem, SentKind, Stalled, StallReason
from demat_sdk.tracking.tracker import StatusSource, Tracker, sollicitation

__all__ = [
    "ChorusStatusSource",
    "Observation",
    "SentItem",
    "SentKind",
    "StallReason",
    "Stalled",
    "StatusSource",
    "Tracker",
    "sollicitation",
]
