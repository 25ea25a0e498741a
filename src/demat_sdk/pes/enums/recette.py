"""Code lists of the recette domain of ``PES_Aller`` (v5.17): bordereaux, titres, lines."""

from __future__ import annotations

from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "AssureDebiteur",
    "AyantDroit",
    "Edition",
    "ModeReglementRecette",
    "NaturePieceOrigineRecette",
    "NaturePrelevement",
    "NatureTitre",
    "PeriodicitePrelevement",
    "SequencePresentation",
    "TypeBordereauRecette",
    "TypeFlux",
    "TypeTitre",
]


class TypeBordereauRecette(PesCode):
    """``TypBord`` of a recette bordereau (``TTypBordAller``)."""

    ORDINAIRE = "01", "Ordinaire"
    ANNULATION_REDUCTION = "02", "Annulation/réduction"
    ORDRES_DE_RECETTE = "03", "Ordres de recette"
    CODE_04 = "04", ""
    CODE_05 = "05", ""
    ORMC = "06", "Ordres de recette multi créanciers (ORMC)"


class TypeTitre(PesCode):
    """``TypPce`` of a titre (``TTypPce``)."""

    ORDINAIRE = "01", "Titre ordinaire"
    CORRECTIF = "02", "Titre correctif"
    ORDRE_BUDGETAIRE = "03", "Titre d'ordre budgétaire"
    ORDRE_MIXTE = "04", "Titre d'ordre mixte"
    EMIS_APRES_PAIEMENT = "05", "Titre émis après paiement"
    RECAPITULATIF_AVEC_ROLE = "06", "Titre récapitulatif avec rôle"
    RECAPITULATIF_SANS_ROLE = "07", "Titre récapitulatif sans rôle"
    MAJORATION = "09", "Titre de majoration"
    PLUSIEURS_ANNEES = "10", "Titre en plusieurs années"
    RATTACHEMENT = "11", "Titre de rattachement"
    ORDRE_RECETTE_ORDONNATEUR = "12", "Ordre de recette ordonnateur"
    PRODUITS_CONSTATES_AVANCE = "14", "Produits constatés d'avance"
    ORMC = "15", "Titre ORMC"


class NatureTitre(PesCode):
    """``NatPce`` of a titre (``TNatPce``)."""

    FONCTIONNEMENT = "01", "Fonctionnement"
    INVESTISSEMENT = "02", "Investissement"
    INVENTAIRE = "03", "Inventaire"
    EMPRUNT = "04", "Emprunt"
    REGIE = "05", "Régie"
    ANNULATION_REDUCTION = "06", "Annulation-Réduction"
    COMPLEMENTAIRE = "07", "Complémentaire"
    REEMIS = "08", "Réémis"
    ANNULANT_UN_MANDAT = "09", "Annulant un mandat"
    ANNULATION_TITRE_RATTACHEMENT = "10", "Annulation du titre de rattachement"
    MARCHE = "11", "Marché"
    ORDRE_CESSIONS = "18", "Opération d'ordre liée aux cessions"


class Edition(PesCode):
    """``Edition`` (``TEdition``): how the DGFiP processes the ASAP of a titre."""

    ASAP_A_EDITER = "01", "Avis des sommes à payer à éditer."
    ASAP_CPP = "02", "Avis des sommes à payer CPP."
    ASAP_ORMC_CPP = "03", "Avis des sommes à payer ORMC CPP"
    ASAP_SANS_TRAITEMENT_DGFIP = "04", "Avis des sommes à payer sans traitement DGFIP"
    ASAP_PATIENTS_A_EDITER = "05", "Avis des sommes à payer Patients à éditer"
    ASAP_ORMC_ENSU_A_EDITER = "06", "Avis des sommes à payer ORMC ENSU à éditer"


class NaturePrelevement(PesCode):
    """``NatPrel`` (``TNatPrel``): who hands the direct-debit file to the banks."""

    TRESOR = "01", "Fichier remis aux organismes bancaire par le Trésor."
    ORDONNATEUR = "02", "Fichier remis aux organismes bancaires par l'ordonnateur."


class PeriodicitePrelevement(PesCode):
    """``PerPrel`` (``TPerPrel``): periodicity of a direct debit."""

    BIMESTRIELLE = "01", "Bimestrielle"
    MENSUELLE = "02", "Mensuelle"
    BIMENSUELLE = "03", "Bimensuelle"
    TRIMESTRIELLE = "04", "Trimestrielle"
    SEMESTRIELLE = "05", "Semestrielle"
    ANNUELLE = "06", "Annuelle"
    UNIQUE = "07", "Unique"


class SequencePresentation(PesCode):
    """``SequencePres`` (``TSequencePres``): SEPA sequence type."""

    OOFF = "01", "OOFF"
    FRST = "02", "FRST"
    RCUR = "03", "RCUR"
    FNAL = "04", "FNAL"


class AssureDebiteur(PesCode):
    """``CodAssDeb`` (``TCodAssDeb``): whether the insured person is the debtor (hospitals)."""

    OUI = "1", "oui"
    NON = "2", "non"
    INDETERMINE = "3", "indéterminé"


class AyantDroit(PesCode):
    """``CodAyantDroit`` (``TCodAyantDroit``): nature of the beneficiary (M21/M22)."""

    CONJOINT = "01", "Conjoint."
    ENFANT = "02", "Enfant."
    AUTRE = "03", "Autres."


class NaturePieceOrigineRecette(PesCode):
    """``NatPceOrig`` of a titre line's ``RattachPiece`` (``TNatPceOrig``)."""

    TITRES = "01", "Titres"
    MANDATS = "02", "Mandats"
    ENCAISSEMENTS = "03", "Encaissements"
    LISTE_MAJORATION = "05", "Liste de majoration"


class TypeFlux(PesCode):
    """``Recouvrement/TypFlux`` (``TTypFlux``)."""

    RECOUVREMENTS_ORDONNATEUR = (
        "01",
        "Informations des recouvrements à destination de l'ordonnateur.",
    )
    ENCAISSEMENT_CENTRE = (
        "02",
        "Information d'encaissement en provenance d'un centre d'encaissement. Le code 02 est "
        "uniquement à usage interne et n'a pas à être utilisé par les ordonnateurs.",
    )


class ModeReglementRecette(PesCode):
    """``Recouvrement/ModRegl`` (``TModRegl``)."""

    NUMERAIRE = "01", "Numéraire"
    CHEQUE = "02", "Chèque"
    VIREMENT = "03", "Virement"
    VIREMENT_APPLI_EXTERNE = "04", "Virement appli externe"
    VIREMENT_GROS_MONTANT = "05", "Virement gros montant"
    VIREMENT_ETRANGER = "06", "Virement à l'étranger"
    OPERATION_BUDGET_RATTACHE = "07", "Opération budget rattaché"
    PRELEVEMENT = "08", "Prélèvement"
    VIREMENT_INTERNE = "09", "Virement interne"
