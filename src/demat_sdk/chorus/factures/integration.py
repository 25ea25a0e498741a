"""Following a deposited flux until Chorus Pro has processed it.

:class:`Polling` holds the waiting rules (deadline, interval, what counts as the end) without any
I/O; ``Factures.wait_for_integration`` and ``AsyncFactures.wait_for_integration`` drive it, one
blocking, one awaiting, and build the :class:`IntegrationReport`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from demat_sdk.chorus.enums import EtatFlux
from demat_sdk.chorus.models.factures_resultats import RetourRechercherFactureParFournisseur
from demat_sdk.chorus.models.transverses import (
    CompteRenduDetaille,
    ErreurDemandePaiement,
    ErreurTechnique,
)
from demat_sdk.errors import IntegrationTimeoutError, InvalidRequestError

__all__ = ["DEFAULT_INTERVAL", "DEFAULT_TIMEOUT", "IntegrationReport", "Polling"]

DEFAULT_TIMEOUT = 900.0
"""Seconds ``wait_for_integration`` waits by default (Chorus Pro takes minutes)."""
DEFAULT_INTERVAL = 15.0
"""Seconds between two reports by default."""

_INTEGRATED = frozenset({EtatFlux.IN_INTEGRE, EtatFlux.IN_INTEGRE_PARTIEL})


@dataclass(frozen=True)
class IntegrationReport:
    """How Chorus Pro processed a deposited flux.

    Attributes:
        numero_flux_depot: the flux.
        etat: its final state: ``IN_INTEGRE`` (every invoice created), ``IN_INTEGRE_PARTIEL``
            (some refused, see :attr:`erreurs_dp`), ``IN_REJETE`` or ``IN_INCIDENTE`` (none
            created; an incident means the flux must be sent again).
        compte_rendu: the detailed report (``consulterCRDetaille``) that ended the wait.
        factures: the invoices the flux created (found by ``numero_flux_depot``); empty when
            it was rejected.
    """

    numero_flux_depot: str
    etat: EtatFlux
    compte_rendu: CompteRenduDetaille = field(repr=False)
    factures: list[RetourRechercherFactureParFournisseur] = field(repr=False)

    @property
    def integre(self) -> bool:
        """Whether every invoice of the flux was created (``IN_INTEGRE``)."""
        return self.etat is EtatFlux.IN_INTEGRE

    @property
    def erreurs_dp(self) -> list[ErreurDemandePaiement]:
        """Why each refused invoice was refused (its ``numero_dp`` and ``libelle_erreur_dp``)."""
        return self.compte_rendu.liste_erreur_dp

    @property
    def erreurs_techniques(self) -> list[ErreurTechnique]:
        """Errors about the flux as a whole."""
        return self.compte_rendu.liste_erreur_technique


class Polling:
    """The rules of one wait: when it ends, how long to sleep, when to give up.

    Args:
        numero_flux_depot: the flux.
        timeout: seconds to wait at most.
        interval: seconds between two reports.
        clock: a monotonic clock in seconds.
    """

    def __init__(
        self,
        numero_flux_depot: str,
        *,
        timeout: float,
        interval: float,
        clock: Callable[[], float],
    ) -> None:
        for name, value in (("timeout", timeout), ("interval", interval)):
            if not value > 0:
                raise InvalidRequestError(
                    f"{name} must be a positive number of seconds, not {value}", field=name
                )
        if not numero_flux_depot:
            raise InvalidRequestError("numero_flux_depot is required", field="numero_flux_depot")
        self.numero_flux_depot = numero_flux_depot
        self._interval = interval
        self._clock = clock
        self._started = clock()
        self._deadline = self._started + timeout

    @staticmethod
    def final_state(compte_rendu: CompteRenduDetaille) -> EtatFlux | None:
        """The flux's state if it is final, else ``None`` (still being processed)."""
        etat = compte_rendu.etat_courant_depot_flux
        return etat if etat is not None and etat.is_terminal else None

    def next_sleep(self, compte_rendu: CompteRenduDetaille) -> float:
        """Seconds to sleep before the next report.

        Raises:
            IntegrationTimeoutError: the deadline has passed.
        """
        now = self._clock()
        if now >= self._deadline:
            etat = compte_rendu.etat_courant_depot_flux
            raise IntegrationTimeoutError(
                numero_flux_depot=self.numero_flux_depot,
                etat=etat.value if etat is not None else None,
                waited=now - self._started,
            )
        return min(self._interval, self._deadline - now)

    @staticmethod
    def created_invoices(etat: EtatFlux) -> bool:
        """Whether a flux in this final state may have created invoices."""
        return etat in _INTEGRATED

    def report(
        self,
        etat: EtatFlux,
        compte_rendu: CompteRenduDetaille,
        factures: list[RetourRechercherFactureParFournisseur],
    ) -> IntegrationReport:
        """The report of a finished flux."""
        return IntegrationReport(
            numero_flux_depot=self.numero_flux_depot,
            etat=etat,
            compte_rendu=compte_rendu,
            factures=factures,
        )
