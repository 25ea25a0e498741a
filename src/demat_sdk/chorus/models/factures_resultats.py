# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Answers of the invoice searches: pages of invoices or payment requests."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from demat_sdk.chorus.enums import (
    CadreFacturation,
    DpOuDpArchive,
    ModeDepot,
    StatutFacture,
    TypeDemandePaiement,
    TypeFacture,
    TypeFactureTravaux,
    TypeIdentifiantStructure,
)
from demat_sdk.chorus.models.base import ChorusModel, ChorusResponse, ParametresRetour
from demat_sdk.chorus.models.fields import ChorusDate, ChorusDateTime, LenientList

__all__ = [
    "FactureRechercheRecipiendaire",
    "FactureRechercheValideur",
    "FactureRechercherATraiterFournisseur",
    "RechercherDemandePaiementOutputListeDemandePaiement",
    "RetourRechercherFactureParFournisseur",
    "WsRetourRechercheFactureRecipiendaire",
    "WsRetourRechercheFactureRecipiendaireRest",
    "WsRetourRechercherDemandePaiement",
    "WsRetourRechercherFactureATraiterParFournisseur",
    "WsRetourRechercherFactureATraiterParValideur",
    "WsRetourRechercherFactureParFournisseur",
    "WsRetourRechercherFactureParValideur",
]


class FactureRechercheValideur(ChorusModel):
    """An invoice found by a validator's search."""

    id_facture: int | None = None
    type_demande_paiement: TypeDemandePaiement | None = None
    id_fournisseur: int | None = None
    identifiant_fournisseur: str | None = None
    type_identifiant_fournisseur: TypeIdentifiantStructure | None = None
    designation_fournisseur: str | None = None
    code_service_fournisseur: str | None = None
    nom_service_fournisseur: str | None = None
    id_moe: int | None = None
    type_identifiant_moe: TypeIdentifiantStructure | None = None
    identifiant_moe: str | None = None
    designation_moe: str | None = None
    id_service_moe: int | None = None
    code_service_moe: str | None = None
    nom_service_moe: str | None = None
    id_moa: int | None = None
    type_identifiant_moa: TypeIdentifiantStructure | None = None
    identifiant_moa: str | None = None
    designation_moa: str | None = None
    id_service_moa: int | None = None
    code_service_moa: str | None = None
    nom_service_moa: str | None = None
    id_destinataire: int | None = None
    type_identifiant_destinataire: TypeIdentifiantStructure | None = None
    identifiant_destinataire: str | None = None
    designation_destinataire: str | None = None
    id_service_executant: int | None = None
    code_service_executant: str | None = None
    nom_service_executant: str | None = None
    id_valideur: int | None = None
    type_identifiant_valideur: TypeIdentifiantStructure | None = None
    identifiant_valideur: str | None = None
    designation_valideur: str | None = None
    type_facture: TypeFacture | None = None
    type_facture_travaux: TypeFactureTravaux | None = None
    numero_facture: str | None = None
    date_facture: ChorusDate | None = None
    date_depot: ChorusDateTime | None = None
    montant_ht: Decimal | None = Field(default=None, alias="montantHT")
    """A decimal amount: the Swagger declares an integer."""
    montant_ttc: Decimal | None = Field(default=None, alias="montantTTC")
    """A decimal amount: the Swagger declares an integer."""
    montant_a_payer: Decimal | None = None
    """A decimal amount: the Swagger declares an integer."""
    devise: str | None = None
    statut: StatutFacture | None = None
    numero_marche: str | None = None
    numero_engagement: str | None = None


class WsRetourRechercherFactureATraiterParValideur(ChorusResponse):
    """Answer of ``rechercherFactureATraiterParValideur``."""

    parametres_retour: ParametresRetour | None = None
    liste_factures: LenientList[FactureRechercheValideur] = Field(default_factory=list)


class RechercherDemandePaiementOutputListeDemandePaiement(ChorusModel):
    """A payment request found."""

    id_demande_paiement: int | None = None
    numero_demande_paiement: str | None = None
    type_demande_paiement: TypeDemandePaiement | None = None
    type_facture: TypeFacture | None = None
    type_facture_travaux: TypeFactureTravaux | None = None
    cadre_facturation: CadreFacturation | None = None
    etat_courant: StatutFacture | None = None
    date_heure_etat_courant: ChorusDateTime | None = None
    date_fournisseur: ChorusDate | None = None
    date_depot: ChorusDateTime | None = None
    montant_ht: Decimal | None = Field(default=None, alias="montantHT")
    montant_ttc: Decimal | None = Field(default=None, alias="montantTTC")
    montant_a_payer: Decimal | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    id_structure_fournisseur: int | None = None
    id_service_fournisseur: int | None = None
    id_structure_moe: int | None = None
    id_service_moe: int | None = None
    id_structure_moa: int | None = None
    id_service_moa: int | None = None
    id_structure_valideur1: int | None = None
    id_structure_valideur2: int | None = None
    id_structure_destinataire: int | None = None
    id_service_destinataire: int | None = None
    dp_ou_dp_archive: DpOuDpArchive | None = None
    numero_dossier_facturation: str | None = None
    id_dossier_facturation: int | None = None
    commentaire_etat_courant: str | None = None
    numero_dp_mandat: str | None = None
    siret_fournisseur_qualif: str | None = None
    siret_destinataire_qualif: str | None = None
    nombre_resultat_total: str | None = None
    code_service_destinataire: str | None = None
    nom_service_destinataire: str | None = None
    identifiant_structure_fournisseur: str | None = None
    identifiant_structure_destinataire: str | None = None


class WsRetourRechercherDemandePaiement(ChorusResponse):
    """Answer of ``rechercherDemandePaiement``."""

    liste_demande_paiement: LenientList[RechercherDemandePaiementOutputListeDemandePaiement] = (
        Field(default_factory=list)
    )
    total: int | None = None


class FactureRechercheRecipiendaire(ChorusModel):
    """An invoice found by a recipient's search."""

    id_facture: int | None = None
    devise: str | None = None
    type_demande_paiement: TypeDemandePaiement | None = None
    code_fournisseur: str | None = None
    type_identifiant_fournisseur: TypeIdentifiantStructure | None = None
    designation_fournisseur: str | None = None
    code_service_fournisseur: str | None = None
    nom_service_fournisseur: str | None = None
    id_destinataire: int | None = None
    code_destinataire: str | None = None
    designation_destinataire: str | None = None
    id_service_executant: int | None = None
    code_service_executant: str | None = None
    nom_service_executant: str | None = None
    type_facture: TypeFacture | None = None
    type_facture_travaux: TypeFactureTravaux | None = None
    numero_facture: str | None = None
    date_facture: ChorusDate | None = None
    date_depot: ChorusDateTime | None = None
    montant_ht: Decimal | None = Field(default=None, alias="montantHT")
    montant_ttc: Decimal | None = Field(default=None, alias="montantTTC")
    montant_a_payer: Decimal | None = None
    statut: StatutFacture | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    taille: int | None = None
    facture_telechargee_par_destinataire: bool | None = None
    code_moe: str | None = Field(default=None, alias="codeMOE")
    type_identifiant_moe: TypeIdentifiantStructure | None = Field(
        default=None, alias="typeIdentifiantMOE"
    )
    designation_moe: str | None = Field(default=None, alias="designationMOE")
    code_moa: str | None = Field(default=None, alias="codeMOA")
    type_identifiant_moa: TypeIdentifiantStructure | None = Field(
        default=None, alias="typeIdentifiantMOA"
    )
    designation_moa: str | None = Field(default=None, alias="designationMOA")
    date_heure_etat_courant: ChorusDateTime | None = None
    commentaire_etat_courant: str | None = None


class WsRetourRechercheFactureRecipiendaireRest(ChorusResponse):
    """Answer of ``rechercherFactureRecipiendaire``."""

    liste_factures: LenientList[FactureRechercheRecipiendaire] = Field(default_factory=list)
    page_courante: int | None = None
    pages: int | None = None
    nb_resultats_par_page: int | None = None
    total: int | None = None


class WsRetourRechercherFactureParValideur(ChorusResponse):
    """Answer of ``rechercherFactureParValideur``."""

    parametres_retour: ParametresRetour | None = None
    liste_factures: LenientList[FactureRechercheValideur] = Field(default_factory=list)


class RetourRechercherFactureParFournisseur(ChorusModel):
    """An invoice found by a supplier's search."""

    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    type_demande_paiement: TypeDemandePaiement | None = None
    code_fournisseur: str | None = None
    type_identifiant_fournisseur: TypeIdentifiantStructure | None = None
    designation_fournisseur: str | None = None
    code_service_fournisseur: str | None = None
    nom_service_fournisseur: str | None = None
    id_destinataire: int | None = None
    code_destinataire: str | None = None
    designation_destinataire: str | None = None
    id_service_executant: int | None = None
    code_service_executant: str | None = None
    nom_service_executant: str | None = None
    type_facture: TypeFacture | None = None
    numero_facture: str | None = None
    date_facture: ChorusDate | None = None
    date_depot: ChorusDateTime | None = None
    montant_ht: Decimal | None = Field(default=None, alias="montantHT")
    montant_ttc: Decimal | None = Field(default=None, alias="montantTTC")
    montant_a_payer: Decimal | None = None
    devise: str | None = None
    statut: StatutFacture | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_flux_depot: str | None = None
    type_identifiant_valideur1: TypeIdentifiantStructure | None = None
    code_valideur1: str | None = None
    raison_sociale_valideur1: str | None = None
    nom_valideur1: str | None = None
    prenom_valideur1: str | None = None
    date_validation1: ChorusDateTime | None = None
    type_identifiant_valideur2: TypeIdentifiantStructure | None = None
    code_valideur2: str | None = None
    raison_sociale_valideur2: str | None = None
    nom_valideur2: str | None = None
    prenom_valideur2: str | None = None
    date_validation2: ChorusDateTime | None = None
    numero_facture_origine: str | None = None
    mode_depot: ModeDepot | None = None
    coord_bancaires_fournisseur_cle_iban: str | None = None
    coord_bancaires_fournisseur_cle_rib: str | None = None
    coord_bancaires_fournisseur_code_banque: str | None = None
    coord_bancaires_fournisseur_code_pays: str | None = None
    coord_bancaires_fournisseur_compte_bancaire: str | None = None
    coord_bancaires_fournisseur_nom_cb: str | None = None
    affactureur_code: str | None = None
    affactureur_type_identifiant: TypeIdentifiantStructure | None = None
    affactureur_raison_sociale: str | None = None
    nom_prenom_utilisateur_createur: str | None = None
    taille: int | None = None
    date_heure_etat_courant: ChorusDateTime | None = None
    commentaire_etat_courant: str | None = None
    rejet_traite: bool | None = None


class WsRetourRechercherFactureParFournisseur(ChorusResponse):
    """Answer of ``rechercherFactureParFournisseur``."""

    parametres_retour: ParametresRetour | None = None
    liste_factures: LenientList[RetourRechercherFactureParFournisseur] = Field(default_factory=list)


class WsRetourRechercheFactureRecipiendaire(ChorusResponse):
    """Answer of ``rechercherFactureATraiterParRecipiendaire``."""

    liste_factures: LenientList[FactureRechercheRecipiendaire] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None


class FactureRechercherATraiterFournisseur(ChorusModel):
    """An invoice the supplier has to act on."""

    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    type_demande_paiement: TypeDemandePaiement | None = None
    code_fournisseur: str | None = None
    type_identifiant_fournisseur: TypeIdentifiantStructure | None = None
    designation_fournisseur: str | None = None
    code_service_fournisseur: str | None = None
    nom_service_fournisseur: str | None = None
    id_destinataire: int | None = None
    code_destinataire: str | None = None
    designation_destinataire: str | None = None
    id_service_executant: int | None = None
    code_service_executant: str | None = None
    nom_service_executant: str | None = None
    type_facture: TypeFacture | None = None
    numero_facture: str | None = None
    date_facture: ChorusDate | None = None
    date_depot: ChorusDateTime | None = None
    montant_ht: Decimal | None = Field(default=None, alias="montantHT")
    montant_ttc: Decimal | None = Field(default=None, alias="montantTTC")
    montant_a_payer: Decimal | None = None
    devise: str | None = None
    statut: StatutFacture | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    taille: int | None = None


class WsRetourRechercherFactureATraiterParFournisseur(ChorusResponse):
    """Answer of ``rechercherFactureATraiterParFournisseur``."""

    parametres_retour: ParametresRetour | None = None
    liste_factures: LenientList[FactureRechercherATraiterFournisseur] = Field(default_factory=list)
