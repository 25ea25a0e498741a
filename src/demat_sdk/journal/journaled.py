"""A Chorus Pro client whose writes go through the journal, one by one or in bulk.

:class:`JournaledChorus` wires a :class:`~demat_sdk.ChorusPro` to a :class:`Journal`;
:class:`AsyncJournaledChorus` an :class:`~demat_sdk.AsyncChorusPro` to an :class:`AsyncJournal`,
with a bounded number of submissions in flight. Both register the handlers of
:mod:`demat_sdk.journal.chorus` on the journal, so that :meth:`~JournaledChorus.resume` after a
crash sends and reconciles with the same account.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Generic, TypeVar

import anyio

from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.chorus.doctrine import MotifCategorie
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.chorus.files import FileInput
from demat_sdk.chorus.models.factures_emission import SoumettreFactureParam
from demat_sdk.journal.async_journal import AsyncJournal
from demat_sdk.journal.chorus import (
    DEFAULT_INTEGRATION_DELAY,
    ChorusKinds,
    FluxDeposit,
    IntegrationWait,
    InvoiceSubmission,
    JournaledRequest,
    StatusChange,
    async_chorus_handlers,
    chorus_handlers,
    prepare,
)
from demat_sdk.journal.entries import EntryState, JournalEntry
from demat_sdk.journal.journal import Journal, ResumeReport

__all__ = ["AsyncJournaledChorus", "BulkItem", "BulkReport", "JournaledChorus"]

Returned = TypeVar("Returned")

DEFAULT_CONCURRENCY = 8
"""Submissions in flight at once in :meth:`AsyncJournaledChorus.submit_many`."""


@dataclass(frozen=True)
class BulkItem:
    """What became of one request of a bulk submission.

    Attributes:
        request: the request, as given.
        entry: its journal entry (``None`` when it was refused before being recorded).
        error: the error it met, if it did not end ``CONFIRMED`` or ``REJECTED``
            (an :class:`~demat_sdk.errors.OutcomeUnknownError`, a time-out…, or any other
            exception: one request's failure, whatever it is, never stops the others).
    """

    request: JournaledRequest
    entry: JournalEntry | None
    error: Exception | None = None

    @property
    def confirmed(self) -> bool:
        """Whether Chorus Pro accepted it."""
        return self.entry is not None and self.entry.state is EntryState.CONFIRMED


@dataclass(frozen=True)
class BulkReport:
    """What a bulk submission did, request by request, in the order given."""

    items: tuple[BulkItem, ...]

    def __len__(self) -> int:
        return len(self.items)

    @property
    def confirmed(self) -> list[BulkItem]:
        """Requests Chorus Pro accepted."""
        return [item for item in self.items if item.confirmed]

    @property
    def rejected(self) -> list[BulkItem]:
        """Requests refused (by Chorus Pro, or by the client's checks): fix and submit again."""
        return [
            item
            for item in self.items
            if item.error is None
            and item.entry is not None
            and item.entry.state is EntryState.REJECTED
        ]

    @property
    def failed(self) -> list[BulkItem]:
        """Requests that met an error: the journal keeps them for ``resume()``."""
        return [item for item in self.items if item.error is not None]


class _Writes(Generic[Returned]):
    """The three writes, written once; ``submit`` makes them blocking or awaitable."""

    def submit(self, request: JournaledRequest) -> Returned:
        """Send one request exactly once through the journal."""
        raise NotImplementedError  # pragma: no cover - defined by both subclasses

    def deposer_flux(
        self,
        *,
        fichier: FileInput,
        syntaxe_flux: SyntaxeFlux | str,
        fournisseur: str,
        numeros_facture: Sequence[str],
        nom_fichier: str | None = None,
        avec_signature: bool = False,
    ) -> Returned:
        """Deposit a flux once; see :class:`~demat_sdk.journal.chorus.FluxDeposit`."""
        return self.submit(
            FluxDeposit(
                fichier=fichier,
                syntaxe_flux=syntaxe_flux,
                fournisseur=fournisseur,
                numeros_facture=numeros_facture,
                nom_fichier=nom_fichier,
                avec_signature=avec_signature,
            )
        )

    def soumettre(self, *, facture: SoumettreFactureParam) -> Returned:
        """Submit an invoice once; see :class:`~demat_sdk.journal.chorus.InvoiceSubmission`."""
        return self.submit(InvoiceSubmission(facture))

    def traiter_facture_recue(
        self,
        *,
        id_facture: int,
        nouveau_statut: StatutFacture | str,
        idempotency_key: str = "1",
        motif: str | None = None,
        numero_dp_mandat: str | None = None,
        categorie: MotifCategorie | str | None = None,
    ) -> Returned:
        """Change a received invoice's status once; see ``StatusChange``."""
        return self.submit(
            StatusChange(
                id_facture=id_facture,
                nouveau_statut=nouveau_statut,
                idempotency_key=idempotency_key,
                motif=motif,
                numero_dp_mandat=numero_dp_mandat,
                categorie=categorie,
            )
        )


class JournaledChorus(_Writes[JournalEntry]):
    """Chorus Pro writes sent exactly once, through a journal (blocking).

    Args:
        journal: the journal that records them.
        client: the client that sends them (its technical account).
        namespace: prefix of the kinds registered on the journal; one per technical account
            when several accounts share a journal.
        integration_delay: how long after a deposit a flux whose invoices cannot be found is
            deemed still in processing (see :mod:`demat_sdk.journal.chorus`).

    Each write (:meth:`deposer_flux`, :meth:`soumettre`, :meth:`traiter_facture_recue`,
    :meth:`submit`) returns the journal entry, ``CONFIRMED`` (``entry.reference`` holds the flux
    number or the invoice id) or ``REJECTED`` (``entry.error`` says why), and raises what the
    journal raises otherwise (:class:`~demat_sdk.errors.OutcomeUnknownError`, a time-out…): the
    entry stays in the journal, :meth:`resume` finishes it.
    """

    def __init__(
        self,
        journal: Journal,
        client: ChorusPro,
        *,
        namespace: str = "chorus",
        integration_delay: timedelta = DEFAULT_INTEGRATION_DELAY,
    ) -> None:
        self.journal = journal
        self.client = client
        self.kinds = ChorusKinds(namespace)
        how = IntegrationWait(clock=journal.clock, integration_delay=integration_delay)
        for kind, handler in chorus_handlers(client, kinds=self.kinds, how=how).items():
            journal.register(kind, handler)

    def __repr__(self) -> str:
        return (
            f"JournaledChorus({self.journal!r}, {self.client!r}, "
            f"namespace={self.kinds.namespace!r})"
        )

    def submit(self, request: JournaledRequest) -> JournalEntry:
        """Send one request exactly once through the journal.

        Raises:
            InvalidRequestError: the request lacks what its key needs; nothing is recorded.
            JournalError: see :meth:`Journal.submit`.
        """
        prepared = prepare(request, self.kinds)
        return self.journal.submit(prepared.kind, prepared.key, prepared.payload, prepared.meta)

    def submit_many(
        self, requests: Iterable[JournaledRequest], *, max_workers: int = 1
    ) -> BulkReport:
        """Send many requests, each exactly once; one failing does not stop the others.

        Args:
            requests: the requests.
            max_workers: how many are sent at once, from a pool of threads (1: one after the
                other, in order).

        Returns:
            What became of each request, in the order given.
        """
        if max_workers < 1:
            raise ValueError(f"max_workers must be 1 or more, not {max_workers}")
        given = list(requests)
        if max_workers == 1:
            return BulkReport(tuple(self._one(request) for request in given))
        with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="demat-bulk") as pool:
            return BulkReport(tuple(pool.map(self._one, given)))

    def resume(self) -> ResumeReport:
        """Finish or reconcile every entry of this client's kinds left unsettled."""
        return self.journal.resume(kinds=self.kinds.all)

    def reconcile(self, entry_id: int) -> JournalEntry:
        """Ask Chorus Pro about one entry whose outcome is unknown; nothing is sent."""
        return self.journal.reconcile(entry_id)

    def _one(self, request: JournaledRequest) -> BulkItem:
        try:
            return BulkItem(request, self.submit(request))
        except Exception as error:  # noqa: BLE001 - kept in the item: the others go on
            return BulkItem(request, _recorded(self.journal, request, self.kinds), error)


class AsyncJournaledChorus(_Writes[Awaitable[JournalEntry]]):
    """Chorus Pro writes sent exactly once, through an :class:`AsyncJournal` (awaitable).

    The same as :class:`JournaledChorus`, with an :class:`~demat_sdk.AsyncChorusPro`: await
    each write. The journal's disk writes run in worker threads.
    """

    def __init__(
        self,
        journal: AsyncJournal,
        client: AsyncChorusPro,
        *,
        namespace: str = "chorus",
        integration_delay: timedelta = DEFAULT_INTEGRATION_DELAY,
    ) -> None:
        self.journal = journal
        self.client = client
        self.kinds = ChorusKinds(namespace)
        how = IntegrationWait(clock=journal.journal.clock, integration_delay=integration_delay)
        for kind, handler in async_chorus_handlers(client, kinds=self.kinds, how=how).items():
            journal.register(kind, handler)

    def __repr__(self) -> str:
        return (
            f"AsyncJournaledChorus({self.journal!r}, {self.client!r}, "
            f"namespace={self.kinds.namespace!r})"
        )

    async def submit(self, request: JournaledRequest) -> JournalEntry:
        """Send one request exactly once; see :meth:`JournaledChorus.submit`."""
        prepared = await anyio.to_thread.run_sync(prepare, request, self.kinds)  # reads files
        return await self.journal.submit(
            prepared.kind, prepared.key, prepared.payload, prepared.meta
        )

    async def submit_many(
        self, requests: Iterable[JournaledRequest], *, concurrency: int = DEFAULT_CONCURRENCY
    ) -> BulkReport:
        """Send many requests, each exactly once, at most ``concurrency`` at a time.

        Returns:
            What became of each request, in the order given.
        """
        if concurrency < 1:
            raise ValueError(f"concurrency must be 1 or more, not {concurrency}")
        given = list(requests)
        items: list[BulkItem | None] = [None] * len(given)
        limiter = anyio.Semaphore(concurrency)

        async def one(index: int, request: JournaledRequest) -> None:
            async with limiter:
                try:
                    items[index] = BulkItem(request, await self.submit(request))
                except Exception as error:  # noqa: BLE001 - kept in the item: the others go on
                    entry = await anyio.to_thread.run_sync(
                        _recorded, self.journal.journal, request, self.kinds
                    )
                    items[index] = BulkItem(request, entry, error)

        async with anyio.create_task_group() as group:
            for index, request in enumerate(given):
                group.start_soon(one, index, request)
        return BulkReport(tuple(item for item in items if item is not None))

    async def resume(self) -> ResumeReport:
        """Finish or reconcile every entry of this client's kinds left unsettled."""
        return await self.journal.resume(kinds=self.kinds.all)

    async def reconcile(self, entry_id: int) -> JournalEntry:
        """Ask Chorus Pro about one entry whose outcome is unknown; nothing is sent."""
        return await self.journal.reconcile(entry_id)


def _recorded(
    journal: Journal, request: JournaledRequest, kinds: ChorusKinds
) -> JournalEntry | None:
    """The entry the journal holds for a request that failed, if it got that far.

    ``None`` too when the journal cannot tell (the request's own error says why).
    """
    try:
        prepared = prepare(request, kinds)
        return journal.find(prepared.kind, prepared.key)
    except Exception:  # noqa: BLE001 - the item carries the request's error
        return None
