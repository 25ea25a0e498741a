"""Writing the PES return files: ``V`` leaves, the character set, atomic output.

The files written here (ACK, ``PES_ACQUIT_RETOUR``) are small: they are built as an lxml tree,
indented, serialised once and written atomically (a temporary file in the target's directory,
then a rename), so a failure never leaves a partial file behind.

Encoding: ISO-8859-1 (what Hélios and the transmission platforms write) or UTF-8. For
ISO-8859-1 the few typographic characters that have an obvious Latin-1 spelling are replaced
through :data:`LATIN1_REPLACEMENTS` (the apostrophe ``’`` becomes ``'``, ``œ`` becomes ``oe``…);
any other character outside Latin-1 is refused by the model check, naming the field, instead of
being written as a character reference some consumers mangle.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

from lxml import etree

from demat_sdk.errors import PesWriteError
from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "LATIN1_REPLACEMENTS",
    "Encoding",
    "Target",
    "leaf",
    "prepare_text",
    "serialise",
    "write_bytes",
]

Encoding = Literal["ISO-8859-1", "UTF-8"]
"""The encodings the writers produce."""

Target = str | os.PathLike[str] | IO[bytes]
"""Where a writer puts a file: a path (written atomically) or a binary file object."""

LATIN1_REPLACEMENTS: dict[str, str] = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2026": "...",  # …
    "\u0153": "oe",  # œ
    "\u0152": "OE",  # Œ
    "\u20ac": "EUR",  # €
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
}
"""Characters outside ISO-8859-1 written with their Latin-1 spelling when that encoding is used."""

_TRANSLATION = str.maketrans(LATIN1_REPLACEMENTS)


def prepare_text(value: str, encoding: Encoding) -> str:
    """The text as it will be written: Latin-1 replacements applied for ISO-8859-1."""
    if encoding == "ISO-8859-1":
        return value.translate(_TRANSLATION)
    return value


def format_value(value: str | int | Decimal | date | bool | PesCode) -> str:
    """The ``V`` text of a model value (``True`` → ``1``, a date → ``YYYY-MM-DD``…)."""
    if isinstance(value, PesCode):
        return value.code
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def leaf(
    parent: Any,
    tag: str,
    value: str | int | Decimal | date | bool | PesCode | None,
    encoding: Encoding,
) -> None:
    """Append ``<tag V="value"/>`` to ``parent``; nothing when the value is ``None``."""
    if value is None:
        return
    text = format_value(value)
    if isinstance(value, str) and not isinstance(value, PesCode):
        text = prepare_text(text, encoding)
    etree.SubElement(parent, tag, V=text)


def serialise(root: Any, encoding: Encoding) -> bytes:
    """The indented document with its XML declaration naming the encoding actually used."""
    etree.indent(root, space="  ")
    data = etree.tostring(root, encoding=encoding, xml_declaration=True)
    if not isinstance(data, bytes):  # pragma: no cover - bytes whenever an encoding is given
        raise TypeError("lxml returned text")
    return data + b"\n"


def write_bytes(data: bytes, target: Target, *, what: str) -> None:
    """Write a whole file; to a path atomically (temporary file then rename).

    Raises:
        PesWriteError: the file could not be written; no partial file is left behind.
    """
    if not isinstance(target, (str, os.PathLike)):
        try:
            target.write(data)
        except (OSError, ValueError) as exc:
            raise PesWriteError(f"could not write the {what}: {exc}") from exc
        return
    path = Path(target)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise PesWriteError(f"could not write the {what} to {path}: {exc}") from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
