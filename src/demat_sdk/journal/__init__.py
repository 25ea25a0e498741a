"""The submission journal: every submission recorded before and after it is sent.

Nothing is lost (a crash leaves the intent and the payload in the journal; :meth:`Journal.resume`
finishes the work) and nothing is sent twice (an entry whose outcome is unknown is reconciled with
the remote side before it may be sent again).
"""

from demat_sdk.journal.entries import EntryState, JournalEntry, Outcome, Verdict, VerdictKind
from demat_sdk.journal.journal import Handler, Journal, ResumeReport, state_after
from demat_sdk.journal.store import JournalStore, SqliteJournalStore

__all__ = [
    "EntryState",
    "Handler",
    "Journal",
    "JournalEntry",
    "JournalStore",
    "Outcome",
    "ResumeReport",
    "SqliteJournalStore",
    "Verdict",
    "VerdictKind",
    "state_after",
]
