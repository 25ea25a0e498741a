"""The Chorus Pro emulator's state: pure data and domain rules, no HTTP.

:class:`ChorusState` holds the PISTE gate (applications, tokens, technical accounts), the
directory (structures, services, engagements juridiques), invoices and their attachments, the
deposited flux, and the queue of what happens by itself as the clock moves. One lock guards all
of it; the handlers take it for each request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from demat_sdk.testing.chorus.state.auth import Gate
from demat_sdk.testing.chorus.state.directory import Directory
from demat_sdk.testing.chorus.state.flux import FluxStore
from demat_sdk.testing.chorus.state.invoices import Invoices
from demat_sdk.testing.chorus.state.scheduler import Scheduler, Timings
from demat_sdk.testing.clock import FakeClock

__all__ = ["ChorusState", "Settings"]

_MAX_EVENTS = 100_000


@dataclass
class Settings:
    """Switches of the emulator.

    Attributes:
        qualification: behave as the qualification (sandbox) environment, where
            ``rechercherDemandePaiement`` and ``consulterInformationSIRET`` do not work.
        business_error_status: HTTP status of business refusals: 400 (the usual) or 200 (the
            other style Chorus Pro uses: HTTP 200 with ``codeRetour != 0``).
    """

    qualification: bool = True
    business_error_status: int = 400

    def __post_init__(self) -> None:
        if self.business_error_status not in (200, 400):
            raise ValueError("business_error_status is 200 or 400")


class ChorusState:
    """Everything the Chorus Pro emulator knows, behind one lock.

    Args:
        clock: the time tokens, flux and invoices live by.
        timings: delays of what happens by itself.
    """

    def __init__(self, clock: FakeClock, timings: Timings | None = None) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.settings = Settings()
        self.timings = timings or Timings()
        self.scheduler = Scheduler(clock)
        self.gate = Gate(clock)
        self.directory = Directory()
        self.invoices = Invoices(clock, self.scheduler, self.directory, self.timings)
        self.flux = FluxStore(clock, self.scheduler, self.directory, self.invoices, self.timings)

    @property
    def token_requests(self) -> int:
        """How many tokens were asked for (granted or not)."""
        return self.gate.token_requests

    def run_due(self) -> list[str]:
        """Let happen what is due by the clock's current reading; what happened."""
        with self.lock:
            return self.scheduler.run_due()

    def advance(self, seconds: float) -> list[str]:
        """Move the clock forward and let happen what became due, each at its time."""
        if seconds < 0:
            raise ValueError("the emulator clock does not go backwards")
        done: list[str] = []
        with self.lock:
            target = self.clock.monotonic() + seconds
            done += self.scheduler.run_due()
            while (due := self.scheduler.next_due()) is not None and due <= target:
                self.clock.advance(max(0.0, due - self.clock.monotonic()))
                done += self.scheduler.run_due()
            self.clock.advance(max(0.0, target - self.clock.monotonic()))
            done += self.scheduler.run_due()
        return done

    def run_until_idle(self) -> list[str]:
        """Move the clock to each pending event in turn until none is left; what happened."""
        done: list[str] = []
        with self.lock:
            while (due := self.scheduler.next_due()) is not None:
                if len(done) > _MAX_EVENTS:
                    raise RuntimeError("the emulator keeps scheduling events")
                wait = due - self.clock.monotonic()
                if wait > 0:
                    self.clock.advance(wait)
                done += self.scheduler.run_due()
        return done
