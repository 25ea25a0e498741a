"""Files sent to Chorus Pro: read from bytes or a path, checked before anything is encoded.

A deposited flux, a deposited PDF and an attachment are each limitd to 10 MB (10 × 1024 × 1024
bytes); an attachment's name is at most 50 characters, extension included, and its extension is
one of those Chorus Pro accepts. A file over the limit is refused before it is read into memory
or encoded in base64, with an :class:`~demat_sdk.errors.InvalidRequestError` naming it.
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path

from demat_sdk.errors import InvalidRequestError

__all__ = [
    "ATTACHMENT_EXTENSIONS",
    "MAX_ATTACHMENT_NAME",
    "MAX_FILE_SIZE",
    "AttachmentToSend",
    "FileInput",
    "FileToSend",
    "read_attachment",
    "read_file",
]

MAX_FILE_SIZE = 10 * 1024 * 1024
"""Largest flux, PDF or attachment Chorus Pro takes, in bytes."""

MAX_ATTACHMENT_NAME = 50
"""Longest attachment name, extension included."""

ATTACHMENT_EXTENSIONS = frozenset(
    [
        "BMP",
        "BZ2",
        "CSV",
        "DOC",
        "DOCX",
        "FAX",
        "GIF",
        "GZ",
        "GZIP",
        "HTM",
        "HTML",
        "JPEG",
        "JPG",
        "ODP",
        "ODS",
        "ODT",
        "P7S",
        "PDF",
        "PNG",
        "PPS",
        "PPT",
        "PPTX",
        "RTF",
        "SVG",
        "TGZ",
        "TIF",
        "TIFF",
        "TXT",
        "XHTML",
        "XLC",
        "XLM",
        "XLS",
        "XLSX",
        "XML",
        "XSD",
        "XSL",
        "ZIP",
    ]
)
"""Extensions of the attachments Chorus Pro accepts."""

FileInput = bytes | bytearray | memoryview | str | os.PathLike[str]
"""A file's content (bytes), or its path (``str`` or ``Path``)."""


@dataclass(frozen=True)
class FileToSend:
    """A file ready to send: its content and its name."""

    content: bytes
    name: str

    def __repr__(self) -> str:
        return f"FileToSend(name={self.name!r}, {len(self.content)} bytes)"


def read_file(
    fichier: FileInput,
    nom_fichier: str | None,
    *,
    operation: str,
    limit: int = MAX_FILE_SIZE,
) -> FileToSend:
    """Read ``fichier`` (bytes, or a path) after checking its size against ``limit``.

    Args:
        fichier: the content, or the path of the file (``str`` is always a path).
        nom_fichier: the name to send; by default the path's name (required for bytes).
        operation: the operation sending it, for error messages.
        limit: the largest size accepted, in bytes.

    Raises:
        InvalidRequestError: the file is empty, too big, unreadable, or has no name.
    """
    if isinstance(fichier, (bytes, bytearray, memoryview)):
        content = bytes(fichier)
        if not nom_fichier:
            raise InvalidRequestError(
                "nom_fichier is required when the file is given as bytes",
                operation=operation,
                field="nom_fichier",
            )
        _check_size(len(content), limit, nom_fichier, operation)
    else:
        path = Path(fichier)
        nom_fichier = nom_fichier or path.name
        try:
            _check_size(path.stat().st_size, limit, str(path), operation)
            content = path.read_bytes()
        except OSError as exc:
            raise InvalidRequestError(
                f"cannot read {str(path)!r}: {exc.strerror or exc}",
                operation=operation,
                field="fichier",
            ) from exc
        _check_size(len(content), limit, str(path), operation)
    if not content:
        raise InvalidRequestError(f"{nom_fichier!r} is empty", operation=operation, field="fichier")
    return FileToSend(content=content, name=nom_fichier)


def _check_size(size: int, limit: int, what: str, operation: str) -> None:
    if size > limit:
        raise InvalidRequestError(
            f"{what!r} is {size:,} bytes, over the limit of {limit:,} bytes",
            operation=operation,
            field="fichier",
        )


@dataclass(frozen=True)
class AttachmentToSend:
    """An attachment ready to send: content, name, extension and MIME type."""

    content: bytes
    name: str
    extension: str
    type_mime: str

    def __repr__(self) -> str:
        return f"AttachmentToSend(name={self.name!r}, {len(self.content)} bytes)"


def read_attachment(
    fichier: FileInput, nom_fichier: str | None, type_mime: str | None, *, operation: str
) -> AttachmentToSend:
    """Read an attachment and check its name and extension as Chorus Pro does.

    Raises:
        InvalidRequestError: the file is too big or empty, its name is longer than 50
            characters, or has no extension Chorus Pro accepts.
    """
    read = read_file(fichier, nom_fichier, operation=operation)
    name = read.name
    if len(name) > MAX_ATTACHMENT_NAME:
        raise InvalidRequestError(
            f"the attachment name {name!r} has {len(name)} characters; Chorus Pro takes at most "
            f"{MAX_ATTACHMENT_NAME}, extension included",
            operation=operation,
            field="nom_fichier",
        )
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or extension.upper() not in ATTACHMENT_EXTENSIONS:
        raise InvalidRequestError(
            f"the attachment name {name!r} needs an extension Chorus Pro accepts "
            f"({', '.join(sorted(ATTACHMENT_EXTENSIONS))})",
            operation=operation,
            field="nom_fichier",
        )
    mime = type_mime or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return AttachmentToSend(read.content, name, extension.upper(), mime)
