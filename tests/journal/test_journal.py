"""The journal's promises with a scripted remote side: nothing lost, nothing sent twice."""

from __future__ import annotations

import gc
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from demat_sdk.errors import (
    ChannelError,
    ChorusBusinessError,
    ConfigurationError,
    ConnectError,
    OutcomeUnknownError,
    RequestTimeoutError,
    ServerError,
    SubmissionConflictError,
)
from demat_sdk.journal import (
    EntryState,
    Handler,
    Journal,
    JournalEntry,
    Outcome,
    Verdict,
    VerdictKind,
)


class Crash(BaseException):
    """A simulated process crash: nothing catches it."""


class Remote:
    """A remote side that stores what it receives, with scripted failures."""

    def __init__(self) -> None:
        self.received: dict[str, bytes] = {}
        self.failures: list[BaseException | tuple[str, BaseException]] = []
        self.reconcile_calls = 0
        self.undecided = False

    def send(self, entry: JournalEntry) -> Outcome:
        if self.failures:
            failure = self.failures.pop(0)
            if isinstance(failure, tuple):  # commit first, then fail (time-out after commit)
                self.received[entry.key] = entry.payload or b""
                raise failure[1]
            raise failure
        if entry.key in self.received:
            raise AssertionError(f"{entry.key} received twice")
        self.received[entry.key] = entry.payload or b""
        return Outcome(reference=f"REF-{entry.key}", result={"size": len(entry.payload or b"")})

    def reconcile(self, entry: JournalEntry) -> Verdict:
        self.reconcile_calls += 1
        if self.undecided:
            return Verdict(VerdictKind.UNDECIDED, reason="processing")
        if entry.key in self.received:
            return Verdict(VerdictKind.CONFIRMED, reference=f"REF-{entry.key}")
        return Verdict(VerdictKind.ABSENT, reason="not found")


@pytest.fixture
def remote() -> Remote:
    return Remote()


@pytest.fixture
def journal(tmp_path: Path, remote: Remote) -> Journal:
    journal = Journal(tmp_path / "journal.sqlite3")
    journal.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    return journal


def test_a_submission_is_confirmed_and_never_sent_twice(journal: Journal, remote: Remote) -> None:
    first = journal.submit("test.deposit", "F-001", b"invoice 1", {"numero": "F-001"})
    again = journal.submit("test.deposit", "F-001", b"invoice 1")
    assert first.state is EntryState.CONFIRMED
    assert first.reference == "REF-F-001"
    assert first.result == {"size": 9}
    assert again.id == first.id
    assert again.attempts == 1
    assert list(remote.received) == ["F-001"]


def test_same_key_other_content_is_a_conflict(journal: Journal) -> None:
    journal.submit("test.deposit", "F-001", b"one")
    with pytest.raises(SubmissionConflictError, match="another content"):
        journal.submit("test.deposit", "F-001", b"two")


def test_not_sent_is_sent_again(journal: Journal, remote: Remote) -> None:
    remote.failures.append(ConnectError("refused"))
    with pytest.raises(ConnectError):
        journal.submit("test.deposit", "F-002", b"x")
    entry = journal.find("test.deposit", "F-002")
    assert entry is not None
    assert entry.state is EntryState.NOT_SENT
    assert entry.error == "ConnectError: refused"
    done = journal.submit("test.deposit", "F-002", b"x")
    assert done.state is EntryState.CONFIRMED
    assert done.attempts == 2
    assert remote.reconcile_calls == 0


def test_time_out_after_commit_is_reconciled_not_resent(journal: Journal, remote: Remote) -> None:
    remote.failures.append(("commit", RequestTimeoutError("late", request_sent=True)))
    with pytest.raises(RequestTimeoutError):
        journal.submit("test.deposit", "F-003", b"x")
    assert journal.find("test.deposit", "F-003").state is EntryState.UNKNOWN  # type: ignore[union-attr]
    done = journal.submit("test.deposit", "F-003", b"x")  # would raise "received twice" if resent
    assert done.state is EntryState.CONFIRMED
    assert done.reference == "REF-F-003"
    assert remote.reconcile_calls == 1


def test_unknown_and_absent_is_resent(journal: Journal, remote: Remote) -> None:
    remote.failures.append(ServerError("boom", status_code=502))
    with pytest.raises(ServerError):
        journal.submit("test.deposit", "F-004", b"x")
    done = journal.submit("test.deposit", "F-004", b"x")
    assert done.state is EntryState.CONFIRMED
    assert remote.received == {"F-004": b"x"}


def test_undecided_outcome_blocks_resending(journal: Journal, remote: Remote) -> None:
    remote.failures.append(("commit", RequestTimeoutError("late", request_sent=True)))
    with pytest.raises(RequestTimeoutError):
        journal.submit("test.deposit", "F-005", b"x")
    remote.undecided = True
    with pytest.raises(OutcomeUnknownError) as caught:
        journal.submit("test.deposit", "F-005", b"x")
    assert caught.value.entry_id == journal.find("test.deposit", "F-005").id  # type: ignore[union-attr]
    remote.undecided = False
    assert journal.reconcile(caught.value.entry_id).state is EntryState.CONFIRMED


def test_business_refusal_is_rejected_and_returned(journal: Journal, remote: Remote) -> None:
    remote.failures.append(
        ChorusBusinessError(code_retour=20001, libelle="GDP_MSG_11.005", operation="deposer")
    )
    entry = journal.submit("test.deposit", "F-006", b"x")
    assert entry.state is EntryState.REJECTED
    assert "20001" in (entry.error or "")
    assert journal.submit("test.deposit", "F-006", b"x").attempts == 1  # not resent


def test_a_crash_before_sending_is_resumed(tmp_path: Path, remote: Remote) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    remote.failures.append(Crash())
    with pytest.raises(Crash):
        journal.submit("test.deposit", "F-007", b"payload kept")
    journal.close()

    restarted = Journal(path)  # a new process: the intent and the payload are on disk
    restarted.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    (entry,) = restarted.pending()
    assert entry.state is EntryState.PENDING
    assert entry.payload == b"payload kept"
    report = restarted.resume()
    assert [e.key for e in report.sent] == ["F-007"]
    assert report.settled
    assert remote.received == {"F-007": b"payload kept"}


def test_one_journal_at_a_time_sends_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    first = Journal(path)
    with pytest.raises(ConfigurationError, match="already open by another journal"):
        Journal(path)  # another object of this process: it would resend the first's in flight
    other_process = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
        [sys.executable, "-c", f"from demat_sdk.journal import Journal; Journal({str(path)!r})"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert other_process.returncode == 1
    assert "ConfigurationError" in other_process.stderr
    assert f"{path} is already open by another journal" in other_process.stderr
    first.close()
    Journal(path).close()  # free again once closed


def test_the_file_is_free_again_after_a_failed_open_or_a_journal_never_closed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        Journal(path)
    path.unlink()

    def forgotten() -> None:
        Journal(path)  # never closed

    forgotten()
    gc.collect()
    Journal(path).close()
    for name in ("", ":memory:"):  # SQLite's own temporary databases: nothing to lock
        Journal(name).close()


def test_a_crash_after_the_remote_committed_is_not_resent(tmp_path: Path, remote: Remote) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    remote.failures.append(("commit", Crash()))
    with pytest.raises(Crash):
        journal.submit("test.deposit", "F-008", b"x")
    journal.close()
    restarted = Journal(path)
    restarted.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    report = restarted.resume()
    assert [e.key for e in report.confirmed] == ["F-008"]
    assert report.sent == ()
    assert restarted.pending() == []


def test_resume_reports_what_stays_undecided(journal: Journal, remote: Remote) -> None:
    remote.failures.append(("commit", RequestTimeoutError("late", request_sent=True)))
    with pytest.raises(RequestTimeoutError):
        journal.submit("test.deposit", "F-009", b"x")
    remote.undecided = True
    report = journal.resume()
    assert [e.key for e in report.undecided] == ["F-009"]
    assert not report.settled


def test_an_unregistered_kind_is_named(journal: Journal) -> None:
    with pytest.raises(LookupError, match="no handler registered for 'other'"):
        journal.submit("other", "k", b"")


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (ConnectError("refused"), EntryState.NOT_SENT),
        (RequestTimeoutError("connect", request_sent=False), EntryState.NOT_SENT),
        (RequestTimeoutError("read", request_sent=True), EntryState.UNKNOWN),
        (ServerError("x", status_code=503), EntryState.UNKNOWN),
        (ChorusBusinessError(code_retour=1, libelle="x", operation="o"), EntryState.REJECTED),
        (ValueError("a bug"), EntryState.UNKNOWN),
        (ChannelError("unreadable", handed_over=False), EntryState.NOT_SENT),
        (ChannelError("cut during the transfer"), EntryState.UNKNOWN),
    ],
)
def test_state_after_each_kind_of_failure(error: Exception, state: EntryState) -> None:
    from demat_sdk.journal import state_after

    assert state_after(error) is state


def test_threads_submitting_the_same_key_send_it_once(journal: Journal, remote: Remote) -> None:
    import threading

    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def work() -> None:
        barrier.wait()
        outcomes.append(journal.submit("test.deposit", "F-010", b"x").state.value)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert list(remote.received) == ["F-010"]
    assert outcomes == ["CONFIRMED"] * 8  # the others waited for the first and saw its outcome


def test_a_new_content_takes_a_key_whose_first_content_never_took_effect(
    journal: Journal, remote: Remote
) -> None:
    remote.failures.append(ConnectError("refused"))
    with pytest.raises(ConnectError):
        journal.submit("test.deposit", "F-011", b"first")
    entry = journal.submit("test.deposit", "F-011", b"second")  # NOT_SENT: nothing arrived
    assert (entry.state, entry.attempts) == (EntryState.CONFIRMED, 2)
    assert remote.received == {"F-011": b"second"}
    assert journal.get(entry.id).payload == b"second"


def test_a_new_content_is_refused_while_the_first_may_have_arrived(
    journal: Journal, remote: Remote
) -> None:
    remote.failures.append(("commit", RequestTimeoutError("late", request_sent=True)))
    with pytest.raises(RequestTimeoutError):
        journal.submit("test.deposit", "F-012", b"first")
    with pytest.raises(SubmissionConflictError, match="UNKNOWN"):
        journal.submit("test.deposit", "F-012", b"second")
    assert remote.received == {"F-012": b"first"}


def test_resume_only_the_kinds_asked_for(journal: Journal, remote: Remote) -> None:
    other = Remote()
    journal.register("test.other", Handler(send=other.send, reconcile=other.reconcile))
    for kind, key, side in [("test.deposit", "A", remote), ("test.other", "B", other)]:
        side.failures.append(ConnectError("refused"))
        with pytest.raises(ConnectError):
            journal.submit(kind, key, b"x")
    report = journal.resume(kinds=["test.other"])
    assert [entry.key for entry in report.sent] == ["B"]
    assert [entry.key for entry in journal.pending()] == ["A"]


def test_resume_refuses_to_start_with_a_kind_it_cannot_send(tmp_path: Path, remote: Remote) -> None:
    path = tmp_path / "j.sqlite3"
    first = Journal(path)
    first.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    remote.failures.append(ConnectError("refused"))
    with pytest.raises(ConnectError):
        first.submit("test.deposit", "F-013", b"x")
    first.close()
    with Journal(path) as restarted, pytest.raises(LookupError, match=r"test\.deposit"):
        restarted.resume()


def test_the_time_of_each_attempt_is_recorded(tmp_path: Path, remote: Remote) -> None:
    from datetime import datetime, timedelta, timezone

    now = [datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)]
    journal = Journal(tmp_path / "j.sqlite3", clock=lambda: now[0])
    journal.register("test.deposit", Handler(send=remote.send, reconcile=remote.reconcile))
    remote.failures.append(ConnectError("refused"))
    with pytest.raises(ConnectError):
        journal.submit("test.deposit", "F-014", b"x")
    now[0] += timedelta(minutes=5)
    entry = journal.submit("test.deposit", "F-014", b"x")
    assert entry.created_at == "2026-01-05T09:00:00+00:00"
    assert entry.last_attempt_at == "2026-01-05T09:05:00+00:00"
    assert journal.kinds == ("test.deposit",)


def test_a_journal_file_written_before_last_attempt_at_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    from demat_sdk.journal import SqliteJournalStore

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE journal_entry (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
            " key TEXT NOT NULL, digest TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT"
            " NULL DEFAULT 0, payload BLOB, meta TEXT NOT NULL DEFAULT '{}', reference TEXT,"
            " result TEXT, error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
            " UNIQUE (kind, key))"
        )
        db.execute(
            "INSERT INTO journal_entry (kind, key, digest, state, created_at, updated_at)"
            " VALUES ('k', 'old', 'd', 'UNKNOWN', 't', 't')"
        )
    store = SqliteJournalStore(path)
    (entry,) = store.entries()
    assert (entry.key, entry.state, entry.last_attempt_at) == ("old", EntryState.UNKNOWN, None)
    store.close()


# --- a remote side that answers later (Hélios' acquittement) -------------------------------


class LateRemote:
    """Takes a file now, answers later; its reconciler only knows what was answered."""

    def __init__(self) -> None:
        self.taken: list[str] = []
        self.overdue = False

    def send(self, entry: JournalEntry) -> Outcome:
        self.taken.append(entry.key)
        return Outcome(reference=None, result={"receipt": entry.key}, awaiting=True)

    def reconcile(self, entry: JournalEntry) -> Verdict:
        if self.overdue:
            return Verdict(VerdictKind.ABSENT, reason="no answer in time")
        return Verdict(VerdictKind.UNDECIDED, reason="no answer yet")


@pytest.fixture
def late(tmp_path: Path) -> tuple[Journal, LateRemote]:
    remote = LateRemote()
    journal = Journal(tmp_path / "late.sqlite3")
    journal.register("late", Handler(send=remote.send, reconcile=remote.reconcile))
    return journal, remote


def test_an_awaited_answer_leaves_the_entry_awaiting_and_never_resent(
    late: tuple[Journal, LateRemote],
) -> None:
    journal, remote = late
    entry = journal.submit("late", "F1", b"pes")
    assert entry.state is EntryState.AWAITING
    assert entry.result == {"receipt": "F1"}
    again = journal.submit("late", "F1", b"pes")  # reconciled: still awaited, not resent
    assert again.state is EntryState.AWAITING
    report = journal.resume()
    assert [e.key for e in report.undecided] == ["F1"]
    assert remote.taken == ["F1"]
    assert journal.entries(states=(EntryState.AWAITING,))[0].result == {"receipt": "F1"}


def test_settle_records_the_answer_once(late: tuple[Journal, LateRemote]) -> None:
    journal, _ = late
    journal.submit("late", "F1", b"pes")
    answer = Verdict(VerdictKind.CONFIRMED, reference="F1", result={"accepte": True})
    settled = journal.settle("late", "F1", answer)
    assert settled is not None
    assert (settled.state, settled.reference, settled.result) == (
        EntryState.CONFIRMED,
        "F1",
        {"accepte": True},
    )
    other = Verdict(VerdictKind.REJECTED, reference="F1", result={"accepte": False})
    assert journal.settle("late", "F1", other) == journal.get(settled.id)
    assert journal.get(settled.id).result == {"accepte": True}
    assert journal.settle("late", "unknown", answer) is None


def test_an_answer_settles_an_entry_deemed_lost(late: tuple[Journal, LateRemote]) -> None:
    journal, remote = late
    entry = journal.submit("late", "F1", b"pes")
    remote.overdue = True
    assert journal.reconcile(entry.id).state is EntryState.NOT_SENT
    settled = journal.settle("late", "F1", Verdict(VerdictKind.CONFIRMED, reference="F1"))
    assert settled is not None
    assert settled.state is EntryState.CONFIRMED
    assert journal.pending() == []  # nothing left to send
    assert remote.taken == ["F1"]
