"""The retry matrix: what is retried for safe and unsafe operations, and how long it waits."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from demat_sdk import (
    ChorusPro,
    ConnectError,
    PisteCredentials,
    RateLimitedError,
    RequestTimeoutError,
    Safety,
    ServerError,
    TechnicalAccount,
    TransportError,
)
from demat_sdk._http.operation import Operation
from demat_sdk._http.retry import RetryPolicy, parse_retry_after
from demat_sdk.chorus.models.base import ChorusResponse

from conftest import Server, Sleeps, json_response


def ok() -> httpx.Response:
    return json_response({"codeRetour": 0, "listePays": [{"codePays": "FR"}]})


DEPOSIT = Operation(
    "deposerFluxFacture", "/cpro/factures/v1/deposer/flux", Safety.UNSAFE, ChorusResponse
)
SEARCH = Operation(
    "rechercherFactureParFournisseur",
    "/cpro/factures/v1/rechercher/fournisseur",
    Safety.SAFE,
    ChorusResponse,
)


def test_safe_call_retried_on_503_then_succeeds(
    client: ChorusPro, server: Server, sleeps: Sleeps
) -> None:
    server.script.extend([httpx.Response(503), httpx.Response(503), ok()])
    pays = client.transverses.recuperer_pays()
    assert [p.code_pays for p in pays] == ["FR"]
    assert len(server.api_calls) == 3
    assert sleeps == [0.5, 1.0]  # exponential backoff, jitter pinned to 0


@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
def test_safe_call_retries_these_statuses(client: ChorusPro, server: Server, status: int) -> None:
    server.script.extend([httpx.Response(status), ok()])
    client.transverses.recuperer_pays()
    assert len(server.api_calls) == 2


@pytest.mark.parametrize("status", [500, 501, 400, 404, 413])
def test_safe_call_does_not_retry_other_statuses(
    client: ChorusPro, server: Server, status: int
) -> None:
    server.script.extend([httpx.Response(status), ok()])
    with pytest.raises(Exception):  # noqa: B017,PT011 - the class is checked in test_errors
        client.transverses.recuperer_pays()
    assert len(server.api_calls) == 1


@pytest.mark.parametrize(
    "failure",
    [httpx.ReadTimeout("read"), httpx.RemoteProtocolError("reset"), httpx.ConnectError("refused")],
)
def test_safe_call_retries_transport_failures(
    client: ChorusPro, server: Server, failure: Exception
) -> None:
    server.script.extend([failure, ok()])
    client.transverses.recuperer_pays()
    assert len(server.api_calls) == 2


def test_unsafe_call_not_retried_on_read_timeout(client: ChorusPro, server: Server) -> None:
    server.script.extend([httpx.ReadTimeout("no answer"), ok()])
    with pytest.raises(RequestTimeoutError) as caught:
        client.request(DEPOSIT, {"fichierFlux": "..."})
    assert caught.value.request_sent is True
    assert caught.value.operation == "deposerFluxFacture"
    assert len(server.api_calls) == 1


def test_unsafe_call_retried_on_connect_error(client: ChorusPro, server: Server) -> None:
    server.script.extend([httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), ok()])
    client.request(DEPOSIT, {"fichierFlux": "..."})
    assert len(server.api_calls) == 3


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(503),
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.RemoteProtocolError("connection reset"),
        httpx.WriteTimeout("write"),
    ],
)
def test_unsafe_call_not_retried_when_the_server_may_have_it(
    client: ChorusPro, server: Server, failure: httpx.Response | Exception
) -> None:
    server.script.extend([failure, ok()])
    with pytest.raises((ServerError, RateLimitedError, TransportError)):
        client.request(DEPOSIT, {})
    assert len(server.api_calls) == 1


def test_connect_error_is_marked_not_sent(client: ChorusPro, server: Server) -> None:
    server.script.extend([httpx.ConnectError("refused")] * 3)
    with pytest.raises(ConnectError) as caught:
        client.request(DEPOSIT, {})
    assert caught.value.request_sent is False
    assert len(server.api_calls) == 3  # first attempt + max_retries (2)


def test_retry_after_seconds_is_honoured(client: ChorusPro, server: Server, sleeps: Sleeps) -> None:
    server.script.extend([httpx.Response(429, headers={"Retry-After": "7"}), ok()])
    client.request(SEARCH, {})
    assert sleeps == [7.0]


def test_retry_after_http_date_is_honoured() -> None:
    now = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
    header = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(header, now=now) == 30.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("3", 3.0),
        ("0.5", 0.5),
        ("-4", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
        ("nan", None),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header) == seconds


def test_gives_up_when_asked_to_wait_more_than_two_minutes(
    client: ChorusPro, server: Server, sleeps: Sleeps
) -> None:
    server.script.extend([httpx.Response(429, headers={"Retry-After": "121"}), ok()])
    with pytest.raises(RateLimitedError) as caught:
        client.request(SEARCH, {})
    assert caught.value.retry_after == 121.0
    assert sleeps == []
    assert len(server.api_calls) == 1


def test_exhausted_retries_raise_the_last_error(client: ChorusPro, server: Server) -> None:
    server.script.extend([httpx.Response(502), httpx.Response(503), httpx.Response(504), ok()])
    with pytest.raises(ServerError) as caught:
        client.request(SEARCH, {})
    assert caught.value.status_code == 504
    assert len(server.api_calls) == 3


def test_per_call_max_retries(client: ChorusPro, server: Server) -> None:
    server.script.extend([httpx.Response(503)] * 6 + [ok()])
    client.transverses.recuperer_pays(max_retries=6)
    assert len(server.api_calls) == 7


def test_with_options_changes_the_copy_only(client: ChorusPro, server: Server) -> None:
    no_retry = client.with_options(max_retries=0)
    server.script.extend([httpx.Response(503), httpx.Response(503), ok()])
    with pytest.raises(ServerError):
        no_retry.transverses.recuperer_pays()
    client.transverses.recuperer_pays()
    assert len(server.api_calls) == 3
    assert server.token_calls == 1  # the copy shares the token


def test_per_call_timeout_reaches_the_request(client: ChorusPro, server: Server) -> None:
    server.default = ok()
    client.transverses.recuperer_pays(timeout=2.5)
    client.transverses.recuperer_pays()
    slow = client.with_options(timeout=300)
    slow.transverses.recuperer_pays(timeout=None)  # None: the client's own, as without it
    first, second, third = (request.extensions["timeout"] for request in server.api_calls)
    assert first == httpx.Timeout(2.5).as_dict()
    assert second == httpx.Timeout(30.0, connect=5.0).as_dict()
    assert third == httpx.Timeout(300).as_dict()


def test_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(jitter=lambda: 1.0)
    assert [policy.delay(n, None) for n in (1, 2, 3, 4, 5, 6)] == [
        0.375,
        0.75,
        1.5,
        3.0,
        6.0,
        6.0,
    ]


@pytest.mark.anyio
async def test_async_client_follows_the_same_matrix(async_client, server: Server) -> None:  # type: ignore[no-untyped-def]
    server.script.extend([httpx.Response(503), ok(), httpx.ReadTimeout("late")])
    pays = await async_client.transverses.recuperer_pays()
    assert [p.code_pays for p in pays] == ["FR"]
    with pytest.raises(RequestTimeoutError):
        await async_client.request(DEPOSIT, {})
    assert len(server.api_calls) == 3


def test_a_transport_error_names_the_address_that_failed(
    credentials: PisteCredentials, account: TechnicalAccount, policy: RetryPolicy
) -> None:
    def token_endpoint_down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused")

    client = ChorusPro(
        credentials=credentials,
        account=account,
        transport=httpx.MockTransport(token_endpoint_down),
        retry_policy=policy,
        token_url="https://user:pw@oauth.example.test/api/oauth/token?x=1",
    )
    with pytest.raises(ConnectError) as caught:
        client.transverses.recuperer_pays()
    message = str(caught.value)
    assert "Connection refused (POST https://oauth.example.test/api/oauth/token)" in message
    assert "x=1" not in message
    assert "pw" not in message
