"""PISTE OAuth2: caching, renewal ahead of expiry, one renewal at a time, 401 handling."""

from __future__ import annotations

import base64
import threading

import anyio
import httpx
import pytest

from demat_sdk import (
    AsyncChorusPro,
    AuthenticationError,
    ChorusPro,
    PisteCredentials,
    TechnicalAccount,
)
from demat_sdk._http.auth import AccessToken, www_authenticate_reason

from conftest import Clock, Server, json_response, token_response

OK = {"codeRetour": 0, "listePays": []}


def test_every_call_carries_the_token_the_account_and_the_content_type(
    client: ChorusPro, server: Server, account: TechnicalAccount
) -> None:
    server.default = json_response(OK)
    client.transverses.recuperer_pays()
    sent = server.api_calls[0]
    assert sent.headers["Authorization"] == "Bearer tok-1"
    assert sent.headers["cpro-account"] == account.cpro_account().get_secret_value()
    assert sent.headers["Content-Type"] == "application/json;charset=utf-8"
    assert sent.method == "POST"
    assert sent.url == "https://sandbox-api.piste.gouv.fr/cpro/transverses/v1/recuperer/pays"


def test_cpro_account_is_base64_of_login_colon_password() -> None:
    account = TechnicalAccount(login="TECH_1_x@cpro.fr", password="Pa55-wörd")  # type: ignore[arg-type]
    expected = base64.b64encode("TECH_1_x@cpro.fr:Pa55-wörd".encode()).decode()
    assert account.cpro_account().get_secret_value() == expected


def test_the_token_request_is_client_credentials(
    client: ChorusPro, server: Server, credentials: PisteCredentials
) -> None:
    seen: list[httpx.Request] = []
    original = server.__call__

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return original(request)

    client._http._transport = httpx.MockTransport(spy)
    server.default = json_response(OK)
    client.transverses.recuperer_pays()
    form = dict(httpx.QueryParams(seen[0].content.decode()))
    assert seen[0].url == "https://sandbox-oauth.piste.gouv.fr/api/oauth/token"
    assert form == {
        "grant_type": "client_credentials",
        "client_id": "app-test",
        "client_secret": credentials.client_secret.get_secret_value(),
        "scope": "openid",
    }


def test_token_is_reused_then_renewed_240_seconds_before_expiry(
    client: ChorusPro, server: Server, clock: Clock
) -> None:
    server.default = json_response(OK)
    client.transverses.recuperer_pays()
    clock.now += 3600 - 241
    client.transverses.recuperer_pays()
    assert server.token_calls == 1
    clock.now += 2  # now inside the 240 s margin
    client.transverses.recuperer_pays()
    assert server.token_calls == 2
    assert server.api_calls[-1].headers["Authorization"] == "Bearer tok-2"


def test_lifetime_comes_from_expires_in(
    credentials: PisteCredentials, account: TechnicalAccount, clock: Clock
) -> None:
    tokens = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal tokens
        if request.url.path.endswith("/token"):
            tokens += 1
            return token_response(f"short-{tokens}", expires_in=600)
        return json_response(OK)

    with ChorusPro(
        credentials=credentials,
        account=account,
        transport=httpx.MockTransport(handler),
        clock=clock,
    ) as client:
        client.transverses.recuperer_pays()
        clock.now += 600 - 240
        client.transverses.recuperer_pays()
    assert tokens == 2


def test_401_invalidates_the_token_and_retries_once(client: ChorusPro, server: Server) -> None:
    server.default = json_response(OK)
    client.transverses.recuperer_pays()  # tok-1 cached
    server.script.append(httpx.Response(401, headers={"WWW-Authenticate": 'Bearer error="x"'}))
    pays = client.transverses.recuperer_pays()
    assert pays == []
    assert server.token_calls == 2
    assert server.authorizations[1:] == [
        "Bearer tok-1",
        "Bearer tok-2",
    ]


def test_a_second_401_is_raised(client: ChorusPro, server: Server) -> None:
    server.default = json_response(OK)
    client.transverses.recuperer_pays()
    refused = httpx.Response(401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    server.script.extend([refused, refused])
    with pytest.raises(AuthenticationError) as caught:
        client.transverses.recuperer_pays()
    assert caught.value.reason == "invalid_token"
    assert len(server.api_calls) == 3  # first call, then the refused one and its single retry


def test_refused_client_credentials(
    credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(
            {"error": "invalid_client", "error_description": "Client authentication failed"}, 400
        )

    with (
        ChorusPro(
            credentials=credentials, account=account, transport=httpx.MockTransport(handler)
        ) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.transverses.recuperer_pays()
    assert caught.value.reason == "invalid_client: Client authentication failed"
    assert caught.value.operation == "token"


def test_threads_share_one_renewal(client: ChorusPro, server: Server) -> None:
    server.default = json_response(OK)
    barrier = threading.Barrier(20)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            client.transverses.recuperer_pays()
        except BaseException as exc:  # noqa: BLE001  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert server.token_calls == 1
    assert len(server.api_calls) == 20


@pytest.mark.anyio
async def test_fifty_tasks_needing_a_token_cause_one_token_request(
    credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    token_calls = 0
    api_calls = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal token_calls, api_calls
        if request.url.path.endswith("/token"):
            token_calls += 1
            await anyio.sleep(0.01)  # the renewal takes time: the others must wait for it
            return token_response("shared")
        api_calls += 1
        assert request.headers["Authorization"] == "Bearer shared"
        return json_response(OK)

    async with (
        AsyncChorusPro(
            credentials=credentials, account=account, transport=httpx.MockTransport(handler)
        ) as client,
        anyio.create_task_group() as group,
    ):
        for _ in range(50):
            group.start_soon(client.transverses.recuperer_pays)
    assert token_calls == 1
    assert api_calls == 50


def test_access_token_repr_hides_the_value() -> None:
    token = AccessToken(value="very-secret-token", expires_at=12.0)
    assert "very-secret-token" not in repr(token)


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (
            'Bearer realm="PISTE",error="Unauthorized",error_description="login or password '
            'incorrects"',
            "login or password incorrects",
        ),
        ('Bearer realm="PISTE",error="invalid_token"', "invalid_token"),
        ("Bearer", "Bearer"),
        ("", ""),
    ],
)
def test_www_authenticate_reason(header: str, reason: str) -> None:
    assert www_authenticate_reason(header) == reason


def _streamed(response: httpx.Response) -> httpx.Response:
    """The same answer, arriving as a stream (as it does over a network), not read yet."""
    return httpx.Response(
        response.status_code, headers=response.headers, stream=httpx.ByteStream(response.content)
    )


def _streaming_chorus(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/token"):
        return _streamed(token_response("streamed"))
    assert request.headers["Authorization"] == "Bearer streamed"
    return _streamed(json_response(OK))


def test_a_token_answer_arriving_as_a_stream_is_read(
    credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    # Regression: the overridden auth flows read the token answer before it was received.
    with ChorusPro(
        credentials=credentials, account=account, transport=httpx.MockTransport(_streaming_chorus)
    ) as client:
        assert client.transverses.recuperer_pays() == []


@pytest.mark.anyio
async def test_a_token_answer_arriving_as_a_stream_is_read_async(
    credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return _streaming_chorus(request)

    async with AsyncChorusPro(
        credentials=credentials, account=account, transport=httpx.MockTransport(handler)
    ) as client:
        assert await client.transverses.recuperer_pays() == []
