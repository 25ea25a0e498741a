"""What crosses the wire between a client and an emulator, whatever the face.

A face (the in-process httpx transport, the HTTP server) turns what it receives into a
:class:`WireRequest`, asks the emulator for a :class:`Plan`, waits the plan's latency, then runs
it: the answer is a :class:`WireResponse`, or :class:`ConnectionDropped` when a fault says the
connection is cut instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = [
    "JSON_CONTENT_TYPE",
    "ConnectionDropped",
    "EmulatorApp",
    "Plan",
    "WireRequest",
    "WireResponse",
]

JSON_CONTENT_TYPE = "application/json;charset=utf-8"


@dataclass(frozen=True)
class WireRequest:
    """A request as an emulator sees it: method, path, lower-cased headers and raw body."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes = b""

    def json(self) -> Any:
        """The body parsed as JSON (``{}`` when empty). Raises ``ValueError`` if it is not JSON."""
        return json.loads(self.body) if self.body.strip() else {}


@dataclass(frozen=True)
class WireResponse:
    """An answer of an emulator."""

    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of_json(
        cls, payload: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> WireResponse:
        """A JSON answer with the content type Chorus Pro uses."""
        return cls(
            status=status,
            body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            headers={"content-type": JSON_CONTENT_TYPE, **(headers or {})},
        )


class ConnectionDropped(Exception):  # noqa: N818 - an outcome, not an error of the emulator
    """The emulator cuts the connection instead of answering.

    Attributes:
        committed: whether the request was processed first (its writes are kept).
        delay: seconds the server keeps the connection open before cutting it (long enough for
            the client to time out, for a drop after commit).
    """

    def __init__(self, *, committed: bool, delay: float = 0.0) -> None:
        self.committed = committed
        self.delay = delay
        when = "after processing" if committed else "before processing"
        super().__init__(f"connection dropped {when}")


@dataclass(frozen=True)
class Plan:
    """How an emulator will answer one request.

    Attributes:
        latency: seconds to wait before processing.
        run: processes the request and returns the answer, or raises :class:`ConnectionDropped`.
    """

    latency: float
    run: Callable[[], WireResponse]


class EmulatorApp(Protocol):
    """What a face needs from an emulator."""

    def plan(self, request: WireRequest) -> Plan:
        """Decide how to answer ``request`` (faults included) without processing it yet."""
        ...
