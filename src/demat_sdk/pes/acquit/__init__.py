"""Acquittements (``PES_ACQUIT``): what Hélios answers to each PES_Aller, read and written.

* :func:`read_acquit` reads an ACK of the current "V2" schema or of the legacy one;
* :func:`write_acquit` writes one (V2, valid against the official XSD) from an :class:`Acquit`.

See the guide ``docs/guides/acquittements.md``.
"""

from demat_sdk.pes.acquit._codes import CodeAnomalie, DomaineAcquit
from demat_sdk.pes.acquit._entete import CarteVisite, EnTetePES, Enveloppe
from demat_sdk.pes.acquit._writing import LATIN1_REPLACEMENTS, Encoding
from demat_sdk.pes.acquit.models import (
    Acquit,
    DetailLigne,
    DetailPiece,
    ElementAcquit,
    ErreurAcquit,
    ErreurLocalisee,
    SchemaAcquit,
)
from demat_sdk.pes.acquit.reader import read_acquit
from demat_sdk.pes.acquit.writer import acquit_to_bytes, check_acquit, write_acquit
from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "LATIN1_REPLACEMENTS",
    "Acquit",
    "CarteVisite",
    "CodeAnomalie",
    "DetailLigne",
    "DetailPiece",
    "DomaineAcquit",
    "ElementAcquit",
    "EnTetePES",
    "Encoding",
    "Enveloppe",
    "ErreurAcquit",
    "ErreurLocalisee",
    "PesCode",
    "SchemaAcquit",
    "acquit_to_bytes",
    "check_acquit",
    "read_acquit",
    "write_acquit",
]
