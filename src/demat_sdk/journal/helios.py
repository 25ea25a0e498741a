"""PES files sent to Hélios through the journal: each flux handed over once, its ACK awaited.

One kind of submission, ``helios.pes``:

* key: the flux's ``CodCol`` and ``NomFic`` (``"130/PESALR2_26130001600019_260105_001.xml"``):
  Hélios tells files apart by their ``NomFic``, and its acquittement copies the ``Enveloppe``
  and the ``EnTetePES`` of the flux it answers, so the ACK finds its entry;
* payload: the bytes of the PES_Aller, kept until Hélios has answered;
* send: :meth:`~demat_sdk.helios.HeliosChannel.send` through the channel; a receipt proves the
  hand-over, not the outcome: the entry is ``AWAITING`` (its ``result`` holds the receipt);
* outcome: the ACK, which the caller reads from the channel's incoming files and records with
  :meth:`JournaledHelios.record_acquit`: the entry is then ``CONFIRMED``, whether Hélios accepted
  or rejected what the flux holds (the ACK *is* the outcome; ``result["acquit"]`` sums it up, and
  :func:`demat_sdk.helios.reconcile` details it object by object).

Why the journal waits for the ACK instead of sending again: when the channel fails during the
transfer, or the process stops between the intent and the outcome, the file may have reached
Hélios. Sending it again when its ACK is merely late makes Hélios integrate nothing of the second
copy and answer it with ``ERREUR_DOUBLON_BORDEREAU``, ``ERREUR_DOUBLON_PIECE`` and
``ERREUR_DOUBLON_PJ`` — or, worse, with a transmission platform that renames files, integrate
what the first copy did not. So an entry whose outcome is unknown is declared "never arrived",
and sent again, only when no ACK came ``ack_deadline`` after the last attempt
(:data:`DEFAULT_ACK_DEADLINE`: three days, a week-end included, for an answer that usually comes
within the night). An ACK recorded after that (a very late one) still settles the entry.

The journal does not poll the channel itself: polling claims the files, and the ACK is also
what the accounting software takes into account (rejections to correct, PES_Retour to
follow). The caller's loop that polls does one more thing with each ACK: record it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from os import PathLike
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread

from demat_sdk.errors import InvalidRequestError, PesReadError
from demat_sdk.helios.channels import HeliosChannel, IncomingFile, Receipt
from demat_sdk.journal.async_journal import AsyncJournal
from demat_sdk.journal.chorus import Prepared
from demat_sdk.journal.entries import JournalEntry, Outcome, Verdict, VerdictKind
from demat_sdk.journal.journal import Handler, Journal, ResumeReport
from demat_sdk.pes.acquit import Acquit, read_acquit
from demat_sdk.pes.header import PesHeader, read_header
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.writer import to_bytes

__all__ = [
    "DEFAULT_ACK_DEADLINE",
    "AckWait",
    "AsyncJournaledHelios",
    "HeliosKinds",
    "JournaledHelios",
    "acquit_summary",
    "flux_key",
    "helios_handlers",
    "prepare_pes",
]

DEFAULT_ACK_DEADLINE = timedelta(days=3)
"""How long after an attempt with no ACK a PES whose hand-over is uncertain is deemed lost.

Hélios answers within the night; three days leave room for a week-end and a slow platform."""

_OPERATION = "helios.send"


@dataclass(frozen=True)
class HeliosKinds:
    """The name of the Hélios kind of submission, in a namespace."""

    namespace: str = "helios"

    @property
    def pes(self) -> str:
        """Kind of a PES_Aller sent to Hélios."""
        return f"{self.namespace}.pes"

    @property
    def all(self) -> tuple[str]:
        """The kinds (one)."""
        return (self.pes,)


@dataclass(frozen=True)
class AckWait:
    """How the Hélios reconciler decides.

    Attributes:
        clock: the current time (timezone-aware); a journal's own clock is the natural choice.
        ack_deadline: a PES with no ACK this long after its last attempt never arrived (it is
            then sent again).
    """

    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
    ack_deadline: timedelta = DEFAULT_ACK_DEADLINE


def flux_key(code_collectivite: str | None, nom_fichier: str | None) -> str:
    """The journal key of a PES_Aller and of its ACK: ``CodCol/NomFic``."""
    return f"{code_collectivite or ''}/{nom_fichier or ''}"


def _header_of(content: bytes) -> PesHeader:
    """The header of a flux about to be journaled; ``NomFic`` and ``CodCol`` are required."""
    try:
        header = read_header(content)
    except PesReadError as exc:
        raise InvalidRequestError(f"not a readable PES_Aller: {exc}", operation=_OPERATION) from exc
    for tag, value in (("NomFic", header.nom_fichier), ("CodCol", header.code_collectivite)):
        if not value:
            raise InvalidRequestError(
                f"the flux has no {tag}: it is how its acquittement finds it",
                operation=_OPERATION,
                field=tag,
            )
    return header


def prepare_pes(flux: PesAller | bytes, kinds: HeliosKinds, *, name: str | None = None) -> Prepared:
    """What the journal records for a PES_Aller: its kind, key, payload and meta.

    Args:
        flux: the flux, as models (written with :func:`demat_sdk.pes.to_bytes`) or as bytes.
        kinds: the kind's namespace.
        name: its file name on the channel (its ``NomFic`` by default).

    Raises:
        InvalidRequestError: not a PES_Aller, or no ``NomFic``/``CodCol``; nothing is recorded.
        PesModelError: the models break a rule of the PES (when ``flux`` is models).
    """
    content = to_bytes(flux) if isinstance(flux, PesAller) else flux
    header = _header_of(content)
    return Prepared(
        kind=kinds.pes,
        key=flux_key(header.code_collectivite, header.nom_fichier),
        payload=content,
        meta={
            "nom_fichier": header.nom_fichier,
            "code_collectivite": header.code_collectivite,
            "code_budget": header.code_budget or "",
            "siret": header.siret or "",
            "code_poste": header.code_poste or "",
            "name": name or header.nom_fichier,
        },
    )


# --- answers and verdicts (no I/O) ---------------------------------------------------------


def _receipt_result(receipt: Receipt) -> dict[str, Any]:
    return {
        "receipt": {
            "name": receipt.name,
            "size": receipt.size,
            "sha1": receipt.sha1,
            "sent_at": receipt.sent_at.isoformat(),
            "reference": receipt.reference,
        }
    }


def acquit_summary(acquit: Acquit, *, name: str | None = None) -> dict[str, Any]:
    """What the journal keeps of an ACK (JSON values): accepted or not, and what was rejected.

    Args:
        acquit: the acquittement.
        name: the ACK's file name, if known.
    """
    return {
        "name": name,
        "nom_fichier": acquit.nom_fichier,
        "accepte": acquit.accepte,
        "flux_rejete": acquit.flux_rejete,
        "elements": len(acquit.elements),
        "rejets": [
            {
                "objet": element.objet,
                "anomalies": sorted(
                    {
                        str(getattr(found.erreur.numero_anomalie, "value", "?"))
                        for found in element.iter_erreurs()
                    }
                ),
            }
            for element in acquit.rejets
        ],
    }


def _ack_verdict(entry: JournalEntry, how: AckWait) -> Verdict:
    attempted = entry.attempted_at
    deadline = attempted + how.ack_deadline
    if how.clock() < deadline:
        return Verdict(
            VerdictKind.UNDECIDED,
            reason=f"no acquittement yet: the flux may be in Hélios (until {deadline.isoformat()})",
        )
    return Verdict(
        VerdictKind.ABSENT,
        reason=f"no acquittement {how.ack_deadline} after the last attempt: it never arrived",
    )


# --- handlers ------------------------------------------------------------------------------


def helios_handlers(
    channel: HeliosChannel, *, kinds: HeliosKinds | None = None, how: AckWait | None = None
) -> dict[str, Handler]:
    """The handler of the ``helios.pes`` kind, sending through ``channel``.

    The reconciler never asks Hélios (only the ACK tells what became of a flux): before the
    deadline it leaves the entry waiting, after it declares the flux lost.

    Args:
        channel: the channel to Hélios.
        kinds: the kind's namespace (``"helios"`` by default).
        how: the clock and the ACK deadline of the reconciler.
    """
    kinds = kinds or HeliosKinds()
    how = how or AckWait()

    def send(entry: JournalEntry) -> Outcome:
        receipt = channel.send(entry.payload or b"", name=entry.meta["name"])
        return Outcome(reference=None, result=_receipt_result(receipt), awaiting=True)

    def reconcile(entry: JournalEntry) -> Verdict:
        return _ack_verdict(entry, how)

    return {kinds.pes: Handler(send=send, reconcile=reconcile)}


AcquitSource = Acquit | IncomingFile | bytes | str | PathLike[str]
"""An ACK as models, as a file from a channel, or as bytes or a path."""


@dataclass(frozen=True)
class _Answer:
    """An ACK read, with what settles the entry of the flux it answers (internal)."""

    acquit: Acquit
    name: str | None

    @classmethod
    def of(cls, acquit: AcquitSource, name: str | None = None) -> _Answer:
        """Read an ACK given in any of the accepted forms (``PesReadError`` if unreadable)."""
        if isinstance(acquit, IncomingFile):
            name = name or acquit.name
            acquit = acquit.source
        if not isinstance(acquit, Acquit):
            if name is None and isinstance(acquit, (str, PathLike)):
                name = Path(acquit).name
            acquit = read_acquit(acquit)
        return cls(acquit, name)

    @property
    def key(self) -> str:
        """The journal key of the flux it answers: ``CodCol/NomFic``."""
        return flux_key(self.acquit.en_tete.code_collectivite, self.acquit.nom_fichier)

    def verdict(self, entry: JournalEntry) -> Verdict:
        """``CONFIRMED``: the receipt kept, the ACK summed up beside it."""
        return Verdict(
            VerdictKind.CONFIRMED,
            reference=self.acquit.nom_fichier,
            result={**(entry.result or {}), "acquit": acquit_summary(self.acquit, name=self.name)},
            reason=f"acquittement {self.name} received" if self.name else "acquittement received",
        )


class JournaledHelios:
    """PES files sent to Hélios exactly once, through a journal (blocking).

    Args:
        journal: the journal that records them.
        channel: the channel that carries them.
        namespace: prefix of the kind registered on the journal (one per channel when several
            share a journal).
        ack_deadline: how long after an attempt with no ACK a flux whose hand-over is uncertain
            is deemed lost and sent again (see :mod:`demat_sdk.journal.helios`).

    :meth:`send` returns the entry ``AWAITING`` its ACK (``entry.result["receipt"]``);
    :meth:`record_acquit` settles it when the ACK comes; :meth:`resume` finishes what a crash
    or a failed transfer left.
    """

    def __init__(
        self,
        journal: Journal,
        channel: HeliosChannel,
        *,
        namespace: str = "helios",
        ack_deadline: timedelta = DEFAULT_ACK_DEADLINE,
    ) -> None:
        self.journal = journal
        self.channel = channel
        self.kinds = HeliosKinds(namespace)
        how = AckWait(clock=journal.clock, ack_deadline=ack_deadline)
        for kind, handler in helios_handlers(channel, kinds=self.kinds, how=how).items():
            journal.register(kind, handler)

    def __repr__(self) -> str:
        return (
            f"JournaledHelios({self.journal!r}, {self.channel!r}, "
            f"namespace={self.kinds.namespace!r})"
        )

    def send(self, flux: PesAller | bytes, *, name: str | None = None) -> JournalEntry:
        """Send a PES_Aller once through the journal.

        Args:
            flux: the flux, as models or as the bytes of the file.
            name: its file name on the channel (its ``NomFic`` by default).

        Returns:
            The entry: ``AWAITING`` its ACK, ``CONFIRMED`` once the ACK was recorded, or
            ``REJECTED`` when the channel refused it (another file under the same name).

        Raises:
            InvalidRequestError: not a PES_Aller, or no ``NomFic``/``CodCol``; nothing recorded.
            ChannelError: the transfer failed; the entry stays in the journal (``NOT_SENT`` if
                the file certainly did not leave, else ``UNKNOWN``), :meth:`resume` finishes it.
            OutcomeUnknownError: sent again while its first hand-over is uncertain and no ACK
                came yet; it is not sent before the ACK deadline.
            SubmissionConflictError: another content under the same ``CodCol``/``NomFic``.
        """
        prepared = prepare_pes(flux, self.kinds, name=name)
        return self.journal.submit(prepared.kind, prepared.key, prepared.payload, prepared.meta)

    def record_acquit(
        self, acquit: AcquitSource, *, name: str | None = None
    ) -> JournalEntry | None:
        """Settle the entry of the flux an ACK answers: ``CONFIRMED``, with the ACK summed up.

        Args:
            acquit: the ACK (an :class:`~demat_sdk.helios.IncomingFile` from
                :meth:`~demat_sdk.helios.HeliosChannel.poll`, models, bytes or a path).
            name: the ACK's file name (taken from an incoming file by default).

        Returns:
            The entry, or ``None`` when the journal sent no flux of this ``CodCol``/``NomFic``.
            An entry already settled is returned unchanged (the same ACK recorded twice).

        Raises:
            PesReadError: the ACK could not be read.
        """
        answer = _Answer.of(acquit, name)
        entry = self.journal.find(self.kinds.pes, answer.key)
        if entry is None:
            return None
        return self.journal.settle(self.kinds.pes, answer.key, answer.verdict(entry))

    def resume(self) -> ResumeReport:
        """Finish or reconcile every PES of this channel left unsettled.

        ``NOT_SENT`` ones are sent again; those whose hand-over is uncertain wait for their
        ACK, and are sent again only after the ACK deadline; ``AWAITING`` ones stay
        ``undecided`` until their ACK is recorded.
        """
        return self.journal.resume(kinds=self.kinds.all)

    def awaiting(self) -> list[JournalEntry]:
        """Entries of this channel not settled yet (awaiting an ACK, or to be sent again)."""
        return [entry for entry in self.journal.pending() if entry.kind == self.kinds.pes]


class AsyncJournaledHelios:
    """PES files sent to Hélios exactly once, through an :class:`AsyncJournal` (awaitable).

    The same as :class:`JournaledHelios`: await each method. The channel (blocking) and the
    journal's disk writes run in worker threads.
    """

    def __init__(
        self,
        journal: AsyncJournal,
        channel: HeliosChannel,
        *,
        namespace: str = "helios",
        ack_deadline: timedelta = DEFAULT_ACK_DEADLINE,
    ) -> None:
        self.journal = journal
        self.channel = channel
        self.kinds = HeliosKinds(namespace)
        how = AckWait(clock=journal.journal.clock, ack_deadline=ack_deadline)
        for kind, handler in helios_handlers(channel, kinds=self.kinds, how=how).items():
            journal.register(kind, handler)

    def __repr__(self) -> str:
        return (
            f"AsyncJournaledHelios({self.journal!r}, {self.channel!r}, "
            f"namespace={self.kinds.namespace!r})"
        )

    async def send(self, flux: PesAller | bytes, *, name: str | None = None) -> JournalEntry:
        """Send a PES_Aller once; see :meth:`JournaledHelios.send`."""
        prepared = await anyio.to_thread.run_sync(
            functools.partial(prepare_pes, flux, self.kinds, name=name)
        )
        return await self.journal.submit(
            prepared.kind, prepared.key, prepared.payload, prepared.meta
        )

    async def record_acquit(
        self, acquit: AcquitSource, *, name: str | None = None
    ) -> JournalEntry | None:
        """Settle the entry of the flux an ACK answers (see ``JournaledHelios.record_acquit``)."""
        answer = await anyio.to_thread.run_sync(_Answer.of, acquit, name)
        entry = await self.journal.find(self.kinds.pes, answer.key)
        if entry is None:
            return None
        return await self.journal.settle(self.kinds.pes, answer.key, answer.verdict(entry))

    async def resume(self) -> ResumeReport:
        """Finish or reconcile every PES of this channel left unsettled."""
        return await self.journal.resume(kinds=self.kinds.all)
