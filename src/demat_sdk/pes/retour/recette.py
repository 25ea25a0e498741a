"""The recette return (``PES_RecetteRetour``): what became of each titre and its recovery.

Besides the state of each titre and line (pris en charge, rejeté, soldé…), a recette return
follows the recovery: what was collected (``InfoRecouvrement``, ``EncaissementEmargement``),
instalment plans, suspension of recovery, litigation amounts and the current recovery step
(``InfoAmiableContentieux``: ASAP, relance, mise en demeure, SATD…). An ORMC bordereau may come
back as one global event (``BordereauORMCGlobal``) instead of pièce by pièce.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from demat_sdk.pes.retour.codes import (
    CodeActualite,
    CodeSuspensionPoursuites,
    EtapePiece,
    EtatLigneRecette,
    EtatPieceRecette,
    MotifRecette,
    NaturePieceRecette,
    OrigineEmargementRecette,
    TypeBordereauRecette,
    TypePieceRecette,
    parse_motifs,
)
from demat_sdk.pes.retour.entete import EnTeteRetour
from demat_sdk.pes.retour.tiers import LiensIdentifiants, Tiers

__all__ = [
    "BordereauOrmcGlobal",
    "BordereauRecetteRetour",
    "CollectiviteBeneficiaire",
    "Contentieux",
    "EncaissementEmargement",
    "EtapeRecouvrement",
    "InfoOrmc",
    "LigneRecetteRetour",
    "PieceRecetteRetour",
    "RattachementPiece",
    "RecetteRetour",
    "SuspensionPoursuites",
]


@dataclass(kw_only=True)
class EncaissementEmargement:
    """``EncaissementEmargement``: one collection or settlement of a line of titre.

    Attributes:
        origine: ``OrgEma`` — what settled it (an encaissement, TIPI, a mandat…).
        date_recouvrement: ``DteReco`` — date of the collection or settlement.
        montant: ``MtReco`` — amount.
    """

    origine: OrigineEmargementRecette
    date_recouvrement: date
    montant: Decimal


@dataclass(kw_only=True)
class CollectiviteBeneficiaire:
    """``InfoCollBen``: the budget an ORMC line collects for.

    Attributes:
        id_collectivite: ``IdCollBen`` — its SIRET.
        code_collectivite: ``CodCollBen``.
        code_budget: ``CodBudBen``.
    """

    id_collectivite: str
    code_collectivite: str
    code_budget: str | None = None


@dataclass(kw_only=True)
class RattachementPiece:
    """``RattachPiece``: the mandat of admission en non-valeur a line is tied to.

    Attributes:
        nature_piece_origine: ``NatPceOrig`` — ``02`` (mandat).
        exercice: ``ExerRat`` — exercice of that mandat.
        numero_piece_origine: ``IdPceOrig``.
        numero_ligne_origine: ``IdLigneOrig``.
        date_prise_en_charge: ``DteRattach`` — date that mandat was taken in charge.
    """

    nature_piece_origine: str
    exercice: int
    numero_piece_origine: int
    numero_ligne_origine: int | None = None
    date_prise_en_charge: date


@dataclass(kw_only=True)
class SuspensionPoursuites:
    """``InfoSuspPour``: recovery suspended by the comptable.

    Attributes:
        code: ``CodeSuspPour`` — why.
        date_suspension: ``DteSuspPour``.
        date_reprise: ``DteRepPour`` — when recovery resumed, if it did.
    """

    code: CodeSuspensionPoursuites
    date_suspension: date
    date_reprise: date | None = None


@dataclass(kw_only=True)
class Contentieux:
    """``InfoContentieux``: amounts in litigation.

    Attributes:
        montant_total: ``MtCtxTot`` — principal, surcharge and costs taken in charge.
        reste_principal: ``SldPrinc`` — left to recover on the principal.
        reste_frais: ``SldFrais`` — left to recover on the costs.
    """

    montant_total: Decimal | None = None
    reste_principal: Decimal | None = None
    reste_frais: Decimal | None = None


@dataclass(kw_only=True)
class EtapeRecouvrement:
    """``InfoAmiableContentieux``: the current step of recovery.

    Attributes:
        etape: ``EtapePce`` — ASAP, relance, commandement, SATD…
        date_etape: ``DteEtapePce``.
        id_acte: ``IdAct``.
        code_actualite: ``CodActu`` — sent, positive, negative, undelivered…
        date_actualite: ``DteActu``.
        montant_frais: ``MtFrais`` — cost of the step.
        date_envoi: ``DteEnvoi``.
    """

    etape: EtapePiece
    date_etape: date
    id_acte: str | None = None
    code_actualite: CodeActualite | None = None
    date_actualite: date | None = None
    montant_frais: Decimal | None = None
    date_envoi: date | None = None


@dataclass(kw_only=True)
class LigneRecetteRetour:
    """A line of a titre in the return (``LigneDePiece``).

    Attributes:
        numero: ``IdLigne`` — the line's ``IdLigne`` in the PES_Aller.
        code_produit: ``CodProdLoc`` — local product code.
        finess_geographique: ``FinGeo``.
        code_etablissement_geographique: ``CodeEtGeo``.
        etat: ``EtatLigPce`` — rejeté, annulé, en instance, non soldée, soldée…
        observation: ``ObsEtat`` — reason codes of that state, as written (see :attr:`motifs`).
        commentaire: ``Commentaire``.
        compte_tiers: ``CpteTiers`` — account to use when issuing the regularising titre.
        montant_ht: ``MtHT``.
        montant_tva: ``MtTVA``.
        beneficiaire: ``InfoCollBen`` (ORMC).
        nombre_recouvrements: ``InfoRecouvrement/NbrReco``.
        montant_recouvre: ``InfoRecouvrement/MtRecoTot``.
        date_dernier_paiement: ``InfoEcheancier/DteDerPai`` — instalment plan.
        paiements_restants: ``InfoEcheancier/NbrePaiRest``.
        rattachement: ``RattachPiece``.
        liens: ``LiensIdent``.
        suspension: ``InfoSuspPour``.
        contentieux: ``InfoContentieux``.
        etape_recouvrement: ``InfoAmiableContentieux``.
        tiers: ``Tiers`` — the debtor.
        encaissements: ``EncaissementEmargement`` — each collection or settlement.
    """

    numero: int
    code_produit: str | None = None
    finess_geographique: str | None = None
    code_etablissement_geographique: str | None = None
    etat: EtatLigneRecette
    observation: str | None = None
    commentaire: str | None = None
    compte_tiers: str | None = None
    montant_ht: Decimal
    montant_tva: Decimal | None = None
    beneficiaire: CollectiviteBeneficiaire | None = None
    nombre_recouvrements: int | None = None
    montant_recouvre: Decimal | None = None
    date_dernier_paiement: date | None = None
    paiements_restants: int | None = None
    rattachement: RattachementPiece | None = None
    liens: LiensIdentifiants | None = None
    suspension: SuspensionPoursuites | None = None
    contentieux: Contentieux | None = None
    etape_recouvrement: EtapeRecouvrement | None = None
    tiers: Tiers | None = None
    encaissements: list[EncaissementEmargement] = field(default_factory=list)

    @property
    def motifs(self) -> list[MotifRecette]:
        """The reason codes of ``ObsEtat`` (``[]`` when it holds none or free text)."""
        return parse_motifs(self.observation, MotifRecette)


@dataclass(kw_only=True)
class InfoOrmc:
    """``InfoORMC``: the rôle article of an ORMC titre, as sent.

    Attributes:
        numero_dette: ``NumDette``.
        periode: ``Per``.
        cle_1: ``Cle1``.
        cle_2: ``Cle2``.
    """

    numero_dette: str | None = None
    periode: str | None = None
    cle_1: str | None = None
    cle_2: str | None = None


@dataclass(kw_only=True)
class PieceRecetteRetour:
    """A titre (or other recette pièce) in the return (``Piece``/``BlocPiece``).

    Attributes:
        code_service: ``CodServ``.
        numero: ``IdPce`` — the titre's ``IdPce`` in the PES_Aller.
        type_piece: ``TypPce``.
        nature_piece: ``NatPce``.
        objet: ``Obj``.
        date_prise_en_charge: ``DtePcePec``.
        etat: ``EtatPce`` — en instance, pris en charge (partly), rejeté, annulé.
        observation: ``ObsEtat`` — reason codes of that state, as written (see :attr:`motifs`).
        commentaire: ``Commentaire``.
        date_rejet: ``DtePceRej``.
        date_mise_en_instance: ``DtePceInst``.
        ormc: ``InfoORMC``.
        lignes: ``LigneDePiece``.
    """

    code_service: str | None = None
    numero: int
    type_piece: TypePieceRecette
    nature_piece: NaturePieceRecette
    objet: str | None = None
    date_prise_en_charge: date | None = None
    etat: EtatPieceRecette
    observation: str | None = None
    commentaire: str | None = None
    date_rejet: date | None = None
    date_mise_en_instance: date | None = None
    ormc: InfoOrmc | None = None
    lignes: list[LigneRecetteRetour] = field(default_factory=list)

    @property
    def motifs(self) -> list[MotifRecette]:
        """The reason codes of ``ObsEtat`` (``[]`` when it holds none or free text)."""
        return parse_motifs(self.observation, MotifRecette)

    @property
    def rejetee(self) -> bool:
        """Whether the titre was rejected (``EtatPce`` 04)."""
        return self.etat is EtatPieceRecette.REJETE

    @property
    def montant_ht(self) -> Decimal:
        """Sum of the lines' ``MtHT``."""
        return sum((ligne.montant_ht for ligne in self.lignes), Decimal(0))

    @property
    def montant_recouvre(self) -> Decimal:
        """Sum of what the lines say was collected (``MtRecoTot``; lines without it count 0)."""
        return sum((ligne.montant_recouvre or Decimal(0) for ligne in self.lignes), Decimal(0))


@dataclass(kw_only=True)
class BordereauOrmcGlobal:
    """``BordereauORMCGlobal``: one event for a whole ORMC bordereau (PEC, instance, rejet).

    Attributes:
        exercice: ``Exer``.
        numero: ``IdBord``.
        montant_ttc: ``MtTTC``.
        date_prise_en_charge: ``DtePec``.
        date_rejet: ``DteRej`` — with ``date_prise_en_charge`` too, rejected after PEC.
        date_mise_en_instance: ``DteInst``.
    """

    exercice: int
    numero: int
    montant_ttc: Decimal
    date_prise_en_charge: date | None = None
    date_rejet: date | None = None
    date_mise_en_instance: date | None = None


@dataclass(kw_only=True)
class BordereauRecetteRetour:
    """A bordereau of the recette return (``Bordereau``).

    Either its pièces (``BlocBordereau`` then ``Piece``), or one global ORMC event
    (``BordereauORMCGlobal``, then ``type_bordereau`` is ``None`` and ``pieces`` empty).

    Attributes:
        exercice: ``Exer``.
        numero: ``IdBord``.
        type_bordereau: ``TypBord``.
        pieces: ``Piece`` — its titres.
        ormc_global: ``BordereauORMCGlobal``.
    """

    exercice: int
    numero: int
    type_bordereau: TypeBordereauRecette | None = None
    pieces: list[PieceRecetteRetour] = field(default_factory=list)
    ormc_global: BordereauOrmcGlobal | None = None


@dataclass(kw_only=True)
class RecetteRetour:
    """``PES_RecetteRetour``.

    Attributes:
        en_tete: ``EnTeteRecette``.
        bordereaux: ``Bordereau``.
    """

    en_tete: EnTeteRetour
    bordereaux: list[BordereauRecetteRetour] = field(default_factory=list)

    def piece(self, exercice: int, numero: int) -> PieceRecetteRetour | None:
        """The titre ``numero`` (``IdPce``) of the exercice, wherever its bordereau."""
        for bordereau in self.bordereaux:
            if bordereau.exercice != exercice:
                continue
            for piece in bordereau.pieces:
                if piece.numero == numero:
                    return piece
        return None
