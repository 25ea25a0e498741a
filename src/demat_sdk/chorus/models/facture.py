# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""The invoice as the ``consulterFacture…`` operations return it.

``FactureCpp``: a received invoice, seen by its recipient; ``FactureCppEmise``: an
issued invoice, seen by its supplier or its validator.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import AliasChoices, Field

from demat_sdk.chorus.enums import (
    CadreFacturation,
    DestinataireEtat,
    ModeDepot,
    ModePaiement,
    StatutFacture,
    TypeCoordonneesBancaires,
    TypeFacture,
    TypeFactureTravaux,
    TypeIdentifiantStructure,
    TypeTva,
)
from demat_sdk.chorus.models.base import ChorusModel, ChorusResponse
from demat_sdk.chorus.models.fields import ChorusDate, ChorusDateTime, LenientList

__all__ = [
    "Affactureur",
    "CadreDeFacturationOutput",
    "Destinataire",
    "DestinataireFactureEmise",
    "FactureCpp",
    "FactureCppEmise",
    "Fournisseur",
    "FournisseurFactureEmise",
    "LignePoste",
    "LigneTva",
    "LignesPostes",
    "LignesTva",
    "MontantTotal",
    "PieceJointe",
    "PieceJointePrincipale",
    "PiecePrecedente",
    "PiecePrecedenteConsulterFactureRecipiendaireOutput",
    "PieceSuivante",
    "PieceSuivanteConsulterFactureRecipiendaireOutput",
    "PiecesJointes",
    "References",
    "WsRetourFacturesEmises",
    "WsRetourFacturesRecues",
]


class Destinataire(ChorusModel):
    """Recipient of a received invoice, with its address."""

    destinataire_etat: DestinataireEtat | None = None
    id_destinataire: int | None = None
    code_destinataire: str | None = None
    libelle_destinataire: str | None = None
    id_service_executant: int | None = None
    code_service_executant: str | None = None
    libelle_service_executant: str | None = None
    adresse_destinataire_id: int | None = None
    adresse_destinataire_detail: str | None = None
    adresse_destinataire_complement1: str | None = None
    adresse_destinataire_complement2: str | None = None
    adresse_destinataire_code_postal: str | None = None
    adresse_destinataire_ville: str | None = None
    adresse_destinataire_code_pays: str | None = None
    adresse_destinataire_libelle_pays: str | None = None


class Affactureur(ChorusModel):
    """The factor (affactureur) an invoice is assigned to."""

    affactureur_id: int | None = None
    affactureur_code: str | None = None
    affactureur_type_identifiant: TypeIdentifiantStructure | None = None
    affactureur_raison_sociale: str | None = None
    affactureur_code_pays: str | None = None


class Fournisseur(ChorusModel):
    """Supplier of a received invoice: identity, address, bank account, factor."""

    id_fournisseur: int | None = None
    type_identifiant_fournisseur: TypeIdentifiantStructure | None = None
    code_fournisseur: str | None = None
    designation_fournisseur: str | None = None
    id_service_fournisseur: int | None = None
    code_service_fournisseur: str | None = None
    libelle_service_fournisseur: str | None = None
    adresse_fournisseur_id: int | None = None
    adresse_fournisseur_detail: str | None = None
    adresse_fournisseur_complement1: str | None = None
    adresse_fournisseur_complement2: str | None = None
    adresse_fournisseur_code_postal: str | None = None
    adresse_fournisseur_ville: str | None = None
    adresse_fournisseur_code_pays: str | None = None
    adresse_fournisseur_libelle_pays: str | None = None
    numero_rcs_fournisseur: str | None = None
    coord_bancaires_fournisseur_cle_iban: str | None = None
    coord_bancaires_fournisseur_cle_rib: str | None = None
    coord_bancaires_fournisseur_code_banque: str | None = None
    coord_bancaires_code_guichet: str | None = None
    coord_bancaires_bic_swift: str | None = None
    coord_bancaires_fournisseur_code_pays: str | None = None
    coord_bancaires_fournisseur_compte_bancaire: str | None = None
    coord_bancaires_fournisseur_id: int | None = None
    coord_bancaires_fournisseur_type: TypeCoordonneesBancaires | None = None
    coord_bancaires_fournisseur_libelle: str | None = None
    affactureur: Affactureur | None = None


class CadreDeFacturationOutput(ChorusModel):
    """Billing frame of an invoice, with its validators, MOE and MOA."""

    code_cadre_facturation: CadreFacturation | None = None
    id_valideur1: int | None = None
    type_identifiant_valideur1: TypeIdentifiantStructure | None = None
    code_valideur1: str | None = None
    raison_sociale_valideur1: str | None = None
    nom_valideur1: str | None = None
    prenom_valideur1: str | None = None
    date_validation1: ChorusDateTime | None = None
    id_valideur2: int | None = None
    type_identifiant_valideur2: TypeIdentifiantStructure | None = None
    code_valideur2: str | None = None
    raison_sociale_valideur2: str | None = None
    nom_valideur2: str | None = None
    prenom_valideur2: str | None = None
    date_validation2: ChorusDateTime | None = None
    id_moe: int | None = None
    type_identifiant_moe: TypeIdentifiantStructure | None = None
    identifiant_moe: str | None = None
    raison_sociale_moe: str | None = None
    nom_moe: str | None = None
    prenom_moe: str | None = None
    id_service_moe: int | None = None
    code_service_moe: str | None = None
    nom_service_moe: str | None = None
    id_moa: int | None = None
    type_identifiant_moa: TypeIdentifiantStructure | None = None
    identifiant_moa: str | None = None
    raison_sociale_moa: str | None = None
    id_service_moa: int | None = None
    code_service_moa: str | None = None
    nom_service_moa: str | None = None
    designation_valideur2: str | None = None
    designation_moe: str | None = None
    designation_moa: str | None = None


class PiecePrecedenteConsulterFactureRecipiendaireOutput(ChorusModel):
    """The previous document of a received works invoice."""

    cadre_facturation_piece_precedente: CadreFacturation | None = None
    id_piece_precedente: int | None = None
    numero_piece_precedente: str | None = None
    id_destinataire_piece_precedente: int | None = None
    identifiant_destinataire_piece_precedente: str | None = None
    raison_sociale_destinataire_piece_precedente: str | None = None
    id_service_executant_piece_precedente: int | None = None
    code_service_executant_piece_precedente: str | None = None
    nom_service_executant_piece_precedente: str | None = None


class PieceSuivanteConsulterFactureRecipiendaireOutput(ChorusModel):
    """The next document of a received works invoice."""

    cadre_facturation_piece_suivante: CadreFacturation | None = None
    id_piece_suivante: int | None = None
    numero_piece_suivante: str | None = None


class References(ChorusModel):
    """References of an invoice: dates, currency, kind, VAT, order, payment."""

    date_facture: ChorusDate | None = None
    date_depot: ChorusDateTime | None = None
    code_devise_facture: str | None = None
    libelle_devise_facture: str | None = None
    type_facture: TypeFacture | None = None
    type_facture_travaux: TypeFactureTravaux | None = None
    type_tva: TypeTva | None = None
    motif_exoneration_tva: str | None = None
    libelle_motif_exoneration_tva: str | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    mode_paiement: ModePaiement | None = None
    date_creation_facture: ChorusDateTime | None = None
    date_echeance_paiement: ChorusDate | None = None
    taille_totale_pieces_jointes: Decimal | None = None
    numero_dp_mandat: str | None = None


class LigneTva(ChorusModel):
    """A VAT summary line (one per rate)."""

    ligne_tva_taux_ref_id: int | None = None
    ligne_tva_taux_ref_code: str | None = None
    ligne_tva_taux_ref_libelle: str | None = None
    ligne_tva_taux_ref_valeur: Decimal | None = None
    ligne_tva_taux_manuel: Decimal | None = None
    ligne_tva_montant_base_ht_par_taux: Decimal | None = None
    ligne_tva_montant_tva_par_taux: Decimal | None = None


class LignesTva(ChorusModel):
    """A page of an invoice's VAT summary lines."""

    ligne_tva: LenientList[LigneTva] = Field(default_factory=list)
    page_courante_lignes_recapitulatives_tva: int | None = Field(
        default=None, alias="pageCouranteLignesRecapitulativesTVA"
    )
    pages_lignes_recapitulatives_tva: int | None = Field(
        default=None, alias="pagesLignesRecapitulativesTVA"
    )
    nb_resultats_par_page_lignes_recapitulatives_tva: int | None = Field(
        default=None, alias="nbResultatsParPageLignesRecapitulativesTVA"
    )
    total_lignes_recapitulatives_tva: int | None = Field(
        default=None, alias="totalLignesRecapitulativesTVA"
    )


class MontantTotal(ChorusModel):
    """Totals of an invoice."""

    montant_ht_total: Decimal | None = None
    montant_tva: Decimal | None = Field(default=None, alias="montantTVA")
    montant_ttc_avant_remise_global_ttc: Decimal | None = Field(
        default=None, alias="montantTtcAvantRemiseGlobalTTC"
    )
    montant_remise_globale_ttc: Decimal | None = Field(
        default=None, alias="montantRemiseGlobaleTTC"
    )
    motif_remise_globale_ttc: str | None = Field(default=None, alias="motifRemiseGlobaleTTC")
    montant_ttc_total: Decimal | None = None
    montant_a_payer: Decimal | None = None


class PieceJointePrincipale(ChorusModel):
    """The main attachment of an invoice (its PDF)."""

    id_liaison_piece_jointe_principale: int | None = None
    id_piece_jointe_principale: int | None = None


class PieceJointe(ChorusModel):
    """An attachment of an invoice."""

    piece_jointe_type_code: str | None = None
    piece_jointe_type_libelle: str | None = None
    piece_jointe_designation: str | None = None
    piece_jointe_numero_ligne_facture: int | None = None
    piece_jointe_id_liaison: int | None = None
    piece_jointe_id: int | None = None
    piece_jointe_extension: str | None = None


class PiecesJointes(ChorusModel):
    """A page of an invoice's attachments."""

    piece_jointe: LenientList[PieceJointe] = Field(default_factory=list)
    page_courante_liste_pieces_jointe: int | None = None
    pages_liste_pieces_jointe: int | None = None
    nb_resultats_par_page_liste_pieces_jointe: int | None = None
    total_liste_pieces_jointe: int | None = None


class LignePoste(ChorusModel):
    """An invoice line (ligne de poste) with its computed amounts."""

    ligne_poste_numero: int | None = None
    ligne_poste_reference: str | None = None
    ligne_poste_denomination: str | None = None
    ligne_poste_quantite: Decimal | None = None
    ligne_poste_unite_code: int | None = None
    ligne_poste_unite_libelle: str | None = None
    ligne_poste_montant_unitaire_ht: Decimal | None = Field(
        default=None, alias="lignePosteMontantUnitaireHT"
    )
    ligne_poste_montant_remise_ht: Decimal | None = Field(
        default=None, alias="lignePosteMontantRemiseHT"
    )
    ligne_poste_taux_tva: str | None = None
    ligne_poste_taux_tva_manuel: Decimal | None = None
    ligne_poste_montant_ht_apres_remise: Decimal | None = None
    ligne_poste_montant_tva: Decimal | None = None
    ligne_poste_montant_ttc_apres_remise: Decimal | None = None


class LignesPostes(ChorusModel):
    """A page of an invoice's lines."""

    ligne_poste: LenientList[LignePoste] = Field(default_factory=list)
    page_courante_lignes_poste: int | None = None
    pages_lignes_poste: int | None = None
    nb_resultats_par_page_lignes_poste: int | None = None
    total_lignes_poste: int | None = None


class FactureCpp(ChorusModel):
    """A received invoice as its recipient sees it."""

    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    numero_facture: str | None = None
    statut_facture: StatutFacture | None = None
    mode_depot: ModeDepot | None = None
    destinataire: Destinataire | None = None
    fournisseur: Fournisseur | None = None
    cadre_de_facturation: CadreDeFacturationOutput | None = None
    piece_precedente: PiecePrecedenteConsulterFactureRecipiendaireOutput | None = None
    piece_suivante: PieceSuivanteConsulterFactureRecipiendaireOutput | None = None
    references: References | None = None
    recapitulatif_de_tva: LignesTva | None = None
    montant_total: MontantTotal | None = None
    piece_jointe_principale: LenientList[PieceJointePrincipale] = Field(default_factory=list)
    """An array: the Swagger declares a single object, the API uses an array."""
    liste_des_pieces_jointes: PiecesJointes | None = None
    lignes_de_poste: LignesPostes | None = None
    commentaire: str | None = None


class WsRetourFacturesRecues(ChorusResponse):
    """Answer of ``consulterFactureParRecipiendaire``."""

    facture: FactureCpp | None = None


class DestinataireFactureEmise(ChorusModel):
    """Recipient of an issued invoice, with its address."""

    id_destinataire: int | None = None
    code_destinataire: str | None = None
    libelle_destinataire: str | None = None
    id_service_executant: int | None = None
    code_service_executant: str | None = None
    libelle_service_executant: str | None = None
    mise_en_paiement_destinataire: bool | None = None
    adresse_destinataire_id: int | None = None
    adresse_destinataire_detail: str | None = None
    adresse_destinataire_complement1: str | None = None
    adresse_destinataire_complement2: str | None = None
    adresse_destinataire_code_postal: str | None = None
    adresse_destinataire_ville: str | None = None
    adresse_destinataire_code_pays: str | None = None
    adresse_destinataire_libelle_pays: str | None = None
    designation_destinataire: str | None = None


class FournisseurFactureEmise(ChorusModel):
    """Supplier of an issued invoice: identity, address, bank account."""

    id_fournisseur: int | None = None
    type_identifiant_fournisseur: TypeIdentifiantStructure | None = None
    code_fournisseur: str | None = None
    raison_sociale_fournisseur: str | None = None
    nom_fournisseur: str | None = None
    prenom_fournisseur: str | None = None
    id_service_fournisseur: int | None = None
    code_service_fournisseur: str | None = None
    libelle_service_fournisseur: str | None = None
    adresse_fournisseur_id: int | None = None
    adresse_fournisseur_detail: str | None = None
    adresse_fournisseur_complement1: str | None = None
    adresse_fournisseur_complement2: str | None = None
    adresse_fournisseur_code_postal: str | None = None
    adresse_fournisseur_ville: str | None = None
    adresse_fournisseur_code_pays: str | None = None
    adresse_fournisseur_libelle_pays: str | None = None
    numero_rcs_fournisseur: str | None = None
    coord_bancaires_fournisseur_cle_iban: str | None = None
    coord_bancaires_fournisseur_cle_rib: str | None = None
    coord_bancaires_fournisseur_code_banque: str | None = None
    coord_bancaires_code_guichet: str | None = None
    coord_bancaires_bic_swift: str | None = None
    coord_bancaires_fournisseur_code_pays: str | None = None
    coord_bancaires_fournisseur_compte_bancaire: str | None = None
    coord_bancaires_fournisseur_id: int | None = None
    coord_bancaires_fournisseur_type: TypeCoordonneesBancaires | None = None
    coord_bancaires_fournisseur_libelle: str | None = None
    affactureur: Affactureur | None = None
    designation_fournisseur: str | None = None


class PiecePrecedente(ChorusModel):
    """The previous document of an issued works invoice."""

    cadre_facturation_piece_precedente: CadreFacturation | None = None
    id_piece_precedente: int | None = None
    numero_piece_precedente: str | None = None
    id_destinataire_piece_precedente: int | None = None
    identifiant_destinataire_piece_precedente: str | None = None
    raison_sociale_destinataire_piece_precedente: str | None = None
    id_service_executant_piece_precedente: int | None = None
    code_service_executant_piece_precedente: str | None = None
    nom_service_executant_piece_precedente: str | None = None


class PieceSuivante(ChorusModel):
    """The next document of an issued works invoice."""

    cadre_facturation_piece_suivante: CadreFacturation | None = None
    id_piece_suivante: int | None = None
    numero_piece_suivante: str | None = Field(
        default=None, validation_alias=AliasChoices("numeroPieceSuivante", "numeroPieceSuiante")
    )
    """The Swagger spells this key ``numeroPieceSuiante``."""


class FactureCppEmise(ChorusModel):
    """An issued invoice as its supplier (or validator) sees it."""

    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    numero_facture: str | None = None
    statut_facture: StatutFacture | None = None
    mode_depot: ModeDepot | None = None
    rejet_traite: bool | None = None
    destinataire: DestinataireFactureEmise | None = None
    fournisseur: FournisseurFactureEmise | None = None
    cadre_de_facturation: CadreDeFacturationOutput | None = None
    references: References | None = None
    recapitulatif_de_tva: LignesTva | None = None
    montant_total: MontantTotal | None = None
    piece_jointe_principale: LenientList[PieceJointePrincipale] = Field(default_factory=list)
    """An array: the Swagger declares a single object, the API uses an array."""
    liste_des_pieces_jointes: PiecesJointes | None = None
    piece_precedente: PiecePrecedente | None = None
    piece_suivante: PieceSuivante | None = None
    lignes_de_poste: LignesPostes | None = None
    commentaire: str | None = None


class WsRetourFacturesEmises(ChorusResponse):
    """Answer of ``consulterFactureParValideur`` and ``consulterFactureParFournisseur``."""

    facture: FactureCppEmise | None = None
