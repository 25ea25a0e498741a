"""Searches: filters, sort orders and exact paging, per operation (their keys differ)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from demat_sdk.testing import FakeChorusPro

from chorus_wire import ChorusWire

F = "/cpro/factures/v1"


@pytest.fixture(scope="module")
def loaded() -> FakeChorusPro:
    """23 invoices of Pharmadis to the département, amounts 100, 200… 2300."""
    fake = FakeChorusPro.seeded()
    world = fake.world
    with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
        wire = ChorusWire(http, fake, "in-process")
        for number in range(1, 24):
            amount = 100 * number
            wire.ok(
                f"{F}/soumettre",
                {
                    "modeDepot": "SAISIE_API",
                    "numeroFactureSaisi": f"F-{number:03d}",
                    "dateFacture": f"2025-12-{number:02d}",
                    "destinataire": {"codeDestinataire": world.departement.identifiant},
                    "fournisseur": {"idFournisseur": world.pharmadis.id_structure_cpp},
                    "lignePoste": [
                        {
                            "lignePosteDenomination": "Article",
                            "lignePosteQuantite": 1,
                            "lignePosteMontantUnitaireHT": amount,
                            "lignePosteTauxTva": "TVA1",
                        }
                    ],
                    "montantTotal": {
                        "montantHtTotal": amount,
                        "montantTVA": 0,
                        "montantTtcTotal": amount,
                    },
                },
                account=world.account(world.pharmadis),
            )
            fake.advance(60)
    return fake


@pytest.fixture
def client(loaded: FakeChorusPro) -> ChorusWire:
    http = httpx.Client(transport=loaded.transport(), base_url="http://emulateur.invalid")
    return ChorusWire(http, loaded, "in-process")


def _numbers(answer: dict[str, Any]) -> list[str]:
    return [item["numeroFacture"] for item in answer["listeFactures"]]


def test_supplier_search_pages_exactly(client: ChorusWire) -> None:
    world = client.fake.world
    account = world.account(world.pharmadis)
    pages = [
        client.ok(
            f"{F}/rechercher/fournisseur",
            {
                "rechercheFactureParFournisseur": {
                    "pageResultatDemandee": page,
                    "nbResultatsParPage": 10,
                    "triColonne": "NumeroFacture",
                    "triSens": "Ascendant",
                }
            },
            account=account,
        )
        for page in (1, 2, 3, 4)
    ]
    assert [p["parametresRetour"] for p in pages] == [
        {"pageCourante": page, "pages": 3, "nbResultatsParPage": 10, "total": 23}
        for page in (1, 2, 3, 4)
    ]
    assert [len(p["listeFactures"]) for p in pages] == [10, 10, 3, 0]
    assert _numbers(pages[0])[:2] == ["F-001", "F-002"]
    assert _numbers(pages[2]) == ["F-021", "F-022", "F-023"]


def test_default_order_is_the_latest_deposit_first(client: ChorusWire) -> None:
    world = client.fake.world
    answer = client.ok(f"{F}/rechercher/fournisseur", {}, account=world.account(world.pharmadis))
    assert _numbers(answer)[:3] == ["F-023", "F-022", "F-021"]


def test_filters(client: ChorusWire) -> None:
    account = client.fake.world.account(client.fake.world.pharmadis)
    by_amount = client.ok(
        f"{F}/rechercher/fournisseur",
        {
            "montantTTCMin": 500,
            "montantTTCMax": 800,
            "rechercheFactureParFournisseur": {"triSens": "Ascendant", "triColonne": "MontantTTC"},
        },
        account=account,
    )
    assert _numbers(by_amount) == ["F-005", "F-006", "F-007", "F-008"]
    by_date = client.ok(
        f"{F}/rechercher/fournisseur",
        {"periodeDateFactureDu": "2025-12-20", "periodeDateFactureAu": "2025-12-21"},
        account=account,
    )
    assert sorted(_numbers(by_date)) == ["F-020", "F-021"]
    by_number = client.ok(
        f"{F}/rechercher/fournisseur", {"numeroFacture": "F-007"}, account=account
    )
    assert _numbers(by_number) == ["F-007"]
    by_status = client.ok(
        f"{F}/rechercher/fournisseur", {"statutCourant": ["MANDATEE"]}, account=account
    )
    assert by_status["parametresRetour"]["total"] == 0
    capped = client.ok(
        f"{F}/rechercher/fournisseur",
        {"rechercheFactureParFournisseur": {"nbResultatsMaximum": 5, "nbResultatsParPage": 2}},
        account=account,
    )
    assert capped["parametresRetour"] == {
        "pageCourante": 1,
        "pages": 3,
        "nbResultatsParPage": 2,
        "total": 5,
    }


def test_recipient_search_pages_at_the_top_level(client: ChorusWire) -> None:
    world = client.fake.world
    account = world.account(world.departement)
    answer = client.ok(
        f"{F}/rechercher/recipiendaire",
        {
            "idDestinataire": world.departement.id_structure_cpp,
            "listeFournisseurs": [{"idFournisseur": world.pharmadis.id_structure_cpp}],
            "paramRecherche": {
                "pageResultatDemandee": 2,
                "nbResultatsParPage": 20,
                "triColonne": "MontantHT",
                "triSens": "Descendant",
            },
        },
        account=account,
    )
    assert (answer["pageCourante"], answer["pages"], answer["total"]) == (2, 2, 23)
    assert _numbers(answer) == ["F-003", "F-002", "F-001"]
    todo = client.ok(
        f"{F}/rechercher/atraiter/recipiendaire",
        {"idStructure": world.departement.id_structure_cpp},
        account=account,
    )
    assert todo["parametresRetour"]["total"] == 23
    other = client.ok(
        f"{F}/rechercher/recipiendaire",
        {"listeFournisseurs": [{"idFournisseur": world.biomedika.id_structure_cpp}]},
        account=account,
    )
    assert other["total"] == 0


def test_paging_values_are_checked(client: ChorusWire) -> None:
    account = client.fake.world.account(client.fake.world.pharmadis)
    unknown = client.post(
        f"{F}/rechercher/fournisseur",
        None,
        account=account,
        content=b'{"statutCourant": ["PAYEE"]}',
    )
    assert unknown.status_code == 400
    assert "statutCourant" in unknown.json()["detail"]
    refused = client.refused(
        f"{F}/rechercher/fournisseur",
        {"rechercheFactureParFournisseur": {"nbResultatsParPage": -1}},
        account=account,
    )
    assert "nbResultatsParPage" in refused["libelle"]


def test_structure_and_service_searches(client: ChorusWire) -> None:
    world = client.fake.world
    account = world.account(world.pharmadis)
    public = client.ok(
        "/cpro/structures/v1/rechercher",
        {
            "structure": {"typeStructure": "PUBLIQUE"},
            "parametres": {"triColonne": "DesignationStructure", "triSens": "Ascendant"},
        },
        account=account,
    )
    assert [s["designationStructure"] for s in public["listeStructures"]][:2] == [
        "CH DE SAINT-AURELE - ETABLISSEMENT SUPPORT DU GHT VAL D'AURE",
        "CHU DE ROCHEBRUNE",
    ]
    by_name = client.ok(
        "/cpro/structures/v1/rechercher",
        {"structure": {"raisonSocialeStructure": "valmont"}},
        account=account,
    )
    assert [s["identifiantStructure"] for s in by_name["listeStructures"]] == [
        world.chu_valmont.identifiant
    ]
    only_public = client.ok(
        "/cpro/structures/v1/rechercher", {"restreindreStructuresPrivees": True}, account=account
    )
    assert only_public["parametresRetour"]["total"] == 4
    services = client.ok(
        "/cpro/structures/v1/rechercher/services",
        {
            "idStructure": world.chu_valmont.id_structure_cpp,
            "parametresRechercherServicesStructure": {
                "triColonne": "CodeService",
                "triSens": "Ascendant",
                "nbResultatsParPage": 3,
            },
        },
        account=account,
    )
    assert [s["codeService"] for s in services["listeServices"]] == [
        "BIOMED",
        "DAL",
        "FACTURES_PUBLIQUES",
    ]
    assert services["parametresRetour"]["total"] == 5
