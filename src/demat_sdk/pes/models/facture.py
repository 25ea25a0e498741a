"""``PES_Facture``: the invoice document, used for the ASAP (avis des sommes à payer).

A titre sent to a public debtor through Chorus Pro (``Edition`` 02) carries its ASAP as a
``PES_Aller`` document holding a ``PES_Facture`` of ``TypeFact`` 09, embedded as a pièce
justificative of ``TypePJ`` 006 that the titre references.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    CategorieTiers,
    NatureIdentifiantTiers,
    NatureJuridique,
    TypeAdresse,
    TypeFacture,
    TypeTiers,
)
from demat_sdk.pes.schema import child, children, pes_model, value, values
from demat_sdk.pes.simpletypes import Code

__all__ = [
    "AdresseFacture",
    "Assure",
    "Beneficiaire",
    "CompteBancaireFacture",
    "Correspondance",
    "DetailTva",
    "DossierPatient",
    "EtablissementSoins",
    "FactureIndividuelle",
    "InformationsCentreFinances",
    "InformationsEmetteur",
    "LigneFacture",
    "LigneFacturePatient",
    "NomenclatureBudget",
    "NomenclatureNature",
    "NomenclatureProduit",
    "Nomenclatures",
    "PaiementTelephone",
    "PesFacture",
    "ReferenceTitre",
    "Repartition",
    "RepartitionBudget",
    "RepartitionParNature",
    "Signataire",
    "TalonOptique",
    "TiersEmetteur",
    "TiersFacture",
    "TotalAPayer",
    "TvaEmetteur",
]


@pes_model
class AdresseFacture:
    """``Adresse`` (TAdresseFacture)."""

    type: TypeAdresse = value("TypAdr", Code(TypeAdresse, "TTypAdr"))
    complement_distribution: str | None = value("Adr1", st.TEXTE38, default=None)
    voie: str | None = value("Adr2", st.TEXTE38, default=None)
    lieu_dit: str | None = value("Adr3", st.TEXTE38, default=None)
    code_postal: str = value("CP", st.TEXTE5)
    ville: str = value("Ville", st.TEXTE38)
    non_resident: bool = value("CodRes", st.BOOLEEN)
    code_pays: int | None = value("CodPays", st.NUM3, default=None)


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
            ),
        )
    ]
)
class CompteBancaireFacture:
    """``CptBancaire`` (TBancaireFacture)."""

    code_pays_international: str | None = value("IdPayInt", st.ALPHANUM4, default=None)
    code_banque_international: str | None = value("IdBancInt", st.ALPHANUM11, default=None)
    code_etablissement: str | None = value("CodeEtab", st.ALPHANUM5, default=None)
    code_guichet: str | None = value("CodeGuic", st.ALPHANUM5_LIGHT, default=None)
    numero_compte: str | None = value("IdCpte", st.TEXTE11, default=None)
    cle_rib: str | None = value("CleRib", st.NUM2_LIGHT, default=None)
    bic: str | None = value("BIC", st.TEXTE11BIC, default=None)
    iban: str | None = value("IBAN", st.TEXTE34IBAN, default=None)
    titulaire: str | None = value("TitCpte", st.TEXTE32, default=None)


@pes_model
class TvaEmetteur:
    """``InfoTVAEmetteur`` (TInformationTvaEmetteur)."""

    numero_tva: str | None = value("NumTVA", st.TEXTE24, default=None)
    service: str | None = value("Service", st.TEXTE24, default=None)


@pes_model
class InformationsEmetteur:
    """``InfoSuppl`` (TInfoSuppl)."""

    telephone: str | None = value("NumTel", st.TEXTE20, default=None)
    horaires: str | None = value("HorairesOuv", st.TEXTE38, default=None)
    code_tipi: str | None = value("CodeTipi", st.NUM7_LIGHT, default=None)
    courriel: str | None = value("AdresseMelEmetteur", st.TEXTE50, default=None)
    adresse_tipi: str | None = value("AdrTipi", st.TEXTE200, default=None)
    reference_banque_de_france: str | None = value("RefBdf", st.ALPHANUM13, default=None)
    info_code_2d: str | None = value("InfoCode2D", st.TEXTE64, default=None)


@pes_model
class Signataire:
    """``Signataire`` (TSignataire)."""

    nom: str = value("Personne/Nom", st.TEXTE38)
    prenom: str = value("Personne/Prenom", st.TEXTE38)
    role: str = value("Role", st.TEXTE50)


@pes_model
class TiersEmetteur:
    """``Emetteur`` (TTiersEmetteur)."""

    identifiant: str | None = value("InfoTiers/IdTiers", st.ALPHANUM18, default=None)
    nature_identifiant: NatureIdentifiantTiers | None = value(
        "InfoTiers/NatIdTiers", Code(NatureIdentifiantTiers, "TNatIdTiers"), default=None
    )
    date_identifiant: dt.date | None = value("InfoTiers/DteIdTiers", st.DATE, default=None)
    reference: str | None = value("InfoTiers/RefTiers", st.TEXTE30, default=None)
    categorie: CategorieTiers = value("InfoTiers/CatTiers", Code(CategorieTiers, "TCatTiers"))
    nature_juridique: NatureJuridique = value("InfoTiers/NatJur", Code(NatureJuridique, "TNatJur"))
    type: TypeTiers = value("InfoTiers/TypTiers", Code(TypeTiers, "TTypTiersFacture"))
    civilite: str | None = value("InfoTiers/Civilite", st.TEXTE10, default=None)
    nom: str = value("InfoTiers/Nom", st.TEXTE38)
    complement_nom: str | None = value("InfoTiers/ComplNom", st.TEXTE38, default=None)
    prenom: str | None = value("InfoTiers/Prenom", st.TEXTE38, default=None)
    adresse: AdresseFacture | None = child("Adresse", AdresseFacture, default=None)
    compte_bancaire: CompteBancaireFacture | None = child(
        "CptBancaire", CompteBancaireFacture, default=None
    )
    tva: TvaEmetteur | None = child("InfoTVAEmetteur", TvaEmetteur, default=None)
    informations: InformationsEmetteur | None = child(
        "InfoSuppl", InformationsEmetteur, default=None
    )
    signataire: Signataire | None = child("Signataire", Signataire, default=None)


@pes_model
class PaiementTelephone:
    """``PaiementTel`` (TPaiementTel)."""

    modalites: str = value("ModalitesPaiTel", st.TEXTE27)
    telephone: str = value("NumTel3", st.TEXTE20)
    horaires: str = value("HorairesOuv3", st.TEXTE38)


@pes_model
class InformationsCentreFinances:
    """``InfoSupplTiers`` (TInfoSupplTiersFacture)."""

    telephone: str | None = value("NumTel2", st.TEXTE20, default=None)
    horaires: str | None = value("HorairesOuv2", st.TEXTE38, default=None)
    courriel: str | None = value("AdresseMelCFP", st.TEXTE50, default=None)
    paiement_telephone: PaiementTelephone | None = child(
        "PaiementTel", PaiementTelephone, default=None
    )


@pes_model
class TiersFacture:
    """``Tiers`` (TTiersFacture)."""

    identifiant: str | None = value("InfoTiers/IdTiers", st.ALPHANUM18, default=None)
    nature_identifiant: NatureIdentifiantTiers | None = value(
        "InfoTiers/NatIdTiers", Code(NatureIdentifiantTiers, "TNatIdTiers"), default=None
    )
    date_identifiant: dt.date | None = value("InfoTiers/DteIdTiers", st.DATE, default=None)
    reference: str | None = value("InfoTiers/RefTiers", st.TEXTE30, default=None)
    categorie: CategorieTiers = value("InfoTiers/CatTiers", Code(CategorieTiers, "TCatTiers"))
    nature_juridique: NatureJuridique = value("InfoTiers/NatJur", Code(NatureJuridique, "TNatJur"))
    type: TypeTiers = value("InfoTiers/TypTiers", Code(TypeTiers, "TTypTiersFacture"))
    civilite: str | None = value("InfoTiers/Civilite", st.TEXTE10, default=None)
    nom: str = value("InfoTiers/Nom", st.TEXTE38)
    complement_nom: str | None = value("InfoTiers/ComplNom", st.TEXTE38, default=None)
    prenom: str | None = value("InfoTiers/Prenom", st.TEXTE38, default=None)
    informations: InformationsCentreFinances | None = child(
        "InfoSupplTiers", InformationsCentreFinances, default=None
    )
    adresse: AdresseFacture | None = child("Adresse", AdresseFacture, default=None)
    compte_bancaire: CompteBancaireFacture | None = child(
        "CpteBancaire", CompteBancaireFacture, default=None
    )


@pes_model(
    choices=[
        (1, (("date",), ("date_debut!", "date_fin!"))),
        (
            1,
            (
                ("quantite!", "unite1", "quantite2", "unite2", "montant_unitaire!"),
                ("montant_base",),
                ("montant_remise",),
            ),
        ),
    ]
)
class LigneFacture:
    """``LigneFacture`` (TLigneFacture)."""

    date: dt.date | None = value("Date", st.DATE, default=None)
    date_debut: dt.date | None = value("DateDebut", st.DATE, default=None)
    date_fin: dt.date | None = value("DateFin", st.DATE, default=None)
    code_produit: str | None = value("CodeProduit", st.TEXTE24, default=None)
    code_nature: str | None = value("CodeNature", st.TEXTE24, default=None)
    libelle: str = value("Libelle", st.TEXTE200)
    unite: str | None = value("Unite", st.TEXTE38, default=None)
    quantite: Decimal | None = value("Quantite", st.QUANTITE, default=None)
    unite1: str | None = value("Unite1", st.TEXTE5, default=None)
    quantite2: Decimal | None = value("Quantite2", st.QUANTITE, default=None)
    unite2: str | None = value("Unite2", st.TEXTE5, default=None)
    montant_unitaire: Decimal | None = value("MtUnitaire", st.MONTANT, default=None)
    montant_base: Decimal | None = value("MtBase", st.MONTANT, default=None)
    montant_remise: Decimal | None = value("MtRemise", st.MONTANT, default=None)
    taux: Decimal | None = value("Taux", st.TAUX, default=None)
    montant_ht: Decimal = value("MtHT", st.MONTANT_LIGHT)
    taux_tva: Decimal = value("TauxTVA", st.TAUX_LIGHT)
    montant_tva: Decimal = value("MtTVA", st.MONTANT_LIGHT)
    montant_ttc: Decimal = value("MtTTC", st.MONTANT)
    ordre: int = value("Ordre", st.NUM3)
    ordre_edition: int | None = value("OrdreEdition", st.NUM3, default=None)
    commentaires: list[str] = values("Commentaire", st.TEXTE100, default_factory=list)


@pes_model
class DetailTva:
    """``DetailTVA`` (TDetailTVA)."""

    taux_tva: Decimal = value("TauxTVA", st.TAUX_LIGHT)
    montant_base_ht: Decimal = value("MtBaseHT", st.MONTANT)
    montant_tva: Decimal = value("MtTVA", st.MONTANT_LIGHT)


@pes_model
class TotalAPayer:
    """``TotalAPayer`` (TTotalAPayer)."""

    montant_ht: Decimal = value("MtTotalHT", st.MONTANT)
    montant_tva: Decimal = value("MtTotalTVA", st.MONTANT_LIGHT)
    montant_ttc: Decimal = value("MtTotalTTC", st.MONTANT)


@pes_model
class Beneficiaire:
    """``Beneficiaire`` (TBeneficiaire)."""

    numero_dossier: str = value("NumDossier", st.ALPHANUM20)
    numero_patient: str | None = value("NumPatient", st.ALPHANUM20, default=None)
    nom: str = value("NomBeneficiaire", st.TEXTE38)
    prenom: str | None = value("PrenomBeneficiaire", st.TEXTE38, default=None)
    date_naissance: dt.date | None = value("DteNaissanceBeneficiaire", st.DATE, default=None)
    nir: str | None = value("NIRBeneficiaire", st.ALPHANUM15, default=None)
    code_risque: str | None = value("CodeRisque", st.ALPHANUM2, default=None)


@pes_model
class Assure:
    """``Assure`` (TAssure)."""

    nom: str = value("NomAssure", st.TEXTE38)
    prenom: str | None = value("PrenomAssure", st.TEXTE38, default=None)
    nir: str = value("NIRAssure", st.ALPHANUM15)


@pes_model
class EtablissementSoins:
    """``EtabSoins`` (TEtabSoins)."""

    nom: str = value("NomEtabSoins", st.TEXTE38)
    finess_juridique: str = value("FinJurEtabSoins", st.TEXTE20)
    finess_geographique: str = value("FinGeoEtabSoins", st.ALPHANUM20)
    siret: int = value("SiretEtabSoins", st.NUM14)


@pes_model
class DossierPatient:
    """``DossierPatient`` (TDossierPatient)."""

    beneficiaire: Beneficiaire = child("Beneficiaire", Beneficiaire)
    assure: Assure | None = child("Assure", Assure, default=None)
    etablissement_soins: EtablissementSoins = child("EtabSoins", EtablissementSoins)


@pes_model
class LigneFacturePatient:
    """``LigneFacturePatient`` (TLigneFacturePatient)."""

    date_debut: dt.date = value("DateDebut", st.DATE)
    date_fin: dt.date = value("DateFin", st.DATE)
    libelle: str = value("LibellePresta", st.TEXTE200)
    montant_securite_sociale: Decimal | None = value("MtPecSecu", st.MONTANT_LIGHT, default=None)
    montant_complementaire: Decimal | None = value("MtPecCompl", st.MONTANT_LIGHT, default=None)
    montant_restant_du: Decimal = value("MtRestantDu", st.MONTANT_LIGHT)
    montant_avance: Decimal | None = value("MtAvance", st.MONTANT_LIGHT, default=None)
    montant_restant_du_apres_avance: Decimal | None = value(
        "MtRestantDuApresAvance", st.MONTANT_LIGHT, default=None
    )
    commentaire: str | None = value("CommentaireHop", st.TEXTE140, default=None)


@pes_model
class ReferenceTitre:
    """``RefTitre`` (TRefTitre)."""

    exercice: int = value("Exercice", st.ANNEE)
    numero_bordereau: int = value("NumBordereau", st.NUM7)
    numero_titre: int = value("NumTitre", st.NUM13)
    numero_ligne: int = value("NumLigne", st.NUM6)


@pes_model
class TalonOptique:
    """``TalonOptique2Lignes`` (TTalonOptique2Lignes)."""

    ligne1: str = value("Ligne1", st.NUM60TALONOPTIQUE)
    ligne2: str = value("Ligne2", st.NUM60TALONOPTIQUE)


@pes_model(choices=[(1, (("taux",), ("montant",)))])
class RepartitionBudget:
    """``RepartitionBudget`` (TRepartitionBudget)."""

    code_budget: str = value("CodeBudget", st.TEXTE24)
    taux: Decimal | None = value("Taux", st.TAUX, default=None)
    montant: Decimal | None = value("Mt", st.MONTANT, default=None)


@pes_model(choices=[(1, (("lignes", "detail_tva", "total"), ("dossier_patient", "ligne_patient")))])
class FactureIndividuelle:
    """``FactureIndiv`` (TFacturePESIndiv)."""

    date_emission: dt.date = value("DateEmission", st.DATE)
    date_reglement: dt.date | None = value("DateReglement", st.DATE, default=None)
    numero_facture: str = value("NumeroFacture", st.TEXTE50)
    debiteur: TiersFacture = child("Debiteur", TiersFacture)
    destinataire: TiersFacture | None = child("Destinataire", TiersFacture, default=None)
    objet: str = value("Objet", st.TEXTE160)
    lignes: list[LigneFacture] = children("LigneFacture", LigneFacture, default_factory=list)
    detail_tva: list[DetailTva] = children("DetailTVA", DetailTva, default_factory=list)
    total: TotalAPayer | None = child("TotalAPayer", TotalAPayer, default=None)
    dossier_patient: DossierPatient | None = child("DossierPatient", DossierPatient, default=None)
    ligne_patient: LigneFacturePatient | None = child(
        "LigneFacturePatient", LigneFacturePatient, default=None
    )
    titre: ReferenceTitre | None = child("RefTitre", ReferenceTitre, default=None)
    talon_optique: TalonOptique | None = child("TalonOptique2Lignes", TalonOptique, default=None)
    modalites_reglement: str = value("ModalitesReglement", st.TEXTE250)
    modalites_contestation: str | None = value("ModalitesContestation", st.TEXTE420, default=None)
    mode_recouvrement: bool | None = value("ModeRecouvrement", st.BOOLEEN, default=None)
    texte_generateur: str | None = value("TexteGenerateur", st.TEXTE160, default=None)
    conditions_generales: str = value("ConditionsGen", st.TEXTE250)
    repartitions_budget: list[RepartitionBudget] = children(
        "RepartitionBudget", RepartitionBudget, default_factory=list
    )


@pes_model
class Correspondance:
    """``Correspondance`` (TLigneNomenclature)."""

    libelle: str = value("Libelle", st.TEXTE100)
    code: str = value("Code", st.TEXTE24)


@pes_model
class NomenclatureProduit:
    """``NomenclatureProduit`` (TNomenclature)."""

    description: str = value("Description", st.TEXTE100)
    correspondances: list[Correspondance] = children(
        "Correspondance", Correspondance, min_occurs=1, default_factory=list
    )


@pes_model
class NomenclatureNature:
    """``NomenclatureNature`` (TNomenclature)."""

    description: str = value("Description", st.TEXTE100)
    correspondances: list[Correspondance] = children(
        "Correspondance", Correspondance, min_occurs=1, default_factory=list
    )


@pes_model
class NomenclatureBudget:
    """``NomenclatureBudget`` (TNomenclature)."""

    description: str = value("Description", st.TEXTE100)
    correspondances: list[Correspondance] = children(
        "Correspondance", Correspondance, min_occurs=1, default_factory=list
    )


@pes_model
class Nomenclatures:
    """``Nomenclatures`` (TNomenclatureFacture)."""

    nomenclature_produit: NomenclatureProduit | None = child(
        "NomenclatureProduit", NomenclatureProduit, default=None
    )
    nomenclature_nature: NomenclatureNature | None = child(
        "NomenclatureNature", NomenclatureNature, default=None
    )
    nomenclature_budget: NomenclatureBudget | None = child(
        "NomenclatureBudget", NomenclatureBudget, default=None
    )


@pes_model
class Repartition:
    """``Repartition`` (TLigneRepartition)."""

    libelle: str = value("Libelle", st.TEXTE100)
    code: str = value("Code", st.TEXTE24)
    code_fonction: str | None = value("CodeFonction", st.TEXTE24, default=None)
    code_budget: str | None = value("CodeBudget", st.TEXTE24, default=None)
    montant: Decimal = value("Mt", st.MONTANT)


@pes_model
class RepartitionParNature:
    """``RepartitionParNature`` (TRepartitionParNature)."""

    repartitions: list[Repartition] = children(
        "Repartition", Repartition, min_occurs=1, default_factory=list
    )


@pes_model
class PesFacture:
    """``PES_Facture`` (TPESFacture)."""

    version: int = value("IdVer", st.NUM2)
    annee: int = value("Annee", st.ANNEE)
    numero_sequence: int | None = value("NumSequence", st.NUM4, default=None)
    type: TypeFacture | None = value("TypeFact", Code(TypeFacture, "TTypeFacture"), default=None)
    date: dt.date = value("Date", st.DATE)
    emetteur: TiersEmetteur = child("Emetteur", TiersEmetteur)
    tiers: list[TiersFacture] = children("Tiers", TiersFacture, max_occurs=12, default_factory=list)
    factures: list[FactureIndividuelle] = children(
        "FactureIndiv", FactureIndividuelle, min_occurs=1, default_factory=list
    )
    nomenclatures: Nomenclatures = child("Nomenclatures", Nomenclatures)
    repartition_par_nature: RepartitionParNature | None = child(
        "RepartitionParNature", RepartitionParNature, default=None
    )
