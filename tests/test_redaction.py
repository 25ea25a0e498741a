"""Secrets never reach logs, reprs or error messages."""

from __future__ import annotations

import logging

import httpx
import pytest

from demat_sdk import ChorusPro, DematError, PisteCredentials, TechnicalAccount
from demat_sdk._http.redaction import redact, register_secret

from conftest import CLIENT_SECRET, PASSWORD, Server, json_response


def test_a_debug_session_leaks_no_secret(
    client: ChorusPro,
    server: Server,
    credentials: PisteCredentials,
    account: TechnicalAccount,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    server.script.extend(
        [
            json_response({"codeRetour": 0, "listePays": []}),
            httpx.Response(503, text="busy"),
            json_response({"codeRetour": 0, "listePays": []}),
            json_response({"codeRetour": 1, "libelle": f"echo {CLIENT_SECRET}"}),
            httpx.Response(401, headers={"WWW-Authenticate": 'Bearer error="tok-1"'}),
            httpx.Response(401, headers={"WWW-Authenticate": 'Bearer error="tok-2"'}),
        ]
    )
    messages: list[str] = []
    client.transverses.recuperer_pays()
    client.transverses.recuperer_pays()
    for _ in range(2):
        try:
            client.transverses.recuperer_pays()
        except DematError as error:
            messages.append(str(error))
            messages.append(repr(error))
    # a third-party logger handed a secret by accident is redacted too
    logging.getLogger("httpx").debug("headers: %s", {"cpro-account": "abc-not-registered"})
    logging.getLogger("demat_sdk.http").debug("Authorization: Bearer tok-2 sent")

    secrets = {
        "client secret": CLIENT_SECRET,
        "technical password": PASSWORD,
        "cpro-account": account.cpro_account().get_secret_value(),
        "token 1": "tok-1",
        "token 2": "tok-2",
        "unregistered header": "abc-not-registered",
    }
    captured = [record.getMessage() for record in caplog.records]
    reprs = [repr(client), repr(credentials), repr(account), repr(client.auth), str(credentials)]
    assert len(captured) >= 4  # the session did log at DEBUG
    assert len(messages) == 4
    for text in captured + reprs + messages:
        for name, secret in secrets.items():
            assert secret not in text, f"{name} leaked in {text!r}"


def test_redact_masks_header_and_form_shapes() -> None:
    text = (
        "Authorization: Bearer abc.def cpro-account=Zm9vOmJhcg== "
        "client_secret=xyz&grant_type=client_credentials password: hunter2"
    )
    assert redact(text) == (
        "Authorization: Bearer *** cpro-account=*** "
        "client_secret=***&grant_type=client_credentials password: ***"
    )


def test_registered_values_are_masked_anywhere() -> None:
    register_secret("a-registered-secret")
    assert redact("xx a-registered-secret yy") == "xx *** yy"
    register_secret("abc")  # too short to be masked without garbling text
    assert redact("abc") == "abc"


def test_configuration_secrets_stay_masked_after_a_year_of_tokens() -> None:
    register_secret("lasting-client-secret-0042")
    for hour in range(24 * 365):  # one PISTE token an hour
        register_secret(f"token-{hour:05d}-abcdef", token=True)
    assert redact("echo lasting-client-secret-0042") == "echo ***"
    assert redact("last token-08759-abcdef") == "last ***"
    # Tokens that expired months ago are no longer looked for.
    assert redact("token-00000-abcdef") == "token-00000-abcdef"
