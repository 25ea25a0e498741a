"""Atomic file operations the folder channel is made of: links, renames, fsync.

On one filesystem a hard link and a rename are atomic: a file appears under its final name
complete or not at all, and creating a link fails if the name is taken, which makes it a claim.
Where hard links are not available (some network shares), a copy under a hidden temporary name
followed by a rename does the job, with a check-then-rename window documented where it applies.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from demat_sdk._atomic import create_temporary, hard_link, rename_exclusively
from demat_sdk.errors import ChannelError
from demat_sdk.helios.channels import FileSource

__all__ = [
    "CHUNK",
    "chunks",
    "file_sha1",
    "fsync_directory",
    "move_aside",
    "place",
    "rename_exclusively",
    "write_atomically",
]

CHUNK = 1 << 20
"""Bytes read at a time."""


def chunks(file: FileSource) -> Iterator[bytes]:
    """The bytes of a file given as bytes or as a path, a chunk at a time."""
    if isinstance(file, bytes):
        yield file
        return
    with Path(file).open("rb") as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def file_sha1(path: Path) -> str:
    """The SHA-1 of a file, in hexadecimal."""
    digest = hashlib.sha1(usedforsecurity=False)
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def place(source: Path, target: Path) -> None:
    """Make ``target`` hold ``source``'s bytes, all at once, never replacing a file.

    A hard link when the filesystem allows it; otherwise a copy under a hidden temporary name
    in the target directory, then linked (or, failing links, renamed) to its final name.

    Raises:
        FileExistsError: ``target`` already exists.
    """
    if hard_link(source, target):
        return
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        shutil.copyfile(source, temporary)
        with temporary.open("rb") as stream:
            os.fsync(stream.fileno())
        rename_exclusively(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def move_aside(source: Path, directory: Path) -> Path:
    """Move a file into ``directory`` under its name, or ``name.1``, ``name.2``… if taken."""
    for rank in range(1000):
        target = directory / (source.name if rank == 0 else f"{source.name}.{rank}")
        try:
            rename_exclusively(source, target)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ChannelError(f"could not move {source.name!r}: {exc}", path=str(source)) from exc
        source.unlink(missing_ok=True)
        fsync_directory(directory)
        return target
    raise ChannelError(f"{directory} holds too many files named {source.name!r}", path=str(source))


def write_atomically(target: Path, data: bytes, staging: Path) -> None:
    """Write a small file whole: in ``staging`` first, then renamed over ``target``."""
    try:
        handle, temporary = create_temporary(staging)
    except OSError as exc:
        raise ChannelError(f"could not write {target}: {exc}", path=str(target)) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ChannelError(f"could not write {target}: {exc}", path=str(target)) from exc


def fsync_directory(directory: Path) -> None:
    """Make the renames into ``directory`` durable (where the system allows it)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - directories cannot be opened on Windows
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on directories
        pass
    finally:
        os.close(descriptor)
