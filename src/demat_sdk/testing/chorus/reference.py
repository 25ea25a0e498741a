"""The reference lists the emulator serves (``recupererDevises``, ``recupererPays``…).

Codes are the official ones where the API documentation shows them; labels are in French, with
English labels when ``codeLangue`` is ``EN``.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = [
    "CADRES_AVEC_VALIDEUR",
    "CADRES_FACTURATION",
    "DEVISES",
    "FORMATS_FLUX",
    "MODES_DEPOT",
    "MODES_REGLEMENT",
    "MOTIFS_EXONERATION_TVA",
    "MOTIFS_REFUS",
    "PAYS",
    "TAUX_TVA",
    "TYPES_DEMANDE_PAIEMENT",
    "TYPES_PIECE_JOINTE",
    "libelle_type_piece_jointe",
]

# code -> (French label, English label)
DEVISES: dict[str, tuple[str, str]] = {
    "EUR": ("Euro", "Euro"),
    "USD": ("Dollar des États-Unis", "US dollar"),
    "GBP": ("Livre sterling", "Pound sterling"),
    "CHF": ("Franc suisse", "Swiss franc"),
    "XPF": ("Franc CFP", "CFP franc"),
}

PAYS: dict[str, tuple[str, str]] = {
    "FR": ("France", "France"),
    "BE": ("Belgique", "Belgium"),
    "DE": ("Allemagne", "Germany"),
    "ES": ("Espagne", "Spain"),
    "IT": ("Italie", "Italy"),
    "LU": ("Luxembourg", "Luxembourg"),
    "CH": ("Suisse", "Switzerland"),
    "GB": ("Royaume-Uni", "United Kingdom"),
    "MC": ("Monaco", "Monaco"),
    "NC": ("Nouvelle-Calédonie", "New Caledonia"),
    "PF": ("Polynésie française", "French Polynesia"),
}

# code -> (French label, English label, rate in percent)
TAUX_TVA: dict[str, tuple[str, str, Decimal]] = {
    "TVA1": ("Art 293B(FranchiseEnBase)", "Art 293B (basic exemption)", Decimal("0")),
    "TVA2": ("Taux particulier 2,1 %", "Special rate 2.1%", Decimal("2.1")),
    "TVA3": ("Taux réduit 5,5 %", "Reduced rate 5.5%", Decimal("5.5")),
    "TVA4": ("Taux intermédiaire 10 %", "Intermediate rate 10%", Decimal("10")),
    "TVA5": ("Taux normal 20 %", "Standard rate 20%", Decimal("20")),
}

MOTIFS_EXONERATION_TVA: dict[str, tuple[str, str]] = {
    "ART_261_CGI": ("Exonération article 261 du CGI", "Exemption, article 261 CGI"),
    "ART_262_CGI": ("Exonération article 262 du CGI", "Exemption, article 262 CGI"),
    "ART_293B_CGI": ("TVA non applicable, article 293 B du CGI", "VAT not applicable, 293 B"),
    "AUTOLIQUIDATION": ("Autoliquidation", "Reverse charge"),
}

MODES_REGLEMENT = ("CHEQUE", "PRELEVEMENT", "VIREMENT", "ESPECE", "AUTRE", "REPORT")

MODES_DEPOT = (
    "SAISIE_WEB",
    "PORTAIL_PDF",
    "EDI_XML_STRUCT",
    "EDI_MIXTE",
    "EDI_PDF_ARCHIVE",
    "SAISIE_PORTAIL",
    "SAISIE_API",
    "DEPOT_PDF_PORTAIL",
    "DEPOT_PDF_SIGNE_PORTAIL",
    "DEPOT_PDF_API",
    "DEPOT_PDF_SIGNE_API",
    "EDI",
    "UPLOAD_PORTAIL",
    "UPLOAD_API",
    "EDI_NUMERISATION",
)

FORMATS_FLUX = ("IN_DP_E1_STRUCT", "IN_DP_E2_MIXTE", "IN_DP_E2_FACTURX")

TYPES_DEMANDE_PAIEMENT = ("FACTURE", "FACTURE_TRAVAUX", "MEMOIRE_JUSTICE", "DEMANDE_REMBOURSEMENT")

CADRES_FACTURATION: dict[str, tuple[str, ...]] = {
    "FACTURE": (
        "A1_FACTURE_FOURNISSEUR",
        "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
        "A9_FACTURE_SOUSTRAITANT",
        "A12_FACTURE_COTRAITANT",
    ),
    "FACTURE_TRAVAUX": (
        "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
        "A5_ETAT_ACOMPTE_FOURNISSEUR",
        "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR",
        "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR",
        "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR",
        "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT",
        "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT",
        "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT",
        "A14_PROJET_DECOMPTE_FINAL_COTRAITANT",
        "A15_ETAT_ACOMPTE_MOE",
        "A16_ETAT_ACOMPTE_VALIDE_MOE",
        "A17_PROJET_DECOMPTE_GENERAL_MOE",
        "A18_DECOMPTE_GENERAL_MOE",
        "A19_ETAT_ACOMPTE_VALIDE_MOA",
        "A20_DECOMPTE_GENERAL_MOA",
        "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE",
        "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR",
        "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE",
        "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE",
    ),
    "MEMOIRE_JUSTICE": ("A3_MEMOIRE_JUSTICE",),
    "DEMANDE_REMBOURSEMENT": ("A21_DEMANDE_REMBOURSEMENT_TIC",),
}

# Kinds of attachment: id -> (code, French label, English label, typeObjet). The codes of the
# real service are not published: these are the emulator's, for the objects invoices deal with.
TYPES_PIECE_JOINTE: dict[int, tuple[str, str, str, str]] = {
    101: ("FACTURE", "Facture", "Invoice", "FACTURE"),
    102: ("BON_LIVRAISON", "Bon de livraison", "Delivery note", "FACTURE"),
    103: ("PV_RECEPTION", "Procès-verbal de réception", "Acceptance report", "FACTURE"),
    104: ("DEVIS", "Devis", "Quotation", "FACTURE"),
    105: ("AUTRE", "Autre pièce justificative", "Other supporting document", "FACTURE"),
    201: ("BON_COMMANDE", "Bon de commande", "Purchase order", "EJ"),
    301: ("RIB", "Relevé d'identité bancaire", "Bank details", "CB"),
    401: ("MANDAT", "Mandat de facturation", "Billing mandate", "MANDAT"),
}

# A validator's coded refusal reasons: id -> (code, label). The real list is not published; these
# are the emulator's. Only invoices with a validator (A9, A12) can be refused.
MOTIFS_REFUS: dict[int, tuple[str, str]] = {
    1: ("PRESTATION_NON_REALISEE", "Prestation non réalisée"),
    2: ("MONTANT_ERRONE", "Montant de la facture erroné"),
    3: ("SOUS_TRAITANCE_NON_ACCEPTEE", "Sous-traitance non acceptée ou non agréée"),
    4: ("PIECES_MANQUANTES", "Pièces justificatives manquantes"),
}
CADRES_AVEC_VALIDEUR = ("A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT")
"""Billing frames whose invoices go through a validator."""


def libelle_type_piece_jointe(code: str) -> str:
    """The French label of a kind of attachment, by code (the code itself when unknown)."""
    for known, libelle, _, _ in TYPES_PIECE_JOINTE.values():
        if known == code:
            return libelle
    return code
