"""What the journal records about one submission."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

__all__ = ["EntryState", "JournalEntry", "Outcome", "Verdict", "VerdictKind"]


class EntryState(str, enum.Enum):
    """Where a submission stands.

    ``PENDING`` is written durably *before* anything is sent; the other states record what is
    known after. An entry left ``PENDING`` (a crash between the two) or ``UNKNOWN`` (a time-out
    after sending) must be reconciled with the remote side before it may be sent again. An
    ``AWAITING`` entry was taken by the remote side, which tells its outcome later (Hélios
    answers a PES with an acquittement hours after): it is never sent again while it waits.
    """

    PENDING = "PENDING"
    """Intent recorded; the request may or may not have left (crash window)."""
    NOT_SENT = "NOT_SENT"
    """Failed before reaching the server (refused connection, gateway refusal): safe to resend."""
    UNKNOWN = "UNKNOWN"
    """The server may have processed it (time-out after sending, 5xx): reconcile first."""
    AWAITING = "AWAITING"
    """Handed over; the remote side answers later (an acquittement): ``result`` holds the proof
    of hand-over, the answer settles it (see :meth:`~demat_sdk.journal.Journal.settle`)."""
    CONFIRMED = "CONFIRMED"
    """Accepted by the remote side; ``reference`` holds its identifier. Never sent again."""
    REJECTED = "REJECTED"
    """Refused by the remote side for a business reason; resending the same content is useless."""

    @property
    def is_settled(self) -> bool:
        """Whether nothing more will happen to this entry on its own."""
        return self in (EntryState.CONFIRMED, EntryState.REJECTED)


@dataclass(frozen=True)
class JournalEntry:
    """One submission as recorded.

    Attributes:
        id: the journal's own number for it.
        kind: what was submitted (``"chorus.deposer_flux"``, ``"helios.pes"``…).
        key: what makes it unique within its kind (an invoice number and its supplier, a NomFic…):
            the same key is never accepted twice.
        digest: SHA-256 of the payload, to refuse a different content under the same key.
        state: where it stands.
        attempts: how many times it was handed to the sender.
        payload: the bytes to send (kept so that a crash does not lose them).
        meta: what the sender and the reconciler need besides the payload (JSON values).
        reference: the remote identifier once confirmed (``numeroFluxDepot``,
            ``identifiantFactureCPP``, the NomFic of an acknowledged PES…).
        result: what the remote side answered (JSON values).
        error: the last error, as one readable line (never with a secret).
        created_at: ISO time the intent was recorded.
        updated_at: ISO time of the last change.
        last_attempt_at: ISO time it was last handed to the sender (``None`` before): a
            reconciler measures from it how long the remote side has had to process it.
    """

    id: int
    kind: str
    key: str
    digest: str
    state: EntryState
    attempts: int = 0
    payload: bytes | None = field(default=None, repr=False)
    meta: dict[str, Any] = field(default_factory=dict)
    reference: str | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    created_at: str = ""
    updated_at: str = ""
    last_attempt_at: str | None = None

    @property
    def attempted_at(self) -> datetime:
        """When it was last handed to the sender (when recorded, before any attempt).

        What a reconciler measures the remote side's delay from (timezone-aware).
        """
        moment = datetime.fromisoformat(self.last_attempt_at or self.created_at)
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Outcome:
    """What a sender returns when the remote side accepted a submission.

    Or took it, and will answer later (``awaiting``).
    """

    reference: str | None
    result: dict[str, Any] = field(default_factory=dict)
    awaiting: bool = False
    """``True`` when the remote side took the submission but tells its outcome later (Hélios'
    acquittement): the entry becomes ``AWAITING`` instead of ``CONFIRMED``."""


class VerdictKind(str, enum.Enum):
    """What a reconciler found out about an entry whose outcome was unknown."""

    CONFIRMED = "CONFIRMED"
    """The remote side has it: record the reference, never send it again."""
    REJECTED = "REJECTED"
    """The remote side has it and refused it."""
    ABSENT = "ABSENT"
    """The remote side certainly does not have it: it may be sent again."""
    UNDECIDED = "UNDECIDED"
    """Not known yet (processing still running, acknowledgement not back): ask again later."""


@dataclass(frozen=True)
class Verdict:
    """A reconciler's answer."""

    kind: VerdictKind
    reference: str | None = None
    result: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
