"""The SDK's own clients against the emulator's real HTTP server: sockets, tokens, concurrency."""

from __future__ import annotations

import logging
import socket
import struct
import time

import anyio
import pytest

from demat_sdk import AsyncChorusPro, ChorusPro
from demat_sdk.testing import FakeChorusPro

pytestmark = [pytest.mark.server, pytest.mark.enable_socket]

TOKEN_PATH = "/api/oauth/token"


def test_the_blocking_client_gets_its_token_and_answers_over_a_real_connection(
    fake: FakeChorusPro,
) -> None:
    account = fake.world.account(fake.world.pharmadis)
    with (
        fake.serve() as url,
        ChorusPro(
            credentials=fake.credentials,
            account=account,
            base_url=url,
            token_url=url + TOKEN_PATH,
            max_retries=0,
        ) as client,
    ):
        assert client.transverses.health_check().status_code_value == 200
        devises = client.transverses.recuperer_devises()
    assert "EUR" in {devise.code_devise for devise in devises}
    assert client.auth.token_requests == 1


def test_the_async_client_sends_64_concurrent_calls_once_each_over_http(
    fake: FakeChorusPro,
) -> None:
    account = fake.world.account(fake.world.pharmadis)
    rule = fake.faults.add("latency", operation="recupererDevises", delay=0.05)
    answers: list[int] = []

    async def bulk(url: str) -> None:
        async with AsyncChorusPro(
            credentials=fake.credentials,
            account=account,
            base_url=url,
            token_url=url + TOKEN_PATH,
            max_retries=0,  # a reset or a stalled connection fails the call instead of a retry
            timeout=10,
        ) as client:
            await client.transverses.health_check()  # the token, once

            async def one() -> None:
                answers.append(len(await client.transverses.recuperer_devises()))

            async with anyio.create_task_group() as group:
                for _ in range(64):
                    group.start_soon(one)

    with fake.serve() as url:
        anyio.run(bulk, url)
    assert len(answers) == 64
    assert len(set(answers)) == 1
    assert rule.matched == 64


def test_a_burst_of_connections_waits_in_the_backlog_until_the_server_accepts_them(
    fake: FakeChorusPro,
) -> None:
    server = fake.serve()  # listening, not accepting yet
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    clients: list[socket.socket] = []
    try:
        for _ in range(64):
            # With the standard library's backlog of 5, the sixth connection already stalled.
            clients.append(socket.create_connection((host, int(port)), timeout=5))
        server.start()
        for client in clients:
            client.sendall(b"GET /cpro/transverses/v1/health-check HTTP/1.1\r\nHost: x\r\n\r\n")
        status_lines = [client.makefile("rb").readline() for client in clients]
    finally:
        for client in clients:
            client.close()
        server.stop()
    assert status_lines == [b"HTTP/1.1 401 Unauthorized\r\n"] * 64


def test_a_client_that_goes_away_leaves_a_debug_line_not_a_traceback(
    fake: FakeChorusPro, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    fake.faults.add("latency", operation="/cpro/transverses/v1/health-check", delay=0.1)
    caplog.set_level(logging.DEBUG, logger="demat_sdk.testing.server")
    with fake.serve() as url:
        host, port = url.removeprefix("http://").rsplit(":", 1)
        client = socket.create_connection((host, int(port)), timeout=5)
        client.sendall(b"GET /cpro/transverses/v1/health-check HTTP/1.1\r\nHost: x\r\n\r\n")
        # Gone before the answer, with a reset: the server's write fails.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        deadline = time.monotonic() + 10  # a guard against a hang, not a timing assertion
        while not any("went away" in r.getMessage() for r in caplog.records):
            assert time.monotonic() < deadline, "the server never noticed the client left"
            time.sleep(0.02)
    assert "Traceback" not in capfd.readouterr().err
