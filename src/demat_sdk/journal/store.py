"""Where the journal keeps its entries: a storage interface and its SQLite implementation.

SQLite is the embedded default: one file, write-ahead log, every change committed and synced
before the call returns, so that an intent recorded before sending survives a crash of the
process or of the machine. Another backend (PostgreSQL…) implements :class:`JournalStore`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from demat_sdk._locks import lock_at_once
from demat_sdk.errors import ConfigurationError
from demat_sdk.journal.entries import EntryState, JournalEntry

__all__ = ["JournalStore", "SqliteJournalStore"]


class JournalStore(Protocol):
    """Durable storage of journal entries. Every method commits before it returns."""

    def add(
        self,
        *,
        kind: str,
        key: str,
        digest: str,
        payload: bytes | None,
        meta: dict[str, Any],
        now: str,
    ) -> tuple[JournalEntry, bool]:
        """Record a new ``PENDING`` entry, or return the existing one with that kind and key.

        Returns the entry and whether it was created now.
        """
        ...

    def get(self, entry_id: int) -> JournalEntry:
        """The entry with this id (``KeyError`` if none)."""
        ...

    def find(self, kind: str, key: str) -> JournalEntry | None:
        """The entry with this kind and key, if any."""
        ...

    def save(self, entry: JournalEntry) -> JournalEntry:
        """Write the mutable fields of ``entry`` (state, attempts, reference, result, error…)."""
        ...

    def renew(
        self, entry_id: int, *, digest: str, payload: bytes | None, meta: dict[str, Any], now: str
    ) -> JournalEntry:
        """Give an entry that never took effect a new content: ``NOT_SENT``, no outcome kept."""
        ...

    def entries(
        self, *, states: Iterable[EntryState] | None = None, kind: str | None = None
    ) -> list[JournalEntry]:
        """Entries in id order, optionally only those in ``states`` and of ``kind``."""
        ...

    def close(self) -> None:
        """Release the storage."""
        ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS journal_entry (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    digest      TEXT NOT NULL,
    state       TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    payload     BLOB,
    meta        TEXT NOT NULL DEFAULT '{}',
    reference   TEXT,
    result      TEXT,
    error       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    last_attempt_at TEXT,
    UNIQUE (kind, key)
);
CREATE INDEX IF NOT EXISTS journal_entry_state ON journal_entry (state);
"""

_SELECT = (
    "SELECT id, kind, key, digest, state, attempts, payload, meta, reference, result, error, "
    "created_at, updated_at, last_attempt_at FROM journal_entry"
)


class SqliteJournalStore:
    """A :class:`JournalStore` in one SQLite file (WAL, synchronous=FULL), safe across threads.

    Args:
        path: the database file (created if missing), or ``":memory:"`` for tests.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        in_file = self.path not in ("", ":memory:") and not self.path.startswith("file:")
        held = _hold(Path(self.path)) if in_file else None
        # Released by close(), or by the garbage collector with a store never closed.
        self._release = weakref.finalize(self, os.close, held) if held is not None else None
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(journal_entry)")}
            if "last_attempt_at" not in columns:  # a file written before the column existed
                self._db.execute("ALTER TABLE journal_entry ADD COLUMN last_attempt_at TEXT")
        except BaseException:
            if self._release is not None:
                self._release()
            raise

    def __repr__(self) -> str:
        return f"SqliteJournalStore({self.path!r})"

    def add(
        self,
        *,
        kind: str,
        key: str,
        digest: str,
        payload: bytes | None,
        meta: dict[str, Any],
        now: str,
    ) -> tuple[JournalEntry, bool]:
        """Record a new ``PENDING`` entry, or return the existing one with that kind and key."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute(
                    _SELECT + " WHERE kind = ? AND key = ?",
                    (kind, key),
                ).fetchone()
                if row is not None:
                    self._db.execute("COMMIT")
                    return _entry(row), False
                cursor = self._db.execute(
                    "INSERT INTO journal_entry (kind, key, digest, state, payload, meta, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        kind,
                        key,
                        digest,
                        EntryState.PENDING.value,
                        payload,
                        json.dumps(meta),
                        now,
                        now,
                    ),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return self.get(int(cursor.lastrowid or 0)), True

    def get(self, entry_id: int) -> JournalEntry:
        """The entry with this id (``KeyError`` if none)."""
        with self._lock:
            row = self._db.execute(
                _SELECT + " WHERE id = ?",
                (entry_id,),
            ).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _entry(row)

    def find(self, kind: str, key: str) -> JournalEntry | None:
        """The entry with this kind and key, if any."""
        with self._lock:
            row = self._db.execute(
                _SELECT + " WHERE kind = ? AND key = ?",
                (kind, key),
            ).fetchone()
        return None if row is None else _entry(row)

    def save(self, entry: JournalEntry) -> JournalEntry:
        """Write the mutable fields of ``entry``."""
        with self._lock:
            self._db.execute(
                "UPDATE journal_entry SET state = ?, attempts = ?, meta = ?, reference = ?, "
                "result = ?, error = ?, updated_at = ?, last_attempt_at = ? WHERE id = ?",
                (
                    entry.state.value,
                    entry.attempts,
                    json.dumps(entry.meta),
                    entry.reference,
                    None if entry.result is None else json.dumps(entry.result),
                    entry.error,
                    entry.updated_at,
                    entry.last_attempt_at,
                    entry.id,
                ),
            )
        return entry

    def renew(
        self, entry_id: int, *, digest: str, payload: bytes | None, meta: dict[str, Any], now: str
    ) -> JournalEntry:
        """Give an entry that never took effect a new content: ``NOT_SENT``, no outcome kept."""
        with self._lock:
            self._db.execute(
                "UPDATE journal_entry SET digest = ?, payload = ?, meta = ?, state = ?, "
                "reference = NULL, result = NULL, error = NULL, updated_at = ? WHERE id = ?",
                (digest, payload, json.dumps(meta), EntryState.NOT_SENT.value, now, entry_id),
            )
        return self.get(entry_id)

    def entries(
        self, *, states: Iterable[EntryState] | None = None, kind: str | None = None
    ) -> list[JournalEntry]:
        """Entries in id order, optionally filtered by state and kind."""
        clauses: list[str] = []
        params: list[Any] = []
        if states is not None:
            wanted: Sequence[str] = [state.value for state in states]
            clauses.append(f"state IN ({', '.join('?' for _ in wanted)})")
            params.extend(wanted)
        if kind is not None:
            clauses.append("kind = ?")
            params.append(kind)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        query = f"{_SELECT}{where} ORDER BY id"
        with self._lock:
            rows = self._db.execute(
                query,
                params,
            ).fetchall()
        return [_entry(row) for row in rows]

    def close(self) -> None:
        """Close the database, and let another journal open the file."""
        with self._lock:
            self._db.close()
            if self._release is not None:
                self._release()


def _entry(row: Sequence[Any]) -> JournalEntry:
    (
        entry_id,
        kind,
        key,
        digest,
        state,
        attempts,
        payload,
        meta,
        reference,
        result,
        error,
        created_at,
        updated_at,
        last_attempt_at,
    ) = row
    return JournalEntry(
        id=entry_id,
        kind=kind,
        key=key,
        digest=digest,
        state=EntryState(state),
        attempts=attempts,
        payload=payload,
        meta=json.loads(meta),
        reference=reference,
        result=None if result is None else json.loads(result),
        error=error,
        created_at=created_at,
        updated_at=updated_at,
        last_attempt_at=last_attempt_at,
    )


def _hold(database: Path) -> int | None:
    """Take the file's lock (``<file>.lock`` beside it) for this store alone, or refuse.

    Two journals sending through one file would each take the other's entries in flight for
    interrupted ones and resend them: one journal at a time, in this process or another.

    Returns:
        The descriptor holding the lock (``None`` where locks do not exist).
    """
    if lock_at_once is None:  # pragma: no cover - Windows: documented, not enforced
        return None
    lock = database.with_name(database.name + ".lock")
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        lock_at_once(descriptor)
    except BlockingIOError:
        os.close(descriptor)
        raise ConfigurationError(
            f"{database} is already open by another journal, in this process or another: "
            "one journal at a time sends through a file (close the other first)"
        ) from None
    return descriptor
