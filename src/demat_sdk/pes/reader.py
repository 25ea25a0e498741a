"""Read a ``PES_Aller`` flux into the models, hardened and streaming.

The parser is the hardened one of :mod:`demat_sdk.pes.xmlsafety` (no DTD, no entities, no
network, a size limit). The file is read as a stream: each mandat, titre, bordereau and PJ is
turned into its model as soon as its element is complete, then dropped from the XML tree, so
the tree never holds more than one of them.

Third-party files are read as far as possible: an unknown element, an unreadable value, a
missing element do not stop the reading; each is recorded, with its line, in
``PesAller.read_problems`` (``strict=True`` raises on the first instead). What the models'
rules say about the content is :func:`demat_sdk.pes.validate`'s job.
"""

from __future__ import annotations

import binascii
import itertools
import os
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from demat_sdk._atomic import create_temporary, rename_exclusively
from demat_sdk.errors import PesReadError, PesTooLargeError
from demat_sdk.pes import xmlsafety
from demat_sdk.pes._collector import collector_paused
from demat_sdk.pes._compiler import piece_reader, reader
from demat_sdk.pes.models.depense import BordereauDepense, Mandat
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.models.pj import PieceJustificative
from demat_sdk.pes.models.recette import BordereauRecette, Titre
from demat_sdk.pes.problems import Problem
from demat_sdk.pes.schema import NAMESPACE, XmlFragment
from demat_sdk.pes.simpletypes import SimpleType

__all__ = ["DEFAULT_MAX_PJ_BYTES", "read"]

_ROOT = "PES_Aller"
_TAGS = ("Piece", "Bordereau", "PJ", f"{{*}}{_ROOT}")
_DOMAINS = {
    "PES_DepenseAller": (BordereauDepense, Mandat),
    "PES_RecetteAller": (BordereauRecette, Titre),
}
_GZIP_MAGIC = b"\x1f\x8b"

DEFAULT_MAX_PJ_BYTES = 256 * 1024 * 1024
"""The PJ content a flux may inflate to, all PJ together, unless the caller says otherwise: 256 MiB,
the size a file may have by default (``max_bytes``); a flux travels under 100 MB, and PDF barely
compress."""


class _ReadContext:
    """What the generated readers report to, and how they decode what is not a ``V``."""

    def __init__(self, *, strict: bool, max_pj_bytes: int | None = None) -> None:
        self.strict = strict
        self.problems: list[Problem] = []
        self.max_pj_bytes = max_pj_bytes
        self.pj_bytes = 0  # PJ content inflated so far

    def _add(self, element: Any, message: str) -> None:
        problem = Problem(
            "", message, origin="read", line=element.sourceline, element=_path_of(element)
        )
        if self.strict:
            raise PesReadError(message, line=problem.line, element=problem.element)
        self.problems.append(problem)

    def bad(self, element: Any, simple_type: SimpleType[Any]) -> Any:
        raw = element.get("V")
        if raw is None:
            self._add(element, "the V attribute is missing")
            return None
        try:
            return simple_type.parse(raw)
        except (ValueError, ArithmeticError):
            self._add(element, f"unreadable value {raw!r} ({simple_type.describe()})")
        return None

    def code(self, element: Any, simple_type: SimpleType[Any]) -> Any:
        raw = element.get("V")
        if not raw:
            return self.bad(element, simple_type)
        return simple_type.parse(raw)

    def missing(self, element: Any, path: str) -> None:
        self._add(element, f"missing element {path}")

    def unexpected(self, element: Any) -> None:
        if isinstance(element.tag, str):
            self._add(element, f"unexpected element {etree.QName(element).localname}")

    def file(self, element: Any) -> bytes | None:
        text = element.text or ""
        try:
            data = binascii.a2b_base64(text)
        except binascii.Error as exc:
            self._add(element, f"the PJ content is not base64: {exc}")
            return None
        if not data:
            self._add(element, "the PJ content is empty")
            return b""
        if data[:2] != _GZIP_MAGIC:
            self._add(element, "the PJ content is not compressed with gzip (kept as it is)")
            return data
        room = None if self.max_pj_bytes is None else self.max_pj_bytes - self.pj_bytes
        try:
            content = _gunzip(data, room)
        except _TooBigError:
            raise PesTooLargeError(
                f"the PJ contents inflate beyond {self.max_pj_bytes:,} bytes",
                limit="max_pj_bytes",
                line=element.sourceline,
                element=_path_of(element),
            ) from None
        except (OSError, EOFError, zlib.error) as exc:
            self._add(element, f"the PJ content is not valid gzip: {exc}")
            return data
        self.pj_bytes += len(content)
        return content

    def fragment(self, element: Any) -> XmlFragment:
        return XmlFragment(etree.tostring(element, encoding="unicode", with_tail=False))


def _path_of(element: Any) -> str:
    names = []
    while element is not None:
        if isinstance(element.tag, str):
            names.append(etree.QName(element).localname)
        element = element.getparent()
    return "/".join(reversed(names))


class _TooBigError(Exception):
    """A PJ's content inflates beyond what is left of ``max_pj_bytes``."""


def _gunzip(data: bytes, limit: int | None) -> bytes:
    """The content of a gzip stream (one member or more), never inflating past ``limit`` bytes.

    Raises:
        _TooBigError: the content is longer than ``limit``.
        EOFError: the stream is cut short.
        OSError: bytes that are not gzip follow a member.
        zlib.error: the stream is corrupt (CRC, length, data).
    """
    parts: list[bytes] = []
    size = 0
    while data:
        if data[:2] != _GZIP_MAGIC:
            raise OSError("bytes that are not gzip follow the compressed content")
        inflater = zlib.decompressobj(wbits=31)
        part = inflater.decompress(data, 0 if limit is None else limit - size + 1)
        size += len(part)
        if limit is not None and size > limit:
            raise _TooBigError
        if not inflater.eof:
            raise EOFError("the compressed content is cut short")
        parts.append(part)
        data = inflater.unused_data.lstrip(b"\0")  # zero padding after a member, as gzip allows
    return b"".join(parts)


def read(
    source: xmlsafety.Source,
    *,
    strict: bool = False,
    huge_tree: bool = False,
    max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES,
    max_pj_bytes: int | None = DEFAULT_MAX_PJ_BYTES,
    pj_dir: str | os.PathLike[str] | None = None,
) -> PesAller:
    """Read a ``PES_Aller`` flux (ISO-8859-1 or UTF-8) into its models.

    Args:
        source: a path, the bytes of the file, or a binary file object.
        strict: raise on the first problem instead of recording it in ``read_problems``.
        huge_tree: allow text nodes above 10 MB (a PJ of more than ~7 MB); only for files
            you trust, as it lifts libxml2's protections against oversized documents.
        max_bytes: refuse larger sources before parsing (``None``: no limit).
        max_pj_bytes: the most PJ content the flux may inflate to, all PJ together (the
            contents travel gzipped: a few kilobytes can inflate to gigabytes); beyond it the
            reading stops with :class:`~demat_sdk.errors.PesTooLargeError` (``None``: no
            limit).
        pj_dir: write the content of each PJ to a new file of this directory and keep its
            path in the model, instead of holding every PJ in memory. The file is named after
            the PJ's ``IdUnique`` and ``NomPJ`` (characters other than letters, digits, ``.``,
            ``_`` and ``-`` replaced by ``_``; ``-2``, ``-3``… added when the name is taken), so
            it never lands outside the directory nor over another file.

    Returns:
        The flux; what was wrong in the file is in its ``read_problems``.

    Raises:
        PesReadError: the source is not well-formed XML, declares a DTD, or is not a
            ``PES_Aller`` (and, with ``strict=True``, at the first problem).
        PesTooLargeError: the source is above ``max_bytes``, holds a PJ above 10 MB without
            ``huge_tree``, or PJ contents inflating beyond ``max_pj_bytes``.
        ValueError: ``max_pj_bytes`` is negative.

    Note:
        The cyclic garbage collector is paused while the file is read (the reader makes no
        reference cycles; left on, it would rescan the whole heap again and again as the
        models pile up) and switched back on at the end if it was on, even on error. Memory
        is still freed as usual by reference counting meanwhile.
    """
    if max_pj_bytes is not None and max_pj_bytes < 0:
        raise ValueError(f"max_pj_bytes must be 0 or more, not {max_pj_bytes}")
    with collector_paused():
        return _read(
            source,
            strict=strict,
            huge_tree=huge_tree,
            max_bytes=max_bytes,
            max_pj_bytes=max_pj_bytes,
            pj_dir=pj_dir,
        )


def _read(
    source: xmlsafety.Source,
    *,
    strict: bool,
    huge_tree: bool,
    max_bytes: int | None,
    max_pj_bytes: int | None,
    pj_dir: str | os.PathLike[str] | None,
) -> PesAller:
    context = _ReadContext(strict=strict, max_pj_bytes=max_pj_bytes)
    pending: dict[Any, list[Any]] = {}
    directory = Path(pj_dir) if pj_dir is not None else None
    result: PesAller | None = None
    # The pièces of a bordereau come in a row: how to read them is looked up once for all.
    bordereau: Any = None
    read_piece: Any = None
    stream = xmlsafety.open_source(source, max_bytes=max_bytes)
    try:
        for _, element in xmlsafety.iterparse(
            stream, events=("end",), huge_tree=huge_tree, tag=_TAGS
        ):
            tag = element.tag
            parent = element.getparent()
            if tag == "Piece":
                if parent is not bordereau:
                    bordereau, read_piece = parent, _piece_reader_under(parent)
                if read_piece is None:
                    continue
                pending.setdefault(parent, []).append(read_piece(element, context))
                parent.remove(element)
            elif tag == "Bordereau":
                models = _DOMAINS.get(parent.tag) if parent is not None else None
                if models is None:
                    continue
                bordereau = reader(models[0])(element, context)
                pieces = pending.pop(element, [])
                if models[0] is BordereauDepense:
                    bordereau.mandats = pieces
                else:
                    bordereau.titres = pieces
                if not pieces:
                    context.missing(element, "Piece")
                pending.setdefault(parent, []).append(bordereau)
                parent.remove(element)
            elif tag == "PJ":
                if parent is None or parent.tag != "PES_PJ":
                    continue
                pj = reader(PieceJustificative)(element, context)
                if directory is not None and isinstance(pj.contenu, bytes):
                    pj.contenu = _extract(directory, pj)
                pending.setdefault(parent, []).append(pj)
                parent.remove(element)
            elif parent is None:
                result = _root(element, context, pending)
    except etree.XMLSyntaxError as exc:  # pragma: no cover - xmlsafety converts them
        raise PesReadError(f"not well-formed XML: {exc.msg}", line=exc.lineno) from None
    except PesReadError as exc:
        if not huge_tree and ("huge text node" in str(exc) or "XML_PARSE_HUGE" in str(exc)):
            raise PesTooLargeError(
                "a PJ is larger than 10 MB, the hardened parser's limit for a text",
                limit="huge_tree",
                line=exc.line,
            ) from None
        raise
    finally:
        if stream is not source:
            stream.close()
    if result is None:
        raise PesReadError("the document is not a PES_Aller (root n:PES_Aller expected)", line=1)
    result.read_problems = context.problems
    return result


def _piece_reader_under(parent: Any) -> Any:
    """What reads the ``Piece`` elements under ``parent``; ``None`` if not a bordereau's."""
    domain = parent.getparent() if parent is not None else None
    models = _DOMAINS.get(domain.tag) if domain is not None else None
    if models is None or parent.tag != "Bordereau":
        return None
    return piece_reader(models[1])


def _root(element: Any, context: _ReadContext, pending: dict[Any, list[Any]]) -> PesAller:
    qname = etree.QName(element)
    if qname.namespace != NAMESPACE:
        context._add(
            element,
            f"the root is {{{qname.namespace or ''}}}{qname.localname}, expected "
            f"{{{NAMESPACE}}}PES_Aller",
        )
    pes: PesAller = reader(PesAller)(element, context)
    for child in element:
        found = pending.pop(child, None)
        if found is None:
            continue
        if child.tag == "PES_DepenseAller" and pes.depense is not None:
            pes.depense.bordereaux = found
        elif child.tag == "PES_RecetteAller" and pes.recette is not None:
            pes.recette.bordereaux = found
        elif child.tag == "PES_PJ" and pes.pj is not None:
            pes.pj.pieces_justificatives = found
    for container, path in (
        (pes.depense, "PES_DepenseAller/Bordereau"),
        (pes.recette, "PES_RecetteAller/Bordereau"),
    ):
        if container is not None and not container.bordereaux:
            context.missing(element, path)
    return pes


def _extract(directory: Path, pj: PieceJustificative) -> Path:
    """Write a PJ's content to a new file of ``directory``: never outside it, never over a file.

    The content goes to a temporary file first, which then takes its name in one step: a
    failure leaves no partial file under the PJ's name.
    """
    directory.mkdir(parents=True, exist_ok=True)
    name = _safe_file_name(f"{pj.id_unique}_{pj.nom}")
    suffix = Path(name).suffix if len(Path(name).suffix) <= 10 else ""
    stem = name[: len(name) - len(suffix)]
    handle, temporary = create_temporary(directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pj.contenu)  # type: ignore[arg-type]
        for rank in itertools.count(1):
            target = directory / (name if rank == 1 else f"{stem}-{rank}{suffix}")
            try:
                rename_exclusively(temporary, target)
            except FileExistsError:
                continue
            return target
        raise AssertionError("unreachable")  # pragma: no cover
    finally:
        temporary.unlink(missing_ok=True)


def _safe_file_name(text: str) -> str:
    """``text`` as one file name: no separator, no leading dot, at most 200 characters."""
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in text)
    return safe.lstrip(".")[:200] or "PJ"
