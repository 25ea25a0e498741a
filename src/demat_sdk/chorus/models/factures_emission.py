# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Models of the supplier's writes to the Factures API.

Deposit of a flux or a PDF, submission of an invoice, completion, recycling,
acknowledgement of rejections, correction of the validator.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from demat_sdk.chorus.enums import (
    CadreFacturation,
    FormatDepot,
    ModeDepotSoumission,
    ModePaiement,
    StatutFacture,
    SyntaxeFlux,
    TypeFacture,
    TypeIdentifiantStructure,
    TypeTva,
)
from demat_sdk.chorus.models.base import ChorusRequest, ChorusResponse
from demat_sdk.chorus.models.fields import (
    ChorusDate,
    ChorusDateTime,
    FichierBase64,
    JsonDecimal,
    official,
)

__all__ = [
    "CompleterFactureParam",
    "CorrigerValideurFactureParam",
    "DeposerFluxFactureParam",
    "DeposerPdfFactureParam",
    "LignePosteSoumettreInput",
    "LigneTvaSoumettreInput",
    "PieceJointeComplementaire",
    "PieceJointeComplementaireSoumettreInput",
    "RecyclerFactureParam",
    "SoumettreFactureCadreDeFacturation",
    "SoumettreFactureDestinataire",
    "SoumettreFactureFournisseur",
    "SoumettreFactureMontantTotal",
    "SoumettreFactureParam",
    "SoumettreFacturePieceJointePrincipale",
    "SoumettreFactureReferences",
    "TraiterFacturesRejeteesListeDemandePaiement",
    "TraiterFacturesRejeteesParam",
    "WsRetour",
    "WsRetourCompleterFacture",
    "WsRetourCorrigerValideurFacture",
    "WsRetourDeposerFluxFacture",
    "WsRetourDeposerPdfFacture",
    "WsRetourRecyclerFacture",
    "WsRetourSoumettreFacture",
]


class DeposerPdfFactureParam(ChorusRequest):
    """Request body of ``deposerPdfFacture``."""

    id_utilisateur_courant: int | None = None
    fichier_facture: FichierBase64 | None = Field(default=None, repr=False)
    nom_fichier: str | None = None
    format_depot: Annotated[FormatDepot, official()] | None = None


class WsRetourDeposerPdfFacture(ChorusResponse):
    """Answer of ``deposerPdfFacture``."""

    numero_facture: str | None = None
    date_facture: ChorusDate | None = None
    code_destinataire: str | None = None
    code_service_executant: str | None = None
    code_fournisseur: str | None = None
    code_devise_facture: str | None = None
    type_facture: TypeFacture | None = None
    type_tva: TypeTva | None = None
    numero_bon_commande: str | None = None
    montant_ttc_avant_remise_global_ttc: Decimal | None = Field(
        default=None, alias="montantTtcAvantRemiseGlobalTTC"
    )
    montant_a_payer: Decimal | None = None
    montant_ht_total: Decimal | None = None
    montant_tva: Decimal | None = Field(default=None, alias="montantTVA")
    piece_jointe_id: int | None = None


class PieceJointeComplementaire(ChorusRequest):
    """An additional attachment given when completing an invoice."""

    piece_jointe_complementaire_designation: str | None = None
    piece_jointe_complementaire_type: str | None = None
    piece_jointe_complementaire_numero_ligne_facture: int | None = None
    piece_jointe_complementaire_id: int | None = None


class CompleterFactureParam(ChorusRequest):
    """Request body of ``completerFacture``."""

    id_utilisateur_courant: int | None = None
    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    piece_jointe_complementaire: list[PieceJointeComplementaire] | None = None
    commentaire: str | None = None


class WsRetourCompleterFacture(ChorusResponse):
    """Answer of ``completerFacture``."""

    page_courante: int | None = None
    pages: int | None = None
    nb_resultats_par_page: int | None = None
    total: int | None = None
    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    numero_facture: str | None = None
    date_traitement: ChorusDateTime | None = None


class SoumettreFactureDestinataire(ChorusRequest):
    """Recipient of an invoice: SIRET and service code."""

    code_destinataire: str | None = None
    code_service_executant: str | None = None


class SoumettreFactureReferences(ChorusRequest):
    """References of a submitted invoice: currency, kind, VAT, order."""

    devise_facture: str | None = None
    type_facture: Annotated[TypeFacture, official(excluding=[TypeFacture.ACOMPTE])] | None = None
    type_tva: Annotated[TypeTva, official()] | None = None
    motif_exoneration_tva: str | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    mode_paiement: Annotated[ModePaiement, official()] | None = None


class RecyclerFactureParam(ChorusRequest):
    """Request body of ``recyclerFacture``."""

    id_utilisateur_courant: int | None = None
    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    destinataire: SoumettreFactureDestinataire | None = None
    commentaire: str | None = None
    reference: SoumettreFactureReferences | None = None


class WsRetourRecyclerFacture(ChorusResponse):
    """Answer of ``recyclerFacture``."""

    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    numero_facture: str | None = None
    statut_facture: StatutFacture | None = None
    date_depot: ChorusDateTime | None = None


class SoumettreFactureFournisseur(ChorusRequest):
    """Supplier of a submitted invoice, its service and bank account."""

    id_fournisseur: int | None = None
    id_service_fournisseur: int | None = None
    code_coordonnees_bancaires_fournisseur: int | None = None


class SoumettreFactureCadreDeFacturation(ChorusRequest):
    """Billing frame of a submitted invoice."""

    code_cadre_facturation: (
        Annotated[
            CadreFacturation,
            official(
                CadreFacturation.A1_FACTURE_FOURNISSEUR,
                CadreFacturation.A2_FACTURE_FOURNISSEUR_DEJA_PAYEE,
                CadreFacturation.A9_FACTURE_SOUSTRAITANT,
                CadreFacturation.A12_FACTURE_COTRAITANT,
            ),
        ]
        | None
    ) = None
    code_structure_valideur: str | None = None
    code_service_valideur: str | None = None


class LignePosteSoumettreInput(ChorusRequest):
    """An invoice line (ligne de poste) of a submitted invoice."""

    ligne_poste_numero: int | None = None
    ligne_poste_reference: str | None = None
    ligne_poste_denomination: str | None = None
    ligne_poste_quantite: JsonDecimal | None = None
    ligne_poste_unite: str | None = None
    ligne_poste_montant_unitaire_ht: JsonDecimal | None = Field(
        default=None, alias="lignePosteMontantUnitaireHT"
    )
    ligne_poste_montant_remise_ht: JsonDecimal | None = Field(
        default=None, alias="lignePosteMontantRemiseHT"
    )
    ligne_poste_taux_tva: str | None = None
    ligne_poste_taux_tva_manuel: JsonDecimal | None = None


class LigneTvaSoumettreInput(ChorusRequest):
    """A VAT summary line of a submitted invoice (one per rate)."""

    ligne_tva_taux: str | None = None
    ligne_tva_montant_base_ht_par_taux: JsonDecimal | None = None
    ligne_tva_montant_tva_par_taux: JsonDecimal | None = None
    ligne_tva_taux_manuel: JsonDecimal | None = None


class SoumettreFactureMontantTotal(ChorusRequest):
    """Totals of a submitted invoice."""

    montant_ht_total: JsonDecimal | None = None
    montant_tva: JsonDecimal | None = Field(default=None, alias="montantTVA")
    montant_ttc_total: JsonDecimal | None = None
    montant_remise_globale_ttc: JsonDecimal | None = Field(
        default=None, alias="montantRemiseGlobaleTTC"
    )
    motif_remise_globale_ttc: str | None = Field(default=None, alias="motifRemiseGlobaleTTC")
    montant_a_payer: JsonDecimal | None = None


class SoumettreFacturePieceJointePrincipale(ChorusRequest):
    """The main attachment (PDF) of a submitted invoice."""

    piece_jointe_principale_designation: str | None = None
    piece_jointe_principale_id: int | None = None


class PieceJointeComplementaireSoumettreInput(ChorusRequest):
    """An additional attachment of a submitted invoice."""

    piece_jointe_complementaire_designation: str | None = None
    piece_jointe_complementaire_type: str | None = None
    piece_jointe_complementaire_numero_ligne_facture: int | None = None
    piece_jointe_complementaire_id: int | None = None
    piece_jointe_complementaire_id_liaison: int | None = None


class SoumettreFactureParam(ChorusRequest):
    """Request body of ``soumettreFacture``."""

    id_utilisateur_courant: int | None = None
    mode_depot: Annotated[ModeDepotSoumission, official()] | None = None
    numero_facture_saisi: str | None = None
    date_facture: date | None = None
    destinataire: SoumettreFactureDestinataire | None = None
    fournisseur: SoumettreFactureFournisseur | None = None
    cadre_de_facturation: SoumettreFactureCadreDeFacturation | None = None
    references: SoumettreFactureReferences | None = None
    ligne_poste: list[LignePosteSoumettreInput] | None = None
    ligne_tva: list[LigneTvaSoumettreInput] | None = None
    montant_total: SoumettreFactureMontantTotal | None = None
    piece_jointe_principale: list[SoumettreFacturePieceJointePrincipale] | None = None
    """An array: the Swagger declares a single object, the API uses an array."""
    piece_jointe_complementaire: list[PieceJointeComplementaireSoumettreInput] | None = None
    commentaire: str | None = None


class WsRetourSoumettreFacture(ChorusResponse):
    """Answer of ``soumettreFacture``."""

    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    numero_facture: str | None = None
    statut_facture: StatutFacture | None = None
    date_depot: ChorusDateTime | None = None
    identifiant_structure: str | None = None
    empreinte_certificat_depot: str | None = None


class TraiterFacturesRejeteesListeDemandePaiement(ChorusRequest):
    """A rejected invoice to acknowledge."""

    id_demande_paiement: int | None = None


class TraiterFacturesRejeteesParam(ChorusRequest):
    """Request body of ``traiterFacturesRejetees``."""

    liste_demande_paiement: list[TraiterFacturesRejeteesListeDemandePaiement] | None = None


class WsRetour(ChorusResponse):
    """Answer of ``traiterFacturesRejetees``."""


class DeposerFluxFactureParam(ChorusRequest):
    """Request body of ``deposerFluxFacture``."""

    id_utilisateur_courant: int | None = None
    fichier_flux: FichierBase64 | None = Field(default=None, repr=False)
    nom_fichier: str | None = None
    syntaxe_flux: (
        Annotated[SyntaxeFlux, official(excluding=[SyntaxeFlux.IN_DP_E3_UBL_INVOICE])] | None
    ) = None
    avec_signature: bool | None = None


class WsRetourDeposerFluxFacture(ChorusResponse):
    """Answer of ``deposerFluxFacture``."""

    numero_flux_depot: str | None = None
    date_depot: ChorusDateTime | None = None
    syntaxe_flux: SyntaxeFlux | None = None


class CorrigerValideurFactureParam(ChorusRequest):
    """Request body of ``corrigerValideurFacture``."""

    id_facture: int | None = None
    id_structure: int | None = None
    type_identifiant_structure: Annotated[TypeIdentifiantStructure, official()] | None = None
    identifiant_structure: str | None = None


class WsRetourCorrigerValideurFacture(ChorusResponse):
    """Answer of ``corrigerValideurFacture``."""

    id_facture: int | None = None
