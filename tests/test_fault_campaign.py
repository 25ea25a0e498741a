"""The fault campaign: 1,200 submissions through the journal, nothing lost, nothing sent twice.

Against the Chorus Pro emulator served over real HTTP, a seeded campaign sends 450 flux deposits,
100 typed invoices and 450 status changes (300 ``SERVICE_FAIT``, then 150 ``MANDATEE``) through
:class:`~demat_sdk.journal.JournaledChorus`, then 200 PES dépense flux to the Hélios emulator of
the same world through :class:`~demat_sdk.journal.JournaledHelios`, while:

* the Chorus Pro emulator injects faults on about one call in five, of every kind it knows:
  connection reset before processing, time-out after commit (the answer never comes), HTTP 5xx,
  HTTP 429, token revoked, JSON answer cut in the middle;
* the Hélios channel fails about one send in five, before the hand-over or after it (Hélios has
  the file, the caller no receipt: the dangerous case), and one poll in five;
* the emulators' clock jumps between rounds, so that tokens the client believes fresh expire
  mid-run (HTTP 401 "Access token expired") and Hélios answers what it received; between
  Hélios rounds the ACKs are polled and recorded in the journal;
* the "process" crashes at random points — before sending, after the remote side committed,
  after a reconciliation (a ``BaseException`` nothing catches) — and a fresh journal on the same
  file resumes (``resume()``) then replays its whole batch, as a restarted program would.

It then checks what the emulators hold against the journal: every flux deposited once, every
invoice created once, every status change applied once, every PES received once by Hélios and
acknowledged once without an anomaly (no ``ERREUR_DOUBLON_*``), each bordereau integrated, no
PES handed to the channel again after Hélios received it, every journal entry ``CONFIRMED`` with
the remote side's own reference (the NomFic of an acknowledged PES), and a last replay of every
batch sends nothing. The counts of each fault met are printed (``pytest -s``) and are in the
message of any failed assertion.

The campaign is a list of :class:`Part` objects (:class:`ChorusPart`, :class:`HeliosPart`). A
part registers its handlers on each new process's journal (the campaign wraps them with the
crashes, at the part's rates), yields its batches, lets remote time pass between rounds and
checks the remote state at the end.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from demat_sdk import ChorusPro, TechnicalAccount, pes
from demat_sdk.errors import ChannelError, DematError
from demat_sdk.helios import FileSource, Receipt
from demat_sdk.journal import (
    BulkReport,
    ChorusKinds,
    EntryState,
    Handler,
    InvoiceSubmission,
    Journal,
    JournaledChorus,
    JournaledHelios,
    JournaledRequest,
    JournalEntry,
    Outcome,
    ResumeReport,
    StatusChange,
    Verdict,
)
from demat_sdk.journal.chorus import prepare
from demat_sdk.journal.helios import flux_key
from demat_sdk.pes import read_acquit
from demat_sdk.testing import FakeChorusPro, FakeHelios, FaultKind, Faults
from demat_sdk.testing.exchange import WireRequest, WireResponse
from demat_sdk.testing.helios import DEFAULT_ACK_DELAY, FakeHeliosChannel, samples

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

PES_FLUX = 200
PES_DAY = dt.date(2026, 1, 5)
HELIOS_FAULT_RATE = 0.20  # of the sends (two kinds sharing it), and of the polls
# Rounds shorter than Hélios' delay: PES whose hand-over is uncertain are reconciled before
# their ACK exists, so that a journal resending too early would be caught (doublons).
HELIOS_ROUND_SECONDS = DEFAULT_ACK_DELAY / 2
ACK_DEADLINE = timedelta(days=1)  # twelve rounds: ten failed polls in a row to miss an ACK
HELIOS_CRASH_RATES = {
    "before sending": 0.02,
    "after the remote committed": 0.02,
    # every round reconciles each PES still awaiting its ACK: a rarer crash there, or no run
    # of 200 reconciliations would ever finish
    "after reconciling": 0.0005,
}
HELIOS_FAULT_KINDS = ("send_fails_before", "send_fails_after", "poll_fails")

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
    crashes_by_part: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    errors: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """Errors seen by the caller, by sender."""
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
            f"crashes {self.crashes_in('chorus')}, restarts {self.restarts}; "
            f"errors seen by the caller {self.errors_of('supplier', 'recipient')}; "
            f"rounds {self.rounds}, batch replays {self.replays}"
        )

    def crashes_in(self, part: str) -> dict[str, int]:
        """The crashes met in one part's handlers, by point."""
        return dict(sorted(self.crashes_by_part[part].items()))

    def errors_of(self, *senders: str) -> dict[str, int]:
        """The errors some senders' callers saw, by class."""
        total: Counter[str] = Counter()
        for sender in senders:
            total.update(self.errors[sender])
        return dict(sorted(total.items()))


class Crashes:
    """Seeded crashes at three points of a handler, at each part's rates."""

    def __init__(self, rng: random.Random, tally: Tally, rate: float = CRASH_RATE) -> None:
        self.rng = rng
        self.tally = tally
        self.rate = rate

    def maybe(self, point: str, part: str, rates: Mapping[str, float] | None) -> None:
        rate = self.rate if rates is None or not self.rate else rates[point]
        if self.rng.random() < rate:
            self.tally.crashes[point] += 1
            self.tally.crashes_by_part[part][point] += 1
            raise Crash(point)

    def wrap(
        self, handler: Handler, part: str = "chorus", rates: Mapping[str, float] | None = None
    ) -> Handler:
        def send(entry: JournalEntry) -> Outcome:
            self.maybe("before sending", part, rates)
            outcome = handler.send(entry)
            self.maybe("after the remote committed", part, rates)
            return outcome

        def reconcile(entry: JournalEntry) -> Verdict:
            verdict = handler.reconcile(entry)
            self.maybe("after reconciling", part, rates)
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


class BatchItem(Protocol):
    """What became of one request of a batch."""

    @property
    def entry(self) -> JournalEntry | None:
        """Its journal entry, if it was recorded."""
        ...

    @property
    def error(self) -> Exception | None:
        """The error it met, if any."""
        ...


class BatchReport(Protocol):
    """What a batch did, request by request."""

    @property
    def items(self) -> Sequence[BatchItem]:
        """Every request's fate, in order."""
        ...

    @property
    def failed(self) -> Sequence[BatchItem]:
        """Requests that met an error."""
        ...


class Sender(Protocol):
    """What sends a part's batches: a :class:`JournaledChorus`, or :class:`HeliosSender`."""

    def submit_many(self, requests: Iterable[Any]) -> BatchReport | BulkReport:
        """Send each request exactly once through the journal."""
        ...

    def resume(self) -> ResumeReport:
        """Finish or reconcile this sender's unsettled entries."""
        ...


class Part(Protocol):
    """One remote side of the campaign (Chorus Pro, Hélios)."""

    name: str
    """Its name in the counts of crashes."""
    crash_rates: Mapping[str, float] | None
    """Chance of a crash at each point of its handlers (``None``: :data:`CRASH_RATE`)."""

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

    name = "chorus"
    crash_rates = None

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


@dataclass(frozen=True)
class Sent:
    """What became of one PES of a batch."""

    entry: JournalEntry | None
    error: Exception | None = None


@dataclass(frozen=True)
class SentReport:
    """What a batch of PES did."""

    items: tuple[Sent, ...]

    @property
    def failed(self) -> list[Sent]:
        return [item for item in self.items if item.error is not None]


class HeliosSender:
    """Sends a batch of PES one by one through :class:`JournaledHelios`, as a GEF would."""

    def __init__(self, journaled: JournaledHelios) -> None:
        self.journaled = journaled

    def submit_many(self, requests: Iterable[bytes]) -> SentReport:
        items = []
        for flux in requests:
            try:
                items.append(Sent(self.journaled.send(flux)))
            except DematError as error:  # kept in the journal: the next round finishes it
                header = pes.read_header(flux)
                key = flux_key(header.code_collectivite, header.nom_fichier)
                items.append(
                    Sent(self.journaled.journal.find(self.journaled.kinds.pes, key), error)
                )
        return SentReport(tuple(items))

    def resume(self) -> ResumeReport:
        return self.journaled.resume()


class WatchedChannel(FakeHeliosChannel):
    """The emulator's channel, noting every file sent again after Hélios got it once.

    The channel itself returns the first receipt when the same file is sent again after a
    receipt was given: without this watch, a blind resend after a crash would go unseen.
    """

    def __init__(self, helios: FakeHelios, faults: Faults) -> None:
        super().__init__(helios, faults=faults)
        self.sends = 0
        self.resent: list[str] = []

    def send(self, file: FileSource, *, name: str | None = None) -> Receipt:
        self.sends += 1
        if any(received.name == name for received in self.helios.received):
            self.resent.append(f"{name} sent again after Hélios received it")
        return super().send(file, name=name)


class HeliosPart:
    """Hélios: the CHU de Valmont sends dépense flux; their ACKs are polled and recorded."""

    name = "helios"
    crash_rates = HELIOS_CRASH_RATES

    def __init__(self, fake: FakeChorusPro) -> None:
        # Same world and clock as Chorus Pro; dépense flux only: no ASAP reaches Chorus Pro.
        self.helios = FakeHelios.seeded(fake)
        self.faults = Faults(seed=SEED + 2)
        share = 1 - (1 - HELIOS_FAULT_RATE) ** 0.5  # two send faults, the first that fires wins
        self.faults.add(FaultKind.SEND_FAILS_BEFORE, operation="send", probability=share)
        self.faults.add(FaultKind.SEND_FAILS_AFTER, operation="send", probability=share)
        self.faults.add(FaultKind.POLL_FAILS, operation="poll", probability=HELIOS_FAULT_RATE)
        self.channel = WatchedChannel(self.helios, self.faults)
        self.flux: dict[str, bytes] = {}
        for n in range(1, PES_FLUX + 1):
            name = f"PESALR2_{samples.HOSPITAL_SIRET}_260105_{n:04}.xml"
            flux = samples.depense_flux(name, PES_DAY, bordereaux=(n,))
            self.flux[name] = pes.to_bytes(flux)
        self.journaled: JournaledHelios | None = None
        self.polls = 0
        self.acks_recorded = 0

    def attach(self, journal: Journal) -> dict[str, Sender]:
        self.journaled = JournaledHelios(journal, self.channel, ack_deadline=ACK_DEADLINE)
        return {"helios": HeliosSender(self.journaled)}

    def batches(self) -> Iterator[tuple[str, list[Any]]]:
        yield "helios", list(self.flux.values())

    def settle(self) -> None:
        """Let Hélios process and answer, poll its ACKs and record each one."""
        assert self.journaled is not None
        self.helios.advance(HELIOS_ROUND_SECONDS)
        self.polls += 1
        try:
            polled = self.channel.poll()
        except ChannelError:
            return  # the ACKs wait for the next poll
        for incoming in polled:
            if self.journaled.record_acquit(incoming) is not None:
                self.acks_recorded += 1
            self.channel.mark_processed(incoming)

    def check(self, journal: Journal) -> list[str]:
        problems = list(self.channel.resent)
        received = Counter(file.name for file in self.helios.received)
        answered: Counter[str] = Counter()
        for outgoing in self.helios.outbox():
            acquit = read_acquit(outgoing.content)
            answered[acquit.nom_fichier] += 1
            anomalies = {str(found.erreur.numero_anomalie) for found in acquit.iter_erreurs()}
            problems += [f"{outgoing.name}: {code}" for code in sorted(anomalies)]
        for name in self.flux:
            if received[name] != 1:
                problems.append(f"{name} received {received[name]} times by Hélios")
            if answered[name] != 1:
                problems.append(f"{name} acknowledged {answered[name]} times")
            entry = journal.find("helios.pes", f"130/{name}")
            if entry is None:
                problems.append(f"{name} is not in the journal")
                continue
            acquit = (entry.result or {}).get("acquit", {})
            if (entry.state, entry.reference, acquit.get("accepte")) != (
                EntryState.CONFIRMED,
                name,
                True,
            ):
                problems.append(f"{name}: {entry.state.value}, {entry.reference}, {acquit}")
        if len(received) != len(self.flux):
            problems.append(f"Hélios received {len(received)} files, {len(self.flux)} sent")
        numbers = sorted(key[-1] for key in self.helios.integrated.bordereaux)
        if numbers != list(range(1, PES_FLUX + 1)):
            problems.append(f"bordereaux integrated: {len(numbers)}, {PES_FLUX} expected")
        return problems

    def report(self, tally: Tally) -> str:
        met = dict(sorted(self.faults.met().items()))
        sends, polls = self.faults.rules[0].matched, self.faults.rules[2].matched
        faulty_sends = met.get("send_fails_before", 0) + met.get("send_fails_after", 0)
        return (
            f"Hélios part: {PES_FLUX} PES, {sends} sends ({faulty_sends / max(sends, 1):.1%} "
            f"failed), {polls} polls ({met.get('poll_fails', 0) / max(polls, 1):.1%} failed): "
            f"{met}; crashes {tally.crashes_in('helios')}; "
            f"errors seen by the caller {tally.errors_of('helios')}; "
            f"ACKs recorded {self.acks_recorded}"
        )


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
            before = set(self.journal.kinds)
            self.senders.update(part.attach(self.journal))
            for kind in sorted(set(self.journal.kinds) - before):
                handler = self.journal.handler(kind)
                self.journal.register(kind, crashes.wrap(handler, part.name, part.crash_rates))

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
                tally.errors[sender_name].update(
                    type(item.error).__name__ for item in report.failed
                )
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
    helios = HeliosPart(fake)
    with fake.serve() as base_url:
        chorus = ChorusPart(fake, base_url)
        try:
            run_campaign(path, fake, [chorus, helios], tally)
            met = dict(fake.faults.met())
            helios_met = dict(helios.faults.met())
            report = tally.report(fake, time.perf_counter() - started)
            report += f"\n{helios.report(tally)}"
            print(f"\n{report}")  # noqa: T201 - the counts met, shown by pytest -s

            # A last replay of every batch, as a program started again would do: nothing is sent.
            calls = fake.faults.rules[0].matched
            fake.faults.clear()
            helios.faults.clear()
            writes = recorder.writes.copy()
            received = len(helios.helios.received)
            replaying = Process(
                path, [chorus, helios], Crashes(random.Random(0), Tally(), 0.0), fake.clock.now
            )
            for name, batch in [
                ("supplier", [*chorus.deposits, *chorus.submissions]),
                ("recipient", chorus.status_changes),
                ("helios", list(helios.flux.values())),
            ]:
                replay = replaying.senders[name].submit_many(batch)
                confirmed = [i for i in replay.items if i.entry and i.entry.state.is_settled]
                assert len(confirmed) == len(batch), report
            assert recorder.writes == writes, report
            assert len(helios.helios.received) == received, report

            journal = replaying.journal
            entries = journal.entries()
            chorus_entries = [entry for entry in entries if entry.kind.startswith("chorus")]
            assert len(chorus_entries) == DEPOSITS + SUBMISSIONS + SERVICE_FAIT + MANDATEE, report
            assert len(entries) == len(chorus_entries) + PES_FLUX, report
            states = Counter(entry.state for entry in entries)
            assert states == {EntryState.CONFIRMED: len(entries)}, f"{states}; {report}"
            assert chorus.check(journal) == [], report
            assert helios.check(journal) == [], report
            assert set(recorder.writes.values()) == {1}, report  # each write processed once
            assert len(recorder.writes) == len(chorus_entries), report
            assert all(met.get(kind, 0) > 0 for kind in FAULT_KINDS), report
            assert 0.15 < sum(met.values()) / calls < 0.25, report
            assert all(helios_met.get(kind, 0) > 0 for kind in HELIOS_FAULT_KINDS), report
            assert tally.expired_tokens > 0, report
            assert all(tally.crashes_in("chorus").get(point) for point in CRASH_POINTS), report
            assert all(tally.crashes_in("helios").get(point) for point in CRASH_POINTS), report
            journal.close()
        finally:
            chorus.close()
