"""``FakeChorusPro``: the Chorus Pro emulator and its in-process faces."""

from __future__ import annotations

import httpx
from pydantic import SecretStr

from demat_sdk._http.settings import PisteCredentials, TechnicalAccount
from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.testing.chorus.handlers import ChorusHandlers
from demat_sdk.testing.chorus.state import ChorusState
from demat_sdk.testing.chorus.wire import WireRequest
from demat_sdk.testing.clock import FakeClock

__all__ = ["FakeChorusPro"]

DEFAULT_CLIENT_ID = "demat-emulator"
DEFAULT_CLIENT_SECRET = "emulator-client-secret"  # noqa: S105 - the emulator's own test secret
DEFAULT_LOGIN = "TECH_1_26750045200011@cpro.fr"
DEFAULT_PASSWORD = "emulator-technical-password"  # noqa: S105 - the emulator's own test secret


class FakeChorusPro:
    """An in-memory Chorus Pro behind PISTE, faithful to the official contracts.

    It issues PISTE tokens (3600 s, on its own :class:`FakeClock`), checks the ``cpro-account``
    header, and answers the API with Chorus Pro's exact JSON keys, envelopes and error shapes.
    It comes with one PISTE application and one technical account, ready to use::

        fake = FakeChorusPro()
        with fake.client() as client:
            client.transverses.health_check()

    Args:
        clock: the clock to live by (a new one by default); share it with other emulators.
    """

    def __init__(self, *, clock: FakeClock | None = None) -> None:
        self.clock = clock or FakeClock()
        self.state = ChorusState(self.clock)
        self.handlers = ChorusHandlers(self.state)
        self.state.add_application(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
        self.state.add_account(DEFAULT_LOGIN, DEFAULT_PASSWORD)
        self.credentials = PisteCredentials(
            client_id=DEFAULT_CLIENT_ID, client_secret=SecretStr(DEFAULT_CLIENT_SECRET)
        )
        """PISTE credentials the emulator accepts."""
        self.account = TechnicalAccount(login=DEFAULT_LOGIN, password=SecretStr(DEFAULT_PASSWORD))
        """Technical account the emulator accepts."""

    def __repr__(self) -> str:
        return f"FakeChorusPro(clock={self.clock!r})"

    # --- faces -----------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one httpx request (what the transports call)."""
        answer = self.handlers.handle(
            WireRequest(
                method=request.method,
                path=request.url.path,
                headers={key.lower(): value for key, value in request.headers.items()},
                body=request.read(),
            )
        )
        return httpx.Response(answer.status, headers=dict(answer.headers), content=answer.body)

    def transport(self) -> httpx.MockTransport:
        """An httpx transport serving this emulator in-process, for ``ChorusPro(transport=...)``."""
        return httpx.MockTransport(self.handle)

    def async_transport(self) -> httpx.MockTransport:
        """The same, for ``AsyncChorusPro(transport=...)``."""
        return httpx.MockTransport(self.handle)

    def client(self, **options: object) -> ChorusPro:
        """A ``ChorusPro`` client wired to this emulator, with its credentials and clock.

        Keyword arguments go to :class:`~demat_sdk.ChorusPro` (``max_retries``, ``timeout``…).
        """
        return ChorusPro(
            credentials=self.credentials,
            account=self.account,
            transport=self.transport(),
            clock=self.clock.monotonic,
            **options,  # type: ignore[arg-type]
        )

    def async_client(self, **options: object) -> AsyncChorusPro:
        """An ``AsyncChorusPro`` client wired to this emulator, with its credentials and clock."""
        return AsyncChorusPro(
            credentials=self.credentials,
            account=self.account,
            transport=self.async_transport(),
            clock=self.clock.monotonic,
            **options,  # type: ignore[arg-type]
        )

    # --- switches --------------------------------------------------------------------------

    def unsubscribe(self, api_group: str, client_id: str = DEFAULT_CLIENT_ID) -> None:
        """Make the application lose its subscription to an API (calls then get HTTP 403)."""
        with self.state.lock:
            self.state.applications[client_id].subscriptions.discard(api_group)

    def revoke_tokens(self) -> int:
        """Invalidate every token issued so far; returns how many were live."""
        return self.state.revoke_tokens()
