"""What happens by itself as time passes, queued on the emulator clock.

Flux processing steps, routing of invoices, statuses set by the public accountant.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from demat_sdk.testing.clock import FakeClock

__all__ = ["Scheduler", "Timings"]

DAY = 86_400.0


@dataclass
class Timings:
    """Delays of the things that happen by themselves, in seconds of the emulator clock.

    Attributes:
        flux_step: between two states of a deposited flux (four steps from ``IN_RECU`` to the
            outcome).
        mise_a_disposition: from ``DEPOSEE`` (or ``VALIDEE_1``) to ``MISE_A_DISPOSITION``.
        comptable: between each status the public accountant (Hélios) reports after
            ``MANDATEE``: ``MISE_A_DISPOSITION_COMPTABLE``, ``COMPTABILISEE``,
            ``MISE_EN_PAIEMENT`` — only for recipients that report the mise en paiement.
    """

    flux_step: float = 60.0
    mise_a_disposition: float = 60.0
    comptable: float = DAY


@dataclass(order=True)
class _Event:
    due: float
    order: int
    action: Callable[[], bool] = field(compare=False)
    label: str = field(compare=False, default="")


class Scheduler:
    """A queue of actions due at given readings of the clock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self._queue: list[_Event] = []
        self._order = itertools.count()
        self._firing_at: float | None = None

    def __len__(self) -> int:
        return len(self._queue)

    def after(self, seconds: float, action: Callable[[], bool], label: str = "") -> None:
        """Run ``action`` once the clock has moved ``seconds`` from now.

        The action says whether it did something (a step made obsolete by another change does
        nothing); only those that did are reported.

        Scheduled by an event being run, the delay counts from that event's due time, so that
        chains of steps keep their pace even when the clock jumped past several of them.
        """
        base = self._firing_at if self._firing_at is not None else self.clock.monotonic()
        event = _Event(base + seconds, next(self._order), action, label)
        heapq.heappush(self._queue, event)

    def next_due(self) -> float | None:
        """Clock reading of the next pending event, if any."""
        return self._queue[0].due if self._queue else None

    def run_due(self) -> list[str]:
        """Run every event due by now (and those they schedule already due); what they did."""
        done: list[str] = []
        now = self.clock.monotonic()
        while self._queue and self._queue[0].due <= now:
            event = heapq.heappop(self._queue)
            self._firing_at = event.due
            try:
                acted = event.action()
            finally:
                self._firing_at = None
            if acted:
                done.append(event.label)
        return done

    def clear(self) -> None:
        """Drop every pending event."""
        self._queue.clear()
