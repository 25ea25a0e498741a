"""Fault injection, on both faces: what the client sees, and what the emulator did or did not do."""

from __future__ import annotations

import httpx
import pytest

from demat_sdk import RetryPolicy, ServerError
from demat_sdk.testing import FakeChorusPro, FaultKind
from demat_sdk.testing.chorus.samples import SampleInvoice, cii

from chorus_wire import ChorusWire, b64

DEVISES = "/cpro/transverses/v1/recuperer/devises"
DEPOSER = "/cpro/factures/v1/deposer/flux"


def _flux_body(wire: ChorusWire, numero: str) -> dict[str, object]:
    world = wire.fake.world
    invoice = SampleInvoice(
        numero=numero,
        fournisseur=world.pharmadis.identifiant,
        destinataire=world.departement.identifiant,
    )
    return {
        "fichierFlux": b64(cii(invoice)),
        "nomFichier": f"{numero}.xml",
        "syntaxeFlux": "IN_DP_E1_CII_16B",
        "avecSignature": False,
    }


def _flux_count(wire: ChorusWire) -> int:
    return len(wire.admin("state")["flux"])


def test_server_error_and_rate_limit_process_nothing(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.pharmadis)
    wire.admin(
        "faults",
        {
            "rules": [
                {
                    "kind": "server_error",
                    "operation": "deposerFluxFacture",
                    "status": 502,
                    "times": 1,
                },
                {"kind": "rate_limited", "operation": DEPOSER, "retry_after": 7, "times": 1},
            ]
        },
    )
    first = wire.post(DEPOSER, _flux_body(wire, "F-1"), account=account)
    assert first.status_code == 502
    second = wire.post(DEPOSER, _flux_body(wire, "F-1"), account=account)
    assert second.status_code == 429
    assert second.headers["retry-after"] == "7"
    assert _flux_count(wire) == 0
    assert wire.post(DEPOSER, _flux_body(wire, "F-1"), account=account).status_code == 200
    assert _flux_count(wire) == 1
    report = wire.admin("faults")
    assert report["met"] == {"server_error": 1, "rate_limited": 1}
    assert [rule["matched"] for rule in report["rules"]] == [3, 2]


def test_a_connection_reset_happens_before_any_write(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.pharmadis)
    wire.admin(
        "faults", {"rules": [{"kind": "connection_reset", "operation": "deposerFluxFacture"}]}
    )
    with pytest.raises(httpx.ReadError, match="reset"):
        wire.post(DEPOSER, _flux_body(wire, "F-2"), account=account)
    assert _flux_count(wire) == 0


def test_a_timeout_after_commit_keeps_the_deposit(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.pharmadis)
    wire.admin(
        "faults",
        {
            "rules": [
                {"kind": "timeout_after_commit", "operation": "deposerFluxFacture", "delay": 1.0}
            ]
        },
    )
    with pytest.raises(httpx.ReadTimeout):
        wire.post(DEPOSER, _flux_body(wire, "F-3"), account=account, timeout=0.3)
    # The client does not know, but the flux was received: a blind retry would deposit twice.
    [flux] = wire.admin("state")["flux"]
    assert flux["nom_fichier"] == "F-3.xml"
    wire.admin("faults", {"clear": True})
    wire.admin("advance", {"seconds": 300})
    found = wire.ok(
        "/cpro/factures/v1/rechercher/fournisseur", {"numeroFacture": "F-3"}, account=account
    )
    assert found["listeFactures"][0]["numeroFluxDepot"] == flux["numero_flux_depot"]


def test_a_revoked_token_gets_a_401(wire: ChorusWire) -> None:
    account = wire.fake.account
    token = wire.token()
    wire.admin(
        "faults",
        {"rules": [{"kind": "token_revoked", "operation": "recupererDevises", "times": 1}]},
    )
    revoked = wire.post(DEVISES, {}, account=account, token=token)
    assert revoked.status_code == 401
    assert 'error_description="Invalid access token"' in revoked.headers["www-authenticate"]
    assert wire.post(DEVISES, {}, account=account, token=token).status_code == 401
    assert wire.post(DEVISES, {}, account=account).status_code == 200  # a new token works


def test_malformed_json_is_cut_after_the_write(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.pharmadis)
    wire.admin("faults", {"rules": [{"kind": "malformed_json", "operation": "deposerFluxFacture"}]})
    answer = wire.post(DEPOSER, _flux_body(wire, "F-4"), account=account)
    assert answer.status_code == 200
    with pytest.raises(ValueError, match=r"Expecting|Unterminated|Invalid"):
        answer.json()
    assert _flux_count(wire) == 1


def test_latency_delays_the_answer(wire: ChorusWire) -> None:
    wire.admin(
        "faults", {"rules": [{"kind": "latency", "operation": "recupererDevises", "delay": 0.05}]}
    )
    assert wire.post(DEVISES, {}, account=wire.fake.account).status_code == 200
    assert wire.admin("faults")["met"] == {"latency": 1}


def test_in_process_latency_beyond_the_read_timeout_times_out_after_processing() -> None:
    fake = FakeChorusPro.seeded()
    fake.faults.add(FaultKind.LATENCY, operation="deposerFluxFacture", delay=60)
    with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
        wire = ChorusWire(http, fake, "in-process")
        account = fake.world.account(fake.world.pharmadis)
        with pytest.raises(httpx.ReadTimeout):
            wire.post(DEPOSER, _flux_body(wire, "F-5"), account=account, timeout=5)
    assert len(fake.state.flux.records) == 1


def _statuses(seed: int) -> list[int]:
    fake = FakeChorusPro(seed=seed)
    fake.faults.add(FaultKind.SERVER_ERROR, operation="recupererDevises", probability=0.5)
    with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
        wire = ChorusWire(http, fake, "in-process")
        return [wire.post(DEVISES, {}, account=fake.account).status_code for _ in range(24)]


def test_faults_are_deterministic_from_the_seed() -> None:
    first = _statuses(42)
    assert first == _statuses(42)
    assert set(first) == {200, 503}
    assert first != _statuses(7)


def test_skip_and_times() -> None:
    fake = FakeChorusPro()
    rule = fake.faults.add("server_error", operation="recupererDevises", skip=2, times=2)
    with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
        wire = ChorusWire(http, fake, "in-process")
        statuses = [wire.post(DEVISES, {}, account=fake.account).status_code for _ in range(6)]
    assert statuses == [200, 200, 503, 503, 200, 200]
    assert (rule.matched, rule.fired) == (6, 2)
    assert fake.faults.met() == {"server_error": 2}


def test_rules_are_checked() -> None:
    faults = FakeChorusPro().faults
    with pytest.raises(ValueError, match="5xx"):
        faults.add("server_error", status=404)
    with pytest.raises(ValueError, match="probability"):
        faults.add("latency", probability=2)
    with pytest.raises(ValueError, match="not a valid FaultKind"):
        faults.add("earthquake")


def test_the_sdk_retries_a_safe_call_through_server_errors() -> None:
    fake = FakeChorusPro()
    fake.faults.add(FaultKind.SERVER_ERROR, operation="recupererDevises", times=2)
    waits: list[float] = []
    policy = RetryPolicy(sleep=waits.append, jitter=lambda: 0.0)
    with fake.client(retry_policy=policy) as client:
        assert "EUR" in {devise.code_devise for devise in client.transverses.recuperer_devises()}
    assert len(waits) == 2
    fake.faults.add(FaultKind.SERVER_ERROR, operation="recupererPays")
    with fake.client(retry_policy=policy, max_retries=1) as client, pytest.raises(ServerError):
        client.transverses.recuperer_pays()


def test_the_sdk_renews_a_revoked_token() -> None:
    fake = FakeChorusPro()
    fake.faults.add(FaultKind.TOKEN_REVOKED, operation="recupererDevises", skip=1, times=1)
    with fake.client() as client:
        client.transverses.recuperer_devises()
        client.transverses.recuperer_devises()  # its cached token is revoked: renewed, resent
    assert fake.state.token_requests == 2
    assert fake.faults.met() == {"token_revoked": 1}
