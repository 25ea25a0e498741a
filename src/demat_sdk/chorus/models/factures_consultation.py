# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Models of the invoice consultations and of the invoice history.

Requests of ``consulterFacture…`` with the paging of their sub-lists, and both sides of
``consulterHistoriqueFacture``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from demat_sdk.chorus.enums import ActionUtilisateur, CodeLangue, ModeDepot, StatutFacture, TriSens
from demat_sdk.chorus.models.base import ChorusModel, ChorusRequest, ChorusResponse
from demat_sdk.chorus.models.fields import ChorusDateTime, LenientList, official
from demat_sdk.chorus.tri import (
    TriHistoActions,
    TriHistoEvenements,
    TriHistoStatuts,
    TriLignesPoste,
    TriPiecesJointes,
    TriRecapitulatifTva,
)

__all__ = [
    "ConsulterFactureParFournisseurParam",
    "ConsulterFactureParRecipiendaireParam",
    "ConsulterFactureParValideurParam",
    "ConsulterHistoriqueFactureParam",
    "DerniereAction",
    "HistoriqueActionUtilisateur",
    "HistoriqueEvenement",
    "HistoriqueStatus",
    "HistoriquesActionsUtilisateurs",
    "HistoriquesEvenements",
    "HistoriquesStatus",
    "ParamRechercheHistoActionsUtilisateurs",
    "ParamRechercheHistoEvenementsComplementaires",
    "ParamRechercheHistoStatuts",
    "ParamRechercheLigneRecapTva",
    "ParamRechercheLignesPoste",
    "ParamRechercheListePiecesJointes",
    "WsRetourConsulterHistoriqueFacture",
]


class ParamRechercheLigneRecapTva(ChorusRequest):
    """Paging and sort of an invoice's VAT summary lines."""

    page_resultat_demandee_liste_recapitulatif_tva: int | None = Field(
        default=None, alias="pageResultatDemandeeListeRecapitulatifTVA"
    )
    nb_resultats_par_page_liste_liste_recapitulatif_tva: int | None = Field(
        default=None, alias="nbResultatsParPageListeListeRecapitulatifTVA"
    )
    tri_sens_liste_recapitulatif_tva: Annotated[TriSens, official()] | None = Field(
        default=None, alias="triSensListeRecapitulatifTVA"
    )
    tri_colonne_liste_recapitulatif_tva: Annotated[TriRecapitulatifTva, official()] | None = Field(
        default=None, alias="triColonneListeRecapitulatifTVA"
    )


class ParamRechercheListePiecesJointes(ChorusRequest):
    """Paging and sort of an invoice's attachments."""

    page_resultat_demandee_liste_piece_jointe: int | None = None
    nb_resultats_par_page_liste_piece_jointe: int | None = None
    tri_sens_liste_pieces_jointes: Annotated[TriSens, official()] | None = None
    tri_colonne_liste_pieces_jointes: Annotated[TriPiecesJointes, official()] | None = None


class ParamRechercheLignesPoste(ChorusRequest):
    """Paging and sort of an invoice's lines."""

    page_resultat_demandee_lignes_poste: int | None = None
    nb_resultats_par_page_lignes_poste: int | None = None
    tri_sens_liste_lignes_poste: Annotated[TriSens, official()] | None = None
    tri_colonne_liste_lignes_poste: Annotated[TriLignesPoste, official()] | None = None


class ConsulterFactureParRecipiendaireParam(ChorusRequest):
    """Request body of ``consulterFactureParRecipiendaire``."""

    id_utilisateur_courant: int | None = None
    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    code_langue: Annotated[CodeLangue, official()] | None = None
    rechercheligne_tva_recap: ParamRechercheLigneRecapTva | None = None
    recherche_pj: ParamRechercheListePiecesJointes | None = None
    recherche_ligne_poste: ParamRechercheLignesPoste | None = None


class ConsulterFactureParValideurParam(ChorusRequest):
    """Request body of ``consulterFactureParValideur``."""

    id_utilisateur_courant: int | None = None
    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    code_langue: Annotated[CodeLangue, official()] | None = None
    recherche_ligne_tva_recap: ParamRechercheLigneRecapTva | None = None
    recherche_pj: ParamRechercheListePiecesJointes | None = None
    recherche_ligne_poste: ParamRechercheLignesPoste | None = None


class ConsulterFactureParFournisseurParam(ChorusRequest):
    """Request body of ``consulterFactureParFournisseur``."""

    id_utilisateur_courant: int | None = None
    identifiant_facture_cpp: int | None = Field(default=None, alias="identifiantFactureCPP")
    code_langue: Annotated[CodeLangue, official()] | None = None
    p_ligne_recap_tva: ParamRechercheLigneRecapTva | None = None
    """The Swagger spells this key ``getpLigneRecapTva``."""
    p_liste_pieces_jointes: ParamRechercheListePiecesJointes | None = None
    """The Swagger spells this key ``getpListePiecesJointes``."""
    p_lignes_poste: ParamRechercheLignesPoste | None = None
    """The Swagger spells this key ``getpLignesPoste``."""


class ParamRechercheHistoStatuts(ChorusRequest):
    """Paging and sort of the history's status changes."""

    page_resultat_demandee_liste_histo_statut: int | None = None
    nb_resultats_par_page_liste_histo_statut: int | None = None
    tri_sens_liste_histo_statut: Annotated[TriSens, official()] | None = None
    tri_colonne_liste_histo_statut: Annotated[TriHistoStatuts, official()] | None = None


class ParamRechercheHistoEvenementsComplementaires(ChorusRequest):
    """Paging and sort of the history's events."""

    page_resultat_demandee_liste_histo_evenement: int | None = None
    nb_resultats_par_page_liste_histo_evenement: int | None = None
    tri_sens_liste_histo_evenement: Annotated[TriSens, official()] | None = None
    tri_colonne_liste_histo_evenement: Annotated[TriHistoEvenements, official()] | None = None


class ParamRechercheHistoActionsUtilisateurs(ChorusRequest):
    """Paging and sort of the history's user actions."""

    page_resultat_demandee_liste_histo_action: int | None = None
    tri_sens_liste_histo_action: Annotated[TriSens, official()] | None = None
    tri_colonne_liste_histo_action: Annotated[TriHistoActions, official()] | None = None
    nb_resultats_par_page_liste_histo_action: int | None = None


class ConsulterHistoriqueFactureParam(ChorusRequest):
    """Request body of ``consulterHistoriqueFacture``."""

    id_utilisateur_courant: int | None = None
    id_facture: int | None = None
    id_espace: int | None = None
    nb_resultats_maximum: int | None = None
    param_recherche_histo_statuts: ParamRechercheHistoStatuts | None = None
    param_recherche_histo_evenements_complementaires: (
        ParamRechercheHistoEvenementsComplementaires | None
    ) = None
    param_recherche_histo_actions_utilisateurs: ParamRechercheHistoActionsUtilisateurs | None = None


class HistoriqueStatus(ChorusModel):
    """One status change in an invoice's history."""

    histo_statut_id: int | None = None
    histo_statut_code: StatutFacture | None = None
    histo_statut_date_passage: ChorusDateTime | None = None
    histo_statut_commentaire: str | None = None
    histo_statut_utilisateur_prenom: str | None = None
    histo_statut_utilisateur_nom: str | None = None
    histo_statut_utilisateur_email: str | None = None
    histo_statut_utilisateur_telephone: str | None = None


class HistoriquesStatus(ChorusModel):
    """A page of an invoice's status changes."""

    histo_statut: LenientList[HistoriqueStatus] = Field(default_factory=list)
    page_courante_histo_statut: int | None = None
    pages_histo_statut: int | None = None
    nb_resultats_par_page_histo_statut: int | None = None
    total_histo_statut: int | None = None


class HistoriqueEvenement(ChorusModel):
    """One additional event in an invoice's history."""

    evenement_id: int | None = None
    evenement_libelle: str | None = None
    evenement_qui: str | None = None
    evenement_date_heure: ChorusDateTime | None = None


class HistoriquesEvenements(ChorusModel):
    """A page of an invoice's additional events."""

    evenement: LenientList[HistoriqueEvenement] = Field(default_factory=list)
    page_courante_evenement: int | None = None
    pages_evenement: int | None = None
    nb_resultats_par_page_evenement: int | None = None
    total_evenement: int | None = None


class HistoriqueActionUtilisateur(ChorusModel):
    """One user action in an invoice's history."""

    histo_action_id: int | None = None
    histo_action_code: ActionUtilisateur | None = None
    histo_action_date_heure: ChorusDateTime | None = None
    histo_action_utilisateur_prenom: str | None = None
    histo_action_utilisateur_nom: str | None = None
    histo_action_utilisateur_email: str | None = None
    histo_action_utilisateur_telephone: str | None = None


class HistoriquesActionsUtilisateurs(ChorusModel):
    """A page of an invoice's user actions."""

    histo_action: LenientList[HistoriqueActionUtilisateur] = Field(default_factory=list)
    page_courante_histo_action: int | None = None
    pages_histo_action: int | None = None
    nb_resultats_par_page_histo_action: int | None = None
    total_histo_action: int | None = None


class DerniereAction(ChorusModel):
    """Last user action on an invoice."""

    derniere_action_id: int | None = None
    derniere_action_code: ActionUtilisateur | None = None


class WsRetourConsulterHistoriqueFacture(ChorusResponse):
    """Answer of ``consulterHistoriqueFacture``."""

    id_facture: int | None = None
    numero_facture: str | None = None
    mode_depot: ModeDepot | None = None
    statut_courant_code: StatutFacture | None = None
    historiques_des_statuts: HistoriquesStatus | None = None
    historiques_des_evenements_complementaires: HistoriquesEvenements | None = None
    historiques_des_actions_utilisateurs: HistoriquesActionsUtilisateurs | None = None
    derniere_action: DerniereAction | None = None
