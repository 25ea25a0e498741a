"""Acquittements (``PES_ACQUIT``): what Hélios answers to each PES_Aller, read and written.

* :func:`read_acquit` reads an ACK of the current "V2" schema or of the legacy one;
* :func:`write_acquit` writes one (V2, valid against the official XSD) from an :class:`Acquit`.

An ACK opens with the ``Enveloppe`` and ``EnTetePES`` of the PES_Aller it answers (the same
XSD types): they are :class:`~demat_sdk.pes.Enveloppe` and :class:`~demat_sdk.pes.EnTetePES`.
See the guide ``docs/guides/acquittements.md``.
"""

from demat_sdk.pes._rendering import Encoding
from demat_sdk.pes.acquit._codes import CodeAnomalie, DomaineAcquit
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

__all__ = [
    "Acquit",
    "CodeAnomalie",
    "DetailLigne",
    "DetailPiece",
    "DomaineAcquit",
    "ElementAcquit",
    "Encoding",
    "ErreurAcquit",
    "ErreurLocalisee",
    "SchemaAcquit",
    "acquit_to_bytes",
    "check_acquit",
    "read_acquit",
    "write_acquit",
]
