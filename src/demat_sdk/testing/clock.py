"""A clock the emulators and the clients can share, moved by hand (or following real time)."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

__all__ = ["FakeClock"]

PARIS = timezone(timedelta(hours=1), "Europe/Paris (winter)")


class FakeClock:
    """Time that only moves when told to, unless asked to follow real time as well.

    ``monotonic()`` is what a client's token cache reads (pass ``clock=fake.clock.monotonic``);
    ``now()`` is the calendar time the emulators stamp on flux, invoices and acknowledgements.

    Args:
        start: calendar time at reading zero (timezone-aware; default 2026-01-05 09:00 Paris).
        follow_real_time: also let real seconds pass (what a served emulator wants, so that
            flux integrate while a team polls); :meth:`advance` still jumps ahead.
    """

    def __init__(self, start: datetime | None = None, *, follow_real_time: bool = False) -> None:
        self._start = start or datetime(2026, 1, 5, 9, 0, tzinfo=PARIS)
        if self._start.tzinfo is None:
            raise ValueError("the start of a FakeClock must be timezone-aware")
        self._jumped = 0.0
        self._origin = time.monotonic() if follow_real_time else None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"FakeClock(now={self.now().isoformat()})"

    @property
    def follows_real_time(self) -> bool:
        """Whether real seconds also make this clock move."""
        return self._origin is not None

    def monotonic(self) -> float:
        """Seconds elapsed since the clock was made."""
        real = time.monotonic() - self._origin if self._origin is not None else 0.0
        return self._jumped + real

    def now(self) -> datetime:
        """Current calendar time."""
        return self._start + timedelta(seconds=self.monotonic())

    def advance(self, seconds: float) -> datetime:
        """Move forward by ``seconds`` (never backwards) and return the new time."""
        if seconds < 0:
            raise ValueError("a FakeClock does not go backwards")
        with self._lock:
            self._jumped += seconds
        return self.now()
