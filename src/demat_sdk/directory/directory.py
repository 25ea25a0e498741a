"""The :class:`Directory`: import the Chorus Pro export, look addressees up, review codes."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from datetime import date, datetime, timezone
from pathlib import Path
from types import TracebackType

from demat_sdk._text import search_key
from demat_sdk.directory.archive import ArchiveLimits, decode_download, sources_of
from demat_sdk.directory.first_names import FIRST_NAMES
from demat_sdk.directory.hygiene import (
    MAX_CODES_WITHOUT_ENGAGEMENT,
    HygieneReport,
    build_hygiene_report,
)
from demat_sdk.directory.importing import run_import
from demat_sdk.directory.records import Routing, Service, Structure
from demat_sdk.directory.report import DirectoryInfo, ImportReport, ProgressCallback
from demat_sdk.directory.sqlite import SQLiteStore
from demat_sdk.directory.store import DirectoryStore
from demat_sdk.errors import InvalidRequestError
from demat_sdk.identifiers import siret_problem

__all__ = ["MAX_ERRORS", "MAX_LIMIT", "Directory"]

MAX_ERRORS = 1000
"""Default number of refused rows an import tolerates before it is abandoned."""

MAX_LIMIT = 10_000
"""Largest ``limit`` a search accepts."""

# The base64 of the zip and gzip signatures: such bytes are the answer's text, not yet decoded.
_BASE64_OF_ARCHIVES = (b"UEsD", b"H4sI")


class Directory:
    """The public-entity directory, offline: the Chorus Pro export in a local store.

    Open one with :meth:`open` (SQLite, the embedded default) or wrap another
    :class:`~demat_sdk.directory.store.DirectoryStore`. A directory is a context manager; it is
    safe to share between threads.

    Example::

        with Directory.open("annuaire.sqlite3") as annuaire:
            annuaire.import_export("structures.csv", "services.csv")
            rules = annuaire.routing("11000201100044", "FACTURES_PUBLIQUES")

    Args:
        store: where the directory lives.
    """

    def __init__(self, store: DirectoryStore) -> None:
        self.store = store

    @classmethod
    def open(
        cls, location: str | os.PathLike[str] = ":memory:", *, read_only: bool = False
    ) -> Directory:
        """A directory in a SQLite file (created when missing) or in memory.

        Args:
            location: the file, or ``":memory:"`` (the default: gone when closed).
            read_only: open an existing file for lookups only (imports are refused).

        Raises:
            DirectoryError: the file cannot be used as a directory (see
                :class:`~demat_sdk.directory.sqlite.SQLiteStore`).
        """
        location = location if location == ":memory:" else Path(location)
        return cls(SQLiteStore(location, read_only=read_only))

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    def __enter__(self) -> Directory:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- imports --------------------------------------------------------------------------

    def import_export(
        self,
        *files: str | os.PathLike[str],
        encoding: str = "utf-8",
        snapshot: bool = True,
        max_errors: int = MAX_ERRORS,
        progress: ProgressCallback | None = None,
        limits: ArchiveLimits | None = None,
        imported_at: datetime | None = None,
    ) -> ImportReport:
        """Import files of the Chorus Pro directory export, in one transaction.

        Each file is a structures or a services CSV file (told apart by its header), a zip
        archive holding such files, or a gzipped one. Rows are added or updated when they
        changed; unchanged rows are not rewritten, so a weekly refresh writes little.

        Args:
            files: the files, in any order.
            encoding: the files' encoding: UTF-8 (with or without byte-order mark) by default;
                ``"cp1252"`` or ``"latin-1"`` for files re-saved by a spreadsheet.
            snapshot: the files are the whole export (the default): the structures (services)
                no longer listed are marked withdrawn (``withdrawn_on``), provided a structures
                (services) file was read. ``False`` for a partial file: nothing is withdrawn.
            max_errors: refused rows tolerated; one more abandons the import. ``0`` makes any
                bad row fatal.
            progress: called while files are read (every 20,000 rows) and between phases;
                raising from it cancels the import.
            limits: limits on archives (see :class:`ArchiveLimits`).
            imported_at: the date of the import (now, by default).

        Returns:
            What the import did, with the refused rows by file and line.

        Raises:
            DirectoryImportError: a file cannot be read, or too many rows were refused; the
                directory is left exactly as it was.
        """
        if not files:
            raise InvalidRequestError("no file to import", field="files")
        limits = limits or ArchiveLimits()
        sources = [
            source
            for file in files
            for source in sources_of(Path(file), name=str(file), limits=limits)
        ]
        return run_import(
            self.store,
            sources,
            encoding=encoding,
            snapshot=snapshot,
            max_errors=max_errors,
            progress=progress,
            imported_at=imported_at or datetime.now(timezone.utc),
        )

    def import_download(
        self,
        fichier_resultat: str | bytes,
        *,
        encoding: str = "utf-8",
        snapshot: bool = True,
        max_errors: int = MAX_ERRORS,
        progress: ProgressCallback | None = None,
        limits: ArchiveLimits | None = None,
        imported_at: datetime | None = None,
    ) -> ImportReport:
        """Import the file returned by ``telechargerAnnuaireDestinataire``.

        Args:
            fichier_resultat: the answer's ``fichierResultat`` as received (base64 text, as
                ``str`` or ``bytes``), or the decoded bytes. A zip archive of the export's CSV
                files is expected; a gzipped or plain CSV file is accepted too; XML is refused
                (see :mod:`demat_sdk.directory.archive` for what is assumed).
            encoding: see :meth:`import_export`.
            snapshot: see :meth:`import_export`.
            max_errors: see :meth:`import_export`.
            progress: see :meth:`import_export`.
            limits: limits on the download and the archive.
            imported_at: see :meth:`import_export`.

        Raises:
            DirectoryImportError: not base64, not a supported file, over the limits, or too many
                refused rows; the directory is left exactly as it was.
        """
        limits = limits or ArchiveLimits()
        if isinstance(fichier_resultat, str):
            content = decode_download(fichier_resultat, limits)
        elif fichier_resultat[:4] in _BASE64_OF_ARCHIVES:
            content = decode_download(fichier_resultat.decode("ascii", "replace"), limits)
        else:
            content = bytes(fichier_resultat)
        sources = sources_of(content, name="telechargerAnnuaireDestinataire", limits=limits)
        return run_import(
            self.store,
            sources,
            encoding=encoding,
            snapshot=snapshot,
            max_errors=max_errors,
            progress=progress,
            imported_at=imported_at or datetime.now(timezone.utc),
        )

    # --- lookups --------------------------------------------------------------------------

    def structure(self, siret: str) -> Structure | None:
        """The structure with this SIRET, or ``None`` when the directory does not list it.

        Spaces in ``siret`` are ignored. Withdrawn structures are returned (see
        :attr:`Structure.withdrawn_on`).

        Raises:
            InvalidRequestError: ``siret`` is not a valid SIRET (length, checksum).
        """
        return self.store.structure(_siret(siret))

    def structures_by_name(
        self,
        name: str,
        *,
        contains: bool = False,
        active_only: bool = False,
        limit: int = 20,
    ) -> list[Structure]:
        """Structures by name, ignoring case, accents and punctuation, sorted by name.

        Args:
            name: the start of the name (``"centre hosp"``), or with ``contains`` words that must
                all appear in it, in any order (``"nantes chu"``).
            contains: search words anywhere (reads every name: slower than a prefix search).
            active_only: leave out inactive and withdrawn structures.
            limit: most structures returned (1 to 10,000).

        Raises:
            InvalidRequestError: ``name`` has no letter or digit, or ``limit`` is out of range.
        """
        key = search_key(name)
        if not key:
            raise InvalidRequestError("a name to search needs a letter or a digit", field="name")
        return self.store.structures_by_name(
            key, contains=contains, active_only=active_only, limit=_limit(limit)
        )

    def structures_by_postcode(
        self, code_postal: str, *, active_only: bool = False, limit: int = 100
    ) -> list[Structure]:
        """Structures of a postcode, sorted by name.

        Raises:
            InvalidRequestError: empty postcode, or ``limit`` out of range.
        """
        code_postal = code_postal.strip()
        if not code_postal:
            raise InvalidRequestError("empty postcode", field="code_postal")
        return self.store.structures_by_postcode(
            code_postal, active_only=active_only, limit=_limit(limit)
        )

    def services(self, siret: str, *, active_only: bool = False) -> list[Service]:
        """The services (codes service) of a structure, sorted by code.

        Raises:
            InvalidRequestError: ``siret`` is not a valid SIRET.
        """
        return self.store.services(_siret(siret), active_only=active_only)

    def service(self, siret: str, code_service: str) -> Service | None:
        """One service of a structure, or ``None``.

        Raises:
            InvalidRequestError: ``siret`` is not a valid SIRET, or ``code_service`` is empty.
        """
        return self.store.service(_siret(siret), _code(code_service))

    def services_by_code(
        self, code_service: str, *, active_only: bool = False, limit: int = 100
    ) -> list[Service]:
        """Services with this code, in any structure, sorted by SIRET.

        Raises:
            InvalidRequestError: empty ``code_service``, or ``limit`` out of range.
        """
        return self.store.services_by_code(
            _code(code_service), active_only=active_only, limit=_limit(limit)
        )

    def routing(self, siret: str, code_service: str | None = None) -> Routing | None:
        """The routing rules of an addressee: what an invoice to it must carry.

        Args:
            siret: the structure.
            code_service: the code service the invoice would carry, if any; the answer then
                holds that service (or ``None`` when the structure has no such code).

        Returns:
            The rules, or ``None`` when the directory does not list the structure.

        Raises:
            InvalidRequestError: ``siret`` is not a valid SIRET, or ``code_service`` is empty.
        """
        identifiant = _siret(siret)
        structure = self.store.structure(identifiant)
        if structure is None:
            return None
        if code_service is None:
            return Routing(structure)
        code = _code(code_service)
        return Routing(structure, code, self.store.service(identifiant, code))

    def hygiene(
        self,
        siret: str,
        *,
        invoices: Iterable[tuple[str, date | None]] | None = None,
        first_names: Collection[str] = FIRST_NAMES,
        max_codes_without_engagement: int = MAX_CODES_WITHOUT_ENGAGEMENT,
    ) -> HygieneReport | None:
        """The hygiene report of a structure's codes service (see :mod:`.hygiene`).

        Args:
            siret: the structure.
            invoices: its invoices as ``(code service, date)`` pairs, to flag the inactive
                codes still receiving some (and codes unknown to the directory).
            first_names: first names for the nominative-code heuristic.
            max_codes_without_engagement: threshold of the "too many codes without engagement"
                finding (10 by default).

        Returns:
            The report, or ``None`` when the directory does not list the structure.

        Raises:
            InvalidRequestError: ``siret`` is not a valid SIRET.
        """
        identifiant = _siret(siret)
        structure = self.store.structure(identifiant)
        if structure is None:
            return None
        return build_hygiene_report(
            structure,
            self.store.services(identifiant, active_only=False),
            invoices=invoices,
            first_names=first_names,
            max_codes_without_engagement=max_codes_without_engagement,
        )

    def info(self) -> DirectoryInfo:
        """What the directory holds, and its last import."""
        return self.store.info()


def _siret(value: str) -> str:
    siret = value.replace(" ", "")
    problem = siret_problem(siret)
    if problem is not None:
        raise InvalidRequestError(problem, field="siret")
    return siret


def _code(value: str) -> str:
    code = value.strip()
    if not code:
        raise InvalidRequestError("empty code service", field="code_service")
    return code


def _limit(value: int) -> int:
    if not 1 <= value <= MAX_LIMIT:
        raise InvalidRequestError(f"limit must be from 1 to {MAX_LIMIT:,}", field="limit")
    return value
