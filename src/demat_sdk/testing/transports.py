"""In-process httpx transports serving an emulator, with its faults, for sync and async clients.

The faults behave as they would over the network, without waiting where the wait only stands for
a time-out: a connection reset raises ``httpx.ReadError`` (nothing processed); a time-out after
commit raises ``httpx.ReadTimeout`` once the request was processed; a latency at least as long as
the request's read time-out processes the request and raises ``httpx.ReadTimeout`` at once.
Shorter latencies are really waited.
"""

from __future__ import annotations

import contextlib
import time

import anyio
import httpx

from demat_sdk.testing.exchange import (
    ConnectionDropped,
    EmulatorApp,
    Plan,
    WireRequest,
    WireResponse,
)

__all__ = ["AsyncInProcessTransport", "InProcessTransport"]


def _wire(request: httpx.Request, body: bytes) -> WireRequest:
    return WireRequest(
        method=request.method,
        path=request.url.path,
        headers={key.lower(): value for key, value in request.headers.items()},
        body=body,
    )


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout") or {}
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if value is not None else None


def _times_out(plan: Plan, request: httpx.Request) -> bool:
    limit = _read_timeout(request)
    return bool(plan.latency) and limit is not None and plan.latency >= limit


def _finish(plan: Plan, request: httpx.Request) -> httpx.Response:
    try:
        answer: WireResponse = plan.run()
    except ConnectionDropped as dropped:
        if dropped.committed:
            raise httpx.ReadTimeout(
                "timed out after the server committed", request=request
            ) from None
        raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request) from None
    return httpx.Response(
        answer.status, headers=dict(answer.headers), content=answer.body, request=request
    )


def _late(plan: Plan, request: httpx.Request) -> httpx.ReadTimeout:
    with contextlib.suppress(ConnectionDropped):
        plan.run()  # the server processes the request; the client has given up waiting
    return httpx.ReadTimeout("timed out waiting for a slow answer", request=request)


class InProcessTransport(httpx.BaseTransport):
    """A blocking httpx transport answering from an emulator in this process."""

    def __init__(self, app: EmulatorApp) -> None:
        self.app = app

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (what ``httpx.Client`` calls)."""
        plan = self.app.plan(_wire(request, request.read()))
        if _times_out(plan, request):
            raise _late(plan, request)
        if plan.latency:
            time.sleep(plan.latency)
        return _finish(plan, request)


class AsyncInProcessTransport(httpx.AsyncBaseTransport):
    """An asyncio httpx transport answering from an emulator in this process."""

    def __init__(self, app: EmulatorApp) -> None:
        self.app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (what ``httpx.AsyncClient`` calls)."""
        plan = self.app.plan(_wire(request, await request.aread()))
        if _times_out(plan, request):
            raise _late(plan, request)
        if plan.latency:
            await anyio.sleep(plan.latency)
        return _finish(plan, request)
