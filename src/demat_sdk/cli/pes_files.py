"""Reading the PES files given to ``demat pes`` and ``demat ack``: errors that name the file.

A read error says which file is at fault (``--against SENT.xml: line 12: …``), and a file of
another kind (an ACK given to ``pes show``, a PES_Aller given to ``ack show``…) is named as
what it is, with the command that reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from demat_sdk.errors import PesReadError, PesTooLargeError
from demat_sdk.helios import FileKind, detect_kind

__all__ = ["read_pes_file"]

T = TypeVar("T")

_WHAT = {
    FileKind.ALLER: "a PES_Aller",
    FileKind.ACQUIT: "a PES_ACQUIT (acquittement)",
    FileKind.RETOUR: "a PES_Retour",
    FileKind.ACQUIT_RETOUR: "a PES_ACQUIT_RETOUR (acknowledgement of a PES_Retour)",
    FileKind.NON_ACQUIT: "a PES_NonAcquit",
}

_READ_BY = {
    FileKind.ALLER: "read it with: demat pes show {path}",
    FileKind.ACQUIT: "read it with: demat ack show {path}",
    FileKind.RETOUR: "no demat command reads it (the library's demat_sdk.pes.read_retour does)",
    FileKind.ACQUIT_RETOUR: (
        "no demat command reads it (the library's demat_sdk.pes.read_acquit_retour does)"
    ),
    FileKind.NON_ACQUIT: "no demat command reads it",
}


_LIFT = {
    "huge_tree": "re-run with --huge-tree if you trust the file",
    "max_bytes": "the demat command reads no larger file: split the flux",
    "max_pj_bytes": (
        "the demat command inflates no more: read it with demat_sdk.pes.read(max_pj_bytes=...)"
    ),
}
"""How to lift each limit of :class:`PesTooLargeError` with the command, or why one cannot."""


def read_pes_file(
    read: Callable[[Path], T],
    path: Path,
    expected: FileKind,
    *,
    option: str = "",
    instead: str = "",
) -> T:
    """``read(path)``, its errors naming the file (and ``option``, the option that gave it).

    Args:
        read: the reader (``pes.read``, ``pes.read_acquit``…), given the path.
        path: the file.
        expected: the kind of file the command reads.
        option: the option that named the file (``--against``), if any.
        instead: what to give instead when the file is of another kind.

    Raises:
        PesReadError: the file is of another kind, or cannot be read as ``expected``; the
            message opens with the file (and, beyond a limit of the reader, says what the
            command can do about it).
    """
    name = f"{option} {path}" if option else str(path)
    kind = detect_kind(path)
    if kind not in (expected, FileKind.UNKNOWN):
        hint = f"give {instead}" if instead else _READ_BY[kind].format(path=path)
        raise PesReadError(f"{name}: {_WHAT[kind]}, not {_WHAT[expected]}; {hint}")
    try:
        return read(path)
    except PesTooLargeError as refused:
        advice = _LIFT[refused.limit]
        raise PesReadError(f"{name}: {_located(refused)}; {advice}") from refused
    except PesReadError as refused:
        raise PesReadError(f"{name}: {_located(refused)}") from refused


def _located(refused: PesReadError) -> str:
    """``line N: reason (element E)`` from a reader's error."""
    text = refused.reason
    if refused.element:
        text = f"{text} (element {refused.element})"
    return f"line {refused.line}: {text}" if refused.line else text
