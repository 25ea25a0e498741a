"""The 22 operations of the Factures API, each declared once with its retry safety.

Searches, consultations and downloads are ``SAFE`` (sending them twice changes nothing);
deposits, submissions and every status change are ``UNSAFE``. Deposits and downloads carry big
files and get a longer transfer time-out.
"""

from __future__ import annotations

from demat_sdk._http.operation import Operation
from demat_sdk._http.retry import Safety
from demat_sdk.chorus.models.facture import WsRetourFacturesEmises, WsRetourFacturesRecues
from demat_sdk.chorus.models.factures_consultation import WsRetourConsulterHistoriqueFacture
from demat_sdk.chorus.models.factures_emission import (
    WsRetour,
    WsRetourCompleterFacture,
    WsRetourCorrigerValideurFacture,
    WsRetourDeposerFluxFacture,
    WsRetourDeposerPdfFacture,
    WsRetourRecyclerFacture,
    WsRetourSoumettreFacture,
)
from demat_sdk.chorus.models.factures_resultats import (
    WsRetourRechercheFactureRecipiendaire,
    WsRetourRechercheFactureRecipiendaireRest,
    WsRetourRechercherDemandePaiement,
    WsRetourRechercherFactureATraiterParFournisseur,
    WsRetourRechercherFactureATraiterParValideur,
    WsRetourRechercherFactureParFournisseur,
    WsRetourRechercherFactureParValideur,
)
from demat_sdk.chorus.models.factures_traitement import (
    WsRetourRecupererStatutsFactureVisiblesParValideur,
    WsRetourTelechargerGroupeFacture,
    WsRetourTraiterFacture,
    WsRetourTraiterFactureAValider,
)

__all__ = [
    "COMPLETER",
    "CONSULTER_FOURNISSEUR",
    "CONSULTER_HISTORIQUE",
    "CONSULTER_RECIPIENDAIRE",
    "CONSULTER_VALIDEUR",
    "CORRIGER_VALIDEUR",
    "DEPOSER_FLUX",
    "DEPOSER_PDF",
    "OPERATIONS",
    "RECHERCHER_A_TRAITER_FOURNISSEUR",
    "RECHERCHER_A_TRAITER_RECIPIENDAIRE",
    "RECHERCHER_A_TRAITER_VALIDEUR",
    "RECHERCHER_DEMANDE_PAIEMENT",
    "RECHERCHER_FOURNISSEUR",
    "RECHERCHER_RECIPIENDAIRE",
    "RECHERCHER_VALIDEUR",
    "RECUPERER_STATUTS_VISIBLES_VALIDEUR",
    "RECYCLER",
    "SOUMETTRE",
    "TELECHARGER_GROUPE",
    "TRAITER_A_VALIDER",
    "TRAITER_RECUE",
    "TRAITER_REJET",
]

_BASE = "/cpro/factures/v1"
_TRANSFER = 300.0  # seconds to move a 10 MB deposit or a 120 MB download on a slow link

DEPOSER_FLUX = Operation(
    "deposerFluxFacture",
    f"{_BASE}/deposer/flux",
    Safety.UNSAFE,
    WsRetourDeposerFluxFacture,
    transfer_timeout=_TRANSFER,
)
SOUMETTRE = Operation(
    "soumettreFacture", f"{_BASE}/soumettre", Safety.UNSAFE, WsRetourSoumettreFacture
)
DEPOSER_PDF = Operation(
    "deposerPdfFacture",
    f"{_BASE}/deposer/pdf",
    Safety.UNSAFE,
    WsRetourDeposerPdfFacture,
    transfer_timeout=_TRANSFER,
)
CONSULTER_FOURNISSEUR = Operation(
    "consulterFactureParFournisseur",
    f"{_BASE}/consulter/fournisseur",
    Safety.SAFE,
    WsRetourFacturesEmises,
)
CONSULTER_RECIPIENDAIRE = Operation(
    "consulterFactureParRecipiendaire",
    f"{_BASE}/consulter/recipiendaire",
    Safety.SAFE,
    WsRetourFacturesRecues,
)
CONSULTER_VALIDEUR = Operation(
    "consulterFactureParValideur",
    f"{_BASE}/consulter/valideur",
    Safety.SAFE,
    WsRetourFacturesEmises,
)
CONSULTER_HISTORIQUE = Operation(
    "consulterHistoriqueFacture",
    f"{_BASE}/consulter/historique",
    Safety.SAFE,
    WsRetourConsulterHistoriqueFacture,
)
RECHERCHER_FOURNISSEUR = Operation(
    "rechercherFactureParFournisseur",
    f"{_BASE}/rechercher/fournisseur",
    Safety.SAFE,
    WsRetourRechercherFactureParFournisseur,
)
RECHERCHER_RECIPIENDAIRE = Operation(
    "rechercherFactureRecipiendaire",
    f"{_BASE}/rechercher/recipiendaire",
    Safety.SAFE,
    WsRetourRechercheFactureRecipiendaireRest,
)
RECHERCHER_VALIDEUR = Operation(
    "rechercherFactureParValideur",
    f"{_BASE}/rechercher/valideur",
    Safety.SAFE,
    WsRetourRechercherFactureParValideur,
)
RECHERCHER_A_TRAITER_VALIDEUR = Operation(
    "rechercherFactureATraiterParValideur",
    f"{_BASE}/rechercher/aTraiter/valideur",
    Safety.SAFE,
    WsRetourRechercherFactureATraiterParValideur,
)
RECHERCHER_A_TRAITER_RECIPIENDAIRE = Operation(
    "rechercherFactureATraiterParRecipiendaire",
    f"{_BASE}/rechercher/atraiter/recipiendaire",
    Safety.SAFE,
    WsRetourRechercheFactureRecipiendaire,
)
RECHERCHER_A_TRAITER_FOURNISSEUR = Operation(
    "rechercherFactureATraiterParFournisseur",
    f"{_BASE}/rechercher/atraiter/fournisseur",
    Safety.SAFE,
    WsRetourRechercherFactureATraiterParFournisseur,
)
RECHERCHER_DEMANDE_PAIEMENT = Operation(
    "rechercherDemandePaiement",
    f"{_BASE}/rechercher/demandePaiement",
    Safety.SAFE,
    WsRetourRechercherDemandePaiement,
)
TRAITER_RECUE = Operation(
    "traiterUneFactureRecue", f"{_BASE}/traiter/recue", Safety.UNSAFE, WsRetourTraiterFacture
)
TRAITER_A_VALIDER = Operation(
    "traiterFactureAValider",
    f"{_BASE}/traiter/factureAValider",
    Safety.UNSAFE,
    WsRetourTraiterFactureAValider,
)
COMPLETER = Operation(
    "completerFacture", f"{_BASE}/completer", Safety.UNSAFE, WsRetourCompleterFacture
)
RECYCLER = Operation("recyclerFacture", f"{_BASE}/recycler", Safety.UNSAFE, WsRetourRecyclerFacture)
TRAITER_REJET = Operation(
    "traiterFacturesRejetees", f"{_BASE}/traiterRejet", Safety.UNSAFE, WsRetour
)
CORRIGER_VALIDEUR = Operation(
    "corrigerValideurFacture",
    f"{_BASE}/corriger/valideur/facture",
    Safety.UNSAFE,
    WsRetourCorrigerValideurFacture,
)
TELECHARGER_GROUPE = Operation(
    "telechargerGroupeFacture",
    f"{_BASE}/telecharger/groupe",
    Safety.SAFE,
    WsRetourTelechargerGroupeFacture,
    transfer_timeout=_TRANSFER,
)
RECUPERER_STATUTS_VISIBLES_VALIDEUR = Operation(
    "recupererStatutsFactureVisiblesParValideur",
    f"{_BASE}/recuperer/statutsFactureVisibles/valideur",
    Safety.SAFE,
    WsRetourRecupererStatutsFactureVisiblesParValideur,
)

OPERATIONS = (
    DEPOSER_FLUX,
    SOUMETTRE,
    DEPOSER_PDF,
    CONSULTER_FOURNISSEUR,
    CONSULTER_RECIPIENDAIRE,
    CONSULTER_VALIDEUR,
    CONSULTER_HISTORIQUE,
    RECHERCHER_FOURNISSEUR,
    RECHERCHER_RECIPIENDAIRE,
    RECHERCHER_VALIDEUR,
    RECHERCHER_A_TRAITER_VALIDEUR,
    RECHERCHER_A_TRAITER_RECIPIENDAIRE,
    RECHERCHER_A_TRAITER_FOURNISSEUR,
    RECHERCHER_DEMANDE_PAIEMENT,
    TRAITER_RECUE,
    TRAITER_A_VALIDER,
    COMPLETER,
    RECYCLER,
    TRAITER_REJET,
    CORRIGER_VALIDEUR,
    TELECHARGER_GROUPE,
    RECUPERER_STATUTS_VISIBLES_VALIDEUR,
)
"""Every operation of the Factures API, in the order of the official catalogue."""
