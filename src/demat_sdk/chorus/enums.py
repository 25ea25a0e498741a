"""Enumerations of the Chorus Pro API: official codes as member names and values.

Built from the official Swagger files (``factures.json``, ``structures.json``) and, for the flux
states and languages, from the API documentation. Every enumeration is lenient when reading: a code
Chorus Pro adds later becomes a member-like value instead of breaking the answer (its
``is_known`` is ``False``); requests only ever send the official members.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "ActionUtilisateur",
    "CadreFacturation",
    "ChorusEnum",
    "CodeLangue",
    "DestinataireEtat",
    "DpOuDpArchive",
    "EtatEspace",
    "EtatFlux",
    "FormatDepot",
    "FormatTelechargement",
    "ModeDepot",
    "ModeDepotSoumission",
    "ModePaiement",
    "RoleUtilisateur",
    "StatutFacture",
    "StatutRattachement",
    "StatutStructure",
    "StatutStructureRecherche",
    "SyntaxeFlux",
    "TriSens",
    "TypeCoordonneesBancaires",
    "TypeDemandePaiement",
    "TypeFacture",
    "TypeFactureTravaux",
    "TypeHabilitation",
    "TypeIdentifiantStructure",
    "TypeObjetPieceJointe",
    "TypeStructure",
    "TypeTva",
]


class ChorusEnum(str, enum.Enum):
    """Base of the Chorus Pro enumerations: a ``str`` whose unknown values are kept, not refused."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str) or not value:
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether the value is one of the official codes this library knows."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)


class CodeLangue(ChorusEnum):
    """Language of the labels returned by the reference lists."""

    FR = "FR"
    EN = "EN"


class TypeDemandePaiement(ChorusEnum):
    """Kind of payment request (``typeDemandePaiement``)."""

    FACTURE = "FACTURE"
    FACTURE_TRAVAUX = "FACTURE_TRAVAUX"
    MEMOIRE_JUSTICE = "MEMOIRE_JUSTICE"
    DEMANDE_REMBOURSEMENT = "DEMANDE_REMBOURSEMENT"


class EtatFlux(ChorusEnum):
    """State of a deposited flux (``etatCourantFlux``, ``etatCourantDepotFlux``)."""

    IN_RECU = "IN_RECU"
    IN_TRAITE_SE_CPP = "IN_TRAITE_SE_CPP"
    IN_EN_ATTENTE_TRAITEMENT_CPP = "IN_EN_ATTENTE_TRAITEMENT_CPP"
    IN_EN_COURS_TRAITEMENT_CPP = "IN_EN_COURS_TRAITEMENT_CPP"
    IN_EN_ATTENTE_RETRAITEMENT_CPP = "IN_EN_ATTENTE_RETRAITEMENT_CPP"
    IN_INTEGRE = "IN_INTEGRE"
    IN_INTEGRE_PARTIEL = "IN_INTEGRE_PARTIEL"
    IN_REJETE = "IN_REJETE"
    IN_INCIDENTE = "IN_INCIDENTE"
    QP_RECEVABLE = "QP_RECEVABLE"
    QP_RECEVABLE_AVEC_ERREUR = "QP_RECEVABLE_AVEC_ERREUR"
    QP_IRRECEVABLE = "QP_IRRECEVABLE"

    @property
    def is_terminal(self) -> bool:
        """Whether processing of the flux is over (integrated, partly, rejected or incident)."""
        return self in _TERMINAL_FLUX


class FormatTelechargement(ChorusEnum):
    """Format of ``telechargerGroupeFacture``: the PDF, or the pivot file."""

    PDF = "PDF"
    PIVOT = "PIVOT"


class StatutFacture(ChorusEnum):
    """Status of an invoice (``statutFacture``, 56 official values)."""

    BROUILLON = "BROUILLON"
    A_VALIDER_1 = "A_VALIDER_1"
    ERREUR_FOURNISSEUR_SUR_VALIDEUR = "ERREUR_FOURNISSEUR_SUR_VALIDEUR"
    REFUSEE_1 = "REFUSEE_1"
    VALIDEE_1 = "VALIDEE_1"
    ABSENCE_VALIDATION_1_HORS_DELAI = "ABSENCE_VALIDATION_1_HORS_DELAI"
    A_VALIDER_2 = "A_VALIDER_2"
    ERREUR_COTRAITANT_SUR_VALIDEUR = "ERREUR_COTRAITANT_SUR_VALIDEUR"
    REFUSEE_2 = "REFUSEE_2"
    VALIDEE_2 = "VALIDEE_2"
    ABSENCE_VALIDATION_2_HORS_DELAI = "ABSENCE_VALIDATION_2_HORS_DELAI"
    DEPOSEE = "DEPOSEE"
    ERREUR_FOURNISSEUR_SUR_MOE = "ERREUR_FOURNISSEUR_SUR_MOE"
    EN_COURS_ACHEMINEMENT = "EN_COURS_ACHEMINEMENT"
    MISE_A_DISPOSITION = "MISE_A_DISPOSITION"
    A_RECYCLER = "A_RECYCLER"
    SUSPENDUE = "SUSPENDUE"
    REJETEE = "REJETEE"
    MANDATEE = "MANDATEE"
    MISE_EN_PAIEMENT = "MISE_EN_PAIEMENT"
    COMPTABILISEE = "COMPTABILISEE"
    MISE_A_DISPOSITION_COMPTABLE = "MISE_A_DISPOSITION_COMPTABLE"
    ABANDONNEE = "ABANDONNEE"
    SUPPRIMEE = "SUPPRIMEE"
    ASSOCIEE = "ASSOCIEE"
    EN_COURS_TRAITEMENT_PIVOT_S = "EN_COURS_TRAITEMENT_PIVOT_S"
    A_VALIDER_MOE = "A_VALIDER_MOE"
    REFUSEE_MOE = "REFUSEE_MOE"
    EN_ATTENTE_RECYCLAGE_FOURNISSEUR = "EN_ATTENTE_RECYCLAGE_FOURNISSEUR"
    ERREUR_MOE_SUR_FOURNISSEUR = "ERREUR_MOE_SUR_FOURNISSEUR"
    ERREUR_MOA_SUR_FOURNISSEUR = "ERREUR_MOA_SUR_FOURNISSEUR"
    INTERPRETEE_OCR = "INTERPRETEE_OCR"
    COMPLETEE = "COMPLETEE"
    ERREUR_FOURNISSEUR_SUR_MOA = "ERREUR_FOURNISSEUR_SUR_MOA"
    ERREUR_MOE_SUR_MOA = "ERREUR_MOE_SUR_MOA"
    ERREUR_DESTINATAIRE_PD = "ERREUR_DESTINATAIRE_PD"
    ERREUR_DESTINATAIRE_EA = "ERREUR_DESTINATAIRE_EA"
    SERVICE_FAIT = "SERVICE_FAIT"
    NON_CONFORME = "NON_CONFORME"
    A_ASSOCIER_MOE = "A_ASSOCIER_MOE"
    ERREUR_DE_MOE = "ERREUR_DE_MOE"
    MISE_A_DISPOSITION_MOE = "MISE_A_DISPOSITION_MOE"
    PRISE_EN_COMPTE_MOE = "PRISE_EN_COMPTE_MOE"
    A_ASSOCIER_MOA = "A_ASSOCIER_MOA"
    ERREUR_DE_MOA = "ERREUR_DE_MOA"
    REFUSEE_MOA = "REFUSEE_MOA"
    A_ASSOCIER_FOURNISSEUR = "A_ASSOCIER_FOURNISSEUR"
    REFUSEE_FOURNISSEUR = "REFUSEE_FOURNISSEUR"
    A_COMPLETER = "A_COMPLETER"
    TRANSMISE_MOA = "TRANSMISE_MOA"
    PRISE_EN_COMPTE_DESTINATAIRE = "PRISE_EN_COMPTE_DESTINATAIRE"
    REMPLACEE_PAR_A22 = "REMPLACEE_PAR_A22"
    DUPLIQUE_APRES_REFUS = "DUPLIQUE_APRES_REFUS"
    MISE_A_DISPOSITION_MOA = "MISE_A_DISPOSITION_MOA"
    PRISE_EN_COMPTE_MOA = "PRISE_EN_COMPTE_MOA"
    TECHNIQUE_INCONNU = "TECHNIQUE_INCONNU"


class CadreFacturation(ChorusEnum):
    """Billing frame (``codeCadreFacturation``); ``SANS_CADRE_DE_FACTURATION`` only in answers."""

    A1_FACTURE_FOURNISSEUR = "A1_FACTURE_FOURNISSEUR"
    A2_FACTURE_FOURNISSEUR_DEJA_PAYEE = "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE"
    A3_MEMOIRE_JUSTICE = "A3_MEMOIRE_JUSTICE"
    A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR = "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR"
    A5_ETAT_ACOMPTE_FOURNISSEUR = "A5_ETAT_ACOMPTE_FOURNISSEUR"
    A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR = "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR"
    A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR = "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR"
    A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR = "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR"
    A9_FACTURE_SOUSTRAITANT = "A9_FACTURE_SOUSTRAITANT"
    A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT = "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT"
    A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT = "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT"
    A12_FACTURE_COTRAITANT = "A12_FACTURE_COTRAITANT"
    A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT = "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT"
    A14_PROJET_DECOMPTE_FINAL_COTRAITANT = "A14_PROJET_DECOMPTE_FINAL_COTRAITANT"
    A15_ETAT_ACOMPTE_MOE = "A15_ETAT_ACOMPTE_MOE"
    A16_ETAT_ACOMPTE_VALIDE_MOE = "A16_ETAT_ACOMPTE_VALIDE_MOE"
    A17_PROJET_DECOMPTE_GENERAL_MOE = "A17_PROJET_DECOMPTE_GENERAL_MOE"
    A18_DECOMPTE_GENERAL_MOE = "A18_DECOMPTE_GENERAL_MOE"
    A19_ETAT_ACOMPTE_VALIDE_MOA = "A19_ETAT_ACOMPTE_VALIDE_MOA"
    A20_DECOMPTE_GENERAL_MOA = "A20_DECOMPTE_GENERAL_MOA"
    A21_DEMANDE_REMBOURSEMENT_TIC = "A21_DEMANDE_REMBOURSEMENT_TIC"
    A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE = (
        "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE"
    )
    A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR = (
        "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR"
    )
    A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE = "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE"
    A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE = (
        "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE"
    )
    SANS_CADRE_DE_FACTURATION = "SANS_CADRE_DE_FACTURATION"


class SyntaxeFlux(ChorusEnum):
    """Syntax of a deposited flux (``syntaxeFlux``)."""

    IN_DP_E1_UBL_INVOICE = "IN_DP_E1_UBL_INVOICE"
    IN_DP_E1_CII = "IN_DP_E1_CII"
    IN_DP_E1_PES_FACTURE = "IN_DP_E1_PES_FACTURE"
    IN_DP_E1_XCBL = "IN_DP_E1_XCBL"
    IN_DP_E2_UBL_INVOICE_MIN = "IN_DP_E2_UBL_INVOICE_MIN"
    IN_DP_E2_CII_MIN = "IN_DP_E2_CII_MIN"
    IN_DP_E2_PES_FACTURE_MIN = "IN_DP_E2_PES_FACTURE_MIN"
    IN_DP_E2_CPP_FACTURE_MIN = "IN_DP_E2_CPP_FACTURE_MIN"
    IN_DP_PDFARCHIVE_UBL_INVOICE_MUG = "IN_DP_PDFARCHIVE_UBL_INVOICE_MUG"
    IN_DP_PDFARCHIVE_CII_MUG = "IN_DP_PDFARCHIVE_CII_MUG"
    IN_DP_E1_CII_16B = "IN_DP_E1_CII_16B"
    IN_DP_E2_CII_MIN_16B = "IN_DP_E2_CII_MIN_16B"
    IN_DP_E2_CII_FACTURX = "IN_DP_E2_CII_FACTURX"
    IN_DP_E3_UBL_INVOICE = "IN_DP_E3_UBL_INVOICE"


class ModeDepot(ChorusEnum):
    """How an invoice entered Chorus Pro (``modeDepot`` in answers)."""

    SAISIE_WEB = "SAISIE_WEB"
    PORTAIL_PDF = "PORTAIL_PDF"
    EDI_XML_STRUCT = "EDI_XML_STRUCT"
    EDI_MIXTE = "EDI_MIXTE"
    EDI_PDF_ARCHIVE = "EDI_PDF_ARCHIVE"
    SAISIE_PORTAIL = "SAISIE_PORTAIL"
    SAISIE_API = "SAISIE_API"
    DEPOT_PDF_PORTAIL = "DEPOT_PDF_PORTAIL"
    DEPOT_PDF_SIGNE_PORTAIL = "DEPOT_PDF_SIGNE_PORTAIL"
    DEPOT_PDF_API = "DEPOT_PDF_API"
    DEPOT_PDF_SIGNE_API = "DEPOT_PDF_SIGNE_API"
    EDI = "EDI"
    UPLOAD_PORTAIL = "UPLOAD_PORTAIL"
    UPLOAD_API = "UPLOAD_API"
    EDI_NUMERISATION = "EDI_NUMERISATION"


class ModeDepotSoumission(ChorusEnum):
    """Deposit modes accepted by ``soumettreFacture``."""

    SAISIE_API = "SAISIE_API"
    DEPOT_PDF_API = "DEPOT_PDF_API"
    DEPOT_PDF_SIGNE_API = "DEPOT_PDF_SIGNE_API"


class FormatDepot(ChorusEnum):
    """Format of a PDF deposited with ``deposerPdfFacture``."""

    PDF_NON_SIGNE = "PDF_NON_SIGNE"
    PDF_SIGNE_PADES = "PDF_SIGNE_PADES"
    PDF_SIGNE_XADES = "PDF_SIGNE_XADES"


class TypeFacture(ChorusEnum):
    """Kind of invoice; ``ACOMPTE`` only in searches and answers."""

    FACTURE = "FACTURE"
    AVOIR = "AVOIR"
    ACOMPTE = "ACOMPTE"


class TypeFactureTravaux(ChorusEnum):
    """Kind of works invoice (``typeFactureTravaux``)."""

    DP_DE_SOUSTRAITANT_TRAVAUX = "DP_DE_SOUSTRAITANT_TRAVAUX"
    PROJET_DECOMPTE_MENSUEL = "PROJET_DECOMPTE_MENSUEL"
    ETAT_ACOMPTE = "ETAT_ACOMPTE"
    ETAT_ACOMPTE_VALIDE = "ETAT_ACOMPTE_VALIDE"
    PROJET_DECOMPTE_FINAL = "PROJET_DECOMPTE_FINAL"
    PROJET_DECOMPTE_GENERAL = "PROJET_DECOMPTE_GENERAL"
    PROJET_DECOMPTE_GENERAL_PROCEDURE_TACITE = "PROJET_DECOMPTE_GENERAL_PROCEDURE_TACITE"
    DECOMPTE_GENERAL = "DECOMPTE_GENERAL"
    DECOMPTE_GENERAL_SIGNE = "DECOMPTE_GENERAL_SIGNE"
    DECOMPTE_GENERAL_DEFINITIF_TACITE = "DECOMPTE_GENERAL_DEFINITIF_TACITE"
    DECOMPTE_GENERAL_DEFINITIF_PROCEDURE_TACITE = "DECOMPTE_GENERAL_DEFINITIF_PROCEDURE_TACITE"


class TypeTva(ChorusEnum):
    """VAT regime of an invoice (``typeTva``)."""

    TVA_SUR_DEBIT = "TVA_SUR_DEBIT"
    TVA_SUR_ENCAISSEMENT = "TVA_SUR_ENCAISSEMENT"
    EXONERATION = "EXONERATION"
    SANS_TVA = "SANS_TVA"


class ModePaiement(ChorusEnum):
    """Payment means (``modePaiement``)."""

    CHEQUE = "CHEQUE"
    PRELEVEMENT = "PRELEVEMENT"
    VIREMENT = "VIREMENT"
    ESPECE = "ESPECE"
    AUTRE = "AUTRE"
    REPORT = "REPORT"


class TypeIdentifiantStructure(ChorusEnum):
    """Kind of identifier of a structure (``typeIdentifiantStructure``)."""

    SIRET = "SIRET"
    UE_HORS_FRANCE = "UE_HORS_FRANCE"
    HORS_UE = "HORS_UE"
    RIDET = "RIDET"
    TAHITI = "TAHITI"
    AUTRE = "AUTRE"
    PARTICULIER = "PARTICULIER"


class RoleUtilisateur(ChorusEnum):
    """Role of the user in a search (``roleUtilisateur``)."""

    FOURNISSEUR = "FOURNISSEUR"
    MOE = "MOE"
    MOA = "MOA"
    VALIDEUR = "VALIDEUR"
    DESTINATAIRE = "DESTINATAIRE"


class ActionUtilisateur(ChorusEnum):
    """User actions kept in an invoice's history (``histoActionCode``)."""

    TELECHARGEMENT_FACTURE = "TELECHARGEMENT_FACTURE"
    ACQUITTEMENT_REJET = "ACQUITTEMENT_REJET"
    ACQUITTEMENT_SUSPENSION = "ACQUITTEMENT_SUSPENSION"
    TRAITEMENT_REJET = "TRAITEMENT_REJET"


class TriSens(ChorusEnum):
    """Sort order of a search (``triSens``)."""

    Ascendant = "Ascendant"
    Descendant = "Descendant"


class TypeCoordonneesBancaires(ChorusEnum):
    """Kind of bank account (``coordBancairesFournisseurType``)."""

    RIB = "RIB"
    IBAN = "IBAN"


class DpOuDpArchive(ChorusEnum):
    """Payment request or archived one (``dpOuDpArchive``)."""

    DEMANDE_PAIEMENT = "DEMANDE_PAIEMENT"
    DP_ARCHIVE = "DP_ARCHIVE"


class DestinataireEtat(ChorusEnum):
    """Whether the recipient is a State body (``destinataireEtat``)."""

    OUI = "OUI"
    NON = "NON"


class TypeStructure(ChorusEnum):
    """Private or public structure (``typeStructure``, ``structurePriveePublique``)."""

    PRIVEE = "PRIVEE"
    PUBLIQUE = "PUBLIQUE"


class StatutStructureRecherche(ChorusEnum):
    """Status filter of a structure search (``statutStructure``: note ``ACTIF``)."""

    ACTIF = "ACTIF"
    INACTIF = "INACTIF"


class StatutStructure(ChorusEnum):
    """Status of a structure in answers (``statut``: note ``ACTIVE``)."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class StatutRattachement(ChorusEnum):
    """Status of a user's attachment to a service (``statutRattachement``)."""

    EN_COURS_DE_VALIDATION = "EN_COURS_DE_VALIDATION"
    REFUSEE = "REFUSEE"
    VALIDEE = "VALIDEE"
    DESACTIVEE = "DESACTIVEE"
    SUPPRIMEE = "SUPPRIMEE"


class EtatEspace(ChorusEnum):
    """State of a workspace (``etatCourant``)."""

    ACTIVE = "ACTIVE"
    SUPPRIME = "SUPPRIME"


class TypeHabilitation(ChorusEnum):
    """Rights on a workspace (``typeHabilitation``)."""

    CONSULTATION_UNIQUEMENT = "CONSULTATION_UNIQUEMENT"
    MODIFICATION = "MODIFICATION"


class TypeObjetPieceJointe(ChorusEnum):
    """What an attachment type applies to (``typeObjet`` of ``recupererTypesPieceJointe``)."""

    STRUCTURE = "STRUCTURE"
    UTILISATEUR = "UTILISATEUR"
    CB = "CB"
    MANDAT = "MANDAT"
    FICHE_RACCORDEMENT = "FICHE_RACCORDEMENT"
    EJ = "EJ"
    MEMOIRE = "MEMOIRE"
    DMD_RBST = "DMD_RBST"
    TRANSVERSE = "TRANSVERSE"
    FACTURE_TRAVAUX = "FACTURE_TRAVAUX"
    FACTURE = "FACTURE"
    DMDE_CPTE_DEV_SI_EXT = "DMDE_CPTE_DEV_SI_EXT"
    SOLLICITATION = "SOLLICITATION"
    CERTIFICAT = "CERTIFICAT"
    PJ_REJET_EDI = "PJ_REJET_EDI"


_TERMINAL_FLUX = frozenset(
    {EtatFlux.IN_INTEGRE, EtatFlux.IN_INTEGRE_PARTIEL, EtatFlux.IN_REJETE, EtatFlux.IN_INCIDENTE}
)
