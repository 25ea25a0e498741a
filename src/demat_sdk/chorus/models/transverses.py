"""Models of the transverses API: health check, reference lists, flux reports, files, directory.

No Swagger file of this API is published; field names follow the public clients that call it
(see the Chorus Pro reference notes).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from demat_sdk.chorus.enums import (
    EtatFlux,
    StatutFacture,
    SyntaxeFlux,
    TypeObjetPieceJointe,
    TypeStructure,
)
from demat_sdk.chorus.models.base import (
    ChorusModel,
    ChorusRequest,
    ChorusResponse,
    ParametresRecherche,
    ParametresRetour,
)
from demat_sdk.chorus.models.fields import (
    ChorusDateTime,
    FichierBase64,
    LenientList,
    official,
)

__all__ = [
    "AjouterFichierParam",
    "CadreFacturation",
    "CompteRendu",
    "CompteRenduDetaille",
    "ConsulterCRDetailleParam",
    "ConsulterCRParam",
    "CoordonneeBancaire",
    "DestinataireTrouve",
    "Devise",
    "ErreurDemandePaiement",
    "ErreurTechnique",
    "FichierAnnuaire",
    "FormatFlux",
    "HealthCheck",
    "ListeCadresFacturation",
    "ListeCoordonneesBancaires",
    "ListeDestinataires",
    "ListeDevises",
    "ListeFormatsFlux",
    "ListeModesDepot",
    "ListeModesReglement",
    "ListeMotifsExonerationTva",
    "ListeMotifsRefus",
    "ListePays",
    "ListeStatutsPossibles",
    "ListeStructuresActives",
    "ListeTauxTva",
    "ListeTypesDemandePaiement",
    "ListeTypesPieceJointe",
    "ModeDepotItem",
    "ModeReglement",
    "MotifExonerationTva",
    "MotifRefus",
    "Pays",
    "PieceJointeAjoutee",
    "RechercherDestinataireParam",
    "StatutPossible",
    "StructureActive",
    "TauxTva",
    "TypeDemandePaiementItem",
    "TypePieceJointe",
]


class HealthCheck(ChorusModel):
    """Answer of ``GET /cpro/transverses/v1/health-check``."""

    body: str | None = None
    status_code: str | None = None
    status_code_value: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the API reported itself available."""
        return (self.status_code_value or 0) == 200 or (self.status_code or "").startswith("200")


class Devise(ChorusModel):
    """A currency (``codeDevise`` ISO 4217, ``libelleDevise``)."""

    code_devise: str
    libelle_devise: str | None = None


class ListeDevises(ChorusResponse):
    """Answer of ``recupererDevises``."""

    liste_devises: list[Devise] = Field(default_factory=list)


class Pays(ChorusModel):
    """A country (``codePays`` ISO 3166, ``libellePays``)."""

    code_pays: str
    libelle_pays: str | None = None


class ListePays(ChorusResponse):
    """Answer of ``recupererPays``."""

    liste_pays: list[Pays] = Field(default_factory=list)


class TauxTva(ChorusModel):
    """A VAT rate code usable in an invoice line (``TVA5``, ``TVA20``…)."""

    code_taux_tva: str
    libelle_taux_tva: str | None = None
    valeur_taux_tva: Decimal | None = None


class ListeTauxTva(ChorusResponse):
    """Answer of ``recupererTauxTva``."""

    liste_taux_tva: list[TauxTva] = Field(default_factory=list)


class MotifExonerationTva(ChorusModel):
    """A VAT exemption reason."""

    code_motif_exoneration_tva: str
    libelle_motif_exoneration_tva: str | None = None


class ListeMotifsExonerationTva(ChorusResponse):
    """Answer of ``recupererMotifsExonerationTva``."""

    liste_motifs_exoneration_tva: list[MotifExonerationTva] = Field(default_factory=list)


class ModeReglement(ChorusModel):
    """A payment means (``modePaiement``: ``VIREMENT``, ``CHEQUE``…)."""

    mode_paiement: str


class ListeModesReglement(ChorusResponse):
    """Answer of ``recupererModeReglements``."""

    liste_mode_paiement: list[ModeReglement] = Field(default_factory=list)


class ModeDepotItem(ChorusModel):
    """A deposit mode (``SAISIE_API``, ``DEPOT_PDF_API``…)."""

    mode_depot: str


class ListeModesDepot(ChorusResponse):
    """Answer of ``recupererModeDepot``."""

    liste_mode_depot: list[ModeDepotItem] = Field(default_factory=list)


class FormatFlux(ChorusModel):
    """A flux format family (``IN_DP_E1_STRUCT``, ``IN_DP_E2_MIXTE``…)."""

    format_flux: str


class ListeFormatsFlux(ChorusResponse):
    """Answer of ``recupererFormatFlux``."""

    liste_format_flux: list[FormatFlux] = Field(default_factory=list)


class CadreFacturation(ChorusModel):
    """A billing frame (``A1_FACTURE_FOURNISSEUR``…)."""

    code_cadre_facturation: str


class ListeCadresFacturation(ChorusResponse):
    """Answer of ``recupererCadreFacturation``."""

    liste_cadre_facturation: list[CadreFacturation] = Field(default_factory=list)


class TypeDemandePaiementItem(ChorusModel):
    """A kind of payment request (``FACTURE``, ``FACTURE_TRAVAUX``…)."""

    type_demande_paiement: str


class ListeTypesDemandePaiement(ChorusResponse):
    """Answer of ``recupererTypeDemandePaiement``."""

    liste_type_demande_paiement: list[TypeDemandePaiementItem] = Field(default_factory=list)


# --- flux reports ------------------------------------------------------------------------------


class ConsulterCRParam(ChorusRequest):
    """Request body of ``consulterCR``."""

    numero_flux_depot: str
    date_depot: date | None = None
    syntaxe_flux: Annotated[SyntaxeFlux, official()] | None = None


class CompteRendu(ChorusResponse):
    """Answer of ``consulterCR``: the state of a deposited flux and its PDF report."""

    numero_flux_depot: str | None = None
    etat_courant_flux: EtatFlux | None = None
    date_depot_flux: ChorusDateTime | None = None
    date_heure_etat_courant_flux: ChorusDateTime | None = None
    code_interface_flux: str | None = None
    code_appli_partenaire: str | None = None
    designation_partenaire: str | None = None
    nom_fichier_flux: str | None = None
    fichier_cr: FichierBase64 | None = Field(default=None, alias="fichierCR", repr=False)
    """The report itself (a PDF), decoded from base64."""


class ConsulterCRDetailleParam(ChorusRequest):
    """Request body of ``consulterCRDetaille``."""

    numero_flux_depot: str
    syntaxe_flux: Annotated[SyntaxeFlux, official()] | None = None


class ErreurDemandePaiement(ChorusModel):
    """Why one invoice (demande de paiement) of a flux was refused."""

    identifiant_fournisseur: str | None = None
    identifiant_destinataire: str | None = None
    numero_dp: str | None = Field(default=None, alias="numeroDP")
    """The invoice number, as written in the flux."""
    libelle_erreur_dp: str | None = Field(default=None, alias="libelleErreurDP")


class ErreurTechnique(ChorusModel):
    """A technical error on a whole flux."""

    code_erreur: str | None = None
    libelle_erreur: str | None = None
    nature_erreur: str | None = None


class CompteRenduDetaille(ChorusResponse):
    """Answer of ``consulterCRDetaille``: the state of a flux and the errors found in it."""

    etat_courant_depot_flux: EtatFlux | None = None
    date_depot_flux: ChorusDateTime | None = None
    date_heure_etat_courant_flux: ChorusDateTime | None = None
    code_interface_depot_flux: str | None = None
    nom_fichier: str | None = None
    liste_erreur_dp: LenientList[ErreurDemandePaiement] = Field(
        default_factory=list, alias="listeErreurDP"
    )
    """Errors per invoice; read even when the API sends one object instead of a list."""
    liste_erreur_technique: LenientList[ErreurTechnique] = Field(default_factory=list)


# --- files and the directory ---------------------------------------------------------------------


class AjouterFichierParam(ChorusRequest):
    """Request body of ``ajouterFichierDansSysteme``."""

    piece_jointe_fichier: FichierBase64 = Field(repr=False)
    piece_jointe_nom: str
    piece_jointe_type_mime: str
    piece_jointe_extension: str


class PieceJointeAjoutee(ChorusResponse):
    """Answer of ``ajouterFichierDansSysteme``: the id to quote in an invoice."""

    piece_jointe_id: int | None = None


class FichierAnnuaire(ChorusResponse):
    """Answer of ``telechargerAnnuaireDestinataire``."""

    fichier_resultat: FichierBase64 | None = Field(default=None, repr=False)
    """The directory of public recipients, decoded from base64."""


class RechercherDestinataireParam(ChorusRequest):
    """Request body of ``rechercherDestinataire``."""

    identifiant: str | None = None
    nom_ville_code_postal: str | None = None
    type_structure: Annotated[TypeStructure, official()] | None = None
    parametres_recherche: ParametresRecherche | None = None


class DestinataireTrouve(ChorusModel):
    """A public structure found by ``rechercherDestinataire``."""

    id_structure_cpp: int | None = Field(default=None, alias="idStructureCPP")
    siret: str | None = None
    nom_destinataire: str | None = None
    adresse_code_postal: str | None = None
    adresse_ville: str | None = None


class ListeDestinataires(ChorusResponse):
    """Answer of ``rechercherDestinataire``."""

    liste_destinataires: LenientList[DestinataireTrouve] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None


# --- the user's structures and bank accounts -----------------------------------------------------


class StructureActive(ChorusModel):
    """A structure the technical account is attached to (its ``idStructureCPP``)."""

    id_structure_cpp: int | None = Field(default=None, alias="idStructureCPP")
    identifiant: str | None = None
    designation_structure: str | None = None


class ListeStructuresActives(ChorusResponse):
    """Answer of ``recupererStructuresActivesPourFournisseur`` / ``…PourDestinataire``."""

    liste_structures: LenientList[StructureActive] = Field(default_factory=list)


class CoordonneeBancaire(ChorusModel):
    """A valid bank account of a structure (its id goes in ``soumettreFacture``)."""

    id_coordonnee_bancaire: int | None = None
    nom_coordonnee_bancaire: str | None = None


class ListeCoordonneesBancaires(ChorusResponse):
    """Answer of ``recupererCoordonneesBancairesValides``."""

    liste_coordonnee_bancaire: LenientList[CoordonneeBancaire] = Field(default_factory=list)


# --- what a recipient or a validator may do ------------------------------------------------------


class StatutPossible(ChorusModel):
    """A status a recipient may give an invoice in its current status."""

    statut_possible_pour_traitement: StatutFacture


class ListeStatutsPossibles(ChorusResponse):
    """Answer of ``recupererEtatsPossiblesPourTraitement``."""

    liste_statuts_possibles_pour_traitement: LenientList[StatutPossible] = Field(
        default_factory=list
    )


class TypePieceJointe(ChorusModel):
    """A kind of attachment (``codeTypePieceJointe``)."""

    id_type_piece_jointe: int | None = None
    code_type_piece_jointe: str | None = None
    libelle_type_piece_jointe: str | None = None
    type_objet: TypeObjetPieceJointe | None = None


class ListeTypesPieceJointe(ChorusResponse):
    """Answer of ``recupererTypesPieceJointe``."""

    liste_type_piece_jointe: LenientList[TypePieceJointe] = Field(default_factory=list)


class MotifRefus(ChorusModel):
    """A coded reason a validator may give to refuse an invoice."""

    id_motif: int | None = None
    code_motif: str | None = None
    libelle_motif: str | None = None


class ListeMotifsRefus(ChorusResponse):
    """Answer of ``recupererMotifsRefusFactureAValider``."""

    liste_motif_refus_facture_a_valider: LenientList[MotifRefus] = Field(default_factory=list)
