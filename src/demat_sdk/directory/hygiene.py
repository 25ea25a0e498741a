"""The hygiene report of a structure's codes service.

The good practices of dematerialised invoicing ask a public structure to keep its codes service
few, stable and addressed to functions rather than to people. The report flags:

* **nominative codes** — a code or a service name that designates a person (see
  :func:`nominative_reason` for the heuristic: it proposes, a human decides);
* **more than ten active codes without engagement** — active services that accept invoices
  without an engagement juridique number (the structure does not demand one, nor does the
  service); ``FACTURES_PUBLIQUES`` is not counted, every public structure has it;
* **inactive codes still receiving invoices** — given the structure's invoices as
  ``(code service, date)`` pairs, the inactive or withdrawn codes that appear in them, and the
  codes the directory does not know at all.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from demat_sdk._text import search_key, words
from demat_sdk.directory.first_names import FIRST_NAMES
from demat_sdk.directory.records import Service, Structure

__all__ = [
    "MAX_CODES_WITHOUT_ENGAGEMENT",
    "FindingKind",
    "HygieneFinding",
    "HygieneReport",
    "build_hygiene_report",
    "nominative_reason",
]

MAX_CODES_WITHOUT_ENGAGEMENT = 10
"""Above this many active codes without engagement, the report raises a finding."""

_CIVILITIES = frozenset(
    {"MR", "MME", "MMES", "MLLE", "MONSIEUR", "MADAME", "MADEMOISELLE", "DR", "DOCTEUR", "PR"}
)
_SAINTS = frozenset({"SAINT", "SAINTE", "ST", "STE"})
_MAX_WORDS_OF_A_PERSON = 3


def nominative_reason(text: str, *, first_names: Collection[str] = FIRST_NAMES) -> str | None:
    """Why ``text`` (a code service or a service name) looks like a person's name, or ``None``.

    The heuristic, on the words of ``text`` without case or accents:

    * a civility (``M``, ``MR``, ``MME``, ``MLLE``, ``MONSIEUR``, ``MADAME``, ``DR``, ``PR``…;
      ``M`` only as the first word) — ``"M. DUPONT"``, ``"Mme Martin"``;
    * or a first name of ``first_names`` in a text of at most three words, unless it follows
      ``SAINT``/``SAINTE``/``ST``/``STE`` — ``"DUPONT Jean"``, ``"JEAN-PIERRE DURAND"``, but not
      ``"Hôpital Saint-Louis"`` nor ``"Service des achats de Jean Moulin"`` (six words).

    Args:
        text: the code or name to look at.
        first_names: upper-case first names without accents.

    Returns:
        A short French reason (``"prénom JEAN"``), or ``None``.
    """
    tokens = words(text)
    if not tokens:
        return None
    if tokens[0] == "M" and len(tokens) > 1:
        return "civilité M."
    for token in tokens:
        if token in _CIVILITIES:
            return f"civilité {token}"
    if len(tokens) > _MAX_WORDS_OF_A_PERSON:
        return None
    for position, token in enumerate(tokens):
        if token in first_names and (position == 0 or tokens[position - 1] not in _SAINTS):
            return f"prénom {token}"
    return None


class FindingKind(str, enum.Enum):
    """What a hygiene finding is about."""

    NOMINATIVE_CODE = "nominative_code"
    TOO_MANY_CODES_WITHOUT_ENGAGEMENT = "too_many_codes_without_engagement"
    INACTIVE_CODE_RECEIVING_INVOICES = "inactive_code_receiving_invoices"
    UNKNOWN_CODE_RECEIVING_INVOICES = "unknown_code_receiving_invoices"


@dataclass(frozen=True, slots=True)
class HygieneFinding:
    """One thing to review.

    Attributes:
        kind: what it is about.
        codes: the codes service concerned.
        message: a readable sentence, in French.
        invoices: for the findings on invoices, how many were addressed to these codes.
        last_invoice: the date of the latest of them, when dates were given.
    """

    kind: FindingKind
    codes: tuple[str, ...]
    message: str
    invoices: int = 0
    last_invoice: date | None = None


@dataclass(frozen=True, slots=True)
class HygieneReport:
    """The hygiene of one structure's codes service.

    Attributes:
        structure: the structure.
        codes: every code service of the structure in the directory, withdrawn ones included.
        active_codes: the active ones (``ServiceActif`` and still listed).
        codes_without_engagement: active codes accepting invoices without an EJ number
            (``FACTURES_PUBLIQUES`` left out).
        inactive_codes: inactive or withdrawn codes.
        invoices_checked: how many invoices were given, or ``None`` when none were (the
            inactive codes then cannot be checked against invoices).
        findings: what to review; empty when all is well.
        max_codes_without_engagement: the threshold used.
    """

    structure: Structure
    codes: tuple[str, ...]
    active_codes: tuple[str, ...]
    codes_without_engagement: tuple[str, ...]
    inactive_codes: tuple[str, ...]
    invoices_checked: int | None
    findings: tuple[HygieneFinding, ...] = field(default=())
    max_codes_without_engagement: int = MAX_CODES_WITHOUT_ENGAGEMENT

    @property
    def ok(self) -> bool:
        """Nothing to review."""
        return not self.findings

    def render(self) -> str:
        """The report as text, in French, for a person."""
        structure = self.structure
        lines = [
            f"Hygiène des codes service — {structure.raison_sociale} ({structure.identifiant})",
            f"  {len(self.codes)} code(s) service : {len(self.active_codes)} actif(s), "
            f"{len(self.inactive_codes)} inactif(s) ; "
            f"{len(self.codes_without_engagement)} actif(s) sans engagement juridique",
        ]
        if self.invoices_checked is None:
            lines.append(
                "  factures non fournies : les codes inactifs n'ont pas été confrontés aux factures"
            )
        else:
            lines.append(f"  {self.invoices_checked} facture(s) examinée(s)")
        lines.extend(f"  ! {finding.message}" for finding in self.findings)
        if self.ok:
            lines.append("  aucun point à revoir")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "identifiant": self.structure.identifiant,
            "raison_sociale": self.structure.raison_sociale,
            "codes": list(self.codes),
            "active_codes": list(self.active_codes),
            "codes_without_engagement": list(self.codes_without_engagement),
            "inactive_codes": list(self.inactive_codes),
            "invoices_checked": self.invoices_checked,
            "max_codes_without_engagement": self.max_codes_without_engagement,
            "ok": self.ok,
            "findings": [
                {
                    "kind": finding.kind.value,
                    "codes": list(finding.codes),
                    "message": finding.message,
                    "invoices": finding.invoices,
                    "last_invoice": finding.last_invoice.isoformat()
                    if finding.last_invoice
                    else None,
                }
                for finding in self.findings
            ],
        }


def build_hygiene_report(
    structure: Structure,
    services: Iterable[Service],
    *,
    invoices: Iterable[tuple[str, date | None]] | None = None,
    first_names: Collection[str] = FIRST_NAMES,
    max_codes_without_engagement: int = MAX_CODES_WITHOUT_ENGAGEMENT,
) -> HygieneReport:
    """The hygiene report of ``structure`` from its ``services`` (see the module's doc).

    Args:
        structure: the structure.
        services: all its services, withdrawn ones included.
        invoices: the structure's invoices as ``(code service, date)`` pairs, if available.
        first_names: first names for the nominative heuristic (upper case, no accents).
        max_codes_without_engagement: threshold of the "too many codes without engagement"
            finding.
    """
    services = sorted(services, key=lambda service: service.code)
    names = frozenset(search_key(name) for name in first_names)
    findings: list[HygieneFinding] = []
    for service in services:
        reason = _nominative(service, names)
        if reason:
            findings.append(reason)
    active = [service for service in services if service.active]
    without = tuple(
        service.code
        for service in active
        if not service.est_factures_publiques
        and not service.gestion_egmt
        and not structure.gestion_engagement
    )
    if len(without) > max_codes_without_engagement:
        findings.append(
            HygieneFinding(
                FindingKind.TOO_MANY_CODES_WITHOUT_ENGAGEMENT,
                without,
                f"{len(without)} codes actifs sans engagement juridique (plus de "
                f"{max_codes_without_engagement}) : exiger l'EJ, ou regrouper les codes",
            )
        )
    inactive = tuple(service.code for service in services if not service.active)
    checked = None
    if invoices is not None:
        checked, received = _count_invoices(invoices)
        findings.extend(_invoice_findings(received, {s.code for s in services}, inactive))
    return HygieneReport(
        structure=structure,
        codes=tuple(service.code for service in services),
        active_codes=tuple(service.code for service in active),
        codes_without_engagement=without,
        inactive_codes=inactive,
        invoices_checked=checked,
        findings=tuple(findings),
        max_codes_without_engagement=max_codes_without_engagement,
    )


def _nominative(service: Service, first_names: Collection[str]) -> HygieneFinding | None:
    for label, text in (("code", service.code), ("nom", service.nom)):
        reason = nominative_reason(text, first_names=first_names)
        if reason:
            shown = service.code if label == "code" else f"{service.code} (« {service.nom} »)"
            return HygieneFinding(
                FindingKind.NOMINATIVE_CODE,
                (service.code,),
                f"code service nominatif : {shown} — {reason}",
            )
    return None


def _count_invoices(
    invoices: Iterable[tuple[str, date | None]],
) -> tuple[int, dict[str, tuple[int, date | None]]]:
    total = 0
    received: dict[str, tuple[int, date | None]] = {}
    for code, when in invoices:
        total += 1
        count, last = received.get(code, (0, None))
        if when is not None and (last is None or when > last):
            last = when
        received[code] = (count + 1, last)
    return total, received


def _invoice_findings(
    received: dict[str, tuple[int, date | None]],
    known: Collection[str],
    inactive: Collection[str],
) -> list[HygieneFinding]:
    findings = []
    for code in sorted(received):
        count, last = received[code]
        when = f", la dernière le {last.isoformat()}" if last else ""
        if code in inactive:
            findings.append(
                HygieneFinding(
                    FindingKind.INACTIVE_CODE_RECEIVING_INVOICES,
                    (code,),
                    "code inactif qui reçoit encore des factures : "
                    f"{code} ({count} facture(s){when})",
                    count,
                    last,
                )
            )
        elif code not in known:
            findings.append(
                HygieneFinding(
                    FindingKind.UNKNOWN_CODE_RECEIVING_INVOICES,
                    (code,),
                    "code inconnu de l'annuaire qui reçoit des factures : "
                    f"{code} ({count} facture(s){when})",
                    count,
                    last,
                )
            )
    return findings
