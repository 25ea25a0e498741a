"""Reading an acquittement (``PES_ACQUIT``), current "V2" schema or legacy one.

The file is walked with the hardened streaming parser: each ``ElementACQUIT`` is turned into an
:class:`~demat_sdk.pes.acquit.ElementAcquit` and freed, so an ACK of a flux with thousands of
PJ reads in bounded memory. Reading is lenient where third-party files are known to stray from
the schema (``CodCol V="000"`` in anonymised samples, unknown codes kept as such) and strict
where the meaning would be lost (a missing ``DomaineAck`` or ``EtatAck``, a number that is not
one): those raise :class:`~demat_sdk.errors.PesReadError` with the line and the element.

The legacy schema has no ``Erreur``/``DetailPiece`` nesting: each ``ElementACQUIT`` holds at
most one anomaly next to optional ``NumPiece``/``NumLigne``. It is read into the same model, the
anomaly placed at the deepest level the element names.
"""

from __future__ import annotations

from demat_sdk.pes import xmlsafety
from demat_sdk.pes._collector import collector_paused
from demat_sdk.pes._return_reading import (
    Node,
    as_bool,
    as_int,
    as_text,
    check_root,
    code,
    read_block,
    read_en_tete,
    read_enveloppe,
    require_headers,
    stream_blocks,
)
from demat_sdk.pes.acquit._codes import CodeAnomalie, DomaineAcquit
from demat_sdk.pes.acquit.models import (
    Acquit,
    DetailLigne,
    DetailPiece,
    ElementAcquit,
    ErreurAcquit,
    SchemaAcquit,
)
from demat_sdk.pes.models.enveloppe import Emetteur, EnTetePES, Enveloppe, Recepteur

__all__ = ["read_acquit"]

_ROOTS = {f"{{{schema.namespace}}}PES_ACQUIT": schema for schema in SchemaAcquit}
_BLOCKS = frozenset({"Enveloppe", "EnTetePES", "EnTeteAcquit", "ElementACQUIT"})


@collector_paused()
def read_acquit(
    source: xmlsafety.Source, *, max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES
) -> Acquit:
    """Read a ``PES_ACQUIT`` file (ISO-8859-1 or UTF-8, V2 or legacy schema).

    Args:
        source: path, bytes, or binary file object of the ACK.
        max_bytes: files above this size are refused before parsing (``None``: no limit).

    Returns:
        The acquittement, with :attr:`~demat_sdk.pes.acquit.Acquit.schema` telling which
        schema the file follows.

    Raises:
        PesReadError: not a ``PES_ACQUIT``, not well-formed, hostile (DTD, entities), too big,
            or missing a value without which the ACK means nothing (the message gives the line
            and the element).

    Note:
        The cyclic garbage collector is paused while the file is read, as by
        :func:`demat_sdk.pes.read`, and restored at the end.
    """
    schema: SchemaAcquit | None = None
    root: Node | None = None
    enveloppe: Enveloppe | None = None
    en_tete: EnTetePES | None = None
    version: str | None = None
    elements: list[ElementAcquit] = []
    for block in stream_blocks(source, blocks=_BLOCKS, max_depth=2, max_bytes=max_bytes):
        name = block.name
        if block.parent == "":
            root = block.node
            schema = check_root(root, _ROOTS, what="PES_ACQUIT (acquittement)")
        elif block.parent == "PES_ACQUIT" and name == "Enveloppe":
            enveloppe = read_enveloppe(block.node, Enveloppe, Emetteur, Recepteur)
        elif block.parent == "PES_ACQUIT" and name == "EnTetePES":
            en_tete = read_en_tete(block.node, EnTetePES)
        elif block.parent == "ACQUIT" and name == "EnTeteAcquit":
            version = block.node.required("IdVer", as_text)
        elif block.parent == "ACQUIT" and name == "ElementACQUIT":
            if schema is SchemaAcquit.HISTORIQUE:
                elements.append(_read_legacy_element(block.node))
            else:
                elements.append(read_block(block.node, ElementAcquit))
    root, checked_enveloppe, checked_en_tete = require_headers(root, enveloppe, en_tete)
    if schema is None:  # pragma: no cover - set with the root
        raise AssertionError("no schema")
    if version is None:
        raise root.error("ACQUIT/EnTeteAcquit is missing")
    if not elements:
        raise root.error("ACQUIT has no ElementACQUIT")
    return Acquit(
        enveloppe=checked_enveloppe,
        en_tete=checked_en_tete,
        elements=elements,
        version=version,
        schema=schema,
    )


def _read_legacy_element(node: Node) -> ElementAcquit:
    numero_anomalie = node.value("NumAnoAck", code(CodeAnomalie))
    libelle_anomalie = node.value("LibelleAnoAck", as_text)
    erreurs = (
        [ErreurAcquit(numero_anomalie=numero_anomalie, libelle_anomalie=libelle_anomalie)]
        if numero_anomalie is not None or libelle_anomalie is not None
        else []
    )
    numero_piece = node.value("NumPiece", as_int)
    numero_ligne = node.value("NumLigne", as_int)
    element = ElementAcquit(
        domaine=node.required("DomaineAck", code(DomaineAcquit)),
        etat=node.required("EtatAck", as_bool),
        numero_bordereau=node.value("NumBord", as_int),
        exercice_bordereau=node.value("ExerciceBord", as_int),
        id_unique=node.value("IdUnique", as_text),
        erreurs=[],
        pieces=[],
    )
    if numero_piece is None:
        if numero_ligne is not None:
            raise node.error("NumLigne without NumPiece")
        element.erreurs = erreurs
    elif numero_ligne is None:
        element.pieces = [DetailPiece(numero_piece=numero_piece, erreurs=erreurs, lignes=[])]
    else:
        ligne = DetailLigne(numero_ligne=numero_ligne, erreurs=erreurs)
        element.pieces = [DetailPiece(numero_piece=numero_piece, erreurs=[], lignes=[ligne])]
    return element
