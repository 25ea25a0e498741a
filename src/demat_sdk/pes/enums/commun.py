"""Code lists shared by the blocks of ``PES_Aller`` (v5.17): addresses, PJ, tiers."""

from __future__ import annotations

from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "CategorieTiers",
    "Domaine",
    "NatureIdentifiantTiers",
    "NatureJuridique",
    "Support",
    "TypeAdresse",
    "TypeObjet",
    "TypePJ",
    "TypeTiers",
]


class TypeAdresse(PesCode):
    """``TypAdr`` (``TTypAdr``): kind of address."""

    NON_PRECISE = "0", "Non précisé."
    PRINCIPALE = "1", "Principal."
    SECONDAIRE = "2", "Secondaire."


class Support(PesCode):
    """``PJRef/Support`` (``TSupport``): form of the referenced pièce justificative."""

    ELECTRONIQUE = "01", "Support électronique."
    PAPIER = "02", "Support papier."
    CDROM = "03", "Support cdrom/dvdrom."


class Domaine(PesCode):
    """``RefCompta/Domaine`` (``TDomaine``): accounting domain of a PJ sent on its own."""

    DEPENSE = "01", "Dépense."
    RECETTE = "02", "Recette."
    CODE_03 = "03", ""
    BUDGET = "04", "Budget."
    CODE_05 = "05", ""
    MARCHE = "06", "Marché."
    CODE_07 = "07", ""
    CODE_08 = "08", ""
    CODE_09 = "09", ""


class TypeObjet(PesCode):
    """``RefCompta/TypeObjet`` (``TObjet``): bordereau type, budget document or marché nature."""

    CODE_01 = "01", ""
    CODE_02 = "02", ""
    CODE_03 = "03", ""
    CODE_04 = "04", ""
    CODE_05 = "05", ""
    CODE_06 = "06", ""
    CODE_07 = "07", ""
    CODE_08 = "08", ""
    CODE_09 = "09", ""
    CODE_10 = "10", ""


class TypePJ(PesCode):
    """``TypePJ`` (``TPJ``): type of a pièce justificative."""

    DOCUMENT_BUDGETAIRE = "001", "Document Budgétaire."
    RECETTE = "002", "Recette."
    DEPENSE = "003", "Dépense."
    ETAT_DE_PAYE = "004", "Etat de Paye."
    ETAT_AIDE_SOCIALE = "005", "Etat d'Aide sociale."
    PES_FACTURE = "006", "PES Facture."
    FACTURE_ORMC_CPP = "007", "Facture ORMC CPP"
    COMPLEMENT_ASAP_CPP = "008", "Document complémentaire à l'ASAP CPP"
    PIECE_CONTRACTUELLE_MARCHE = "009", "Pièce contractuelle Marché"
    FACTURE_ASAP_ORMC_ENSU = "010", "Facture ASAP ORMC ENSU à éditer"
    COMPLEMENT_ASAP_ENSU = "011", "Document complémentaire à l'ASAP ENSU à éditer"
    CFU_ETAT_ORDONNATEUR = "012", "CFU état ordonnateur"
    CFU_ETATS_ANNEXES = "013", "CFU états annexes"


class NatureIdentifiantTiers(PesCode):
    """``NatIdTiers`` (``TNatIdTiers``): kind of national identifier of a tiers."""

    SIRET = "01", "SIRET"
    SIREN = "02", "SIREN"
    FINESS = "03", "FINESS"
    NIR = "04", "NIR"
    TVA_INTRACOMMUNAUTAIRE = "05", "TVA INTRA COMMUNAUTAIRE"
    HORS_UE = "06", "Hors UE"
    TAHITI = "07", "TAHITI"
    RIDET = "08", "RIDET"
    EN_COURS_IMMATRICULATION = "09", "EN COURS IMMATRICULATION"
    FRWF = "10", "FRWF"
    IREP = "11", "IREP"
    NFP = "12", "NFP"


class TypeTiers(PesCode):
    """``TypTiers`` (``TTypTiersRecette``, ``TTypTiersFacture``): role of a tiers."""

    DEBITEUR_PRINCIPAL = "01", "Débiteur principal."
    DEBITEUR_REGLES_PARTICULIERES = (
        "02",
        "Débiteur appliquant des règles particulières et pouvant assumer la totalité des "
        "frais de séjours.",
    )
    DEBITEUR_SOLIDAIRE = "03", "Débiteur solidaire."
    CO_DEBITEUR = (
        "04",
        "Co-débiteur.(Cette information ne doit pas être utilisée dans le cas d'une dette "
        "conjointe)",
    )
    EMPLOYEUR = "05", "Employeur."
    MALADE = "06", "Malade."
    ASSURE = "07", "Assuré."
    CLIENT = "10", "Client."
    ACHETEUR = "11", "Acheteur."
    DESTINATAIRE = "12", "Destinataire."
    FACTURE = "13", "Facture."
    GESTIONNAIRE_TVA = "14", "Gestionnaire TVA."
    COMPTABLE_CLIENT = "15", "Comptable ( Client)."
    EMETTEUR = "20", "Emetteur."
    VENDEUR = "21", "Vendeur."
    EXPEDITEUR = "22", "Expéditeur."
    FABRICANT = "23", "Fabricant."
    FOURNISSEUR = "24", "Fournisseur."
    DESTINATAIRE_PAIEMENT = "25", "Destinataire Paiement."
    COMPTABLE_EMETTEUR = "26", "Comptable ( Emetteur)."
    LOGEMENT = "30", "Logement ."


class CategorieTiers(PesCode):
    """``CatTiers`` (``TCatTiers``): category of a tiers."""

    PERSONNE_PHYSIQUE = "01", "Personnes physiques."
    ETAT_ETABLISSEMENT_PUBLIC_NATIONAL = "20", "Etat et établissements publics nationaux."
    REGION = "21", "Régions."
    DEPARTEMENT = "22", "Départements."
    COMMUNE = "23", "Communes."
    GROUPEMENT_COLLECTIVITES = "24", "Groupements de collectivités."
    CAISSE_DES_ECOLES = "25", "Caisses des écoles."
    CCAS = "26", "CCAS."
    ETABLISSEMENT_PUBLIC_SANTE = "27", "Etablissements publics de santé."
    ECOLE_NATIONALE_SANTE_PUBLIQUE = "28", "Ecole nationale de la santé publique."
    AUTRE_ETABLISSEMENT_PUBLIC = (
        "29",
        "Autres établissements publics et organismes internationaux.",
    )
    AUTRE_ORGANISME_SOCIAL = "50", "Autres organismes sociaux."
    PERSONNE_MORALE_DROIT_PRIVE = (
        "60",
        "Personnes morales de droit privé autres qu'organismes sociaux.",
    )
    SECURITE_SOCIALE_REGIME_GENERAL = "61", "Caisses de sécurité sociale régime général."
    SECURITE_SOCIALE_REGIME_AGRICOLE = "62", "Caisses de sécurité sociale régime agricole."
    SECURITE_SOCIALE_NON_SALARIES = (
        "63",
        "Sécurité sociale des travailleurs non salariés et professions non agricoles.",
    )
    AUTRE_REGIME_OBLIGATOIRE = "64", "Autres régomes obligatoires de sécurité sociale."
    MUTUELLE_ASSURANCE = "65", "Mutuelles et organismes d'assurance."
    AUTRE_TIERS_PAYANT = "70", "Divers autres tiers payants."
    CNRACL = "71", "CNRACL."
    IRCANTEC = "72", "IRCANTEC."
    ASSEDIC = "73", "ASSEDIC."
    CAISSE_MUTUALISTE_RETRAITE = "74", "Caisses mutualistes de retraite complémentaires."


class NatureJuridique(PesCode):
    """``NatJur`` (``TNatJur``): legal nature of a tiers."""

    PARTICULIER = "01", "Particuliers."
    ARTISAN_COMMERCANT_AGRICULTEUR = "02", "Artisan / Commerçant / Agriculteur."
    SOCIETE = "03", "Société."
    CAM = "04", "CAM ou caisse appliquant les mêmes règles."
    CAISSE_COMPLEMENTAIRE = "05", "Caisse complémentaire."
    ASSOCIATION = "06", "Association."
    ETAT = "07", "Etat ou organisme d'Etat."
    ETABLISSEMENT_PUBLIC_NATIONAL = "08", "Etablissement public national."
    COLLECTIVITE_TERRITORIALE = "09", "Collectivité territoriale / EPL /EPS."
    ETAT_ETRANGER = "10", "Etat étranger / ambassade."
    CAF = "11", "CAF."
