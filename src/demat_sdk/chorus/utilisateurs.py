"""``client.utilisateurs``: what the technical account is attached to.

Listing the account's attachments is also the cheapest authenticated call: it checks the PISTE
application, its subscription to the API and the technical account at once.
"""

from __future__ import annotations

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, Operation, RequestOptions, api_method
from demat_sdk._http.pagination import Page
from demat_sdk._http.retry import Safety
from demat_sdk.chorus._resource import AsyncResource, SyncResource
from demat_sdk.chorus.enums import TriSens
from demat_sdk.chorus.models.base import ParametresRecherche
from demat_sdk.chorus.models.utilisateurs import (
    ListeRattachementsMonCompte,
    RattachementStructure,
    RecupererRattachementsParam,
)
from demat_sdk.chorus.pagination import paging_settings, search_call

__all__ = ["OPERATIONS", "AsyncUtilisateurs", "Utilisateurs", "UtilisateursMethods"]

RECUPERER_RATTACHEMENTS = Operation(
    "recupererRattachementsMonCompteUtilisateur",
    "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
    Safety.SAFE,
    ListeRattachementsMonCompte,
)

OPERATIONS = (RECUPERER_RATTACHEMENTS,)
"""Every operation of the Utilisateurs API this module covers."""


class UtilisateursMethods:
    """The technical account's own attachments."""

    @api_method
    def rattachements(
        self,
        *,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[RattachementStructure]]:
        """Structures (and their services) the account is attached to.

        Operation ``recupererRattachementsMonCompteUtilisateur``.

        Args:
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column, such as ``IdStructure`` (free text: not published).
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECUPERER_RATTACHEMENTS,
            RecupererRattachementsParam,
            filtres=None,
            criteria={},
            paging_field="parametres_recherche",
            paging_model=ParametresRecherche,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_structure_rattachement,
            options=options,
        )


class Utilisateurs(SyncResource, UtilisateursMethods):
    """``ChorusPro.utilisateurs``: the account's attachments (blocking)."""


class AsyncUtilisateurs(AsyncResource, UtilisateursMethods):
    """``AsyncChorusPro.utilisateurs``: the account's attachments (awaitable)."""
