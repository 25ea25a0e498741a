"""The public-entity directory (annuaire), offline: the Chorus Pro export in a local store.

* :class:`Directory` — import the export (structures and services CSV files, zipped or not, or the
  file of ``telechargerAnnuaireDestinataire``), look up by SIRET, name, postcode or code service,
  get the routing rules of an addressee, review a structure's codes service.
* Records: :class:`Structure`, :class:`Service`, :class:`Routing`, :class:`RoutingRequirement`.
* Imports: :class:`ImportReport`, :class:`ImportIssue`, :class:`ImportProgress`,
  :class:`ArchiveLimits`; errors :class:`~demat_sdk.errors.DirectoryImportError` (the directory is
  then unchanged) and :class:`~demat_sdk.errors.DirectoryError`.
* Hygiene: :class:`HygieneReport`, :class:`HygieneFinding`, :class:`FindingKind`.
* Storage: :class:`DirectoryStore` (the interface), :class:`SQLiteStore` (the embedded default).
* :mod:`demat_sdk.directory.synthetic` writes synthetic exports (valid SIRETs) for tests and
  benchmarks.

The guide (in French) is ``docs/annuaire.md``.
"""

from demat_sdk.directory.archive import ArchiveLimits
from demat_sdk.directory.directory import MAX_ERRORS, Directory
from demat_sdk.directory.hygiene import (
    FindingKind,
    HygieneFinding,
    HygieneReport,
    nominative_reason,
)
from demat_sdk.directory.records import (
    FACTURES_PUBLIQUES,
    ExportKind,
    Routing,
    RoutingRequirement,
    Service,
    Structure,
)
from demat_sdk.directory.report import (
    DirectoryInfo,
    ImportIssue,
    ImportPhase,
    ImportProgress,
    ImportReport,
    ProgressCallback,
    TableCounts,
)
from demat_sdk.directory.sqlite import SQLiteStore
from demat_sdk.directory.store import DirectoryStore, ImportSession
from demat_sdk.errors import DirectoryError, DirectoryImportError

__all__ = [
    "FACTURES_PUBLIQUES",
    "MAX_ERRORS",
    "ArchiveLimits",
    "Directory",
    "DirectoryError",
    "DirectoryImportError",
    "DirectoryInfo",
    "DirectoryStore",
    "ExportKind",
    "FindingKind",
    "HygieneFinding",
    "HygieneReport",
    "ImportIssue",
    "ImportPhase",
    "ImportProgress",
    "ImportReport",
    "ImportSession",
    "ProgressCallback",
    "Routing",
    "RoutingRequirement",
    "SQLiteStore",
    "Service",
    "Structure",
    "TableCounts",
    "nominative_reason",
]
