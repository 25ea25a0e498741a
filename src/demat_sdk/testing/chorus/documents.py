"""Files the emulator hands out: one-page PDFs of text, ZIP archives, the directory export.

Invoice images and flux reports are PDFs; downloads of several files are ZIPs; the directory of
public recipients is a ZIP of two CSV files. Small and dependency-free; good enough to open and
to test.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence

from demat_sdk.testing.chorus.state.directory import Address, StructureRecord

__all__ = ["directory_export", "pdf_of", "text_pdf", "zip_of"]

_LINE_HEIGHT = 14
_TOP = 800
_MAX_LINES = 52


def _escape(text: str) -> bytes:
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(title: str, lines: Sequence[str]) -> bytes:
    """A one-page A4 PDF showing ``title`` then ``lines`` (Helvetica, WinAnsi)."""
    shown = [title, "", *lines][:_MAX_LINES]
    content = b"BT /F1 10 Tf 50 %d Td %d TL\n" % (_TOP, _LINE_HEIGHT)
    content += b"".join(b"(" + _escape(line) + b") Tj T*\n" for line in shown) + b"ET\n"
    return pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        ]
    )


def pdf_of(objects: Sequence[bytes]) -> bytes:
    """A PDF file of numbered objects (object 1 is the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def zip_of(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP archive of ``(name, content)`` files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


_ADDRESS_COLUMNS = (
    "Adresse", "ComplementAdresse1", "ComplementAdresse2", "CodePostal", "Ville", "NumTelephone",
    "Courriel", "CodePays", "LibellePays",
)  # fmt: skip
_STRUCTURE_COLUMNS = (
    "TypeIdentifiant", "Identifiant", "RaisonSociale", "EmetteurEdi", "RecepteurEdi",
    "GestionStatutMiseEnPaiement", "GestionEngagement", "GestionService",
    "GestionServiceEngagement", "EstMOA", "EstMOAUniquement", "StructureActive", *_ADDRESS_COLUMNS,
)  # fmt: skip
_SERVICE_COLUMNS = (
    "Identifiant", "RaisonSociale", "Code", "Nom", "GestionEGMT", "ServiceActif", *_ADDRESS_COLUMNS,
)  # fmt: skip


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _address(address: Address, email: str) -> list[str]:
    return [
        address.adresse,
        address.complement1,
        address.complement2,
        address.code_postal,
        address.ville,
        address.telephone,
        email,
        address.code_pays,
        address.libelle_pays,
    ]


def directory_export(structures: Iterable[StructureRecord]) -> bytes:
    """The directory of public recipients as ``telechargerAnnuaireDestinataire`` gives it.

    A ZIP archive of ``structures.csv`` and ``services.csv`` (UTF-8, ``;``), with the columns
    of Chorus Pro's weekly export; only public structures are listed.
    """
    structure_lines = io.StringIO()
    service_lines = io.StringIO()
    structure_rows = csv.writer(structure_lines, delimiter=";", lineterminator="\n")
    service_rows = csv.writer(service_lines, delimiter=";", lineterminator="\n")
    structure_rows.writerow(_STRUCTURE_COLUMNS)
    service_rows.writerow(_SERVICE_COLUMNS)
    for structure in structures:
        if not structure.is_public:
            continue
        structure_rows.writerow(
            [
                structure.type_identifiant.value,
                structure.identifiant,
                structure.designation,
                _flag(structure.connexion_edi),
                _flag(structure.connexion_edi),
                _flag(not structure.statut_mise_en_paiement_nest_pas_remonte),
                _flag(structure.numero_ej_doit_etre_renseigne),
                _flag(structure.code_service_doit_etre_renseigne),
                _flag(structure.gestion_numero_ej_ou_code_service),
                "false",
                "false",
                _flag(structure.active),
                *_address(structure.address, structure.email),
            ]
        )
        for service in structure.services.values():
            service_rows.writerow(
                [
                    structure.identifiant,
                    structure.designation,
                    service.code_service,
                    service.libelle_service,
                    _flag(service.numero_engagement),
                    _flag(service.actif),
                    *_address(service.address, ""),
                ]
            )
    return zip_of(
        [
            ("structures.csv", structure_lines.getvalue().encode()),
            ("services.csv", service_lines.getvalue().encode()),
        ]
    )
