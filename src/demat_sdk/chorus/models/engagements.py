"""Models of the Engagements juridiques API (search of the commitments a State service issued).

No Swagger file of this API is published; field names follow the public clients that call it.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from demat_sdk.chorus.models.base import (
    ChorusModel,
    ChorusRequest,
    ChorusResponse,
    ParametresRetour,
)
from demat_sdk.chorus.models.fields import ChorusDateTime, LenientList

__all__ = ["EngagementJuridique", "ListeEngagementsJuridiques", "RechercherEngagementParam"]


class RechercherEngagementParam(ChorusRequest):
    """Request body of ``engagementsJuridiques/v1/rechercher``."""

    structure_receptrice_engagement_juridique: str | None = None
    """The ``idStructureCPP`` of the supplier the commitment was sent to, as text."""
    numero_engagement_juridique: str | None = None
    etat_courant_engagement_juridique: str | None = None
    """State of the commitment, such as ``COMMANDE``."""


class EngagementJuridique(ChorusModel):
    """A legal commitment (engagement juridique: order, contract) of a State service."""

    id_engagement_juridique: int | None = None
    numero_engagement_juridique: str | None = None
    libelle_etat_courant_ej: str | None = Field(default=None, alias="libelleEtatCourantEJ")
    libelle_type_engagement_juridique: str | None = None
    date_creation_ej: ChorusDateTime | None = Field(default=None, alias="dateCreationEJ")
    montant_total_ht: Decimal | None = None
    montant_total_ttc: Decimal | None = None
    code_service_executant: str | None = None
    libelle_service_executant: str | None = None
    code_service_executant_emetteur: str | None = None
    libelle_service_executant_emetteur: str | None = None
    structure_receptrice: str | None = None
    statut_structure_receptrice: str | None = None


class ListeEngagementsJuridiques(ChorusResponse):
    """Answer of ``engagementsJuridiques/v1/rechercher``."""

    liste_engagement_juridique: LenientList[EngagementJuridique] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None
