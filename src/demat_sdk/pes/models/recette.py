"""``PES_RecetteAller``: bordereaux of titres, their lines, debtors and hospital fields."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    AssureDebiteur,
    AyantDroit,
    CategorieTiers,
    Edition,
    ModeReglementRecette,
    NatureIdentifiantTiers,
    NatureJuridique,
    NaturePieceOrigineRecette,
    NaturePrelevement,
    NatureTitre,
    PeriodicitePrelevement,
    SequencePresentation,
    TypeBordereauRecette,
    TypeFlux,
    TypeTiers,
    TypeTitre,
)
from demat_sdk.pes.models.common import (
    Adresse,
    CompteBancaire,
    PJRef,
)
from demat_sdk.pes.schema import XmlFragment, attribute, child, children, fragment, pes_model, value
from demat_sdk.pes.simpletypes import Code
from demat_sdk.pes.totals import bordereau_id, count_pieces, sum_ht, sum_tva

__all__ = [
    "BordereauRecette",
    "CollectiviteBeneficiaire",
    "InfoAssure",
    "LiensRecette",
    "LieuNaissance",
    "LigneTitre",
    "NaissanceEtranger",
    "NaissanceFrance",
    "Prelevement",
    "PrelevementSepa",
    "RattachementRecette",
    "RecetteAller",
    "Recouvrement",
    "TiersRecette",
    "Titre",
]


@pes_model
class CollectiviteBeneficiaire:
    """``InfoCollBen`` (TInfoCollBen)."""

    siret: str = value("IdCollBen", st.NUM14_LIGHT)
    code_collectivite: str = value("CodCollBen", st.ALPHANUM3)
    code_budget: str | None = value("CodBudBen", st.ALPHANUM2_LIGHT, default=None)


@pes_model
class Prelevement:
    """``InfoPrelevement`` ((anon))."""

    nature: NaturePrelevement = value("NatPrel", Code(NaturePrelevement, "TNatPrel"))
    periodicite: PeriodicitePrelevement = value("PerPrel", Code(PeriodicitePrelevement, "TPerPrel"))
    date: dt.date = value("DtePrel", st.DATE)
    montant: Decimal = value("MtPrel", st.MONTANT)


@pes_model
class PrelevementSepa:
    """``InfoPrelevementSEPA`` ((anon))."""

    nature: NaturePrelevement = value("NatPrel", Code(NaturePrelevement, "TNatPrel"))
    periodicite: PeriodicitePrelevement = value("PerPrel", Code(PeriodicitePrelevement, "TPerPrel"))
    date: dt.date = value("DtePrel", st.DATE)
    montant: Decimal = value("MtPrel", st.MONTANT)
    sequence: SequencePresentation = value(
        "SequencePres", Code(SequencePresentation, "TSequencePres")
    )
    date_signature_mandat: dt.date = value("DateSignMandat", st.DATE)
    reference_unique_mandat: str = value("RefUniMdt", st.TEXTE35SEPA)
    libelle: str | None = value("LibPrel", st.TEXTE140SEPA, default=None)
    ancienne_rum: str | None = value("AncienRUM", st.TEXTE35SEPA, default=None)
    ancien_ics: str | None = value("AncienICS", st.ALPHANUM13, default=None)
    ancien_creancier: str | None = value("AncienTiersCreancier", st.TEXTE70SEPA, default=None)
    changement_banque: bool | None = value("AncienneBanque", st.BOOLEEN, default=None)
    ancien_iban: str | None = value("AncienIBAN", st.TEXTE34IBAN, default=None)
    titulaire_different: bool | None = value("TitCpteDiff", st.BOOLEEN, default=None)


@pes_model
class InfoAssure:
    """``InfoAssure`` (TInfoAssure)."""

    assure_debiteur: AssureDebiteur = value("CodAssDeb", Code(AssureDebiteur, "TCodAssDeb"))
    ayant_droit: AyantDroit | None = value(
        "CodAyantDroit", Code(AyantDroit, "TCodAyantDroit"), default=None
    )


@pes_model
class RattachementRecette:
    """``RattachPiece`` (TRattachPiece)."""

    nature_piece_origine: NaturePieceOrigineRecette = value(
        "NatPceOrig", Code(NaturePieceOrigineRecette, "TNatPceOrig")
    )
    exercice: int = value("ExerRat", st.ANNEE)
    numero_piece_origine: int = value("IdPceOrig", st.NUM13)
    numero_ligne_origine: str | None = value("IdLigneOrig", st.NUM6_NONVIDE, default=None)


@pes_model
class LiensRecette:
    """``LiensIdent`` (TLiensIdent)."""

    numero_convention: str | None = value("IdConv", st.TEXTE25, default=None)
    numero_marche: str | None = value("IdMarche", st.TEXTE30, default=None)
    numero_caution: str | None = value("IdCaution", st.TEXTE24, default=None)
    numero_emprunt: str | None = value("IdEmpruntOrdo", st.TEXTE24, default=None)
    numero_inventaire: str | None = value("IdActif", st.TEXTE25, default=None)
    numero_regie: str | None = value("IdRegie", st.TEXTE10, default=None)


@pes_model
class NaissanceFrance:
    """``MetropoleDomCom`` (TMetropoleDomCom)."""

    code_departement: str = value("CodeDeptDomCom", st.TEXTE_CODEDEPARTEMENT_2_3)
    code_commune: str | None = value("CodeCommune", st.TEXTE_CODECOMMUNE_2_3, default=None)
    libelle_commune: str | None = value(
        "LibelleCommune", st.TEXTE_LIBELLE_NAISSANCE_70, default=None
    )


@pes_model(choices=[(1, (("code_pays",), ("libelle_pays",)))])
class NaissanceEtranger:
    """``Etranger`` (TEtranger)."""

    code_pays: str | None = value("CodePays", st.TEXTE_CODEPAYS_3, default=None)
    libelle_pays: str | None = value("LibellePays", st.TEXTE_LIBELLE_NAISSANCE_70, default=None)


@pes_model(choices=[(1, (("france",), ("etranger",)))])
class LieuNaissance:
    """``LieuNaissance`` (TLieuNaissance)."""

    ne_en_france: bool = value("NeEnFrance", st.BOOLEEN)
    france: NaissanceFrance | None = child("MetropoleDomCom", NaissanceFrance, default=None)
    etranger: NaissanceEtranger | None = child("Etranger", NaissanceEtranger, default=None)


@pes_model
class TiersRecette:
    """``Tiers`` (TTiers)."""

    identifiant: str | None = value("InfoTiers/IdTiers", st.ALPHANUM80, default=None)
    date_naissance: dt.date | None = value("InfoTiers/DteNaissance", st.DATE, default=None)
    nature_identifiant: NatureIdentifiantTiers | None = value(
        "InfoTiers/NatIdTiers", Code(NatureIdentifiantTiers, "TNatIdTiers"), default=None
    )
    date_identifiant: dt.date | None = value("InfoTiers/DteIdTiers", st.DATE, default=None)
    reference: str | None = value("InfoTiers/RefTiers", st.TEXTE30, default=None)
    categorie: CategorieTiers = value("InfoTiers/CatTiers", Code(CategorieTiers, "TCatTiers"))
    nature_juridique: NatureJuridique = value("InfoTiers/NatJur", Code(NatureJuridique, "TNatJur"))
    type: TypeTiers = value("InfoTiers/TypTiers", Code(TypeTiers, "TTypTiersRecette"))
    civilite: str | None = value("InfoTiers/Civilite", st.TEXTE10, default=None)
    nom: str = value("InfoTiers/Nom", st.TEXTE38)
    complement_nom: str | None = value("InfoTiers/ComplNom", st.TEXTE38, default=None)
    prenom: str | None = value("InfoTiers/Prenom", st.TEXTE38, default=None)
    lieu_naissance: LieuNaissance | None = child(
        "InfoTiers/LieuNaissance", LieuNaissance, default=None
    )
    adresse: Adresse = child("Adresse", Adresse)
    compte_bancaire: CompteBancaire | None = child("CpteBancaire", CompteBancaire, default=None)


@pes_model
class Recouvrement:
    """``Recouvrement`` (TRecouvrement)."""

    type_flux: TypeFlux = value("TypFlux", Code(TypeFlux, "TTypFlux"))
    mode_reglement: ModeReglementRecette = value("ModRegl", Code(ModeReglementRecette, "TModRegl"))
    date: dt.date = value("DteReco", st.DATE)
    numero_encaissement: int = value("IdEncaissement", st.NUM12)
    montant: Decimal = value("MtReco", st.MONTANT)


@pes_model(choices=[(0, (("prelevement",), ("prelevement_sepa",)))], label=("ligne", "numero"))
class LigneTitre:
    """``LigneDePiece`` of a titre: one product line, its debtors and recoveries."""

    numero: int | None = value(
        "BlocLignePiece/InfoLignePiece/IdLigne", st.NUM6, default=None, numbering=True
    )
    objet: str | None = value(
        "BlocLignePiece/InfoLignePiece/ObjLignePce", st.TEXTE160, default=None
    )
    code_produit_local: str = value("BlocLignePiece/InfoLignePiece/CodProdLoc", st.ALPHANUM4)
    finess_geographique: str | None = value(
        "BlocLignePiece/InfoLignePiece/FinGeo", st.ALPHANUM9_LIGHT, default=None
    )
    code_etablissement_geographique: str | None = value(
        "BlocLignePiece/InfoLignePiece/CodEtGeo", st.ALPHANUM3, default=None
    )
    nature_comptable: int = value("BlocLignePiece/InfoLignePiece/Nature", st.NUM12)
    fonction: str | None = value(
        "BlocLignePiece/InfoLignePiece/Fonction", st.NUM10_LIGHT, default=None
    )
    operation: str | None = value(
        "BlocLignePiece/InfoLignePiece/Operation", st.ALPHANUM10, default=None
    )
    taux_tva: Decimal | None = value("BlocLignePiece/InfoLignePiece/TxTva", st.TAUX, default=None)
    majorable: bool = value("BlocLignePiece/InfoLignePiece/Majo", st.BOOLEEN)
    date_majoration: dt.date | None = value(
        "BlocLignePiece/InfoLignePiece/DteMajo", st.DATE, default=None
    )
    taux_majoration: Decimal | None = value(
        "BlocLignePiece/InfoLignePiece/TxMajo", st.TAUX, default=None
    )
    compte_tiers: int | None = value(
        "BlocLignePiece/InfoLignePiece/CpteTiers", st.NUM12, default=None
    )
    tva_intracommunautaire: bool = value("BlocLignePiece/InfoLignePiece/TvaIntraCom", st.BOOLEEN)
    montant_ht: Decimal = value("BlocLignePiece/InfoLignePiece/MtHT", st.MONTANT)
    montant_tva: Decimal | None = value(
        "BlocLignePiece/InfoLignePiece/MtTVA", st.MONTANT, default=None
    )
    montant_non_majorable: Decimal | None = value(
        "BlocLignePiece/InfoLignePiece/MtNonMajo", st.MONTANT, default=None
    )
    collectivite_beneficiaire: CollectiviteBeneficiaire | None = child(
        "BlocLignePiece/InfoLignePiece/InfoCollBen", CollectiviteBeneficiaire, default=None
    )
    pj_refs: list[PJRef] = children(
        "BlocLignePiece/InfoLignePiece/PJRef", PJRef, default_factory=list
    )
    prelevement: Prelevement | None = child(
        "BlocLignePiece/InfoPrelevement", Prelevement, default=None
    )
    prelevement_sepa: PrelevementSepa | None = child(
        "BlocLignePiece/InfoPrelevementSEPA", PrelevementSepa, default=None
    )
    assure: InfoAssure | None = child("BlocLignePiece/InfoAssure", InfoAssure, default=None)
    rattachement: RattachementRecette | None = child(
        "BlocLignePiece/RattachPiece", RattachementRecette, default=None
    )
    liens: LiensRecette | None = child("BlocLignePiece/LiensIdent", LiensRecette, default=None)
    tiers: list[TiersRecette] = children("Tiers", TiersRecette, default_factory=list)
    recouvrements: list[Recouvrement] = children("Recouvrement", Recouvrement, default_factory=list)


@pes_model(label=("titre", "numero"))
class Titre:
    """``Piece`` of a recette bordereau: a titre, with the hospital and Chorus Pro fields."""

    code_service: str | None = value("BlocPiece/CodServ", st.TEXTE10, default=None)
    affectation: str | None = value("BlocPiece/Affect", st.TEXTE10, default=None)
    numero: int = value("BlocPiece/IdPce", st.NUM8)
    type: TypeTitre = value("BlocPiece/TypPce", Code(TypeTitre, "TTypPce"))
    nature: NatureTitre = value("BlocPiece/NatPce", Code(NatureTitre, "TNatPce"))
    numero_role: int | None = value("BlocPiece/IdRol", st.NUM7, default=None)
    date_envoi_asap: dt.date | None = value("BlocPiece/DteAsp", st.DATE, default=None)
    edition: Edition | None = value("BlocPiece/Edition", Code(Edition, "TEdition"), default=None)
    objet: str | None = value("BlocPiece/ObjPce", st.TEXTE160, default=None)
    debut_facturation: dt.date | None = value("BlocPiece/DebFact", st.DATE, default=None)
    fin_facturation: dt.date | None = value("BlocPiece/FinFact", st.DATE, default=None)
    numero_dette: int | None = value("BlocPiece/NumDette", st.NUM15, default=None)
    periode: str | None = value("BlocPiece/Per", st.NUM1_LIGHT, default=None)
    cle1: str | None = value("BlocPiece/Cle1", st.NUM1_LIGHT, default=None)
    cle2: str | None = value("BlocPiece/Cle2", st.ALPHANUM1_LIGHT, default=None)
    pj_refs: list[PJRef] = children("BlocPiece/PJRef", PJRef, default_factory=list)
    numero_facture: str | None = value("BlocPiece/NumeroFacture", st.NUMFACTURECPP20, default=None)
    numero_marche: str | None = value("BlocPiece/NumeroMarche", st.TEXTE50, default=None)
    numero_engagement: str | None = value("BlocPiece/NumeroEngagement", st.TEXTE50, default=None)
    code_service_chorus: str | None = value(
        "BlocPiece/CodeService", st.TEXTE100_LIGHT, default=None
    )
    nom_service_chorus: str | None = value("BlocPiece/NomService", st.TEXTE100, default=None)
    lignes: list[LigneTitre] = children(
        "LigneDePiece", LigneTitre, min_occurs=1, default_factory=list
    )


@pes_model(label=("bordereau", "numero"))
class BordereauRecette:
    """``Bordereau`` of titres.

    ``nombre_pieces`` (NbrPce), ``montant_ht`` (MtBordHt) and ``montant_tva`` (MtBordTVA) are
    computed from the titres when left to ``None``, and checked against them when given.
    ``id`` defaults to ``BORD-R-<exercice>-<numero>``.
    """

    id: str | None = attribute("Id", st.XS_ID, computed=bordereau_id("R"), default=None)
    exercice: int = value("BlocBordereau/Exer", st.NUM4)
    numero: int = value("BlocBordereau/IdBord", st.NUM7)
    date_emission: dt.date = value("BlocBordereau/DteBordEm", st.DATE)
    type: TypeBordereauRecette = value(
        "BlocBordereau/TypBord", Code(TypeBordereauRecette, "TTypBordAller")
    )
    nombre_pieces: int | None = value(
        "BlocBordereau/NbrPce", st.NUM5, default=None, computed=count_pieces
    )
    montant_cumul_annuel: Decimal | None = value(
        "BlocBordereau/MtCumulAnnuel", st.MONTANT, default=None
    )
    montant_ht: Decimal | None = value(
        "BlocBordereau/MtBordHt", st.MONTANT, default=None, computed=sum_ht
    )
    montant_tva: Decimal | None = value(
        "BlocBordereau/MtBordTVA", st.MONTANT, default=None, computed=sum_tva
    )
    date_envoi_asap: dt.date | None = value("BlocBordereau/DteAsp", st.DATE, default=None)
    objet: str | None = value("BlocBordereau/Objet", st.TEXTE160, default=None)
    titres: list[Titre] = children("Piece", Titre, min_occurs=1, stream=True, default_factory=list)
    signature: XmlFragment | None = fragment(default=None)


@pes_model
class RecetteAller:
    """``PES_RecetteAller``: the bordereaux of titres (``IdVer`` is 2)."""

    version: int = value("EnTeteRecette/IdVer", st.NUM2, default=2)
    dematerialise: bool | None = value("EnTeteRecette/InfoDematerialisee", st.BOOLEEN, default=None)
    bordereaux: list[BordereauRecette] = children(
        "Bordereau", BordereauRecette, min_occurs=1, stream=True, default_factory=list
    )
