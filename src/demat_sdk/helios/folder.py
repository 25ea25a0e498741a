"""A channel made of directories shared with a transmission platform (the usual set-up).

The platform (a *tiers de télétransmission*, a transfer gateway) takes what appears in a **drop
directory** and delivers Hélios' answers into a **pick-up directory**. :class:`FolderChannel`
adds a **work directory** of its own::

    work_dir/
      sent/           every file sent, under its name (the name is never reused)
      receipts/       the receipt of each sent file (<name>.json)
      processing/     claims: one sub-directory per running consumer, holding its files
      processed/      files taken into account
      quarantine/     files set aside, each with <name>.reason.txt
      duplicates/     files delivered again after they were processed

Guarantees, all made with renames and hard links (no journal, no database):

* **Sending is atomic and idempotent.** The file is written completely aside, then linked into
  the drop directory under its final name, so the platform never sees half a file. The name is
  claimed in ``sent/`` first: sending the same bytes under the same name again returns the
  first receipt; other bytes under a used name are refused (Hélios tells files apart by name).
  The one window left: a crash after the drop but before the receipt is written makes a re-send
  drop the file again; Hélios then answers with doublons, never with a lost file.
* **Each delivered file is handed over once.** :meth:`~FolderChannel.poll` claims a file by
  renaming it from the pick-up directory into the consumer's own ``processing/`` sub-directory:
  the rename succeeds for exactly one consumer, whatever the number of instances or processes.
  A file delivered again after it was processed (same name, same bytes) goes to
  ``duplicates/`` and is not handed over.
* **A crash loses nothing and repeats nothing silently.** A consumer that stops between claim
  and filing leaves its files in its ``processing/`` sub-directory. They are never handed over
  again by :meth:`~FolderChannel.poll`; :meth:`~FolderChannel.recover` hands them to another
  consumer once the first is known to have stopped (its lock on its sub-directory is released,
  which the system does when a process dies), marked :attr:`IncomingFile.recovered` so the
  consumer knows the first one may have taken part of them into account.

The work directory must be on the same filesystem as the pick-up directory (claims are
renames). The drop directory may be elsewhere: the file is then copied under a hidden temporary
name (``.<name>.<random>.part``) before taking its final name.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import platform
import re
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from demat_sdk._atomic import create_temporary, rename_exclusively
from demat_sdk._http.redaction import library_logger
from demat_sdk._locks import lock_at_once as _flock
from demat_sdk.errors import ChannelError, ConfigurationError, InvalidRequestError
from demat_sdk.helios._files import (
    chunks,
    file_sha1,
    fsync_directory,
    move_aside,
    place,
    write_atomically,
)
from demat_sdk.helios.channels import FileSource, IncomingFile, Receipt, detect_kind

_log = library_logger("demat_sdk.helios")

__all__ = ["FolderChannel"]

_LOCK = ".lock"
_IN_PROGRESS = (".tmp", ".part", ".partial", ".filepart", ".crdownload", "~")
_FORBIDDEN_NAME = re.compile(r"[/\\\x00-\x1f]")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class FolderChannel:
    """A :class:`~demat_sdk.helios.HeliosChannel` over a drop and a pick-up directory.

    Use one instance per process (or thread) that consumes; open it as a context manager, or
    call :meth:`close`, so its claims are released cleanly.

    Args:
        drop_dir: where the platform takes the files to send (must exist).
        pickup_dir: where the platform delivers Hélios' answers (must exist).
        work_dir: the channel's own directory (created if missing), on the same filesystem as
            ``pickup_dir``.
        settle_seconds: a delivered file is left alone until it has not changed for this long,
            in case the platform writes it in place rather than renaming it when complete.
        clock: calendar time for receipts and quarantine notes (timezone-aware).

    Raises:
        ConfigurationError: a directory is missing, or ``work_dir`` is not on the same
            filesystem as ``pickup_dir``.
    """

    def __init__(
        self,
        drop_dir: str | os.PathLike[str],
        pickup_dir: str | os.PathLike[str],
        work_dir: str | os.PathLike[str],
        *,
        settle_seconds: float = 2.0,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.drop_dir = Path(drop_dir)
        self.pickup_dir = Path(pickup_dir)
        self.work_dir = Path(work_dir)
        self.settle_seconds = settle_seconds
        self._clock = clock
        for role, directory in (("drop_dir", self.drop_dir), ("pickup_dir", self.pickup_dir)):
            if not directory.is_dir():
                raise ConfigurationError(f"{role} {directory} is not an existing directory")
        self.sent_dir = self.work_dir / "sent"
        self.receipts_dir = self.work_dir / "receipts"
        self.processing_dir = self.work_dir / "processing"
        self.processed_dir = self.work_dir / "processed"
        self.quarantine_dir = self.work_dir / "quarantine"
        self.duplicates_dir = self.work_dir / "duplicates"
        self._staging_dir = self.work_dir / ".staging"
        try:
            for directory in (
                self.sent_dir,
                self.receipts_dir,
                self.processing_dir,
                self.processed_dir,
                self.quarantine_dir,
                self.duplicates_dir,
                self._staging_dir,
            ):
                directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigurationError(f"work_dir {self.work_dir} cannot be set up: {exc}") from exc
        if os.stat(self.work_dir).st_dev != os.stat(self.pickup_dir).st_dev:
            raise ConfigurationError(
                f"work_dir {self.work_dir} must be on the same filesystem as pickup_dir "
                f"{self.pickup_dir}: files are claimed by renaming them"
            )
        self._owner: Path | None = None
        self._lock: IO[bytes] | None = None

    def __repr__(self) -> str:
        return (
            f"FolderChannel(drop_dir={str(self.drop_dir)!r}, pickup_dir={str(self.pickup_dir)!r},"
            f" work_dir={str(self.work_dir)!r})"
        )

    def __enter__(self) -> FolderChannel:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release this consumer's claims: unfiled files become recoverable by another one."""
        owner, lock = self._owner, self._lock
        self._owner = self._lock = None
        if owner is None or lock is None:
            return
        with contextlib.suppress(OSError):
            if not any(path.name != _LOCK for path in owner.iterdir()):
                (owner / _LOCK).unlink()
                owner.rmdir()
        lock.close()

    # --- sending ---------------------------------------------------------------------------

    def send(self, file: FileSource, *, name: str | None = None) -> Receipt:
        """Put a file in the drop directory, atomically, and return its receipt.

        Args:
            file: the bytes or the path of the file.
            name: its name in the drop directory (by default the path's name; required for
                bytes). Hélios and the platforms tell files apart by name: never reuse one.

        Returns:
            The receipt; the same one when the same bytes were already sent under this name.

        Raises:
            InvalidRequestError: no usable name, or another file was already sent under it.
            ChannelError: the file could not be read or written (nothing is left half-done).
        """
        if isinstance(file, bytes):
            if name is None:
                raise InvalidRequestError("a name is required to send bytes", field="name")
        else:
            name = name or Path(file).name
        _check_name(name)
        staged, sha1, size = self._stage(file)
        try:
            return self._send_staged(staged, name, sha1, size)
        finally:
            with contextlib.suppress(FileNotFoundError):
                staged.unlink()

    def _stage(self, file: FileSource) -> tuple[Path, str, int]:
        """Copy the file under the staging directory, hashing it; fsync it."""
        source = "the bytes given" if isinstance(file, bytes) else str(file)
        try:
            handle, path = create_temporary(self._staging_dir)
        except OSError as exc:
            raise ChannelError(
                f"could not stage {source} in {self._staging_dir}: {exc}",
                path=str(self._staging_dir),
                handed_over=False,
            ) from exc
        digest = hashlib.sha1(usedforsecurity=False)
        size = 0
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks(file):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise ChannelError(
                f"could not read {source}: {exc}", path=source, handed_over=False
            ) from exc
        return path, digest.hexdigest(), size

    def _send_staged(self, staged: Path, name: str, sha1: str, size: int) -> Receipt:
        archived = self.sent_dir / name
        try:
            place(staged, archived)
        except FileExistsError:
            previous = file_sha1(archived)
            if previous != sha1:
                raise InvalidRequestError(
                    f"another file was already sent as {name!r} (SHA-1 {previous}); "
                    "Hélios tells files apart by their name: give this one a new name",
                    field="name",
                ) from None
            receipt = self._load_receipt(name)
            if receipt is not None:
                return receipt
        except OSError as exc:
            raise ChannelError(
                f"could not keep a copy of {name!r}: {exc}", path=str(archived), handed_over=False
            ) from exc
        dropped = self.drop_dir / name
        try:
            place(archived, dropped)
        except FileExistsError:
            with contextlib.suppress(FileNotFoundError):  # the platform took it meanwhile
                if file_sha1(dropped) != sha1:
                    raise ChannelError(
                        f"the drop directory already holds another file named {name!r}",
                        path=str(dropped),
                    ) from None
        except OSError as exc:
            raise ChannelError(  # the file takes its name last: nothing was dropped
                f"could not drop {name!r}: {exc}", path=str(dropped), handed_over=False
            ) from exc
        fsync_directory(self.drop_dir)
        receipt = Receipt(
            name=name, size=size, sha1=sha1, sent_at=self._clock(), reference=str(archived)
        )
        self._save_receipt(receipt)
        return receipt

    def _save_receipt(self, receipt: Receipt) -> None:
        payload = {
            "name": receipt.name,
            "size": receipt.size,
            "sha1": receipt.sha1,
            "sent_at": receipt.sent_at.isoformat(),
            "reference": receipt.reference,
        }
        write_atomically(
            self.receipts_dir / f"{receipt.name}.json",
            json.dumps(payload, indent=2).encode(),
            self._staging_dir,
        )

    def _load_receipt(self, name: str) -> Receipt | None:
        path = self.receipts_dir / f"{name}.json"
        try:
            payload: dict[str, Any] = json.loads(path.read_bytes())
            return Receipt(
                name=payload["name"],
                size=payload["size"],
                sha1=payload["sha1"],
                sent_at=datetime.fromisoformat(payload["sent_at"]),
                reference=payload["reference"],
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ChannelError(f"the receipt {path} is unreadable: {exc}", path=str(path)) from exc

    def receipt(self, name: str) -> Receipt | None:
        """The receipt of a file sent under ``name``, or ``None`` if none was."""
        return self._load_receipt(name)

    # --- receiving -------------------------------------------------------------------------

    def poll(self, *, limit: int | None = None) -> list[IncomingFile]:
        """Claim the files the platform delivered, oldest first; each is handed over once.

        Hidden files and names of transfers in progress (``.tmp``, ``.part``…) are left alone,
        as are files changed less than ``settle_seconds`` ago. A file delivered again after it
        was processed (same name, same bytes) is moved to ``duplicates/``. A file that cannot
        be read (permissions, I/O error) is put back where the platform left it and logged as
        a warning on ``demat_sdk.helios``: the next poll tries it again, and an acquittement
        is never mistaken for an unknown file because of it.

        Args:
            limit: claim at most this many files.
        """
        owner = self._owner_dir()
        now = time.time()
        ready: list[tuple[float, str]] = []
        with os.scandir(self.pickup_dir) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.name.endswith(_IN_PROGRESS):
                    continue
                try:
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    modified = entry.stat(follow_symlinks=False).st_mtime
                except FileNotFoundError:
                    continue
                if now - modified >= self.settle_seconds:
                    ready.append((modified, entry.name))
        claimed: list[IncomingFile] = []
        for _, name in sorted(ready):
            if limit is not None and len(claimed) >= limit:
                break
            target = owner / name
            if target.exists():  # a file of that name is still being processed here
                continue
            try:
                os.rename(self.pickup_dir / name, target)
            except FileNotFoundError:  # another consumer claimed it first
                continue
            except OSError as exc:
                raise ChannelError(f"could not claim {name!r}: {exc}", path=str(target)) from exc
            if self._set_aside_duplicate(target):
                continue
            try:
                claimed.append(_incoming(target))
            except OSError as exc:
                self._give_back(target, exc)
        return claimed

    def _give_back(self, claimed: Path, error: OSError) -> None:
        """Put an unreadable file back in the pick-up directory for the next poll.

        Where it cannot go back (a file of that name was delivered meanwhile…), it stays in
        this consumer's claim directory, where :meth:`recover` finds it once this consumer
        has stopped; either way the other files of the poll are handed over.
        """
        try:
            rename_exclusively(claimed, self.pickup_dir / claimed.name)
            claimed.unlink(missing_ok=True)  # without hard links, the rename moved it already
        except OSError as exc:
            _log.error(
                "%s cannot be read (%s) nor put back (%s): left in %s",
                claimed.name,
                error,
                exc,
                claimed.parent,
            )
            return
        _log.warning("%s cannot be read, left for the next poll: %s", claimed.name, error)

    def recover(self, *, older_than: float | None = None) -> list[IncomingFile]:
        """Claim the files left unfiled by consumers that stopped (crash, kill, no close).

        A consumer has stopped when its lock can be taken (the system releases it when a
        process dies). Where locks are not available, pass ``older_than``: a consumer whose
        claims are older than that many seconds is taken for stopped.

        The files come back with ``recovered=True``: the stopped consumer may have taken part
        of them into account before it stopped, so process them idempotently.
        """
        mine = self._owner_dir()
        recovered: list[IncomingFile] = []
        for owner in sorted(self.processing_dir.iterdir()):
            if owner == mine or not owner.is_dir():
                continue
            with _stopped_owner(owner, older_than) as stopped:
                if stopped and owner.name.startswith("."):  # died while setting up: no claim
                    shutil.rmtree(owner, ignore_errors=True)
                elif stopped:
                    recovered.extend(self._take_over(owner, mine))
        return recovered

    def _take_over(self, owner: Path, mine: Path) -> list[IncomingFile]:
        """Move a stopped consumer's claims into ours, then remove its directory."""
        taken: list[IncomingFile] = []
        try:
            paths = sorted(owner.iterdir())
        except FileNotFoundError:  # another consumer took it over first
            return taken
        for path in paths:
            target = mine / path.name
            if path.name == _LOCK or target.exists():
                continue
            if self._already_filed(path):
                path.unlink(missing_ok=True)
                continue
            try:
                os.rename(path, target)
            except FileNotFoundError:
                continue
            try:
                taken.append(_incoming(target, recovered=True))
            except OSError as exc:
                self._give_back(target, exc)
        with contextlib.suppress(OSError):
            if not any(path.name != _LOCK for path in owner.iterdir()):
                (owner / _LOCK).unlink()
                owner.rmdir()
        return taken

    def _already_filed(self, claimed: Path) -> bool:
        """Whether a claim is a left-over of a filing interrupted after its link was made."""
        pattern = glob.escape(claimed.name)
        for directory in (self.processed_dir, self.quarantine_dir, self.duplicates_dir):
            for candidate in (directory / claimed.name, *directory.glob(f"{pattern}.*")):
                with contextlib.suppress(OSError):
                    if os.path.samefile(candidate, claimed):
                        return True
        return False

    def mark_processed(self, incoming: IncomingFile) -> None:
        """File a claimed file in ``processed/`` (under a numbered name if the name is taken).

        Raises:
            InvalidRequestError: the file was not claimed by this channel.
            ChannelError: the file is no longer where it was claimed.
        """
        move_aside(self._claimed(incoming), self.processed_dir)

    def quarantine(self, incoming: IncomingFile, reason: str) -> None:
        """Set a claimed file aside in ``quarantine/``, with ``<name>.reason.txt`` beside it.

        Raises:
            InvalidRequestError: the file was not claimed by this channel.
            ChannelError: the file is no longer where it was claimed.
        """
        placed = move_aside(self._claimed(incoming), self.quarantine_dir)
        note = f"{self._clock().isoformat()}\n{reason}\n"
        write_atomically(
            placed.with_name(placed.name + ".reason.txt"), note.encode(), self._staging_dir
        )

    # --- internals -------------------------------------------------------------------------

    def _owner_dir(self) -> Path:
        """This consumer's claim directory, created locked and then published by a rename."""
        if self._owner is not None:
            return self._owner
        node = re.sub(r"[^A-Za-z0-9_.-]", "_", platform.node() or "host")
        name = f"{node}-{os.getpid()}-{secrets.token_hex(4)}"
        building = self.processing_dir / f".{name}"
        building.mkdir()
        lock = (building / _LOCK).open("a+b")
        if _flock is not None:
            _flock(lock.fileno())
        owner = self.processing_dir / name
        os.rename(building, owner)
        self._owner, self._lock = owner, lock
        return owner

    def _claimed(self, incoming: IncomingFile) -> Path:
        owner = self._owner
        if incoming.path is None or owner is None or incoming.path.parent != owner:
            raise InvalidRequestError(
                f"{incoming.name!r} was not claimed by this channel (claim files with poll() "
                "or recover() on the same FolderChannel)",
                field="incoming",
            )
        if not incoming.path.exists():
            raise ChannelError(
                f"{incoming.name!r} is no longer where it was claimed (already filed?)",
                path=str(incoming.path),
            )
        return incoming.path

    def _set_aside_duplicate(self, claimed: Path) -> bool:
        processed = self.processed_dir / claimed.name
        if not processed.exists() or file_sha1(processed) != file_sha1(claimed):
            return False
        move_aside(claimed, self.duplicates_dir)
        return True


# --- helpers -----------------------------------------------------------------------------


def _check_name(name: str) -> None:
    if (
        not name
        or name.startswith(".")
        or name.endswith(_IN_PROGRESS)
        or _FORBIDDEN_NAME.search(name)
    ):
        raise InvalidRequestError(
            f"{name!r} is not a plain file name (no directory, no leading dot, no control "
            "character, no suffix of a transfer in progress such as .tmp or .part)",
            field="name",
        )
    if len(name.encode()) > 200:
        raise InvalidRequestError(f"{name!r} is longer than 200 bytes", field="name")


def _incoming(path: Path, *, recovered: bool = False) -> IncomingFile:
    status = path.stat()
    return IncomingFile(
        name=path.name,
        kind=detect_kind(path),
        size=status.st_size,
        received_at=datetime.fromtimestamp(status.st_mtime, timezone.utc),
        path=path,
        recovered=recovered,
    )


@contextlib.contextmanager
def _stopped_owner(owner: Path, older_than: float | None) -> Iterator[bool]:
    """Whether the consumer owning ``owner`` has stopped; its lock is held meanwhile."""
    lock_path = owner / _LOCK
    try:
        lock = lock_path.open("rb")
    except FileNotFoundError:
        yield False
        return
    with lock:
        if _flock is None:  # pragma: no cover - platforms without flock
            age = time.time() - lock_path.stat().st_mtime
            yield older_than is not None and age > older_than
            return
        try:
            _flock(lock.fileno())
        except BlockingIOError:
            yield False
            return
        yield True
