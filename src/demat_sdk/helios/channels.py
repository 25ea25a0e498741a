"""How a PES file travels to Hélios and how its answers come back: the channel contract.

A :class:`HeliosChannel` does two things: :meth:`~HeliosChannel.send` a file (a PES_Aller, a
PES_ACQUIT_RETOUR) and get a :class:`Receipt` (name, size, SHA-1, time: the trace a
transmission platform must keep), and :meth:`~HeliosChannel.poll` the files Hélios returned
(ACKs, PES_Retour) as :class:`IncomingFile` objects, each handed over once. The consumer files
each one with :meth:`~HeliosChannel.mark_processed` once it has taken it into account, or
:meth:`~HeliosChannel.quarantine` when it cannot be read.

Implementations: :class:`~demat_sdk.helios.FolderChannel` (a drop directory and a pick-up
directory shared with a transmission platform) and, in :mod:`demat_sdk.testing`, the emulator of
Hélios. Any object with these four methods is a channel: an in-memory one is a few lines.
"""

from __future__ import annotations

import enum
import io
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from demat_sdk.errors import PesReadError
from demat_sdk.pes import xmlsafety

__all__ = [
    "FileKind",
    "FileSource",
    "HeliosChannel",
    "IncomingFile",
    "Receipt",
    "detect_kind",
]

FileSource = bytes | str | os.PathLike[str]
"""What can be sent: the bytes of a file, or its path."""


class FileKind(enum.Enum):
    """What a file exchanged with Hélios is, told by its root element."""

    ACQUIT = "PES_ACQUIT"
    """An acquittement (ACK) of a PES_Aller: :func:`demat_sdk.pes.acquit.read_acquit`."""

    RETOUR = "PES_Retour"
    """A return of the comptable: :func:`demat_sdk.pes.retour.read_retour`."""

    ACQUIT_RETOUR = "PES_ACQUIT_RETOUR"
    """An acknowledgement of a return: :func:`demat_sdk.pes.retour.read_acquit_retour`."""

    ALLER = "PES_Aller"
    """A PES_Aller (what the ordonnateur sends)."""

    NON_ACQUIT = "PES_NonAcquit"
    """The legacy refusal of a whole file (not produced any more)."""

    UNKNOWN = "unknown"
    """Not XML, not PES, or refused by the hardened parser (a DTD…)."""


_KINDS = {kind.value: kind for kind in FileKind if kind is not FileKind.UNKNOWN}


def detect_kind(source: bytes | str | os.PathLike[str]) -> FileKind:
    """Tell a file's kind from its root element (only the start of the file is read).

    Hostile or broken files are :attr:`FileKind.UNKNOWN`; reading them with the matching reader
    gives the reason.

    Raises:
        OSError: the file cannot be read (missing, permissions, I/O): that says nothing of
            what it holds.
    """
    with io.BytesIO(source) if isinstance(source, bytes) else Path(source).open("rb") as stream:
        try:
            for _, element in xmlsafety.iterparse(stream, events=("start",)):
                tag = element.tag if isinstance(element.tag, str) else ""
                return _KINDS.get(tag.rsplit("}", 1)[-1], FileKind.UNKNOWN)
        except PesReadError:
            pass
    return FileKind.UNKNOWN


@dataclass(frozen=True)
class Receipt:
    """Proof that a channel took a file for Hélios.

    Attributes:
        name: the file name on the channel (what Hélios and the platform see).
        size: its size in bytes.
        sha1: its SHA-1, in hexadecimal (transmission platforms keep it in their trace).
        sent_at: when the channel took it (timezone-aware).
        reference: where the channel keeps its copy or record (a path for a folder channel).
    """

    name: str
    size: int
    sha1: str
    sent_at: datetime
    reference: str


@dataclass(frozen=True)
class IncomingFile:
    """A file Hélios sent back, claimed by one consumer until it is filed.

    Attributes:
        name: the file name as delivered.
        kind: what it is (ACK, PES_Retour…), from its root element.
        size: its size in bytes.
        received_at: when it was delivered (the file's modification time for a folder).
        path: where it lies while claimed, for channels that keep files on disk.
        content: its bytes, for channels that keep files in memory.
        recovered: ``True`` when it was claimed by a consumer that stopped before filing it,
            and handed over again by an explicit recovery.
    """

    name: str
    kind: FileKind
    size: int
    received_at: datetime
    path: Path | None = None
    content: bytes | None = None
    recovered: bool = False

    @property
    def source(self) -> Path | bytes:
        """What the PES readers take: the path, or else the bytes."""
        if self.path is not None:
            return self.path
        if self.content is not None:
            return self.content
        raise ValueError(f"{self.name}: an incoming file has a path or a content")

    def read_bytes(self) -> bytes:
        """The file's bytes."""
        source = self.source
        return source.read_bytes() if isinstance(source, Path) else source


@runtime_checkable
class HeliosChannel(Protocol):
    """The way PES files go to Hélios and its answers come back."""

    def send(self, file: FileSource, *, name: str | None = None) -> Receipt:
        """Hand a file over for Hélios; sending the same file under the same name again is safe.

        Args:
            file: the bytes or the path of the file.
            name: its name on the channel (by default the path's name; required for bytes).
        """
        ...

    def poll(self, *, limit: int | None = None) -> list[IncomingFile]:
        """Claim the files delivered since the last poll; each is handed over only once."""
        ...

    def mark_processed(self, incoming: IncomingFile) -> None:
        """File a claimed file as taken into account."""
        ...

    def quarantine(self, incoming: IncomingFile, reason: str) -> None:
        """Set a claimed file aside with the reason it could not be taken into account."""
        ...
