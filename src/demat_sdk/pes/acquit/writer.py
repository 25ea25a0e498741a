"""Writing an acquittement (``PES_ACQUIT``, current "V2" schema) from its model.

What the emulator of Hélios answers, and what a test double of it needs: a file valid against
``PES_V2/Rev0/PES_V2_Acquit_Autonome_V2.xsd``. The model is checked first (facets of every
value, one object per element, the object a dépense, recette, PJ or marché element needs); every
problem is reported at once in a :class:`~demat_sdk.errors.PesModelError` naming the element,
pièce and line at fault.
Elements are written in schema order (``NumBord`` before ``ExerciceBord``).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from demat_sdk.pes.acquit._codes import DomaineAcquit
from demat_sdk.pes.acquit._entete import (
    check_en_tete,
    check_enveloppe,
    write_en_tete,
    write_enveloppe,
)
from demat_sdk.pes.acquit._facets import Checks
from demat_sdk.pes.acquit._writing import Encoding, Target, leaf, serialise, write_bytes
from demat_sdk.pes.acquit.models import Acquit, ElementAcquit, ErreurAcquit, SchemaAcquit

__all__ = ["acquit_to_bytes", "check_acquit", "write_acquit"]

_NEEDS_BORDEREAU = frozenset({DomaineAcquit.DEPENSE, DomaineAcquit.RECETTE})


def check_acquit(acquit: Acquit, *, encoding: Encoding = "ISO-8859-1") -> None:
    """Check an ACK model against the V2 schema's facets and the ACK's own rules.

    Raises:
        PesModelError: every problem found, each with the place it concerns
            (``"élément 2 (bordereau 421 (exercice 2025)) / pièce 3017 / ligne 1 / erreur 1 /
            libelle_anomalie"``).
    """
    checks = Checks(encoding)
    check_enveloppe(checks, acquit.enveloppe)
    check_en_tete(checks, acquit.en_tete)
    checks.digits("version", acquit.version, 2)
    if not acquit.elements:
        checks.add("elements", "an ACK has at least one element")
    for rank, element in enumerate(acquit.elements, 1):
        _check_element(checks, f"élément {rank} ({element.objet})", element)
    checks.raise_if_any()


def _check_element(checks: Checks, where: str, element: ElementAcquit) -> None:
    checks.known(f"{where} / domaine", element.domaine, required=True)
    references = [
        name
        for name, present in (
            (
                "bordereau",
                element.numero_bordereau is not None or element.exercice_bordereau is not None,
            ),
            ("id_marche", element.id_marche is not None),
            ("id_unique", element.id_unique is not None),
        )
        if present
    ]
    if len(references) > 1:
        checks.add(where, f"names more than one object ({', '.join(references)}); keep one")
    if element.domaine in _NEEDS_BORDEREAU and (
        element.numero_bordereau is None or element.exercice_bordereau is None
    ):
        checks.add(where, "a dépense or recette element names its bordereau (numéro and exercice)")
    if element.domaine is DomaineAcquit.PJ and element.id_unique is None:
        checks.add(where, "a PJ element names its PJ (id_unique)")
    if element.domaine is DomaineAcquit.MARCHE and element.id_marche is None:
        checks.add(where, "a marché element names its marché (id_marche)")
    checks.number_light(f"{where} / numero_bordereau", element.numero_bordereau, 7)
    checks.number_light(f"{where} / exercice_bordereau", element.exercice_bordereau, 4)
    checks.texte_light(f"{where} / id_marche", element.id_marche, 18)
    checks.alphanum_light(f"{where} / id_unique", element.id_unique, 50)
    for rank, erreur in enumerate(element.erreurs, 1):
        _check_error(checks, f"{where} / erreur {rank}", erreur)
    for piece in element.pieces:
        piece_where = f"{where} / pièce {piece.numero_piece}"
        checks.number_light(f"{piece_where} / numero_piece", piece.numero_piece, 13)
        for rank, erreur in enumerate(piece.erreurs, 1):
            _check_error(checks, f"{piece_where} / erreur {rank}", erreur)
        for ligne in piece.lignes:
            ligne_where = f"{piece_where} / ligne {ligne.numero_ligne}"
            checks.number_light(f"{ligne_where} / numero_ligne", ligne.numero_ligne, 13)
            for rank, erreur in enumerate(ligne.erreurs, 1):
                _check_error(checks, f"{ligne_where} / erreur {rank}", erreur)


def _check_error(checks: Checks, where: str, erreur: ErreurAcquit) -> None:
    checks.known(f"{where} / numero_anomalie", erreur.numero_anomalie)
    checks.texte_light(f"{where} / libelle_anomalie", erreur.libelle_anomalie, 500)


def acquit_to_bytes(acquit: Acquit, *, encoding: Encoding = "ISO-8859-1") -> bytes:
    """The ACK file as bytes, after :func:`check_acquit`.

    Raises:
        PesModelError: the model breaks a rule; nothing is produced.
    """
    check_acquit(acquit, encoding=encoding)
    root = _build_acquit(acquit, encoding)
    return serialise(root, encoding)


def _build_acquit(acquit: Acquit, encoding: Encoding) -> Any:
    """The ``PES_ACQUIT`` tree of a model, unchecked (see :func:`check_acquit`)."""
    namespace = SchemaAcquit.V2.namespace
    root = etree.Element(f"{{{namespace}}}PES_ACQUIT", nsmap={"n": namespace})
    write_enveloppe(root, acquit.enveloppe, encoding)
    write_en_tete(root, acquit.en_tete, encoding)
    node = etree.SubElement(root, "ACQUIT")
    leaf(etree.SubElement(node, "EnTeteAcquit"), "IdVer", acquit.version, encoding)
    for element in acquit.elements:
        _write_element(etree.SubElement(node, "ElementACQUIT"), element, encoding)
    return root


def write_acquit(acquit: Acquit, target: Target, *, encoding: Encoding = "ISO-8859-1") -> None:
    """Write an ACK (``PES_ACQUIT``, V2 schema) to a path or a binary file object.

    A path is written atomically: a temporary file in the same directory, renamed once
    complete. ISO-8859-1 is what Hélios writes; UTF-8 is available.

    Args:
        acquit: the model (``acquit.schema`` is ignored: the V2 schema is always written).
        target: path, or binary file object open for writing.
        encoding: ``"ISO-8859-1"`` (default) or ``"UTF-8"``.

    Raises:
        PesModelError: the model breaks a rule; nothing is written.
        PesWriteError: the file could not be written; no partial file is left behind.
    """
    write_bytes(acquit_to_bytes(acquit, encoding=encoding), target, what="ACK")


def _write_errors(parent: Any, erreurs: list[ErreurAcquit], encoding: Encoding) -> None:
    for erreur in erreurs:
        node = etree.SubElement(parent, "Erreur")
        leaf(node, "NumAnoAck", erreur.numero_anomalie, encoding)
        leaf(node, "LibelleAnoAck", erreur.libelle_anomalie, encoding)


def _write_element(node: Any, element: ElementAcquit, encoding: Encoding) -> None:
    leaf(node, "DomaineAck", element.domaine, encoding)
    leaf(node, "EtatAck", element.etat, encoding)
    leaf(node, "NumBord", element.numero_bordereau, encoding)
    leaf(node, "ExerciceBord", element.exercice_bordereau, encoding)
    leaf(node, "IdMarche", element.id_marche, encoding)
    leaf(node, "IdUnique", element.id_unique, encoding)
    _write_errors(node, element.erreurs, encoding)
    for piece in element.pieces:
        piece_node = etree.SubElement(node, "DetailPiece")
        leaf(piece_node, "NumPiece", piece.numero_piece, encoding)
        _write_errors(piece_node, piece.erreurs, encoding)
        for ligne in piece.lignes:
            ligne_node = etree.SubElement(piece_node, "DetailLigne")
            leaf(ligne_node, "NumLigne", ligne.numero_ligne, encoding)
            _write_errors(ligne_node, ligne.erreurs, encoding)
