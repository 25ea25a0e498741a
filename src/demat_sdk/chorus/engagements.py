"""``client.engagements``: the legal commitments (engagements juridiques) of State services.

A supplier checks that the order number (EJ) it quotes exists before invoicing. Only State
services publish their commitments in Chorus Pro; a hospital's orders are not there.
"""

from __future__ import annotations

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, Operation, RequestOptions, api_method
from demat_sdk._http.pagination import Page
from demat_sdk._http.retry import Safety
from demat_sdk.chorus._resource import AsyncResource, SyncResource
from demat_sdk.chorus.models.engagements import (
    EngagementJuridique,
    ListeEngagementsJuridiques,
    RechercherEngagementParam,
)
from demat_sdk.chorus.pagination import search_call

__all__ = ["OPERATIONS", "AsyncEngagements", "Engagements", "EngagementsMethods"]

RECHERCHER = Operation(
    "rechercherEngagementJuridique",
    "/cpro/engagementsJuridiques/v1/rechercher",
    Safety.SAFE,
    ListeEngagementsJuridiques,
)

OPERATIONS = (RECHERCHER,)
"""Every operation of the Engagements juridiques API this module covers."""


class EngagementsMethods:
    """Search of legal commitments (engagements juridiques)."""

    @api_method
    def rechercher(
        self,
        *,
        numero_engagement_juridique: str | None = None,
        structure_receptrice: int | str | None = None,
        etat_courant: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[EngagementJuridique]]:
        """Commitments matching the criteria: ``engagementsJuridiques/v1/rechercher``.

        The paging parameters of this search are not published: the page returned is the only
        one the SDK can ask for (narrow the search with the number).

        Args:
            numero_engagement_juridique: the commitment (order) number, at most 50 characters.
            structure_receptrice: the supplier it was sent to (its ``idStructureCPP``).
            etat_courant: its state, such as ``COMMANDE``.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER,
            RechercherEngagementParam,
            filtres=None,
            criteria={
                "numero_engagement_juridique": numero_engagement_juridique,
                "structure_receptrice_engagement_juridique": (
                    None if structure_receptrice is None else str(structure_receptrice)
                ),
                "etat_courant_engagement_juridique": etat_courant,
            },
            paging_field=None,
            paging_model=None,
            paging={},
            items=lambda answer: answer.liste_engagement_juridique,
            options=options,
        )


class Engagements(SyncResource, EngagementsMethods):
    """``ChorusPro.engagements``: legal commitments (blocking)."""


class AsyncEngagements(AsyncResource, EngagementsMethods):
    """``AsyncChorusPro.engagements``: legal commitments (awaitable)."""
