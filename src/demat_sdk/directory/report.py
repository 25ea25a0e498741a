"""What an import tells its caller: progress while it runs, a report when it ends."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from demat_sdk.directory.records import ExportKind
from demat_sdk.errors import DirectoryImportError, InvalidRequestError

__all__ = [
    "DirectoryInfo",
    "ImportIssue",
    "ImportPhase",
    "ImportProgress",
    "ImportReport",
    "IssueLog",
    "ProgressCallback",
    "TableCounts",
]


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """A row of an export that was refused, and why.

    Attributes:
        source: the file (``"annuaire.zip!structures.csv"`` for a member of an archive).
        line: the line of the row in that file (the header is line 1).
        column: the column at fault (its name in the header), or ``None`` for the whole row.
        message: what is wrong, naming the value.
        kind: the file's kind, when it was known.
    """

    source: str
    line: int
    column: str | None
    message: str
    kind: ExportKind | None = None

    @property
    def location(self) -> str:
        """``"<source>, line <n>[, column <name>]"``."""
        column = f", column {self.column}" if self.column else ""
        return f"{self.source}, line {self.line}{column}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class IssueLog:
    """The refused rows of one import; raises once there are more than ``max_errors``."""

    def __init__(self, max_errors: int) -> None:
        if max_errors < 0:
            raise InvalidRequestError("max_errors must be 0 or more", field="max_errors")
        self.max_errors = max_errors
        self.issues: list[ImportIssue] = []

    def add(self, issue: ImportIssue) -> None:
        """Record a refused row; fail the import when the limit is passed."""
        self.issues.append(issue)
        if len(self.issues) > self.max_errors:
            problems = [(found.location, found.message) for found in self.issues]
            raise DirectoryImportError(
                f"{issue.message} — more than {self.max_errors} refused row(s), "
                "import abandoned, the directory is unchanged",
                source=issue.source,
                line=issue.line,
                column=issue.column,
                problems=problems,
            )

    def refused(self, kind: ExportKind) -> int:
        """How many rows of that kind were refused."""
        return sum(1 for issue in self.issues if issue.kind is kind)


class ImportPhase(str, enum.Enum):
    """Where an import stands."""

    READING = "reading"
    MERGING = "merging"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """A progress report, given to the ``progress`` callback of an import.

    Attributes:
        phase: reading a file, merging what was read into the directory, or done.
        source: the file being read (empty once reading is over).
        kind: that file's kind, once its header was read.
        rows: data rows read so far from that file.
        bytes_read: bytes read so far from that file (uncompressed).
        bytes_total: the file's size (uncompressed) when known.
    """

    phase: ImportPhase
    source: str = ""
    kind: ExportKind | None = None
    rows: int = 0
    bytes_read: int = 0
    bytes_total: int | None = None

    @property
    def fraction(self) -> float | None:
        """Share of the file read (0 to 1), when its size is known."""
        if not self.bytes_total:
            return None
        return min(1.0, self.bytes_read / self.bytes_total)


ProgressCallback = Callable[[ImportProgress], None]
"""Called during an import; raising from it cancels the import (nothing is changed)."""


@dataclass(frozen=True, slots=True)
class TableCounts:
    """What an import did to the structures or to the services.

    Attributes:
        rows: data rows read from the files of that kind.
        refused: rows refused (see the report's issues); the others are added, updated or
            unchanged.
        added: rows new to the directory.
        updated: rows that existed and changed (a withdrawn row listed again counts here).
        unchanged: rows that existed as they are.
        withdrawn: rows of the directory the export no longer lists, now marked withdrawn.
    """

    rows: int = 0
    refused: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcome of an import that was committed.

    Attributes:
        imported_at: the date of the import (also the ``withdrawn_on`` of what it withdrew).
        sources: the files read, in order.
        structures: counts for the structures, or ``None`` when no structures file was read.
        services: counts for the services, or ``None`` when no services file was read.
        issues: the refused rows, by file and line.
        seconds: how long the import took.
    """

    imported_at: datetime
    sources: tuple[str, ...]
    structures: TableCounts | None
    services: TableCounts | None
    issues: tuple[ImportIssue, ...]
    seconds: float

    @property
    def clean(self) -> bool:
        """Every row was imported."""
        return not self.issues


@dataclass(frozen=True, slots=True)
class DirectoryInfo:
    """What a directory holds.

    Attributes:
        location: the SQLite file (or ``":memory:"``).
        structures: number of structures (withdrawn ones included).
        structures_active: structures active and still listed.
        services: number of services (withdrawn ones included).
        services_active: services active and still listed.
        last_import: date of the last import, ``None`` before the first one.
        last_sources: the files of the last import.
    """

    location: str
    structures: int
    structures_active: int
    services: int
    services_active: int
    last_import: datetime | None
    last_sources: tuple[str, ...]
