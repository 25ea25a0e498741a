# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Request bodies of the invoice searches and their paging parameters."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from demat_sdk.chorus.enums import (
    CadreFacturation,
    DpOuDpArchive,
    ModeDepot,
    RoleUtilisateur,
    StatutFacture,
    TriSens,
    TypeDemandePaiement,
    TypeFacture,
    TypeFactureTravaux,
    TypeIdentifiantStructure,
)
from demat_sdk.chorus.models.base import ChorusRequest
from demat_sdk.chorus.models.fields import JsonDecimal, official
from demat_sdk.chorus.tri import (
    TriFacturesATraiterFournisseur,
    TriFacturesATraiterRecipiendaire,
    TriFacturesATraiterValideur,
    TriFacturesFournisseur,
    TriFacturesRecipiendaire,
    TriFacturesValideur,
)

__all__ = [
    "CritereDestinatairePojo",
    "CritereFournisseurPojo",
    "ParamRechercheDemandeRecipiendaire",
    "ParamRechercheFactureATraiterParFournisseur",
    "ParametreRechercheFactureATraiterParRecipiendaire",
    "ParametresRechercherFactureATraiterParValideur",
    "ParametresRechercherFactureParFournisseur",
    "ParametresRechercherFactureParValideur",
    "RechercherDemandePaiementParam",
    "RechercherDemandePaiementStructureDestinataireInput",
    "RechercherDemandePaiementStructureFournisseurInput",
    "RechercherDemandePaiementStructureMoaInput",
    "RechercherDemandePaiementStructureMoeInput",
    "RechercherDemandePaiementStructureValideurInput",
    "RechercherFactureATraiterParFournisseurParam",
    "RechercherFactureATraiterParRecipiendaireParam",
    "RechercherFactureATraiterParValideurParam",
    "RechercherFactureParFournisseurParam",
    "RechercherFactureParValideurParam",
    "RechercherFactureRecipiendaireParam",
]


class ParametresRechercherFactureATraiterParValideur(ChorusRequest):
    """Paging and sort of ``rechercherFactureATraiterParValideur``."""

    page_resultat_demandee: int | None = None
    nb_resultats_par_page: int | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    tri_colonne: Annotated[TriFacturesATraiterValideur, official()] | None = None


class RechercherFactureATraiterParValideurParam(ChorusRequest):
    """Request body of ``rechercherFactureATraiterParValideur``."""

    id_utilisateur_courant: int | None = None
    id_structure: int | None = None
    type_identifiant_structure: Annotated[TypeIdentifiantStructure, official()] | None = None
    identifiant_structure: str | None = None
    pagination: ParametresRechercherFactureATraiterParValideur | None = None


class RechercherDemandePaiementStructureFournisseurInput(ChorusRequest):
    """Supplier criterion of a search."""

    id_structure_fournisseur: int | None = None
    type_identifiant_structure_fournisseur: (
        Annotated[TypeIdentifiantStructure, official()] | None
    ) = None
    identifiant_structure_fournisseur: str | None = None


class RechercherDemandePaiementStructureMoeInput(ChorusRequest):
    """Project manager (MOE) criterion of a search."""

    id_structure_moe: int | None = None
    type_identifiant_structure_moe: Annotated[TypeIdentifiantStructure, official()] | None = None
    identifiant_structure_moe: str | None = None


class RechercherDemandePaiementStructureMoaInput(ChorusRequest):
    """Project owner (MOA) criterion of a search."""

    id_structure_moa: int | None = None
    type_identifiant_structure_moa: Annotated[TypeIdentifiantStructure, official()] | None = None
    identifiant_structure_moa: str | None = None


class RechercherDemandePaiementStructureValideurInput(ChorusRequest):
    """Validator criterion of a search."""

    id_structure_valideur: int | None = None
    type_identifiant_structure_valideur: Annotated[TypeIdentifiantStructure, official()] | None = (
        None
    )
    identifiant_structure_valideur: str | None = None


class RechercherDemandePaiementStructureDestinataireInput(ChorusRequest):
    """Recipient criterion of a search."""

    id_structure_destinataire: int | None = None
    type_identifiant_structure_destinataire: (
        Annotated[TypeIdentifiantStructure, official()] | None
    ) = None
    identifiant_structure_destinataire: str | None = None


class RechercherDemandePaiementParam(ChorusRequest):
    """Request body of ``rechercherDemandePaiement``."""

    role_utilisateur: Annotated[RoleUtilisateur, official()] | None = None
    numero_facture: str | None = None
    type_demande_paiement: Annotated[TypeDemandePaiement, official()] | None = None
    type_facture: Annotated[TypeFacture, official()] | None = None
    type_facture_travaux: Annotated[TypeFactureTravaux, official()] | None = None
    cadre_facturation: (
        Annotated[
            CadreFacturation, official(excluding=[CadreFacturation.SANS_CADRE_DE_FACTURATION])
        ]
        | None
    ) = None
    statut_courant: list[Annotated[StatutFacture, official()]] | None = None
    periode_date_heure_etat_courant_du: date | None = None
    periode_date_heure_etat_courant_au: date | None = None
    periode_date_fournisseur_du: date | None = None
    periode_date_fournisseur_au: date | None = None
    periode_date_depot_du: date | None = None
    periode_date_depot_au: date | None = None
    montant_ht_min: JsonDecimal | None = Field(default=None, alias="montantHTMin")
    montant_ht_max: JsonDecimal | None = Field(default=None, alias="montantHTMax")
    montant_ttc_min: JsonDecimal | None = Field(default=None, alias="montantTTCMin")
    montant_ttc_max: JsonDecimal | None = Field(default=None, alias="montantTTCMax")
    montant_a_payer_min: JsonDecimal | None = None
    montant_a_payer_max: JsonDecimal | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    structure_fournisseur: RechercherDemandePaiementStructureFournisseurInput | None = None
    recherche_siren_fournisseur: bool | None = None
    id_service_fournisseur: int | None = None
    structure_moe: RechercherDemandePaiementStructureMoeInput | None = None
    id_service_moe: int | None = None
    structure_moa: RechercherDemandePaiementStructureMoaInput | None = None
    id_service_moa: int | None = None
    structure_valideur: RechercherDemandePaiementStructureValideurInput | None = None
    structure_destinataire: RechercherDemandePaiementStructureDestinataireInput | None = None
    recherche_siren_destinataire: bool | None = None
    id_service_destinataire: int | None = None
    dp_ou_dp_archive: Annotated[DpOuDpArchive, official()] | None = None
    numero_dossier_facturation: str | None = None
    numero_facture_memoire: str | None = None
    numero_dp_mandat: str | None = None


class CritereFournisseurPojo(ChorusRequest):
    """A supplier (and some of its services) to search invoices from."""

    id_fournisseur: int | None = None
    liste_id_service: list[int] | None = None


class ParamRechercheDemandeRecipiendaire(ChorusRequest):
    """Paging and sort of ``rechercherFactureRecipiendaire``."""

    nb_resultats_maximum: int | None = None
    page_resultat_demandee: int | None = None
    nb_resultats_par_page: int | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    tri_colonne: Annotated[TriFacturesRecipiendaire, official()] | None = None


class RechercherFactureRecipiendaireParam(ChorusRequest):
    """Request body of ``rechercherFactureRecipiendaire``."""

    id_utilisateur_courant: int | None = None
    type_demande_paiement: (
        Annotated[
            TypeDemandePaiement,
            official(TypeDemandePaiement.FACTURE, TypeDemandePaiement.FACTURE_TRAVAUX),
        ]
        | None
    ) = None
    id_destinataire: int | None = None
    id_service_executant: int | None = None
    numero_facture: str | None = None
    periode_date_depot_du: date | None = None
    periode_date_depot_au: date | None = None
    liste_type_facture: (
        list[Annotated[TypeFacture, official(excluding=[TypeFacture.ACOMPTE])]] | None
    ) = None
    liste_type_facture_travaux: list[Annotated[TypeFactureTravaux, official()]] | None = None
    liste_fournisseurs: list[CritereFournisseurPojo] | None = None
    recherche_siren_fournisseur: bool | None = None
    id_structure_valideur: int | None = None
    cadre_facturation: (
        Annotated[
            CadreFacturation,
            official(
                excluding=[
                    CadreFacturation.A3_MEMOIRE_JUSTICE,
                    CadreFacturation.A21_DEMANDE_REMBOURSEMENT_TIC,
                    CadreFacturation.A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE,
                    CadreFacturation.A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR,
                    CadreFacturation.A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE,
                    CadreFacturation.A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE,
                    CadreFacturation.SANS_CADRE_DE_FACTURATION,
                ]
            ),
        ]
        | None
    ) = None
    statut_courant: list[Annotated[StatutFacture, official()]] | None = None
    periode_date_facture_du: date | None = None
    periode_date_facture_au: date | None = None
    montant_ht_min: JsonDecimal | None = Field(default=None, alias="montantHTMin")
    montant_ht_max: JsonDecimal | None = Field(default=None, alias="montantHTMax")
    montant_ttc_min: JsonDecimal | None = Field(default=None, alias="montantTTCMin")
    montant_ttc_max: JsonDecimal | None = Field(default=None, alias="montantTTCMax")
    montant_apayer_min: JsonDecimal | None = None
    montant_apayer_max: JsonDecimal | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    facture_telechargee_par_destinataire: bool | None = None
    param_recherche: ParamRechercheDemandeRecipiendaire | None = None
    recuperer_taille: bool | None = None
    periode_date_heure_etat_courant_du: date | None = None
    periode_date_heure_etat_courant_au: date | None = None


class ParametresRechercherFactureParValideur(ChorusRequest):
    """Paging and sort of ``rechercherFactureParValideur``."""

    page_resultat_demandee: int | None = None
    nb_resultats_par_page: int | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    tri_colonne: Annotated[TriFacturesValideur, official()] | None = None


class RechercherFactureParValideurParam(ChorusRequest):
    """Request body of ``rechercherFactureParValideur``."""

    id_utilisateur_courant: int | None = None
    type_demande_paiement: Annotated[TypeDemandePaiement, official()] | None = None
    id_destinataire: int | None = None
    recherche_siren_destinataire: bool | None = None
    id_service_executant: int | None = None
    numero_facture: str | None = None
    periode_date_depot_du: date | None = None
    periode_date_depot_au: date | None = None
    liste_type_facture: list[Annotated[TypeFacture, official()]] | None = None
    liste_type_facture_travaux: list[Annotated[TypeFactureTravaux, official()]] | None = None
    id_fournisseur: int | None = None
    recherche_siren_fournisseur: bool | None = None
    id_service_fournisseur: int | None = None
    id_structure_valideur: int | None = None
    id_structure_moe: int | None = None
    id_structure_moa: int | None = None
    cadre_facturation: (
        Annotated[
            CadreFacturation, official(excluding=[CadreFacturation.SANS_CADRE_DE_FACTURATION])
        ]
        | None
    ) = None
    statut_courant: list[Annotated[StatutFacture, official()]] | None = None
    periode_date_facture_du: date | None = None
    periode_date_facture_au: date | None = None
    montant_ht_min: JsonDecimal | None = Field(default=None, alias="montantHTMin")
    montant_ht_max: JsonDecimal | None = Field(default=None, alias="montantHTMax")
    montant_ttc_min: JsonDecimal | None = Field(default=None, alias="montantTTCMin")
    montant_ttc_max: JsonDecimal | None = Field(default=None, alias="montantTTCMax")
    montant_a_payer_min: JsonDecimal | None = None
    montant_a_payer_max: JsonDecimal | None = None
    numero_marche: str | None = None
    numero_engagement: str | None = None
    pagination: ParametresRechercherFactureParValideur | None = None


class CritereDestinatairePojo(ChorusRequest):
    """A recipient (and some of its services) to search invoices for."""

    id_destinataire: int | None = None
    liste_id_service_executant: list[int] | None = None
    raison_sociale_stuct_dmd: str | None = None


class ParametresRechercherFactureParFournisseur(ChorusRequest):
    """Paging and sort of ``rechercherFactureParFournisseur``."""

    nb_resultats_maximum: int | None = None
    page_resultat_demandee: int | None = None
    nb_resultats_par_page: int | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    tri_colonne: Annotated[TriFacturesFournisseur, official()] | None = None


class RechercherFactureParFournisseurParam(ChorusRequest):
    """Request body of ``rechercherFactureParFournisseur``."""

    id_utilisateur_courant: int | None = None
    liste_destinataire: list[CritereDestinatairePojo] | None = None
    recherche_siren_destinataire: bool | None = None
    numero_facture: str | None = None
    periode_date_depot_du: date | None = None
    periode_date_depot_au: date | None = None
    type_facture: Annotated[TypeFacture, official()] | None = None
    id_fournisseur: int | None = None
    id_service_fournisseur: int | None = None
    id_structure_valideur: int | None = None
    cadre_facturation: (
        Annotated[
            CadreFacturation, official(excluding=[CadreFacturation.SANS_CADRE_DE_FACTURATION])
        ]
        | None
    ) = None
    statut_courant: list[Annotated[StatutFacture, official()]] | None = None
    periode_date_facture_du: date | None = None
    periode_date_facture_au: date | None = None
    montant_ht_min: JsonDecimal | None = Field(default=None, alias="montantHTMin")
    montant_ht_max: JsonDecimal | None = Field(default=None, alias="montantHTMax")
    montant_ttc_min: JsonDecimal | None = Field(default=None, alias="montantTTCMin")
    montant_ttc_max: JsonDecimal | None = Field(default=None, alias="montantTTCMax")
    montant_apayer_min: JsonDecimal | None = None
    montant_apayer_max: JsonDecimal | None = None
    coordonnee_bancaire: int | None = None
    id_utilisateur_createur: list[int] | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    mode_depot: Annotated[ModeDepot, official()] | None = None
    numero_flux_depot: str | None = None
    recherche_facture_par_fournisseur: ParametresRechercherFactureParFournisseur | None = None
    recuperer_taille: bool | None = None
    periode_date_heure_etat_courant_du: date | None = None
    periode_date_heure_etat_courant_au: date | None = None
    rejet_traite: bool | None = None


class ParametreRechercheFactureATraiterParRecipiendaire(ChorusRequest):
    """Paging and sort of ``rechercherFactureATraiterParRecipiendaire``."""

    nb_resultats_maximum: int | None = None
    """The Swagger spells this key ``getnbResultatsMaximum``."""
    tri_colonne: Annotated[TriFacturesATraiterRecipiendaire, official()] | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    nb_resultats_par_page: int | None = None
    page_resultat_demandee: int | None = None


class RechercherFactureATraiterParRecipiendaireParam(ChorusRequest):
    """Request body of ``rechercherFactureATraiterParRecipiendaire``."""

    id_utilisateur_courant: int | None = None
    id_structure: int | None = None
    recuperer_taille: bool | None = None
    parametre_recherche_facture_a_traiter_par_recipiendaire: (
        ParametreRechercheFactureATraiterParRecipiendaire | None
    ) = None


class ParamRechercheFactureATraiterParFournisseur(ChorusRequest):
    """Paging and sort of ``rechercherFactureATraiterParFournisseur``."""

    nb_resultats_maximum: int | None = None
    page_resultat_demandee: int | None = None
    nb_resultats_par_page: int | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    tri_colonne: Annotated[TriFacturesATraiterFournisseur, official()] | None = None


class RechercherFactureATraiterParFournisseurParam(ChorusRequest):
    """Request body of ``rechercherFactureATraiterParFournisseur``."""

    id_utilisateur_courant: int | None = None
    id_structure: int | None = None
    masquer_rejetee: bool | None = None
    recherche_facture_a_traiter_par_fournisseur: (
        ParamRechercheFactureATraiterParFournisseur | None
    ) = None
    recuperer_taille: bool | None = None
