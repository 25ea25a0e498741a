"""Reading one CSV file of the Chorus Pro directory export, row by row.

The export comes as two files, told apart by their header (columns are found by name, in any
order; case, spaces and underscores in names do not matter, so ``Gestion_Engagement`` is
``GestionEngagement``):

* structures — ``TypeIdentifiant; Identifiant; RaisonSociale; EmetteurEdi; RecepteurEdi;
  GestionStatutMiseEnPaiement; GestionEngagement; GestionService; GestionServiceEngagement; EstMOA;
  EstMOAUniquement; StructureActive; Adresse; ComplementAdresse1; ComplementAdresse2; CodePostal;
  Ville; NumTelephone; Courriel; CodePays; LibellePays``;
* services — ``Identifiant; RaisonSociale; Code; Nom; GestionEGMT; ServiceActif; Adresse;
  ComplementAdresse1; ComplementAdresse2; CodePostal; Ville; NumTelephone; Courriel; CodePays;
  LibellePays``.

Tolerated: ``;`` (or ``,``, tab, ``|``) as separator, found from the header line; UTF-8 with or
without a byte-order mark, or another encoding when asked (``cp1252``, ``latin-1``); booleans
``true``/``false`` in any case, also ``1``/``0``, ``oui``/``non``, ``vrai``/``faux``; an empty
boolean is ``false``; surrounding spaces; blank lines; a trailing separator.

A bad row (unknown boolean, SIRET failing its checksum, missing identifier or code, too few
fields) is refused and reported with its file, line and column; the others are read. A bad file
(no header, header of neither kind, a required column missing, undecodable bytes, broken CSV)
stops the import with :class:`~demat_sdk.errors.DirectoryImportError`.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Final

from demat_sdk.chorus.enums import TypeIdentifiantStructure
from demat_sdk.directory.records import ExportKind, Service, Structure
from demat_sdk.directory.report import ImportIssue, IssueLog
from demat_sdk.errors import DirectoryImportError
from demat_sdk.identifiers import siret_problem

__all__ = [
    "MAX_LINE_BYTES",
    "SERVICES_HEADER",
    "SERVICE_COLUMNS",
    "STRUCTURES_HEADER",
    "STRUCTURE_COLUMNS",
    "ExportReader",
    "check_encoding",
]

_BOOLEANS: Final = {
    "true": True,
    "false": False,
    "1": True,
    "0": False,
    "oui": True,
    "non": False,
    "vrai": True,
    "faux": False,
    "o": True,
    "n": False,
    "yes": True,
    "no": False,
    "": False,
}

# Legacy numeric codes of the identifier type (1 SIRET … 6 other).
_TYPE_CODES: Final = {
    "1": TypeIdentifiantStructure.SIRET,
    "2": TypeIdentifiantStructure.UE_HORS_FRANCE,
    "3": TypeIdentifiantStructure.HORS_UE,
    "4": TypeIdentifiantStructure.RIDET,
    "5": TypeIdentifiantStructure.TAHITI,
    "6": TypeIdentifiantStructure.AUTRE,
}
_DELIMITERS: Final = (";", ",", "\t", "|")
MAX_LINE_BYTES: Final = 1024 * 1024
"""Longest line read (a file without line breaks is not an export, and must not fill memory)."""


@dataclass(frozen=True, slots=True)
class _Column:
    """A column of the export: the header name as published, and whether it must be there."""

    header: str
    boolean: bool = False
    required: bool = False

    @property
    def key(self) -> str:
        return _header_key(self.header)


_ADDRESS: Final = (
    _Column("Adresse"),
    _Column("ComplementAdresse1"),
    _Column("ComplementAdresse2"),
    _Column("CodePostal"),
    _Column("Ville"),
    _Column("NumTelephone"),
    _Column("Courriel"),
    _Column("CodePays"),
    _Column("LibellePays"),
)
# In the order of the fields of Structure (withdrawn_on excepted).
STRUCTURE_COLUMNS: Final = (
    _Column("Identifiant", required=True),
    _Column("TypeIdentifiant"),
    _Column("RaisonSociale", required=True),
    _Column("EmetteurEdi", boolean=True),
    _Column("RecepteurEdi", boolean=True),
    _Column("GestionStatutMiseEnPaiement", boolean=True, required=True),
    _Column("GestionEngagement", boolean=True, required=True),
    _Column("GestionService", boolean=True, required=True),
    _Column("GestionServiceEngagement", boolean=True, required=True),
    _Column("EstMOA", boolean=True),
    _Column("EstMOAUniquement", boolean=True),
    _Column("StructureActive", boolean=True, required=True),
    *_ADDRESS,
)
# In the order of the fields of Service (withdrawn_on excepted).
SERVICE_COLUMNS: Final = (
    _Column("Identifiant", required=True),
    _Column("Code", required=True),
    _Column("Nom"),
    _Column("RaisonSociale"),
    _Column("GestionEGMT", boolean=True, required=True),
    _Column("ServiceActif", boolean=True, required=True),
    *_ADDRESS,
)
_ADDRESS_HEADER: Final = (
    "Adresse", "ComplementAdresse1", "ComplementAdresse2", "CodePostal", "Ville", "NumTelephone",
    "Courriel", "CodePays", "LibellePays",
)  # fmt: skip
# The headers as published, in their order (what a writer of the export produces).
STRUCTURES_HEADER: Final = (
    "TypeIdentifiant", "Identifiant", "RaisonSociale", "EmetteurEdi", "RecepteurEdi",
    "GestionStatutMiseEnPaiement", "GestionEngagement", "GestionService",
    "GestionServiceEngagement", "EstMOA", "EstMOAUniquement", "StructureActive", *_ADDRESS_HEADER,
)  # fmt: skip
SERVICES_HEADER: Final = (
    "Identifiant", "RaisonSociale", "Code", "Nom", "GestionEGMT", "ServiceActif", *_ADDRESS_HEADER,
)  # fmt: skip


def _header_key(name: str) -> str:
    """A header name reduced for matching: no BOM, no spaces or underscores, case-folded."""
    return "".join(char for char in name.lstrip("\ufeff").casefold() if char.isalnum())


def check_encoding(encoding: str) -> str:
    """The codec to read with: ``utf-8`` becomes ``utf-8-sig`` (a byte-order mark is skipped).

    Raises:
        DirectoryImportError: the encoding is unknown to Python, or not ASCII-compatible
            (UTF-16, UTF-32: lines are split on the newline byte).
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DirectoryImportError(f"unknown encoding {encoding!r}") from None
    if "\n".encode(name) != b"\n":
        raise DirectoryImportError(
            f"encoding {encoding!r} is not supported: the export is UTF-8, Windows-1252 or "
            "another ASCII-compatible encoding"
        )
    return "utf-8-sig" if name == "utf-8" else name


class ExportReader:
    """One CSV file of the export: its kind (from the header), then its rows as records.

    Args:
        stream: the file's bytes.
        source: the file's name in messages.
        encoding: the codec (see :func:`check_encoding`).
        issues: where refused rows are recorded (it raises past its limit).

    Raises:
        DirectoryImportError: the header is missing, of neither kind, or lacks a required column.
    """

    def __init__(self, stream: BinaryIO, *, source: str, encoding: str, issues: IssueLog) -> None:
        self.source = source
        self._issues = issues
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self._physical = 0  # lines read so far
        self._lines = self._decoded_lines()
        self._header_line = next(self._lines, "")
        if not self._header_line.strip():
            raise DirectoryImportError("empty file: a header line was expected", source=source)
        self.delimiter, header = self._split_header(self._header_line)
        self.kind = self._kind_of(header)
        columns = STRUCTURE_COLUMNS if self.kind is ExportKind.STRUCTURES else SERVICE_COLUMNS
        positions = {key: index for index, key in reversed(list(enumerate(header))) if key}
        missing = [
            column.header for column in columns if column.required and column.key not in positions
        ]
        if missing:
            raise DirectoryImportError(
                f"required column(s) missing from the {self.kind.value} header: "
                + ", ".join(missing),
                source=source,
                line=1,
                column=missing[0],
            )
        self._columns = columns
        self._boolean_indexes = [index for index, column in enumerate(columns) if column.boolean]
        self._positions = [positions.get(column.key) for column in columns]
        self._width = len([name for name in header if name]) or len(header)
        # A row may stop early (trailing optional fields left out) but not before the last
        # required column.
        self._needed = 1 + max(
            index
            for index, column in zip(self._positions, columns, strict=True)
            if column.required and index is not None
        )
        self._last = max(index for index in self._positions if index is not None)

    # --- header ---------------------------------------------------------------------------

    def _split_header(self, line: str) -> tuple[str, list[str]]:
        known = {column.key for column in (*STRUCTURE_COLUMNS, *SERVICE_COLUMNS)}
        best: tuple[int, str, list[str]] = (-1, ";", [])
        for delimiter in _DELIMITERS:
            try:
                names = next(csv.reader([line], delimiter=delimiter), [])
            except csv.Error as error:  # a lone carriage return inside the line…
                raise DirectoryImportError(
                    f"unreadable CSV header: {error}", source=self.source, line=1
                ) from None
            keys = [_header_key(name) for name in names]
            score = sum(1 for key in keys if key in known)
            if score > best[0]:
                best = (score, delimiter, keys)
        return best[1], best[2]

    def _kind_of(self, header: list[str]) -> ExportKind:
        if "structureactive" in header:
            return ExportKind.STRUCTURES
        if "serviceactif" in header or ("code" in header and "identifiant" in header):
            return ExportKind.SERVICES
        shown = self._header_line.strip()[:80]
        raise DirectoryImportError(
            "not a file of the Chorus Pro directory export: its header has neither "
            f"StructureActive (structures) nor ServiceActif (services): {shown!r}",
            source=self.source,
            line=1,
        )

    # --- rows -----------------------------------------------------------------------------

    def rows(self) -> Iterator[tuple[int, Structure | Service]]:
        """The valid rows as ``(line, record)``; refused rows go to the issue log."""
        build: Callable[[list[str], int], Structure | Service | None] = (
            self._structure if self.kind is ExportKind.STRUCTURES else self._service
        )
        reader = csv.reader(self._lines, delimiter=self.delimiter)
        while True:
            start = self._physical + 1
            try:
                row = next(reader, None)
            except csv.Error as error:
                raise DirectoryImportError(
                    f"unreadable CSV: {error}", source=self.source, line=self._physical
                ) from None
            if row is None:
                return
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            record = build(row, start)
            if record is not None:
                yield start, record

    def _decoded_lines(self) -> Iterator[str]:
        """The file's lines as text, decoded one by one so that an error names its line."""
        decode = self._decoder.decode
        readline = self._stream.readline
        while raw := readline(MAX_LINE_BYTES + 1):
            self._physical += 1
            if len(raw) > MAX_LINE_BYTES:
                raise DirectoryImportError(
                    f"line longer than {MAX_LINE_BYTES:,} bytes", source=self.source,
                    line=self._physical,
                )  # fmt: skip
            try:
                yield decode(raw)
            except UnicodeDecodeError as error:
                hint = (
                    " — if the file is in Windows-1252 or Latin-1, import it with encoding='cp1252'"
                    if error.encoding.lower().replace("_", "-").startswith("utf")
                    else ""
                )
                raise DirectoryImportError(
                    f"bytes that are not {error.encoding} (byte {error.start + 1} of the line)"
                    f"{hint}",
                    source=self.source,
                    line=self._physical,
                ) from None

    def _values(self, row: list[str], line: int) -> list[Any] | None:
        """The row's values in the order of the columns ("" for absent optional columns)."""
        if len(row) < self._needed:
            self._refuse(line, None, f"{len(row)} field(s) where the header has {self._width}")
            return None
        if len(row) > self._width and any(value.strip() for value in row[self._width :]):
            self._refuse(line, None, f"{len(row)} field(s) where the header has {self._width}")
            return None
        if len(row) <= self._last:
            row = row + [""] * (self._last + 1 - len(row))
        return [row[index].strip() if index is not None else "" for index in self._positions]

    def _booleans(self, values: list[Any], line: int) -> bool:
        """Turn the boolean columns of ``values`` into ``bool`` in place; ``False`` on a bad one."""
        for index in self._boolean_indexes:
            value = _BOOLEANS.get(values[index].lower())
            if value is None:
                self._refuse(
                    line,
                    self._columns[index].header,
                    f"{values[index]!r} is not a boolean (true/false)",
                )
                return False
            values[index] = value
        return True

    def _structure(self, row: list[str], line: int) -> Structure | None:
        values = self._values(row, line)
        if values is None or not self._booleans(values, line):
            return None
        identifiant, type_code = values[0], values[1]
        if not identifiant:
            self._refuse(line, "Identifiant", "empty identifier")
            return None
        if type_code:
            kind = _TYPE_CODES.get(type_code) or TypeIdentifiantStructure(type_code.upper())
        elif len(identifiant) == 14 and identifiant.isdigit():
            kind = TypeIdentifiantStructure.SIRET
        else:
            kind = TypeIdentifiantStructure.AUTRE
        if kind is TypeIdentifiantStructure.SIRET:
            identifiant = identifiant.replace(" ", "")
            problem = siret_problem(identifiant)
            if problem is not None:
                self._refuse(line, "Identifiant", problem)
                return None
        if not values[2]:
            self._refuse(line, "RaisonSociale", "empty name")
            return None
        return Structure(identifiant, kind, *values[2:])

    _last_good_siret = ""

    def _service(self, row: list[str], line: int) -> Service | None:
        values = self._values(row, line)
        if values is None or not self._booleans(values, line):
            return None
        identifiant, code = values[0], values[1]
        if not identifiant:
            self._refuse(line, "Identifiant", "empty identifier")
            return None
        if not code:
            self._refuse(line, "Code", "empty code service")
            return None
        # The services file has no identifier type: 14 digits are taken for a SIRET. Services
        # of one structure follow each other, so one check serves them all.
        if (
            identifiant != self._last_good_siret
            and len(identifiant) == 14
            and identifiant.isdigit()
        ):
            problem = siret_problem(identifiant)
            if problem is not None:
                self._refuse(line, "Identifiant", problem)
                return None
            self._last_good_siret = identifiant
        return Service(*values)

    def _refuse(self, line: int, column: str | None, message: str) -> None:
        self._issues.add(ImportIssue(self.source, line, column, message, self.kind))
