"""The PISTE gate and the error shapes of the emulator, on both faces."""

from __future__ import annotations

import base64

import httpx
import pytest

from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.fake import DEFAULT_LOGIN

from chorus_wire import ChorusWire, account_header, technical_account

DEVISES = "/cpro/transverses/v1/recuperer/devises"
TRAITER = "/cpro/factures/v1/traiter/recue"


def test_token_endpoint(wire: ChorusWire) -> None:
    answer = wire.http.post(
        "/api/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": wire.credentials.client_id,
            "client_secret": wire.credentials.client_secret.get_secret_value(),
            "scope": "openid",
        },
    )
    assert answer.status_code == 200
    token = answer.json()
    assert token["token_type"] == "Bearer"
    assert token["expires_in"] == 3600
    assert token["scope"] == "openid"
    wrong = wire.http.post(
        "/api/oauth/token",
        data={"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"},
    )
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "invalid_client"
    grant = wire.http.post("/api/oauth/token", data={"grant_type": "password"})
    assert grant.json()["error"] == "unsupported_grant_type"


def test_tokens_live_3600_seconds_on_the_emulator_clock(wire: ChorusWire) -> None:
    account = wire.fake.account
    token = wire.token()
    assert wire.post(DEVISES, {}, account=account, token=token).status_code == 200
    wire.admin("advance", {"seconds": 3599})
    assert wire.post(DEVISES, {}, account=account, token=token).status_code == 200
    wire.admin("advance", {"seconds": 1})
    expired = wire.post(DEVISES, {}, account=account, token=token)
    assert expired.status_code == 401
    assert 'error_description="Access token expired"' in expired.headers["www-authenticate"]
    unknown = wire.post(DEVISES, {}, account=account, token="not-a-token")
    assert 'error_description="Invalid access token"' in unknown.headers["www-authenticate"]


def test_a_bad_technical_account_is_a_401_with_the_piste_reason(wire: ChorusWire) -> None:
    wrong = technical_account(DEFAULT_LOGIN, "not-the-password")
    answer = wire.post(DEVISES, {}, account=wrong, token=wire.token())
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == (
        'Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects"'
    )
    garbage = wire.post(
        DEVISES, {}, account=wire.fake.account, headers={"cpro-account": "%%%"}, token=wire.token()
    )
    assert garbage.status_code == 401


def test_an_api_not_subscribed_is_a_403_with_an_empty_body(wire: ChorusWire) -> None:
    settings = wire.admin("settings", {"unsubscribe": ["transverses"]})
    assert "transverses" not in settings["subscriptions"]
    answer = wire.post(DEVISES, {}, account=wire.fake.account)
    assert answer.status_code == 403
    assert answer.content == b""
    factures = wire.post("/cpro/factures/v1/rechercher/fournisseur", {}, account=wire.fake.account)
    assert factures.status_code == 200
    wire.admin("settings", {"subscribe": ["transverses"]})
    assert wire.post(DEVISES, {}, account=wire.fake.account).status_code == 200


def test_unknown_routes_methods_and_content_types(wire: ChorusWire) -> None:
    account = wire.fake.account
    missing = wire.post("/cpro/factures/v1/inventee", {}, account=account)
    assert missing.status_code == 404
    assert wire.http.get(DEVISES).status_code == 405
    form = wire.post(
        DEVISES,
        None,
        account=account,
        content=b"codeLangue=FR",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 415


def test_both_business_error_styles(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.chu_valmont)
    body = {"idFacture": 123, "nouveauStatut": "SERVICE_FAIT"}
    http_400 = wire.refused(TRAITER, body, account=account)
    assert http_400 == {"codeRetour": 20000, "libelle": "GDP_MSG_11.008"}
    wire.admin("settings", {"business_error_status": 200})
    http_200 = wire.refused(TRAITER, body, account=account, status=200)
    assert http_200 == http_400


def test_a_missing_field_is_a_business_refusal_a_wrong_type_is_malformed(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.chu_valmont)
    missing = wire.refused(TRAITER, {"nouveauStatut": "SERVICE_FAIT"}, account=account)
    assert missing["libelle"] == "Le champ idFacture est obligatoire."
    wrong = wire.post(
        TRAITER,
        None,
        account=account,
        content=b'{"idFacture": "douze", "nouveauStatut": "SERVICE_FAIT"}',
    )
    assert wrong.status_code == 400
    assert wrong.json() == {
        "error": "Requête mal formulée",
        "detail": "idFacture : un entier est attendu",
    }
    unknown = wire.post(
        TRAITER, None, account=account, content=b'{"idFacture": 1, "nouveauStatut": "PAYEE"}'
    )
    assert unknown.status_code == 400
    assert "nouveauStatut" in unknown.json()["detail"]


def test_the_cpro_account_header_is_plain_base64_of_login_and_password(wire: ChorusWire) -> None:
    account = wire.fake.account
    raw = f"{account.login}:{account.password.get_secret_value()}".encode()
    headers = {"cpro-account": base64.b64encode(raw).decode()}
    assert wire.post(DEVISES, {}, account=account, headers=headers).status_code == 200
    basic = {"cpro-account": "Basic " + base64.b64encode(raw).decode()}
    assert (
        wire.post(DEVISES, {}, account=account, headers=basic, token=wire.token()).status_code
        == 401
    )


@pytest.mark.server
@pytest.mark.enable_socket
def test_the_server_reads_chunked_bodies_and_reports_its_own_failures(
    fake: FakeChorusPro, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fake.serve() as url, httpx.Client(base_url=url) as http:
        wire = ChorusWire(http, fake, "http")
        token = wire.token()
        headers = {
            "Authorization": f"Bearer {token}",
            "cpro-account": account_header(fake.account),
            "Content-Type": "application/json;charset=utf-8",
        }
        chunked = http.post(DEVISES, content=iter([b'{"codeLan', b'gue": "EN"}']), headers=headers)
        assert chunked.status_code == 200
        assert {"codeDevise": "USD", "libelleDevise": "US dollar"} in chunked.json()["listeDevises"]

        def broken(request: object) -> object:
            raise RuntimeError("bug")

        monkeypatch.setattr(fake.handlers, "handle", broken)
        failure = http.post(DEVISES, json={}, headers=headers)
        assert failure.status_code == 500
        assert "RuntimeError" in failure.json()["error"]
