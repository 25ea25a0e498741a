"""Models of the Utilisateurs API: the structures and services the technical account is attached to.

No Swagger file of this API is published; field names follow the public clients that call it.
"""

from __future__ import annotations

from pydantic import Field

from demat_sdk.chorus.enums import StatutRattachement, TypeIdentifiantStructure
from demat_sdk.chorus.models.base import (
    ChorusModel,
    ChorusRequest,
    ChorusResponse,
    ParametresRecherche,
    ParametresRetour,
)
from demat_sdk.chorus.models.fields import ChorusDateTime, LenientList

__all__ = [
    "ListeRattachementsMonCompte",
    "RattachementService",
    "RattachementStructure",
    "RecupererRattachementsParam",
]


class RecupererRattachementsParam(ChorusRequest):
    """Request body of ``recupererRattachementsMonCompteUtilisateur``."""

    parametres_recherche: ParametresRecherche | None = None


class RattachementService(ChorusModel):
    """The account's attachment to one service of a structure."""

    id_service: int | None = None
    code_service: str | None = None
    libelle_service: str | None = None
    est_actif: bool | None = None
    statut_service: str | None = None
    id_rattachement_service: int | None = None
    statut_rattachement_service: StatutRattachement | None = None
    date_dbt_service: ChorusDateTime | None = None
    date_fin_service: ChorusDateTime | None = None


class RattachementStructure(ChorusModel):
    """The account's attachment to a structure, with the services it is attached to."""

    id_structure: int | None = None
    identifiant_structure: str | None = None
    type_identifiant_structure: TypeIdentifiantStructure | None = None
    designation_structure: str | None = None
    role_utilisateur: str | None = None
    statut_utilisateur: str | None = None
    id_rattachement_structure: int | None = None
    statut_rattachement_structure: StatutRattachement | None = None
    liste_services_rattache: LenientList[RattachementService] = Field(default_factory=list)


class ListeRattachementsMonCompte(ChorusResponse):
    """Answer of ``recupererRattachementsMonCompteUtilisateur``."""

    liste_structure_rattachement: LenientList[RattachementStructure] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None
