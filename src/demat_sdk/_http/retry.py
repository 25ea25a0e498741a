"""When a failed Chorus Pro call is sent again, and how long to wait first.

Every Chorus Pro call but the health check is a POST, reads included, so whether a call may be
repeated is a property of the *operation*, declared with :class:`Safety`:

============================  =====================================  ==========================
failure                       ``Safety.SAFE`` (searches, reads)      ``Safety.UNSAFE`` (writes)
============================  =====================================  ==========================
connect error / connect or    retried                                retried (nothing was sent)
pool time-out
read / write time-out,        retried                                not retried: outcome unknown
connection lost after sending
HTTP 408, 502, 503, 504       retried                                not retried
HTTP 429                      retried after ``Retry-After``          not retried
                              (gives up above two minutes)
any other status, business    not retried                            not retried
error, invalid response
============================  =====================================  ==========================

The wait is exponential with jitter (0.5 s, 1 s, 2 s… capped at 8 s, each reduced by up to a
quarter at random), unless the server gave ``Retry-After`` (seconds or an HTTP date).
"""

from __future__ import annotations

import enum
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import tenacity

from demat_sdk.errors import (
    APIStatusError,
    RateLimitedError,
    TransportError,
)

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "RETRYABLE_STATUSES",
    "RetryPolicy",
    "Safety",
    "parse_retry_after",
]

DEFAULT_MAX_RETRIES = 2
RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})


class Safety(enum.Enum):
    """Whether an operation may be sent twice without harm."""

    SAFE = "safe"
    """Searches and consultations: repeating them changes nothing."""
    UNSAFE = "unsafe"
    """Deposits, submissions, status changes: repeating one may create or change twice."""


@dataclass(frozen=True)
class RetryPolicy:
    """How a client retries. One instance per client; per-call ``max_retries`` overrides it.

    Attributes:
        max_retries: retries after the first attempt (0 disables retrying).
        initial_delay: first backoff, in seconds.
        max_delay: cap of the exponential backoff, in seconds.
        max_retry_after: a ``Retry-After`` longer than this (seconds) is not waited for: the
            error is raised at once.
        jitter: returns a number in [0, 1); the backoff is reduced by up to a quarter of it.
        sleep: how to wait (``time.sleep`` by default; tests pass a recorder).
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 120.0
    jitter: Callable[[], float] = field(default=random.random, repr=False)
    sleep: Callable[[float], None] | None = field(default=None, repr=False)

    def should_retry(self, error: BaseException, safety: Safety) -> bool:
        """Whether ``error``, raised by one attempt of an operation of this safety, is retried."""
        if isinstance(error, TransportError):
            return safety is Safety.SAFE or not error.request_sent
        if safety is Safety.UNSAFE or not isinstance(error, APIStatusError):
            return False
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            return error.retry_after <= self.max_retry_after
        return error.status_code in RETRYABLE_STATUSES

    def delay(self, attempt: int, error: BaseException | None) -> float:
        """Seconds to wait before retry number ``attempt`` (1 for the first retry)."""
        retry_after = getattr(error, "retry_after", None)
        if isinstance(retry_after, (int, float)) and 0 <= retry_after <= self.max_retry_after:
            return float(retry_after)
        backoff = min(self.initial_delay * 2.0 ** min(attempt - 1, 30), self.max_delay)
        return backoff * (1 - 0.25 * self.jitter())

    def tenacity_kwargs(self, safety: Safety, max_retries: int) -> dict[str, object]:
        """Arguments for ``tenacity.Retrying`` / ``AsyncRetrying`` implementing this policy."""
        kwargs: dict[str, object] = {
            "stop": tenacity.stop_after_attempt(max_retries + 1),
            "retry": tenacity.retry_if_exception(lambda exc: self.should_retry(exc, safety)),
            "wait": self._wait,
            "reraise": True,
        }
        return kwargs

    def _wait(self, state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        return self.delay(state.attempt_number, error)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Read a ``Retry-After`` header: delay in seconds, or an HTTP date. ``None`` if unreadable."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if seconds == seconds else None  # NaN is unreadable
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    current = now or datetime.now(timezone.utc)
    return max((when - current).total_seconds(), 0.0)
