"""From an HTTP exchange to a typed result or a typed error.

Chorus Pro wraps every answer in an envelope (``codeRetour``, ``libelle``); ``codeRetour != 0``
is a refusal whether the HTTP status is 200 or 400. The PISTE gateway adds its own statuses
(401, 403, 404, 413, 429, 5xx). This module maps all of them, and the httpx exceptions, onto
:mod:`demat_sdk.errors`.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TypeVar

import httpx
import pydantic

from demat_sdk._http.auth import www_authenticate_reason
from demat_sdk._http.redaction import redact
from demat_sdk._http.retry import parse_retry_after
from demat_sdk.errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ChorusBusinessError,
    ConnectError,
    DematError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeoutError,
    RequestTooLargeError,
    ResponseValidationError,
    ServerError,
    TransportError,
)

__all__ = ["MAX_RESPONSE_BYTES", "decode_response", "error_for_response", "transport_error"]

Model = TypeVar("Model", bound=pydantic.BaseModel)

MAX_RESPONSE_BYTES = 256 * 1024 * 1024
"""Answers above 256 MiB are refused before their JSON is parsed (the largest Chorus Pro sends,
a 120 MB download, is about 160 MB once in base64)."""

_PERMISSION_HINT = (
    "access refused: the PISTE application is not subscribed to this API or its terms of use "
    "are not accepted (or the technical account lacks rights on this structure)"
)


def transport_error(exc: httpx.TransportError, operation: str) -> TransportError:
    """Map an httpx transport exception; ``request_sent`` says if the server may have it.

    The message names the address that failed (the PISTE token endpoint or the API's), so that a
    wrong URL is found at once; user information and query string, if any, are left out.
    """
    message = f"{type(exc).__name__}: {redact(str(exc)) or 'no detail'}"
    try:
        failed = exc.request
    except RuntimeError:  # raised outside a request
        pass
    else:
        url = failed.url  # netloc: host and port (IPv6 in brackets), no user information
        message += f" ({failed.method} {url.scheme}://{url.netloc.decode('ascii')}{url.path})"
    if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)):
        return RequestTimeoutError(message, request_sent=False, operation=operation)
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeoutError(message, request_sent=True, operation=operation)
    if isinstance(exc, httpx.ConnectError):
        return ConnectError(message, operation=operation)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.LocalProtocolError)):
        return TransportError(message, request_sent=False, operation=operation)
    return TransportError(message, request_sent=True, operation=operation)


def error_for_response(response: httpx.Response, operation: str) -> DematError | None:
    """The error a non-2xx answer stands for, or ``None`` for a 2xx one (see decode_response)."""
    status = response.status_code
    if 200 <= status < 300:
        return None  # decode_response checks the envelope
    body = redact(response.text)
    if status == 400:
        business = _business_error(_json(response), operation, status)
        return business or BadRequestError(
            "malformed request", status_code=status, operation=operation, body=body
        )
    if status == 401:
        reason = redact(www_authenticate_reason(response.headers.get("WWW-Authenticate", "")))
        return AuthenticationError(
            f"authentication refused ({reason or 'no reason given'})",
            operation=operation,
            body=body,
            reason=reason,
        )
    if status == 403:
        return PermissionDeniedError(
            _PERMISSION_HINT, status_code=status, operation=operation, body=body
        )
    if status == 404:
        return NotFoundError(
            "no such API on this host (check the environment and base URL)",
            status_code=status,
            operation=operation,
            body=body,
        )
    if status == 413:
        return RequestTooLargeError(
            "the request is larger than the server accepts",
            status_code=status,
            operation=operation,
            body=body,
        )
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        wait = f"; retry after {retry_after:.0f} s" if retry_after is not None else ""
        return RateLimitedError(
            f"too many requests{wait}", operation=operation, body=body, retry_after=retry_after
        )
    if status >= 500:
        return ServerError(
            response.reason_phrase or "server error",
            status_code=status,
            operation=operation,
            body=body,
        )
    if status >= 300:
        return APIStatusError(
            response.reason_phrase or "unexpected status",
            status_code=status,
            operation=operation,
            body=body,
        )
    return None


def decode_response(
    response: httpx.Response,
    operation: str,
    model: type[Model],
    *,
    max_bytes: int = MAX_RESPONSE_BYTES,
) -> Model:
    """Decode a 2xx answer into ``model``, parsing the body once.

    Raises:
        ChorusBusinessError: the envelope says ``codeRetour != 0``.
        ResponseValidationError: the body is above ``max_bytes`` (refused before parsing), not
            JSON (nested too deep included), or a field does not fit, naming its path.
    """
    if len(response.content) > max_bytes:
        raise ResponseValidationError(
            operation=operation,
            field="",
            message=f"the answer is {len(response.content):,} bytes, above the limit of "
            f"{max_bytes:,} bytes",
        )
    try:
        data = json.loads(response.content, parse_float=Decimal)
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested too deep
        raise ResponseValidationError(
            operation=operation,
            field="",
            message=f"the body is not JSON ({response.headers.get('Content-Type', 'no type')}, "
            f"{len(response.content)} bytes): {exc}",
        ) from None
    business = _business_error(data, operation, response.status_code)
    if business is not None:
        raise business
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        problems = [
            (".".join(str(part) for part in error["loc"]), error["msg"]) for error in exc.errors()
        ]
        first_path, first_message = problems[0]
        raise ResponseValidationError(
            operation=operation, field=first_path, message=first_message, errors=problems
        ) from None


def _json(response: httpx.Response) -> object:
    if len(response.content) > MAX_RESPONSE_BYTES:
        return None
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: arrays nested too deep
        return None


def _business_error(envelope: object, operation: str, status: int) -> ChorusBusinessError | None:
    if not isinstance(envelope, dict) or "codeRetour" not in envelope:
        return None
    code = envelope.get("codeRetour")
    try:
        code_retour = int(code)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):  # OverflowError: 1e400 is read as infinity
        return None
    if code_retour == 0:
        return None
    return ChorusBusinessError(
        code_retour=code_retour,
        libelle=redact(str(envelope.get("libelle") or "")),
        operation=operation,
        status_code=status,
    )
