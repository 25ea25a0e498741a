"""``PES_PJ``: the pièces justificatives, their content compressed with gzip then base64."""

from __future__ import annotations

import dataclasses
import os
from typing import IO, TYPE_CHECKING, Union

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import Domaine, TypeObjet, TypePJ
from demat_sdk.pes.schema import children, file_content, pes_model, value
from demat_sdk.pes.simpletypes import Code

if TYPE_CHECKING:
    from demat_sdk.pes.models.enveloppe import PesAller

__all__ = [
    "ContenuPJ",
    "PesPJ",
    "PieceJustificative",
    "RefCompta",
]

ContenuPJ = Union[bytes, "os.PathLike[str]", IO[bytes], "PesAller"]
"""The content of a PJ: its bytes, the path of the file, a binary stream (read in chunks when
the flux is written), or a ``PesAller`` document (an ASAP) serialised when written."""


@pes_model
class RefCompta:
    """``RefCompta``: the accounting object of a PJ sent without it (PES PJ autonome)."""

    domaine: Domaine = value("Domaine", Code(Domaine, "TDomaine"))
    exercice: int = value("Exercice", st.ANNEE)
    type_objet: TypeObjet = value("TypeObjet", Code(TypeObjet, "TObjet"))
    identifiant: str | None = value("Identifiant", st.IDENTIFIANTPJ20, default=None)
    complement_identifiant: str | None = value("ComplementIdentifiant", st.ALPHANUM20, default=None)
    siret_titulaire: str | None = value("IdTiers", st.TEXTE15, default=None)


@pes_model(label=("PJ", "id_unique"))
class PieceJustificative:
    """``PES_PJ/PJ``: one pièce justificative and its content.

    ``contenu`` (``Contenu/Fichier``) may be bytes, a path or a binary stream: the writer reads
    it in chunks and compresses it (gzip, then base64) on the fly. ``type_mime`` is the
    ``MIMEType`` attribute of ``Fichier``; left to ``None`` it is guessed from ``nom``.
    """

    contenu: ContenuPJ = file_content("Contenu/Fichier", mime_attr="type_mime")
    type_mime: str | None = dataclasses.field(default=None)
    id_unique: str = value("IdUnique", st.ALPHANUM50)
    serveur: str | None = value("ServeurId", st.ALPHANUM20, default=None)
    nom: str = value("NomPJ", st.NOMPJ)
    type: TypePJ | None = value("TypePJ", Code(TypePJ, "TPJ"), default=None)
    description: str = value("Description", st.TEXTE250)
    references_comptables: list[RefCompta] = children("RefCompta", RefCompta, default_factory=list)


@pes_model
class PesPJ:
    """``PES_PJ``: the pièces justificatives of the flux (``EnTetePES_PJ/IdVer`` is 1)."""

    version: int = value("EnTetePES_PJ/IdVer", st.NUM1, default=1)
    pieces_justificatives: list[PieceJustificative] = children(
        "PJ", PieceJustificative, stream=True, default_factory=list
    )
