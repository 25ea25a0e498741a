"""The error mapping table: what each kind of answer becomes."""

from __future__ import annotations

import httpx
import pytest

from demat_sdk import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ChorusBusinessError,
    ChorusPro,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTooLargeError,
    ResponseValidationError,
    ServerError,
)

from conftest import Server, json_response


def test_business_error_in_a_200(client: ChorusPro, server: Server) -> None:
    server.script.append(json_response({"codeRetour": 20002, "libelle": "GDP_MSG_11.033"}))
    with pytest.raises(ChorusBusinessError) as caught:
        client.transverses.recuperer_devises()
    error = caught.value
    assert (error.code_retour, error.libelle, error.status_code) == (20002, "GDP_MSG_11.033", 200)
    assert error.operation == "recupererDevises"
    assert str(error) == "recupererDevises: codeRetour 20002: GDP_MSG_11.033"


def test_business_error_in_a_400_envelope(client: ChorusPro, server: Server) -> None:
    server.script.append(json_response({"codeRetour": 20001, "libelle": "GDP_MSG_11.005"}, 400))
    with pytest.raises(ChorusBusinessError) as caught:
        client.transverses.recuperer_pays()
    assert caught.value.code_retour == 20001
    assert caught.value.status_code == 400
    assert len(server.api_calls) == 1  # a business refusal is never retried


def test_400_without_envelope_is_a_bad_request(client: ChorusPro, server: Server) -> None:
    server.script.append(json_response({"error": "Requête mal formulée"}, 400))
    with pytest.raises(BadRequestError) as caught:
        client.transverses.recuperer_pays()
    assert caught.value.status_code == 400
    assert "mal formulée" in caught.value.body


def test_401_carries_the_www_authenticate_reason(client: ChorusPro, server: Server) -> None:
    challenge = (
        'Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects"'
    )
    refused = httpx.Response(401, headers={"WWW-Authenticate": challenge})
    server.script.extend([refused, refused])
    with pytest.raises(AuthenticationError) as caught:
        client.transverses.recuperer_pays()
    assert caught.value.reason == "login or password incorrects"
    assert caught.value.status_code == 401
    assert "login or password incorrects" in str(caught.value)


def test_403_with_an_empty_body_explains_the_subscription(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(httpx.Response(403))
    with pytest.raises(PermissionDeniedError) as caught:
        client.transverses.recuperer_pays()
    assert "not subscribed to this API" in str(caught.value)
    assert "terms of use are not accepted" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [(404, NotFoundError), (413, RequestTooLargeError), (500, ServerError), (418, APIStatusError)],
)
def test_status_classes(
    client: ChorusPro, server: Server, status: int, error_class: type[APIStatusError]
) -> None:
    server.script.append(httpx.Response(status, text="nope"))
    with pytest.raises(error_class) as caught:
        client.with_options(max_retries=0).transverses.recuperer_pays()
    assert caught.value.status_code == status
    assert caught.value.operation == "recupererPays"


def test_429_exposes_retry_after(client: ChorusPro, server: Server) -> None:
    server.script.append(httpx.Response(429, headers={"Retry-After": "17"}))
    with pytest.raises(RateLimitedError) as caught:
        client.with_options(max_retries=0).transverses.recuperer_pays()
    assert caught.value.retry_after == 17.0


def test_a_body_that_is_not_json(client: ChorusPro, server: Server) -> None:
    server.script.append(httpx.Response(200, text="<html>maintenance</html>"))
    with pytest.raises(ResponseValidationError) as caught:
        client.transverses.recuperer_pays()
    assert caught.value.field == ""
    assert "not JSON" in str(caught.value)


def test_a_body_missing_a_required_field_names_its_path(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response({"codeRetour": 0, "listeDevises": [{"codeDevise": "EUR"}, {"libelle": "?"}]})
    )
    with pytest.raises(ResponseValidationError) as caught:
        client.transverses.recuperer_devises()
    assert caught.value.field == "listeDevises.1.codeDevise"
    assert caught.value.operation == "recupererDevises"
    assert "listeDevises.1.codeDevise" in str(caught.value)
