"""The operations of the transverses API this SDK covers, each declared once.

No Swagger file of this API is published: paths follow the public clients that call it. Every
operation is a read (``SAFE``) but the upload of an attachment.
"""

from __future__ import annotations

from demat_sdk._http.operation import Operation
from demat_sdk._http.retry import Safety
from demat_sdk.chorus.models.transverses import (
    CompteRendu,
    CompteRenduDetaille,
    FichierAnnuaire,
    HealthCheck,
    ListeCadresFacturation,
    ListeCoordonneesBancaires,
    ListeDestinataires,
    ListeDevises,
    ListeFormatsFlux,
    ListeModesDepot,
    ListeModesReglement,
    ListeMotifsExonerationTva,
    ListeMotifsRefus,
    ListePays,
    ListeStatutsPossibles,
    ListeStructuresActives,
    ListeTauxTva,
    ListeTypesDemandePaiement,
    ListeTypesPieceJointe,
    PieceJointeAjoutee,
)

__all__ = [
    "AJOUTER_FICHIER",
    "CONSULTER_CR",
    "CONSULTER_CR_DETAILLE",
    "HEALTH_CHECK",
    "OPERATIONS",
    "RECHERCHER_DESTINATAIRE",
    "RECUPERER_CADRE_FACTURATION",
    "RECUPERER_COORDONNEES_BANCAIRES_VALIDES",
    "RECUPERER_DEVISES",
    "RECUPERER_ETATS_POSSIBLES_POUR_TRAITEMENT",
    "RECUPERER_FORMAT_FLUX",
    "RECUPERER_MODE_DEPOT",
    "RECUPERER_MODE_REGLEMENTS",
    "RECUPERER_MOTIFS_EXONERATION_TVA",
    "RECUPERER_MOTIFS_REFUS_FACTURE_A_VALIDER",
    "RECUPERER_PAYS",
    "RECUPERER_STRUCTURES_ACTIVES_DESTINATAIRE",
    "RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR",
    "RECUPERER_TAUX_TVA",
    "RECUPERER_TYPES_PIECE_JOINTE",
    "RECUPERER_TYPE_DEMANDE_PAIEMENT",
    "TELECHARGER_ANNUAIRE_DESTINATAIRE",
]

_BASE = "/cpro/transverses/v1"

HEALTH_CHECK = Operation("healthCheck", f"{_BASE}/health-check", Safety.SAFE, HealthCheck, "GET")
RECUPERER_DEVISES = Operation(
    "recupererDevises", f"{_BASE}/recuperer/devises", Safety.SAFE, ListeDevises
)
RECUPERER_PAYS = Operation("recupererPays", f"{_BASE}/recuperer/pays", Safety.SAFE, ListePays)
RECUPERER_TAUX_TVA = Operation(
    "recupererTauxTva", f"{_BASE}/recuperer/tauxtva", Safety.SAFE, ListeTauxTva
)
RECUPERER_MOTIFS_EXONERATION_TVA = Operation(
    "recupererMotifsExonerationTva",
    f"{_BASE}/recuperer/motifs/exonerationtva",
    Safety.SAFE,
    ListeMotifsExonerationTva,
)
RECUPERER_MODE_REGLEMENTS = Operation(
    "recupererModeReglements", f"{_BASE}/recuperer/modereglements", Safety.SAFE, ListeModesReglement
)
RECUPERER_MODE_DEPOT = Operation(
    "recupererModeDepot", f"{_BASE}/recuperer/modedepot", Safety.SAFE, ListeModesDepot
)
RECUPERER_FORMAT_FLUX = Operation(
    "recupererFormatFlux", f"{_BASE}/recuperer/formatflux", Safety.SAFE, ListeFormatsFlux
)
RECUPERER_CADRE_FACTURATION = Operation(
    "recupererCadreFacturation",
    f"{_BASE}/recuperer/cadrefacturation",
    Safety.SAFE,
    ListeCadresFacturation,
)
RECUPERER_TYPE_DEMANDE_PAIEMENT = Operation(
    "recupererTypeDemandePaiement",
    f"{_BASE}/recuperer/typedp",
    Safety.SAFE,
    ListeTypesDemandePaiement,
)
CONSULTER_CR = Operation("consulterCR", f"{_BASE}/consulterCR", Safety.SAFE, CompteRendu)
CONSULTER_CR_DETAILLE = Operation(
    "consulterCRDetaille", f"{_BASE}/consulterCRDetaille", Safety.SAFE, CompteRenduDetaille
)
AJOUTER_FICHIER = Operation(
    "ajouterFichierDansSysteme",
    f"{_BASE}/ajouter/fichier",
    Safety.UNSAFE,
    PieceJointeAjoutee,
    transfer_timeout=300.0,
)
TELECHARGER_ANNUAIRE_DESTINATAIRE = Operation(
    "telechargerAnnuaireDestinataire",
    f"{_BASE}/telecharger/annuaire/destinataire",
    Safety.SAFE,
    FichierAnnuaire,
    transfer_timeout=300.0,
)
RECHERCHER_DESTINATAIRE = Operation(
    "rechercherDestinataire", f"{_BASE}/rechercher/destinataire", Safety.SAFE, ListeDestinataires
)
RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR = Operation(
    "recupererStructuresActivesPourFournisseur",
    f"{_BASE}/recuperer/structures/actives/fournisseur",
    Safety.SAFE,
    ListeStructuresActives,
)
RECUPERER_STRUCTURES_ACTIVES_DESTINATAIRE = Operation(
    "recupererStructuresActivesPourDestinataire",
    f"{_BASE}/recuperer/structures/actives/destinataire",
    Safety.SAFE,
    ListeStructuresActives,
)
RECUPERER_COORDONNEES_BANCAIRES_VALIDES = Operation(
    "recupererCoordonneesBancairesValides",
    f"{_BASE}/recuperer/coordbanc/valides",
    Safety.SAFE,
    ListeCoordonneesBancaires,
)
RECUPERER_ETATS_POSSIBLES_POUR_TRAITEMENT = Operation(
    "recupererEtatsPossiblesPourTraitement",
    f"{_BASE}/recuperer/etats/traitement",
    Safety.SAFE,
    ListeStatutsPossibles,
)
RECUPERER_TYPES_PIECE_JOINTE = Operation(
    "recupererTypesPieceJointe", f"{_BASE}/recuperer/typespj", Safety.SAFE, ListeTypesPieceJointe
)
RECUPERER_MOTIFS_REFUS_FACTURE_A_VALIDER = Operation(
    "recupererMotifsRefusFactureAValider",
    f"{_BASE}/recuperer/motifs/refus/Facture/AValider",
    Safety.SAFE,
    ListeMotifsRefus,
)

OPERATIONS = (
    HEALTH_CHECK,
    RECUPERER_DEVISES,
    RECUPERER_PAYS,
    RECUPERER_TAUX_TVA,
    RECUPERER_MOTIFS_EXONERATION_TVA,
    RECUPERER_MODE_REGLEMENTS,
    RECUPERER_MODE_DEPOT,
    RECUPERER_FORMAT_FLUX,
    RECUPERER_CADRE_FACTURATION,
    RECUPERER_TYPE_DEMANDE_PAIEMENT,
    CONSULTER_CR,
    CONSULTER_CR_DETAILLE,
    AJOUTER_FICHIER,
    TELECHARGER_ANNUAIRE_DESTINATAIRE,
    RECHERCHER_DESTINATAIRE,
    RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR,
    RECUPERER_STRUCTURES_ACTIVES_DESTINATAIRE,
    RECUPERER_COORDONNEES_BANCAIRES_VALIDES,
    RECUPERER_ETATS_POSSIBLES_POUR_TRAITEMENT,
    RECUPERER_TYPES_PIECE_JOINTE,
    RECUPERER_MOTIFS_REFUS_FACTURE_A_VALIDER,
)
"""Every transverses operation this module covers."""
