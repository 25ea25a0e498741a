"""Keeping patient data out of Chorus Pro and out of ASAP sent to public debtors.

The interministerial instruction forbids any patient or medical data in what a hospital sends
through Chorus Pro or Hélios to another public body. :class:`PrivacyGuard` looks for it in what is
about to leave — JSON bodies, models, invoice XML — and names the field where it found it (the
Chorus Pro clients run it on every call, see ``privacy_guard=``; for the ASAP of a PES flux, see
:func:`demat_sdk.helios.guard.check_asap_privacy`):

* a NIR (social-security number) whose key is valid;
* the name of a patient, from a list the caller gives (first and last name together, in either
  order, whole words, case and accents ignored);
* a medical term, from a configurable list (:data:`DEFAULT_MEDICAL_TERMS`).

Findings never repeat the value they found: an error about patient data must not leak it into a
log. Pure functions, no I/O: every part of the library may use this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pydantic

from demat_sdk._text import fold
from demat_sdk.errors import PatientDataError
from demat_sdk.identifiers import is_valid_nir
from demat_sdk.pes.xmlsafety import parse

__all__ = ["DEFAULT_MEDICAL_TERMS", "PrivacyFinding", "PrivacyGuard"]

DEFAULT_MEDICAL_TERMS: tuple[str, ...] = (
    "accouchement",
    "addictologie",
    "biopsie",
    "cancer",
    "chimiothérapie",
    "diagnostic",
    "dialyse",
    "greffe",
    "grossesse",
    "hépatite",
    "interruption volontaire de grossesse",
    "IVG",
    "oncologie",
    "pathologie",
    "psychiatrie",
    "psychiatrique",
    "radiothérapie",
    "séropositif",
    "séropositive",
    "sida",
    "toxicomanie",
    "transfusion",
    "tumeur",
    "VIH",
)
"""Words that describe a patient's health rather than a billed service. "Maladie" is left out on
purpose: "caisse primaire d'assurance maladie" is a debtor's name, not patient data."""

FindingKind = Literal["nir", "patient_name", "medical_term", "patient_file"]

_NIR_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])[12378] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?![0-9A-Za-z])"
)


@dataclass(frozen=True)
class PrivacyFinding:
    """Patient data found in an outgoing value.

    Attributes:
        path: where it was found: a JSON path (``lignePoste.0.lignePosteDenomination``) or an
            element path (``Invoice/InvoiceLine/Item/Name``).
        kind: ``nir``, ``patient_name``, ``medical_term``, or ``patient_file`` for a whole
            patient document (a patient ASAP bound for Chorus Pro, see
            :mod:`demat_sdk.helios.guard`).
        detail: what was recognised, without the value itself (``"a NIR with a valid key"``,
            ``"the medical term 'dialyse'"``, ``"the name of patient #3 of the list"``).
    """

    path: str
    kind: FindingKind
    detail: str

    def __str__(self) -> str:
        return f"{self.path or '(value)'}: {self.detail}"


class PrivacyGuard:
    """Finds patient data in what is about to leave the hospital.

    Args:
        patient_names: ``(last name, first name)`` pairs from the patient file.
        medical_terms: words or phrases to refuse (whole words, case and accents ignored).
        detect_nir: look for social-security numbers.
        ignore_paths: paths never checked (exact match), for a field known to hold a number that
            could look like a NIR.
    """

    def __init__(
        self,
        *,
        patient_names: Iterable[tuple[str, str]] = (),
        medical_terms: Iterable[str] = DEFAULT_MEDICAL_TERMS,
        detect_nir: bool = True,
        ignore_paths: Iterable[str] = (),
    ) -> None:
        self._detect_nir = detect_nir
        self._ignore = frozenset(ignore_paths)
        terms = sorted(
            {fold(term) for term in medical_terms if term.strip()}, key=len, reverse=True
        )
        self._terms = re.compile(
            r"\b(" + "|".join(re.escape(term) for term in terms) + r")\b" if terms else r"(?!x)x"
        )
        self._patients: list[re.Pattern[str]] = []
        for last, first in patient_names:
            last_f, first_f = fold(last), fold(first)
            if not last_f or not first_f:
                continue
            self._patients.append(
                re.compile(
                    rf"\b(?:{re.escape(last_f)}\W+{re.escape(first_f)}"
                    rf"|{re.escape(first_f)}\W+{re.escape(last_f)})\b"
                )
            )

    def __repr__(self) -> str:
        return f"PrivacyGuard(patients={len(self._patients)}, nir={self._detect_nir})"

    # --- scanning ----------------------------------------------------------------------------

    def scan_text(self, text: str, path: str = "") -> list[PrivacyFinding]:
        """Findings in one text."""
        if path in self._ignore or not text:
            return []
        findings: list[PrivacyFinding] = []
        if self._detect_nir:
            for match in _NIR_IN_TEXT.finditer(text):
                if is_valid_nir(match.group(0)):
                    findings.append(PrivacyFinding(path, "nir", "a NIR with a valid key"))
                    break
        folded = fold(text)
        term = self._terms.search(folded)
        if term is not None:
            findings.append(
                PrivacyFinding(path, "medical_term", f"the medical term {term.group(1)!r}")
            )
        for number, pattern in enumerate(self._patients, start=1):
            if pattern.search(folded):
                findings.append(
                    PrivacyFinding(
                        path, "patient_name", f"the name of patient #{number} of the list"
                    )
                )
                break
        return findings

    def scan(self, value: object, path: str = "") -> list[PrivacyFinding]:
        """Findings in a value: text, mapping, sequence or pydantic model (by JSON alias)."""
        if isinstance(value, pydantic.BaseModel):
            value = value.model_dump(mode="json", by_alias=True, exclude_none=True)
        if isinstance(value, str):
            return self.scan_text(value, path)
        findings: list[PrivacyFinding] = []
        if isinstance(value, Mapping):
            for key, child in value.items():
                findings.extend(self.scan(child, f"{path}.{key}" if path else str(key)))
        elif isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
            for index, child in enumerate(value):
                findings.extend(self.scan(child, f"{path}.{index}" if path else str(index)))
        return findings

    def scan_xml(self, document: bytes) -> list[PrivacyFinding]:
        """Findings in the text and attribute values of an XML document (invoice, PES Facture).

        The document is read with the library's hardened parser.
        """
        findings: list[PrivacyFinding] = []
        tree = parse(document)
        for element in tree.iter():
            node: Any = element  # comments and processing instructions have no str tag
            if not isinstance(node.tag, str):
                continue
            path = tree.getelementpath(element)
            findings.extend(self.scan_text(node.text or "", path))
            for name, attribute in node.attrib.items():
                findings.extend(self.scan_text(str(attribute), f"{path}/@{name}"))
        return findings

    # --- refusing ----------------------------------------------------------------------------

    def check(self, value: Any, *, what: str) -> None:
        """Refuse ``value`` if it holds patient data.

        Args:
            value: what is about to leave (a request body, a model, a text).
            what: what it is, for the message (``"soumettreFacture"``, ``"titre 12 (ASAP)"``).

        Raises:
            PatientDataError: naming every field at fault, never the data itself.
        """
        findings = self.scan(value)
        if findings:
            raise PatientDataError(what, [(f.path, f.detail) for f in findings])

    def check_xml(self, document: bytes, *, what: str) -> None:
        """Refuse an XML document holding patient data (see :meth:`check`)."""
        findings = self.scan_xml(document)
        if findings:
            raise PatientDataError(what, [(f.path, f.detail) for f in findings])
