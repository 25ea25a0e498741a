"""Which ``syntaxeFlux`` a flux file is, when the file says so without doubt.

Only what cannot be mistaken is deduced: a UBL 2.1 invoice or credit note
(``IN_DP_E1_UBL_INVOICE``), a CII D16B invoice (``IN_DP_E1_CII_16B``), a PDF that embeds a
``factur-x.xml`` file (``IN_DP_E2_CII_FACTURX``), and a ``.tar.gz`` whose invoices all have one
of these syntaxes. The minimal (E2 ``_MIN``) profiles, PES_Facture, xCBL and the older CII look
like those and are never guessed: their sender gives ``--syntaxe``.
"""

from __future__ import annotations

import io
import tarfile
from typing import IO

from demat_sdk.chorus.enums import SyntaxeFlux
from demat_sdk.chorus.files import MAX_FILE_SIZE
from demat_sdk.errors import PesReadError
from demat_sdk.pes import xmlsafety

__all__ = ["deduce_syntaxe"]

_ROOTS = {
    "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice": (
        SyntaxeFlux.IN_DP_E1_UBL_INVOICE
    ),
    "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote": (
        SyntaxeFlux.IN_DP_E1_UBL_INVOICE
    ),
    "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice": (
        SyntaxeFlux.IN_DP_E1_CII_16B
    ),
}
_MAX_MEMBERS = 500  # Chorus Pro's limit of invoices in one flux
_GZIP = b"\x1f\x8b"
_PDF = b"%PDF-"
_FACTURX_NAME = b"factur-x.xml"


def deduce_syntaxe(stream: IO[bytes]) -> SyntaxeFlux | None:
    """The syntax of a flux file, or ``None`` when it cannot be told for sure.

    Args:
        stream: the file, opened in binary mode (read up to the deposit limit, 10 MB).
    """
    content = stream.read(MAX_FILE_SIZE + 1)
    if content[:2] == _GZIP:
        return _of_archive(content)
    return _of_document(content)


def _of_document(content: bytes) -> SyntaxeFlux | None:
    if content.lstrip()[:5] == _PDF:
        return SyntaxeFlux.IN_DP_E2_CII_FACTURX if _FACTURX_NAME in content else None
    try:
        for _event, element in xmlsafety.iterparse(io.BytesIO(content), events=("start",)):
            return _ROOTS.get(element.tag)
    except PesReadError:
        return None
    return None


def _of_archive(content: bytes) -> SyntaxeFlux | None:
    found: set[SyntaxeFlux | None] = set()
    try:
        with tarfile.open(fileobj=io.BytesIO(content), mode="r:gz") as archive:
            for count, member in enumerate(archive, start=1):
                if count > _MAX_MEMBERS:
                    return None
                if not member.isfile():
                    continue
                extracted = archive.extractfile(member)
                if extracted is None:
                    return None
                found.add(_of_document(extracted.read(MAX_FILE_SIZE + 1)))
    except (tarfile.TarError, OSError, EOFError):
        return None
    if len(found) != 1:
        return None
    [syntaxe] = found
    return syntaxe
