"""``PES_ACQUIT_RETOUR``: how the ordonnateur tells Hélios it integrated a PES_Retour.

The file names each return received (``NomFichierRetour``), its domain (13 dépense, 14 recette),
its kind (``TypRestit``) and the date of integration. :func:`build_acquit_retour` makes the
model from a :class:`~demat_sdk.pes.retour.PesRetour` just read; :func:`write_acquit_retour`
writes it valid against ``PES_V2/RETOUR/Rev0/PES_V2_Acquit_Retour.xsd`` (v5.17), whose header
is the PES_Aller one: an ``Emetteur`` is mandatory and the collectivité code is ``CodCol``.
:func:`read_acquit_retour` reads one back, leniently (S²LOW's sample has ``CodColl`` and no
``Emetteur``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree

from demat_sdk.errors import PesModelError
from demat_sdk.pes import xmlsafety
from demat_sdk.pes.acquit._entete import (
    CarteVisite,
    EnTetePES,
    Enveloppe,
    check_en_tete,
    check_enveloppe,
    read_en_tete,
    read_enveloppe,
    require_headers,
    write_en_tete,
    write_enveloppe,
)
from demat_sdk.pes.acquit._facets import Checks
from demat_sdk.pes.acquit._reading import (
    Node,
    as_date,
    as_int,
    as_text,
    check_root,
    code,
    stream_blocks,
)
from demat_sdk.pes.acquit._writing import Encoding, Target, leaf, serialise, write_bytes
from demat_sdk.pes.retour.codes import DomaineAcquitRetour, TypeRestitution
from demat_sdk.pes.retour.models import PesRetour

__all__ = [
    "NAMESPACE_ACQUIT_RETOUR",
    "AcquitRetour",
    "ElementAcquitRetour",
    "acquit_retour_to_bytes",
    "build_acquit_retour",
    "check_acquit_retour",
    "read_acquit_retour",
    "write_acquit_retour",
]

NAMESPACE_ACQUIT_RETOUR = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller/ack"
"""Namespace of the ``PES_ACQUIT_RETOUR`` root."""


@dataclass(kw_only=True)
class ElementAcquitRetour:
    """One return acknowledged (``ElementACQUIT_RETOUR``).

    Attributes:
        domaine: ``DomaineAckRetour`` — dépense (13) or recette (14).
        nom_fichier_retour: ``NomFichierRetour`` — the name of the return as Hélios sent it.
        type_restitution: ``TypRestit`` — rejets (01), périodique (02) or stock (03).
        date_acquit: ``DateAcquit`` — when the ordonnateur integrated it.
    """

    domaine: DomaineAcquitRetour
    nom_fichier_retour: str
    type_restitution: TypeRestitution
    date_acquit: date


@dataclass(kw_only=True)
class AcquitRetour:
    """A ``PES_ACQUIT_RETOUR`` file.

    Attributes:
        enveloppe: ``Enveloppe`` — the ordonnateur's own file (``Emetteur`` mandatory).
        en_tete: ``EnTetePES`` — the budget, as in the return acknowledged.
        elements: ``ACQUIT_RETOUR/ElementACQUIT_RETOUR``.
        version: ``ACQUIT_RETOUR/EnTeteAcquit_Retour/IdVer`` — version (2).
    """

    enveloppe: Enveloppe
    en_tete: EnTetePES
    elements: list[ElementAcquitRetour] = field(default_factory=list)
    version: int = 2


def build_acquit_retour(
    retour: PesRetour,
    *,
    emetteur: CarteVisite,
    nom_fichier: str,
    date_acquit: date,
    nom_fichier_retour: str | None = None,
    type_restitution: TypeRestitution | None = None,
    type_fichier: str | None = None,
) -> AcquitRetour:
    """The ``PES_ACQUIT_RETOUR`` acknowledging a return: one element per part it holds.

    Args:
        retour: the return read (:func:`~demat_sdk.pes.retour.read_retour`).
        emetteur: the ordonnateur's software (``Sigle``: publisher, ``Adresse``: name and
            version of the application).
        nom_fichier: ``NomFic`` of the acknowledgement itself (unique per file sent).
        date_acquit: date of integration (also the ``DteStr`` of the header).
        nom_fichier_retour: name of the return as received; by default its ``NomFic``.
        type_restitution: kind of return; by default what the return says
            (:meth:`~demat_sdk.pes.retour.PesRetour.type_restitution`).
        type_fichier: ``TypFic`` of the acknowledgement; by default the return's (which is
            what S²LOW sends: the schema documents no value of its own).

    Raises:
        PesModelError: the return has no dépense or recette part, or its kind cannot be told
            and was not given.
    """
    kind = type_restitution or retour.type_restitution()
    if kind is None:
        raise PesModelError(
            [
                (
                    "type_restitution",
                    f"the return {retour.nom_fichier!r} does not say whether it is a return of"
                    " rejets, périodique or stock; pass type_restitution",
                )
            ]
        )
    domaines = [
        domaine
        for domaine, part in (
            (DomaineAcquitRetour.DEPENSE, retour.depense),
            (DomaineAcquitRetour.RECETTE, retour.recette),
        )
        if part is not None
    ]
    if not domaines:
        raise PesModelError(
            [("domaine", f"the return {retour.nom_fichier!r} has no dépense or recette part")]
        )
    source = retour.en_tete
    return AcquitRetour(
        enveloppe=Enveloppe(
            type_fichier=type_fichier or retour.enveloppe.type_fichier,
            nom_fichier=nom_fichier,
            emetteur=emetteur,
        ),
        en_tete=EnTetePES(
            date_emission=date_acquit,
            id_poste=source.id_poste,
            libelle_poste=source.libelle_poste,
            id_collectivite=source.id_collectivite,
            finess_juridique=source.finess_juridique,
            code_collectivite=source.code_collectivite,
            code_budget=source.code_budget,
            libelle_collectivite_budget=source.libelle_collectivite_budget,
        ),
        elements=[
            ElementAcquitRetour(
                domaine=domaine,
                nom_fichier_retour=nom_fichier_retour or retour.nom_fichier,
                type_restitution=kind,
                date_acquit=date_acquit,
            )
            for domaine in domaines
        ],
    )


def check_acquit_retour(acquit: AcquitRetour, *, encoding: Encoding = "ISO-8859-1") -> None:
    """Check a ``PES_ACQUIT_RETOUR`` model against the v5.17 facets.

    Raises:
        PesModelError: every problem found, each with the place it concerns.
    """
    checks = Checks(encoding)
    check_enveloppe(checks, acquit.enveloppe)
    check_en_tete(checks, acquit.en_tete)
    checks.number("version", acquit.version, 2, required=True)
    if not acquit.elements:
        checks.add("elements", "a PES_ACQUIT_RETOUR acknowledges at least one return")
    for rank, element in enumerate(acquit.elements, 1):
        where = f"élément {rank}"
        checks.known(f"{where} / domaine", element.domaine, required=True)
        checks.texte(
            f"{where} / nom_fichier_retour", element.nom_fichier_retour, 100, required=True
        )
        checks.known(f"{where} / type_restitution", element.type_restitution, required=True)
    checks.raise_if_any()


def _build(acquit: AcquitRetour, encoding: Encoding) -> Any:
    root = etree.Element(
        f"{{{NAMESPACE_ACQUIT_RETOUR}}}PES_ACQUIT_RETOUR", nsmap={"n": NAMESPACE_ACQUIT_RETOUR}
    )
    write_enveloppe(root, acquit.enveloppe, encoding)
    write_en_tete(root, acquit.en_tete, encoding)
    node = etree.SubElement(root, "ACQUIT_RETOUR")
    leaf(etree.SubElement(node, "EnTeteAcquit_Retour"), "IdVer", acquit.version, encoding)
    for element in acquit.elements:
        child = etree.SubElement(node, "ElementACQUIT_RETOUR")
        leaf(child, "DomaineAckRetour", element.domaine, encoding)
        leaf(child, "NomFichierRetour", element.nom_fichier_retour, encoding)
        leaf(child, "TypRestit", element.type_restitution, encoding)
        leaf(child, "DateAcquit", element.date_acquit, encoding)
    return root


def acquit_retour_to_bytes(acquit: AcquitRetour, *, encoding: Encoding = "ISO-8859-1") -> bytes:
    """The ``PES_ACQUIT_RETOUR`` file as bytes, after :func:`check_acquit_retour`.

    Raises:
        PesModelError: the model breaks a rule; nothing is produced.
    """
    check_acquit_retour(acquit, encoding=encoding)
    return serialise(_build(acquit, encoding), encoding)


def write_acquit_retour(
    acquit: AcquitRetour, target: Target, *, encoding: Encoding = "ISO-8859-1"
) -> None:
    """Write a ``PES_ACQUIT_RETOUR`` to a path (atomically) or a binary file object.

    Raises:
        PesModelError: the model breaks a rule; nothing is written.
        PesWriteError: the file could not be written; no partial file is left behind.
    """
    write_bytes(acquit_retour_to_bytes(acquit, encoding=encoding), target, what="PES_ACQUIT_RETOUR")


_ROOTS = {f"{{{NAMESPACE_ACQUIT_RETOUR}}}PES_ACQUIT_RETOUR": True}
_BLOCKS = frozenset({"Enveloppe", "EnTetePES", "EnTeteAcquit_Retour", "ElementACQUIT_RETOUR"})


def read_acquit_retour(
    source: xmlsafety.Source, *, max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES
) -> AcquitRetour:
    """Read a ``PES_ACQUIT_RETOUR`` file.

    Raises:
        PesReadError: not a ``PES_ACQUIT_RETOUR``, not well-formed, hostile, too big, or
            missing a value (the message gives the line and the element).
    """
    root: Node | None = None
    enveloppe: Enveloppe | None = None
    en_tete: EnTetePES | None = None
    version: int | None = None
    elements: list[ElementAcquitRetour] = []
    for block in stream_blocks(source, blocks=_BLOCKS, max_depth=2, max_bytes=max_bytes):
        node = block.node
        if block.parent == "":
            root = node
            check_root(root, _ROOTS, what="PES_ACQUIT_RETOUR")
        elif block.name == "Enveloppe":
            enveloppe = read_enveloppe(node)
        elif block.name == "EnTetePES":
            en_tete = read_en_tete(node)
        elif block.name == "EnTeteAcquit_Retour":
            version = node.required("IdVer", as_int)
        elif block.name == "ElementACQUIT_RETOUR":
            elements.append(
                ElementAcquitRetour(
                    domaine=node.required("DomaineAckRetour", code(DomaineAcquitRetour)),
                    nom_fichier_retour=node.required("NomFichierRetour", as_text),
                    type_restitution=node.required("TypRestit", code(TypeRestitution)),
                    date_acquit=node.required("DateAcquit", as_date),
                )
            )
    root, enveloppe, en_tete = require_headers(root, enveloppe, en_tete)
    if version is None:
        raise root.error("ACQUIT_RETOUR/EnTeteAcquit_Retour is missing")
    if not elements:
        raise root.error("ACQUIT_RETOUR has no ElementACQUIT_RETOUR")
    return AcquitRetour(enveloppe=enveloppe, en_tete=en_tete, elements=elements, version=version)
