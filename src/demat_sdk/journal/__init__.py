"""The submission journal: every submission recorded before and after it is sent.

Nothing is lost (a crash leaves the intent and the payload in the journal; :meth:`Journal.resume`
finishes the work) and nothing is sent twice (an entry whose outcome is unknown is reconciled with
the remote side before it may be sent again).

* the generic core: :class:`Journal` (blocking) and :class:`AsyncJournal` (asyncio), handlers
  per kind of submission (:class:`Handler`, :class:`AsyncHandler`), entries and their states;
* storage: :class:`JournalStore` (the interface), :class:`SqliteJournalStore` (the default);
* Chorus Pro through the journal: :class:`JournaledChorus` and :class:`AsyncJournaledChorus`
  (deposits, submissions, status changes, one by one or in bulk), built on the handlers of
  :mod:`demat_sdk.journal.chorus`;
* PES files to Hélios through the journal: :class:`JournaledHelios` and
  :class:`AsyncJournaledHelios` (each flux handed over once, its acquittement awaited and
  recorded), built on :mod:`demat_sdk.journal.helios`.

The guide (in French) is ``docs/guides/envois-sans-doublon.md``.
"""

from demat_sdk.journal.async_journal import AsyncJournal
from demat_sdk.journal.chorus import (
    ChorusKinds,
    FluxDeposit,
    InvoiceSubmission,
    JournaledRequest,
    StatusChange,
)
from demat_sdk.journal.entries import EntryState, JournalEntry, Outcome, Verdict, VerdictKind
from demat_sdk.journal.helios import (
    DEFAULT_ACK_DEADLINE,
    AsyncJournaledHelios,
    HeliosKinds,
    JournaledHelios,
)
from demat_sdk.journal.journal import (
    AsyncHandler,
    Handler,
    Journal,
    ResumeReport,
    payload_digest,
    state_after,
)
from demat_sdk.journal.journaled import (
    AsyncJournaledChorus,
    BulkItem,
    BulkReport,
    JournaledChorus,
)
from demat_sdk.journal.store import JournalStore, SqliteJournalStore

__all__ = [
    "DEFAULT_ACK_DEADLINE",
    "AsyncHandler",
    "AsyncJournal",
    "AsyncJournaledChorus",
    "AsyncJournaledHelios",
    "BulkItem",
    "BulkReport",
    "ChorusKinds",
    "EntryState",
    "FluxDeposit",
    "Handler",
    "HeliosKinds",
    "InvoiceSubmission",
    "Journal",
    "JournalEntry",
    "JournalStore",
    "JournaledChorus",
    "JournaledHelios",
    "JournaledRequest",
    "Outcome",
    "ResumeReport",
    "SqliteJournalStore",
    "StatusChange",
    "Verdict",
    "VerdictKind",
    "payload_digest",
    "state_after",
]
