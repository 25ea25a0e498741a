"""A clock the emulators and the clients can share, moved by hand."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

__all__ = ["FakeClock"]

PARIS = timezone(timedelta(hours=1), "Europe/Paris (winter)")


class FakeClock:
    """Time that only moves when told to.

    ``monotonic()`` is what a client's token cache reads (pass ``clock=fake.clock.monotonic``);
    ``now()`` is the calendar time the emulators stamp on flux, invoices and acknowledgements.

    Args:
        start: calendar time at reading zero (timezone-aware; default 2026-01-05 09:00 Paris).
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._start = start or datetime(2026, 1, 5, 9, 0, tzinfo=PARIS)
        if self._start.tzinfo is None:
            raise ValueError("the start of a FakeClock must be timezone-aware")
        self._elapsed = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"FakeClock(now={self.now().isoformat()})"

    def monotonic(self) -> float:
        """Seconds elapsed since the clock was made."""
        return self._elapsed

    def now(self) -> datetime:
        """Current calendar time."""
        return self._start + timedelta(seconds=self._elapsed)

    def advance(self, seconds: float) -> datetime:
        """Move forward by ``seconds`` (never backwards) and return the new time."""
        if seconds < 0:
            raise ValueError("a FakeClock does not go backwards")
        with self._lock:
            self._elapsed += seconds
        return self.now()
