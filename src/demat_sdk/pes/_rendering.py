"""How a model becomes the bytes of a PES file: the sink the generated writers write into.

The generated writer of a model (:mod:`demat_sdk.pes._compiler`) appends escaped text to a
:class:`Sink`, checking each value on the way and reporting problems to a :class:`Report`;
the sink encodes the text (ISO-8859-1 with the Latin-1 mapping, or UTF-8), writes it in chunks
and streams each pièce justificative from its source through gzip and base64, so memory stays
bounded. :func:`render` writes a whole document; :func:`document_bytes` the small ones (ACK,
``PES_ACQUIT_RETOUR``), whose model is checked before.
"""

from __future__ import annotations

import binascii
import contextlib
import dataclasses
import io
import mimetypes
import os
import re
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any, Literal

from demat_sdk.errors import PesModelError, PesWriteError
from demat_sdk.pes._compiler import location, writer
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.models.pj import PieceJustificative
from demat_sdk.pes.problems import Problem
from demat_sdk.pes.rules import TextPolicy, Truncation, truncation_of
from demat_sdk.pes.schema import NAMESPACE, XmlFragment

__all__ = [
    "CHUNK",
    "Encoding",
    "Options",
    "Report",
    "Sink",
    "TooBigError",
    "document_bytes",
    "refuse",
    "render",
]

CHUNK = 1 << 20
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)
_SPECIAL = re.compile('[&<>"\t\n\r]').search

Encoding = Literal["ISO-8859-1", "UTF-8"]
"""The encodings the writers produce."""


def _root(name: str, namespace: str) -> tuple[str, str]:
    """The start (attributes still open) and the end of a namespaced root element."""
    return f'<n:{name} xmlns:n="{namespace}"', f"</n:{name}>"


_ALLER_ROOT = _root("PES_Aller", NAMESPACE)


@dataclasses.dataclass(frozen=True)
class Options:
    encoding: str
    policy: TextPolicy
    compresslevel: int


class TooBigError(Exception):
    """The file being written passed ``max_bytes``: the flux must be split."""


class Report:
    """What the generated writers report their problems to (and the policy's truncations)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.truncations: list[Truncation] = []

    def __call__(self, loc: Any, attr: str, message: str) -> bool:
        where = " / ".join((*location(loc), attr))
        truncation = truncation_of(where, message)
        if truncation is not None:
            self.truncations.append(truncation)
            return False
        self.problems.append(Problem(where, message))
        return True


class Sink:
    """What the generated writers write into: chunks of text, flushed to a binary file."""

    def __init__(self, fh: IO[bytes], options: Options, max_bytes: int | None) -> None:
        self.fh = fh
        self.options = options
        self.policy = options.policy
        self.fast = not options.policy.truncate
        self.codec = "iso-8859-1" if options.encoding == "ISO-8859-1" else "utf-8"
        self.parts: list[str] = []
        self.append = self.parts.append
        self.size = 0
        self.max_bytes = max_bytes
        self.escape = _make_escape(options.policy)

    def flush(self) -> None:
        if self.parts:
            data = "".join(self.parts).encode(self.codec)
            self.parts.clear()
            self._out(data)

    def _out(self, data: bytes) -> None:
        self.size += len(data)
        if self.max_bytes is not None and self.size > self.max_bytes:
            raise TooBigError
        self.fh.write(data)

    def fragment(self, fragment: XmlFragment) -> str:
        xml = fragment.xml
        if self.codec == "iso-8859-1":
            xml = xml.encode("iso-8859-1", "xmlcharrefreplace").decode("iso-8859-1")
        return xml

    def write_file(self, pj: PieceJustificative, content: Any, mime: str | None, tag: str) -> None:
        mime = mime or _guess_mime(pj.nom)
        self.append(f'<{tag} MIMEType="{self.escape(mime, None)}">')
        self.flush()
        level = self.options.compresslevel
        with _open_content(content, pj, self.options) as source:
            for chunk in _gzip_base64(source, level):
                self._out(chunk)
        self.append(f"</{tag}>")


def _make_escape(policy: TextPolicy) -> Callable[[str, int | None], str]:
    translate = str.translate
    if not policy.latin1 and not policy.truncate:

        def escape(text: str, max_length: int | None) -> str:
            return translate(text, _ESCAPES) if _SPECIAL(text) else text

        return escape
    prepare = policy.prepare

    def escape_prepared(text: str, max_length: int | None) -> str:
        if not text.isascii() or policy.truncate:
            text = prepare(text, max_length)
        return translate(text, _ESCAPES) if _SPECIAL(text) else text

    return escape_prepared


def _guess_mime(name: object) -> str:
    if isinstance(name, str):
        guessed, _ = mimetypes.guess_type(name, strict=False)
        if guessed:
            return "text/xml" if guessed == "application/xml" else guessed
    return "application/octet-stream"


@contextlib.contextmanager
def _open_content(content: Any, pj: PieceJustificative, options: Options) -> Iterator[IO[bytes]]:
    if isinstance(content, (bytes, bytearray, memoryview)):
        yield io.BytesIO(content)
    elif isinstance(content, PesAller):
        from demat_sdk.pes.writer import to_bytes  # a PES carried as a PJ: checked fully

        yield io.BytesIO(to_bytes(content, encoding=options.encoding))
    elif isinstance(content, os.PathLike):
        try:
            handle = open(content, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise PesWriteError(f"PJ {pj.id_unique}: cannot read {content}: {exc}") from exc
        with handle:
            yield handle
    else:
        yield content


def _gzip_base64(source: IO[bytes], level: int) -> Iterator[bytes]:
    """The base64 text of the gzip compression of ``source``, in chunks (constant memory)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    pending = b""
    while True:
        chunk = source.read(CHUNK)
        if not chunk:
            break
        pending += compressor.compress(chunk)
        usable = len(pending) - len(pending) % 3
        if usable:
            yield binascii.b2a_base64(pending[:usable], newline=False)
            pending = pending[usable:]
    pending += compressor.flush()
    if pending:
        yield binascii.b2a_base64(pending, newline=False)


def _declaration(encoding: str) -> str:
    return f'<?xml version="1.0" encoding="{encoding}"?>\n'


def render(
    model: Any,
    fh: IO[bytes],
    options: Options,
    max_bytes: int | None,
    root: tuple[str, str] = _ALLER_ROOT,
    report: Report | None = None,
) -> int:
    """Write ``model`` to ``fh``, checking it on the way.

    Raises:
        PesModelError: a value broke its facet (unless ``report`` is given: it then holds the
            problems, and the values were written as well as they could be).
    """
    found = report if report is not None else Report()
    sink = Sink(fh, options, max_bytes)
    sink.append(_declaration(options.encoding))
    writer(type(model))(model, root[0], root[1], sink, sink.append, 0, found, None)
    if report is None:
        refuse(found.problems)
    sink.append("\n")
    sink.flush()
    return sink.size


# --- small documents (ACK, PES_ACQUIT_RETOUR) --------------------------------------------


def refuse(problems: list[Problem]) -> None:
    """Raise the :class:`PesModelError` listing ``problems``, if there are any."""
    if problems:
        raise PesModelError([(p.location, p.message) for p in problems])


def document_bytes(model: Any, *, root: str, namespace: str, encoding: Encoding) -> bytes:
    """The XML of a small model whose root is ``n:<root>`` in ``namespace``, unchecked.

    The same generated writer as a ``PES_Aller``'s: schema order, ``V`` attributes, the
    Latin-1 mapping for ISO-8859-1. The caller checks the model first.
    """
    options = Options(
        encoding, TextPolicy(latin1=encoding == "ISO-8859-1", truncate=False), compresslevel=6
    )
    buffer = io.BytesIO()
    render(model, buffer, options, None, _root(root, namespace), report=Report())
    return buffer.getvalue()
