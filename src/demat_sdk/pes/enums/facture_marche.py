"""Code lists of ``PES_Facture`` and ``PES_Marche`` (v5.17)."""

from __future__ import annotations

from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "FormePrix",
    "ModaliteExecution",
    "NatureConcession",
    "NatureIdentifiantMarche",
    "NatureMarche",
    "ProcedureConcession",
    "ProcedureMarche",
    "Reconductibilite",
    "ReferenceCCAG",
    "RegimeAvance",
    "TypeCodeLieu",
    "TypeFacture",
    "TypeGarantie",
    "TypeGarantieAvance",
    "TypeGroupement",
    "TypePJMarche",
    "TypeTitulaire",
    "VariationPrix",
]


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
