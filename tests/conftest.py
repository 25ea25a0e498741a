"""Shared fixtures: credentials, a scripted Chorus Pro, a retry policy that never sleeps."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import ExitStack

import httpx
import pytest
from pydantic import SecretStr

from demat_sdk import AsyncChorusPro, ChorusPro, PisteCredentials, RetryPolicy, TechnicalAccount
from demat_sdk.testing import FakeChorusPro

from chorus_sdk_support import ChorusSession, Face, Flavour, declared, open_faces
from chorus_wire import ChorusWire

TOKEN_URL = "https://sandbox-oauth.piste.gouv.fr/api/oauth/token"
API = "https://sandbox-api.piste.gouv.fr"

CLIENT_SECRET = "s3cr3t-client-value-0123"
PASSWORD = "tech-password-9876"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def credentials() -> PisteCredentials:
    return PisteCredentials(client_id="app-test", client_secret=SecretStr(CLIENT_SECRET))


@pytest.fixture
def account() -> TechnicalAccount:
    return TechnicalAccount(login="TECH_1_12345678200010@cpro.fr", password=SecretStr(PASSWORD))


class Sleeps(list[float]):
    """Records the waits of the retry loop instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def policy(sleeps: Sleeps) -> RetryPolicy:
    return RetryPolicy(sleep=sleeps, jitter=lambda: 0.0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def token_response(token: str = "tok-1", expires_in: int = 3600) -> httpx.Response:  # noqa: S107
    return httpx.Response(
        200,
        json={"access_token": token, "token_type": "Bearer", "expires_in": expires_in},
    )


def json_response(payload: object, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(payload, ensure_ascii=False).encode(), headers=headers
    )


Handler = Callable[[httpx.Request], httpx.Response]


class Server:
    """A scripted Chorus Pro: the token endpoint, then API answers taken from a script."""

    def __init__(self) -> None:
        self.token_calls = 0
        self.api_calls: list[httpx.Request] = []
        self.authorizations: list[str] = []  # as sent: the same request object is re-sent
        self.script: list[httpx.Response | Exception] = []
        self.default: httpx.Response = json_response({"codeRetour": 0, "libelle": "OK"})
        self.tokens = iter(f"tok-{n}" for n in range(1, 10_000))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth/token":
            self.token_calls += 1
            return token_response(next(self.tokens))
        self.api_calls.append(request)
        self.authorizations.append(request.headers.get("Authorization", ""))
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, Exception):
                raise step
            return step
        return self.default


@pytest.fixture
def server() -> Server:
    return Server()


@pytest.fixture
def client(
    server: Server,
    credentials: PisteCredentials,
    account: TechnicalAccount,
    policy: RetryPolicy,
    clock: Clock,
) -> ChorusPro:
    return ChorusPro(
        credentials=credentials,
        account=account,
        transport=httpx.MockTransport(server),
        retry_policy=policy,
        clock=clock,
    )


@pytest.fixture
def async_client(
    server: Server,
    credentials: PisteCredentials,
    account: TechnicalAccount,
    policy: RetryPolicy,
    clock: Clock,
) -> AsyncChorusPro:
    return AsyncChorusPro(
        credentials=credentials,
        account=account,
        transport=httpx.MockTransport(server),
        retry_policy=policy,
        clock=clock,
    )


# --- the Chorus Pro emulator on both faces ---------------------------------------------------

FACES = [
    "in-process",
    pytest.param("http", marks=[pytest.mark.server, pytest.mark.enable_socket]),
]


@pytest.fixture
def fake() -> FakeChorusPro:
    """The emulator holding the seeded world."""
    return FakeChorusPro.seeded()


@pytest.fixture(params=FACES)
def wire(request: pytest.FixtureRequest, fake: FakeChorusPro) -> Iterator[ChorusWire]:
    """A wire-level client of ``fake``, in-process or over a real HTTP server."""
    if request.param == "in-process":
        with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
            yield ChorusWire(http, fake, request.param)
        return
    with fake.serve() as base_url, httpx.Client(base_url=base_url, timeout=10) as http:
        yield ChorusWire(http, fake, request.param)


SDK_SESSIONS = [
    pytest.param(("in-process", "sync"), id="in-process-sync"),
    pytest.param(("in-process", "async"), id="in-process-async"),
    pytest.param(
        ("http", "sync"), id="http-sync", marks=[pytest.mark.server, pytest.mark.enable_socket]
    ),
    pytest.param(
        ("http", "async"), id="http-async", marks=[pytest.mark.server, pytest.mark.enable_socket]
    ),
]


@pytest.fixture(params=SDK_SESSIONS)
async def chorus(
    request: pytest.FixtureRequest, fake: FakeChorusPro
) -> AsyncIterator[ChorusSession]:
    """The SDK against ``fake``: in-process or over HTTP, ``ChorusPro`` or ``AsyncChorusPro``.

    When the test ends, checks it called every SDK method it declared with ``covers``.
    """
    face: Face
    flavour: Flavour
    face, flavour = request.param
    with ExitStack() as stack:
        session = ChorusSession(fake, face, flavour, open_faces(fake, face, stack))
        try:
            yield session
        finally:
            await session.close()
    missing = declared(request.function) - session.calls
    assert not missing, f"{request.node.name} declares but never calls {sorted(missing)}"
