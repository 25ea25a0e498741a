"""The machinery every API call goes through: build, authenticate, send, retry, map, decode.

:class:`SyncAPIClient` and :class:`AsyncAPIClient` are the only twins; everything that does no I/O
(configuration, request building, error mapping, retry decisions) lives in :class:`BaseAPIClient`.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import anyio
import httpx
import pydantic
import tenacity
from typing_extensions import Self

from demat_sdk._http.auth import JSON_CONTENT_TYPE, PisteAuth
from demat_sdk._http.envelope import decode_response, error_for_response, transport_error
from demat_sdk._http.operation import Call, Operation, RequestCheck, RequestOptions
from demat_sdk._http.redaction import install_redaction, library_logger
from demat_sdk._http.retry import RetryPolicy
from demat_sdk._http.settings import (
    Endpoints,
    Environment,
    PisteCredentials,
    TechnicalAccount,
    resolve_endpoints,
)
from demat_sdk._version import __version__
from demat_sdk.errors import ConfigurationError

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "BaseAPIClient",
    "RequestBody",
    "SyncAPIClient",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""30 s per read/write/pool phase, 5 s to connect."""
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

RequestBody = pydantic.BaseModel | Mapping[str, Any] | None
Response = TypeVar("Response", bound=pydantic.BaseModel)

_log = library_logger("demat_sdk.http")


class BaseAPIClient:
    """Configuration and I/O-free logic shared by the sync and async clients."""

    def __init__(
        self,
        *,
        credentials: PisteCredentials | None,
        account: TechnicalAccount | None,
        environment: Environment | str | None,
        base_url: str | None,
        token_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        clock: Callable[[], float] | None,
        checks: Sequence[RequestCheck] = (),
    ) -> None:
        if max_retries < 0:
            raise ConfigurationError(f"max_retries must be 0 or more, not {max_retries}")
        install_redaction()
        self._endpoints: Endpoints = resolve_endpoints(
            environment, base_url=base_url, token_url=token_url
        )
        self._clock = clock or time.monotonic
        self._auth = PisteAuth(
            credentials or PisteCredentials.from_env(),
            account or TechnicalAccount.from_env(),
            token_url=self._endpoints.token_url,
            clock=self._clock,
        )
        self._timeout = _as_timeout(timeout)
        self._max_retries = max_retries
        self._retry = retry_policy or RetryPolicy()
        self._checks = tuple(checks)
        self._owns_http_client = True

    def vet(self, call: Call[Any]) -> None:
        """Run the client's request checks on a call before it is sent (they raise to refuse)."""
        for check in self._checks:
            check(call)

    @property
    def endpoints(self) -> Endpoints:
        """The token URL and API host this client talks to."""
        return self._endpoints

    @property
    def auth(self) -> PisteAuth:
        """The authentication shared by this client and its :meth:`with_options` copies."""
        return self._auth

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._endpoints.api_base_url!r})"

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Self:
        """A copy of this client with other defaults; it shares the connections and the token.

        Closing the copy leaves the original open.
        """
        other = copy.copy(self)
        for cached in [key for key in other.__dict__ if not key.startswith("_")]:
            del other.__dict__[cached]  # resources (cached properties) belong to the original
        other._owns_http_client = False
        if timeout is not None:
            other._timeout = _as_timeout(timeout)
        if max_retries is not None:
            if max_retries < 0:
                raise ConfigurationError(f"max_retries must be 0 or more, not {max_retries}")
            other._max_retries = max_retries
        return other

    # --- request building --------------------------------------------------------------------

    def _settings(
        self, operation: Operation[Any], options: RequestOptions
    ) -> tuple[httpx.Timeout, int]:
        chosen = options.get("timeout")
        if chosen is not None:
            timeout = _as_timeout(chosen)
        elif operation.transfer_timeout is not None:
            timeout = _at_least(self._timeout, operation.transfer_timeout)
        else:
            timeout = self._timeout
        return timeout, options.get("max_retries", self._max_retries)

    def _url(self, operation: Operation[Any]) -> str:
        return self._endpoints.api_base_url + operation.path

    @staticmethod
    def _encode(operation: Operation[Any], body: RequestBody) -> bytes | None:
        if operation.method == "GET":
            return None
        if body is None:
            payload: Mapping[str, Any] = {}
        elif isinstance(body, pydantic.BaseModel):
            payload = body.model_dump(mode="json", by_alias=True, exclude_none=True)
        else:
            payload = body
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @staticmethod
    def _headers(content: bytes | None) -> dict[str, str]:
        headers = {"Accept": JSON_CONTENT_TYPE, "User-Agent": f"demat_sdk/{__version__}"}
        if content is not None:
            headers["Content-Type"] = JSON_CONTENT_TYPE
        return headers

    def _finish(
        self, operation: Operation[Response], response: httpx.Response, started: float
    ) -> Response:
        _log.debug(
            "%s %s -> HTTP %s in %.0f ms",
            operation.method,
            operation.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        error = error_for_response(response, operation.name)
        if error is not None:
            raise error
        return decode_response(response, operation.name, operation.response)

    def _log_retry(self, operation: Operation[Any]) -> Callable[[tenacity.RetryCallState], None]:
        def log(state: tenacity.RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome is not None else None
            wait = state.next_action.sleep if state.next_action is not None else 0.0
            _log.info(
                "%s: attempt %d failed (%s); retrying in %.1f s",
                operation.name,
                state.attempt_number,
                error,
                wait,
            )

        return log


class SyncAPIClient(BaseAPIClient):
    """The blocking client machinery (one pooled ``httpx.Client``)."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None,
        http_client: httpx.Client | None,
        **settings: Any,
    ) -> None:
        super().__init__(**settings)
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass transport= or http_client=, not both")
        self._owns_http_client = http_client is None
        self._http = http_client or httpx.Client(
            transport=transport, timeout=self._timeout, limits=DEFAULT_LIMITS
        )

    def request(
        self,
        operation: Operation[Response],
        body: RequestBody = None,
        options: RequestOptions | None = None,
    ) -> Response:
        """Send one operation with retries as its safety allows, and decode its answer."""
        timeout, max_retries = self._settings(operation, options or {})
        content = self._encode(operation, body)
        retrying = tenacity.Retrying(
            sleep=time.sleep if self._retry.sleep is None else self._retry.sleep,
            before_sleep=self._log_retry(operation),
            **self._retry.tenacity_kwargs(operation.safety, max_retries),  # type: ignore[arg-type]
        )
        result: Response = retrying(self._attempt, operation, content, timeout)
        return result

    def _attempt(
        self, operation: Operation[Response], content: bytes | None, timeout: httpx.Timeout
    ) -> Response:
        request = self._http.build_request(
            operation.method,
            self._url(operation),
            content=content,
            headers=self._headers(content),
            timeout=timeout,
        )
        started = time.perf_counter()
        try:
            response = self._http.send(request, auth=self._auth)
        except httpx.TransportError as exc:
            raise transport_error(exc, operation.name) from exc
        return self._finish(operation, response, started)

    def close(self) -> None:
        """Close the connections, unless the ``httpx.Client`` was given by the caller."""
        if self._owns_http_client:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncAPIClient(BaseAPIClient):
    """The asyncio client machinery (one pooled ``httpx.AsyncClient``)."""

    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None,
        http_client: httpx.AsyncClient | None,
        **settings: Any,
    ) -> None:
        super().__init__(**settings)
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass transport= or http_client=, not both")
        self._owns_http_client = http_client is None
        self._http = http_client or httpx.AsyncClient(
            transport=transport, timeout=self._timeout, limits=DEFAULT_LIMITS
        )

    async def request(
        self,
        operation: Operation[Response],
        body: RequestBody = None,
        options: RequestOptions | None = None,
    ) -> Response:
        """Send one operation with retries as its safety allows, and decode its answer."""
        timeout, max_retries = self._settings(operation, options or {})
        content = self._encode(operation, body)
        retrying = tenacity.AsyncRetrying(
            sleep=self._async_sleep,
            before_sleep=self._log_retry(operation),
            **self._retry.tenacity_kwargs(operation.safety, max_retries),  # type: ignore[arg-type]
        )
        result: Response = await retrying(self._attempt, operation, content, timeout)
        return result

    async def _async_sleep(self, seconds: float) -> None:
        if self._retry.sleep is not None:
            self._retry.sleep(seconds)
            await anyio.sleep(0)
        else:
            await anyio.sleep(seconds)

    async def _attempt(
        self, operation: Operation[Response], content: bytes | None, timeout: httpx.Timeout
    ) -> Response:
        request = self._http.build_request(
            operation.method,
            self._url(operation),
            content=content,
            headers=self._headers(content),
            timeout=timeout,
        )
        started = time.perf_counter()
        try:
            response = await self._http.send(request, auth=self._auth)
        except httpx.TransportError as exc:
            raise transport_error(exc, operation.name) from exc
        return self._finish(operation, response, started)

    async def close(self) -> None:
        """Close the connections, unless the ``httpx.AsyncClient`` was given by the caller."""
        if self._owns_http_client:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def _at_least(timeout: httpx.Timeout, seconds: float) -> httpx.Timeout:
    """``timeout`` with its read and write phases raised to ``seconds`` (``None`` stays off)."""

    def raised(phase: float | None) -> float | None:
        return None if phase is None else max(phase, seconds)

    return httpx.Timeout(
        connect=timeout.connect,
        read=raised(timeout.read),
        write=raised(timeout.write),
        pool=timeout.pool,
    )


def _as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return DEFAULT_TIMEOUT
    if value <= 0:
        raise ConfigurationError(f"timeout must be positive, not {value}")
    return httpx.Timeout(value)
