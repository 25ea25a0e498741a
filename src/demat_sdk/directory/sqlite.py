"""The embedded backend of the directory: one SQLite file (or ``:memory:``).

Layout: ``structure`` (key: identifier) and ``service`` (key: identifier and code) are
``WITHOUT ROWID`` tables, so a lookup by key reads one B-tree; indexes on the name key, on
(postcode, name key) and on (code, identifier) serve the other lookups without sorting. The file
is in WAL mode: readers (other processes included) go on reading the previous directory while an
import runs, and see the new one at once when it commits.

An import stages the rows in temporary tables (the first row of a key is kept, later ones are
noted as duplicates), then merges them with three set-based statements: insert-or-update where
something differs, mark withdrawn what was not staged. Unchanged rows are not written.

SQL text is assembled only from this module's own table and column names (hence the ``S608``
exemptions); values always travel as bound parameters.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, Final

from demat_sdk._text import search_key
from demat_sdk.chorus.enums import TypeIdentifiantStructure
from demat_sdk.directory.records import ExportKind, Service, Structure
from demat_sdk.directory.report import DirectoryInfo, TableCounts
from demat_sdk.directory.store import Duplicate, StagedRow
from demat_sdk.errors import DirectoryError

__all__ = ["SQLiteStore"]

SCHEMA_VERSION: Final = 1
_APPLICATION_ID: Final = 0x444D4154  # "DMAT"
_ADDRESS = (
    "adresse",
    "complement_adresse1",
    "complement_adresse2",
    "code_postal",
    "ville",
    "num_telephone",
    "courriel",
    "code_pays",
    "libelle_pays",
)
_STRUCTURE_FIELDS: Final = (
    "identifiant",
    "type_identifiant",
    "raison_sociale",
    "emetteur_edi",
    "recepteur_edi",
    "gestion_statut_mise_en_paiement",
    "gestion_engagement",
    "gestion_service",
    "gestion_service_engagement",
    "est_moa",
    "est_moa_uniquement",
    "structure_active",
    *_ADDRESS,
)
_SERVICE_FIELDS: Final = (
    "identifiant",
    "code",
    "nom",
    "raison_sociale",
    "gestion_egmt",
    "service_actif",
    *_ADDRESS,
)


def _columns_sql(fields: Sequence[str], booleans: Collection[str]) -> str:
    return ",\n    ".join(
        f"{name} INTEGER NOT NULL" if name in booleans else f"{name} TEXT NOT NULL"
        for name in fields
    )


_STRUCTURE_BOOLEANS = frozenset(_STRUCTURE_FIELDS[3:12])
_SERVICE_BOOLEANS = frozenset({"gestion_egmt", "service_actif"})
_SCHEMA: Final = f"""
CREATE TABLE structure (
    {_columns_sql(_STRUCTURE_FIELDS, _STRUCTURE_BOOLEANS)},
    nom_cle TEXT NOT NULL,
    withdrawn_on TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (identifiant)
) WITHOUT ROWID;
CREATE INDEX structure_by_name ON structure (nom_cle);
CREATE INDEX structure_by_postcode ON structure (code_postal, nom_cle);
CREATE TABLE service (
    {_columns_sql(_SERVICE_FIELDS, _SERVICE_BOOLEANS)},
    withdrawn_on TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (identifiant, code)
) WITHOUT ROWID;
CREATE INDEX service_by_code ON service (code, identifiant);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
PRAGMA user_version = {SCHEMA_VERSION};
PRAGMA application_id = {_APPLICATION_ID};
"""


class _Table:
    """How one kind of record is stored: its table, columns, key and staging table."""

    def __init__(
        self, kind: ExportKind, name: str, fields: Sequence[str], key: Sequence[str]
    ) -> None:
        self.kind = kind
        self.name = name
        self.fields = tuple(fields)
        self.key = tuple(key)
        self.stored = (*self.fields, "nom_cle") if kind is ExportKind.STRUCTURES else self.fields
        self.staging = f"temp.import_{name}"
        self.values_of = attrgetter(*self.fields)
        columns = ", ".join(self.stored)
        marks = ", ".join("?" for _ in (*self.stored, "source", "line"))
        key_sql = ", ".join(self.key)
        # Staging is an append-only table indexed afterwards: much faster than keeping a
        # B-tree ordered while rows arrive in no particular order.
        self.staging_ddl = (
            f"DROP TABLE IF EXISTS {self.staging}",
            f"CREATE TABLE {self.staging} ({columns}, source INTEGER, line INTEGER)",
        )
        self.index_sql = f"CREATE INDEX {self.staging}_key ON import_{name} ({key_sql})"
        self.stage_sql = f"INSERT INTO {self.staging} ({columns}, source, line) VALUES ({marks})"  # noqa: S608
        self.repeated_keys_sql = (
            f"SELECT {key_sql} FROM {self.staging} GROUP BY {key_sql} HAVING count(*) > 1"  # noqa: S608
        )
        key_match = " AND ".join(f"{part} = ?" for part in self.key)
        self.rows_of_key_sql = (
            f"SELECT rowid, source, line FROM {self.staging} WHERE {key_match} ORDER BY rowid"  # noqa: S608
        )
        self.drop_row_sql = f"DELETE FROM {self.staging} WHERE rowid = ?"  # noqa: S608
        joined = " AND ".join(f"t.{part} = s.{part}" for part in self.key)
        self.count_new_sql = (
            f"SELECT count(*) FROM {self.staging} s WHERE NOT EXISTS "  # noqa: S608
            f"(SELECT 1 FROM main.{name} t WHERE {joined})"
        )
        updates = ", ".join(f"{column} = excluded.{column}" for column in self.stored)
        mine = ", ".join(f"{name}.{column}" for column in self.stored)
        theirs = ", ".join(f"excluded.{column}" for column in self.stored)
        self.merge_sql = (
            f"INSERT INTO main.{name} ({columns}, withdrawn_on, updated_at) "  # noqa: S608
            f"SELECT {columns}, NULL, :now FROM {self.staging} WHERE true ORDER BY {key_sql} "
            f"ON CONFLICT ({key_sql}) DO UPDATE SET {updates}, withdrawn_on = NULL, "
            "updated_at = excluded.updated_at "
            f"WHERE ({mine}) IS NOT ({theirs}) OR {name}.withdrawn_on IS NOT NULL"
        )
        joined_main = " AND ".join(f"s.{part} = {name}.{part}" for part in self.key)
        self.withdraw_sql = (
            f"UPDATE main.{name} SET withdrawn_on = :now, updated_at = :now "  # noqa: S608
            f"WHERE withdrawn_on IS NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {self.staging} s WHERE {joined_main})"
        )


_TABLES: Final = {
    ExportKind.STRUCTURES: _Table(
        ExportKind.STRUCTURES, "structure", _STRUCTURE_FIELDS, ("identifiant",)
    ),
    ExportKind.SERVICES: _Table(
        ExportKind.SERVICES, "service", _SERVICE_FIELDS, ("identifiant", "code")
    ),
}
_STRUCTURE_SELECT: Final = (
    "SELECT " + ", ".join((*_STRUCTURE_FIELDS, "withdrawn_on")) + " FROM structure"  # noqa: S608
)
_SERVICE_SELECT: Final = "SELECT " + ", ".join((*_SERVICE_FIELDS, "withdrawn_on")) + " FROM service"  # noqa: S608
_ACTIVE_STRUCTURE: Final = " AND structure_active AND withdrawn_on IS NULL"
_ACTIVE_SERVICE: Final = " AND service_actif AND withdrawn_on IS NULL"


def _date(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


_STRUCTURE_FLAGS: Final = range(3, 12)


def _structure_of(row: Sequence[Any]) -> Structure:
    values = list(row)
    values[1] = TypeIdentifiantStructure(values[1])
    for index in _STRUCTURE_FLAGS:
        values[index] = bool(values[index])
    values[-1] = _date(values[-1])
    return Structure(*values)


def _service_of(row: Sequence[Any]) -> Service:
    values = list(row)
    values[4] = bool(values[4])
    values[5] = bool(values[5])
    values[-1] = _date(values[-1])
    return Service(*values)


class SQLiteStore:
    """The directory in a SQLite file (created when missing) or in memory (``":memory:"``).

    One connection, shared by threads under a lock (an import holds it: lookups through the same
    store wait for the import to end). Other stores on the same file, in this process or others,
    go on reading the previous directory during an import (WAL mode).

    Args:
        location: the file, or ``":memory:"``.
        read_only: open an existing file without the right to import into it.
        timeout: seconds to wait for a lock held by another connection (an import running
            elsewhere) before giving up.

    Raises:
        DirectoryError: the file is missing (read-only), is not a directory of this library, or
            has a schema of another version.
    """

    def __init__(
        self, location: str | Path, *, read_only: bool = False, timeout: float = 5.0
    ) -> None:
        self.location = str(location)
        self.read_only = read_only
        if sqlite3.sqlite_version_info < (3, 24, 0):
            raise DirectoryError(
                f"SQLite {sqlite3.sqlite_version} is too old for the directory (3.24 or later)"
            )
        memory = self.location == ":memory:"
        if read_only and (memory or not Path(location).is_file()):
            raise DirectoryError(f"no directory at {self.location!r} to open read-only")
        target = Path(location).absolute().as_uri() + "?mode=ro" if read_only else self.location
        try:
            self._db = sqlite3.connect(
                target,
                uri=read_only,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as error:
            raise DirectoryError(f"{self.location}: cannot open: {error}") from None
        self._lock = threading.RLock()
        try:
            self._prepare(memory=memory)
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise DirectoryError(
                f"{self.location}: cannot be opened as a directory: {error}"
            ) from None
        except DirectoryError:
            self._db.close()
            raise

    def _prepare(self, *, memory: bool) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        if version == 0 and application == 0:
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise DirectoryError(f"{self.location}: a SQLite file that is not a directory")
            if self.read_only:
                raise DirectoryError(f"{self.location}: empty file, not a directory")
            db.executescript(_SCHEMA)
        elif application != _APPLICATION_ID:
            raise DirectoryError(f"{self.location}: a SQLite file that is not a directory")
        elif version != SCHEMA_VERSION:
            raise DirectoryError(
                f"{self.location}: directory of schema version {version}, this library reads "
                f"version {SCHEMA_VERSION}; import the export again into a new file"
            )
        if not memory and not self.read_only:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")

    # --- lookups --------------------------------------------------------------------------

    @contextlib.contextmanager
    def _connection(self, doing: str) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; SQLite's errors become :class:`DirectoryError`."""
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                raise DirectoryError(f"{self.location}: {doing} failed: {error}") from error

    def _all(self, sql: str, parameters: Sequence[Any]) -> list[Any]:
        with self._connection("lookup") as db:
            return db.execute(sql, parameters).fetchall()

    def structure(self, identifiant: str) -> Structure | None:
        """The structure with this identifier."""
        rows = self._all(_STRUCTURE_SELECT + " WHERE identifiant = ?", (identifiant,))
        return _structure_of(rows[0]) if rows else None

    def structures_by_name(
        self, name_key: str, *, contains: bool, active_only: bool, limit: int
    ) -> list[Structure]:
        """Structures by name key: prefix (indexed) or every word contained (full scan)."""
        active = _ACTIVE_STRUCTURE if active_only else ""
        if contains:
            words = name_key.split(" ")
            condition = " AND ".join("instr(nom_cle, ?) > 0" for _ in words)
            parameters: list[Any] = [*words, limit]
        else:
            condition = "nom_cle >= ? AND nom_cle < ?"
            parameters = [name_key, name_key + "\uffff", limit]
        sql = f"{_STRUCTURE_SELECT} WHERE {condition}{active} ORDER BY nom_cle LIMIT ?"
        return [_structure_of(row) for row in self._all(sql, parameters)]

    def structures_by_postcode(
        self, code_postal: str, *, active_only: bool, limit: int
    ) -> list[Structure]:
        """Structures of a postcode, by name key."""
        active = _ACTIVE_STRUCTURE if active_only else ""
        sql = f"{_STRUCTURE_SELECT} WHERE code_postal = ?{active} ORDER BY nom_cle LIMIT ?"
        return [_structure_of(row) for row in self._all(sql, (code_postal, limit))]

    def services(self, identifiant: str, *, active_only: bool) -> list[Service]:
        """The services of a structure, by code."""
        active = _ACTIVE_SERVICE if active_only else ""
        sql = f"{_SERVICE_SELECT} WHERE identifiant = ?{active} ORDER BY code"
        return [_service_of(row) for row in self._all(sql, (identifiant,))]

    def service(self, identifiant: str, code: str) -> Service | None:
        """One service of a structure."""
        rows = self._all(
            _SERVICE_SELECT + " WHERE identifiant = ? AND code = ?", (identifiant, code)
        )
        return _service_of(rows[0]) if rows else None

    def services_by_code(self, code: str, *, active_only: bool, limit: int) -> list[Service]:
        """Services with this code, in any structure, by identifier."""
        active = _ACTIVE_SERVICE if active_only else ""
        sql = f"{_SERVICE_SELECT} WHERE code = ?{active} ORDER BY identifiant LIMIT ?"
        return [_service_of(row) for row in self._all(sql, (code, limit))]

    def info(self) -> DirectoryInfo:
        """Counts and last import."""
        with self._connection("info") as db:
            structures = db.execute(
                "SELECT count(*), coalesce(sum(structure_active AND withdrawn_on IS NULL), 0) "
                "FROM structure"
            ).fetchone()
            services = db.execute(
                "SELECT count(*), coalesce(sum(service_actif AND withdrawn_on IS NULL), 0) "
                "FROM service"
            ).fetchone()
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        return DirectoryInfo(
            location=self.location,
            structures=structures[0],
            structures_active=structures[1],
            services=services[0],
            services_active=services[1],
            last_import=_date(meta.get("last_import")),
            last_sources=tuple(json.loads(meta.get("last_sources", "[]"))),
        )

    # --- import ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def begin_import(self, imported_at: datetime) -> Iterator[_SQLiteImport]:
        """One import in one transaction: committed on normal exit, rolled back otherwise."""
        if self.read_only:
            raise DirectoryError(f"{self.location}: opened read-only, cannot import")
        with self._connection("import") as db:
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise DirectoryError(
                    f"{self.location}: cannot start the import ({error}): is another import "
                    "running?"
                ) from error
            db.execute("PRAGMA main.cache_size = -65536")  # 64 MiB each while importing
            db.execute("PRAGMA temp.cache_size = -65536")
            try:
                session = _SQLiteImport(db, imported_at)
                yield session
                session.drop_staging()
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            finally:
                db.execute("PRAGMA main.cache_size = -2000")
                db.execute("PRAGMA temp.cache_size = -2000")
            if self.location != ":memory:":
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.execute("PRAGMA optimize")

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()


class _SQLiteImport:
    """An import session on a SQLite store (see ``store.ImportSession``)."""

    def __init__(self, db: sqlite3.Connection, imported_at: datetime) -> None:
        self._db = db
        self._now = imported_at.isoformat()
        self._duplicates: list[Duplicate] | None = None
        for table in _TABLES.values():
            for statement in table.staging_ddl:
                db.execute(statement)

    def stage(self, kind: ExportKind, rows: Iterable[StagedRow]) -> None:
        """Stage rows of one kind; a later row with the key of a staged one is a duplicate."""
        table = _TABLES[kind]
        values_of = table.values_of
        if kind is ExportKind.STRUCTURES:
            params: Iterator[tuple[Any, ...]] = (
                (*values_of(record), search_key(record.raison_sociale), source, line)
                for source, line, record in rows
            )
        else:
            params = ((*values_of(record), source, line) for source, line, record in rows)
        self._db.executemany(table.stage_sql, params)
        self._duplicates = None

    def duplicates(self) -> list[Duplicate]:
        """The duplicated keys among the staged rows (the staging is indexed on first call)."""
        if self._duplicates is None:
            found = []
            for kind, table in _TABLES.items():
                self._db.execute(f"DROP INDEX IF EXISTS {table.staging}_key")
                self._db.execute(table.index_sql)
                for key in self._db.execute(table.repeated_keys_sql).fetchall():
                    rows = self._db.execute(table.rows_of_key_sql, key).fetchall()
                    found.append(
                        Duplicate(
                            kind,
                            "/".join(key),
                            (rows[0][1], rows[0][2]),
                            tuple((source, line) for _, source, line in rows[1:]),
                            tuple(rowid for rowid, _, _ in rows[1:]),
                        )
                    )
            self._duplicates = found
        return self._duplicates

    def merge(
        self, kinds: Collection[ExportKind], *, withdraw_missing: bool
    ) -> dict[ExportKind, TableCounts]:
        """Merge the staged rows of ``kinds``, duplicates left out; see the store protocol."""
        db = self._db
        for duplicate in self.duplicates():
            db.executemany(
                _TABLES[duplicate.kind].drop_row_sql, [(rowid,) for rowid in duplicate.handles]
            )
        counts = {}
        for kind in kinds:
            table = _TABLES[kind]
            staged = db.execute(f"SELECT count(*) FROM {table.staging}").fetchone()[0]  # noqa: S608
            added = db.execute(table.count_new_sql).fetchone()[0]
            changed = db.execute(table.merge_sql, {"now": self._now}).rowcount
            withdrawn = (
                db.execute(table.withdraw_sql, {"now": self._now}).rowcount
                if withdraw_missing
                else 0
            )
            counts[kind] = TableCounts(
                added=added,
                updated=changed - added,
                unchanged=staged - changed,
                withdrawn=withdrawn,
            )
        return counts

    def record_import(self, sources: Sequence[str]) -> None:
        """Remember the date and files of this import."""
        self._db.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("last_import", self._now), ("last_sources", json.dumps(list(sources)))],
        )

    def drop_staging(self) -> None:
        """Drop the staging tables before committing."""
        for table in _TABLES.values():
            self._db.execute(f"DROP TABLE IF EXISTS {table.staging}")
