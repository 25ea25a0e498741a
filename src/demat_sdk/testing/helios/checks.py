"""The checks of the emulated Hélios "Guichet XML": box 1 (the file), then box 5 (the business).

**Box 1** refuses the whole flux (one element of domaine technique or signature, nothing
integrated):

* the declared encoding is neither ISO-8859-1 nor UTF-8 (``ERREUR_ENCODING``);
* the file breaks the official XSD, when a schema set is given (``ERREUR_AUTRE``, with the
  label Hélios writes: « Une erreur technique est survenue lors de la validation/decoupage
  technique (Boite 1) : Erreur de validation XSD en boite 1 [(line,column) message] »); without
  a schema set, the first problem the reader met (a missing element, a malformed value) stands
  for it, after the same prefix;
* the signature does not match ``InfoDematerialisee``: a dematerialised domain with an unsigned
  bordereau (``ERREUR_SIGNATURE_INCOMPLETE``), or a signed bordereau in a domain that says it
  is not dematerialised (``ERREUR_PES_SIGNATURE``). The XAdES signature itself is not verified.

**Box 5, header** (the whole flux again, domaine paramétrage): an unknown ``IdPost``
(``ERREUR_CODIQUE``), ``IdColl`` (``ERREUR_SIRET``) or budget (``ERREUR_CODE_COLLECTIVITE_BUDGET``),
a ``FinJur`` missing on an M21/M22 budget or present on another one.

**Box 5, per object** (one element per bordereau and per PJ; a rejected bordereau carries its
anomalies at the level they concern):

* a bordereau already integrated, same exercice, type and number (``ERREUR_DOUBLON_BORDEREAU``);
* ``NbrPce`` different from the number of pièces, ``MtBordHT`` different from the sum of the
  lines (``ERREUR_CUMUL_MONTANTS``);
* a pièce already integrated or twice in the bordereau (``ERREUR_DOUBLON_PIECE``), a line
  number twice in a pièce (``ERREUR_DOUBLON_LIGNE``), a triplet the référentiel does not allow
  (``ERREUR_CODIFICATION``), a ``CodServ`` it does not know;
* ``Fonction`` on a line of an M21 or M22 budget: « 1971 - Compte fonction présent à tort »;
* a titre of ``Edition`` 02 or 03 without a debtor identified by SIRET, without ``NumeroFacture``
  or without its ASAP (a ``TypePJ`` 006 PJ), and the checks of Chorus Pro when the emulator is
  in the same world as a :class:`~demat_sdk.testing.FakeChorusPro` (an unknown or inactive
  service gives « 2559 - Le code service de la structure publique destinataire est inconnu ou
  inactif dans Chorus Pro »);
* a PJ whose ``IdUnique`` was already integrated (``ERREUR_DOUBLON_PJ``, « 1984 - L'identifiant
  unique de la PJ a déjà été intégré dans HELIOS »).

The numbered labels are those real acquittements carry; where no real label is known the
anomaly has its code and a plain French text, without a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from demat_sdk.errors import PesReadError
from demat_sdk.helios.asap import CHORUS_EDITIONS, AsapTitre
from demat_sdk.pes import xmlsafety
from demat_sdk.pes.acquit import (
    CodeAnomalie,
    DetailLigne,
    DetailPiece,
    DomaineAcquit,
    ElementAcquit,
    ErreurAcquit,
)
from demat_sdk.pes.enums import NatureIdentifiantTiers, TypePJ
from demat_sdk.pes.models.enveloppe import EnTetePES, Enveloppe, PesAller
from demat_sdk.pes.models.pj import PieceJustificative
from demat_sdk.pes.reader import read
from demat_sdk.pes.totals import count_pieces, sum_ht
from demat_sdk.pes.validation import official_schema
from demat_sdk.testing.helios.referentiel import Budget, Domaine, Referentiel, Triplet

__all__ = [
    "LABEL_DOUBLON_PJ",
    "LABEL_FONCTION",
    "LABEL_SERVICE_CHORUS",
    "AsapCheck",
    "Integrated",
    "Verdict",
    "examine",
]

A = CodeAnomalie

LABEL_FONCTION = (1971, "Compte fonction présent à tort")
"""A ``Fonction`` on a line of an M21/M22 budget (as real acquittements write it)."""
LABEL_DOUBLON_PJ = (1984, "L'identifiant unique de la PJ a déjà été intégré dans HELIOS")
"""A PJ whose ``IdUnique`` Hélios already holds (as real acquittements write it)."""
LABEL_SERVICE_CHORUS = (
    2559,
    "Le code service de la structure publique destinataire est inconnu ou inactif dans Chorus Pro",
)
"""An ASAP to a Chorus Pro service unknown or inactive (as real acquittements write it)."""

_BOX1 = "Une erreur technique est survenue lors de la validation/decoupage technique (Boite 1) : "
_ENCODINGS = frozenset({"iso-8859-1", "utf-8"})
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")

AsapCheck = Callable[[Budget, AsapTitre], list[ErreurAcquit]]
"""What Chorus Pro would say of an ASAP (empty when it would take it)."""

BordereauKey = tuple[str, str, Domaine, int, str, int]
"""``(IdColl, CodCol+CodBud, domaine, exercice, TypBord, IdBord)``."""
PieceKey = tuple[str, str, Domaine, int, int]
"""``(IdColl, CodCol+CodBud, domaine, exercice, IdPce)``."""


@dataclass
class Integrated:
    """What Hélios already holds: the keys the duplicate checks look up."""

    bordereaux: set[BordereauKey] = field(default_factory=set)
    pieces: set[PieceKey] = field(default_factory=set)
    pieces_justificatives: set[tuple[str, str]] = field(default_factory=set)
    """``(IdColl, IdUnique)`` of every PJ integrated."""


@dataclass
class Verdict:
    """What the guichet decided for one file.

    Attributes:
        flux: the flux as read (``None`` when it could not be read at all).
        budget: the budget it was integrated into (``None`` when the flux was refused whole).
        elements: the elements of the acquittement; empty when no ACK is due (an empty flux,
            or a file that is not a readable ``PES_Aller``).
        bordereaux: the bordereaux accepted, with their domain.
        pieces_justificatives: the PJ accepted.
        reason: why no ACK is due, when none is.
    """

    flux: PesAller | None
    budget: Budget | None = None
    elements: list[ElementAcquit] = field(default_factory=list)
    bordereaux: list[tuple[Domaine, Any]] = field(default_factory=list)
    pieces_justificatives: list[PieceJustificative] = field(default_factory=list)
    reason: str = ""


def examine(
    data: bytes,
    referentiel: Referentiel,
    integrated: Integrated,
    *,
    xsd_dir: Path | None = None,
    asap_check: AsapCheck | None = None,
) -> Verdict:
    """Run box 1 then box 5 on a file; nothing is recorded (see :class:`Verdict`)."""
    try:
        flux = read(data)
    except PesReadError as exc:
        return Verdict(None, reason=f"not a readable PES_Aller: {exc}")
    # A file missing them is read leniently (the problem is in ``read_problems``).
    enveloppe: object = flux.enveloppe
    en_tete: object = flux.en_tete
    if not isinstance(enveloppe, Enveloppe) or not isinstance(en_tete, EnTetePES):
        return Verdict(flux, reason="no Enveloppe or EnTetePES to answer to")
    if _is_empty(flux):
        return Verdict(flux, reason="empty flux: no bordereau, PJ, marché or facture")
    refused = _box1(data, flux, xsd_dir) or _header(flux, referentiel)
    if refused is not None:
        return Verdict(flux, elements=[refused])
    budget = referentiel.budget(
        flux.en_tete.siret, flux.en_tete.code_collectivite, flux.en_tete.code_budget
    )
    assert budget is not None  # noqa: S101 - _header refused unknown budgets
    return _box5(flux, budget, referentiel, integrated, asap_check)


def _flux_ko(domaine: DomaineAcquit, code: CodeAnomalie, texte: str) -> ElementAcquit:
    return ElementAcquit(
        domaine=domaine,
        etat=False,
        erreurs=[ErreurAcquit(numero_anomalie=code, libelle_anomalie=texte[:500])],
        pieces=[],
    )


def _is_empty(flux: PesAller) -> bool:
    return not (
        (flux.depense is not None and flux.depense.bordereaux)
        or (flux.recette is not None and flux.recette.bordereaux)
        or (flux.pj is not None and flux.pj.pieces_justificatives)
        or flux.marche is not None
        or flux.facture is not None
    )


# --- box 1 -------------------------------------------------------------------------------------


def _box1(data: bytes, flux: PesAller, xsd_dir: Path | None) -> ElementAcquit | None:
    declared = _DECLARED.match(data[:300])
    if declared is not None:
        encoding = declared.group(1).decode("ascii").lower().replace("_", "-")
        if encoding not in _ENCODINGS:
            return _flux_ko(
                DomaineAcquit.TECHNIQUE,
                A.ERREUR_ENCODING,
                f"Encodage {encoding.upper()} non accepté : ISO-8859-1 ou UTF-8 attendu",
            )
    if xsd_dir is not None:
        problem = _xsd_problem(data, xsd_dir)
        if problem is not None:
            return _flux_ko(
                DomaineAcquit.TECHNIQUE,
                A.ERREUR_AUTRE,
                f"{_BOX1}Erreur de validation XSD en boite 1 [{problem}]",
            )
    elif flux.read_problems:
        # Without the schema set, what the reader found missing or malformed stands for it.
        return _flux_ko(DomaineAcquit.TECHNIQUE, A.ERREUR_AUTRE, f"{_BOX1}{flux.read_problems[0]}")
    return _signature(flux)


def _xsd_problem(data: bytes, xsd_dir: Path) -> str | None:
    schema = official_schema(xsd_dir)
    if schema is None:  # pragma: no cover - a folder is always given here
        return None
    try:
        tree = xmlsafety.parse(data, max_bytes=None)
    except PesReadError as exc:
        return f"({exc.line or 0},0) {exc.reason}"
    if schema.validate(tree):
        return None
    error = schema.error_log[0]  # type: ignore[index]
    return f"({error.line},{error.column}) {error.message}"


def _signature(flux: PesAller) -> ElementAcquit | None:
    for domaine, container in (("dépense", flux.depense), ("recette", flux.recette)):
        if container is None:
            continue
        dematerialise = bool(container.dematerialise)
        for bordereau in container.bordereaux:
            signed = bordereau.signature is not None
            if dematerialise and not signed:
                return _flux_ko(
                    DomaineAcquit.SIGNATURE_GLOBALE,
                    A.ERREUR_SIGNATURE_INCOMPLETE,
                    f"InfoDematerialisee vaut 1 en {domaine} mais le bordereau "
                    f"{bordereau.numero} n'est pas signé",
                )
            if signed and not dematerialise:
                return _flux_ko(
                    DomaineAcquit.SIGNATURE_GLOBALE,
                    A.ERREUR_PES_SIGNATURE,
                    f"Le bordereau {bordereau.numero} est signé alors que "
                    f"InfoDematerialisee ne vaut pas 1 en {domaine}",
                )
    return None


# --- box 5: header -----------------------------------------------------------------------------


def _header(flux: PesAller, referentiel: Referentiel) -> ElementAcquit | None:
    en_tete = flux.en_tete
    param = DomaineAcquit.PARAMETRAGE
    if en_tete.code_poste not in referentiel.postes:
        return _flux_ko(param, A.ERREUR_CODIQUE, f"Codique {en_tete.code_poste} inconnu")
    if en_tete.siret not in referentiel.sirets:
        return _flux_ko(param, A.ERREUR_SIRET, f"IdColl {en_tete.siret} inconnu")
    budget = referentiel.budget(en_tete.siret, en_tete.code_collectivite, en_tete.code_budget)
    if budget is None or not budget.actif or budget.poste != en_tete.code_poste:
        state = (
            "inconnu" if budget is None else "inactif" if not budget.actif else "d'un autre poste"
        )
        return _flux_ko(
            param,
            A.ERREUR_CODE_COLLECTIVITE_BUDGET,
            f"Budget CodCol {en_tete.code_collectivite} CodBud {en_tete.code_budget} {state}",
        )
    if budget.hospitalier and not en_tete.finess_juridique:
        return _flux_ko(
            param, A.ERREUR_AUTRE, f"FinJur obligatoire pour un budget {budget.nomenclature.value}"
        )
    if not budget.hospitalier and en_tete.finess_juridique:
        return _flux_ko(
            param, A.ERREUR_AUTRE, f"FinJur interdit pour un budget {budget.nomenclature.value}"
        )
    return None


# --- box 5: objects ----------------------------------------------------------------------------


@dataclass
class _Findings:
    """The anomalies found in one bordereau, by place."""

    element: list[ErreurAcquit] = field(default_factory=list)
    pieces: dict[int, list[ErreurAcquit]] = field(default_factory=dict)
    lignes: dict[tuple[int, int], list[ErreurAcquit]] = field(default_factory=dict)

    def piece(self, numero: int, code: CodeAnomalie, texte: str | tuple[int, str]) -> None:
        self.pieces.setdefault(numero, []).append(_erreur(code, texte))

    def ligne(
        self, piece: int, ligne: int, code: CodeAnomalie, texte: str | tuple[int, str]
    ) -> None:
        self.lignes.setdefault((piece, ligne), []).append(_erreur(code, texte))

    def detail(self) -> list[DetailPiece]:
        numbers = sorted(set(self.pieces) | {piece for piece, _ in self.lignes})
        return [
            DetailPiece(
                numero_piece=numero,
                erreurs=self.pieces.get(numero, []),
                lignes=[
                    DetailLigne(numero_ligne=ligne, erreurs=erreurs)
                    for (piece, ligne), erreurs in sorted(self.lignes.items())
                    if piece == numero
                ],
            )
            for numero in numbers
        ]

    def __bool__(self) -> bool:
        return bool(self.element or self.pieces or self.lignes)


def _erreur(code: CodeAnomalie, texte: str | tuple[int, str]) -> ErreurAcquit:
    if isinstance(texte, tuple):
        return ErreurAcquit.helios(code, *texte)
    return ErreurAcquit(numero_anomalie=code, libelle_anomalie=texte[:500])


def _box5(
    flux: PesAller,
    budget: Budget,
    referentiel: Referentiel,
    integrated: Integrated,
    asap_check: AsapCheck | None,
) -> Verdict:
    verdict = Verdict(flux, budget)
    pieces_in_flux = {pj.id_unique: pj for pj in (flux.pj.pieces_justificatives if flux.pj else [])}
    budget_code = budget.code_collectivite + budget.code_budget
    taken_bordereaux: set[BordereauKey] = set()
    taken_pieces: set[PieceKey] = set()
    for domaine, bordereau in _bordereaux(flux):
        key: BordereauKey = (
            budget.siret,
            budget_code,
            domaine,
            bordereau.exercice,
            bordereau.type.value,
            bordereau.numero,
        )
        findings = _Findings()
        doublon = key in integrated.bordereaux or key in taken_bordereaux
        if doublon:
            findings.element.append(
                _erreur(
                    A.ERREUR_DOUBLON_BORDEREAU,
                    f"Le bordereau {bordereau.numero} de l'exercice {bordereau.exercice} "
                    "a déjà été intégré",
                )
            )
        _totals(bordereau, findings)
        seen: set[int] = set()
        for piece in _pieces(bordereau):
            piece_key: PieceKey = (
                budget.siret,
                budget_code,
                domaine,
                bordereau.exercice,
                piece.numero,
            )
            # The pièces of a bordereau already integrated are not reported one by one.
            if piece.numero in seen or (not doublon and piece_key in integrated.pieces):
                findings.piece(
                    piece.numero,
                    A.ERREUR_DOUBLON_PIECE,
                    f"La pièce {piece.numero} de l'exercice {bordereau.exercice} est en double",
                )
            seen.add(piece.numero)
            _piece(domaine, bordereau, piece, budget, referentiel, findings)
            if domaine == "recette" and piece.edition in CHORUS_EDITIONS:
                asap = AsapTitre(
                    flux.enveloppe.nom_fichier,
                    bordereau,
                    piece,
                    tuple(
                        pieces_in_flux[ref.id_unique]
                        for ref in piece.pj_refs
                        if ref.id_unique in pieces_in_flux
                    ),
                )
                _asap(asap, budget, integrated, findings, asap_check)
        element = ElementAcquit(
            domaine=DomaineAcquit.DEPENSE if domaine == "depense" else DomaineAcquit.RECETTE,
            etat=not findings,
            numero_bordereau=bordereau.numero,
            exercice_bordereau=bordereau.exercice,
            erreurs=findings.element,
            pieces=findings.detail(),
        )
        verdict.elements.append(element)
        if not findings:
            verdict.bordereaux.append((domaine, bordereau))
            taken_bordereaux.add(key)
            taken_pieces.update(
                (budget.siret, budget_code, domaine, bordereau.exercice, piece.numero)
                for piece in _pieces(bordereau)
            )
    taken_pj: set[str] = set()
    for id_unique, pj in _pjs(flux):
        doublon = (budget.siret, id_unique) in integrated.pieces_justificatives
        erreurs = [_erreur(A.ERREUR_DOUBLON_PJ, LABEL_DOUBLON_PJ)] if doublon else []
        if id_unique in taken_pj:
            erreurs.append(_erreur(A.ERREUR_DOUBLON_PJ, LABEL_DOUBLON_PJ))
        verdict.elements.append(
            ElementAcquit(
                domaine=DomaineAcquit.PJ,
                etat=not erreurs,
                id_unique=id_unique,
                erreurs=erreurs,
                pieces=[],
            )
        )
        taken_pj.add(id_unique)
        if not erreurs:
            verdict.pieces_justificatives.append(pj)
    return verdict


def _bordereaux(flux: PesAller) -> Iterator[tuple[Domaine, Any]]:
    if flux.depense is not None:
        for depense in flux.depense.bordereaux:
            yield "depense", depense
    if flux.recette is not None:
        for recette in flux.recette.bordereaux:
            yield "recette", recette


def _pieces(bordereau: Any) -> list[Any]:
    pieces = getattr(bordereau, "mandats", None)
    return list(pieces if pieces is not None else bordereau.titres)


def _pjs(flux: PesAller) -> Iterator[tuple[str, PieceJustificative]]:
    for pj in flux.pj.pieces_justificatives if flux.pj is not None else []:
        yield pj.id_unique, pj


def _totals(bordereau: Any, findings: _Findings) -> None:
    counted = count_pieces(bordereau)
    if bordereau.nombre_pieces is not None and bordereau.nombre_pieces != counted:
        findings.element.append(
            _erreur(
                A.ERREUR_AUTRE,
                f"NbrPce {bordereau.nombre_pieces} ne correspond pas aux {counted} pièces "
                "du bordereau",
            )
        )
    total = sum_ht(bordereau)
    if bordereau.montant_ht is not None and bordereau.montant_ht != total:
        findings.element.append(
            _erreur(
                A.ERREUR_CUMUL_MONTANTS,
                f"MtBordHT {bordereau.montant_ht} différent de la somme des lignes {total}",
            )
        )


def _piece(
    domaine: Domaine,
    bordereau: Any,
    piece: Any,
    budget: Budget,
    referentiel: Referentiel,
    findings: _Findings,
) -> None:
    triplet = Triplet(domaine, bordereau.type.value, piece.type.value, piece.nature.value)
    if not referentiel.accepts(triplet):
        findings.piece(
            piece.numero,
            A.ERREUR_CODIFICATION,
            f"Triplet TypBord {triplet.type_bordereau} / TypPce {triplet.type_piece} / "
            f"NatPce {triplet.nature_piece} non autorisé",
        )
    if (
        piece.code_service
        and referentiel.codes_service
        and piece.code_service not in referentiel.codes_service
    ):
        findings.piece(piece.numero, A.ERREUR_AUTRE, f"CodServ {piece.code_service} inconnu")
    numbers: set[int] = set()
    for index, ligne in enumerate(piece.lignes, 1):
        numero = ligne.numero or index
        if numero in numbers:
            findings.ligne(
                piece.numero, numero, A.ERREUR_DOUBLON_LIGNE, f"Ligne {numero} en double"
            )
        numbers.add(numero)
        if budget.hospitalier and ligne.fonction:
            findings.ligne(piece.numero, numero, A.ERREUR_AUTRE, LABEL_FONCTION)


def _asap(
    asap: AsapTitre,
    budget: Budget,
    integrated: Integrated,
    findings: _Findings,
    asap_check: AsapCheck | None,
) -> None:
    numero = asap.titre.numero
    debiteur = asap.debiteur
    if debiteur is None or debiteur.nature_identifiant != NatureIdentifiantTiers.SIRET:
        findings.piece(
            numero, A.ERREUR_AUTRE, "Le débiteur d'un ASAP Chorus Pro est identifié par son SIRET"
        )
        return
    if not asap.numero_facture:
        findings.piece(numero, A.ERREUR_AUTRE, "NumeroFacture obligatoire pour un ASAP Chorus Pro")
    documents = [pj for pj in asap.pieces_justificatives if pj.type == TypePJ.PES_FACTURE]
    held = [
        ref
        for ref in asap.titre.pj_refs
        if ref.type == TypePJ.PES_FACTURE
        and (budget.siret, ref.id_unique) in integrated.pieces_justificatives
    ]
    if not documents and not held:
        findings.piece(
            numero, A.ERREUR_AUTRE, "L'ASAP (PJ PES_Facture de TypePJ 006) est absent du titre"
        )
    if asap_check is not None:
        for erreur in asap_check(budget, asap):
            findings.pieces.setdefault(numero, []).append(erreur)
