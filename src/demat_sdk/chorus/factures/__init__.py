"""``client.factures``: the Factures API, for suppliers, recipients and validators.

The 22 operations of the official Swagger file, each written once in a mixin by family
(:mod:`~demat_sdk.chorus.factures.emission`, :mod:`~demat_sdk.chorus.factures.consultation`,
:mod:`~demat_sdk.chorus.factures.recherche`, :mod:`~demat_sdk.chorus.factures.traitement`), and
``wait_for_integration``, which follows a deposited flux to its end (blocking or awaited).
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import Any

import anyio

from demat_sdk.chorus._resource import AsyncResource, SyncResource
from demat_sdk.chorus.enums import SyntaxeFlux
from demat_sdk.chorus.factures.consultation import ConsultationMethods
from demat_sdk.chorus.factures.emission import EmissionMethods
from demat_sdk.chorus.factures.integration import (
    DEFAULT_INTERVAL,
    DEFAULT_TIMEOUT,
    IntegrationReport,
    Polling,
)
from demat_sdk.chorus.factures.operations import OPERATIONS
from demat_sdk.chorus.factures.recherche import RechercheMethods
from demat_sdk.chorus.factures.traitement import TraitementMethods
from demat_sdk.chorus.transverses import consulter_cr_detaille_call

__all__ = ["OPERATIONS", "AsyncFactures", "Factures", "FacturesMethods", "IntegrationReport"]

_PAGE_SIZE = 100  # invoices fetched per page when listing those a flux created


class FacturesMethods(EmissionMethods, ConsultationMethods, RechercheMethods, TraitementMethods):
    """Every operation of the Factures API (shared by the blocking and asyncio resources)."""


class Factures(SyncResource, FacturesMethods):
    """``ChorusPro.factures``: invoices issued, received and validated (blocking)."""

    def wait_for_integration(
        self,
        *,
        numero_flux_depot: str,
        timeout: float = DEFAULT_TIMEOUT,
        interval: float = DEFAULT_INTERVAL,
        syntaxe_flux: SyntaxeFlux | str | None = None,
        sleep: Callable[[float], Any] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> IntegrationReport:
        """Wait until Chorus Pro has processed a deposited flux, and report on it.

        Polls ``consulterCRDetaille`` every ``interval`` seconds until the flux is
        ``IN_INTEGRE``, ``IN_INTEGRE_PARTIEL``, ``IN_REJETE`` or ``IN_INCIDENTE``, then lists
        the invoices it created (``rechercher_fournisseur`` by ``numero_flux_depot``).

        Args:
            numero_flux_depot: the number ``deposer_flux`` returned.
            timeout: seconds to wait at most (15 minutes by default).
            interval: seconds between two reports (15 by default).
            syntaxe_flux: the flux's syntax, passed on to ``consulterCRDetaille``.
            sleep: how to wait (``time.sleep`` by default; with the emulator, its clock's
                ``advance``).
            clock: a monotonic clock in seconds (the client's by default).

        Returns:
            The final state, the errors per invoice, and the invoices created.

        Raises:
            IntegrationTimeoutError: the flux was still being processed at the deadline.
        """
        polling = Polling(
            numero_flux_depot,
            timeout=timeout,
            interval=interval,
            clock=clock or self._client._clock,
        )
        wait = sleep or time.sleep
        while True:
            compte_rendu = self._run(
                consulter_cr_detaille_call(numero_flux_depot, syntaxe_flux, {})
            )
            etat = polling.final_state(compte_rendu)
            if etat is not None:
                break
            wait(polling.next_sleep(compte_rendu))
        factures = []
        if polling.created_invoices(etat):
            first = self.rechercher_fournisseur(
                numero_flux_depot=numero_flux_depot, nb_resultats_par_page=_PAGE_SIZE
            )
            factures = list(first.auto_paging_iter())
        return polling.report(etat, compte_rendu, factures)


class AsyncFactures(AsyncResource, FacturesMethods):
    """``AsyncChorusPro.factures``: invoices issued, received and validated (awaitable)."""

    async def wait_for_integration(
        self,
        *,
        numero_flux_depot: str,
        timeout: float = DEFAULT_TIMEOUT,
        interval: float = DEFAULT_INTERVAL,
        syntaxe_flux: SyntaxeFlux | str | None = None,
        sleep: Callable[[float], Any] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> IntegrationReport:
        """Wait until Chorus Pro has processed a deposited flux, and report on it.

        The same as :meth:`Factures.wait_for_integration`, awaited: ``sleep`` may be a
        coroutine function (``anyio.sleep`` by default) or a plain one.
        """
        polling = Polling(
            numero_flux_depot,
            timeout=timeout,
            interval=interval,
            clock=clock or self._client._clock,
        )
        while True:
            compte_rendu = await self._run(
                consulter_cr_detaille_call(numero_flux_depot, syntaxe_flux, {})
            )
            etat = polling.final_state(compte_rendu)
            if etat is not None:
                break
            delay = polling.next_sleep(compte_rendu)
            if sleep is None:
                await anyio.sleep(delay)
            else:
                slept = sleep(delay)
                if inspect.isawaitable(slept):
                    await slept
        factures = []
        if polling.created_invoices(etat):
            first = await self.rechercher_fournisseur(
                numero_flux_depot=numero_flux_depot, nb_resultats_par_page=_PAGE_SIZE
            )
            factures = [facture async for facture in first.auto_paging_iter()]
        return polling.report(etat, compte_rendu, factures)
