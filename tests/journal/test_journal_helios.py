"""PES to Hélios through the journal: sent once, the ACK awaited, never resent while it may come."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from pathlib import Path

import pytest

from demat_sdk import pes
from demat_sdk.errors import ChannelError, InvalidRequestError, OutcomeUnknownError
from demat_sdk.helios import FileSource, IncomingFile, Receipt
from demat_sdk.journal import (
    AsyncJournal,
    AsyncJournaledHelios,
    EntryState,
    Journal,
    JournaledHelios,
)
from demat_sdk.testing import FakeHelios, FaultKind, Faults
from demat_sdk.testing.helios import FakeHeliosChannel, samples

DAY = dt.date(2026, 1, 5)
DEADLINE = timedelta(days=3)


class Crash(BaseException):
    """A simulated process crash: nothing catches it."""


class CrashingChannel(FakeHeliosChannel):
    """Stops the process once, before or after handing the file to Hélios."""

    def __init__(self, helios: FakeHelios, *, after: bool) -> None:
        super().__init__(helios)
        self.after = after
        self.armed = True

    def send(self, file: FileSource, *, name: str | None = None) -> Receipt:
        if self.armed:
            self.armed = False
            if self.after:
                self.helios.receive(bytes(file) if isinstance(file, bytes) else b"", name or "")
            raise Crash
        return super().send(file, name=name)


def _depense(nom: str, *, bordereaux: tuple[int, ...] = (12,), **options: object) -> bytes:
    flux = samples.depense_flux(nom, DAY, bordereaux=bordereaux, **options)  # type: ignore[arg-type]
    return pes.to_bytes(flux, business_rules=False)


@pytest.fixture
def helios() -> FakeHelios:
    return FakeHelios.seeded()


def _journaled(helios: FakeHelios, tmp_path: Path, channel: FakeHeliosChannel) -> JournaledHelios:
    journal = Journal(tmp_path / "journal.sqlite3", clock=helios.clock.now)
    return JournaledHelios(journal, channel, ack_deadline=DEADLINE)


def _feed(journaled: JournaledHelios, channel: FakeHeliosChannel) -> list[IncomingFile]:
    """Poll the channel, record each ACK, file it."""
    polled = channel.poll()
    for incoming in polled:
        journaled.record_acquit(incoming)
        channel.mark_processed(incoming)
    return polled


def _received(helios: FakeHelios, name: str) -> int:
    return sum(1 for received in helios.received if received.name == name)


def test_a_pes_awaits_its_ack_then_is_confirmed(helios: FakeHelios, tmp_path: Path) -> None:
    channel = FakeHeliosChannel(helios)
    journaled = _journaled(helios, tmp_path, channel)
    flux = _depense("PESDEP_001.xml")

    entry = journaled.send(flux)

    assert entry.state is EntryState.AWAITING
    assert entry.key == "130/PESDEP_001.xml"
    assert entry.result is not None
    assert entry.result["receipt"]["name"] == "PESDEP_001.xml"
    assert journaled.send(flux).state is EntryState.AWAITING  # not handed over twice
    assert [e.key for e in journaled.resume().undecided] == ["130/PESDEP_001.xml"]

    helios.advance(helios.ack_delay)
    [ack] = _feed(journaled, channel)

    confirmed = journaled.journal.get(entry.id)
    assert confirmed.state is EntryState.CONFIRMED
    assert confirmed.reference == "PESDEP_001.xml"
    assert confirmed.result is not None
    assert confirmed.result["acquit"]["name"] == ack.name
    assert confirmed.result["acquit"]["accepte"] is True
    assert confirmed.result["receipt"]["name"] == "PESDEP_001.xml"
    assert journaled.send(flux).state is EntryState.CONFIRMED
    assert _received(helios, "PESDEP_001.xml") == 1
    assert journaled.awaiting() == []


def test_models_are_written_and_keyed_by_codcol_and_nomfic(
    helios: FakeHelios, tmp_path: Path
) -> None:
    journaled = _journaled(helios, tmp_path, FakeHeliosChannel(helios))
    entry = journaled.send(samples.recette_flux("PESREC_001.xml", DAY), name="transmis-001.xml")
    assert entry.key == "130/PESREC_001.xml"
    assert entry.meta["name"] == "transmis-001.xml"
    assert helios.received[0].name == "transmis-001.xml"
    assert pes.read_header(entry.payload or b"").siret == samples.HOSPITAL_SIRET


def test_a_file_that_is_not_a_pes_aller_is_refused_before_recording(
    helios: FakeHelios, tmp_path: Path
) -> None:
    journaled = _journaled(helios, tmp_path, FakeHeliosChannel(helios))
    with pytest.raises(InvalidRequestError, match="root element is PES_ACQUIT, not PES_Aller"):
        journaled.send(b"<PES_ACQUIT/>")
    with pytest.raises(InvalidRequestError, match="not a readable PES_Aller"):
        journaled.send(b"<PES_Aller><Enveloppe>")
    no_nomfic = (
        b'<PES_Aller><Enveloppe><Parametres><NomFic V=""/></Parametres></Enveloppe>'
        b'<EnTetePES><CodCol V="130"/></EnTetePES><PES_DepenseAller/></PES_Aller>'
    )
    with pytest.raises(InvalidRequestError, match="no NomFic") as caught:
        journaled.send(no_nomfic)
    assert caught.value.field == "NomFic"
    assert journaled.journal.entries() == []


def test_a_rejected_ack_is_the_outcome_too(helios: FakeHelios, tmp_path: Path) -> None:
    channel = FakeHeliosChannel(helios)
    journaled = _journaled(helios, tmp_path, channel)
    entry = journaled.send(_depense("PESDEP_002.xml", bordereaux=(12, 13), fonction_on=13))
    helios.advance(helios.ack_delay)
    _feed(journaled, channel)

    settled = journaled.journal.get(entry.id)
    assert settled.state is EntryState.CONFIRMED
    assert settled.result is not None
    acquit = settled.result["acquit"]
    assert acquit["accepte"] is False
    assert [rejet["objet"] for rejet in acquit["rejets"]] == ["bordereau 13 (exercice 2026)"]


def test_a_transfer_cut_after_hand_over_waits_for_the_ack(
    helios: FakeHelios, tmp_path: Path
) -> None:
    faults = Faults(seed=1)
    faults.add(FaultKind.SEND_FAILS_AFTER, operation="send", times=1)
    channel = FakeHeliosChannel(helios, faults=faults)
    journaled = _journaled(helios, tmp_path, channel)
    flux = _depense("PESDEP_003.xml")

    with pytest.raises(ChannelError, match="cut"):
        journaled.send(flux)
    [entry] = journaled.journal.entries()
    assert entry.state is EntryState.UNKNOWN
    with pytest.raises(OutcomeUnknownError):
        journaled.send(flux)  # the ACK may come: not sent again
    assert journaled.resume().undecided

    helios.advance(helios.ack_delay)
    _feed(journaled, channel)

    assert journaled.journal.get(entry.id).state is EntryState.CONFIRMED
    assert _received(helios, "PESDEP_003.xml") == 1


def test_a_transfer_refused_before_hand_over_is_sent_again_at_once(
    helios: FakeHelios, tmp_path: Path
) -> None:
    faults = Faults(seed=1)
    faults.add(FaultKind.SEND_FAILS_BEFORE, operation="send", times=1)
    journaled = _journaled(helios, tmp_path, FakeHeliosChannel(helios, faults=faults))

    with pytest.raises(ChannelError) as caught:
        journaled.send(_depense("PESDEP_004.xml"))
    assert caught.value.handed_over is False
    assert journaled.journal.entries()[0].state is EntryState.NOT_SENT
    assert helios.received == []

    report = journaled.resume()
    assert [entry.state for entry in report.sent] == [EntryState.AWAITING]
    assert _received(helios, "PESDEP_004.xml") == 1


@pytest.mark.parametrize("after", [False, True], ids=["crash-before", "crash-after"])
def test_a_crash_is_resent_only_after_the_ack_deadline(
    helios: FakeHelios, tmp_path: Path, after: bool
) -> None:
    channel = CrashingChannel(helios, after=after)
    journaled = _journaled(helios, tmp_path, channel)
    flux = _depense("PESDEP_005.xml")
    with pytest.raises(Crash):
        journaled.send(flux)
    assert journaled.journal.entries()[0].state is EntryState.PENDING

    helios.advance(helios.ack_delay)
    _feed(journaled, channel)
    report = journaled.resume()
    if after:  # the ACK came: settled, never sent again
        assert report.undecided == ()
        assert journaled.journal.entries()[0].state is EntryState.CONFIRMED
    else:  # no ACK, but it may be late: wait until the deadline
        assert len(report.undecided) == 1
        helios.advance(DEADLINE.total_seconds())
        assert [entry.state for entry in journaled.resume().sent] == [EntryState.AWAITING]
        helios.advance(helios.ack_delay)
        _feed(journaled, channel)
        assert journaled.journal.entries()[0].state is EntryState.CONFIRMED
    assert _received(helios, "PESDEP_005.xml") == 1


def test_a_very_late_ack_settles_an_entry_deemed_lost(helios: FakeHelios, tmp_path: Path) -> None:
    faults = Faults(seed=1)
    faults.add(FaultKind.SEND_FAILS_AFTER, operation="send", times=1)
    channel = FakeHeliosChannel(helios, faults=faults)
    journaled = _journaled(helios, tmp_path, channel)
    with pytest.raises(ChannelError):
        journaled.send(_depense("PESDEP_006.xml"))
    helios.clock.advance(DEADLINE.total_seconds())  # the ACK is held back (an outage)
    [entry] = journaled.journal.entries()
    assert journaled.journal.reconcile(entry.id).state is EntryState.NOT_SENT

    acks = [file for file in helios.outbox() if "PESDEP_006" in file.name]
    settled = journaled.record_acquit(acks[0].content)
    assert settled is not None
    assert settled.state is EntryState.CONFIRMED
    assert journaled.resume().sent == ()
    assert _received(helios, "PESDEP_006.xml") == 1


def test_an_ack_of_a_flux_the_journal_never_sent(helios: FakeHelios, tmp_path: Path) -> None:
    channel = FakeHeliosChannel(helios)
    journaled = _journaled(helios, tmp_path, channel)
    channel.send(_depense("PESDEP_007.xml"), name="PESDEP_007.xml")  # sent without the journal
    helios.advance(helios.ack_delay)
    [ack] = channel.poll()
    path = tmp_path / ack.name
    path.write_bytes(ack.read_bytes())
    assert journaled.record_acquit(path) is None


def test_channel_faults_are_reproducible_and_counted(helios: FakeHelios) -> None:
    faults = Faults(seed=7)
    faults.add(FaultKind.POLL_FAILS, operation="poll", times=1)
    faults.add(FaultKind.SEND_FAILS_AFTER, operation="send", times=1)
    channel = FakeHeliosChannel(helios, faults=faults)
    flux = _depense("PESDEP_008.xml")

    with pytest.raises(ChannelError) as caught:
        channel.send(flux, name="PESDEP_008.xml")
    assert caught.value.handed_over is None
    channel.send(flux, name="PESDEP_008.xml")  # no receipt was given: it reaches Hélios again
    assert _received(helios, "PESDEP_008.xml") == 2

    helios.advance(helios.ack_delay)
    with pytest.raises(ChannelError, match="injected"):
        channel.poll()
    assert len(channel.poll()) == 2  # nothing was lost to the failed poll
    assert faults.met() == {"poll_fails": 1, "send_fails_after": 1}


@pytest.mark.anyio
async def test_the_awaitable_twin_sends_once_and_records_the_ack(
    helios: FakeHelios, tmp_path: Path
) -> None:
    faults = Faults(seed=1)
    faults.add(FaultKind.SEND_FAILS_AFTER, operation="send", times=1)
    channel = FakeHeliosChannel(helios, faults=faults)
    journal = AsyncJournal(tmp_path / "async.sqlite3", clock=helios.clock.now)
    journaled = AsyncJournaledHelios(journal, channel, ack_deadline=DEADLINE)
    flux = _depense("PESDEP_009.xml")

    with pytest.raises(ChannelError):
        await journaled.send(flux)
    assert (await journaled.resume()).undecided  # uncertain: not sent again

    helios.advance(helios.ack_delay)
    [ack] = channel.poll()
    entry = await journaled.record_acquit(ack)
    assert entry is not None
    assert entry.state is EntryState.CONFIRMED
    assert entry.result is not None
    assert entry.result["acquit"]["name"] == ack.name
    assert (await journaled.send(flux)).state is EntryState.CONFIRMED
    assert _received(helios, "PESDEP_009.xml") == 1
    await journal.close()
