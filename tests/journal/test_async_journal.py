"""The journal on an event loop: the same promises, handlers awaited, store calls off the loop."""

from __future__ import annotations

import threading
from pathlib import Path

import anyio
import pytest

from demat_sdk import RetryPolicy
from demat_sdk.errors import OutcomeUnknownError, RequestTimeoutError, ServerError
from demat_sdk.journal import (
    AsyncHandler,
    AsyncJournal,
    AsyncJournaledChorus,
    EntryState,
    Handler,
    Journal,
    JournalEntry,
    Outcome,
    Verdict,
    VerdictKind,
)
from demat_sdk.testing import FakeChorusPro

from journal_support import flux_deposit, journal_on

pytestmark = pytest.mark.anyio


class Remote:
    """An awaitable remote side that records what it receives."""

    def __init__(self) -> None:
        self.received: dict[str, bytes] = {}
        self.gate = anyio.Event()
        self.gate.set()
        self.failures: list[BaseException] = []
        self.loop_thread = threading.get_ident()
        self.store_threads: set[int] = set()

    async def send(self, entry: JournalEntry) -> Outcome:
        await self.gate.wait()
        if self.failures:
            raise self.failures.pop(0)
        if entry.key in self.received:
            raise AssertionError(f"{entry.key} received twice")
        self.received[entry.key] = entry.payload or b""
        return Outcome(reference=f"REF-{entry.key}")

    async def reconcile(self, entry: JournalEntry) -> Verdict:
        if entry.key in self.received:
            return Verdict(VerdictKind.CONFIRMED, reference=f"REF-{entry.key}")
        return Verdict(VerdictKind.ABSENT)


@pytest.fixture
def remote() -> Remote:
    return Remote()


@pytest.fixture
def journal(tmp_path: Path, remote: Remote) -> AsyncJournal:
    journal = AsyncJournal(tmp_path / "journal.sqlite3")
    journal.register("test.deposit", AsyncHandler(remote.send, remote.reconcile))
    return journal


async def test_a_submission_is_confirmed_and_never_sent_twice(
    journal: AsyncJournal, remote: Remote
) -> None:
    first = await journal.submit("test.deposit", "F-1", b"x")
    again = await journal.submit("test.deposit", "F-1", b"x")
    assert (first.state, first.reference) == (EntryState.CONFIRMED, "REF-F-1")
    assert (again.id, again.attempts) == (first.id, 1)


async def test_the_store_is_never_called_on_the_event_loop(tmp_path: Path, remote: Remote) -> None:
    loop_thread = threading.get_ident()
    calls: list[int] = []
    journal = Journal(tmp_path / "j.sqlite3")
    store = journal.store

    class Spy:
        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            method = getattr(store, name)

            def spied(*args, **kwargs):  # type: ignore[no-untyped-def]
                calls.append(threading.get_ident())
                return method(*args, **kwargs)

            return spied

    journal.store = Spy()  # type: ignore[assignment]
    async_journal = AsyncJournal(journal)
    async_journal.register("test.deposit", AsyncHandler(remote.send, remote.reconcile))
    await async_journal.submit("test.deposit", "F-2", b"x")
    await async_journal.resume()
    assert calls
    assert loop_thread not in calls


async def test_tasks_submitting_the_same_key_send_it_once(
    journal: AsyncJournal, remote: Remote
) -> None:
    remote.gate = anyio.Event()
    states: list[str] = []

    async def work() -> None:
        states.append((await journal.submit("test.deposit", "F-3", b"x")).state.value)

    async with anyio.create_task_group() as group:
        for _ in range(6):
            group.start_soon(work)
        await anyio.sleep(0.05)
        remote.gate.set()
    assert list(remote.received) == ["F-3"]
    assert states == ["CONFIRMED"] * 6


async def test_a_cancelled_sending_is_left_pending_and_released(
    journal: AsyncJournal, remote: Remote
) -> None:
    remote.gate = anyio.Event()
    with anyio.move_on_after(0.05):
        await journal.submit("test.deposit", "F-4", b"x")
    entry = await journal.find("test.deposit", "F-4")
    assert entry is not None
    assert entry.state is EntryState.PENDING  # like a crash: resume() reconciles it
    remote.gate.set()
    with anyio.fail_after(5):  # the claim was released: nothing waits forever
        report = await journal.resume()
    assert [sent.key for sent in report.sent] == ["F-4"]


async def test_errors_are_recorded_and_raised(journal: AsyncJournal, remote: Remote) -> None:
    remote.failures.append(RequestTimeoutError("late", request_sent=True))
    with pytest.raises(RequestTimeoutError):
        await journal.submit("test.deposit", "F-5", b"x")
    entry = await journal.find("test.deposit", "F-5")
    assert entry is not None
    assert entry.state is EntryState.UNKNOWN
    assert (await journal.reconcile(entry.id)).state is EntryState.NOT_SENT
    assert (await journal.submit("test.deposit", "F-5", b"x")).state is EntryState.CONFIRMED


async def test_a_blocking_handler_runs_in_a_worker_thread(tmp_path: Path) -> None:
    loop_thread = threading.get_ident()
    seen: list[int] = []

    def send(entry: JournalEntry) -> Outcome:
        seen.append(threading.get_ident())
        return Outcome(reference="ok")

    journal = AsyncJournal(tmp_path / "j.sqlite3")
    journal.register("test.sync", Handler(send, lambda entry: Verdict(VerdictKind.ABSENT)))
    assert (await journal.submit("test.sync", "k")).reference == "ok"
    assert seen
    assert loop_thread not in seen


async def test_an_unregistered_kind_is_named(journal: AsyncJournal) -> None:
    with pytest.raises(LookupError, match="no handler registered for 'other'"):
        await journal.submit("other", "k")


# --- Chorus Pro, awaited --------------------------------------------------------------------


async def test_async_bulk_sends_each_flux_once_with_bounded_concurrency(
    tmp_path: Path,
) -> None:
    fake = FakeChorusPro.seeded()
    fake.faults.add("timeout_after_commit", operation="deposerFluxFacture", skip=3, times=2)
    fake.faults.add("server_error", operation="deposerFluxFacture", skip=9, times=1)
    account = fake.world.account(fake.world.pharmadis)
    client = fake.async_client(account=account, retry_policy=RetryPolicy(sleep=lambda _: None))
    async with AsyncJournal(journal_on(fake, tmp_path / "j.sqlite3")) as journal:
        chorus = AsyncJournaledChorus(journal, client)
        requests = [flux_deposit(fake, f"ASYNC-{n:03}") for n in range(20)]
        report = await chorus.submit_many(requests, concurrency=4)
        assert [item.request for item in report.items] == requests
        assert len(report.confirmed) == 17
        errors = sorted(type(item.error).__name__ for item in report.failed)
        assert errors == ["RequestTimeoutError", "RequestTimeoutError", "ServerError"]
        fake.advance(300)  # the two committed flux are integrated; the 503 never arrived
        unsent = next(item.request for item in report.failed if isinstance(item.error, ServerError))
        with pytest.raises(OutcomeUnknownError):  # within the hour: maybe still processing
            await chorus.submit(unsent)
        fake.advance(3600)
        resumed = await chorus.resume()
        assert (len(resumed.confirmed), len(resumed.sent)) == (2, 1)
    deposited = [flux.nom_fichier for flux in fake.state.flux.records.values()]
    assert sorted(deposited) == sorted(f"ASYNC-{n:03}.xml" for n in range(20))
    await client.close()


async def test_async_bulk_goes_on_past_an_unexpected_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeChorusPro.seeded()
    client = fake.async_client(account=fake.world.account(fake.world.pharmadis))
    async with AsyncJournal(journal_on(fake, tmp_path / "j.sqlite3")) as journal:
        chorus = AsyncJournaledChorus(journal, client)
        requests = [flux_deposit(fake, f"ODD-{n}") for n in range(6)]
        real = chorus.submit

        async def locked_for_the_first(request: object) -> object:
            if request is requests[0]:
                raise RuntimeError("database is locked")
            await anyio.sleep(0.01)  # the others are in flight when the first one fails
            return await real(request)  # type: ignore[arg-type]

        monkeypatch.setattr(chorus, "submit", locked_for_the_first)
        report = await chorus.submit_many(requests, concurrency=6)
        assert [item.request for item in report.confirmed] == requests[1:]
        (failed,) = report.failed
        assert isinstance(failed.error, RuntimeError)
    assert len(fake.state.flux.records) == 5
    await client.close()


async def test_many_more_waiting_tasks_than_worker_threads_do_not_deadlock(
    journal: AsyncJournal, remote: Remote
) -> None:
    remote.gate = anyio.Event()
    states: list[str] = []

    async def work() -> None:
        states.append((await journal.submit("test.deposit", "F-6", b"x")).state.value)

    with anyio.fail_after(10):
        async with anyio.create_task_group() as group:
            for _ in range(100):  # anyio lends 40 worker threads by default
                group.start_soon(work)
            await anyio.sleep(0.1)
            remote.gate.set()
    assert states == ["CONFIRMED"] * 100
    assert list(remote.received) == ["F-6"]


async def test_an_answer_received_later_settles_an_awaiting_entry(tmp_path: Path) -> None:
    async def take(entry: JournalEntry) -> Outcome:
        return Outcome(reference=None, result={"receipt": entry.key}, awaiting=True)

    async def no_answer_yet(entry: JournalEntry) -> Verdict:
        return Verdict(VerdictKind.UNDECIDED, reason="no acquittement yet")

    journal = AsyncJournal(tmp_path / "late.sqlite3")
    journal.register("late", AsyncHandler(take, no_answer_yet))
    entry = await journal.submit("late", "PES-1", b"<PES_Aller/>")
    assert entry.state is EntryState.AWAITING
    assert (await journal.reconcile(entry.id)).state is EntryState.AWAITING
    answer = Verdict(VerdictKind.CONFIRMED, reference="PES-1", result={"accepte": True})
    settled = await journal.settle("late", "PES-1", answer)
    assert settled is not None
    assert (settled.state, settled.reference) == (EntryState.CONFIRMED, "PES-1")
    assert await journal.settle("late", "PES-2", answer) is None
    await journal.close()
