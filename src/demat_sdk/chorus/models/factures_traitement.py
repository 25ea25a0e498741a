# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Models of the recipient's and the validator's actions on invoices.

Status change of a received invoice, validation, download, statuses a validator sees.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from demat_sdk.chorus.enums import FormatTelechargement, StatutFacture
from demat_sdk.chorus.models.base import ChorusModel, ChorusRequest, ChorusResponse
from demat_sdk.chorus.models.fields import ChorusDateTime, FichierBase64, LenientList, official

__all__ = [
    "IdFactureInput",
    "RecupererStatutsFactureVisiblesParValideurOutput",
    "RecupererStatutsFactureVisiblesParValideurParam",
    "TelechargerGroupeFactureParam",
    "TraiterFactureAValiderParam",
    "TraiterUneFactureRecueParam",
    "WsRetourRecupererStatutsFactureVisiblesParValideur",
    "WsRetourTelechargerGroupeFacture",
    "WsRetourTraiterFacture",
    "WsRetourTraiterFactureAValider",
]


class TraiterFactureAValiderParam(ChorusRequest):
    """Request body of ``traiterFactureAValider``."""

    id_facture: int | None = None
    action: str | None = None
    type_valideur: str | None = None
    id_valideur: int | None = None
    motif_refus: str | None = None
    complement_info: str | None = None


class WsRetourTraiterFactureAValider(ChorusResponse):
    """Answer of ``traiterFactureAValider``."""

    id_facture: int | None = None
    numero_facture: str | None = None
    date_traitement: ChorusDateTime | None = None
    statut_facture: StatutFacture | None = None


class IdFactureInput(ChorusRequest):
    """One invoice to download, by its Chorus Pro id."""

    id_facture: int | None = None


class TelechargerGroupeFactureParam(ChorusRequest):
    """Request body of ``telechargerGroupeFacture``."""

    id_utilisateur_courant: int | None = None
    id_espace: int | None = None
    format: Annotated[FormatTelechargement, official()] | None = None
    avec_pieces_jointes_complementaires: Literal["OUI", "NON"] | None = None
    liste_facture: list[IdFactureInput] | None = None


class WsRetourTelechargerGroupeFacture(ChorusResponse):
    """Answer of ``telechargerGroupeFacture``."""

    fichier_resultat: FichierBase64 | None = Field(default=None, repr=False)


class TraiterUneFactureRecueParam(ChorusRequest):
    """Request body of ``traiterUneFactureRecue``."""

    id_utilisateur_courant: int | None = None
    id_facture: int | None = None
    nouveau_statut: Annotated[StatutFacture, official()] | None = None
    motif: str | None = None
    numero_dp_mandat: str | None = Field(default=None, alias="numeroDPMandat")


class WsRetourTraiterFacture(ChorusResponse):
    """Answer of ``traiterUneFactureRecue``."""

    id_facture: int | None = None
    numero_facture: str | None = None
    date_traitement: ChorusDateTime | None = None
    nouveau_statut: StatutFacture | None = None


class RecupererStatutsFactureVisiblesParValideurParam(ChorusRequest):
    """Request body of ``recupererStatutsFactureVisiblesParValideur``."""

    id_utilisateur_courant: int | None = None


class RecupererStatutsFactureVisiblesParValideurOutput(ChorusModel):
    """A status a validator may see."""

    code_statut_facture: StatutFacture | None = None


class WsRetourRecupererStatutsFactureVisiblesParValideur(ChorusResponse):
    """Answer of ``recupererStatutsFactureVisiblesParValideur``."""

    liste_statut_facture: LenientList[RecupererStatutsFactureVisiblesParValideurOutput] = Field(
        default_factory=list
    )
