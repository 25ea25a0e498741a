"""Keeping patient data out of the ASAP a PES flux sends to public debtors through Chorus Pro.

An ASAP of ``Edition`` 02 or 03 is deposited by Hélios in Chorus Pro, where the debtor's staff
read it: the interministerial instruction forbids any patient or medical data in it. Before a
flux is written or sent, :func:`check_asap_privacy` reads every such titre
(:func:`~demat_sdk.helios.asap.asap_titres`) and the pièces justificatives it references, and
refuses the flux with :class:`~demat_sdk.errors.PatientDataError`, naming the titre and the field:

* the titre's texts (objet, lines, debtor, service name…), with the
  :class:`~demat_sdk.privacy.PrivacyGuard` rules (a NIR with a valid key, a patient's name, a
  medical term);
* each referenced PJ's name and description, and its content when it is XML — the ASAP
  document itself (a ``PES_Facture``), given as a model or as bytes, a path or a seekable
  stream;
* an ASAP document of ``TypeFact`` 10 (« ASAP Patients ») or holding a patient file
  (``DossierPatient``, ``LigneFacturePatient``): a patient's ASAP never goes to Chorus Pro; it
  is sent with ``Edition`` 05 (« ASAP Patients à éditer »).

Contents that are not XML (a PDF complementary document) cannot be read and are not checked.
Titres of other editions (01, 04, 05, 06) do not go to Chorus Pro and are left alone.
"""

from __future__ import annotations

import dataclasses
import enum
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from demat_sdk.errors import InvalidRequestError, PatientDataError, PesReadError
from demat_sdk.helios.asap import AsapTitre, asap_titres
from demat_sdk.pes.enums import TypeFacture
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.models.pj import PieceJustificative
from demat_sdk.pes.reader import read
from demat_sdk.privacy import PrivacyFinding, PrivacyGuard

__all__ = ["check_asap_privacy", "scan_asap_privacy"]

# Fields that hold no text written by the hospital, or that are read separately.
_SKIPPED = frozenset({"contenu", "signature", "read_problems", "type_mime"})
_XML_START = (b"<?xml", b"<")


def scan_asap_privacy(pes: PesAller, guard: PrivacyGuard | None = None) -> list[PrivacyFinding]:
    """What :func:`check_asap_privacy` would refuse, without raising.

    Each finding's ``path`` starts with the titre (``bordereau 119 (exercice 2025) / titre
    5521 / objet``) or the PJ (``… / PJ <IdUnique> / PES_Facture/FactureIndiv/Objet``).

    Raises:
        InvalidRequestError: a referenced PJ is a stream that cannot be read back (not
            seekable), so it cannot be checked without consuming it.
    """
    guard = guard or PrivacyGuard()
    findings: list[PrivacyFinding] = []
    for asap in asap_titres(pes):
        for path, text in _texts(asap.titre, ""):
            findings += guard.scan_text(text, f"{asap.where} / {path}")
        for pj in asap.pieces_justificatives:
            findings += _scan_pj(asap, pj, guard)
    return findings


def check_asap_privacy(pes: PesAller, guard: PrivacyGuard | None = None) -> None:
    """Refuse a flux whose ASAP for Chorus Pro hold patient or medical data.

    Args:
        pes: the flux, before it is written or sent.
        guard: the rules (a :class:`~demat_sdk.privacy.PrivacyGuard` with the patient list of
            the hospital); NIR and the default medical terms when omitted.

    Raises:
        PatientDataError: naming every titre and field at fault, never the data itself.
        InvalidRequestError: a referenced PJ is a non-seekable stream (see
            :func:`scan_asap_privacy`).
    """
    findings = scan_asap_privacy(pes, guard)
    if findings:
        raise PatientDataError(
            f"ASAP for Chorus Pro in {pes.enveloppe.nom_fichier}",
            [(finding.path, finding.detail) for finding in findings],
        )


def _scan_pj(asap: AsapTitre, pj: PieceJustificative, guard: PrivacyGuard) -> list[PrivacyFinding]:
    where = f"{asap.where} / PJ {pj.id_unique}"
    findings: list[PrivacyFinding] = []
    for path, text in _texts(pj, ""):
        findings += guard.scan_text(text, f"{where} / {path}")
    content = pj.contenu
    if isinstance(content, PesAller):
        document: PesAller | None = content
        if content.facture is not None:
            for path, text in _texts(content.facture, "PES_Facture"):
                findings += guard.scan_text(text, f"{where} / {path}")
    else:
        data = _bytes_of(content, where)
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_XML_START):
            return findings
        findings += [
            dataclasses.replace(finding, path=f"{where} / {finding.path}")
            for finding in guard.scan_xml(data)
        ]
        try:
            document = read(data)
        except PesReadError:
            document = None
    if document is not None and document.facture is not None:
        findings += _patient_asap(document, where)
    return findings


def _patient_asap(document: PesAller, where: str) -> list[PrivacyFinding]:
    facture = document.facture
    assert facture is not None  # noqa: S101 - checked by the caller
    found: list[PrivacyFinding] = []
    if facture.type == TypeFacture.ASAP_PATIENTS:
        found.append(
            PrivacyFinding(
                f"{where} / PES_Facture/TypeFact",
                "patient_file",
                "a patient ASAP (TypeFact 10) never goes to Chorus Pro: send it with Edition 05",
            )
        )
    for index, individuelle in enumerate(facture.factures):
        if individuelle.dossier_patient is not None or individuelle.ligne_patient is not None:
            found.append(
                PrivacyFinding(
                    f"{where} / PES_Facture/FactureIndiv[{index}]",
                    "patient_file",
                    "a patient file (DossierPatient, LigneFacturePatient) in an ASAP for "
                    "Chorus Pro",
                )
            )
    return found


def _bytes_of(content: object, where: str) -> bytes:
    if isinstance(content, (bytes, bytearray)):
        return bytes(content)
    if isinstance(content, (str, os.PathLike)):
        return Path(content).read_bytes()
    stream: IO[bytes] = content  # type: ignore[assignment]
    if not stream.seekable():
        raise InvalidRequestError(
            f"{where}: the content is a stream that cannot be read back; give its bytes or its "
            "path so that it can be checked for patient data",
            field="contenu",
        )
    position = stream.tell()
    try:
        return stream.read()
    finally:
        stream.seek(position)


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every text of a PES model, with its path in Python names (``lignes[0].objet``)."""
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, str):
        if value.strip():
            yield path, value
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            if spec.name not in _SKIPPED:
                child = f"{path}.{spec.name}" if path else spec.name
                yield from _texts(getattr(value, spec.name), child)
