"""The dépense return (``PES_DepenseRetour``): what became of each mandat and its lines.

The comptable restitutes each bordereau with its pièces (mandats, ordres de paiement, and in a
bordereau of type 04 the regularisation requests), each with its state (en instance, pris en
charge, rejeté, soldé), the reason codes of that state (``ObsEtat``), and, line by line, what
was paid or settled (``InfoPaiement``, ``PaiementEmargement``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from demat_sdk.pes.retour.codes import (
    CessionOpposition,
    EtatLigneDepense,
    EtatPieceDepense,
    MotifDepense,
    NaturePieceDepense,
    OrigineEmargementDepense,
    TypeBordereauDepense,
    TypePieceDepense,
    parse_motifs,
)
from demat_sdk.pes.retour.entete import EnTeteRetour
from demat_sdk.pes.retour.tiers import LiensIdentifiants, Tiers

__all__ = [
    "BordereauDepenseRetour",
    "DepenseRetour",
    "LigneDepenseRetour",
    "PaiementEmargement",
    "PieceDepenseRetour",
]

_LIGNE_REJETEE = frozenset(
    {EtatLigneDepense.REJETE, EtatLigneDepense.REJET, EtatLigneDepense.REJET_NON_FORCABLE}
)


@dataclass(kw_only=True)
class PaiementEmargement:
    """``PaiementEmargement``: one payment or settlement of a line of mandat.

    Attributes:
        origine: ``OrgEma`` — what settled it (a real payment, a titre, an encaissement…).
        date_paiement: ``DtePay`` — date of the payment or settlement.
        montant: ``MtPay`` — amount.
    """

    origine: OrigineEmargementDepense
    date_paiement: date
    montant: Decimal


@dataclass(kw_only=True)
class LigneDepenseRetour:
    """A line of a mandat in the return (``LigneDePiece``).

    Attributes:
        numero: ``IdLigne`` — the line's ``IdLigne`` in the PES_Aller.
        etat: ``EtatLigPce`` — state of the line.
        observation: ``ObsEtat`` — reason codes of that state, as written (see :attr:`motifs`).
        commentaire: ``Commentaire`` — the comptable's comment at visa.
        libelle_virement_1: ``LibVir1`` — transfer label (pièces to regularise).
        libelle_virement_2: ``LibVir2``.
        compte_tiers: ``CpteTiers`` — third-party account (pièces to regularise).
        montant_ht: ``MtHT``.
        montant_tva: ``MtTVA``.
        cession_opposition: ``CessOpp`` — a cession or opposition on the line.
        nombre_paiements: ``InfoPaiement/NbrPay`` — number of payments or settlements.
        montant_paye: ``InfoPaiement/MtPayTot`` — their algebraic sum.
        liens: ``LiensIdent``.
        tiers: ``Tiers`` — the creditor.
        paiements: ``PaiementEmargement`` — each payment or settlement.
    """

    numero: int
    etat: EtatLigneDepense
    observation: str | None = None
    commentaire: str | None = None
    libelle_virement_1: str | None = None
    libelle_virement_2: str | None = None
    compte_tiers: str | None = None
    montant_ht: Decimal
    montant_tva: Decimal | None = None
    cession_opposition: CessionOpposition | None = None
    nombre_paiements: int | None = None
    montant_paye: Decimal | None = None
    liens: LiensIdentifiants | None = None
    tiers: Tiers | None = None
    paiements: list[PaiementEmargement] = field(default_factory=list)

    @property
    def motifs(self) -> list[MotifDepense]:
        """The reason codes of ``ObsEtat`` (``[]`` when it holds none or free text)."""
        return parse_motifs(self.observation, MotifDepense)

    @property
    def rejetee(self) -> bool:
        """Whether the line was rejected (states 02, 09 or 10)."""
        return self.etat in _LIGNE_REJETEE


@dataclass(kw_only=True)
class PieceDepenseRetour:
    """A mandat (or other dépense pièce) in the return (``Piece``/``InfoPiece``).

    Attributes:
        code_service: ``CodServ`` — the ordonnateur's service.
        numero: ``IdPce`` — the mandat's ``IdPce`` in the PES_Aller.
        type_piece: ``TypPce``.
        nature_piece: ``NatPce``.
        objet: ``Obj``.
        date_prise_en_charge: ``DtePcePec`` — with ``date_rejet`` too, the prise en charge was
            cancelled and the mandat rejected.
        etat: ``EtatPce`` — en instance, pris en charge, rejeté or soldé.
        observation: ``ObsEtat`` — reason codes of that state, as written (see :attr:`motifs`).
        commentaire: ``Commentaire`` — the comptable's comment at visa.
        date_rejet: ``DtePceRej``.
        date_mise_en_instance: ``DtePceInst``.
        lignes: ``LigneDePiece``.
    """

    code_service: str | None = None
    numero: int
    type_piece: TypePieceDepense
    nature_piece: NaturePieceDepense
    objet: str | None = None
    date_prise_en_charge: date | None = None
    etat: EtatPieceDepense
    observation: str | None = None
    commentaire: str | None = None
    date_rejet: date | None = None
    date_mise_en_instance: date | None = None
    lignes: list[LigneDepenseRetour] = field(default_factory=list)

    @property
    def motifs(self) -> list[MotifDepense]:
        """The reason codes of ``ObsEtat`` (``[]`` when it holds none or free text)."""
        return parse_motifs(self.observation, MotifDepense)

    @property
    def rejetee(self) -> bool:
        """Whether the mandat was rejected (``EtatPce`` 04)."""
        return self.etat is EtatPieceDepense.REJETE

    @property
    def montant_ht(self) -> Decimal:
        """Sum of the lines' ``MtHT``."""
        return sum((ligne.montant_ht for ligne in self.lignes), Decimal(0))

    @property
    def montant_paye(self) -> Decimal:
        """Sum of what the lines say was paid (``MtPayTot``; lines without it count 0)."""
        return sum((ligne.montant_paye or Decimal(0) for ligne in self.lignes), Decimal(0))


@dataclass(kw_only=True)
class BordereauDepenseRetour:
    """A bordereau of the dépense return (``Bordereau``/``BlocBordereau``).

    Attributes:
        exercice: ``Exer``.
        numero: ``IdBord`` — the bordereau's ``IdBord`` (Hélios numbers type 04 itself).
        type_bordereau: ``TypBord``.
        pieces: ``Piece`` — its mandats.
    """

    exercice: int
    numero: int
    type_bordereau: TypeBordereauDepense
    pieces: list[PieceDepenseRetour] = field(default_factory=list)


@dataclass(kw_only=True)
class DepenseRetour:
    """``PES_DepenseRetour``.

    Attributes:
        en_tete: ``EnTeteDepense``.
        bordereaux: ``Bordereau``.
    """

    en_tete: EnTeteRetour
    bordereaux: list[BordereauDepenseRetour] = field(default_factory=list)

    def piece(self, exercice: int, numero: int) -> PieceDepenseRetour | None:
        """The mandat ``numero`` (``IdPce``) of the exercice, wherever its bordereau."""
        for bordereau in self.bordereaux:
            if bordereau.exercice != exercice:
                continue
            for piece in bordereau.pieces:
                if piece.numero == numero:
                    return piece
        return None
