"""What identifies a ``PES_Aller``, read from the start of the file only.

Hélios, its acknowledgements and the channels tell flux apart by ``NomFic`` (with the
collectivité's ``CodCol``): matching a file with its acquittement, filing it, journaling it
needs these few values, not the models of a 100 MB flux. :func:`read_header` streams the
``Enveloppe`` and ``EnTetePES`` with the hardened parser and stops where the body begins.
"""

from __future__ import annotations

from dataclasses import dataclass

from demat_sdk.errors import PesReadError
from demat_sdk.pes import xmlsafety

__all__ = ["PesHeader", "read_header"]

_TAGS = {
    "NomFic": "nom_fichier",
    "CodCol": "code_collectivite",
    "CodBud": "code_budget",
    "IdColl": "siret",
    "IdPost": "code_poste",
}
_HEADER_PARTS = frozenset({"Enveloppe", "EnTetePES"})


@dataclass(frozen=True)
class PesHeader:
    """What identifies a ``PES_Aller``, from its ``Enveloppe`` and ``EnTetePES``.

    Each value is ``None`` when the file does not carry it.

    Attributes:
        nom_fichier: ``Enveloppe/Parametres/NomFic``.
        code_collectivite: ``EnTetePES/CodCol``.
        code_budget: ``EnTetePES/CodBud``.
        siret: ``EnTetePES/IdColl``.
        code_poste: ``EnTetePES/IdPost``.
    """

    nom_fichier: str | None
    code_collectivite: str | None
    code_budget: str | None
    siret: str | None
    code_poste: str | None


def read_header(
    source: xmlsafety.Source, *, max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES
) -> PesHeader:
    """Read the identifying values of a ``PES_Aller`` without reading its body.

    Args:
        source: a path, the bytes of the file, or a binary file object.
        max_bytes: refuse larger sources before parsing (``None``: no limit).

    Raises:
        PesReadError: not a ``PES_Aller``, a DTD, or XML broken before the body begins.
    """
    found: dict[str, str] = {}
    stream = xmlsafety.open_source(source, max_bytes=max_bytes)
    try:
        for index, (_, element) in enumerate(xmlsafety.iterparse(stream, events=("start",))):
            tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
            if index == 0 and tag != "PES_Aller":
                raise PesReadError(
                    f"the root element is {tag or '?'}, not PES_Aller", line=element.sourceline
                )
            parent = element.getparent()
            if parent is not None and parent.getparent() is None and tag not in _HEADER_PARTS:
                break  # the body begins (PES_DepenseAller, PES_PJ…): the header is read
            if tag in _TAGS and tag not in found:
                found[tag] = (element.get("V") or "").strip()
    finally:
        if stream is not source:
            stream.close()
    return PesHeader(**{name: found.get(tag) or None for tag, name in _TAGS.items()})
