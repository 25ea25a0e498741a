"""Hélios channels: the folder channel's guarantees, the contract, kinds of files."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from demat_sdk.errors import ChannelError, ConfigurationError, InvalidRequestError
from demat_sdk.helios import (
    FileKind,
    FileSource,
    FolderChannel,
    HeliosChannel,
    IncomingFile,
    Receipt,
    detect_kind,
)
from demat_sdk.helios import folder as folder_module
from demat_sdk.pes.acquit import read_acquit
from demat_sdk.testing import FakeClock, FakeHelios, FakeHeliosChannel

from return_path_support import DATA, EXAMPLES, SAMPLES

SENT_AT = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
ACK = SAMPLES / "stela_ack_ko_SEN.xml"


@dataclass
class Platform:
    """The directories a transmission platform shares with the hospital."""

    drop: Path
    pickup: Path
    work: Path
    opened: list[FolderChannel] = field(default_factory=list)

    def channel(self, **options: object) -> FolderChannel:
        options.setdefault("settle_seconds", 0)
        options.setdefault("clock", lambda: SENT_AT)
        channel = FolderChannel(self.drop, self.pickup, self.work, **options)  # type: ignore[arg-type]
        self.opened.append(channel)
        return channel

    def deliver(self, name: str, data: bytes, *, age: float = 60) -> Path:
        """Deliver a file the way a platform should: written aside, then renamed."""
        temporary = self.pickup / f".{name}.part"
        temporary.write_bytes(data)
        stamp = time.time() - age
        os.utime(temporary, (stamp, stamp))
        final = self.pickup / name
        temporary.rename(final)
        return final

    def files(self, where: Path) -> list[str]:
        return sorted(path.name for path in where.iterdir())


@pytest.fixture
def platform_dirs(tmp_path: Path) -> Iterator[Platform]:
    found = Platform(tmp_path / "depot", tmp_path / "retrait", tmp_path / "travail")
    found.drop.mkdir()
    found.pickup.mkdir()
    yield found
    for channel in found.opened:
        channel.close()


# --- sending -----------------------------------------------------------------------------


def test_send_drops_the_file_and_keeps_a_receipt(platform_dirs: Platform) -> None:
    pes = EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml"
    with platform_dirs.channel() as channel:
        receipt = channel.send(pes, name="PESALR2_26380001500017_250314_001.xml")
    assert (platform_dirs.drop / receipt.name).read_bytes() == pes.read_bytes()
    assert receipt.size == pes.stat().st_size
    assert len(receipt.sha1) == 40
    assert receipt.sent_at == SENT_AT
    assert Path(receipt.reference) == platform_dirs.work / "sent" / receipt.name
    assert platform_dirs.files(platform_dirs.drop) == [receipt.name]  # nothing else, no temp
    assert platform_dirs.files(platform_dirs.work / ".staging") == []
    stored = json.loads((platform_dirs.work / "receipts" / f"{receipt.name}.json").read_text())
    assert stored["sha1"] == receipt.sha1
    assert platform_dirs.channel().receipt(receipt.name) == receipt


def test_sending_again_is_idempotent_and_a_reused_name_refused(platform_dirs: Platform) -> None:
    channel = platform_dirs.channel(clock=lambda: datetime.now(timezone.utc))
    first = channel.send(b"<PES/>", name="PESALR2_X_250314_001.xml")
    (platform_dirs.drop / first.name).unlink()  # the platform took it
    assert channel.send(b"<PES/>", name="PESALR2_X_250314_001.xml") == first
    assert platform_dirs.files(platform_dirs.drop) == []  # not dropped a second time
    with pytest.raises(InvalidRequestError, match=r"already sent as 'PESALR2_X_250314_001\.xml'"):
        channel.send(b"<PES>other</PES>", name="PESALR2_X_250314_001.xml")


def test_a_crash_between_archive_and_drop_is_completed_by_sending_again(
    platform_dirs: Platform,
) -> None:
    channel = platform_dirs.channel()
    # What a crash right after the name was claimed leaves: the archived copy, no receipt.
    (platform_dirs.work / "sent" / "PESALR2_Y.xml").write_bytes(b"<PES/>")
    receipt = channel.send(b"<PES/>", name="PESALR2_Y.xml")
    assert (platform_dirs.drop / "PESALR2_Y.xml").read_bytes() == b"<PES/>"
    assert channel.receipt("PESALR2_Y.xml") == receipt


@pytest.mark.parametrize(
    "name", ["", ".hidden.xml", "../up.xml", "a/b.xml", "x\ny.xml", "ACK.xml.part", "é" * 101]
)
def test_unusable_names_are_refused(platform_dirs: Platform, name: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        platform_dirs.channel().send(b"<PES/>", name=name)
    assert caught.value.field == "name"
    assert platform_dirs.files(platform_dirs.drop) == []


def test_bytes_need_a_name_and_a_missing_file_is_an_error(platform_dirs: Platform) -> None:
    channel = platform_dirs.channel()
    with pytest.raises(InvalidRequestError, match="a name is required"):
        channel.send(b"<PES/>")
    with pytest.raises(ChannelError, match="could not read"):
        channel.send(platform_dirs.work / "absent.xml")
    assert platform_dirs.files(platform_dirs.work / ".staging") == []
    assert platform_dirs.files(platform_dirs.work / "sent") == []


def test_without_hard_links_the_drop_is_still_atomic(
    platform_dirs: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    receipt = platform_dirs.channel().send(b"<PES/>", name="PESALR2_Z.xml")
    assert platform_dirs.files(platform_dirs.drop) == ["PESALR2_Z.xml"]
    assert (platform_dirs.work / "sent" / "PESALR2_Z.xml").read_bytes() == b"<PES/>"
    assert receipt.size == 6
    with pytest.raises(InvalidRequestError):
        platform_dirs.channel().send(b"<other/>", name="PESALR2_Z.xml")


def test_configuration_is_checked(tmp_path: Path) -> None:
    (tmp_path / "drop").mkdir()
    with pytest.raises(ConfigurationError, match="pickup_dir"):
        FolderChannel(tmp_path / "drop", tmp_path / "absent", tmp_path / "work")
    shm = Path("/dev/shm")  # noqa: S108 - another filesystem, when the machine has one
    if shm.is_dir() and os.stat(shm).st_dev != os.stat(tmp_path).st_dev:
        work = shm / f"demat-test-{os.getpid()}"
        try:
            with pytest.raises(ConfigurationError, match="same filesystem"):
                FolderChannel(tmp_path / "drop", tmp_path / "drop", work)
        finally:
            shutil.rmtree(work, ignore_errors=True)


# --- receiving ---------------------------------------------------------------------------


def test_poll_claims_each_file_once_then_files_it(platform_dirs: Platform) -> None:
    platform_dirs.deliver(
        "006111_190130123456-ACK-A3020100_A0000SEN_KO.xml", ACK.read_bytes(), age=120
    )
    platform_dirs.deliver(
        "PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml",
        (DATA / "PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml").read_bytes(),
    )
    channel = platform_dirs.channel()
    first, second = channel.poll()
    assert first.kind is FileKind.ACQUIT  # the older one first
    assert second.kind is FileKind.RETOUR
    assert not first.recovered
    assert first.received_at < second.received_at
    assert read_acquit(first.source).nom_fichier == "PesDepense-12-2018-209-2092019012917666666"
    assert first.read_bytes() == ACK.read_bytes()
    assert channel.poll() == []
    other = platform_dirs.channel()
    assert other.poll() == []  # nor by another instance
    channel.mark_processed(first)
    channel.quarantine(second, "montant illisible")
    assert platform_dirs.files(platform_dirs.work / "processed") == [first.name]
    assert platform_dirs.files(platform_dirs.work / "quarantine") == [
        second.name,
        f"{second.name}.reason.txt",
    ]
    note = (platform_dirs.work / "quarantine" / f"{second.name}.reason.txt").read_text()
    assert note == f"{SENT_AT.isoformat()}\nmontant illisible\n"
    with pytest.raises(ChannelError, match="no longer where it was claimed"):
        channel.mark_processed(first)
    channel.close()
    other.close()
    assert platform_dirs.files(platform_dirs.work / "processing") == []


def test_a_file_that_cannot_be_read_is_left_for_the_next_poll(
    platform_dirs: Platform, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    name = "006111_190130123456-ACK-A3020100_A0000SEN_KO.xml"
    platform_dirs.deliver(name, ACK.read_bytes(), age=120)
    platform_dirs.deliver("other.xml", ACK.read_bytes())
    channel = platform_dirs.channel()
    real = folder_module.detect_kind

    def denied(source: Any) -> FileKind:
        if Path(source).name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(source))
        return real(source)

    monkeypatch.setattr(folder_module, "detect_kind", denied)
    with caplog.at_level("WARNING", logger="demat_sdk.helios"):
        (other,) = channel.poll()
    assert other.name == "other.xml"
    assert platform_dirs.files(platform_dirs.pickup) == [name]  # put back, not quarantined
    assert f"{name} cannot be read, left for the next poll" in caplog.text
    assert "Permission denied" in caplog.text
    monkeypatch.setattr(folder_module, "detect_kind", real)
    (ack,) = channel.poll()  # readable again: handed over as what it is
    assert (ack.name, ack.kind) == (name, FileKind.ACQUIT)


def test_detect_kind_tells_a_read_error_from_a_foreign_file(tmp_path: Path) -> None:
    (tmp_path / "foreign.txt").write_bytes(b"not xml at all")
    assert detect_kind(tmp_path / "foreign.txt") is FileKind.UNKNOWN
    with pytest.raises(FileNotFoundError):
        detect_kind(tmp_path / "missing.xml")


def test_files_in_transfer_and_fresh_files_are_left_alone(platform_dirs: Platform) -> None:
    (platform_dirs.pickup / "ACK_1.xml.part").write_bytes(b"<n")
    (platform_dirs.pickup / ".ACK_2.xml").write_bytes(b"<n")
    (platform_dirs.pickup / "ACK_3.xml").write_bytes(ACK.read_bytes())  # modified just now
    os.symlink("/etc/hostname", platform_dirs.pickup / "ACK_4.xml")
    (platform_dirs.pickup / "sub").mkdir()
    settling = platform_dirs.channel(settle_seconds=30)
    assert settling.poll() == []
    (claimed,) = platform_dirs.channel().poll()
    assert claimed.name == "ACK_3.xml"
    assert sorted(platform_dirs.files(platform_dirs.pickup)) == [
        ".ACK_2.xml",
        "ACK_1.xml.part",
        "ACK_4.xml",
        "sub",
    ]


def test_limit_and_a_name_still_in_process(platform_dirs: Platform) -> None:
    for rank in range(3):
        platform_dirs.deliver(f"ACK_{rank}.xml", ACK.read_bytes(), age=100 - rank)
    channel = platform_dirs.channel()
    (first,) = channel.poll(limit=1)
    assert first.name == "ACK_0.xml"
    platform_dirs.deliver("ACK_0.xml", b"<again/>")  # same name while the first is in process
    assert [incoming.name for incoming in channel.poll()] == ["ACK_1.xml", "ACK_2.xml"]
    assert platform_dirs.files(platform_dirs.pickup) == ["ACK_0.xml"]
    channel.mark_processed(first)
    (again,) = channel.poll()
    assert again.read_bytes() == b"<again/>"
    channel.mark_processed(again)  # same name, other bytes: kept under a numbered name
    assert platform_dirs.files(platform_dirs.work / "processed") == ["ACK_0.xml", "ACK_0.xml.1"]


def test_a_file_delivered_again_is_not_handed_over_again(platform_dirs: Platform) -> None:
    channel = platform_dirs.channel()
    platform_dirs.deliver("ACK_5.xml", ACK.read_bytes())
    (incoming,) = channel.poll()
    channel.mark_processed(incoming)
    platform_dirs.deliver("ACK_5.xml", ACK.read_bytes())
    assert channel.poll() == []
    assert platform_dirs.files(platform_dirs.work / "duplicates") == ["ACK_5.xml"]


def test_only_the_claiming_channel_files_a_file(platform_dirs: Platform) -> None:
    platform_dirs.deliver("ACK_6.xml", ACK.read_bytes())
    claimer, other = platform_dirs.channel(), platform_dirs.channel()
    (incoming,) = claimer.poll()
    with pytest.raises(InvalidRequestError, match="not claimed by this channel"):
        other.mark_processed(incoming)
    forged = IncomingFile(
        name="x.xml", kind=FileKind.ACQUIT, size=1, received_at=SENT_AT, content=b"x"
    )
    with pytest.raises(InvalidRequestError):
        claimer.quarantine(forged, "?")


def test_claims_of_a_live_consumer_are_not_recovered(platform_dirs: Platform) -> None:
    platform_dirs.deliver("ACK_7.xml", ACK.read_bytes())
    first, second = platform_dirs.channel(), platform_dirs.channel()
    (claimed,) = first.poll()
    assert second.recover() == []
    first.close()  # stopped without filing: the claim is released
    (recovered,) = second.recover()
    assert recovered.recovered
    assert recovered.name == claimed.name
    assert recovered.read_bytes() == ACK.read_bytes()
    second.mark_processed(recovered)
    assert platform_dirs.files(platform_dirs.work / "processing") == [second._owner_dir().name]


def test_a_filing_interrupted_after_its_link_is_not_handed_over_again(
    platform_dirs: Platform,
) -> None:
    platform_dirs.deliver("ACK_8.xml", ACK.read_bytes())
    crashed, restarted = platform_dirs.channel(), platform_dirs.channel()
    (claimed,) = crashed.poll()
    assert claimed.path is not None
    os.link(claimed.path, platform_dirs.work / "processed" / claimed.name)  # then it stopped
    crashed.close()
    assert restarted.recover() == []
    assert platform_dirs.files(platform_dirs.work / "processed") == ["ACK_8.xml"]
    restarted.close()
    assert platform_dirs.files(platform_dirs.work / "processing") == []


def test_a_consumer_that_died_while_setting_up_is_cleaned(platform_dirs: Platform) -> None:
    channel = platform_dirs.channel()
    half_made = platform_dirs.work / "processing" / ".vm-1-dead"
    half_made.mkdir()
    (half_made / ".lock").touch()
    assert channel.recover() == []
    assert not half_made.exists()


# --- several processes -------------------------------------------------------------------


def _consume(
    directories: tuple[str, str, str],
    results: str,
    crash_after: int | None,
    start: Any,
) -> None:
    channel = FolderChannel(*directories, settle_seconds=0)
    start.wait(timeout=10)
    handled: list[str] = []
    while incoming := channel.poll(limit=3):
        for found in incoming:
            if crash_after is not None and len(handled) == crash_after:
                Path(results).write_text("\n".join(handled))
                os._exit(1)  # dies between claim and filing, without closing
            handled.append(found.name)
            channel.mark_processed(found)
    Path(results).write_text("\n".join(handled))
    channel.close()


def _run(target_args: list[tuple[tuple[str, str, str], str, int | None]]) -> None:
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(target_args))
    processes = [context.Process(target=_consume, args=(*args, start)) for args in target_args]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=30)


def test_two_processes_never_handle_the_same_file(platform_dirs: Platform, tmp_path: Path) -> None:
    names = [f"ACK_{rank:03}.xml" for rank in range(120)]
    for name in names:
        platform_dirs.deliver(name, name.encode())
    directories = (str(platform_dirs.drop), str(platform_dirs.pickup), str(platform_dirs.work))
    _run([(directories, str(tmp_path / f"worker{rank}.txt"), None) for rank in range(2)])
    handled = [(tmp_path / f"worker{rank}.txt").read_text().split("\n") for rank in range(2)]
    assert sorted(handled[0] + handled[1]) == names  # every file, each exactly once
    assert set(handled[0]).isdisjoint(handled[1])
    assert platform_dirs.files(platform_dirs.work / "processed") == names
    assert platform_dirs.files(platform_dirs.pickup) == []
    assert platform_dirs.files(platform_dirs.work / "processing") == []


def test_a_crash_between_claim_and_filing(platform_dirs: Platform, tmp_path: Path) -> None:
    names = [f"ACK_{rank}.xml" for rank in range(5)]
    for rank, name in enumerate(names):
        platform_dirs.deliver(name, name.encode(), age=100 - rank)
    directories = (str(platform_dirs.drop), str(platform_dirs.pickup), str(platform_dirs.work))
    _run([(directories, str(tmp_path / "crashed.txt"), 1)])
    assert (tmp_path / "crashed.txt").read_text() == "ACK_0.xml"
    assert platform_dirs.files(platform_dirs.work / "processed") == ["ACK_0.xml"]
    restarted = platform_dirs.channel()
    remaining = restarted.poll()  # what the crashed one had not claimed yet
    assert [incoming.name for incoming in remaining] == ["ACK_3.xml", "ACK_4.xml"]
    assert not any(incoming.recovered for incoming in remaining)
    recovered = restarted.recover()  # its claims, handed over explicitly, marked as such
    assert [incoming.name for incoming in recovered] == ["ACK_1.xml", "ACK_2.xml"]
    assert all(incoming.recovered for incoming in recovered)
    assert restarted.recover() == []
    for incoming in remaining + recovered:
        restarted.mark_processed(incoming)
    restarted.close()
    assert platform_dirs.files(platform_dirs.work / "processed") == names
    assert platform_dirs.files(platform_dirs.work / "processing") == []


# --- kinds and the contract --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (ACK, FileKind.ACQUIT),
        (DATA / "acquit_historique.xml", FileKind.ACQUIT),
        (SAMPLES / "s2low_pes_retour.xml", FileKind.RETOUR),
        (EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml", FileKind.ACQUIT_RETOUR),
        (EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml", FileKind.ALLER),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value.value,
)
def test_kind_from_the_root_element(path: Path, kind: FileKind) -> None:
    assert detect_kind(path) is kind
    assert detect_kind(path.read_bytes()) is kind


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not xml",
        b"<other/>",
        b'<!DOCTYPE n [<!ENTITY x SYSTEM "file:///etc/passwd">]><n>&x;</n>',
        b"",
    ],
)
def test_anything_else_is_unknown(data: bytes, tmp_path: Path) -> None:
    assert detect_kind(data) is FileKind.UNKNOWN
    (tmp_path / "file.xml").write_bytes(data)
    assert detect_kind(tmp_path / "file.xml") is FileKind.UNKNOWN


@dataclass
class MemoryChannel:
    """The contract needs no more than this: an in-memory channel in a few lines."""

    outbox: dict[str, bytes] = field(default_factory=dict)
    inbox: list[tuple[str, bytes]] = field(default_factory=list)
    filed: dict[str, str] = field(default_factory=dict)

    def send(self, file: FileSource, *, name: str | None = None) -> Receipt:
        data = file if isinstance(file, bytes) else Path(file).read_bytes()
        name = name or Path(str(file)).name
        self.outbox[name] = data
        return Receipt(name=name, size=len(data), sha1="", sent_at=SENT_AT, reference="memory")

    def poll(self, *, limit: int | None = None) -> list[IncomingFile]:
        taken, self.inbox = self.inbox[:limit], self.inbox[len(self.inbox[:limit]) :]
        return [
            IncomingFile(
                name=name,
                kind=detect_kind(data),
                size=len(data),
                received_at=SENT_AT,
                content=data,
            )
            for name, data in taken
        ]

    def mark_processed(self, incoming: IncomingFile) -> None:
        self.filed[incoming.name] = "processed"

    def quarantine(self, incoming: IncomingFile, reason: str) -> None:
        self.filed[incoming.name] = reason


def drain(channel: HeliosChannel) -> list[str]:
    """A consumer written against the contract only: file ACKs, set the rest aside."""
    seen = []
    for incoming in channel.poll():
        seen.append(incoming.name)
        if incoming.kind is FileKind.ACQUIT:
            read_acquit(incoming.source)
            channel.mark_processed(incoming)
        else:
            channel.quarantine(incoming, f"not an ACK: {incoming.kind.value}")
    return seen


def test_both_channels_fulfil_the_contract(platform_dirs: Platform) -> None:
    memory = MemoryChannel(inbox=[("ACK_1.xml", ACK.read_bytes()), ("junk.bin", b"\x00")])
    folder = platform_dirs.channel()
    platform_dirs.deliver("ACK_1.xml", ACK.read_bytes(), age=100)
    platform_dirs.deliver("junk.bin", b"\x00")
    for channel in (memory, folder):
        assert isinstance(channel, HeliosChannel)
        assert drain(channel) == ["ACK_1.xml", "junk.bin"]
        assert drain(channel) == []
    assert memory.filed == {"ACK_1.xml": "processed", "junk.bin": "not an ACK: unknown"}
    assert platform_dirs.files(platform_dirs.work / "processed") == ["ACK_1.xml"]
    assert platform_dirs.files(platform_dirs.work / "quarantine") == [
        "junk.bin",
        "junk.bin.reason.txt",
    ]


def test_the_emulator_channel_fulfils_the_contract() -> None:
    helios = FakeHelios.seeded(clock=FakeClock(), ack_delay=3600)
    channel = FakeHeliosChannel(helios)
    assert isinstance(channel, HeliosChannel)
    pes_file = EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml"
    receipt = channel.send(pes_file)
    assert receipt.name == pes_file.name
    assert receipt.size == pes_file.stat().st_size
    assert receipt.sent_at == helios.clock.now()
    assert channel.send(pes_file.read_bytes(), name=pes_file.name) == receipt  # idempotent
    with pytest.raises(InvalidRequestError, match="already sent as"):
        channel.send(b"<PES/>", name=pes_file.name)
    with pytest.raises(InvalidRequestError, match="a name is required"):
        channel.send(b"<PES/>")
    with pytest.raises(InvalidRequestError):
        channel.send(b"<PES/>", name="../up.xml")
    assert drain(channel) == []  # the acquittement is not due yet
    helios.advance(3600)
    [ack_name] = drain(channel)
    assert "-ACK-" in ack_name
    assert drain(channel) == []  # each file is handed over once
    assert channel.processed == [ack_name]
    [ack] = helios.outbox()
    incoming = IncomingFile(
        name=ack.name, kind=FileKind.ACQUIT, size=0, received_at=SENT_AT, content=ack.content
    )
    with pytest.raises(InvalidRequestError, match="not a file this channel handed over"):
        channel.mark_processed(incoming)
    # The example's poste is not in the seeded référentiel: the whole flux is refused.
    acquit = read_acquit(ack.content)
    assert acquit.flux_rejete
    assert acquit.nom_fichier == "PESDEP_26380001500017_2025_421"


def test_recover_gives_an_unreadable_file_back_and_hands_the_others_over(
    platform_dirs: Platform, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("ACK_A.xml", "ACK_B.xml"):
        platform_dirs.deliver(name, ACK.read_bytes())
    directories = (str(platform_dirs.drop), str(platform_dirs.pickup), str(platform_dirs.work))
    _run([(directories, str(tmp_path / "dead.txt"), 0)])  # claims both, dies before filing
    assert platform_dirs.files(platform_dirs.pickup) == []
    real = folder_module.detect_kind

    def denied(source: Any) -> FileKind:
        if Path(source).name == "ACK_B.xml":
            raise PermissionError(errno.EACCES, "Permission denied", str(source))
        return real(source)

    monkeypatch.setattr(folder_module, "detect_kind", denied)
    (recovered,) = platform_dirs.channel().recover()
    assert (recovered.name, recovered.recovered) == ("ACK_A.xml", True)
    assert platform_dirs.files(platform_dirs.pickup) == ["ACK_B.xml"]  # for the next poll


def test_an_unreadable_file_goes_back_without_hard_links_too(
    platform_dirs: Platform, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    platform_dirs.deliver("ACK_C.xml", ACK.read_bytes())
    monkeypatch.setattr("demat_sdk._atomic.hard_link", lambda source, target: False)

    def denied(source: Any) -> FileKind:
        raise PermissionError(errno.EACCES, "Permission denied", str(source))

    monkeypatch.setattr(folder_module, "detect_kind", denied)
    with caplog.at_level("WARNING", logger="demat_sdk.helios"):
        assert platform_dirs.channel().poll() == []
    assert platform_dirs.files(platform_dirs.pickup) == ["ACK_C.xml"]
    assert "left for the next poll" in caplog.text
