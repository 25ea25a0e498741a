"""The emulator's admin surface: Python API and ``/_admin`` over both faces, and the CLI server."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import httpx
import pytest

from demat_sdk.chorus.enums import EtatFlux, StatutFacture
from demat_sdk.identifiers import is_valid_iban, is_valid_siret
from demat_sdk.testing import SEEDED_PASSWORD, FakeChorusPro, FakeClock, Timings
from demat_sdk.testing.chorus.samples import SampleInvoice, cii
from demat_sdk.testing.chorus.seed import technical_login

from chorus_wire import ChorusWire, b64, technical_account


def test_the_seeded_world() -> None:
    fake = FakeChorusPro.seeded()
    world = fake.world
    structures = fake.state.directory.structures.values()
    assert all(is_valid_siret(structure.identifiant) for structure in structures)
    public = [structure for structure in structures if structure.is_public]
    assert len(public) == 4
    assert all(structure.service_by_code("FACTURES_PUBLIQUES") for structure in public)
    assert world.chu_valmont.code_service_doit_etre_renseigne
    assert world.chu_rochebrune.statut_mise_en_paiement_nest_pas_remonte
    assert world.chu_rochebrune.gestion_numero_ej_ou_code_service
    assert world.ch_saint_aurele.numero_ej_doit_etre_renseigne
    assert all(is_valid_iban(bank.iban) for bank in world.pharmadis.bank_accounts)
    account = world.account(world.pharmadis)
    assert account.login == technical_login(world.pharmadis.identifiant)
    assert account.password.get_secret_value() == SEEDED_PASSWORD
    with pytest.raises(LookupError, match="seeded"):
        _ = FakeChorusPro().world


def test_adding_to_the_world_from_python() -> None:
    fake = FakeChorusPro()
    ehpad = fake.add_structure(
        "26510009900018", "EHPAD LES GLYCINES", numero_ej_doit_etre_renseigne=True
    )
    fake.add_service(ehpad, "ECONOMAT", "Économat")
    supplier = fake.add_structure("38912345600011", "TRAITEUR SAS", type_structure="PRIVEE")
    account = fake.add_account(
        "TECH_1_38912345600011@cpro.fr",
        "mot-de-passe-du-traiteur",
        rights={supplier: ["FOURNISSEUR"]},
    )
    assert ehpad.service_by_code("FACTURES_PUBLIQUES") is not None
    assert supplier.service_by_code("FACTURES_PUBLIQUES") is None
    with pytest.raises(ValueError, match="Luhn"):
        fake.add_structure("12345678901234", "MAUVAIS SIRET")
    with pytest.raises(ValueError, match="already"):
        fake.add_structure("26510009900018", "DOUBLON")
    with fake.client(account=account) as client:
        assert client.transverses.health_check().ok
    assert fake.structure("26510009900018") is ehpad


def test_time_and_flux_from_python() -> None:
    fake = FakeChorusPro.seeded(timings=Timings(flux_step=10, mise_a_disposition=5))
    world = fake.world
    with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
        wire = ChorusWire(http, fake, "in-process")
        sample = SampleInvoice(
            numero="T-1",
            fournisseur=world.pharmadis.identifiant,
            destinataire=world.departement.identifiant,
        )
        numero = wire.ok(
            "/cpro/factures/v1/deposer/flux",
            {
                "fichierFlux": b64(cii(sample)),
                "nomFichier": "t.xml",
                "syntaxeFlux": "IN_DP_E1_CII_16B",
            },
            account=world.account(world.pharmadis),
        )["numeroFluxDepot"]
    assert fake.advance(39) == [
        f"flux {numero}: {state}"
        for state in ("IN_RECU", "IN_TRAITE_SE_CPP", "IN_EN_ATTENTE_TRAITEMENT_CPP")
    ]
    assert fake.finish_flux(numero) is EtatFlux.IN_INTEGRE
    [record] = fake.state.invoices.records.values()
    assert record.statut is StatutFacture.DEPOSEE
    assert fake.run_until_idle() == ["facture T-1: DEPOSEE -> MISE_A_DISPOSITION"]
    assert record.statut is StatutFacture.MISE_A_DISPOSITION
    assert record.last_change.at == datetime.fromisoformat(
        "2026-01-05T09:00:44+01:00"
    )  # finished at 39 s, routed 5 s later
    with pytest.raises(LookupError):
        fake.finish_flux("CPP0010000000000000000000")


def test_admin_api(wire: ChorusWire) -> None:
    created = wire.admin(
        "seed",
        {
            "reset": "empty",
            "structures": [
                {
                    "identifiant": "26510009900018",
                    "designation": "EHPAD LES GLYCINES",
                    "code_service_doit_etre_renseigne": True,
                    "address": {
                        "adresse": "2 rue des Lilas",
                        "code_postal": "51100",
                        "ville": "Reims",
                    },
                    "services": [
                        {
                            "code_service": "ECONOMAT",
                            "libelle_service": "Économat",
                            "numero_engagement": True,
                        }
                    ],
                },
                {
                    "identifiant": "38912345600011",
                    "designation": "TRAITEUR SAS",
                    "type_structure": "PRIVEE",
                    "bank_accounts": [
                        {
                            "nom": "Compte",
                            "iban": "FR1420041010050500013M02606",
                            "bic": "PSSTFRPPXXX",
                        }
                    ],
                },
            ],
            "accounts": [
                {
                    "login": "tech-traiteur@cpro.fr",
                    "password": "mot-de-passe-du-traiteur",
                    "rights": {"38912345600011": ["FOURNISSEUR"]},
                }
            ],
            "engagements": [
                {
                    "structure": "26510009900018",
                    "numero": "EJ-42",
                    "fournisseur": "38912345600011",
                    "code_service": "ECONOMAT",
                    "montant_ht": "100",
                    "montant_ttc": "120",
                }
            ],
        },
    )
    assert [s["identifiant"] for s in created["structures"]] == ["26510009900018", "38912345600011"]
    assert created["accounts"] == ["tech-traiteur@cpro.fr"]
    state = wire.admin("state")
    assert len(state["structures"]) == 2
    assert {account["login"] for account in state["accounts"]} == {
        "TECH_1_26750045200011@cpro.fr",
        "tech-traiteur@cpro.fr",
    }
    ehpad = state["structures"][0]
    assert [service["code_service"] for service in ehpad["services"]] == [
        "FACTURES_PUBLIQUES",
        "ECONOMAT",
    ]
    traiteur = technical_account("tech-traiteur@cpro.fr", "mot-de-passe-du-traiteur")
    sample = SampleInvoice(
        numero="R-1",
        fournisseur="38912345600011",
        destinataire="26510009900018",
        code_service="ECONOMAT",
        numero_ej="EJ-42",
    )
    numero = wire.ok(
        "/cpro/factures/v1/deposer/flux",
        {"fichierFlux": b64(cii(sample)), "nomFichier": "r.xml", "syntaxeFlux": "IN_DP_E1_CII_16B"},
        account=traiteur,
    )["numeroFluxDepot"]
    advanced = wire.admin("advance", {"seconds": 10_000})
    assert advanced["now"] == "2026-01-05T11:46:40.000+01:00"
    assert f"flux {numero}: IN_EN_COURS_TRAITEMENT_CPP" in advanced["events"]
    assert wire.admin("state")["factures"][0]["statut"] == "MISE_A_DISPOSITION"
    faults = wire.admin(
        "faults", {"seed": 3, "rules": [{"kind": "latency", "delay": 0.01, "times": 1}]}
    )
    assert faults["seed"] == 3
    assert faults["rules"][0]["kind"] == "latency"
    assert wire.admin("faults", {"remove": [faults["rules"][0]["rule_id"]]})["rules"] == []
    assert wire.admin("settings")["qualification"] is True
    assert wire.admin("seed", {"reset": "seeded"})["structures"] == []
    assert len(wire.admin("state")["structures"]) == 8


def test_admin_api_errors(wire: ChorusWire) -> None:
    assert wire.http.get("/_admin/nope").status_code == 404
    bad = wire.http.post("/_admin/advance", json={"seconds": -1})
    assert bad.status_code == 400
    assert "positive" in bad.json()["error"]
    assert wire.http.post("/_admin/advance", json={}).status_code == 400
    assert (
        wire.http.post("/_admin/faults", json={"rules": [{"kind": "earthquake"}]}).status_code
        == 400
    )
    assert (
        wire.http.post("/_admin/settings", json={"business_error_status": 418}).status_code == 400
    )
    assert wire.http.post("/_admin/seed", content=b"[]").status_code == 400
    assert (
        wire.http.post("/_admin/seed", json={"structures": [{"identifiant": "1"}]}).status_code
        == 400
    )


@pytest.mark.anyio
async def test_the_async_transport() -> None:
    fake = FakeChorusPro.seeded()
    async with fake.async_client(account=fake.world.account(fake.world.chu_valmont)) as client:
        devises = await client.transverses.recuperer_devises()
    assert "EUR" in {devise.code_devise for devise in devises}
    fake.faults.add("connection_reset", operation="recupererPays")
    async with httpx.AsyncClient(
        transport=fake.async_transport(), base_url="http://emulateur.invalid"
    ) as http:
        with pytest.raises(httpx.ReadError):
            await http.post("/cpro/transverses/v1/recuperer/pays", json={})


def test_a_clock_following_real_time() -> None:
    clock = FakeClock(follow_real_time=True)
    first = clock.monotonic()
    clock.advance(100)
    assert clock.monotonic() >= first + 100
    assert clock.follows_real_time
    assert not FakeClock().follows_real_time


@pytest.mark.server
@pytest.mark.enable_socket
def test_demat_emulator_serve() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "demat_sdk.cli.main",
            "emulator",
            "serve",
            "--port",
            "0",
            "--frozen-clock",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Chorus Pro emulator listening on http://127.0.0.1:")
        url = first.rsplit(" ", 1)[1].strip()
        with httpx.Client(base_url=url, timeout=10) as http:
            state = http.get("/_admin/state").json()
            assert len(state["structures"]) == 8
            token = http.post(
                "/api/oauth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": "demat-emulator",
                    "client_secret": "emulator-client-secret",
                },
            )
            assert token.json()["expires_in"] == 3600
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.server
@pytest.mark.enable_socket
def test_demat_emulator_serve_json_says_how_to_connect() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "demat_sdk.cli.main", "emulator", "serve", "--port", "0", "--json"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        details = json.loads(process.stdout.readline())
        assert details["url"].startswith("http://127.0.0.1:")
        assert details["environment"]["DEMAT_API_BASE_URL"] == details["url"]
        assert {account["designation"] for account in details["accounts"]} >= {
            "CHU DE VALMONT",
            "PHARMADIS SAS",
        }
        with httpx.Client(timeout=10) as http:
            token = http.post(
                details["token_url"],
                data={
                    "grant_type": "client_credentials",
                    "client_id": details["client_id"],
                    "client_secret": details["client_secret"],
                },
            )
        assert token.json()["expires_in"] == 3600
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def test_handle_serves_a_mock_transport() -> None:
    fake = FakeChorusPro()
    with httpx.Client(
        transport=httpx.MockTransport(fake.handle), base_url="http://emulateur.invalid"
    ) as http:
        answer = http.post("/api/oauth/token", data={"grant_type": "password"})
    assert answer.json()["error"] == "unsupported_grant_type"
