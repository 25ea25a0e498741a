"""The submission journal: nothing lost, nothing sent twice.

Every submission goes through :meth:`Journal.submit`, which writes the intent durably *before*
calling the sender and the outcome *after*. What the journal does with a submission depends on
what is known of it:

==============  ===========================================================================
state           what ``submit`` (same kind and key) and ``resume`` do
==============  ===========================================================================
(none)          record ``PENDING``, send
``PENDING``     a crash left it between intent and outcome: reconcile, then act on the verdict
``UNKNOWN``     the server may have it: reconcile, then act on the verdict
``AWAITING``    taken, its answer comes later: reconcile; never sent while it waits
``NOT_SENT``    certainly not received: send again
``CONFIRMED``   return it; never sent again
``REJECTED``    return it; resending the same content is useless
==============  ===========================================================================

The same key with *another* content is refused (:class:`~demat_sdk.errors.SubmissionConflictError`)
while the first content may have taken effect (``PENDING``, ``UNKNOWN``, ``CONFIRMED``). When it
certainly did not (``NOT_SENT``, ``REJECTED``), the entry takes the new content and it is sent:
an invoice refused for a missing service code is corrected and submitted under the same number.

Some remote sides answer later, on another path: Hélios takes a PES file and sends its
acquittement hours after. Their sender returns an :class:`Outcome` with ``awaiting=True`` (the
entry becomes ``AWAITING``), and the answer, when it comes, is recorded with
:meth:`Journal.settle`; their reconciler only decides when an answer is overdue.

Senders and reconcilers are registered per kind (see :class:`Handler`); the journal itself knows
no protocol. :class:`~demat_sdk.journal.async_journal.AsyncJournal` offers the same on an
asyncio event loop, with awaitable handlers (:class:`AsyncHandler`).

How the two share one implementation: each operation is written once as a *flow*, a generator
that does the bookkeeping (store reads and writes, the in-process claim on an entry) and yields
a :class:`Step` whenever it needs the remote side (send, or reconcile) or must wait for an entry
another task holds. The blocking journal runs the flow and calls the handler in the same thread
(and waits on a condition); the asyncio journal advances the flow in a worker thread, awaits the
handler on the loop (and waits by polling, never holding a worker thread).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Awaitable, Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, TypeVar

from typing_extensions import Self

from demat_sdk._http.redaction import library_logger, redact
from demat_sdk.errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ChannelError,
    ChorusBusinessError,
    DematError,
    InvalidRequestError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    PesError,
    RateLimitedError,
    RequestTooLargeError,
    SubmissionConflictError,
    TransportError,
)
from demat_sdk.journal.entries import EntryState, JournalEntry, Outcome, Verdict, VerdictKind
from demat_sdk.journal.store import JournalStore, SqliteJournalStore

__all__ = [
    "AsyncHandler",
    "Handler",
    "Journal",
    "ResumeReport",
    "payload_digest",
    "state_after",
]

_log = library_logger("demat_sdk.journal")

Sender = Callable[[JournalEntry], Outcome]
Reconciler = Callable[[JournalEntry], Verdict]
AsyncSender = Callable[[JournalEntry], Awaitable[Outcome]]
AsyncReconciler = Callable[[JournalEntry], Awaitable[Verdict]]
Result = TypeVar("Result")

_UNSETTLED = (EntryState.PENDING, EntryState.UNKNOWN, EntryState.AWAITING, EntryState.NOT_SENT)
_TO_RECONCILE = (EntryState.PENDING, EntryState.UNKNOWN, EntryState.AWAITING)
"""States in which the remote side may hold an entry: asked before anything is sent again."""
_WITHOUT_EFFECT = (EntryState.NOT_SENT, EntryState.REJECTED)
"""States in which the remote side certainly holds nothing of an entry's content."""


@dataclass(frozen=True)
class Handler:
    """How to send one kind of submission and how to find out whether it arrived.

    Attributes:
        send: sends the entry's payload; returns the :class:`Outcome` on acceptance, raises the
            library's errors otherwise (their class decides the entry's state, see
            :func:`state_after`).
        reconcile: asks the remote side about an entry whose outcome is unknown.
    """

    send: Sender
    reconcile: Reconciler


@dataclass(frozen=True)
class AsyncHandler:
    """The awaitable twin of :class:`Handler`, for :class:`AsyncJournal`."""

    send: AsyncSender
    reconcile: AsyncReconciler


@dataclass(frozen=True)
class ResumeReport:
    """What :meth:`Journal.resume` did, entry by entry."""

    sent: tuple[JournalEntry, ...] = ()
    """Entries sent (again) because they certainly had not arrived (``CONFIRMED``, or
    ``AWAITING`` their answer)."""
    confirmed: tuple[JournalEntry, ...] = ()
    """Entries the remote side turned out to have (no resending)."""
    rejected: tuple[JournalEntry, ...] = ()
    """Entries refused by the remote side."""
    undecided: tuple[JournalEntry, ...] = ()
    """Entries still unknown, or still awaiting their answer (ask again later)."""
    failed: tuple[JournalEntry, ...] = ()
    """Entries whose sending failed again (their state says if they may be retried)."""

    @property
    def settled(self) -> bool:
        """Whether every entry handled is now confirmed or rejected."""
        return not (self.undecided or self.failed)


def state_after(error: BaseException) -> EntryState:
    """The state a failed sending leaves an entry in, from the error it raised.

    Refusals at the gateway (authentication, subscription, rate limit, unknown path) and
    transport failures before sending mean the request was not processed: ``NOT_SENT``. Business
    refusals and requests refused as malformed or too large: ``REJECTED``. Anything after which
    the server may have processed the request (time-out after sending, connection lost, 5xx,
    an answer that could not be read, an unexpected exception): ``UNKNOWN``. A Hélios channel's
    :class:`~demat_sdk.errors.ChannelError` is ``NOT_SENT`` only when it says the file was
    certainly not handed over.
    """
    if isinstance(error, TransportError):
        return EntryState.UNKNOWN if error.request_sent else EntryState.NOT_SENT
    if isinstance(error, (ChorusBusinessError, BadRequestError, RequestTooLargeError)):
        return EntryState.REJECTED
    if isinstance(error, InvalidRequestError):
        return EntryState.REJECTED
    if isinstance(
        error, (AuthenticationError, PermissionDeniedError, RateLimitedError, NotFoundError)
    ):
        return EntryState.NOT_SENT
    if isinstance(error, APIStatusError):
        return EntryState.UNKNOWN
    if isinstance(error, PesError):
        return EntryState.NOT_SENT
    if isinstance(error, ChannelError):
        return EntryState.NOT_SENT if error.handed_over is False else EntryState.UNKNOWN
    return EntryState.UNKNOWN


def payload_digest(payload: bytes | None) -> str:
    """SHA-256 of a payload, hex (of the empty string when there is none)."""
    return hashlib.sha256(payload or b"").hexdigest()


@dataclass(frozen=True)
class Step:
    """What a flow needs from its driver (internal): send, reconcile, or wait for an entry.

    ``wait``: another task of the process holds the entry; the flow tries again after it.
    """

    action: Literal["send", "reconcile", "wait"]
    entry: JournalEntry


Flow = Generator[Step, Any, Result]


class Journal:
    """Durable record of every submission, and the rules that make sending exactly-once.

    Args:
        store: a :class:`~demat_sdk.journal.store.JournalStore`, or the path of a SQLite file.
        clock: returns the current time (timezone-aware), for the entries' timestamps.

    Use it as a context manager, or call :meth:`close`. One journal may be shared by threads;
    they wait for each other on an entry in flight. A journal file is open in one journal at a
    time: a second one, in this process or another, is refused with
    :class:`~demat_sdk.errors.ConfigurationError` (two would each take the other's entries in
    flight for interrupted ones, and resend them; not enforced on Windows, which has no
    ``flock``).
    """

    def __init__(
        self,
        store: JournalStore | str | Path,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store: JournalStore = (
            SqliteJournalStore(store) if isinstance(store, (str, Path)) else store
        )
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(timezone.utc))
        """Where the entries' timestamps come from."""
        self._handlers: dict[str, Handler] = {}
        self._in_flight: set[int] = set()
        self._free = threading.Condition()

    def __repr__(self) -> str:
        return f"Journal({self.store!r}, kinds={sorted(self._handlers)})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    # --- set-up ------------------------------------------------------------------------------

    def register(self, kind: str, handler: Handler) -> None:
        """Declare how submissions of ``kind`` are sent and reconciled."""
        self._handlers[kind] = handler

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds with a registered handler, sorted."""
        return tuple(sorted(self._handlers))

    def handler(self, kind: str) -> Handler:
        """The handler registered for ``kind``.

        Raises:
            LookupError: none is, naming those that are.
        """
        return registered(self._handlers, kind)

    # --- reading -----------------------------------------------------------------------------

    def get(self, entry_id: int) -> JournalEntry:
        """The entry with this id."""
        return self.store.get(entry_id)

    def find(self, kind: str, key: str) -> JournalEntry | None:
        """The entry of this kind and key, if it was ever submitted."""
        return self.store.find(kind, key)

    def entries(
        self, *, states: tuple[EntryState, ...] | None = None, kind: str | None = None
    ) -> list[JournalEntry]:
        """Entries in submission order, optionally filtered."""
        return self.store.entries(states=states, kind=kind)

    def pending(self) -> list[JournalEntry]:
        """Entries not yet settled (``PENDING``, ``UNKNOWN``, ``AWAITING``, ``NOT_SENT``)."""
        return self.store.entries(states=_UNSETTLED)

    # --- sending -----------------------------------------------------------------------------

    def submit(
        self,
        kind: str,
        key: str,
        payload: bytes | None = None,
        meta: dict[str, Any] | None = None,
    ) -> JournalEntry:
        """Send a submission exactly once.

        Records the intent, sends with the handler of ``kind``, records the outcome. Submitting
        the same kind and key again returns the recorded entry when it is settled, reconciles it
        when its outcome is unknown, and sends it again only when it certainly did not arrive.
        A new content under a key whose first content never took effect (``NOT_SENT``,
        ``REJECTED``) replaces it and is sent.

        Returns:
            the entry, ``CONFIRMED`` or ``REJECTED`` (or ``AWAITING`` its answer, for a remote
            side that answers later).

        Raises:
            SubmissionConflictError: the key was submitted before with another content, which
                may have taken effect.
            OutcomeUnknownError: the remote side may have it and cannot tell yet; the entry
                stays in the journal for :meth:`resume`.
            DematError: the sender's error, after the entry recorded it (``NOT_SENT`` or
                ``UNKNOWN``; a business refusal is returned as ``REJECTED`` instead).
        """
        handlers = {kind: self.handler(kind)}
        return self._run(self._submit_flow(kind, key, payload, meta or {}), handlers)

    def resume(self, *, kinds: Iterable[str] | None = None) -> ResumeReport:
        """Finish or reconcile every entry a previous run left unsettled (after a crash…).

        ``NOT_SENT`` entries are sent again; ``PENDING``, ``UNKNOWN`` and ``AWAITING`` ones are
        reconciled first and sent again only if the remote side certainly does not have them.

        Args:
            kinds: only entries of these kinds (all the unsettled entries by default).

        Raises:
            LookupError: an unsettled entry is of a kind with no handler; nothing was done.
        """
        entries = self._resumable(kinds)
        handlers = {entry.kind: self.handler(entry.kind) for entry in entries}
        return self._run(self._resume_flow(entries), handlers)

    def reconcile(self, entry_id: int) -> JournalEntry:
        """Ask the remote side about one entry whose outcome is unknown; nothing is sent."""
        entry = self.store.get(entry_id)
        handlers = {entry.kind: self.handler(entry.kind)}
        return self._run(self._reconcile_only_flow(entry), handlers)

    def settle(self, kind: str, key: str, verdict: Verdict) -> JournalEntry | None:
        """Record what the remote side told about an entry on another path (an acquittement).

        The verdict is applied as a reconciler's would be, whatever the unsettled state of the
        entry (an answer proves the submission arrived, even one that was deemed lost and
        waits to be sent again); a settled entry is left as it is (the same answer recorded
        twice, or the answer to a second copy). Waits while another task holds the entry.

        Returns:
            the entry as it now stands, or ``None`` when the journal has none of this kind and
            key (the answer is about a submission made without it).
        """
        entry = self.store.find(kind, key)
        if entry is None:
            return None
        return self._run(self._settle_flow(entry, verdict), {})

    # --- flows (shared with AsyncJournal) --------------------------------------------------

    def _resumable(self, kinds: Iterable[str] | None) -> list[JournalEntry]:
        wanted = None if kinds is None else frozenset(kinds)
        return [entry for entry in self.pending() if wanted is None or entry.kind in wanted]

    def _submit_flow(
        self, kind: str, key: str, payload: bytes | None, meta: dict[str, Any]
    ) -> Flow[JournalEntry]:
        digest = payload_digest(payload)
        entry, created = self.store.add(
            kind=kind, key=key, digest=digest, payload=payload, meta=meta, now=self._now()
        )
        yield from self._claim(entry)
        try:
            entry = self.store.get(entry.id)  # another task may have changed it meanwhile
            if entry.digest != digest:
                if entry.state not in _WITHOUT_EFFECT:
                    raise SubmissionConflictError(
                        f"already submitted (entry {entry.id}, {entry.state.value}) with another "
                        "content; give the new content a new key",
                        kind=kind,
                        key=key,
                    )
                _log.info("%s %r: new content after %s", kind, key, entry.state.value)
                entry = self.store.renew(
                    entry.id, digest=digest, payload=payload, meta=meta, now=self._now()
                )
            if entry.state.is_settled:
                return entry
            if not created and entry.state in _TO_RECONCILE:
                entry = yield from self._reconcile_flow(entry)
                if entry.state.is_settled or entry.state is EntryState.AWAITING:
                    return entry
                if entry.state is not EntryState.NOT_SENT:
                    raise OutcomeUnknownError(
                        f"its outcome is unknown ({entry.error or 'no answer yet'}); "
                        "it will not be sent again before it is reconciled",
                        kind=kind,
                        key=key,
                        entry_id=entry.id,
                    )
            return (yield from self._send_flow(entry, raise_errors=True))
        finally:
            self._release(entry.id)

    def _resume_flow(self, entries: list[JournalEntry]) -> Flow[ResumeReport]:
        outcomes: dict[str, list[JournalEntry]] = {
            "sent": [],
            "confirmed": [],
            "rejected": [],
            "undecided": [],
            "failed": [],
        }
        for pending in entries:
            yield from self._claim(pending)
            try:
                outcome = yield from self._resume_one_flow(self.store.get(pending.id))
            finally:
                self._release(pending.id)
            if outcome is not None:
                outcomes[outcome[0]].append(outcome[1])
        return ResumeReport(**{name: tuple(found) for name, found in outcomes.items()})

    def _resume_one_flow(self, entry: JournalEntry) -> Flow[tuple[str, JournalEntry] | None]:
        """Finish one claimed entry; where it goes in the :class:`ResumeReport`."""
        if entry.state.is_settled:
            return None  # settled by another task since the list was read
        if entry.state is not EntryState.NOT_SENT:
            entry = yield from self._reconcile_flow(entry)
            if entry.state is EntryState.CONFIRMED:
                return "confirmed", entry
            if entry.state is EntryState.REJECTED:
                return "rejected", entry
            if entry.state is not EntryState.NOT_SENT:
                return "undecided", entry
        entry = yield from self._send_flow(entry, raise_errors=False)
        if entry.state in (EntryState.CONFIRMED, EntryState.AWAITING):
            return "sent", entry
        if entry.state is EntryState.REJECTED:
            return "rejected", entry
        return "failed", entry

    def _reconcile_only_flow(self, entry: JournalEntry) -> Flow[JournalEntry]:
        yield from self._claim(entry)
        try:
            entry = self.store.get(entry.id)
            if entry.state in _TO_RECONCILE:
                entry = yield from self._reconcile_flow(entry)
        finally:
            self._release(entry.id)
        return entry

    def _settle_flow(self, entry: JournalEntry, verdict: Verdict) -> Flow[JournalEntry]:
        yield from self._claim(entry)
        try:
            entry = self.store.get(entry.id)
            if entry.state.is_settled:
                _log.info(
                    "%s %r: already %s, answer not recorded (%s)",
                    entry.kind,
                    entry.key,
                    entry.state.value,
                    verdict.reason,
                )
                return entry
            _log.info(
                "%s %r settled: %s %s", entry.kind, entry.key, verdict.kind.value, verdict.reason
            )
            return self._apply(entry, verdict)
        finally:
            self._release(entry.id)

    def _send_flow(self, entry: JournalEntry, *, raise_errors: bool) -> Flow[JournalEntry]:
        """Send a claimed entry and record the outcome."""
        now = self._now()
        entry = self.store.save(
            replace(
                entry,
                state=EntryState.PENDING,
                attempts=entry.attempts + 1,
                updated_at=now,
                last_attempt_at=now,
            )
        )
        try:
            outcome: Outcome = yield Step("send", entry)
        except Exception as error:
            state = state_after(error)
            entry = self._save(entry, state=state, error=_describe(error))
            _log.info(
                "%s %r: %s after sending (%s)", entry.kind, entry.key, state.value, entry.error
            )
            if state is EntryState.REJECTED and isinstance(error, DematError):
                return entry
            if raise_errors:
                raise
            return entry
        entry = self._save(
            entry,
            state=EntryState.AWAITING if outcome.awaiting else EntryState.CONFIRMED,
            reference=outcome.reference,
            result=outcome.result,
            error=None,
        )
        _log.debug("%s %r %s (%s)", entry.kind, entry.key, entry.state.value, entry.reference)
        return entry

    def _reconcile_flow(self, entry: JournalEntry) -> Flow[JournalEntry]:
        try:
            verdict: Verdict = yield Step("reconcile", entry)
        except DematError as error:
            return self._save(entry, state=_still(entry), error=_describe(error))
        _log.info(
            "%s %r reconciled: %s %s", entry.kind, entry.key, verdict.kind.value, verdict.reason
        )
        return self._apply(entry, verdict)

    def _apply(self, entry: JournalEntry, verdict: Verdict) -> JournalEntry:
        """Record a verdict on a claimed entry."""
        if verdict.kind is VerdictKind.CONFIRMED:
            return self._save(
                entry,
                state=EntryState.CONFIRMED,
                reference=verdict.reference,
                result=verdict.result,
                error=None,
            )
        if verdict.kind is VerdictKind.REJECTED:
            return self._save(
                entry,
                state=EntryState.REJECTED,
                reference=verdict.reference,
                result=verdict.result,
                error=verdict.reason or entry.error,
            )
        if verdict.kind is VerdictKind.ABSENT:
            return self._save(entry, state=EntryState.NOT_SENT, error=verdict.reason or None)
        return self._save(entry, state=_still(entry), error=verdict.reason or entry.error)

    # --- internals ---------------------------------------------------------------------------

    def _claim(self, entry: JournalEntry) -> Flow[None]:
        """Take the entry for this task; while another task of the process holds it, wait."""
        while True:
            with self._free:
                if entry.id not in self._in_flight:
                    self._in_flight.add(entry.id)
                    return
            yield Step("wait", entry)  # the driver waits, in its own way, then we try again

    def _release(self, entry_id: int) -> None:
        with self._free:
            self._in_flight.discard(entry_id)
            self._free.notify_all()

    def _wait_until_free(self, entry_id: int) -> None:
        """Block until no task of the process holds the entry (the blocking driver's wait)."""
        with self._free:
            while entry_id in self._in_flight:
                self._free.wait()

    def _run(self, flow: Flow[Result], handlers: Mapping[str, Handler]) -> Result:
        """Run a flow in this thread, calling the handlers directly."""
        value: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = flow.send(value) if error is None else flow.throw(error)
            except StopIteration as stop:
                done: Result = stop.value
                return done
            value, error = None, None
            if step.action == "wait":
                self._wait_until_free(step.entry.id)
                continue
            handler = handlers[step.entry.kind]
            try:
                value = (handler.send if step.action == "send" else handler.reconcile)(step.entry)
            except BaseException as exc:  # noqa: BLE001 - thrown into the flow, which decides
                error = exc

    def _save(self, entry: JournalEntry, **changes: Any) -> JournalEntry:
        return self.store.save(replace(entry, updated_at=self._now(), **changes))

    def _now(self) -> str:
        return self.clock().isoformat()


# --- running a flow ------------------------------------------------------------------------


Registered = TypeVar("Registered")


def registered(handlers: Mapping[str, Registered], kind: str) -> Registered:
    """The handler of ``kind`` in ``handlers`` (``LookupError`` naming those registered)."""
    try:
        return handlers[kind]
    except KeyError:
        known = ", ".join(sorted(handlers)) or "none"
        raise LookupError(f"no handler registered for {kind!r} (registered: {known})") from None


def _still(entry: JournalEntry) -> EntryState:
    """The state of an entry nothing new was learnt about: an awaited answer is still awaited."""
    return EntryState.AWAITING if entry.state is EntryState.AWAITING else EntryState.UNKNOWN


def _describe(error: BaseException) -> str:
    return redact(f"{type(error).__name__}: {error}")
