"""The fault campaign: 1,000 submissions through the journal, nothing lost, nothing sent twice.

Against the Chorus Pro emulator served over real HTTP, a seeded campaign sends 450 flux deposits,
100 typed invoices and 450 status changes (300 ``SERVICE_FAIT``, then 150 ``MANDATEE``) through
:class:`~demat_sdk.journal.JournaledChorus`, while:

* the emulator injects faults on about one call in five, of every kind it knows: connection
  reset before processing, time-out after commit (the answer never comes), HTTP 5xx, HTTP 429,
  token revoked, JSON answer cut in the middle;
* the emulator's clock jumps between rounds, so that tokens the client believes fresh expire
  mid-run (HTTP 401 "Access token expired");
* the "process" crashes at random points — before sending, after the remote side committed,
  after a reconciliation (a ``BaseException`` nothing catches) — and a fresh journal on the same
  file resumes (``resume()``) then replays its whole batch, as a restarted program would.

It then checks what the emulator holds against the journal: every flux deposited once, every
invoice created once, every status change applied once, every journal entry ``CONFIRMED`` with
the emulator's own reference, and a last replay of every batch sends nothing. The counts of each
fault met are printed (``pytest -s``) and are in the message of any failed assertion.

**Adding the PES side.** The campaign is a list of :class:`Part` objects; :class:`ChorusPart`
is the Chorus Pro one. A part registers its handlers on each new process's journal (the
campaign wraps them with the crashes), yields its batches, lets remote time pass between rounds
and checks the remote state at the end. A Hélios part (PES sent to a ``FakeHelios``, reconciled
by waiting for the ACK of its NomFic) is one more ``Part`` with the same four methods and the
same assertions: each PES integrated once by the emulator, each entry confirmed.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from demat_sdk import ChorusPro, TechnicalAccount
from demat_sdk.journal import (
    BulkReport,
    ChorusKinds,
    EntryState,
    Handler,
    InvoiceSubmission,
    Journal,
    JournaledChorus,
    JournaledRequest,
    JournalEntry,
    Outcome,
    ResumeReport,
    StatusChange,
    Verdict,
)
from demat_sdk.journal.chorus import prepare
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.exchange import WireRequest, WireResponse

from journal_support import NEVER_SLEEP, flux_deposit, submission

pytestmark = [pytest.mark.server, pytest.mark.enable_socket]

SEED = 20_260_105
DEPOSITS = 450
SUBMISSIONS = 100
SERVICE_FAIT = 300
MANDATEE = 150
FAULT_RATE = 0.20
CRASH_RATE = 0.01  # at each of the three points
READ_TIMEOUT = 0.1  # seconds: a time-out after commit holds the answer longer than this
ROUND_SECONDS = 3_700  # emulator time between rounds: flux integrate, tokens expire (3,600 s)
INTEGRATION_DELAY = timedelta(minutes=30)
MAX_ROUNDS = 40

CRASH_POINTS = ("before sending", "after the remote committed", "after reconciling")
FAULT_KINDS = (
    "connection_reset",
    "timeout_after_commit",
    "server_error",
    "rate_limited",
    "token_revoked",
    "malformed_json",
)


class Crash(BaseException):
    """The process dies: nothing catches it, the journal on disk is all that is left."""


@dataclass
class Tally:
    """What the campaign met, for the report."""

    crashes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    expired_tokens: int = 0
    restarts: int = 0
    rounds: int = 0
    replays: int = 0

    def report(self, fake: FakeChorusPro, seconds: float) -> str:
        faults = dict(sorted(fake.faults.met().items()))
        calls = fake.faults.rules[0].matched  # every call meets the first rule
        total = sum(faults.values())
        return (
            f"fault campaign (seed {SEED}) in {seconds:.1f} s: {calls} HTTP calls, "
            f"{total} faults injected ({total / max(calls, 1):.1%}): {faults}; "
            f"tokens expired mid-run {self.expired_tokens}; "
            f"crashes {dict(sorted(self.crashes.items()))}, restarts {self.restarts}; "
            f"errors seen by the caller {dict(sorted(self.errors.items()))}; "
            f"rounds {self.rounds}, batch replays {self.replays}"
        )


class Crashes:
    """Seeded crashes at three points of a handler."""

    def __init__(self, rng: random.Random, tally: Tally, rate: float = CRASH_RATE) -> None:
        self.rng = rng
        self.tally = tally
        self.rate = rate

    def maybe(self, point: str) -> None:
        if self.rng.random() < self.rate:
            self.tally.crashes[point] += 1
            raise Crash(point)

    def wrap(self, handler: Handler) -> Handler:
        def send(entry: JournalEntry) -> Outcome:
            self.maybe("before sending")
            outcome = handler.send(entry)
            self.maybe("after the remote committed")
            return outcome

        def reconcile(entry: JournalEntry) -> Verdict:
            verdict = handler.reconcile(entry)
            self.maybe("after reconciling")
            return verdict

        return Handler(send=send, reconcile=reconcile)


class Recorder:
    """Stands in front of the emulator's handlers: records every write it processed."""

    def __init__(self, fake: FakeChorusPro, tally: Tally) -> None:
        self._handlers = fake.handlers
        self.tally = tally
        self.writes: Counter[tuple[str, str]] = Counter()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handlers, name)

    def handle(self, request: WireRequest) -> WireResponse:
        response: WireResponse = self._handlers.handle(request)
        if response.status == 401 and "expired" in response.headers.get("www-authenticate", ""):
            self.tally.expired_tokens += 1
        if response.status == 200 and request.path.startswith("/cpro/factures/v1/"):
            answer = json.loads(response.body)
            body = request.json()
            if answer.get("codeRetour") == 0 and request.path.endswith("/deposer/flux"):
                self.writes["deposit", body["nomFichier"]] += 1
            elif answer.get("codeRetour") == 0 and request.path.endswith("/soumettre"):
                self.writes["submission", body["numeroFactureSaisi"]] += 1
            elif answer.get("codeRetour") == 0 and request.path.endswith("/traiter/recue"):
                self.writes["status", f"{body['idFacture']}/{body['nouveauStatut']}"] += 1
        return response


class Sender(Protocol):
    """What sends a part's batches: a :class:`JournaledChorus`, a Hélios twin later."""

    def submit_many(self, requests: Iterable[Any]) -> BulkReport:
        """Send each request exactly once through the journal."""
        ...

    def resume(self) -> ResumeReport:
        """Finish or reconcile this sender's unsettled entries."""
        ...


class Part(Protocol):
    """One remote side of the campaign (Chorus Pro now; Hélios to come)."""

    def attach(self, journal: Journal) -> dict[str, Sender]:
        """Register this part's handlers on a new process's journal; its senders by name."""
        ...

    def batches(self) -> Iterator[tuple[str, list[Any]]]:
        """The batches to send, in order, each with the name of its sender."""
        ...

    def settle(self) -> None:
        """Let remote time pass between two rounds."""
        ...

    def check(self, journal: Journal) -> list[str]:
        """What is wrong in the remote state or in the journal once everything is settled."""
        ...


class ChorusPart:
    """Chorus Pro: PHARMADIS deposits and submits, the CHU de Valmont processes."""

    def __init__(self, fake: FakeChorusPro, base_url: str) -> None:
        self.fake = fake
        self.base_url = base_url
        world = fake.world
        self.accounts = {
            "supplier": world.account(world.pharmadis),
            "recipient": world.account(world.chu_valmont),
        }
        self.deposits = [flux_deposit(fake, f"CAMP-{n:04}") for n in range(DEPOSITS)]
        self.submissions = [
            InvoiceSubmission(submission(fake, f"SAISIE-{n:04}")) for n in range(SUBMISSIONS)
        ]
        self.status_changes: list[StatusChange] = []
        self.clients: list[ChorusPro] = []

    def client(self, account: TechnicalAccount) -> ChorusPro:
        client = ChorusPro(
            credentials=self.fake.credentials,
            account=account,
            base_url=self.base_url,
            token_url=f"{self.base_url}/api/oauth/token",
            timeout=httpx.Timeout(READ_TIMEOUT, connect=5.0),
            retry_policy=NEVER_SLEEP,
        )  # its own clock: it does not see the emulator's jumps, and its tokens expire under it
        self.clients.append(client)
        return client

    def attach(self, journal: Journal) -> dict[str, Sender]:
        return {
            "supplier": JournaledChorus(
                journal,
                self.client(self.accounts["supplier"]),
                integration_delay=INTEGRATION_DELAY,
            ),
            "recipient": JournaledChorus(
                journal,
                self.client(self.accounts["recipient"]),
                namespace="chorus.chu",
                integration_delay=INTEGRATION_DELAY,
            ),
        }

    def batches(self) -> Iterator[tuple[str, list[Any]]]:
        mixed: list[JournaledRequest] = [*self.deposits, *self.submissions]
        random.Random(SEED).shuffle(mixed)
        yield "supplier", mixed
        self.fake.advance(600)  # the last flux integrated and every invoice routed
        ids = self.invoice_ids()
        numeros = sorted(ids)[:SERVICE_FAIT]
        service_fait = [StatusChange(ids[numero], "SERVICE_FAIT") for numero in numeros]
        self.status_changes += service_fait
        yield "recipient", list(service_fait)
        mandatee = [
            StatusChange(ids[numero], "MANDATEE", numero_dp_mandat=f"M-{numero}")
            for numero in numeros[:MANDATEE]
        ]
        self.status_changes += mandatee
        yield "recipient", list(mandatee)

    def settle(self) -> None:
        self.fake.advance(ROUND_SECONDS)

    def invoice_ids(self) -> dict[str, int]:
        with self.fake.state.lock:
            return {
                record.numero: record.id for record in self.fake.state.invoices.records.values()
            }

    def check(self, journal: Journal) -> list[str]:
        problems: list[str] = []
        state = self.fake.state
        with state.lock:
            flux_by_name = Counter(flux.nom_fichier for flux in state.flux.records.values())
            flux_numbers = {flux.nom_fichier: flux.numero for flux in state.flux.records.values()}
            invoices = Counter(record.numero for record in state.invoices.records.values())
            ids = {record.numero: record.id for record in state.invoices.records.values()}
            history = {
                record.id: Counter(change.statut.value for change in record.history)
                for record in state.invoices.records.values()
            }
        for deposit in self.deposits:
            name = str(deposit.nom_fichier)
            if flux_by_name[name] != 1:
                problems.append(f"flux {name} deposited {flux_by_name[name]} times")
            entry = _entry(journal, deposit)
            if entry.reference != flux_numbers.get(name):
                problems.append(
                    f"{name}: {entry.reference} in the journal, {flux_numbers.get(name)}"
                )
        expected = [*(d.numeros_facture[0] for d in self.deposits)]
        expected += [str(s.facture.numero_facture_saisi) for s in self.submissions]
        problems += [
            f"invoice {n} exists {invoices[n]} times" for n in expected if invoices[n] != 1
        ]
        if sum(invoices.values()) != len(expected):
            problems.append(f"{sum(invoices.values())} invoices, {len(expected)} expected")
        for change in self.status_changes:
            statut = str(change.nouveau_statut)
            if history[change.id_facture][statut] != 1:
                problems.append(f"invoice {change.id_facture} went {statut} more than once")
            if _entry(journal, change).reference != str(change.id_facture):
                problems.append(f"status change of {change.id_facture}: wrong reference")
        for submitted in self.submissions:
            entry = _entry(journal, submitted)
            numero = str(submitted.facture.numero_facture_saisi)
            if entry.reference != str(ids.get(numero)):
                problems.append(
                    f"invoice {numero}: {entry.reference} in the journal, {ids.get(numero)}"
                )
        return problems

    def close(self) -> None:
        for client in self.clients:
            client.close()


def _entry(journal: Journal, request: JournaledRequest) -> JournalEntry:
    namespace = "chorus.chu" if isinstance(request, StatusChange) else "chorus"
    prepared = prepare(request, ChorusKinds(namespace))
    entry = journal.find(prepared.kind, prepared.key)
    assert entry is not None, f"{prepared.key} is not in the journal"
    return entry


class Process:
    """One run of the program: a journal on the campaign's file, the parts attached to it."""

    def __init__(self, path: Path, parts: Sequence[Part], crashes: Crashes, clock: Any) -> None:
        self.journal = Journal(path, clock=clock)
        self.senders: dict[str, Sender] = {}
        for part in parts:
            self.senders.update(part.attach(self.journal))
        for kind in self.journal.kinds:
            self.journal.register(kind, crashes.wrap(self.journal.handler(kind)))

    def resume(self) -> None:
        for sender in self.senders.values():
            sender.resume()


def run_campaign(path: Path, fake: FakeChorusPro, parts: Sequence[Part], tally: Tally) -> None:
    """Send every batch of every part through crashes and faults until all is settled."""
    crashes = Crashes(random.Random(SEED + 1), tally)

    def start() -> Process:
        while True:  # a process may crash again while it resumes
            process = Process(path, parts, crashes, fake.clock.now)
            try:
                process.resume()
            except Crash:
                process.journal.close()
                tally.restarts += 1
                continue
            return process

    process = start()
    for part in parts:
        for sender_name, batch in part.batches():
            for _round in range(MAX_ROUNDS):
                tally.rounds += 1
                try:
                    report = process.senders[sender_name].submit_many(batch)
                except Crash:
                    process.journal.close()
                    tally.restarts += 1
                    process = start()
                    tally.replays += 1
                    continue
                tally.errors.update(type(item.error).__name__ for item in report.failed)
                if all(
                    item.entry is not None and item.entry.state.is_settled for item in report.items
                ):
                    break
                part.settle()
                tally.replays += 1
            else:
                pytest.fail(f"{sender_name}: not settled after {MAX_ROUNDS} rounds")
    process.journal.close()


def test_a_client_authenticates_over_real_http() -> None:
    fake = FakeChorusPro.seeded()
    with fake.serve() as base_url:
        client = ChorusPro(
            credentials=fake.credentials,
            account=fake.world.account(fake.world.pharmadis),
            base_url=base_url,
            token_url=f"{base_url}/api/oauth/token",
        )
        with client:
            assert client.transverses.health_check() is not None
        assert fake.state.token_requests == 1


def test_fault_campaign_nothing_lost_nothing_sent_twice(tmp_path: Path) -> None:
    started = time.perf_counter()
    fake = FakeChorusPro.seeded(seed=SEED)
    tally = Tally()
    recorder = Recorder(fake, tally)
    fake.handlers = recorder  # type: ignore[assignment]
    for kind in FAULT_KINDS:  # the first rule that fires wins: each kind gets an even share
        rate = 1 - (1 - FAULT_RATE) ** (1 / len(FAULT_KINDS))
        options: dict[str, Any] = {"probability": rate}
        if kind == "timeout_after_commit":
            options["delay"] = READ_TIMEOUT * 1.5
        if kind == "rate_limited":
            options["retry_after"] = 1
        fake.faults.add(kind, **options)
    path = tmp_path / "campaign.sqlite3"
    with fake.serve() as base_url:
        chorus = ChorusPart(fake, base_url)
        try:
            run_campaign(path, fake, [chorus], tally)
            met = dict(fake.faults.met())
            report = tally.report(fake, time.perf_counter() - started)
            print(f"\n{report}")  # noqa: T201 - the counts met, shown by pytest -s

            # A last replay of every batch, as a program started again would do: nothing is sent.
            calls = fake.faults.rules[0].matched
            fake.faults.clear()
            writes = recorder.writes.copy()
            replaying = Process(
                path, [chorus], Crashes(random.Random(0), Tally(), 0.0), fake.clock.now
            )
            for name, batch in [
                ("supplier", [*chorus.deposits, *chorus.submissions]),
                ("recipient", chorus.status_changes),
            ]:
                replay = replaying.senders[name].submit_many(batch)
                assert len(replay.confirmed) == len(batch), report
            assert recorder.writes == writes, report

            journal = replaying.journal
            entries = journal.entries()
            assert len(entries) == DEPOSITS + SUBMISSIONS + SERVICE_FAIT + MANDATEE, report
            states = Counter(entry.state for entry in entries)
            assert states == {EntryState.CONFIRMED: len(entries)}, f"{states}; {report}"
            assert chorus.check(journal) == [], report
            assert set(recorder.writes.values()) == {1}, report  # each write processed once
            assert len(recorder.writes) == len(entries), report
            assert all(met.get(kind, 0) > 0 for kind in FAULT_KINDS), report
            assert 0.15 < sum(met.values()) / calls < 0.25, report
            assert tally.expired_tokens > 0, report
            assert all(tally.crashes[point] > 0 for point in CRASH_POINTS), report
            journal.close()
        finally:
            chorus.close()
