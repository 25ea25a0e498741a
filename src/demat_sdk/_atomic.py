"""Files that appear whole or not at all, with the permissions a plain ``open()`` gives.

Every file the library leaves to its user (a PES flux, an ACK, a file put on a Hélios channel, a
pièce justificative extracted from a flux) is written under a temporary name in its final
directory, synced, then given its final name in one step. The temporary file is created with
mode ``0o666`` filtered by the process umask, as ``open(path, "w")`` would create it, not with
:func:`tempfile.mkstemp`'s ``0o600``: a transfer agent running under another account must be able
to read what the finance software writes, and the umask is where an administrator decides.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

__all__ = ["create_temporary", "hard_link", "rename_exclusively"]

_NO_HARD_LINK = frozenset(
    {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
)
"""The errors of :func:`os.link` that mean "this filesystem has no hard links here"."""

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def create_temporary(
    directory: Path, *, prefix: str = ".", suffix: str = ".tmp"
) -> tuple[int, Path]:
    """Create a new empty file under a random name in ``directory``, opened for writing.

    Returns:
        The descriptor (the caller closes it, e.g. with :func:`os.fdopen`) and the path.

    Raises:
        OSError: the directory does not exist or cannot be written.
    """
    while True:
        path = directory / f"{prefix}{secrets.token_hex(8)}{suffix}"
        try:
            return os.open(path, _FLAGS, 0o666), path
        except FileExistsError:  # pragma: no cover - 64 random bits already taken
            continue


def hard_link(source: Path, target: Path) -> bool:
    """Give ``source`` the name ``target`` too, in one step; ``False`` without hard links here.

    Raises:
        FileExistsError: ``target`` already exists.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINK:
            raise
        return False
    return True


def rename_exclusively(source: Path, target: Path) -> None:
    """Give ``source`` the name ``target`` too (a hard link), unless ``target`` exists.

    The caller removes ``source`` afterwards. Without hard links (some network shares), a
    check then a rename: two steps, so two writers racing for one name may both pass the check.

    Raises:
        FileExistsError: ``target`` already exists.
    """
    if hard_link(source, target):
        return
    if target.exists():
        raise FileExistsError(errno.EEXIST, "file exists", str(target))
    os.rename(source, target)
