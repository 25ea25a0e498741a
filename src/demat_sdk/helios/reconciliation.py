"""What Hélios did with a flux: an acquittement matched, object by object, with the PES_Aller sent.

:func:`reconcile` pairs an :class:`~demat_sdk.pes.Acquit` with the
:class:`~demat_sdk.pes.PesAller` it answers (same ``NomFic``, ``CodCol``, ``CodBud``,
``IdColl`` and ``IdPost``, or :class:`~demat_sdk.errors.ReconciliationError`) and tells, for
every bordereau, pièce (mandat or titre), line and pièce justificative of the flux, whether it
was accepted, rejected or not answered at all, with the anomalies Hélios gave. It also says
what may be sent again:

* a rejected bordereau may go again, **with the same number** (Hélios did not integrate it),
  unless it was rejected as a duplicate (``ERREUR_DOUBLON_BORDEREAU``: that number is taken);
* an accepted bordereau never;
* a PJ already integrated never again under the same ``IdUnique``: an accepted one, or one
  rejected as a duplicate (``ERREUR_DOUBLON_PJ``);
* when the whole flux was refused at the first checks (schema, signature, header), nothing was
  integrated and everything may go again.

:func:`corrective_flux` builds the flux that holds only what was rejected, to be sent under a
new ``NomFic``.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from typing import Any, Literal

from demat_sdk.errors import ReconciliationError
from demat_sdk.pes import (
    Acquit,
    CodeAnomalie,
    DomaineAcquit,
    ElementAcquit,
    ErreurAcquit,
    PesAller,
    PJRef,
)

__all__ = [
    "BordereauReconcilie",
    "EtatReconciliation",
    "LigneReconciliee",
    "PieceJustificativeReconciliee",
    "PieceReconciliee",
    "Reconciliation",
    "Statut",
    "corrective_flux",
    "reconcile",
]

Domaine = Literal["depense", "recette"]


class Statut(enum.Enum):
    """What Hélios did with one object of the flux."""

    ACCEPTE = "accepté"
    """Integrated."""

    REJETE = "rejeté"
    """Refused: nothing of it was integrated."""

    SANS_REPONSE = "sans réponse"
    """The acquittement does not mention it (ask the comptable before sending it again)."""


class EtatReconciliation(enum.Enum):
    """The state of the whole flux."""

    ACCEPTE = "accepté"
    """Every bordereau and PJ was integrated."""

    PARTIELLEMENT_REJETE = "partiellement rejeté"
    """Some were integrated, others rejected."""

    REJETE = "rejeté"
    """Nothing was integrated (the flux was refused whole, or every object was rejected)."""

    INCOMPLET = "incomplet"
    """Nothing was rejected, but the acquittement is silent on some objects."""


@dataclasses.dataclass(frozen=True)
class LigneReconciliee:
    """A line of a pièce.

    Attributes:
        numero: its ``IdLigne`` (1..n when the lines were not numbered).
        statut: accepted or rejected with its pièce's bordereau.
        anomalies: the anomalies Hélios gave for this line.
    """

    numero: int
    statut: Statut
    anomalies: tuple[ErreurAcquit, ...] = ()


@dataclasses.dataclass(frozen=True)
class PieceReconciliee:
    """A mandat or a titre.

    Attributes:
        numero: its ``IdPce``.
        statut: accepted or rejected with its bordereau (Hélios takes or refuses a bordereau
            whole).
        anomalies: the anomalies Hélios gave for the pièce itself.
        lignes: its lines.
    """

    numero: int
    statut: Statut
    anomalies: tuple[ErreurAcquit, ...]
    lignes: tuple[LigneReconciliee, ...]

    @property
    def en_cause(self) -> bool:
        """Whether Hélios named this pièce or one of its lines in an anomaly."""
        return bool(self.anomalies) or any(ligne.anomalies for ligne in self.lignes)


@dataclasses.dataclass(frozen=True)
class BordereauReconcilie:
    """A bordereau of the flux.

    Attributes:
        domaine: ``"depense"`` or ``"recette"``.
        exercice: its ``Exer``.
        numero: its ``IdBord``.
        statut: what Hélios did with it.
        anomalies: the anomalies about the bordereau as a whole.
        pieces: its mandats or titres.
    """

    domaine: Domaine
    exercice: int
    numero: int
    statut: Statut
    anomalies: tuple[ErreurAcquit, ...]
    pieces: tuple[PieceReconciliee, ...]

    @property
    def doublon(self) -> bool:
        """Whether Hélios refused it as a duplicate of a bordereau it already holds."""
        return _names(self.anomalies, CodeAnomalie.ERREUR_DOUBLON_BORDEREAU) or any(
            _names(piece.anomalies, CodeAnomalie.ERREUR_DOUBLON_BORDEREAU) for piece in self.pieces
        )

    @property
    def peut_etre_renvoye(self) -> bool:
        """Whether it may be sent again with the same number: rejected, not as a duplicate."""
        return self.statut is Statut.REJETE and not self.doublon

    @property
    def objet(self) -> str:
        """The bordereau in words (``"bordereau dépense 2025/421"``)."""
        word = "dépense" if self.domaine == "depense" else "recette"
        return f"bordereau {word} {self.exercice}/{self.numero}"


@dataclasses.dataclass(frozen=True)
class PieceJustificativeReconciliee:
    """A pièce justificative of the flux (``PES_PJ/PJ``).

    Attributes:
        id_unique: its ``IdUnique``.
        statut: what Hélios did with it.
        anomalies: the anomalies Hélios gave.
    """

    id_unique: str
    statut: Statut
    anomalies: tuple[ErreurAcquit, ...]

    @property
    def deja_integree(self) -> bool:
        """Whether Hélios holds a PJ with this ``IdUnique``: accepted, or refused as a duplicate."""
        return self.statut is Statut.ACCEPTE or _names(
            self.anomalies, CodeAnomalie.ERREUR_DOUBLON_PJ
        )

    @property
    def peut_etre_renvoyee(self) -> bool:
        """Whether it may be sent again under the same ``IdUnique``: rejected, not integrated."""
        return self.statut is Statut.REJETE and not self.deja_integree


@dataclasses.dataclass(frozen=True)
class Reconciliation:
    """An acquittement matched with the flux it answers.

    Attributes:
        nom_fichier: the ``NomFic`` of the flux.
        flux_rejete: the whole flux was refused at the first checks.
        anomalies_flux: the anomalies about the whole flux (schema, signature, header).
        bordereaux: every bordereau of the flux, in the flux's order.
        pieces_justificatives: every PJ of the flux, in the flux's order.
        elements_inconnus: elements of the acquittement naming nothing the flux holds.
    """

    nom_fichier: str
    flux_rejete: bool
    anomalies_flux: tuple[ErreurAcquit, ...]
    bordereaux: tuple[BordereauReconcilie, ...]
    pieces_justificatives: tuple[PieceJustificativeReconciliee, ...]
    elements_inconnus: tuple[ElementAcquit, ...]

    @property
    def etat(self) -> EtatReconciliation:
        """The state of the whole flux."""
        statuts = [b.statut for b in self.bordereaux] + [
            pj.statut for pj in self.pieces_justificatives
        ]
        if self.flux_rejete or (statuts and all(s is Statut.REJETE for s in statuts)):
            return EtatReconciliation.REJETE
        if Statut.REJETE in statuts:
            return EtatReconciliation.PARTIELLEMENT_REJETE
        if Statut.SANS_REPONSE in statuts:
            return EtatReconciliation.INCOMPLET
        return EtatReconciliation.ACCEPTE

    @property
    def a_renvoyer(self) -> bool:
        """Whether something was rejected and may be sent again."""
        return any(b.peut_etre_renvoye for b in self.bordereaux) or any(
            pj.peut_etre_renvoyee for pj in self.pieces_justificatives
        )

    def bordereau(self, exercice: int, numero: int) -> BordereauReconcilie | None:
        """The bordereau with this ``Exer`` and ``IdBord``, if the flux has one."""
        for bordereau in self.bordereaux:
            if (bordereau.exercice, bordereau.numero) == (exercice, numero):
                return bordereau
        return None

    def piece_justificative(self, id_unique: str) -> PieceJustificativeReconciliee | None:
        """The PJ with this ``IdUnique``, if the flux has one."""
        for pj in self.pieces_justificatives:
            if pj.id_unique == id_unique:
                return pj
        return None


_DOMAINES: dict[Domaine, DomaineAcquit] = {
    "depense": DomaineAcquit.DEPENSE,
    "recette": DomaineAcquit.RECETTE,
}


def reconcile(sent: PesAller, acquit: Acquit) -> Reconciliation:
    """Match an acquittement with the flux it answers, object by object.

    Args:
        sent: the PES_Aller as it was sent (read back with :func:`demat_sdk.pes.read`, or the
            model it was written from).
        acquit: the acquittement Hélios returned for it.

    Raises:
        ReconciliationError: the acquittement answers another file (``NomFic``), another
            collectivité or budget (``CodCol``, ``CodBud``, ``IdColl``, ``IdPost``).
    """
    _check_pair(sent, acquit)
    flux_rejete = acquit.flux_rejete
    used: set[int] = set()
    bordereaux = []
    for domaine, bordereau in _bordereaux(sent):
        element = _find(
            acquit,
            used,
            lambda e, d=domaine, b=bordereau: (
                e.domaine is _DOMAINES[d]
                and e.exercice_bordereau == b.exercice
                and e.numero_bordereau == b.numero
            ),
        )
        bordereaux.append(_bordereau(domaine, bordereau, element, flux_rejete))
    pjs = []
    for pj in sent.pj.pieces_justificatives if sent.pj is not None else []:
        element = _find(
            acquit,
            used,
            lambda e, ident=pj.id_unique: e.domaine is DomaineAcquit.PJ and e.id_unique == ident,
        )
        pjs.append(
            PieceJustificativeReconciliee(
                id_unique=pj.id_unique,
                statut=_statut(element, flux_rejete),
                anomalies=tuple(element.erreurs) if element is not None else (),
            )
        )
    flux_level = [
        element
        for rank, element in enumerate(acquit.elements)
        if rank not in used and element.objet == "flux"
    ]
    return Reconciliation(
        nom_fichier=sent.enveloppe.nom_fichier,
        flux_rejete=flux_rejete,
        anomalies_flux=tuple(erreur for element in flux_level for erreur in element.erreurs),
        bordereaux=tuple(bordereaux),
        pieces_justificatives=tuple(pjs),
        elements_inconnus=tuple(
            element
            for rank, element in enumerate(acquit.elements)
            if rank not in used and element.objet != "flux"
        ),
    )


def corrective_flux(
    sent: PesAller, reconciliation: Reconciliation, *, nom_fichier: str
) -> PesAller | None:
    """The flux to send again: only the bordereaux (same numbers) and PJ that may go again.

    A reference to a PJ that does not travel again (integrated, or not answered) is kept,
    marked as sent separately (``envoi_separe``): Hélios holds it, or the comptable must say.
    ``None`` when nothing may go again.

    Args:
        sent: the flux the reconciliation was made from.
        reconciliation: what :func:`reconcile` returned for it.
        nom_fichier: the ``NomFic`` of the new file (a file name is never reused).
    """
    if reconciliation.nom_fichier != sent.enveloppe.nom_fichier:
        raise ReconciliationError(
            f"the reconciliation is about {reconciliation.nom_fichier!r}, "
            f"not {sent.enveloppe.nom_fichier!r}"
        )
    rejected = {
        (b.domaine, b.exercice, b.numero) for b in reconciliation.bordereaux if b.peut_etre_renvoye
    }
    resend_pj = {
        pj.id_unique for pj in reconciliation.pieces_justificatives if pj.peut_etre_renvoyee
    }
    if not rejected and not resend_pj:
        return None
    not_resent = {pj.id_unique for pj in reconciliation.pieces_justificatives} - resend_pj
    depense = recette = None
    if sent.depense is not None:
        kept = [
            _resend(b, not_resent)
            for b in sent.depense.bordereaux
            if ("depense", b.exercice, b.numero) in rejected
        ]
        depense = dataclasses.replace(sent.depense, bordereaux=kept) if kept else None
    if sent.recette is not None:
        kept = [
            _resend(b, not_resent)
            for b in sent.recette.bordereaux
            if ("recette", b.exercice, b.numero) in rejected
        ]
        recette = dataclasses.replace(sent.recette, bordereaux=kept) if kept else None
    pj = None
    if sent.pj is not None:
        pieces = [p for p in sent.pj.pieces_justificatives if p.id_unique in resend_pj]
        pj = dataclasses.replace(sent.pj, pieces_justificatives=pieces) if pieces else None
    return dataclasses.replace(
        sent,
        enveloppe=dataclasses.replace(sent.enveloppe, nom_fichier=nom_fichier),
        depense=depense,
        recette=recette,
        facture=sent.facture if reconciliation.flux_rejete else None,
        marche=sent.marche if reconciliation.flux_rejete else None,
        pj=pj,
        signature=None,
    )


# --- matching -----------------------------------------------------------------------------


def _names(anomalies: tuple[ErreurAcquit, ...], code: CodeAnomalie) -> bool:
    return any(anomalie.numero_anomalie is code for anomalie in anomalies)


def _check_pair(sent: PesAller, acquit: Acquit) -> None:
    if acquit.enveloppe.nom_fichier != sent.enveloppe.nom_fichier:
        raise ReconciliationError(
            f"the acquittement answers {acquit.enveloppe.nom_fichier!r}, "
            f"not {sent.enveloppe.nom_fichier!r} (NomFic)"
        )
    # Hélios copies the flux's EnTetePES into its acquittement: budgets of one hospital share
    # the CodCol, and NomFic is only as unique as the software that chose it.
    differences = [
        f"{tag} {ours!r} in the acquittement, {theirs!r} in the flux"
        for tag, attr in _HEADER_FIELDS
        if (ours := getattr(acquit.en_tete, attr)) != (theirs := getattr(sent.en_tete, attr))
    ]
    if differences:
        raise ReconciliationError(
            f"the acquittement answers another budget or collectivité: {'; '.join(differences)}"
        )


_HEADER_FIELDS = (
    ("CodCol", "code_collectivite"),
    ("CodBud", "code_budget"),
    ("IdColl", "siret"),
    ("IdPost", "code_poste"),
)


def _bordereaux(sent: PesAller) -> Iterator[tuple[Domaine, Any]]:
    if sent.depense is not None:
        for depense in sent.depense.bordereaux:
            yield "depense", depense
    if sent.recette is not None:
        for recette in sent.recette.bordereaux:
            yield "recette", recette


def _find(acquit: Acquit, used: set[int], wanted: Any) -> ElementAcquit | None:
    for rank, element in enumerate(acquit.elements):
        if rank not in used and wanted(element):
            used.add(rank)
            return element
    return None


def _statut(element: ElementAcquit | None, flux_rejete: bool) -> Statut:
    if flux_rejete:
        return Statut.REJETE
    if element is None:
        return Statut.SANS_REPONSE
    return Statut.ACCEPTE if element.etat else Statut.REJETE


def _bordereau(
    domaine: Domaine, bordereau: Any, element: ElementAcquit | None, flux_rejete: bool
) -> BordereauReconcilie:
    statut = _statut(element, flux_rejete)
    details = {piece.numero_piece: piece for piece in element.pieces} if element else {}
    pieces = []
    for piece in bordereau.mandats if domaine == "depense" else bordereau.titres:
        detail = details.get(piece.numero)
        by_line = {ligne.numero_ligne: ligne for ligne in detail.lignes} if detail else {}
        lignes = []
        for rank, ligne in enumerate(piece.lignes, 1):
            numero = ligne.numero if ligne.numero is not None else rank
            found = by_line.get(numero)
            lignes.append(
                LigneReconciliee(
                    numero=numero,
                    statut=statut,
                    anomalies=tuple(found.erreurs) if found is not None else (),
                )
            )
        pieces.append(
            PieceReconciliee(
                numero=piece.numero,
                statut=statut,
                anomalies=tuple(detail.erreurs) if detail is not None else (),
                lignes=tuple(lignes),
            )
        )
    return BordereauReconcilie(
        domaine=domaine,
        exercice=bordereau.exercice,
        numero=bordereau.numero,
        statut=statut,
        anomalies=tuple(element.erreurs) if element is not None else (),
        pieces=tuple(pieces),
    )


def _resend(bordereau: Any, not_resent: set[str]) -> Any:
    """A copy of a bordereau whose references to PJ left out are marked sent separately."""

    def refs(found: list[PJRef]) -> list[PJRef]:
        return [
            dataclasses.replace(ref, envoi_separe=True) if ref.id_unique in not_resent else ref
            for ref in found
        ]

    field = "mandats" if hasattr(bordereau, "mandats") else "titres"
    pieces = [
        dataclasses.replace(
            piece,
            pj_refs=refs(piece.pj_refs),
            lignes=[
                dataclasses.replace(ligne, pj_refs=refs(ligne.pj_refs)) for ligne in piece.lignes
            ],
        )
        for piece in getattr(bordereau, field)
    ]
    return dataclasses.replace(bordereau, **{field: pieces})
