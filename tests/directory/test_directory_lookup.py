"""Lookups by SIRET, name, postcode and code service; the routing rules of an addressee."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from demat_sdk import InvalidRequestError
from demat_sdk.directory import (
    Directory,
    RoutingRequirement,
    Service,
    Structure,
)

from directory_support import (
    CHU,
    COMMUNE,
    EHPAD,
    service_row,
    siret,
    small_export,
    structure_row,
    write_services,
    write_structures,
)


@pytest.fixture
def directory(tmp_path: Path) -> Directory:
    structures, services = small_export(tmp_path)
    with Directory.open(tmp_path / "annuaire.sqlite3") as opened:
        opened.import_export(structures, services)
        yield opened  # type: ignore[misc]


def test_lookup_by_siret_returns_a_typed_structure(directory: Directory) -> None:
    chu = directory.structure(CHU)
    assert isinstance(chu, Structure)
    assert chu.raison_sociale == "Centre hospitalier universitaire de Nantes"
    assert chu.siret == CHU
    assert chu.gestion_service is True
    assert chu.gestion_engagement is False
    assert chu.active
    assert directory.structure("264 400 136 00018") == chu
    assert directory.structure("11000201100044") is None  # valid, not in this directory


@pytest.mark.parametrize("bad", ["123", "26440013600019", "2644001360001A", ""])
def test_an_invalid_siret_is_refused_with_the_reason(directory: Directory, bad: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        directory.structure(bad)
    assert caught.value.field == "siret"
    assert "SIRET" in str(caught.value)


def test_search_by_name_ignores_case_accents_and_punctuation(directory: Directory) -> None:
    names = [s.raison_sociale for s in directory.structures_by_name("ehpad les ecur")]
    assert names == ["EHPAD Les Écureuils"]
    assert [s.identifiant for s in directory.structures_by_name("CENTRE-HOSPITALIER")] == [CHU]
    assert directory.structures_by_name("hospitalier") == []  # a prefix search
    found = directory.structures_by_name("nantes", contains=True)
    assert [s.identifiant for s in found] == [CHU, COMMUNE]  # sorted by name
    found = directory.structures_by_name("nantes hospitalier", contains=True)
    assert [s.identifiant for s in found] == [CHU]
    assert len(directory.structures_by_name("c", limit=1)) == 1


def test_search_by_name_can_leave_out_inactive_and_withdrawn(
    tmp_path: Path, directory: Directory
) -> None:
    later = write_structures(
        tmp_path / "later.csv",
        [
            structure_row(CHU, "Centre hospitalier universitaire de Nantes", active=False),
            structure_row(COMMUNE, "Commune de Nantes"),
        ],
    )
    directory.import_export(later)
    assert len(directory.structures_by_name("nantes", contains=True)) == 2
    assert directory.structures_by_name("nantes", contains=True, active_only=True) == [
        directory.structure(COMMUNE)
    ]
    assert directory.structures_by_name("ehpad")[0].withdrawn_on is not None
    assert directory.structures_by_name("ehpad", active_only=True) == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda d: d.structures_by_name(" -- "), "name"),
        (lambda d: d.structures_by_name("a", limit=0), "limit"),
        (lambda d: d.structures_by_name("a", limit=10_001), "limit"),
        (lambda d: d.structures_by_postcode(" "), "code_postal"),
        (lambda d: d.services_by_code(""), "code_service"),
        (lambda d: d.service(CHU, "  "), "code_service"),
    ],
)
def test_bad_search_arguments_are_refused(directory: Directory, call, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidRequestError) as caught:
        call(directory)
    assert caught.value.field == field


def test_search_by_postcode(directory: Directory) -> None:
    assert [s.identifiant for s in directory.structures_by_postcode("44000")] == [CHU, COMMUNE]
    assert [s.identifiant for s in directory.structures_by_postcode(" 85000 ")] == [EHPAD]
    assert directory.structures_by_postcode("75001") == []


def test_services_of_a_structure_and_by_code(directory: Directory) -> None:
    services = directory.services(CHU)
    assert [service.code for service in services] == ["ACHATS", "FACTURES_PUBLIQUES", "PHARMACIE"]
    assert all(isinstance(service, Service) for service in services)
    assert [s.code for s in directory.services(CHU, active_only=True)] == [
        "ACHATS",
        "FACTURES_PUBLIQUES",
    ]
    achats = directory.service(CHU, "ACHATS")
    assert achats is not None
    assert achats.gestion_egmt is True
    assert achats.nom == "Direction des achats"
    assert directory.service(CHU, "achats") is None  # codes are exact
    publics = directory.services_by_code("FACTURES_PUBLIQUES")
    assert [service.identifiant for service in publics] == sorted([CHU, EHPAD, COMMUNE])
    assert all(service.est_factures_publiques for service in publics)
    assert len(directory.services_by_code("FACTURES_PUBLIQUES", limit=2)) == 2
    assert directory.services_by_code("PHARMACIE", active_only=True) == []


@pytest.mark.parametrize(
    ("flags", "requirement"),
    [
        ({}, RoutingRequirement.NONE),
        ({"service": True}, RoutingRequirement.CODE_SERVICE),
        ({"engagement": True}, RoutingRequirement.ENGAGEMENT),
        ({"service": True, "engagement": True}, RoutingRequirement.CODE_SERVICE_AND_ENGAGEMENT),
        ({"service_ou_engagement": True}, RoutingRequirement.CODE_SERVICE_OR_ENGAGEMENT),
        (
            {"service_ou_engagement": True, "service": True, "engagement": True},
            RoutingRequirement.CODE_SERVICE_OR_ENGAGEMENT,
        ),
    ],
)
def test_the_routing_requirement_follows_the_gestion_flags(
    tmp_path: Path, flags: dict[str, bool], requirement: RoutingRequirement
) -> None:
    path = write_structures(tmp_path / "s.csv", [structure_row(CHU, "CHU", **flags)])
    with Directory.open() as directory:
        directory.import_export(path)
        routing = directory.routing(CHU)
    assert routing is not None
    assert routing.requirement is requirement
    assert routing.engagement_required is flags.get("engagement", False)
    assert routing.code_service_required is flags.get("service", False)
    assert routing.engagement_or_code_service_required is flags.get("service_ou_engagement", False)


def test_routing_with_a_code_service(directory: Directory) -> None:
    achats = directory.routing(CHU, "ACHATS")
    assert achats is not None
    assert achats.service is not None
    assert achats.service.code == "ACHATS"
    assert achats.engagement_required  # the service demands the EJ, the structure does not
    assert achats.requirement is RoutingRequirement.CODE_SERVICE
    assert achats.mise_en_paiement_reported
    assert not achats.reserved_to_public_sector
    publiques = directory.routing(EHPAD, "FACTURES_PUBLIQUES")
    assert publiques is not None
    assert publiques.reserved_to_public_sector
    assert publiques.engagement_required  # the EHPAD demands it for every invoice
    unknown = directory.routing(CHU, "NOPE")
    assert unknown is not None
    assert (unknown.code_service, unknown.service) == ("NOPE", None)
    assert directory.routing(CHU) is not None
    assert directory.routing(CHU).service is None
    assert directory.routing("11000201100044") is None


def test_a_structure_that_does_not_report_mise_en_paiement(tmp_path: Path) -> None:
    path = write_structures(tmp_path / "s.csv", [structure_row(CHU, "CHU", mise_en_paiement=False)])
    with Directory.open() as directory:
        directory.import_export(path)
        assert directory.routing(CHU).mise_en_paiement_reported is False  # type: ignore[union-attr]


def test_lookups_from_several_threads(tmp_path: Path) -> None:
    sirets = [siret(number) for number in range(1, 201)]
    structures = write_structures(
        tmp_path / "s.csv",
        [structure_row(value, f"Structure {n}") for n, value in enumerate(sirets)],
    )
    services = write_services(tmp_path / "v.csv", [service_row(value, "RH") for value in sirets])
    with Directory.open(tmp_path / "threads.sqlite3") as directory:
        directory.import_export(structures, services)
        failures: list[str] = []

        def work(offset: int) -> None:
            for value in sirets[offset::4]:
                structure = directory.structure(value)
                service = directory.service(value, "RH")
                if structure is None or service is None or service.identifiant != value:
                    failures.append(value)

        threads = [threading.Thread(target=work, args=(offset,)) for offset in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []


def test_a_read_only_directory_sees_a_later_import(tmp_path: Path) -> None:
    structures, services = small_export(tmp_path)
    path = tmp_path / "shared.sqlite3"
    with Directory.open(path) as writer:
        writer.import_export(structures, services)
        with Directory.open(path, read_only=True) as reader:
            assert reader.structure(CHU) is not None
            renamed = write_structures(tmp_path / "r.csv", [structure_row(CHU, "Renamed")])
            writer.import_export(renamed, snapshot=False)
            assert reader.structure(CHU).raison_sociale == "Renamed"  # type: ignore[union-attr]
