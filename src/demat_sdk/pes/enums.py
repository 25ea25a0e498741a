"""Code lists of ``PES_Aller`` (v5.17), each member with its official label.

The value of a member is the code written in the file (``"03"``); its ``label`` is the
documentation of that code in the DGFiP schemas, word for word (``"Virement"``). Codes the
schemas list without a label are named ``CODE_<code>``. When a file is read, an unknown code is
kept as a value whose ``is_known`` is ``False`` (the validation reports it) instead of making the
whole file unreadable.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "AssureDebiteur",
    "AyantDroit",
    "CategorieTiers",
    "CodeInteretsMoratoires",
    "CodeOperationSpecifique",
    "Domaine",
    "Edition",
    "FormePrix",
    "ModaliteExecution",
    "ModeReglementDepense",
    "ModeReglementRecette",
    "NatureConcession",
    "NatureIdentifiantMarche",
    "NatureIdentifiantTiers",
    "NatureJuridique",
    "NatureMandat",
    "NatureMarche",
    "NaturePieceOrigineDepense",
    "NaturePieceOrigineRecette",
    "NaturePrelevement",
    "NatureTitre",
    "Nomenclature",
    "PeriodicitePrelevement",
    "PesCode",
    "ProcedureConcession",
    "ProcedureMarche",
    "Reconductibilite",
    "ReferenceCCAG",
    "RegimeAvance",
    "SequencePresentation",
    "Support",
    "TypeAdresse",
    "TypeBordereauDepense",
    "TypeBordereauRecette",
    "TypeCodeLieu",
    "TypeFacture",
    "TypeFlux",
    "TypeGarantie",
    "TypeGarantieAvance",
    "TypeGroupement",
    "TypeMandat",
    "TypeObjet",
    "TypePJ",
    "TypePJMarche",
    "TypeTiers",
    "TypeTitre",
    "TypeTitulaire",
    "VariationPrix",
]


class PesCode(str, enum.Enum):
    """Base of the PES code lists: a ``str`` (the code) with its official ``label``."""

    label: str

    def __new__(cls, code: str, label: str = "") -> PesCode:
        """A member: the code is the value, the label rides along."""
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str) or not value:
            return None
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        member.label = ""
        return member

    @property
    def is_known(self) -> bool:
        """Whether the code is one of the schema's (``False`` for a code read from a file)."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)


# --- common ---------------------------------------------------------------------------------


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


# --- dépense ------------------------------------------------------------------------------


class TypeBordereauDepense(PesCode):
    """``TypBord`` of a dépense bordereau (``TTypBordAller``)."""

    ORDINAIRE = "01", "Ordinaire"
    ANNULATION_REDUCTION = "02", "Annulation/réduction"
    ORDRES_DE_PAIEMENT = "03", "Ordres de paiement"
    CODE_04 = "04", ""


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


# --- recette ------------------------------------------------------------------------------


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


# --- facture ------------------------------------------------------------------------------


class TypeFacture(PesCode):
    """``TypeFact`` (``TTypeFacture``) of a PES_Facture."""

    FACTURE = "01", "FACTURE une facture"
    COMMANDE = "02", "COMMANDE une commande"
    AVOIR = "03", "AVOIR un avoir"
    DEVIS = "04", "DEVIS un devis"
    PRO_FORMA = "05", "PRO FORMA une facture pro forma"
    CARTE_ACHAT = "06", "CARTE ACHAT un relevé de carte achat"
    AVIS_ECHEANCE = "07", "AVIS ECHEANCE un avis d'échéance"
    QUITTANCE = "08", "QUITTANCE une quittance"
    ASAP = "09", "ASAP Avis des sommes à payer"
    ASAP_PATIENTS = "10", "ASAP Avis des sommes à payer Patients"


# --- marché -------------------------------------------------------------------------------


class NatureIdentifiantMarche(PesCode):
    """``NatId…`` of an economic operator (``TNatIdTiersMarche``)."""

    SIRET = "01", "SIRET"
    TVA_INTRACOMMUNAUTAIRE = "05", "TVA INTRA COMMUNAUTAIRE"
    HORS_UE = "06", "HORS UE"
    TAHITI = "07", "TAHITI"
    RIDET = "08", "RIDET"
    EN_COURS_IMMATRICULATION = "09", "EN COURS IMMATRICULATION"
    FRWF = "10", "FRWF"
    IREP = "11", "IREP"


class NatureMarche(PesCode):
    """``NatureMarche`` (``TNatureMarche``)."""

    MARCHE = "01", "Marché"
    MARCHE_DE_PARTENARIAT = "02", "Marché De Partenariat"
    ACCORD_CADRE_BONS_DE_COMMANDE = "03", "Accord Cadre À Bons De Commande"
    ACCORD_CADRE_MARCHE_SUBSEQUENT = "04", "Accord Cadre Avec Marché Subséquent Ou Mixte"
    MARCHE_SUBSEQUENT = "05", "Marché Subséquent"
    COMPLEMENTAIRE = "06", "Complémentaire"
    AUTRE = "07", "Autre"


class NatureConcession(PesCode):
    """``NatureConcession`` (``TNatureConcession``)."""

    TRAVAUX = "01", "Concession de travaux"
    SERVICE = "02", "Concession de service"
    SERVICE_PUBLIC = "03", "Concession de service public"
    DELEGATION_SERVICE_PUBLIC = "04", "Délégation de service public"


class TypeCodeLieu(PesCode):
    """``LieuExecution/TypeCode`` (``TTypeCode``)."""

    CODE_POSTAL = "01", "Code postal"
    CODE_COMMUNE = "02", "Code commune"
    CODE_CANTON = "03", "Code canton"
    CODE_ARRONDISSEMENT = "04", "Code arrondissement"
    CODE_DEPARTEMENT = "05", "Code département"
    CODE_REGION = "06", "Code région"
    CODE_PAYS = "07", "Code pays"


class ProcedureMarche(PesCode):
    """``ProcedureMarche`` (``TProcedureMarche``)."""

    ADAPTEE = "01", "Procédure adaptée"
    APPEL_OFFRES_OUVERT = "02", "Appel d'offres ouvert"
    APPEL_OFFRES_RESTREINT = "03", "Appel d'offres restreint"
    CONCURRENTIELLE_AVEC_NEGOCIATION = "04", "Procédure concurrentielle avec négociation"
    NEGOCIEE_AVEC_MISE_EN_CONCURRENCE = (
        "05",
        "Procédure négociée avec mise en concurrence préalable",
    )
    NEGOCIE_SANS_PUBLICITE = "06", "Marché négocié sans publicité ni mise en concurrence"
    DIALOGUE_COMPETITIF = "07", "Dialogue compétitif"
    CONCOURS = "08", "Concours"
    ACQUISITION_DYNAMIQUE = "09", "Système d'acquisition dynamique"
    AUTRE = "10", "Autre"


class ProcedureConcession(PesCode):
    """``ProcedureConcession`` (``TProcedureConcession``)."""

    NEGOCIEE_OUVERTE = "01", "Procédure négociée ouverte"
    NON_NEGOCIEE_OUVERTE = "02", "Procédure non négociée ouverte"
    NEGOCIEE_RESTREINTE = "03", "Procédure négociée restreinte"
    NON_NEGOCIEE_RESTREINTE = "04", "Procédure non négociée restreinte"


class FormePrix(PesCode):
    """``FormePrix`` (``TFormePrix``)."""

    UNITAIRE = "01", "Unitaire"
    FORFAITAIRE = "02", "Forfaitaire"
    MIXTE = "03", "Mixte"


class VariationPrix(PesCode):
    """``VariationPrix`` (``TVariationPrix``)."""

    FERME = "01", "Ferme"
    FERME_ACTUALISABLE = "02", "Ferme et actualisable"
    REVISABLE = "03", "Révisable"
    PROVISOIRE = "04", "Provisoire (Article 19 du décret 2016-360)"


class TypeTitulaire(PesCode):
    """``TypeTitulaireMarche`` (``TTypeTitulaireMarche``)."""

    TITULAIRE = "01", "Titulaire du marché"
    CO_TRAITANT = "02", "Co-traitant"


class TypeGroupement(PesCode):
    """``TypeGroupement`` (``TTypeGroupement``)."""

    AUCUN = "01", "Aucun groupement"
    SOLIDAIRE = "02", "Groupement solidaire"
    CONJOINT = "03", "Groupement conjoint"


class ModaliteExecution(PesCode):
    """``ModaliteExecution`` (``TModaliteExecution``)."""

    ORDINAIRE = "01", "Ordinaire"
    BONS_DE_COMMANDE = "02", "À Bon De Commande"
    TRANCHES = "03", "À Tranches"
    TRANCHES_ET_BONS_DE_COMMANDE = "04", "À Tranches Et Bons De Commandes"
    AUTRE = "05", "Autre"
    PHASES = "06", "À phase"


class ReferenceCCAG(PesCode):
    """``CCAGReference`` (``TCCAGReference``)."""

    TRAVAUX = "01", "T : CCAG Travaux"
    FOURNITURES_SERVICES = "02", "FCS : CCAG Fournitures courantes et prestations de Services"
    INDUSTRIELS = "03", "MI : CCAG Marchés publics Industriels"
    PRESTATIONS_INTELLECTUELLES = "04", "PI : CCAG Prestations intellectuelles"
    TIC = "05", "TIC : CCAG Techniques de l'information et de la communication"
    AUCUN = "06", "A : Aucun CCAG visé"


class TypeGarantie(PesCode):
    """``TypeGarantie`` (``TTypeGarantie``)."""

    AUCUNE = "01", "Aucune"
    RETENUE_DE_GARANTIE = "02", "Retenue de garantie"
    PREMIERE_DEMANDE = "03", "Garantie à première demande"
    CAUTION_PERSONNELLE_SOLIDAIRE = "04", "Caution Personnelle et solidaire"
    AUTRES = "05", "Autres"


class Reconductibilite(PesCode):
    """``Reconductibilite`` (``TReconductibilite``)."""

    NON_RECONDUCTIBLE = "01", "non reconductible"
    TACITE = "02", "reconductible tacite"
    EXPRESSE = "03", "reconductible expresse"


class RegimeAvance(PesCode):
    """``RegimeAvance`` (``TRegimeAvance``)."""

    AUCUNE = "01", "Aucune"
    OBLIGATOIRE = "02", "Obligatoire"
    FACULTATIVE = "03", "Facultative"
    CHAQUE_BON_DE_COMMANDE = "04", "A chaque bon de commande"
    REFUSEE = "05", "Refusée"


class TypeGarantieAvance(PesCode):
    """``TypeGarantieAvance`` (``TTypeGarantieAvance``)."""

    AUCUNE = "01", "Aucune"
    PREMIERE_DEMANDE = "02", "Garantie a Première Demande"
    CAUTION_PERSONNELLE_SOLIDAIRE = "03", "Caution Personnelle et Solidaire"
    AUTRES = "04", "Autres"


class TypePJMarche(PesCode):
    """``TypePJ`` of a marché's ``PJRef`` (``TPJMarche``)."""

    PIECE_CONTRACTUELLE_MARCHE = "009", "Pièce contractuelle Marché"


# --- not a code of the file ---------------------------------------------------------------


class Nomenclature(str, enum.Enum):
    """The budgetary and accounting instruction of a budget (not carried by the file).

    It decides rules Hélios applies: M21 (hospitals) and M22 (medico-social establishments)
    require ``FinJur`` and forbid ``Fonction`` on lines; other instructions forbid ``FinJur``.
    """

    M14 = "M14"
    M21 = "M21"
    M22 = "M22"
    M31 = "M31"
    M4 = "M4"
    M41 = "M41"
    M43 = "M43"
    M49 = "M49"
    M52 = "M52"
    M57 = "M57"
    M61 = "M61"
    M71 = "M71"
    M832 = "M832"

    @property
    def hospitaliere(self) -> bool:
        """Whether it is a hospital instruction (M21, M22)."""
        return self in (Nomenclature.M21, Nomenclature.M22)
