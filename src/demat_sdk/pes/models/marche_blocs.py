"""The blocks of a marché in ``PES_Marche``: parties, execution terms, breakdowns, amendments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    CategorieTiers,
    FormePrix,
    ModaliteExecution,
    NatureIdentifiantMarche,
    NatureJuridique,
    ReferenceCCAG,
    RegimeAvance,
    Support,
    TypeCodeLieu,
    TypeGarantie,
    TypeGarantieAvance,
    TypeGroupement,
    TypePJMarche,
    TypeTitulaire,
    VariationPrix,
)
from demat_sdk.pes.models.common import Adresse
from demat_sdk.pes.schema import child, children, pes_model, value, values
from demat_sdk.pes.simpletypes import Code

__all__ = [
    "PA",
    "Acheteur",
    "Acheteurs",
    "BancaireMarche",
    "CodesCPVSec",
    "ConditionsExecution",
    "ConditionsExecutionSousTraitantPaiementDirect",
    "ConditionsExecutionTitulaire",
    "DeclarationSousTraitancePaiementDirect",
    "Garantie",
    "IdentifiantMarche",
    "IndiceReference",
    "IndicesReference",
    "LieuExecution",
    "ModificationMontantDuree",
    "ModificationSousTraitancePaiementDirect",
    "ModificationTitulaire",
    "ModificationsMarche",
    "Operateurs",
    "PJRefMarche",
    "PJRefsMarche",
    "SousTraitantPaiementDirect",
    "SousTraitantPaiementDirectLight",
    "Titulaire",
    "TitulaireLight",
    "TitulairesLight",
    "VentilationAcheteur",
    "VentilationSousTraitantPaiementDirect",
    "VentilationTitulaire",
    "VentilationsAcheteurs",
    "VentilationsSousTraitantPaiementDirect",
    "VentilationsTitulaire",
]


@pes_model
class IdentifiantMarche:
    """``IdentifiantMarche`` (TIdentifiantMarche)."""

    identifiant_contrat: str = value("IdContrat", st.NUM4_TEXTE1_10)
    numero_ordre_modification: str = value("NumeroOrdreModification", st.NUMORDRE2_LIGHT)
    sequence_envoi: int = value("SequenceEnvoi", st.NUM3)
    caractere_correctif_enregistrement: bool = value("CaractereCorrectifEnregistrement", st.BOOLEEN)


@pes_model
class PA:
    """``PA`` (TPA)."""

    siret: str = value("IdPA", st.NUM14_14_LIGHT)
    nom: str = value("NomPA", st.TEXTE38)


@pes_model
class Acheteur:
    """``Acheteur`` (TAcheteur)."""

    siret_acheteur: str = value("IdAcheteur", st.NUM14_14_LIGHT)
    nom_acheteur: str = value("NomAcheteur", st.TEXTE38)
    montant_ht_estime: Decimal | None = value("MontantHTEstime", st.MONTANT, default=None)


@pes_model
class Acheteurs:
    """``Acheteurs`` (TAcheteurs)."""

    acheteur: list[Acheteur] = children("Acheteur", Acheteur, min_occurs=1, default_factory=list)


@pes_model
class LieuExecution:
    """``LieuExecution`` (TLieuExecution)."""

    code_lieu_execution: str = value("CodeLieuExecution", st.TEXTE5)
    type_code: TypeCodeLieu = value("TypeCode", Code(TypeCodeLieu, "TTypeCode"))
    nom_lieu_execution: str = value("NomLieuExecution", st.TEXTE50)


@pes_model(
    choices=[
        (
            1,
            (
                (
                    "code_pays_international",
                    "code_banque_international",
                    "code_etablissement!",
                    "code_guichet!",
                    "numero_compte!",
                    "cle_rib!",
                ),
                ("bic", "iban!"),
                ("code_pays!", "numero_compte_etranger!"),
            ),
        )
    ]
)
class BancaireMarche:
    """``CpteBancaire`` (TBancaireMarche)."""

    code_pays_international: str | None = value("IdPayInt", st.ALPHANUM4, default=None)
    code_banque_international: str | None = value("IdBancInt", st.ALPHANUM11, default=None)
    code_etablissement: str | None = value("CodeEtab", st.ALPHANUM5, default=None)
    code_guichet: str | None = value("CodeGuic", st.ALPHANUM5_LIGHT, default=None)
    numero_compte: str | None = value("IdCpte", st.TEXTE11, default=None)
    cle_rib: str | None = value("CleRib", st.NUM2_LIGHT, default=None)
    bic: str | None = value("BIC", st.TEXTE11BIC, default=None)
    iban: str | None = value("IBAN", st.TEXTE34IBAN, default=None)
    code_pays: str | None = value("CodePays", st.TEXTE2, default=None)
    numero_compte_etranger: str | None = value("NumeroCompteEtranger", st.TEXTE34, default=None)
    libelle_banque: str | None = value("LibBanc", st.TEXTE24, default=None)
    titulaire: str = value("TitCpte", st.TEXTE32)
    date_mise_a_jour: dt.date | None = value("DteBanc", st.DATE, default=None)


@pes_model
class Garantie:
    """``Garantie`` (TGarantie)."""

    type_garantie: TypeGarantie = value("TypeGarantie", Code(TypeGarantie, "TTypeGarantie"))
    taux_garantie: Decimal | None = value("TauxGarantie", st.TAUX, default=None)
    montant_garantie: Decimal | None = value("MontantGarantie", st.MONTANT_LIGHT, default=None)
    date_reception_garantie: dt.date | None = value("DateReceptionGarantie", st.DATE, default=None)


@pes_model
class IndiceReference:
    """``IndiceReference`` (TIndiceReference)."""

    indice: str = value("Indice", st.TEXTE20_LIGHT)
    mois_annee: str = value("MoisAnnee", st.DATEMOISANNEE)
    valeur: Decimal = value("Valeur", st.DECIMAL14_4)
    formule_revision_prix: str = value("FormuleRevPrix", st.TEXTE160_LIGHT)


@pes_model
class IndicesReference:
    """``IndicesReference`` (TIndicesReference)."""

    indice_reference: list[IndiceReference] = children(
        "IndiceReference", IndiceReference, min_occurs=1, default_factory=list
    )


@pes_model
class ConditionsExecutionTitulaire:
    """``ConditionsExecutionTitulaire`` (TConditionsExecutionTitulaire)."""

    nature_prestations: str | None = value("NaturePrestations", st.TEXTE38, default=None)
    regime_avance: RegimeAvance = value("RegimeAvance", Code(RegimeAvance, "TRegimeAvance"))
    montant_avance: Decimal | None = value("MontantAvance", st.MONTANT, default=None)
    type_garantie_avance: TypeGarantieAvance | None = value(
        "TypeGarantieAvance", Code(TypeGarantieAvance, "TTypeGarantieAvance"), default=None
    )
    montant_garantie_avance: Decimal | None = value(
        "MontantGarantieAvance", st.MONTANT, default=None
    )
    date_reception_garantie_avance: dt.date | None = value(
        "DateReceptionGarantieAvance", st.DATE, default=None
    )
    pourcentage_avance: Decimal | None = value("PourcentageAvance", st.TAUX, default=None)
    garantie: Garantie | None = child("Garantie", Garantie, default=None)
    forme_prix: FormePrix = value("FormePrix", Code(FormePrix, "TFormePrix"))
    variation_prix: VariationPrix = value("VariationPrix", Code(VariationPrix, "TVariationPrix"))
    indices_reference: IndicesReference | None = child(
        "IndicesReference", IndicesReference, default=None
    )


@pes_model
class Titulaire:
    """``Titulaire`` (TTitulaire)."""

    type_titulaire: TypeTitulaire = value(
        "TypeTitulaireMarche", Code(TypeTitulaire, "TTypeTitulaireMarche")
    )
    nature_identifiant_titulaire: NatureIdentifiantMarche = value(
        "NatIdTitulaire", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant_titulaire: str = value("IdTitulaire", st.TEXTE9_100)
    denomination_sociale: str = value("DenominationSociale", st.TEXTE38)
    complement_nom: str | None = value("ComplNom", st.TEXTE38, default=None)
    prenom: str | None = value("Prenom", st.TEXTE38, default=None)
    reference: str | None = value("RefTiers", st.TEXTE30, default=None)
    categorie: CategorieTiers = value("CatTiers", Code(CategorieTiers, "TCatTiers"))
    nature_juridique: NatureJuridique = value("NatJur", Code(NatureJuridique, "TNatJur"))
    civilite: str | None = value("Civilite", st.TEXTE10, default=None)
    adresse: Adresse = child("Adresse", Adresse)
    compte_bancaire: BancaireMarche = child("CpteBancaire", BancaireMarche)
    conditions_execution_titulaire: ConditionsExecutionTitulaire = child(
        "ConditionsExecutionTitulaire", ConditionsExecutionTitulaire
    )


@pes_model
class SousTraitantPaiementDirect:
    """``SousTraitantPaiementDirect`` (TSousTraitantPaiementDirect)."""

    numero_acte_sous_traitance: str = value("NumeroActeSousTraitance", st.NUM2_2LIGHT)
    nature_identifiant_sous_traitant: NatureIdentifiantMarche = value(
        "NatIdSousTraitant", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant_sous_traitant: str = value("IdSousTraitant", st.TEXTE9_100)
    denomination_sociale: str = value("DenominationSociale", st.TEXTE38)
    complement_nom: str | None = value("ComplNom", st.TEXTE38, default=None)
    prenom: str | None = value("Prenom", st.TEXTE38, default=None)
    reference: str | None = value("RefTiers", st.TEXTE30, default=None)
    categorie: CategorieTiers = value("CatTiers", Code(CategorieTiers, "TCatTiers"))
    nature_juridique: NatureJuridique = value("NatJur", Code(NatureJuridique, "TNatJur"))
    civilite: str | None = value("Civilite", st.TEXTE10, default=None)
    adresse: Adresse = child("Adresse", Adresse)
    compte_bancaire: BancaireMarche = child("CpteBancaire", BancaireMarche)


@pes_model
class Operateurs:
    """``Operateurs`` (TOperateurs)."""

    titulaire: list[Titulaire] = children(
        "Titulaire", Titulaire, min_occurs=1, default_factory=list
    )
    sous_traitant_paiement_direct: list[SousTraitantPaiementDirect] = children(
        "SousTraitantPaiementDirect", SousTraitantPaiementDirect, default_factory=list
    )


@pes_model
class CodesCPVSec:
    """``CodesCPVSec`` (TCodesCPVSec)."""

    codes: list[str] = values(
        "CodeCPVSec", st.NUM8_NUM1, min_occurs=1, max_occurs=3, default_factory=list
    )


@pes_model
class ConditionsExecution:
    """``ConditionsExecution`` (TConditionsExecution)."""

    identifiant_accord_cadre: str | None = value("IdAccordCadre", st.TEXTE5_14, default=None)
    siret_pouvoir_adjudicateur_accord_cadre: str | None = value(
        "SiretPAAccordCadre", st.NUM14_14_LIGHT, default=None
    )
    modalite_execution: ModaliteExecution = value(
        "ModaliteExecution", Code(ModaliteExecution, "TModaliteExecution")
    )
    multi_budget: bool = value("MultiBudget", st.BOOLEEN)
    codes_cpv_secondaires: CodesCPVSec | None = child("CodesCPVSec", CodesCPVSec, default=None)
    nombre_propositions_recues: int | None = value("NbTotalPropositionsRecu", st.NUM3, default=None)
    nombre_propositions_dematerialisees: int | None = value(
        "NbTotalPropositionsDemat", st.NUM3, default=None
    )
    carte_achat: bool | None = value("CarteAchat", st.BOOLEEN, default=None)
    clause_sociale: bool | None = value("ClauseSociale", st.BOOLEEN, default=None)
    clause_environnementale: bool | None = value("ClauseEnvironnementale", st.BOOLEEN, default=None)
    type_groupement: TypeGroupement | None = value(
        "TypeGroupement", Code(TypeGroupement, "TTypeGroupement"), default=None
    )
    nombre_entreprises_groupees: int | None = value("NbEntreprisesGroupees", st.NUM2, default=None)
    reference_ccag: ReferenceCCAG | None = value(
        "CCAGReference", Code(ReferenceCCAG, "TCCAGReference"), default=None
    )


@pes_model
class PJRefMarche:
    """``PJRef`` (TPJRef)."""

    support: Support = value("Support", Code(Support, "TSupport"))
    id_unique: str = value("IdUnique", st.ALPHANUM50)
    type: TypePJMarche = value("TypePJ", Code(TypePJMarche, "TPJMarche"))
    nom: str = value("NomPJ", st.TEXTE100)


@pes_model
class PJRefsMarche:
    """``PJRefs`` (TPJRefs)."""

    pj_refs: list[PJRefMarche] = children("PJRef", PJRefMarche, min_occurs=1, default_factory=list)


@pes_model
class ConditionsExecutionSousTraitantPaiementDirect:
    """``ConditionsExecutionSousTraitantPaiementDirect``."""

    nature_prestations: str | None = value("NaturePrestations", st.TEXTE38, default=None)
    autoliquidation_tva: bool = value("AutoliquidationTVA", st.BOOLEEN)
    regime_avance: RegimeAvance = value("RegimeAvance", Code(RegimeAvance, "TRegimeAvance"))
    montant_avance: Decimal | None = value("MontantAvance", st.MONTANT, default=None)
    type_garantie_avance: TypeGarantieAvance | None = value(
        "TypeGarantieAvance", Code(TypeGarantieAvance, "TTypeGarantieAvance"), default=None
    )
    montant_garantie_avance: Decimal | None = value(
        "MontantGarantieAvance", st.MONTANT, default=None
    )
    pourcentage_avance: Decimal | None = value("PourcentageAvance", st.TAUX, default=None)
    forme_prix: FormePrix | None = value("FormePrix", Code(FormePrix, "TFormePrix"), default=None)
    variation_prix: VariationPrix | None = value(
        "VariationPrix", Code(VariationPrix, "TVariationPrix"), default=None
    )
    indices_reference: IndicesReference | None = child(
        "IndicesReference", IndicesReference, default=None
    )


@pes_model
class VentilationSousTraitantPaiementDirect:
    """``VentilationSousTraitantPaiementDirect`` (TVentilationSousTraitantPaiementDirect)."""

    nature_identifiant_sous_traitant: NatureIdentifiantMarche = value(
        "NatIdSousTraitant", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant_sous_traitant: str = value("IdSousTraitant", st.TEXTE9_100)
    montant_ht_notifie: Decimal = value("MontantHTNotifie", st.MONTANT_LIGHT)
    caractere_estimatif_montant_notifie: bool = value(
        "CaractereEstimatifMontantNotifie", st.BOOLEEN
    )
    montant_tva_notifie: Decimal | None = value("MontantTVANotifie", st.MONTANT, default=None)
    duree_en_mois: int | None = value("DureeEnMois", st.NUM3, default=None)
    conditions_execution_sous_traitant_paiement_direct: (
        ConditionsExecutionSousTraitantPaiementDirect | None
    ) = child(
        "ConditionsExecutionSousTraitantPaiementDirect",
        ConditionsExecutionSousTraitantPaiementDirect,
        default=None,
    )


@pes_model
class VentilationsSousTraitantPaiementDirect:
    """``VentilationsSousTraitantPaiementDirect`` (TVentilationsSousTraitantPaiementDirect)."""

    ventilation_sous_traitant_paiement_direct: list[VentilationSousTraitantPaiementDirect] = (
        children(
            "VentilationSousTraitantPaiementDirect",
            VentilationSousTraitantPaiementDirect,
            min_occurs=1,
            default_factory=list,
        )
    )


@pes_model
class VentilationTitulaire:
    """``VentilationTitulaire`` (TVentilationTitulaire)."""

    nature_identifiant_titulaire: NatureIdentifiantMarche = value(
        "NatIdTitulaire", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant_titulaire: str = value("IdTitulaire", st.TEXTE9_100)
    montant_ht_notifie: Decimal = value("MontantHTNotifie", st.MONTANT_LIGHT)
    caractere_estimatif_montant_notifie: bool = value(
        "CaractereEstimatifMontantNotifie", st.BOOLEEN
    )
    montant_tva_notifie: Decimal | None = value("MontantTVANotifie", st.MONTANT, default=None)
    ventilations_sous_traitant_paiement_direct: VentilationsSousTraitantPaiementDirect | None = (
        child(
            "VentilationsSousTraitantPaiementDirect",
            VentilationsSousTraitantPaiementDirect,
            default=None,
        )
    )


@pes_model
class VentilationsTitulaire:
    """``VentilationsTitulaire`` (TVentilationsTitulaire)."""

    ventilation_titulaire: list[VentilationTitulaire] = children(
        "VentilationTitulaire", VentilationTitulaire, min_occurs=1, default_factory=list
    )


@pes_model
class VentilationAcheteur:
    """``VentilationAcheteur`` (TVentilationAcheteur)."""

    siret_acheteur: str = value("IdAcheteur", st.NUM14_14_LIGHT)
    montant_ht_notifie: Decimal = value("MontantHTNotifie", st.MONTANT_LIGHT)
    caractere_estimatif_montant_notifie: bool = value(
        "CaractereEstimatifMontantNotifie", st.BOOLEEN
    )
    montant_tva_notifie: Decimal | None = value("MontantTVANotifie", st.MONTANT, default=None)
    ventilations_titulaire: VentilationsTitulaire = child(
        "VentilationsTitulaire", VentilationsTitulaire
    )


@pes_model
class VentilationsAcheteurs:
    """``VentilationsAcheteurs`` (TVentilationsAcheteurs)."""

    ventilation_acheteur: list[VentilationAcheteur] = children(
        "VentilationAcheteur", VentilationAcheteur, min_occurs=1, default_factory=list
    )


@pes_model(
    choices=[
        (1, (("duree_en_mois",), ("delta_duree_en_mois",))),
        (1, (("montant_ht_notifie",), ("delta_montant_ht_notifie",))),
        (1, (("montant_ht_estime",), ("delta_montant_ht_estime",))),
    ]
)
class ModificationMontantDuree:
    """``ModificationMontantDuree`` (TModificationMontantDuree)."""

    objet_modification: str = value("ObjetModification", st.TEXTE256)
    numero_acte: str = value("NumeroActe", st.NUM2_2LIGHT)
    date_signature_modification: dt.date = value("DateSignatureModification", st.DATE)
    date_publication_donnees_modification: dt.date | None = value(
        "DatePublicationDonneesModification", st.DATE, default=None
    )
    duree_en_mois: str | None = value("DureeEnMois", st.NUM3_LIGHT, default=None)
    delta_duree_en_mois: int | None = value("DeltaDureeEnMois", st.ENTIER3_RELATIF, default=None)
    montant_ht_notifie: Decimal | None = value("MontantHTNotifie", st.MONTANT, default=None)
    delta_montant_ht_notifie: Decimal | None = value(
        "DeltaMontantHTNotifie", st.MONTANT_RELATIF, default=None
    )
    montant_ht_estime: Decimal | None = value("MontantHTEstime", st.MONTANT, default=None)
    delta_montant_ht_estime: Decimal | None = value(
        "DeltaMontantHTEstime", st.MONTANT_RELATIF, default=None
    )


@pes_model
class TitulaireLight:
    """``Titulaire`` (TTitulaireLight)."""

    type_titulaire: TypeTitulaire = value(
        "TypeTitulaireMarche", Code(TypeTitulaire, "TTypeTitulaireMarche")
    )
    nature_identifiant: NatureIdentifiantMarche = value(
        "NatId", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant: str = value("Id", st.TEXTE9_100)
    denomination_sociale: str = value("DenominationSociale", st.TEXTE38)
    montant_ht_notifie: Decimal = value("MontantHTNotifie", st.MONTANT)


@pes_model
class TitulairesLight:
    """``Titulaires`` (TTitulairesLight)."""

    titulaire: list[TitulaireLight] = children(
        "Titulaire", TitulaireLight, min_occurs=1, default_factory=list
    )


@pes_model
class ModificationTitulaire:
    """``ModificationTitulaire`` (TModificationTitulaire)."""

    objet_modification: str = value("ObjetModification", st.TEXTE256)
    numero_acte: str = value("NumeroActe", st.NUM2_2LIGHT)
    date_signature_modification: dt.date = value("DateSignatureModification", st.DATE)
    date_publication_donnees_modification: dt.date | None = value(
        "DatePublicationDonneesModification", st.DATE, default=None
    )
    titulaires: TitulairesLight = child("Titulaires", TitulairesLight)
    type_groupement: TypeGroupement | None = value(
        "TypeGroupement", Code(TypeGroupement, "TTypeGroupement"), default=None
    )
    nombre_entreprises_groupees: int | None = value("NbEntreprisesGroupees", st.NUM2, default=None)


@pes_model
class SousTraitantPaiementDirectLight:
    """``SousTraitantPaiementDirect`` (TSousTraitantPaiementDirectLight)."""

    nature_identifiant: NatureIdentifiantMarche = value(
        "NatId", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant: str = value("Id", st.TEXTE9_100)
    denomination_sociale: str = value("DenominationSociale", st.TEXTE38)


@pes_model
class DeclarationSousTraitancePaiementDirect:
    """``DeclarationSousTraitancePaiementDirect`` (TDeclarationSousTraitancePaiementDirect)."""

    objet_modification: str = value("ObjetModification", st.TEXTE256)
    numero_acte_sous_traitance: str = value("NumeroActeSousTraitance", st.NUM2_2LIGHT)
    date_signature_modification: dt.date = value("DateSignatureModification", st.DATE)
    sous_traitant_paiement_direct: SousTraitantPaiementDirectLight = child(
        "SousTraitantPaiementDirect", SousTraitantPaiementDirectLight
    )
    montant_ht_notifie: Decimal = value("MontantHTNotifie", st.MONTANT)
    variation_prix: VariationPrix | None = value(
        "VariationPrix", Code(VariationPrix, "TVariationPrix"), default=None
    )
    duree_en_mois: str | None = value("DureeEnMois", st.NUM3_LIGHT, default=None)


@pes_model
class ModificationSousTraitancePaiementDirect:
    """``ModificationSousTraitancePaiementDirect`` (TModificationSousTraitancePaiementDirect)."""

    objet_modification: str = value("ObjetModification", st.TEXTE256)
    numero_acte: str = value("NumeroActe", st.NUM2_2LIGHT)
    numero_acte_sous_traitance: str = value("NumeroActeSousTraitance", st.NUM2_2LIGHT)
    date_signature_modification: dt.date = value("DateSignatureModification", st.DATE)
    sous_traitant_paiement_direct: SousTraitantPaiementDirectLight = child(
        "SousTraitantPaiementDirect", SousTraitantPaiementDirectLight
    )
    delta_montant_ht_notifie: Decimal = value("DeltaMontantHTNotifie", st.MONTANT_RELATIF)
    duree_en_mois: str | None = value("DureeEnMois", st.NUM3_LIGHT, default=None)


@pes_model
class ModificationsMarche:
    """``ModificationsMarche`` (TModificationsMarche)."""

    modification_montant_duree: list[ModificationMontantDuree] = children(
        "ModificationMontantDuree", ModificationMontantDuree, default_factory=list
    )
    modification_titulaire: list[ModificationTitulaire] = children(
        "ModificationTitulaire", ModificationTitulaire, default_factory=list
    )
    declaration_sous_traitance_paiement_direct: list[DeclarationSousTraitancePaiementDirect] = (
        children(
            "DeclarationSousTraitancePaiementDirect",
            DeclarationSousTraitancePaiementDirect,
            default_factory=list,
        )
    )
    modification_sous_traitance_paiement_direct: list[ModificationSousTraitancePaiementDirect] = (
        children(
            "ModificationSousTraitancePaiementDirect",
            ModificationSousTraitancePaiementDirect,
            default_factory=list,
        )
    )
