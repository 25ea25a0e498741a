"""Exclusive locks on open files, released by the system when the process ends.

POSIX ``flock``: a lock belongs to one open file description, so two objects of one process
that open the same file exclude each other as two processes do. Where ``flock`` does not exist
(Windows), :data:`lock_at_once` is ``None`` and callers document what they cannot enforce.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["lock_at_once"]

lock_at_once: Callable[[int], None] | None
"""Lock an open file descriptor exclusively, at once (``BlockingIOError`` if it is held)."""

try:
    import fcntl

    def lock_at_once(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

except ImportError:  # pragma: no cover - platforms without flock (Windows)
    lock_at_once = None
