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
``NOT_SENT``    certainly not received: send again
``CONFIRMED``   return it; never sent again
``REJECTED``    return it; resending the same content is useless (a fix gets a new key)
==============  ===========================================================================

Senders and reconcilers are registered per kind (see :class:`Handler`); the journal itself knows
no protocol.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from typing_extensions import Self

from demat_sdk._http.redaction import library_logger, redact
from demat_sdk.errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
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

__all__ = ["Handler", "Journal", "ResumeReport", "state_after"]

_log = library_logger("demat_sdk.journal")

Sender = Callable[[JournalEntry], Outcome]
Reconciler = Callable[[JournalEntry], Verdict]


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
class ResumeReport:
    """What :meth:`Journal.resume` did, entry by entry."""

    sent: tuple[JournalEntry, ...] = ()
    """Entries sent (again) because they certainly had not arrived."""
    confirmed: tuple[JournalEntry, ...] = ()
    """Entries the remote side turned out to have (no resending)."""
    rejected: tuple[JournalEntry, ...] = ()
    """Entries refused by the remote side."""
    undecided: tuple[JournalEntry, ...] = ()
    """Entries still unknown (ask again later)."""
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
    an answer that could not be read, an unexpected exception): ``UNKNOWN``.
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
    return EntryState.UNKNOWN


def payload_digest(payload: bytes | None) -> str:
    """SHA-256 of a payload, hex (of the empty string when there is none)."""
    return hashlib.sha256(payload or b"").hexdigest()


class Journal:
    """Durable record of every submission, and the rules that make sending exactly-once.

    Args:
        store: a :class:`~demat_sdk.journal.store.JournalStore`, or the path of a SQLite file.
        clock: returns the current time (timezone-aware), for the entries' timestamps.

    Use it as a context manager, or call :meth:`close`. One journal may be shared by threads.
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
        self._clock = clock or (lambda: datetime.now(timezone.utc))
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

    def handler(self, kind: str) -> Handler:
        """The handler registered for ``kind``."""
        try:
            return self._handlers[kind]
        except KeyError:
            known = ", ".join(sorted(self._handlers)) or "none"
            raise LookupError(f"no handler registered for {kind!r} (registered: {known})") from None

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
        """Entries not yet settled (``PENDING``, ``UNKNOWN``, ``NOT_SENT``)."""
        return self.store.entries(
            states=(EntryState.PENDING, EntryState.UNKNOWN, EntryState.NOT_SENT)
        )

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

        Returns:
            the entry, ``CONFIRMED`` or ``REJECTED``.

        Raises:
            SubmissionConflictError: the key was submitted before with another payload.
            OutcomeUnknownError: the remote side may have it and cannot tell yet; the entry
                stays in the journal for :meth:`resume`.
            DematError: the sender's error, after the entry recorded it (``NOT_SENT`` or
                ``UNKNOWN``; a business refusal is returned as ``REJECTED`` instead).
        """
        handler = self.handler(kind)
        digest = payload_digest(payload)
        entry, created = self.store.add(
            kind=kind, key=key, digest=digest, payload=payload, meta=meta or {}, now=self._now()
        )
        if not created and entry.digest != digest:
            raise SubmissionConflictError(
                f"already submitted (entry {entry.id}) with another content; "
                "give the new content a new key",
                kind=kind,
                key=key,
            )
        with self._claimed(entry):
            entry = self.store.get(entry.id)  # another task may have settled it meanwhile
            if entry.state.is_settled:
                return entry
            if not created and entry.state in (EntryState.PENDING, EntryState.UNKNOWN):
                entry = self._reconcile(entry, handler)
                if entry.state.is_settled:
                    return entry
                if entry.state is not EntryState.NOT_SENT:
                    raise OutcomeUnknownError(
                        f"its outcome is unknown ({entry.error or 'no answer yet'}); "
                        "it will not be sent again before it is reconciled",
                        kind=kind,
                        key=key,
                        entry_id=entry.id,
                    )
            return self._send(entry, handler, raise_errors=True)

    def resume(self) -> ResumeReport:
        """Finish or reconcile every entry a previous run left unsettled (after a crash…).

        ``NOT_SENT`` entries are sent again; ``PENDING`` and ``UNKNOWN`` ones are reconciled
        first and sent again only if the remote side certainly does not have them.
        """
        sent: list[JournalEntry] = []
        confirmed: list[JournalEntry] = []
        rejected: list[JournalEntry] = []
        undecided: list[JournalEntry] = []
        failed: list[JournalEntry] = []
        for pending in self.pending():
            with self._claimed(pending):
                entry = self.store.get(pending.id)
                if entry.state.is_settled:
                    continue  # settled by another task since the list was read
                handler = self.handler(entry.kind)
                if entry.state is not EntryState.NOT_SENT:
                    entry = self._reconcile(entry, handler)
                    if entry.state is EntryState.CONFIRMED:
                        confirmed.append(entry)
                        continue
                    if entry.state is EntryState.REJECTED:
                        rejected.append(entry)
                        continue
                    if entry.state is not EntryState.NOT_SENT:
                        undecided.append(entry)
                        continue
                entry = self._send(entry, handler, raise_errors=False)
            if entry.state is EntryState.CONFIRMED:
                sent.append(entry)
            elif entry.state is EntryState.REJECTED:
                rejected.append(entry)
            else:
                failed.append(entry)
        return ResumeReport(
            sent=tuple(sent),
            confirmed=tuple(confirmed),
            rejected=tuple(rejected),
            undecided=tuple(undecided),
            failed=tuple(failed),
        )

    def reconcile(self, entry_id: int) -> JournalEntry:
        """Ask the remote side about one entry whose outcome is unknown; nothing is sent."""
        entry = self.store.get(entry_id)
        with self._claimed(entry):
            entry = self.store.get(entry_id)
            if entry.state in (EntryState.PENDING, EntryState.UNKNOWN):
                entry = self._reconcile(entry, self.handler(entry.kind))
        return entry

    # --- internals ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _claimed(self, entry: JournalEntry) -> Iterator[None]:
        """Hold the entry for this task: another task of the process waits for its turn."""
        with self._free:
            while entry.id in self._in_flight:
                self._free.wait()
            self._in_flight.add(entry.id)
        try:
            yield
        finally:
            with self._free:
                self._in_flight.discard(entry.id)
                self._free.notify_all()

    def _send(self, entry: JournalEntry, handler: Handler, *, raise_errors: bool) -> JournalEntry:
        """Send a claimed entry and record the outcome."""
        entry = self._save(entry, state=EntryState.PENDING, attempts=entry.attempts + 1)
        try:
            outcome = handler.send(entry)
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
            state=EntryState.CONFIRMED,
            reference=outcome.reference,
            result=outcome.result,
            error=None,
        )
        _log.debug("%s %r confirmed (%s)", entry.kind, entry.key, entry.reference)
        return entry

    def _reconcile(self, entry: JournalEntry, handler: Handler) -> JournalEntry:
        try:
            verdict = handler.reconcile(entry)
        except DematError as error:
            return self._save(entry, state=EntryState.UNKNOWN, error=_describe(error))
        _log.info(
            "%s %r reconciled: %s %s", entry.kind, entry.key, verdict.kind.value, verdict.reason
        )
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
        return self._save(entry, state=EntryState.UNKNOWN, error=verdict.reason or entry.error)

    def _save(self, entry: JournalEntry, **changes: Any) -> JournalEntry:
        return self.store.save(replace(entry, updated_at=self._now(), **changes))

    def _now(self) -> str:
        return self._clock().isoformat()


def _describe(error: BaseException) -> str:
    return redact(f"{type(error).__name__}: {error}")
