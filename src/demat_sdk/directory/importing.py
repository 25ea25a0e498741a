"""One import of export files into a store: read, stage, refuse bad rows, merge, report."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator, Sequence
from datetime import datetime

from demat_sdk.directory.archive import CountingReader, CsvSource
from demat_sdk.directory.export import ExportReader, check_encoding
from demat_sdk.directory.records import ExportKind
from demat_sdk.directory.report import (
    ImportIssue,
    ImportPhase,
    ImportProgress,
    ImportReport,
    IssueLog,
    ProgressCallback,
    TableCounts,
)
from demat_sdk.directory.store import DirectoryStore, Duplicate, StagedRow

__all__ = ["PROGRESS_EVERY", "run_import"]

PROGRESS_EVERY = 20_000
"""Rows between two progress reports while a file is read."""

_READ_BUFFER = 1024 * 1024


def run_import(
    store: DirectoryStore,
    sources: Sequence[CsvSource],
    *,
    encoding: str,
    snapshot: bool,
    max_errors: int,
    progress: ProgressCallback | None,
    imported_at: datetime,
) -> ImportReport:
    """Import ``sources`` into ``store`` in one transaction (see ``Directory.import_export``)."""
    started = time.perf_counter()
    codec = check_encoding(encoding)
    log = IssueLog(max_errors)
    names = [source.name for source in sources]
    staged: dict[ExportKind, int] = {}
    with store.begin_import(imported_at) as session:
        for index, source in enumerate(sources):
            with source.open() as raw:
                reader = ExportReader(
                    io.BufferedReader(raw, buffer_size=_READ_BUFFER),
                    source=source.name,
                    encoding=codec,
                    issues=log,
                )
                counter = _Counter()
                session.stage(reader.kind, _tracked(reader, index, raw, source, progress, counter))
                staged[reader.kind] = staged.get(reader.kind, 0) + counter.rows
        for duplicate in session.duplicates():
            for issue in _duplicate_issues(duplicate, names):
                log.add(issue)
        _notify(progress, ImportProgress(ImportPhase.MERGING))
        merged = session.merge(list(staged), withdraw_missing=snapshot)
        session.record_import(names)
    _notify(progress, ImportProgress(ImportPhase.DONE))
    counts = {
        kind: _complete(merged[kind], rows=staged[kind], log=log, kind=kind) for kind in staged
    }
    order = {name: position for position, name in enumerate(names)}
    return ImportReport(
        imported_at=imported_at,
        sources=tuple(names),
        structures=counts.get(ExportKind.STRUCTURES),
        services=counts.get(ExportKind.SERVICES),
        issues=tuple(sorted(log.issues, key=lambda issue: (order[issue.source], issue.line))),
        seconds=time.perf_counter() - started,
    )


class _Counter:
    rows = 0


def _tracked(
    reader: ExportReader,
    index: int,
    raw: CountingReader,
    source: CsvSource,
    progress: ProgressCallback | None,
    counter: _Counter,
) -> Iterator[StagedRow]:
    """The reader's rows as staged rows, counted, with a progress report now and then."""
    rows = 0
    for line, record in reader.rows():
        yield index, line, record
        rows += 1
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress(
                ImportProgress(
                    ImportPhase.READING, source.name, reader.kind, rows, raw.consumed, source.size
                )
            )
    counter.rows = rows
    _notify(
        progress,
        ImportProgress(
            ImportPhase.READING, source.name, reader.kind, rows, raw.consumed, source.size
        ),
    )


def _notify(progress: ProgressCallback | None, report: ImportProgress) -> None:
    if progress is not None:
        progress(report)


def _duplicate_issues(duplicate: Duplicate, names: Sequence[str]) -> Iterator[ImportIssue]:
    """Each repetition of a key, as a refused row (the first row of the key is kept)."""
    kept_source, kept_line = duplicate.kept
    what = "SIRET" if duplicate.kind is ExportKind.STRUCTURES else "SIRET and code service"
    column = "Identifiant" if duplicate.kind is ExportKind.STRUCTURES else "Code"
    for source, line in duplicate.dropped:
        where = f"line {kept_line}" + (f" of {names[kept_source]}" if kept_source != source else "")
        yield ImportIssue(
            names[source],
            line,
            column,
            f"same {what} {duplicate.key} as {where}, which is kept",
            duplicate.kind,
        )


def _complete(merged: TableCounts, *, rows: int, log: IssueLog, kind: ExportKind) -> TableCounts:
    refused = log.refused(kind)
    duplicates = rows - (merged.added + merged.updated + merged.unchanged)
    return TableCounts(
        rows=rows + refused - duplicates,
        refused=refused,
        added=merged.added,
        updated=merged.updated,
        unchanged=merged.unchanged,
        withdrawn=merged.withdrawn,
    )
