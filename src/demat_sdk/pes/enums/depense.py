"""Code lists of the dépense domain of ``PES_Aller`` (v5.17): bordereaux, mandats, lines."""

from __future__ import annotations

from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "CodeInteretsMoratoires",
    "CodeOperationSpecifique",
    "ModeReglementDepense",
    "NatureMandat",
    "NaturePieceOrigineDepense",
    "TypeBordereauDepense",
    "TypeMandat",
]


class TypeBordereauDepense(PesCode):
    """``TypBord`` of a dépense bordereau, aller and retour (``TTypBord``).

    ``04`` (régularisation) comes only in returns: a PES_Aller may carry 01, 02 or 03.
    """

    ORDINAIRE = "01", "Ordinaire"
    ANNULATION_REDUCTION = "02", "Annulation/réduction"
    ORDRES_DE_PAIEMENT = "03", "Ordres de paiement"
    REGULARISATION = "04", "Bordereau de régularisation"


class TypeMandat(PesCode):
    """``TypPce`` of a mandat (``TTypPce``)."""

    ORDINAIRE = "01", "Mandat ordinaire"
    CORRECTIF = "02", "Mandat correctif"
    ORDRE_BUDGETAIRE = "03", "Mandat d'ordre budgétaire"
    ORDRE_MIXTE = "04", "Mandat d'ordre mixte"
    EMIS_APRES_PAIEMENT = "05", "Mandat émis après paiement"
    GLOBAL = "06", "Mandat global"
    ADMISSION_NON_VALEURS = "07", "Mandat d'admission en non valeurs"
    COLLECTIF = "08", "Mandat collectif"
    SUR_MARCHE = "09", "Mandat sur marché"
    RATTACHEMENT = "10", "Mandat de rattachement"
    ORDRE_DE_PAIEMENT = "11", "Ordre de paiement"
    CODE_12 = "12", ""
    CHARGES_CONSTATEES_AVANCE = "13", "Charges constatées d'avance"


class NatureMandat(PesCode):
    """``NatPce`` of a mandat (``TNatPce``)."""

    FONCTIONNEMENT = "01", "Fonctionnement"
    INVESTISSEMENT = "02", "Investissement"
    INVENTAIRE = "03", "Inventaire"
    EMPRUNT = "04", "Emprunt"
    REGIE = "05", "Régie"
    ANNULATION_REDUCTION = "06", "Annulation-Réduction"
    COMPLEMENTAIRE = "07", "Complémentaire"
    REEMIS = "08", "Reémis"
    ANNULANT_UN_TITRE = "09", "Annulant un titre"
    ANNULATION_MANDAT_RATTACHEMENT = "10", "Annulation du mandat de rattachement"
    PAIE = "11", "Paie"
    RETENUE_DE_GARANTIE = "12", "Retenue de garantie"
    DERNIER_ACOMPTE_MARCHE = "13", "Dernier acompte sur marché"
    AVANCE_FORFAITAIRE = "14", "Avance forfaitaire"
    ORDRE_CESSIONS = "18", "Opération d'ordre liée aux cessions"


class CodeInteretsMoratoires(PesCode):
    """``CodIntMor`` (``TCodIntMor``): basis of the late-payment interest rate."""

    TAUX_LEGAL = "01", "Taux légal"
    TAUX_BCE = "02", "Taux BCE"
    AUTRES = "03", "Autres"


class ModeReglementDepense(PesCode):
    """``ModRegl`` of a mandat line (``TCodePaiement``)."""

    NUMERAIRE = "01", "Numéraire"
    CHEQUE = "02", "Chèque"
    VIREMENT = "03", "Virement"
    VIREMENT_APPLI_EXTERNE = "04", "Virement appli externe"
    VIREMENT_GROS_MONTANT = "05", "Virement gros montant"
    VIREMENT_ETRANGER = "06", "Virement à l'étranger"
    OPERATION_BUDGET_RATTACHE = "07", "Opération budget rattaché"
    OPERATION_ORDRE = "08", "Opération d'ordre"
    AVIS_DE_REGLEMENT = "09", "Avis de règlement"
    PRELEVEMENT = "10", "Prélèvement"
    VIREMENT_INTERNE = "11", "Virement interne"


class CodeOperationSpecifique(PesCode):
    """``CodOpSpec`` (``TCodOpSpec``): code of a specific operation (unlabelled in the XSD)."""

    CODE_01 = "01", ""
    CODE_02 = "02", ""
    CODE_03 = "03", ""
    CODE_04 = "04", ""
    CODE_05 = "05", ""


class NaturePieceOrigineDepense(PesCode):
    """``NatPceOrig`` of a mandat line's ``RattachPiece`` (``TNatPceOrig``)."""

    MANDAT = "01", "Mandat"
    TITRE = "02", "Titre"
    PAIEMENT = "03", "Paiement"
    LISTE_NON_VALEUR = "04", "Liste non valeur"
    ORDRE_PAIEMENT_ORDONNATEUR = "05", "Ordre de paiement ordonnateur"
