"""The caller's own httpx client (``http_client=``) or transport (``transport=``) carries the calls.

A client given by the caller stays the caller's: the SDK sends through it, with the PISTE token
and the ``cpro-account`` header, and never closes it. A transport given alone is wrapped in a
client the SDK owns and closes.
"""

from __future__ import annotations

import httpx
import pytest

from demat_sdk import (
    AsyncChorusPro,
    ChorusPro,
    ConfigurationError,
    PisteCredentials,
    TechnicalAccount,
)

from conftest import Server


class ClosingTransport(httpx.MockTransport):
    """A mock transport that remembers whether it was closed."""

    closed = False

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_the_callers_http_client_carries_the_calls_and_stays_open(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    transport = ClosingTransport(server)
    with (
        httpx.Client(transport=transport) as http,
        ChorusPro(credentials=credentials, account=account, http_client=http) as client,
    ):
        client.transverses.recuperer_pays()
        client.close()
        assert not http.is_closed
        assert not transport.closed
    assert server.token_calls == 1
    [call] = server.api_calls
    assert call.headers["Authorization"] == "Bearer tok-1"
    assert "cpro-account" in call.headers


@pytest.mark.anyio
async def test_the_callers_async_http_client_carries_the_calls_and_stays_open(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    transport = ClosingTransport(server)
    async with httpx.AsyncClient(transport=transport) as http:
        async with AsyncChorusPro(
            credentials=credentials, account=account, http_client=http
        ) as client:
            await client.transverses.recuperer_pays()
        assert not http.is_closed
        assert not transport.closed
    assert transport.closed  # closed by its owner, the caller
    assert server.token_calls == 1
    assert len(server.api_calls) == 1


def test_a_transport_given_alone_is_closed_with_the_client(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    transport = ClosingTransport(server)
    with ChorusPro(credentials=credentials, account=account, transport=transport) as client:
        client.transverses.recuperer_pays()
        assert not transport.closed
    assert transport.closed


@pytest.mark.anyio
async def test_an_async_transport_given_alone_is_closed_with_the_client(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    transport = ClosingTransport(server)
    async with AsyncChorusPro(
        credentials=credentials, account=account, transport=transport
    ) as client:
        await client.transverses.recuperer_pays()
    assert transport.closed


def test_a_transport_and_an_http_client_together_are_refused(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    with (
        httpx.Client(transport=httpx.MockTransport(server)) as http,
        pytest.raises(ConfigurationError, match="transport= or http_client="),
    ):
        ChorusPro(
            credentials=credentials,
            account=account,
            transport=httpx.MockTransport(server),
            http_client=http,
        )
