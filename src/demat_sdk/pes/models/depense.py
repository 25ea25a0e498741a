"""``PES_DepenseAller``: bordereaux of mandats, their lines and creditors (tiers)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    CategorieTiers,
    CodeInteretsMoratoires,
    CodeOperationSpecifique,
    ModeReglementDepense,
    NatureIdentifiantTiers,
    NatureJuridique,
    NatureMandat,
    NaturePieceOrigineDepense,
    TypeBordereauDepense,
    TypeMandat,
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
    "BordereauDepense",
    "DelaiGlobalPaiement",
    "DepenseAller",
    "LiensDepense",
    "LigneMandat",
    "Mandat",
    "OperationSpecifique",
    "RattachementDepense",
    "TiersDepense",
    "TvaHlm",
]


@pes_model
class DelaiGlobalPaiement:
    """``DGP`` (TDGP)."""

    non_eligible: bool = value("Dgp", st.BOOLEEN)
    date_debut: dt.date = value("DteDebDgp", st.DATE)
    date_fin: dt.date = value("DteFinDgp", st.DATE)
    duree: int = value("DureeDgp", st.NUM2)
    code_interets_moratoires: CodeInteretsMoratoires | None = value(
        "CodIntMor", Code(CodeInteretsMoratoires, "TCodIntMor"), default=None
    )
    taux_interets_moratoires: Decimal | None = value("TxIntMor", st.TAUX_HIGHT, default=None)


@pes_model
class TvaHlm:
    """``InfoTVAHLM`` (TInfoTVAHLM)."""

    recuperation_tva: bool = value("RecTVA", st.BOOLEEN)
    montant_ht_residuel: Decimal = value("MtHtRes", st.MONTANT)


@pes_model
class OperationSpecifique:
    """``OpSpec`` (TOpSpec)."""

    code: CodeOperationSpecifique = value("CodOpSpec", Code(CodeOperationSpecifique, "TCodOpSpec"))
    identifiant: str = value("IdOpSpec", st.ALPHANUM15)


@pes_model
class RattachementDepense:
    """``RattachPiece`` (TRattachPiece)."""

    nature_piece_origine: NaturePieceOrigineDepense = value(
        "NatPceOrig", Code(NaturePieceOrigineDepense, "TNatPceOrig")
    )
    exercice: int = value("ExerRat", st.ANNEE)
    numero_piece_origine: int = value("IdPceOrig", st.NUM13)
    numero_ligne_origine: str | None = value("IdLigneOrig", st.NUM6_NONVIDE, default=None)


@pes_model
class LiensDepense:
    """``LiensIdent`` (TLiensIdent)."""

    numero_convention: str | None = value("IdConv", st.TEXTE25, default=None)
    numero_marche: str | None = value("IdMarche", st.TEXTE30, default=None)
    numero_emprunt: str | None = value("IdEmpruntOrdo", st.TEXTE24, default=None)
    numero_inventaire: str | None = value("IdActif", st.TEXTE25, default=None)
    numero_regie: str | None = value("IdRegie", st.TEXTE10, default=None)


@pes_model
class TiersDepense:
    """``Tiers`` (TTiers)."""

    identifiant: str | None = value("InfoTiers/IdTiers", st.ALPHANUM80, default=None)
    nature_identifiant: NatureIdentifiantTiers | None = value(
        "InfoTiers/NatIdTiers", Code(NatureIdentifiantTiers, "TNatIdTiers"), default=None
    )
    date_identifiant: dt.date | None = value("InfoTiers/DteIdTiers", st.DATE, default=None)
    reference: str | None = value("InfoTiers/RefTiers", st.TEXTE30, default=None)
    categorie: CategorieTiers = value("InfoTiers/CatTiers", Code(CategorieTiers, "TCatTiers"))
    nature_juridique: NatureJuridique = value("InfoTiers/NatJur", Code(NatureJuridique, "TNatJur"))
    civilite: str | None = value("InfoTiers/Civilite", st.TEXTE10, default=None)
    nom: str = value("InfoTiers/Nom", st.TEXTE38)
    complement_nom: str | None = value("InfoTiers/ComplNom", st.TEXTE38, default=None)
    prenom: str | None = value("InfoTiers/Prenom", st.TEXTE38, default=None)
    adresse: Adresse | None = child("Adresse", Adresse, default=None)
    compte_bancaire: CompteBancaire | None = child("CpteBancaire", CompteBancaire, default=None)


@pes_model(label=("ligne", "numero"))
class LigneMandat:
    """``LigneDePiece`` of a mandat: one imputation and its creditor (``Tiers``)."""

    numero: int | None = value(
        "BlocLignePiece/InfoLignePce/IdLigne", st.NUM6, default=None, numbering=True
    )
    nature_comptable: int = value("BlocLignePiece/InfoLignePce/Nature", st.NUM12)
    fonction: str | None = value(
        "BlocLignePiece/InfoLignePce/Fonction", st.NUM10_LIGHT, default=None
    )
    operation: str | None = value(
        "BlocLignePiece/InfoLignePce/Operation", st.NUM10_LIGHT, default=None
    )
    compte_analytique: str | None = value(
        "BlocLignePiece/InfoLignePce/CptAna", st.ALPHANUM10, default=None
    )
    numero_facture: str | None = value(
        "BlocLignePiece/InfoLignePce/Facture", st.TEXTE20, default=None
    )
    libelle_virement1: str | None = value(
        "BlocLignePiece/InfoLignePce/LibVir1", st.TEXTE70, default=None
    )
    libelle_virement2: str | None = value(
        "BlocLignePiece/InfoLignePce/LibVir2", st.TEXTE70, default=None
    )
    mode_reglement: ModeReglementDepense | None = value(
        "BlocLignePiece/InfoLignePce/ModRegl",
        Code(ModeReglementDepense, "TCodePaiement"),
        default=None,
    )
    tva_intracommunautaire: bool = value("BlocLignePiece/InfoLignePce/TVAIntraCom", st.BOOLEEN)
    compte_tiers: int | None = value(
        "BlocLignePiece/InfoLignePce/CpteTiers", st.NUM12, default=None
    )
    montant_ht: Decimal = value("BlocLignePiece/InfoLignePce/MtHT", st.MONTANT_LIGHT)
    montant_tva: Decimal | None = value(
        "BlocLignePiece/InfoLignePce/MtTVA", st.MONTANT_LIGHT, default=None
    )
    montant_facture_ht: Decimal | None = value(
        "BlocLignePiece/InfoLignePce/MtFactHT", st.MONTANT_LIGHT, default=None
    )
    pj_refs: list[PJRef] = children(
        "BlocLignePiece/InfoLignePce/PJRef", PJRef, default_factory=list
    )
    tva_hlm: TvaHlm | None = child("BlocLignePiece/InfoTVAHLM", TvaHlm, default=None)
    operation_specifique: OperationSpecifique | None = child(
        "BlocLignePiece/OpSpec", OperationSpecifique, default=None
    )
    rattachement: RattachementDepense | None = child(
        "BlocLignePiece/RattachPiece", RattachementDepense, default=None
    )
    liens: LiensDepense | None = child("BlocLignePiece/LiensIdent", LiensDepense, default=None)
    tiers: TiersDepense | None = child("Tiers", TiersDepense, default=None)


@pes_model(label=("mandat", "numero"))
class Mandat:
    """``Piece`` of a dépense bordereau: a mandat and its lines."""

    code_service: str | None = value("BlocPiece/InfoPce/CodServ", st.TEXTE10, default=None)
    affectation: str | None = value("BlocPiece/InfoPce/Affect", st.TEXTE10, default=None)
    numero: int = value("BlocPiece/InfoPce/IdPce", st.NUM8)
    type: TypeMandat = value("BlocPiece/InfoPce/TypPce", Code(TypeMandat, "TTypPce"))
    nature: NatureMandat = value("BlocPiece/InfoPce/NatPce", Code(NatureMandat, "TNatPce"))
    objet: str | None = value("BlocPiece/InfoPce/Obj", st.TEXTE100, default=None)
    date_echeance: dt.date | None = value("BlocPiece/InfoPce/DteEch", st.DATE, default=None)
    pj_refs: list[PJRef] = children("BlocPiece/InfoPce/PJRef", PJRef, default_factory=list)
    references_pj: str | None = value("BlocPiece/InfoPce/PJ", st.TEXTE250, default=None)
    carte_achat_niveau1: bool | None = value(
        "BlocPiece/InfoPce/CarteAchatNiveau1", st.BOOLEEN, default=None
    )
    dgp: DelaiGlobalPaiement | None = child("BlocPiece/DGP", DelaiGlobalPaiement, default=None)
    lignes: list[LigneMandat] = children(
        "LigneDePiece", LigneMandat, min_occurs=1, default_factory=list
    )


@pes_model(label=("bordereau", "numero"))
class BordereauDepense:
    """``Bordereau`` of mandats.

    ``nombre_pieces`` (NbrPce), ``montant_ht`` (MtBordHT) and ``montant_tva`` (MtBordTVA) are
    computed from the mandats when left to ``None``, and checked against them when given.
    ``id`` (``@Id``, the target of a bordereau signature) defaults to
    ``BORD-D-<exercice>-<numero>``.
    """

    id: str | None = attribute("Id", st.XS_ID, computed=bordereau_id("D"), default=None)
    exercice: int = value("BlocBordereau/Exer", st.ANNEE)
    numero: int = value("BlocBordereau/IdBord", st.NUM7)
    date_emission: dt.date = value("BlocBordereau/DteBordEm", st.DATE)
    type: TypeBordereauDepense = value(
        "BlocBordereau/TypBord", Code(TypeBordereauDepense, "TTypBordAller")
    )
    nombre_pieces: int | None = value(
        "BlocBordereau/NbrPce", st.NUM5, default=None, computed=count_pieces
    )
    montant_cumul_annuel: Decimal | None = value(
        "BlocBordereau/MtCumulAnnuel", st.MONTANT, default=None
    )
    montant_ht: Decimal | None = value(
        "BlocBordereau/MtBordHT", st.MONTANT_LIGHT, default=None, computed=sum_ht
    )
    montant_tva: Decimal | None = value(
        "BlocBordereau/MtBordTVA", st.MONTANT_LIGHT, default=None, computed=sum_tva
    )
    mandats: list[Mandat] = children(
        "Piece", Mandat, min_occurs=1, stream=True, default_factory=list
    )
    signature: XmlFragment | None = fragment(default=None)


@pes_model
class DepenseAller:
    """``PES_DepenseAller``: the bordereaux of mandats (``IdVer`` is 2)."""

    version: int = value("EnTeteDepense/IdVer", st.NUM2, default=2)
    dematerialise: bool | None = value("EnTeteDepense/InfoDematerialisee", st.BOOLEEN, default=None)
    bordereaux: list[BordereauDepense] = children(
        "Bordereau", BordereauDepense, min_occurs=1, stream=True, default_factory=list
    )
