"""Hardened XML reading, shared by every parser of third-party files in the library.

No DTD (a document declaring one is refused), no entity expansion, no network access, no huge
text nodes or deep trees unless a caller asks for them on a file it trusts, and a size limit
checked before parsing. Requires lxml >= 6.1, whose ``iterparse`` no longer resolves entities.
"""

from __future__ import annotations

import io
import os
from collections.abc import Generator
from pathlib import Path
from typing import IO, Any, Literal

from lxml import etree

from demat_sdk.errors import PesReadError, PesTooLargeError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Source",
    "check_size",
    "hardened_parser",
    "iterparse",
    "open_source",
    "parse",
]

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""Files above 256 MiB are refused before parsing unless the caller raises the limit."""

Source = str | os.PathLike[str] | bytes | IO[bytes]
"""What the readers accept: a path, the bytes of a file, or a binary file object."""

_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "remove_pis": True,
}


def hardened_parser(*, huge_tree: bool = False, remove_blank_text: bool = False) -> etree.XMLParser:
    """A parser with every dangerous feature off (entities, DTD loading, network)."""
    return etree.XMLParser(
        huge_tree=huge_tree, remove_blank_text=remove_blank_text, **_PARSER_OPTIONS
    )


def check_size(size: int, max_bytes: int | None, what: str = "the file") -> None:
    """Refuse a source bigger than ``max_bytes`` before reading it (``None``: no limit)."""
    if max_bytes is not None and size > max_bytes:
        raise PesTooLargeError(
            f"{what} is {size:,} bytes, above the limit of {max_bytes:,} bytes",
            limit="max_bytes",
        )


def open_source(source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> IO[bytes]:
    """Open a source as a binary stream, checking its size first when it can be known.

    Bytes are wrapped, paths opened, file objects used as they are (their size is checked when
    they are seekable). The caller closes what it gets.
    """
    if isinstance(source, (bytes, bytearray)):
        check_size(len(source), max_bytes)
        return io.BytesIO(source)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            check_size(path.stat().st_size, max_bytes, what=str(path))
            return path.open("rb")
        except FileNotFoundError:
            raise PesReadError(f"no such file: {path}") from None
    if source.seekable():
        position = source.tell()
        size = source.seek(0, io.SEEK_END) - position
        source.seek(position)
        check_size(size, max_bytes)
    return source


def parse(
    source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES, huge_tree: bool = False
) -> etree._ElementTree:
    """Parse a whole document with the hardened parser; refuse any DOCTYPE.

    Raises:
        PesReadError: the file is too big, not well-formed, or declares a DTD; the message gives
            the line.
    """
    stream = open_source(source, max_bytes=max_bytes)
    try:
        tree = etree.parse(stream, hardened_parser(huge_tree=huge_tree))
    except etree.XMLSyntaxError as exc:
        raise PesReadError(f"not well-formed XML: {exc.msg}", line=exc.lineno) from None
    finally:
        if stream is not source:
            stream.close()
    _refuse_doctype(tree)
    return tree


def iterparse(
    stream: IO[bytes],
    *,
    events: tuple[Literal["start", "end", "start-ns", "end-ns", "comment", "pi"], ...] = (
        "start",
        "end",
    ),
    huge_tree: bool = False,
    tag: str | tuple[str, ...] | None = None,
) -> Generator[tuple[str, Any], None, Any]:
    """Stream ``(event, element)`` pairs with the hardened options; refuse any DOCTYPE.

    ``tag`` restricts the events to some elements (lxml's filter, applied in C: much faster
    than skipping events in Python when only a few kinds of elements matter). Once exhausted,
    the generator returns the root element (``StopIteration.value``), which a filtered walk
    may never have handed over; the DOCTYPE is refused even then.

    Raises:
        PesReadError: the document is not well-formed or declares a DTD (with the line).
    """
    context = etree.iterparse(
        stream,
        events=events,
        huge_tree=huge_tree,
        tag=tag,
        **_PARSER_OPTIONS,
    )
    checked = False
    try:
        for event, element in context:
            if not checked:
                _refuse_doctype(element.getroottree())
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise PesReadError(f"not well-formed XML: {exc.msg}", line=exc.lineno) from None
    root = context.root
    if not checked and root is not None:
        _refuse_doctype(root.getroottree())
    return root


def _refuse_doctype(tree: etree._ElementTree) -> None:
    info: Any = tree.docinfo  # lxml-stubs lack DocInfo.doctype
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise PesReadError("documents declaring a DTD are refused (PES never uses one)", line=1)
