"""Fault injection for the emulators: per-operation rules, deterministic from a seed.

A rule names an operation (``"deposerFluxFacture"``, or ``"send"`` and ``"poll"`` on the Hélios
emulator's channel), a path (``"/cpro/factures/v1/deposer/flux"``) or nothing (every call), a
kind of fault, and when it fires: always, with a probability drawn from the seeded random
generator, after letting ``skip`` calls through, at most ``times`` times. The same seed and the
same sequence of calls give the same faults, in-process or over HTTP.
"""

from __future__ import annotations

import enum
import itertools
import random
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Fault", "FaultKind", "FaultRule", "Faults"]


class FaultKind(str, enum.Enum):
    """What goes wrong."""

    LATENCY = "latency"
    """The answer comes ``delay`` seconds late (processing happens after the wait)."""
    SERVER_ERROR = "server_error"
    """The gateway answers ``status`` (5xx, 503 by default); nothing is processed."""
    RATE_LIMITED = "rate_limited"
    """HTTP 429 with ``Retry-After: retry_after``; nothing is processed."""
    CONNECTION_RESET = "connection_reset"
    """The connection is reset before processing: nothing is written."""
    TIMEOUT_AFTER_COMMIT = "timeout_after_commit"
    """The request is processed and its writes kept, then no answer comes before the client's
    read time-out (``delay`` seconds over HTTP): the dangerous case for deposits."""
    TOKEN_REVOKED = "token_revoked"  # noqa: S105 - a fault name
    """The caller's PISTE token is revoked just before the call (which then gets a 401)."""
    MALFORMED_JSON = "malformed_json"
    """The request is processed, and the answer is cut in the middle of its JSON."""
    SEND_FAILS_BEFORE = "send_fails_before"
    """Hélios channel: ``send`` fails before the file is handed over (nothing reaches Hélios;
    the error says so)."""
    SEND_FAILS_AFTER = "send_fails_after"
    """Hélios channel: the file is handed over to Hélios, then ``send`` fails without a
    receipt (the dangerous case: sending it again makes a duplicate)."""
    POLL_FAILS = "poll_fails"
    """Hélios channel: ``poll`` fails before claiming anything (the answers stay for later)."""


_DEFAULTS: dict[FaultKind, dict[str, Any]] = {
    FaultKind.LATENCY: {"delay": 1.0},
    FaultKind.SERVER_ERROR: {"status": 503},
    FaultKind.RATE_LIMITED: {"status": 429, "retry_after": 30},
    FaultKind.TIMEOUT_AFTER_COMMIT: {"delay": 35.0},
}


@dataclass(frozen=True)
class Fault:
    """A fault that fires on one call."""

    kind: FaultKind
    rule_id: int
    status: int | None = None
    retry_after: int | None = None
    delay: float = 0.0


@dataclass
class FaultRule:
    """When and how to fail calls.

    Attributes:
        kind: the fault.
        operation: operation name or path the rule applies to; ``None`` for every call.
        probability: chance of firing on a matching call (drawn from the seeded generator).
        times: how many times it fires at most (``None``: no limit).
        skip: matching calls let through before it may fire.
        status: HTTP status for ``server_error`` (5xx) and ``rate_limited`` (429).
        retry_after: seconds in ``Retry-After`` for ``rate_limited``.
        delay: seconds of ``latency``, or how long the server holds the connection before cutting
            it for ``timeout_after_commit`` over HTTP (in-process the time-out is immediate).
        rule_id: number given by :class:`Faults`.
        matched: matching calls seen so far.
        fired: faults injected so far.
    """

    kind: FaultKind
    operation: str | None = None
    probability: float = 1.0
    times: int | None = None
    skip: int = 0
    status: int | None = None
    retry_after: int | None = None
    delay: float | None = None
    rule_id: int = 0
    matched: int = field(default=0, compare=False)
    fired: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        self.kind = FaultKind(self.kind)
        for name, value in _DEFAULTS.get(self.kind, {}).items():
            if getattr(self, name) is None:
                setattr(self, name, value)
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError(f"probability must be between 0 and 1, not {self.probability}")
        if self.times is not None and self.times < 0:
            raise ValueError(f"times must be positive, not {self.times}")
        if self.skip < 0:
            raise ValueError(f"skip must be positive, not {self.skip}")
        if self.delay is not None and self.delay < 0:
            raise ValueError(f"delay must be positive, not {self.delay}")
        if self.kind is FaultKind.SERVER_ERROR and not 500 <= (self.status or 0) <= 599:
            raise ValueError(f"a server_error needs a 5xx status, not {self.status}")

    def applies_to(self, operation: str, path: str) -> bool:
        """Whether a call of ``operation`` at ``path`` is concerned by this rule."""
        return self.operation is None or self.operation in (operation, path)

    def as_dict(self) -> dict[str, Any]:
        """The rule as plain JSON-ready data (what the admin API shows)."""
        data = asdict(self)
        data["kind"] = self.kind.value
        return data


class Faults:
    """The fault rules of one emulator, and what they did.

    Args:
        seed: seed of the random generator behind probabilities.
    """

    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._ids = itertools.count(1)
        self.seed = seed
        self._random = random.Random(seed)  # noqa: S311 - reproducible faults, not security

    def __repr__(self) -> str:
        return f"Faults(seed={self.seed}, rules={len(self._rules)})"

    def add(self, kind: FaultKind | str, **options: Any) -> FaultRule:
        """Add a rule; options are the fields of :class:`FaultRule` (``operation``, ``times``…).

        Raises:
            ValueError: an unknown kind or an option out of range.
        """
        rule = FaultRule(FaultKind(kind), **options)
        with self._lock:
            rule.rule_id = next(self._ids)
            self._rules.append(rule)
        return rule

    def remove(self, rule: FaultRule | int) -> None:
        """Remove one rule (by itself or by its number)."""
        rule_id = rule.rule_id if isinstance(rule, FaultRule) else rule
        with self._lock:
            self._rules = [kept for kept in self._rules if kept.rule_id != rule_id]

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._rules.clear()

    def reseed(self, seed: int) -> None:
        """Restart the random generator from ``seed``."""
        with self._lock:
            self.seed = seed
            self._random = random.Random(seed)  # noqa: S311 - reproducible faults

    @property
    def rules(self) -> tuple[FaultRule, ...]:
        """The rules, in the order they are tried."""
        with self._lock:
            return tuple(self._rules)

    def draw(self, operation: str, path: str) -> Fault | None:
        """The fault for this call, if a rule fires (the first rule that fires wins)."""
        with self._lock:
            for rule in self._rules:
                if not rule.applies_to(operation, path):
                    continue
                rule.matched += 1
                if rule.matched <= rule.skip:
                    continue
                if rule.times is not None and rule.fired >= rule.times:
                    continue
                if rule.probability < 1.0 and self._random.random() >= rule.probability:
                    continue
                rule.fired += 1
                return Fault(
                    kind=rule.kind,
                    rule_id=rule.rule_id,
                    status=rule.status,
                    retry_after=rule.retry_after,
                    delay=rule.delay or 0.0,
                )
        return None

    def met(self) -> Mapping[str, int]:
        """How many faults of each kind were injected (for reports)."""
        counts: dict[str, int] = {}
        for rule in self.rules:
            counts[rule.kind.value] = counts.get(rule.kind.value, 0) + rule.fired
        return counts

    def report(self) -> list[dict[str, Any]]:
        """Every rule with its counters ``matched`` and ``fired``."""
        return [rule.as_dict() for rule in self.rules]
