"""Coded values of the PES_Retour and of the PES_ACQUIT_RETOUR, with their official labels.

Each enumeration is a :class:`~demat_sdk.pes.enums.PesCode`: the value is the code written in
the file (``"04"``), the member name spells the label out (``REJETE``), ``libelle`` holds the
label of the v5.17 schema set (``RETOUR/NS_Depense/r0/CommunDepense_Retour.xsd``,
``RETOUR/NS_Recette/r0/CommunRecette_Retour.xsd``, ``RETOUR/CommunPES_Retour.xsd``,
``RETOUR/CommunAck_Retour.xsd``) — for the origins of an émargement, the name the schema quotes,
without its explanation. Unknown codes read from a file are kept (``is_known`` is ``False``).
"""

from __future__ import annotations

import re
from typing import TypeVar

from demat_sdk.pes.enums.code import PesCode
from demat_sdk.pes.enums.commun import TypeAdresse
from demat_sdk.pes.enums.depense import TypeBordereauDepense

__all__ = [
    "CategorieTiers",
    "CessionOpposition",
    "CodeActualite",
    "CodeSuspensionPoursuites",
    "DomaineAcquitRetour",
    "EtapePiece",
    "EtatLigneDepense",
    "EtatLigneRecette",
    "EtatPieceDepense",
    "EtatPieceRecette",
    "MotifDepense",
    "MotifRecette",
    "NatureIdentifiantTiers",
    "NatureInformation",
    "NatureJuridique",
    "NaturePieceDepense",
    "NaturePieceRecette",
    "OrigineEmargementDepense",
    "OrigineEmargementRecette",
    "TypeAdresse",
    "TypeBordereauDepense",
    "TypeBordereauRecette",
    "TypeConventionDepense",
    "TypeConventionRecette",
    "TypePieceDepense",
    "TypePieceRecette",
    "TypeRestitution",
    "parse_motifs",
]


class TypeRestitution(PesCode):
    """Kind of return (``TypRestit``): rejets, périodique or stock."""

    REJET = "01", "Rejet"
    PERIODIQUE = "02", "Périodique"
    STOCK = "03", "Stock"


class NatureInformation(PesCode):
    """Nature of the information returned (``NatInf``)."""

    STOCK_DETAILLE = "1", "Stock détaillé"
    FLUX_DETAILLE = "2", "Flux détaillé"


class DomaineAcquitRetour(PesCode):
    """Which return a ``PES_ACQUIT_RETOUR`` element acknowledges (``DomaineAckRetour``)."""

    DEPENSE = "13", "PES Retour Dépense"
    RECETTE = "14", "PES Retour Recette"


class NatureIdentifiantTiers(PesCode):
    """Kind of national identifier of a tiers (``NatIdTiers``)."""

    SIRET = "01", "Siret"
    SIREN = "02", "Siren"
    FINESS = "03", "Finess"
    TVA_INTRACOMMUNAUTAIRE = "05", "TVAIntraCo"
    HORS_UE = "06", "Hors UE"
    TAHITI = "07", "TAHITI"
    RIDET = "08", "RIDET"
    EN_COURS_IMMATRICULATION = "09", "EnCoursImm"
    FRWF = "10", "FRWF"
    IREP = "11", "IREP"
    NFP = "12", "NFP"


class CategorieTiers(PesCode):
    """Category of a tiers (``CatTiers``)."""

    PERSONNE_PHYSIQUE = "01", "Personnes physiques"
    PERSONNE_MORALE_DROIT_PRIVE = "02", "Personnes morales de droit privé"
    PERSONNE_MORALE_DROIT_PUBLIC = "03", "Personnes morales de droit public"


class NatureJuridique(PesCode):
    """Legal nature of a tiers (``NatJur``)."""

    INCONNUE = "00", "Inconnue"
    PARTICULIER = "01", "Particuliers"
    ARTISAN_COMMERCANT_AGRICULTEUR = "02", "Artisan / Commerçant / Agriculteur"
    SOCIETE = "03", "Société"
    CAM = "04", "CAM ou caisse appliquant les mêmes règles"
    CAISSE_COMPLEMENTAIRE = "05", "Caisse complémentaire"
    ASSOCIATION = "06", "Association"
    ETAT = "07", "Etat ou organisme d'Etat"
    ETABLISSEMENT_PUBLIC_NATIONAL = "08", "Etablissement public national"
    COLLECTIVITE_TERRITORIALE_EPL_EPS = "09", "Collectivité territoriale / EPL / EPS"
    ETAT_ETRANGER = "10", "Etat étranger / ambassade"
    CAF = "11", "CAF"


class TypePieceDepense(PesCode):
    """Kind of dépense pièce (``TypPce``)."""

    MANDAT_ORDINAIRE = "01", "Mandat ordinaire"
    MANDAT_CORRECTIF = "02", "Mandat correctif"
    MANDAT_ORDRE_BUDGETAIRE = "03", "Mandat d'ordre budgétaire"
    MANDAT_ORDRE_MIXTE = "04", "Mandat d'ordre mixte"
    MANDAT_EMIS_APRES_PAIEMENT = "05", "Mandat émis après paiement"
    MANDAT_GLOBAL = "06", "Mandat global"
    MANDAT_ADMISSION_NON_VALEURS = "07", "Mandat d'admission en non valeurs"
    MANDAT_COLLECTIF = "08", "Mandat collectif"
    MANDAT_SUR_MARCHE = "09", "Mandat sur marché"
    MANDAT_RATTACHEMENT = "10", "Mandat de rattachement"
    ORDRE_DE_PAIEMENT = "11", "Ordre de paiement"
    DEMANDE_EMISSION_MANDAT = "12", "Demande émission mandat"
    CHARGES_CONSTATEES_AVANCE = "13", "Charges constatées d'avance"
    DEMANDE_EMISSION_TITRE = "14", "Demande d'émission de titre"
    ORDRE_PAIEMENT_RETENUE_GARANTIE = "15", "Ordre de paiement de retenue de garantie"


class NaturePieceDepense(PesCode):
    """Nature of a dépense pièce (``NatPce``)."""

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
    DERNIER_ACOMPTE_SUR_MARCHE = "13", "Dernier acompte sur marché"
    AVANCE_FORFAITAIRE = "14", "Avance forfaitaire"
    AUTRES = "15", "Autres"
    OPERATION_ORDRE_CESSIONS = "18", "Opération d'ordre liée aux cessions"
    REQUISITION_ORDONNATEUR = "19", "Réquisition ordonnateur"
    AUTRE_OPERATION_AVEC_EMARGEMENT = "20", "Autre opération avec émargement"
    CONSTATATION_FRAIS_FINANCIER = "21", "Constatation de frais financier"
    DEBITS_OFFICE = "22", "Débits d'office"
    DEPENSES_DOMICILIEES = "23", "Dépenses domiciliées"
    REMBOURSEMENT_RETENUE_GARANTIE = "24", "Rbt retenue de garantie"
    REMBOURSEMENT_RETENUE_GARANTIE_MANUEL = "25", "Rbt retenue de garantie manuel"
    REMBOURSEMENT_ECHEANCE_EMPRUNT = "26", "Remboursement échéance emprunt"
    SECOURS_URGENCE = "27", "Secours d'urgence"
    VACATION_POLICE = "28", "Vacation police"
    DIVERS = "29", "Divers"
    PENALITES_DE_RETARD = "30", "Pénalités de retard"


class EtatPieceDepense(PesCode):
    """State of a mandat in a dépense return (``EtatPce``)."""

    EN_INSTANCE = "01", "En instance"
    PRISE_EN_CHARGE = "02", "Prise en charge"
    REJETE = "04", "Rejeté"
    SOLDE = "05", "Soldé"


class EtatLigneDepense(PesCode):
    """State of a line of mandat in a dépense return (``EtatLigPce``)."""

    PRIS_EN_CHARGE = "01", "Pris en charge"
    REJETE = "02", "Rejeté"
    PRE_VISE_PEC_SANS_ANOMALIE = "03", "Pré visé PEC sans ano"
    PRE_VISE_PEC_AVEC_ANOMALIE = "04", "Pré visé PEC avec ano"
    PRE_VISE_REJET_FORCABLE = "05", "Pré visé rejet forçable"
    PRE_VISE_REJET_NON_FORCABLE = "06", "Pré visé rejet non forçable"
    PEC_AVEC_ANOMALIES = "07", "PEC avec anomalies"
    PEC_SANS_ANOMALIES = "08", "PEC sans anomalies"
    REJET = "09", "Rejet"
    REJET_NON_FORCABLE = "10", "Rejet non forçable"
    PRIS_EN_CHARGE_AVEC_FORCAGE = "15", "Pris en charge avec forçage"
    MIS_EN_INSTANCE = "16", "Mis en instance"


class CessionOpposition(PesCode):
    """Cession or opposition on a line of mandat (``CessOpp``)."""

    AUCUNE = "01", "Pas de cession-opposition"
    PARTIELLE = "02", "Cession-opposition partielle"
    TOTALE = "03", "Cession-opposition totale"


class MotifDepense(PesCode):
    """Reason the comptable gives for a mandat's state (codes of ``ObsEtat``)."""

    ABSENCE_OU_INVALIDITE_PJ = "01", "Absence totale ou invalidité des pièces justificatives"
    INSUFFISANCE_PJ = "02", "Insuffisance pièces justificatives"
    INSUFFISANCE_CREDITS = "03", "Insuffisance de crédits budgétaires"
    LIQUIDATION_ERRONEE = "04", "Liquidation erronée"
    ABSENCE_SERVICE_FAIT = "05", "Absence certification service fait et caractère exécutoire"
    AUTRE_MOTIF = "06", "Autre motif"
    DOUBLE_PAIEMENT = "07", "Double paiement"
    DOMICILIATION_BANCAIRE = "09", "Domiciliation bancaire absente ou erronée"
    RECUPERATION_AVANCE_NON_EFFECTUEE = "10", "Récupération avance non effectuée"
    INCOMPETENCE_DONNEUR_ORDRE = "11", "Incompétence du donneur d'ordre"
    PRESCRIPTION_DECHEANCE = "13", "Prescription et déchéance"
    MANDANT_NON_VERITABLE_CREANCIER = "16", "Mandant non établi au nom du véritable créancier"
    ERREUR_IMPUTATION = "23", "Erreur d'imputation comptable et budgétaire"
    REJET_TECHNIQUE = "24", "Rejet technique"


class OrigineEmargementDepense(PesCode):
    """What a line of mandat was settled with (``OrgEma`` of ``PaiementEmargement``)."""

    PAIEMENT_REEL = "01", "Paiement réel"
    ORDRE_PAIEMENT_PENALITES_RETARD = "02", "Ordre de paiement Pénalités de retard"
    ORDRE_PAIEMENT_RETENUE_GARANTIE = "03", "Ordre de paiement Retenue de garantie"
    COP = "04", "COP"
    ORDRE_PAIEMENT_COMPTABLE = "05", "Ordre de paiement comptable"
    ORDRE_DE_REVERSEMENT = "06", "Ordre de reversement"
    MANDAT_CORRECTIF = "07", "Mandat correctif"
    MANDAT = "08", "Mandat"
    TITRE_CORRECTIF = "09", "Titre correctif"
    TITRE = "10", "Titre"
    LISTE_NON_VALEUR = "11", "Liste de non valeur"
    ENCAISSEMENT = "12", "Encaissement"
    AVANCE_MARCHE_INVESTISSEMENT = "13", "Avance sur marché d'investissement"
    AVANCE_MARCHE_FONCTIONNEMENT = "14", "Avance sur marché de fonctionnement"
    DIVERS = "15", "Divers"


class TypeConventionDepense(PesCode):
    """Kind of convention of a line of mandat (``TypConv``)."""

    AUTORISATION_DE_PAIEMENT = "01", "Autorisation de paiement"
    CONVENTION_MANDAT_GLOBAL = "03", "Convention sur mandat global"


class TypeBordereauRecette(PesCode):
    """Kind of recette bordereau in a return (``TypBord``)."""

    ORDINAIRE = "01", "Ordinaire"
    ANNULATION_REDUCTION = "02", "Annulation-réduction"
    ORDRE_DE_RECETTE = "03", "Ordre de Recette"
    REGULARISATION = "04", "Bordereau de Régularisation"
    P503 = "05", "P503"
    ORMC = "06", "Ordres de recette multi créanciers"
    ORMC_REVERSEMENT_BENEFICIAIRE = (
        "07",
        ("Ordres de recette multi créanciers_Reversement BC bénéficiaire"),
    )


class TypePieceRecette(PesCode):
    """Kind of recette pièce (``TypPce``)."""

    TITRE_ORDINAIRE = "01", "Titre ordinaire"
    TITRE_CORRECTIF = "02", "Titre correctif"
    TITRE_ORDRE_BUDGETAIRE = "03", "Titre d'ordre budgétaire"
    TITRE_ORDRE_MIXTE = "04", "Titre d'ordre mixte"
    TITRE_EMIS_APRES_ENCAISSEMENT = "05", "Titre émis après encaissement"
    TITRE_RECAPITULATIF_AVEC_ROLE = "06", "Titre récapitulatif avec rôle"
    TITRE_RECAPITULATIF_SANS_ROLE = "07", "Titre récapitulatif sans rôle"
    ROLE_TITRE = "08", "Rôle Titre"
    TITRE_DE_MAJORATION = "09", "Titre de majoration"
    TITRE_PLUSIEURS_ANNEES = "10", "Titre en plusieurs années"
    TITRE_RATTACHEMENT = "11", "Titre de rattachement"
    ORDRE_RECETTE_ORDONNATEUR = "12", "Ordre de recette ordonnateur"
    DEMANDE_EMISSION_TITRE = "13", "Demande émission de titre"
    PRODUITS_CONSTATES_AVANCE = "14", "Titres produits constatés d'avance"
    TITRE_ORMC = "15", "Titre ORMC (Ordre de recette multi créanciers)"


class NaturePieceRecette(PesCode):
    """Nature of a recette pièce (``NatPce``)."""

    FONCTIONNEMENT = "01", "Fonctionnement"
    INVESTISSEMENT = "02", "Investissement"
    INVENTAIRE = "03", "Inventaire"
    EMPRUNT = "04", "Emprunt"
    REGIE = "05", "Régie"
    ANNULATION_REDUCTION = "06", "Annulation/réduction"
    COMPLEMENTAIRE = "07", "Complémentaire"
    REEMIS = "08", "Réémis"
    ANNULANT_UN_MANDAT = "09", "Annulant un mandat"
    ANNULATION_TITRE_RATTACHEMENT = "10", "Annulation du titre de rattachement"
    MARCHE = "11", "Marché"
    AUTRES = "12", "Autres"
    OPERATION_ORDRE_CESSIONS = "18", "Opération d'ordre liée aux cessions"


class EtatPieceRecette(PesCode):
    """State of a titre in a recette return (``EtatPce``)."""

    EN_INSTANCE = "01", "En instance"
    PRISE_EN_CHARGE = "02", "Prise en charge"
    PRISE_EN_CHARGE_PARTIELLE = "03", "Prise en charge partielle"
    REJETE = "04", "Rejeté"
    ANNULE = "05", "Annulé"


class EtatLigneRecette(PesCode):
    """State of a line of titre in a recette return (``EtatLigPce``)."""

    REJETE = "01", "Rejeté"
    ANNULE = "02", "Annulé"
    MIS_EN_INSTANCE = "03", "Mis en instance"
    NON_SOLDEE = "04", "Non soldée"
    SOLDEE = "05", "Soldée"
    SOLDEE_EN_NON_VALEUR = "06", "Soldée en Non valeur"


class MotifRecette(PesCode):
    """Reason the comptable gives for a titre's state (codes of ``ObsEtat``)."""

    ABSENCE_CARACTERE_EXECUTOIRE = "01", "Absence caractère exécutoire"
    ABSENCE_INDICATION_CREANCE = "02", "Absence indication créance"
    ABSENCE_INDICATION_DEBITEUR = "03", "Absence indication débiteur"
    IMPUTATION_BUDGETAIRE_ERRONEE = "04", "Iputation budgétaire erronée"
    PRESCRIPTION = "05", "Prescription"
    AUTRES = "06", "Autres"
    ABSENCE_REFERENCE_PIECE_ORIGINE = "07", "Absence de référence à la pièce d'origine"
    TYPE_BORDEREAU_INEXISTANT = "08", "Type de bordereau de titre inexistant"
    EXERCICE_BORDEREAU_NON_OUVERT = "09", "Exercice Bordereau non ouvert"
    BORDEREAU_SANS_DATE_EMISSION = "10", "Bordereau sans date d'émission"
    MONTANT_BORDEREAU_INCOHERENT = "11", "Montant du bordereau incohérent"
    ABSENCE_SIGNATURE_BORDEREAU = "12", "Absence de signature sur bordereau"
    ABSENCE_TVA = "13", "Absence de TVA pour collectivités assujetties"
    INCOMPETENCE_DONNEUR_ORDRE = "14", "Incompétence du donneur d'ordre"
    INSUFFISANCE_PJ = "15", "Insuffisance pièces justificatives"
    ABSENCE_OU_INVALIDITE_PJ = "16", "Absence ou invalidité des pièces justificatives"
    DOMICILIATION_BANCAIRE = "17", "Domiciliation bancaire absente ou erronée"
    BORDEREAU_EN_DOUBLON = "18", "Numéro de bordereau en doublon"
    COMPLEMENT_INFORMATION = "19", "Complément information nécessaire"
    ATTENTE_TITRE_RECAPITULATIF = "20", "Attente titre récapitulatif"
    TITRE_INCOMPLET = "21", "Titre incomplet"
    EXERCICE_ROLE_CLOTURE = "22", "Exercice rôle clôturé"
    NUMERO_ROLE_NON_UNIQUE = "23", "Numéro de rôle non unique"
    EXERCICE_ROLE_INITIAL_CLOTURE = "24", "Exercice rôle initial clôturé"
    ROLE_INITIAL_INEXISTANT = "25", "Rôle initial inexistant"
    ROLE_INITIAL_NON_PRIS_EN_COMPTE = "26", "Rôle initial non pris en compte"
    DATE_PRELEVEMENT_INCORRECTE = "27", "Date prélèvement incorrect"
    NUMERO_ARTICLE_NON_UNIQUE = "28", "Numéro article non unique"
    DATE_ASP_INCORRECTE = "29", "Date ASP incorrecte"
    CODE_PRODUIT_INCONNU = "30", "Code produit inconnu"
    SIRET_BENEFICIAIRE_INEXISTANT = "31", "SIRET collectivité bénéficiaire inexistant"
    COLLECTIVITE_NON_ASSUJETTIE_TVA = "32", "Collectivité non assujettie à TVA"
    MONTANT_MAJORABLE = "33", "Montant majorable"
    MONTANT_PRELEVEMENT = "34", "Montant prélèvement"
    DOMICILIATION_ERRONEE = "35", "Domiciliation erronée"
    DOMICILIATION_INEXISTANTE = "36", "Domiciliation inexistante"
    RAPPROCHEMENT_ROLE_IMPOSSIBLE = "37", "Rapprochement rôle impossible"
    FORCAGE_ACCORDE_ORDONNATEUR = "38", "Forçage accordé par ordonnateur"
    FORCAGE_ACCORDE_RESPONSABLE_POSTE = (
        "39",
        ("Accord pour forçage du responsable du poste comptable"),
    )
    FORCAGE_ORDONNATEUR_A_VENIR = "40", "Accord pour forçage par ordonnateur à venir"


class CodeSuspensionPoursuites(PesCode):
    """Why the comptable suspended recovery of a titre (``CodeSuspPour``)."""

    DELAIS_ACCORDES = "01", "Délais accordés"
    RECLAMATION_TRANSMISE_ORDONNATEUR = "02", "Réclamation transmise ordo"
    SUSPENSION_DEMANDEE_ORDONNATEUR = "03", "Suspension demandée ordo"
    OPPOSITION_A_POURSUITES = "04", "Opposition à poursuites"
    REDRESSEMENT_AVEC_PLAN = "05", "Redressement judiciaire avec plan d'apurement"
    REDRESSEMENT_SANS_PLAN = "06", "Redressement judiciaire sans plan d'apurement"
    LIQUIDATION_DE_BIENS = "07", "Liquidation de biens"
    LIQUIDATION_JUDICIAIRE = "08", "Liquidation judiciaire"
    COMMISSION_SURENDETTEMENT = "09", "Commission surendettement"
    NPAI = "10", "NPAI"
    ANNULATION_ATTENDUE = "11", "Annulation attendue"
    ADMISSION_NON_VALEUR_DEMANDEE = "12", "Admission en non valeur demandée"
    DEBITEUR_DECEDE = "13", "Débiteur décédé"
    AUTORISATION_POURSUITE_NON_ACCORDEE = "14", "Autorisation de poursuite non accordée"
    CREANCE_MINIME = "15", "Créance minime"
    PV_CARENCE = "16", "PV carence"
    PERSONNE_DISPARUE = "17", "Personne disparue"
    ADMISSION_EN_NON_VALEUR = "18", "Admission en non valeur"
    ASSIGNATION_RJ_LJ = "19", "Assignation RJ LJ"
    CESSION_FONDS = "20", "Cession fonds"
    POURVOI_TRIBUNAUX = "21", "Pourvoi tribunaux"
    DR_DEMANDEE = "22", "DR demandée"
    TIERS_NON_RATTACHE = "23", "Tiers non rattaché"
    PLAN_RECOUVREMENT_INCONNU = "24", "Plan de recouvrement inconnu"
    POURSUITE_INITIATIVE_POSTE = "25", "Poursuite initiative poste"
    REGLE_AIDE_MEDICALE = "26", "Règle aide médicale"
    PRODUCTION_NOTAIRE = "27", "Production notaire"
    ATTENTE_REPONSE_HUISSIER = "28", "Attente réponse huissier"
    PV_PERQUISITION = "29", "PV perquisition"
    PV_RECHERCHE = "30", "PV Recherche"
    TRANSFERE_BC_BENEFICIAIRE = "31", "Transféré BC bénéficiaire"
    CONTESTATION_CREANCE = "32", "Contestation créance"
    EMPECHEMENT_TECHNIQUE = "33", "Empêchement technique"
    DIVERS = "34", "Divers"
    PAIEMENT_PARTIEL_OU_NUL_HOPITAL = "35", "Paiement partiel ou nul Hôpital public"
    SATD_POSITIVE = "36", "SATD Positive"
    PAIEMENT_REJETE_HOPITAL = "37", "Paiement rejeté hôpital public"
    ACTION_DE_JUSTICE = "38", "Action de justice"
    POURSUITES_HORS_HELIOS = "39", "Action de poursuites hors Hélios"


class EtapePiece(PesCode):
    """Current step of recovery of a titre (``EtapePce``)."""

    AVIS_SOMMES_A_PAYER = "00", "Avis Sommes à payer"
    LETTRE_DE_RAPPEL = "01", "Lettre rappel ou lettre de relance"
    COMMANDEMENT = "02", "Commandement"
    MISE_EN_DEMEURE = "03", "Mise en demeure"
    SAISIE_ATTRIBUTION = "04", "Saisie Attribution"
    SAISIE_ATTRIBUTION_CAF = "05", "Saisie Attribution CAF"
    SAISIE_VENTE = "06", "Saisie Vente"
    SAISIE_REMUNERATION = "07", "Saisie Rémunération"
    VENTE = "08", "Vente"
    POURSUITES_EXTERIEURES = "09", "Poursuites extérieures"
    SAISIE_COFFRES_FORTS = "10", "Saisie des coffres forts"
    SAISIE_VEHICULES = "11", "Saisie des véhicules à moteur"
    SAISIE_VALEURS_MOBILIERES = (
        "12",
        ("Saisie des valeurs mobilières de placement et autres biens d'associés"),
    )
    AUTORISATION_COMMANDEMENT = "13", "Autorisation commandement"
    AUTORISATION_SAISIE = "14", "Autorisation saisie"
    AVIS_AVANT_POURSUITES_EXTERIEURES = "15", "Avis avant état de poursuites extérieures"
    PHASE_COMMINATOIRE = "16", "Phase comminatoire"
    SATD_EMPLOYEUR = "17", "SATD employeur"
    SATD_BANCAIRE = "18", "SATD bancaire"
    SATD_AUTRES_TIERS = "19", "SATD Autres Tiers"


class CodeActualite(PesCode):
    """News of the current recovery step (``CodActu``)."""

    ACTE_ENVOYE = "01", "Acte envoyé"
    AUTORISATIONS_DEMANDEES = "02", "Autorisations de poursuites demandées"
    AUTORISATIONS_ACCEPTEES = "03", "Autorisations de poursuites acceptées"
    AUTORISATIONS_REFUSEES = "04", "Autorisations de poursuites refusées"
    ACTE_POSITIF = "05", "Acte positif"
    ACTE_NEGATIF = "06", "Acte négatif"
    PND = "07", "PND"
    RJ_LJ_SURENDETTEMENT = "08", "RJ/LJ ou surendettement"
    DIVERS = "09", "Divers"


class OrigineEmargementRecette(PesCode):
    """What a line of titre was settled with (``OrgEma`` of ``EncaissementEmargement``)."""

    ENCAISSEMENT_AVANT_EMISSION = "01", "Encaissement avant émission de titre"
    ENCAISSEMENT = "02", "Encaissement"
    FLUX_ENCAISSEMENT = "03", "Flux d'encaissement"
    MANDAT_CORRECTIF = "04", "Mandat correctif"
    MANDAT = "05", "Mandat"
    LISTE_NON_VALEUR = "06", "Liste non valeur"
    TITRE_CORRECTIF = "07", "Titre correctif"
    TITRE = "08", "Titre"
    ANNULATION_FRAIS_POURSUITE = "09", "Annulation frais de poursuite ou acte de poursuite"
    TIPI = "10", "TIPI"
    ENCAISSEMENT_TECHNIQUE = (
        "11",
        (
            "Encaissement technique -lorsque la ligne de pièce est soldée suite à un "
            "reversement vers un budget collectivité bénéficiaire"
        ),
    )
    DIVERS = "12", "Divers"


class TypeConventionRecette(PesCode):
    """Kind of convention of a line of titre (``TypConv``)."""

    TITRES_PLUSIEURS_ANNEES = "01", "Convention sur titres en plusieurs années"
    ROLES_MULTI_COLLECTIVITES = "02", "Convention sur rôles multi collectivités"


M = TypeVar("M", MotifDepense, MotifRecette)

_CODE_LIST = re.compile(r"\s*\d{1,2}(\s*[-,;/ ]\s*\d{1,2})*\s*")


def parse_motifs(observation: str | None, codes: type[M]) -> list[M]:
    """The reason codes an ``ObsEtat`` holds.

    ``ObsEtat`` holds one code or several separated by a dash (``"01-05"``, the separator the
    schema documentation suggests; commas, semicolons, slashes and spaces are accepted too).
    When it holds free text instead, there is no code to return (the text stays readable in
    the ``observation`` field).
    """
    if not observation or not _CODE_LIST.fullmatch(observation):
        return []
    return [codes(part.zfill(2)) for part in re.findall(r"\d+", observation)]
