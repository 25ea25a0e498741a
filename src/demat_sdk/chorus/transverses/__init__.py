"""``client.transverses``: reference lists, flux reports, files, the recipients' directory.

Besides the reference lists used to fill invoices (:mod:`~demat_sdk.chorus.transverses.references`),
the transverses API reports on deposited flux, takes the attachments invoices quote and publishes
the directory of public recipients (:mod:`~demat_sdk.chorus.transverses.flux`).
"""

from __future__ import annotations

from demat_sdk.chorus._resource import AsyncResource, SyncResource
from demat_sdk.chorus.transverses.flux import FluxMethods, consulter_cr_detaille_call
from demat_sdk.chorus.transverses.operations import OPERATIONS
from demat_sdk.chorus.transverses.references import ReferencesMethods

__all__ = [
    "OPERATIONS",
    "AsyncTransverses",
    "Transverses",
    "TransversesMethods",
    "consulter_cr_detaille_call",
]


class TransversesMethods(ReferencesMethods, FluxMethods):
    """Every transverses operation (shared by the blocking and asyncio resources)."""


class Transverses(SyncResource, TransversesMethods):
    """``ChorusPro.transverses``: reference lists, flux reports, files, directory (blocking)."""


class AsyncTransverses(AsyncResource, TransversesMethods):
    """``AsyncChorusPro.transverses``: the same, awaitable."""
