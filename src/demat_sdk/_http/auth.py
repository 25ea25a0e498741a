"""PISTE OAuth2 (client credentials) and the ``cpro-account`` header, as one :class:`httpx.Auth`.

The token is fetched through the same httpx client as the API calls (so an injected transport,
such as the emulator's, serves it too), cached, and renewed ahead of its expiry. Only one renewal
runs at a time, whether the callers are threads (sync client) or asyncio tasks (async client).
A 401 answer invalidates the token and the request is sent once more with a fresh one.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass, field

import anyio
import httpx

from demat_sdk._http.redaction import library_logger, redact, register_secret
from demat_sdk._http.settings import PisteCredentials, TechnicalAccount
from demat_sdk.errors import AuthenticationError

__all__ = ["DEFAULT_REFRESH_MARGIN", "AccessToken", "PisteAuth", "www_authenticate_reason"]

DEFAULT_REFRESH_MARGIN = 240.0
"""Seconds before expiry at which a token is renewed (PISTE tokens live 3600 s)."""

JSON_CONTENT_TYPE = "application/json;charset=utf-8"

_log = library_logger("demat_sdk.auth")
_AUTH_PARAM = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class AccessToken:
    """A bearer token and the clock reading after which it must not be used.

    Its ``repr`` never shows the token.
    """

    value: str = field(repr=False)
    expires_at: float

    def __repr__(self) -> str:
        return f"AccessToken(value='***', expires_at={self.expires_at:.0f})"


class PisteAuth(httpx.Auth):
    """Authenticates every Chorus Pro request: ``Authorization: Bearer`` and ``cpro-account``.

    Args:
        credentials: the PISTE application's client id and secret.
        account: the Chorus Pro technical account.
        token_url: the PISTE token endpoint.
        refresh_margin: renew the token this many seconds before it expires.
        clock: returns the current time in seconds (monotonic); injectable for tests.
        scope: the OAuth2 scope requested.
    """

    requires_response_body = True
    """Declared for httpx; the flows below are overridden, so they read the token answer
    themselves (over a real network the answer arrives as a stream)."""

    def __init__(
        self,
        credentials: PisteCredentials,
        account: TechnicalAccount,
        *,
        token_url: str,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.monotonic,
        scope: str = "openid",
    ) -> None:
        self._credentials = credentials
        self._cpro_account = account.cpro_account()
        self._token_url = token_url
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._scope = scope
        self._token: AccessToken | None = None
        self._thread_lock = threading.Lock()
        self._task_lock: anyio.Lock | None = None
        self.token_requests = 0
        """How many token requests this object has sent (for monitoring and tests)."""

    def __repr__(self) -> str:
        return (
            f"PisteAuth(client_id={self._credentials.client_id!r}, token_url={self._token_url!r})"
        )

    # --- the token ---------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Forget the cached token: the next request fetches a new one."""
        self._token = None

    def _valid_token(self) -> AccessToken | None:
        token = self._token
        if token is not None and self._clock() < token.expires_at - self._refresh_margin:
            return token
        return None

    def _token_request(self) -> httpx.Request:
        self.token_requests += 1
        _log.debug("requesting a PISTE token from %s", self._token_url)
        return httpx.Request(
            "POST",
            self._token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": self._credentials.client_id,
                "client_secret": self._credentials.client_secret.get_secret_value(),
                "scope": self._scope,
            },
            headers={"Accept": "application/json"},
        )

    def _store_token(self, response: httpx.Response) -> AccessToken:
        issued_at = self._clock()
        body = _json_or_none(response)
        if response.status_code != 200 or not isinstance(body, dict):
            raise _token_refused(response, body)
        value = body.get("access_token")
        if not isinstance(value, str) or not value:
            raise AuthenticationError(
                "the token endpoint answered without an access_token",
                status_code=response.status_code,
                operation="token",
            )
        register_secret(value, token=True)
        try:
            lifetime = float(body.get("expires_in", 3600))
        except (TypeError, ValueError, OverflowError):  # OverflowError: a 400-digit integer
            lifetime = 3600.0
        token = AccessToken(value=value, expires_at=issued_at + lifetime)
        self._token = token
        _log.debug("PISTE token obtained, valid %.0f s", lifetime)
        return token

    def _authorize(self, request: httpx.Request, token: AccessToken) -> None:
        request.headers["Authorization"] = f"Bearer {token.value}"
        request.headers["cpro-account"] = self._cpro_account.get_secret_value()

    # --- httpx flows -------------------------------------------------------------------------

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Attach a valid token, fetching one if needed; retry once with a new token on 401."""
        fetched_here = False
        token = self._valid_token()
        if token is None:
            with self._thread_lock:
                token = self._valid_token()
                if token is None:
                    # httpx reads intermediate answers only in the flows these methods replace:
                    # over a real connection the token's body must be read here.
                    answer = yield self._token_request()
                    answer.read()
                    token = self._store_token(answer)
                    fetched_here = True
        self._authorize(request, token)
        response = yield request
        if response.status_code != 401 or fetched_here:
            return  # a 401 with a token fetched for this very request is not about its age
        with self._thread_lock:
            if self._token is token:
                self._token = None
            fresh = self._valid_token()
            if fresh is None:
                answer = yield self._token_request()
                answer.read()
                fresh = self._store_token(answer)
        self._authorize(request, fresh)
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Same as :meth:`sync_auth_flow`, with one renewal at a time across asyncio tasks."""
        if self._task_lock is None:
            self._task_lock = anyio.Lock()
        fetched_here = False
        token = self._valid_token()
        if token is None:
            async with self._task_lock:
                token = self._valid_token()
                if token is None:
                    answer = yield self._token_request()
                    await answer.aread()
                    token = self._store_token(answer)
                    fetched_here = True
        self._authorize(request, token)
        response = yield request
        if response.status_code != 401 or fetched_here:
            return  # a 401 with a token fetched for this very request is not about its age
        async with self._task_lock:
            if self._token is token:
                self._token = None
            fresh = self._valid_token()
            if fresh is None:
                answer = yield self._token_request()
                await answer.aread()
                fresh = self._store_token(answer)
        self._authorize(request, fresh)
        yield request


def www_authenticate_reason(header: str) -> str:
    """Extract the human reason from a ``WWW-Authenticate`` header.

    ``Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects"``
    gives ``login or password incorrects``; without ``error_description``, the ``error`` value;
    without either, the header itself.
    """
    params = {}
    for key, value in _AUTH_PARAM.findall(header):
        params[key.lower()] = value
    return params.get("error_description") or params.get("error") or header.strip()


def _json_or_none(response: httpx.Response) -> object:
    try:
        return json.loads(response.content or b"null")
    except (ValueError, RecursionError):  # RecursionError: arrays nested too deep
        return None


def _token_refused(response: httpx.Response, body: object) -> AuthenticationError:
    reason = ""
    if isinstance(body, dict):
        parts = [str(body.get(key)) for key in ("error", "error_description") if body.get(key)]
        reason = ": ".join(parts)
    if not reason:
        reason = www_authenticate_reason(response.headers.get("WWW-Authenticate", ""))
    reason = redact(reason)
    return AuthenticationError(
        f"PISTE refused the token request ({reason or 'no reason given'}); "
        "check the PISTE client id and secret and the environment",
        status_code=response.status_code,
        operation="token",
        body=redact(response.text),
        reason=reason,
    )
