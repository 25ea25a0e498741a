"""The hygiene report of a structure's codes service."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from demat_sdk.directory import Directory, FindingKind, nominative_reason

from directory_support import (
    CHU,
    EHPAD,
    service_row,
    structure_row,
    write_services,
    write_structures,
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("DUPONT Jean", "prénom JEAN"),
        ("Jean-Pierre DURAND", "prénom JEAN"),
        ("HÉLÈNE MARTIN", "prénom HELENE"),
        ("M. Durand", "civilité M."),
        ("Mme Bernard", "civilité MME"),
        ("SERVICE DU DR HOUSE", "civilité DR"),
        ("ACHATS", None),
        ("Direction des achats", None),
        ("Hôpital Saint-Louis", None),
        ("PAVILLON STE CLAIRE", None),
        ("Service des achats de Jean Moulin", None),  # more than three words
        ("BATIMENT M", None),  # M only counts as the first word
        ("M", None),
        ("", None),
    ],
)
def test_the_nominative_heuristic(text: str, reason: str | None) -> None:
    assert nominative_reason(text) == reason


def test_the_first_names_can_be_replaced() -> None:
    assert nominative_reason("KEVIN") == "prénom KEVIN"
    assert nominative_reason("KEVIN", first_names={"Zoé"}) is None
    assert nominative_reason("ZOE", first_names={"ZOE"}) == "prénom ZOE"


def _directory(tmp_path: Path, services: list[list[str]], *, engagement: bool = False) -> Directory:
    structures = write_structures(
        tmp_path / "s.csv",
        [structure_row(CHU, "CHU de Nantes", engagement=engagement), structure_row(EHPAD, "EHPAD")],
    )
    directory = Directory.open()
    directory.import_export(structures, write_services(tmp_path / "v.csv", services))
    return directory


def _codes_without_engagement(count: int) -> list[list[str]]:
    return [service_row(CHU, "FACTURES_PUBLIQUES")] + [
        service_row(CHU, f"SE{number:02d}", f"Service {number}") for number in range(count)
    ]


def test_a_clean_structure_has_no_finding(tmp_path: Path) -> None:
    with _directory(tmp_path, _codes_without_engagement(10)) as directory:
        report = directory.hygiene(CHU)
    assert report is not None
    assert report.ok
    assert len(report.codes_without_engagement) == 10
    assert "FACTURES_PUBLIQUES" not in report.codes_without_engagement
    assert report.invoices_checked is None
    text = report.render()
    assert text.startswith("Hygiène des codes service — CHU de Nantes (26440013600018)")
    assert "11 code(s) service : 11 actif(s), 0 inactif(s)" in text
    assert "factures non fournies" in text
    assert "aucun point à revoir" in text


def test_more_than_ten_active_codes_without_engagement(tmp_path: Path) -> None:
    services = _codes_without_engagement(11)
    services.append(service_row(CHU, "AVEC_EJ", engagement=True))
    services.append(service_row(CHU, "INACTIF", active=False))
    with _directory(tmp_path, services) as directory:
        report = directory.hygiene(CHU)
        assert report is not None
        [finding] = report.findings
        assert finding.kind is FindingKind.TOO_MANY_CODES_WITHOUT_ENGAGEMENT
        assert finding.codes == tuple(f"SE{number:02d}" for number in range(11))
        assert "11 codes actifs sans engagement juridique (plus de 10)" in report.render()
        assert directory.hygiene(CHU, max_codes_without_engagement=11).ok  # type: ignore[union-attr]


def test_codes_do_not_lack_engagement_when_the_structure_demands_it(tmp_path: Path) -> None:
    with _directory(tmp_path, _codes_without_engagement(15), engagement=True) as directory:
        report = directory.hygiene(CHU)
    assert report is not None
    assert report.ok
    assert report.codes_without_engagement == ()


def test_nominative_codes_are_flagged_by_code_or_by_name(tmp_path: Path) -> None:
    services = [
        service_row(CHU, "ACHATS", "Direction des achats"),
        service_row(CHU, "JDUPONT", "DUPONT Jean"),
        service_row(CHU, "MME MARTIN", "Secrétariat"),
    ]
    with _directory(tmp_path, services) as directory:
        report = directory.hygiene(CHU)
    assert report is not None
    assert [(f.kind, f.codes) for f in report.findings] == [
        (FindingKind.NOMINATIVE_CODE, ("JDUPONT",)),
        (FindingKind.NOMINATIVE_CODE, ("MME MARTIN",)),
    ]
    assert report.findings[0].message == (
        "code service nominatif : JDUPONT (« DUPONT Jean ») — prénom JEAN"
    )
    assert report.findings[1].message == "code service nominatif : MME MARTIN — civilité MME"


def test_inactive_codes_still_receiving_invoices(tmp_path: Path) -> None:
    services = [
        service_row(CHU, "ACHATS"),
        service_row(CHU, "ANCIEN", active=False),
        service_row(CHU, "DORMANT", active=False),
    ]
    invoices = [
        ("ACHATS", date(2026, 10, 1)),
        ("ANCIEN", date(2026, 9, 3)),
        ("ANCIEN", date(2026, 10, 12)),
        ("ANCIEN", None),
        ("INCONNU", date(2026, 8, 1)),
    ]
    with _directory(tmp_path, services) as directory:
        report = directory.hygiene(CHU, invoices=iter(invoices))
    assert report is not None
    assert report.inactive_codes == ("ANCIEN", "DORMANT")
    assert report.invoices_checked == 5
    inactive, unknown = report.findings
    assert inactive.kind is FindingKind.INACTIVE_CODE_RECEIVING_INVOICES
    assert (inactive.codes, inactive.invoices, inactive.last_invoice) == (
        ("ANCIEN",),
        3,
        date(2026, 10, 12),
    )
    assert inactive.message == (
        "code inactif qui reçoit encore des factures : ANCIEN (3 facture(s), la dernière le "
        "2026-10-12)"
    )
    assert unknown.kind is FindingKind.UNKNOWN_CODE_RECEIVING_INVOICES
    assert unknown.codes == ("INCONNU",)
    text = report.render()
    assert "5 facture(s) examinée(s)" in text
    assert "  ! code inactif qui reçoit encore des factures : ANCIEN" in text
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["findings"][0]["last_invoice"] == "2026-10-12"
    assert data["ok"] is False


def test_withdrawn_codes_count_as_inactive(tmp_path: Path) -> None:
    with _directory(tmp_path, [service_row(CHU, "ACHATS"), service_row(CHU, "RH")]) as directory:
        directory.import_export(write_services(tmp_path / "later.csv", [service_row(CHU, "RH")]))
        report = directory.hygiene(CHU, invoices=[("ACHATS", date(2026, 11, 20))])
    assert report is not None
    assert report.inactive_codes == ("ACHATS",)
    assert report.findings[0].kind is FindingKind.INACTIVE_CODE_RECEIVING_INVOICES


def test_hygiene_of_an_unknown_structure(tmp_path: Path) -> None:
    with _directory(tmp_path, []) as directory:
        assert directory.hygiene("11000201100044") is None
