"""The journal on an asyncio event loop: :class:`AsyncJournal`.

It runs the flows of :class:`~demat_sdk.journal.journal.Journal` (the bookkeeping written once)
with their store calls in worker threads, so that the loop never waits for a disk sync, and
awaits the handlers on the loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from typing_extensions import Self

from demat_sdk.journal.entries import JournalEntry, Verdict
from demat_sdk.journal.journal import (
    AsyncHandler,
    Flow,
    Handler,
    Journal,
    ResumeReport,
    Step,
    registered,
)
from demat_sdk.journal.store import JournalStore

__all__ = ["AsyncJournal"]

Result = TypeVar("Result")

_CLAIM_POLL = 0.01
"""Seconds between two looks at an entry another task holds."""


class AsyncJournal:
    """The journal on an asyncio event loop: the same rules, awaitable handlers.

    It shares the store, the clock and the in-process claims of a :class:`Journal` (give one,
    or a store, or a SQLite path); every store call runs in a worker thread. A kind registered
    here with an :class:`AsyncHandler` is sent by awaiting it on the loop.

    Args:
        journal: a :class:`Journal`, a :class:`~demat_sdk.journal.store.JournalStore`, or the
            path of a SQLite file.
        clock: for a journal made here: returns the current time (timezone-aware).

    Use it with ``async with``, or await :meth:`close`.
    """

    def __init__(
        self,
        journal: Journal | JournalStore | str | Path,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.journal: Journal = (
            journal if isinstance(journal, Journal) else Journal(journal, clock=clock)
        )
        """The blocking journal this one drives (same store, same claims)."""
        self._handlers: dict[str, AsyncHandler | Handler] = {}

    def __repr__(self) -> str:
        return f"AsyncJournal({self.journal.store!r}, kinds={sorted(self._handlers)})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the store (that of the :class:`Journal` given, if one was)."""
        await anyio.to_thread.run_sync(self.journal.close)

    def register(self, kind: str, handler: AsyncHandler | Handler) -> None:
        """Declare how submissions of ``kind`` are sent and reconciled.

        A blocking :class:`Handler` is run in a worker thread.
        """
        self._handlers[kind] = handler

    def handler(self, kind: str) -> AsyncHandler | Handler:
        """The handler registered for ``kind``.

        Raises:
            LookupError: none is, naming those that are.
        """
        return registered(self._handlers, kind)

    async def get(self, entry_id: int) -> JournalEntry:
        """The entry with this id."""
        return await anyio.to_thread.run_sync(self.journal.get, entry_id)

    async def find(self, kind: str, key: str) -> JournalEntry | None:
        """The entry of this kind and key, if it was ever submitted."""
        return await anyio.to_thread.run_sync(self.journal.find, kind, key)

    async def pending(self) -> list[JournalEntry]:
        """Entries not yet settled (``PENDING``, ``UNKNOWN``, ``NOT_SENT``)."""
        return await anyio.to_thread.run_sync(self.journal.pending)

    async def submit(
        self,
        kind: str,
        key: str,
        payload: bytes | None = None,
        meta: dict[str, Any] | None = None,
    ) -> JournalEntry:
        """Send a submission exactly once; see :meth:`Journal.submit`."""
        handlers = {kind: self.handler(kind)}
        return await _run_awaited(
            self.journal._submit_flow(kind, key, payload, meta or {}), handlers
        )

    async def resume(self, *, kinds: Iterable[str] | None = None) -> ResumeReport:
        """Finish or reconcile every unsettled entry; see :meth:`Journal.resume`."""
        entries = await anyio.to_thread.run_sync(self.journal._resumable, kinds)
        handlers = {entry.kind: self.handler(entry.kind) for entry in entries}
        return await _run_awaited(self.journal._resume_flow(entries), handlers)

    async def reconcile(self, entry_id: int) -> JournalEntry:
        """Ask the remote side about one entry whose outcome is unknown; nothing is sent."""
        entry = await self.get(entry_id)
        handlers = {entry.kind: self.handler(entry.kind)}
        return await _run_awaited(self.journal._reconcile_only_flow(entry), handlers)

    async def settle(self, kind: str, key: str, verdict: Verdict) -> JournalEntry | None:
        """Record what the remote side told on another path; see :meth:`Journal.settle`."""
        entry = await self.find(kind, key)
        if entry is None:
            return None
        return await _run_awaited(self.journal._settle_flow(entry, verdict), {})


@dataclass
class _Advanced:
    """One advance of a flow in a worker thread: the next step, or the flow's result."""

    step: Step | None = None
    result: Any = None


def _advance(flow: Flow[Any], value: Any, error: BaseException | None) -> _Advanced:
    # StopIteration cannot cross a thread boundary into a future: it is turned into a result.
    try:
        step = flow.send(value) if error is None else flow.throw(error)
    except StopIteration as stop:
        return _Advanced(result=stop.value)
    return _Advanced(step=step)


async def _run_awaited(
    flow: Flow[Result], handlers: Mapping[str, AsyncHandler | Handler]
) -> Result:
    """Run a flow: bookkeeping in worker threads, the handlers awaited on the loop.

    A blocking :class:`Handler` is run in a worker thread too. If the task is cancelled while
    the remote side is being asked, the flow is closed where it stands, like a crash: the entry
    keeps its state (``PENDING`` during a sending) for :meth:`Journal.resume` to reconcile.
    """
    value: Any = None
    error: BaseException | None = None
    try:
        while True:
            advanced = await anyio.to_thread.run_sync(_advance, flow, value, error)
            if advanced.step is None:
                done: Result = advanced.result
                return done
            value, error = None, None
            step = advanced.step
            if step.action == "wait":  # polled: a waiting task must not hold a worker thread
                await anyio.sleep(_CLAIM_POLL)
                continue
            handler = handlers[step.entry.kind]
            try:
                if isinstance(handler, AsyncHandler):
                    if step.action == "send":
                        value = await handler.send(step.entry)
                    else:
                        value = await handler.reconcile(step.entry)
                else:
                    call = handler.send if step.action == "send" else handler.reconcile
                    value = await anyio.to_thread.run_sync(call, step.entry)
            except Exception as exc:  # noqa: BLE001 - thrown into the flow, which decides
                error = exc
    finally:
        flow.close()  # releases the claim of a flow left at a step (cancellation, crash)
