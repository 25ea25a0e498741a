"""The storage interface of the directory: what a backend must offer to :class:`Directory`.

:class:`~demat_sdk.directory.sqlite.SQLiteStore` is the embedded default. Another backend (a
server database shared by several hosts, say) implements :class:`DirectoryStore` and
:class:`ImportSession`; the import logic (reading the export, refusing bad rows, progress,
reports) and the lookups' argument checks stay in :class:`~demat_sdk.directory.Directory`.

Contract of an import session: everything staged and merged in one session becomes visible at
once when the session's context exits normally, and nothing of it when it exits with an exception.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from demat_sdk.directory.records import ExportKind, Service, Structure
from demat_sdk.directory.report import DirectoryInfo, TableCounts

__all__ = ["DirectoryStore", "Duplicate", "ImportSession", "StagedRow"]

StagedRow = tuple[int, int, Structure | Service]
"""``(source index, line, record)``: a row read from the ``source index``-th file of an import."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A row staged twice (same SIRET, or same SIRET and code service): the first one is kept.

    Attributes:
        kind: structures or services.
        key: the SIRET, or ``"SIRET/code"``.
        kept: ``(source index, line)`` of the row kept.
        dropped: ``(source index, line)`` of each later row with the same key.
        handles: the store's own references to the dropped rows (left out of the merge).
    """

    kind: ExportKind
    key: str
    kept: tuple[int, int]
    dropped: tuple[tuple[int, int], ...]
    handles: tuple[object, ...] = ()


class ImportSession(Protocol):
    """One import, in one transaction: rows are staged, then merged into the directory."""

    def stage(self, kind: ExportKind, rows: Iterable[StagedRow]) -> None:
        """Stage rows of one kind (a later row with the key of a staged one is a duplicate)."""

    def duplicates(self) -> Sequence[Duplicate]:
        """The duplicated keys among the staged rows (called once all rows are staged)."""

    def merge(
        self, kinds: Collection[ExportKind], *, withdraw_missing: bool
    ) -> dict[ExportKind, TableCounts]:
        """Merge the staged rows of ``kinds`` into the directory and count what changed.

        Of the rows staged with one key, only the first is merged. New rows are added,
        changed rows updated, identical rows left alone. With
        ``withdraw_missing``, rows of those kinds that were not staged get ``withdrawn_on`` set to
        the session's date (rows already withdrawn keep theirs). ``TableCounts.rows`` and
        ``refused`` are left to the caller.
        """

    def record_import(self, sources: Sequence[str]) -> None:
        """Remember the date and files of this import (see :meth:`DirectoryStore.info`)."""


class DirectoryStore(Protocol):
    """Where the directory lives, and its indexed queries.

    Arguments are already checked and normalised by :class:`~demat_sdk.directory.Directory`
    (SIRET without spaces, ``name_key`` as made by ``search_key``).
    """

    def structure(self, identifiant: str) -> Structure | None:
        """The structure with this identifier."""

    def structures_by_name(
        self, name_key: str, *, contains: bool, active_only: bool, limit: int
    ) -> list[Structure]:
        """Structures whose name key starts with ``name_key``, by name key.

        With ``contains``, structures whose name key holds every word of ``name_key``.
        """

    def structures_by_postcode(
        self, code_postal: str, *, active_only: bool, limit: int
    ) -> list[Structure]:
        """Structures of a postcode, by name key."""

    def services(self, identifiant: str, *, active_only: bool) -> list[Service]:
        """The services of a structure, by code."""

    def service(self, identifiant: str, code: str) -> Service | None:
        """One service of a structure."""

    def services_by_code(self, code: str, *, active_only: bool, limit: int) -> list[Service]:
        """Services with this code, in any structure, by identifier."""

    def info(self) -> DirectoryInfo:
        """Counts and last import."""

    def begin_import(
        self, imported_at: datetime
    ) -> contextlib.AbstractContextManager[ImportSession]:
        """Start an import session (committed on normal exit, rolled back on an exception)."""

    def close(self) -> None:
        """Release the storage."""
