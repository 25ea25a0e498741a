"""Serving an emulator over real HTTP, for teams that do not write Python and for contract tests.

Built on the standard library's ``http.server`` (threaded, HTTP/1.1 keep-alive): no dependency,
and direct access to the socket, which the faults need — a connection reset is a TCP RST sent
before the request is processed, a time-out after commit is a connection held open past the
client's read time-out once the write is done, then closed without an answer.
"""

from __future__ import annotations

import logging
import socket
import struct
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from demat_sdk.testing.exchange import ConnectionDropped, EmulatorApp, WireRequest, WireResponse

__all__ = ["LISTEN_BACKLOG", "MAX_REQUEST_BYTES", "EmulatorServer"]

MAX_REQUEST_BYTES = 200 * 1024 * 1024
"""Bodies above 200 MiB get HTTP 413 without being read."""

LISTEN_BACKLOG = 1024
"""Connections the system queues for the server before it accepts them (capped by the system)."""

logger = logging.getLogger("demat_sdk.testing.server")

_POLL_INTERVAL = 0.05


class _TooLargeError(Exception):
    """The request body is above :data:`MAX_REQUEST_BYTES`."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in two writes: without this, Nagle's algorithm and delayed
        # ACKs add 40 ms to each keep-alive exchange.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def _serve(self) -> None:
        try:
            body = self._body()
        except _TooLargeError:
            self._send(WireResponse(status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE))
            self.close_connection = True
            return
        except ValueError:
            self._send(WireResponse(status=HTTPStatus.BAD_REQUEST))
            self.close_connection = True
            return
        request = WireRequest(
            method=self.command,
            path=urlsplit(self.path).path,
            headers={key.lower(): value for key, value in self.headers.items()},
            body=body,
        )
        plan = self.server.app.plan(request)
        if plan.latency and self.server.stopping.wait(plan.latency):
            self._reset()
            return
        try:
            response = plan.run()
        except ConnectionDropped as dropped:
            if dropped.committed:
                self.server.stopping.wait(dropped.delay)
                self.close_connection = True
            else:
                self._reset()
            return
        except Exception as exc:
            # An emulator bug must reach the client as a 500, not kill the connection silently.
            logger.exception("the emulator failed on %s %s", self.command, self.path)
            response = WireResponse.of_json({"error": f"emulator failure: {exc!r}"}, status=500)
        self._send(response)

    def _body(self) -> bytes:
        """The request body, with a Content-Length or chunked; size checked before reading."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            total = 0
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():  # trailers
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_REQUEST_BYTES:
                    raise _TooLargeError
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            raise _TooLargeError
        return self.rfile.read(length) if length else b""

    def _send(self, response: WireResponse) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    def _reset(self) -> None:
        """Abort the connection with a TCP RST (SO_LINGER 0), as a crashed peer would."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.server.to_reset.add(self.connection)
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The standard library listens with a backlog of 5: a burst of concurrent clients (an async
    # client with 32 calls in flight opens 32 connections at once) overflowed it, and the
    # connections beyond it stalled for seconds or were reset.
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], app: EmulatorApp) -> None:
        self.app = app
        self.stopping = threading.Event()
        self.to_reset: set[Any] = set()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that goes away mid-exchange (closed, reset, timed out) is the client's business:
        # a line in the debug log, not a traceback on the console of `demat emulator serve`.
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            logger.debug("client %s went away: %r", client_address, error)
            return
        super().handle_error(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        # A connection to reset is closed at once: the usual shutdown(SHUT_WR) would send a FIN
        # first, and the client would see a clean close instead of a reset.
        if request in self.to_reset:
            self.to_reset.discard(request)
            request.close()
            return
        super().shutdown_request(request)


class EmulatorServer:
    """An emulator served over HTTP on a local address.

    Use it as a context manager (it runs in a background thread), or call :meth:`serve_forever`
    from a command. Port 0 picks a free port: read :attr:`url` afterwards.

    Args:
        app: the emulator (anything with a ``plan(request)`` method, such as ``FakeChorusPro``).
        host: address to listen on (loopback by default: the emulator has no security).
        port: port to listen on.
    """

    def __init__(self, app: EmulatorApp, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server((host, port), app)
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"EmulatorServer(url={self.url!r})"

    @property
    def url(self) -> str:
        """Base URL of the server (``http://127.0.0.1:PORT``)."""
        host, port = self._server.server_address[:2]
        shown = host.decode() if isinstance(host, bytes) else host
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}"

    def start(self) -> str:
        """Serve in a background thread; returns the base URL."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": _POLL_INTERVAL},
                name="demat-emulator",
                daemon=True,
            )
            self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` (or Ctrl-C)."""
        try:
            self._server.serve_forever(poll_interval=_POLL_INTERVAL)
        finally:
            self._server.server_close()

    def stop(self) -> None:
        """Stop serving and close the socket; requests held by faults are released."""
        self._server.stopping.set()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
