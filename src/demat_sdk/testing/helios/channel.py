"""``FakeHeliosChannel``: the :class:`~demat_sdk.helios.HeliosChannel` of the Hélios emulator.

What a hospital's code written against the channel contract sees when Hélios is
:class:`~demat_sdk.testing.helios.FakeHelios`: :meth:`~FakeHeliosChannel.send` hands a file to
the emulator and returns a receipt stamped by the emulator clock (the same bytes under the same
name again return the first receipt; other bytes under a used name are refused, as Hélios tells
files apart by name); :meth:`~FakeHeliosChannel.poll` claims the acquittements and PES_Retour
the emulator made available — once their time has come — each handed over once;
:meth:`~FakeHeliosChannel.mark_processed` and :meth:`~FakeHeliosChannel.quarantine` file a
claimed one (:attr:`~FakeHeliosChannel.processed`, :attr:`~FakeHeliosChannel.quarantined`).

Faults: given a :class:`~demat_sdk.testing.Faults`, the channel fails ``send`` before the hand-over
(``SEND_FAILS_BEFORE``: nothing reaches Hélios), after it (``SEND_FAILS_AFTER``: Hélios has the
file, the caller gets no receipt, and a second ``send`` of it reaches Hélios again, as with a
transmission platform that already forwarded the first copy), or ``poll`` (``POLL_FAILS``: nothing
is claimed). Rules name the operation ``"send"`` or ``"poll"``; the same seed and calls give the
same faults.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from demat_sdk.errors import ChannelError, InvalidRequestError
from demat_sdk.helios.channels import FileSource, IncomingFile, Receipt, detect_kind
from demat_sdk.helios.folder import _check_name
from demat_sdk.testing.faults import FaultKind, Faults
from demat_sdk.testing.helios.fake import FakeHelios

__all__ = ["FakeHeliosChannel"]


class FakeHeliosChannel:
    """A :class:`~demat_sdk.helios.HeliosChannel` whose other end is a :class:`FakeHelios`.

    Args:
        helios: the emulator.
        faults: the fault rules of the channel (none by default).
    """

    def __init__(self, helios: FakeHelios, *, faults: Faults | None = None) -> None:
        self.helios = helios
        self.faults = faults if faults is not None else Faults()
        """The fault rules (operations ``"send"`` and ``"poll"``) and what they did."""
        self._receipts: dict[str, Receipt] = {}
        self._handed: set[str] = set()
        self._claimed: dict[str, IncomingFile] = {}
        self.processed: list[str] = []
        """Names of the files filed as taken into account, in order."""
        self.quarantined: dict[str, str] = {}
        """Names of the files set aside, with the reason given."""

    def __repr__(self) -> str:
        return f"FakeHeliosChannel(sent={len(self._receipts)}, claimed={len(self._claimed)})"

    def send(self, file: FileSource, *, name: str | None = None) -> Receipt:
        """Hand a file to the emulator; sending the same file under the same name again is safe.

        Raises:
            InvalidRequestError: no usable name, or other bytes were already sent under it.
            ChannelError: the file could not be read, or an injected fault (``handed_over``
                says whether Hélios got the file).
        """
        if isinstance(file, bytes):
            if name is None:
                raise InvalidRequestError("a name is required to send bytes", field="name")
            data = file
        else:
            name = name or Path(file).name
            try:
                data = Path(file).read_bytes()
            except OSError as exc:
                raise ChannelError(
                    f"could not read {file}: {exc}", path=str(file), handed_over=False
                ) from exc
        _check_name(name)
        sha1 = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        previous = self._receipts.get(name)
        if previous is not None:
            if previous.sha1 != sha1:
                raise InvalidRequestError(
                    f"another file was already sent as {name!r} (SHA-1 {previous.sha1}); "
                    "Hélios tells files apart by their name: give this one a new name",
                    field="name",
                )
            return previous
        fault = self.faults.draw("send", name)
        if fault is not None and fault.kind is FaultKind.SEND_FAILS_BEFORE:
            raise ChannelError(
                f"could not hand {name!r} over (injected fault)", path=name, handed_over=False
            )
        self.helios.receive(data, name)
        if fault is not None and fault.kind is FaultKind.SEND_FAILS_AFTER:
            raise ChannelError(f"the transfer of {name!r} was cut (injected fault)", path=name)
        receipt = Receipt(
            name=name,
            size=len(data),
            sha1=sha1,
            sent_at=self.helios.clock.now(),
            reference=f"fake-helios:{name}",
        )
        self._receipts[name] = receipt
        return receipt

    def poll(self, *, limit: int | None = None) -> list[IncomingFile]:
        """Claim the acquittements and PES_Retour made available since the last poll.

        Raises:
            ChannelError: an injected ``POLL_FAILS`` fault; nothing was claimed.
        """
        fault = self.faults.draw("poll", "poll")
        if fault is not None and fault.kind is FaultKind.POLL_FAILS:
            raise ChannelError("the pick-up directory could not be read (injected fault)")
        found: list[IncomingFile] = []
        for outgoing in self.helios.outbox():
            if outgoing.name in self._handed:
                continue
            if limit is not None and len(found) >= limit:
                break
            incoming = IncomingFile(
                name=outgoing.name,
                kind=detect_kind(outgoing.content),
                size=len(outgoing.content),
                received_at=outgoing.available_at,
                content=outgoing.content,
            )
            self._handed.add(outgoing.name)
            self._claimed[outgoing.name] = incoming
            found.append(incoming)
        return found

    def _release(self, incoming: IncomingFile) -> None:
        if self._claimed.pop(incoming.name, None) is None:
            raise InvalidRequestError(
                f"{incoming.name!r} is not a file this channel handed over and still holds",
                field="incoming",
            )

    def mark_processed(self, incoming: IncomingFile) -> None:
        """File a claimed file as taken into account.

        Raises:
            InvalidRequestError: the file was not claimed through this channel, or is filed.
        """
        self._release(incoming)
        self.processed.append(incoming.name)

    def quarantine(self, incoming: IncomingFile, reason: str) -> None:
        """Set a claimed file aside with the reason it could not be taken into account.

        Raises:
            InvalidRequestError: the file was not claimed through this channel, or is filed.
        """
        self._release(incoming)
        self.quarantined[incoming.name] = reason
