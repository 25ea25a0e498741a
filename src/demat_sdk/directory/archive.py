"""Where the CSV files of an export come from: plain files, zip or gzip archives, the API download.

``telechargerAnnuaireDestinataire`` answers ``fichierResultat``, a base64 file whose format the
published material does not state. What is assumed and supported, told apart by the content's
first bytes (never by a file name):

* a **zip archive** holding the export's CSV file(s) — the most likely form (the one partial
  answer found in public client tests starts with the zip signature, ``PK`` then bytes 3 and 4);
  every member whose name ends in ``.csv`` is read, other members are ignored;
* a **gzip**-compressed CSV file;
* a plain CSV file;
* anything that starts like XML is refused with a clear error: Chorus Pro also distributes the
  directory as XML to EDI partners, but its schema is not published.

Archives are read under :class:`ArchiveLimits` (members, total size, compression ratio), enforced
on the bytes actually decompressed, not on what the archive declares: a zip bomb stops the import
with :class:`~demat_sdk.errors.DirectoryImportError` and leaves the directory unchanged.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import gzip
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from demat_sdk.errors import DirectoryImportError

__all__ = ["ArchiveLimits", "CountingReader", "CsvSource", "decode_download", "sources_of"]

_MiB = 1024 * 1024
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_GZIP = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Limits applied to archives and downloads, against zip bombs and runaway files.

    Attributes:
        max_download_bytes: largest input accepted, refused before it is read: a download
            (decoded from base64), an archive, or a plain CSV file.
        max_uncompressed_bytes: most bytes decompressed out of one archive, all members together.
        max_ratio: largest ratio of decompressed to compressed size for one member (a CSV file
            compresses about ten times; a zip bomb a thousand times).
        max_members: most CSV members read out of one zip archive.
    """

    max_download_bytes: int = 1024 * _MiB
    max_uncompressed_bytes: int = 8 * 1024 * _MiB
    max_ratio: int = 200
    max_members: int = 16


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class CountingReader(io.RawIOBase):
    """A binary stream that counts what is read through it and stops past a limit."""

    def __init__(self, stream: _Readable, *, source: str, limit: int | None = None) -> None:
        super().__init__()
        self._stream = stream
        self._source = source
        self._limit = limit
        self.consumed = 0

    def readable(self) -> bool:
        """Always readable."""
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        """Read into ``buffer``; fail once more than the limit was read."""
        data = self._stream.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        self.consumed += count
        if self._limit is not None and self.consumed > self._limit:
            raise DirectoryImportError(
                f"decompresses to more than {self._limit:,} bytes, past the archive limits "
                "(a damaged archive or a zip bomb?)",
                source=self._source,
            )
        return count


@dataclass(frozen=True, slots=True)
class CsvSource:
    """One CSV file to import.

    Attributes:
        name: its name in messages (``"annuaire.zip!structures.csv"`` for an archive member).
        open: opens it as a counting binary stream.
        size: its uncompressed size, when known beforehand (for progress).
    """

    name: str
    open: Callable[[], contextlib.AbstractContextManager[CountingReader]]
    size: int | None


def decode_download(fichier_resultat: str, limits: ArchiveLimits) -> bytes:
    """The bytes of the base64 ``fichierResultat`` of ``telechargerAnnuaireDestinataire``.

    Raises:
        DirectoryImportError: not base64, or larger than ``limits.max_download_bytes``.
    """
    compact = "".join(fichier_resultat.split())
    if len(compact) // 4 * 3 > limits.max_download_bytes:
        raise DirectoryImportError(
            f"download larger than {limits.max_download_bytes:,} bytes refused",
            source="fichierResultat",
        )
    try:
        return base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as error:
        raise DirectoryImportError(f"not base64: {error}", source="fichierResultat") from None


def sources_of(content: Path | bytes, *, name: str, limits: ArchiveLimits) -> list[CsvSource]:
    """The CSV files in a file on disk or in bytes (a download), by looking at their content.

    Raises:
        DirectoryImportError: unreadable file, XML content, a bad or over-limit archive.
    """
    if isinstance(content, Path):
        head = _head_of_file(content)
        size = _size_of(content)
    else:
        head = content[:64]
        size = len(content)
    if size > limits.max_download_bytes:
        what = "archive" if head.startswith((*_ZIP, _GZIP)) else "file"
        raise DirectoryImportError(
            f"{what} larger than {limits.max_download_bytes:,} bytes refused", source=name
        )
    if head.startswith(_ZIP):
        return _zip_members(content, name=name, limits=limits)
    if head.startswith(_GZIP):
        return [_gzip_source(content, name=name, compressed=size, limits=limits)]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise DirectoryImportError(
            "XML content: only the CSV export (plain, zipped or gzipped) is supported, the XML "
            "directory's schema is not published",
            source=name,
        )
    return [CsvSource(name, _opener(content, name=name), size)]


def _head_of_file(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(64)
    except OSError as error:
        raise DirectoryImportError(
            f"cannot read the file: {error.strerror or error}", source=str(path)
        ) from None


def _size_of(path: Path) -> int:
    return os.stat(path).st_size


def _binary(content: Path | bytes) -> BinaryIO:
    return content.open("rb") if isinstance(content, Path) else io.BytesIO(content)


def _opener(
    content: Path | bytes, *, name: str
) -> Callable[[], contextlib.AbstractContextManager[CountingReader]]:
    @contextlib.contextmanager
    def open_plain() -> Iterator[CountingReader]:
        with _binary(content) as stream:
            yield CountingReader(stream, source=name)

    return open_plain


def _gzip_source(
    content: Path | bytes, *, name: str, compressed: int, limits: ArchiveLimits
) -> CsvSource:
    limit = min(limits.max_uncompressed_bytes, max(compressed, 1) * limits.max_ratio)

    @contextlib.contextmanager
    def open_gzip() -> Iterator[CountingReader]:
        with _binary(content) as raw, gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            try:
                yield CountingReader(stream, source=name, limit=limit)
            except (OSError, EOFError) as error:
                raise DirectoryImportError(f"damaged gzip file: {error}", source=name) from None

    return CsvSource(name, open_gzip, None)


def _zip_members(content: Path | bytes, *, name: str, limits: ArchiveLimits) -> list[CsvSource]:
    try:
        with _binary(content) as raw, zipfile.ZipFile(raw) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and info.filename.lower().endswith(".csv")
                and not info.filename.startswith("__MACOSX/")
            ]
    except zipfile.BadZipFile as error:
        raise DirectoryImportError(f"damaged zip archive: {error}", source=name) from None
    if not members:
        raise DirectoryImportError("the zip archive holds no .csv file", source=name)
    if len(members) > limits.max_members:
        raise DirectoryImportError(
            f"the zip archive holds {len(members)} .csv files, more than {limits.max_members}",
            source=name,
        )
    declared = sum(info.file_size for info in members)
    if declared > limits.max_uncompressed_bytes:
        raise DirectoryImportError(
            f"the zip archive declares {declared:,} bytes of CSV, more than "
            f"{limits.max_uncompressed_bytes:,}",
            source=name,
        )
    budget = _Budget(limits.max_uncompressed_bytes)
    return [
        CsvSource(
            f"{name}!{info.filename}",
            _member_opener(
                content, info, name=f"{name}!{info.filename}", limits=limits, budget=budget
            ),
            info.file_size,
        )
        for info in members
    ]


@dataclass
class _Budget:
    """What is left of the decompression allowance of one archive."""

    left: int


def _member_opener(
    content: Path | bytes,
    info: zipfile.ZipInfo,
    *,
    name: str,
    limits: ArchiveLimits,
    budget: _Budget,
) -> Callable[[], contextlib.AbstractContextManager[CountingReader]]:
    @contextlib.contextmanager
    def open_member() -> Iterator[CountingReader]:
        ratio_limit = max(info.compress_size, 1) * limits.max_ratio
        limit = min(ratio_limit, budget.left)
        try:
            with (
                _binary(content) as raw,
                zipfile.ZipFile(raw) as archive,
                archive.open(info) as stream,
            ):
                reader = CountingReader(stream, source=name, limit=limit)
                try:
                    yield reader
                finally:
                    budget.left -= reader.consumed
        except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as error:
            # RuntimeError: encrypted member; BadZipFile: CRC or structure error.
            raise DirectoryImportError(f"unreadable zip member: {error}", source=name) from None

    return open_member
