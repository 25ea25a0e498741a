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

from datetime import date

from demat_sdk.errors import PesModelError
from demat_sdk.pes import simpletypes as st
from demat_sdk.pes import xmlsafety
from demat_sdk.pes._collector import collector_paused
from demat_sdk.pes._rendering import Encoding, document_bytes
from demat_sdk.pes._return_reading import (
    Node,
    as_int,
    check_root,
    read_block,
    read_en_tete,
    read_enveloppe,
    require_headers,
    stream_blocks,
)
from demat_sdk.pes.models.enveloppe import Emetteur, EnTetePES, Enveloppe, Recepteur
from demat_sdk.pes.retour.codes import DomaineAcquitRetour, TypeRestitution
from demat_sdk.pes.retour.models import PesRetour
from demat_sdk.pes.rules import check_model
from demat_sdk.pes.schema import child, children, pes_model, value
from demat_sdk.pes.simpletypes import Code
from demat_sdk.pes.writer import Target, write_bytes

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


@pes_model(label=("élément", None))
class ElementAcquitRetour:
    """One return acknowledged (``ElementACQUIT_RETOUR``).

    Attributes:
        domaine: ``DomaineAckRetour`` — dépense (13) or recette (14).
        nom_fichier_retour: ``NomFichierRetour`` — the name of the return as Hélios sent it.
        type_restitution: ``TypRestit`` — rejets (01), périodique (02) or stock (03).
        date_acquit: ``DateAcquit`` — when the ordonnateur integrated it.
    """

    domaine: DomaineAcquitRetour = value(
        "DomaineAckRetour", Code(DomaineAcquitRetour, "TDomaineAckRetour")
    )
    nom_fichier_retour: str = value("NomFichierRetour", st.TEXTE100)
    type_restitution: TypeRestitution = value("TypRestit", Code(TypeRestitution, "TTypRestit"))
    date_acquit: date = value("DateAcquit", st.DATE)


@pes_model
class AcquitRetour:
    """A ``PES_ACQUIT_RETOUR`` file.

    Attributes:
        enveloppe: ``Enveloppe`` — the ordonnateur's own file (``Emetteur`` mandatory).
        en_tete: ``EnTetePES`` — the budget, as in the return acknowledged.
        elements: ``ACQUIT_RETOUR/ElementACQUIT_RETOUR``.
        version: ``ACQUIT_RETOUR/EnTeteAcquit_Retour/IdVer`` — version (2).
    """

    enveloppe: Enveloppe = child("Enveloppe", Enveloppe)
    en_tete: EnTetePES = child("EnTetePES", EnTetePES)
    version: int = value("ACQUIT_RETOUR/EnTeteAcquit_Retour/IdVer", st.NUM2, default=2)
    elements: list[ElementAcquitRetour] = children(
        "ACQUIT_RETOUR/ElementACQUIT_RETOUR",
        ElementAcquitRetour,
        min_occurs=1,
        default_factory=list,
    )


def build_acquit_retour(
    retour: PesRetour,
    *,
    emetteur: Emetteur,
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
            code_poste=source.code_poste,
            libelle_poste=source.libelle_poste,
            siret=source.siret,
            finess_juridique=source.finess_juridique,
            code_collectivite=source.code_collectivite,
            code_budget=source.code_budget,
            libelle_budget=source.libelle_budget,
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
    problems = check_model(acquit, latin1=encoding == "ISO-8859-1")
    if problems:
        raise PesModelError([(problem.location, problem.message) for problem in problems])


def acquit_retour_to_bytes(acquit: AcquitRetour, *, encoding: Encoding = "ISO-8859-1") -> bytes:
    """The ``PES_ACQUIT_RETOUR`` file as bytes, after :func:`check_acquit_retour`.

    Raises:
        PesModelError: the model breaks a rule; nothing is produced.
    """
    check_acquit_retour(acquit, encoding=encoding)
    return document_bytes(
        acquit, root="PES_ACQUIT_RETOUR", namespace=NAMESPACE_ACQUIT_RETOUR, encoding=encoding
    )


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


@collector_paused()
def read_acquit_retour(
    source: xmlsafety.Source, *, max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES
) -> AcquitRetour:
    """Read a ``PES_ACQUIT_RETOUR`` file.

    Raises:
        PesReadError: not a ``PES_ACQUIT_RETOUR``, not well-formed, hostile, too big, or
            missing a value (the message gives the line and the element).

    Note:
        The cyclic garbage collector is paused while the file is read, as by
        :func:`demat_sdk.pes.read`, and restored at the end.
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
            enveloppe = read_enveloppe(node, Enveloppe, Emetteur, Recepteur)
        elif block.name == "EnTetePES":
            en_tete = read_en_tete(node, EnTetePES)
        elif block.name == "EnTeteAcquit_Retour":
            version = node.required("IdVer", as_int)
        elif block.name == "ElementACQUIT_RETOUR":
            elements.append(read_block(node, ElementAcquitRetour))
    root, checked_enveloppe, checked_en_tete = require_headers(root, enveloppe, en_tete)
    if version is None:
        raise root.error("ACQUIT_RETOUR/EnTeteAcquit_Retour is missing")
    if not elements:
        raise root.error("ACQUIT_RETOUR has no ElementACQUIT_RETOUR")
    return AcquitRetour(
        enveloppe=checked_enveloppe, en_tete=checked_en_tete, elements=elements, version=version
    )
