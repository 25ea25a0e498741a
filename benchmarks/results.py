"""What a benchmark run measured: figures and targets, printed and kept for ``--json``.

A topic module records its figures with :func:`measure` and its targets with :func:`target`
(which prints the verdict, "met" or "NOT met"). The runner (``python -m benchmarks``) collects
them per topic, prints the targets again at the end of each topic, and writes them all, with the
machine and each topic's printed output, to the JSON file given with ``--json``. A module that
records nothing still runs; the JSON then holds its printed output only.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "Figure",
    "Target",
    "TopicResults",
    "current",
    "load_average",
    "machine",
    "measure",
    "target",
]

_COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@dataclass(frozen=True)
class Figure:
    """One measured figure: ``name`` = ``value`` ``unit``, with what it depends on."""

    name: str
    value: float
    unit: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    """A target of the issue, the measured value, and whether it is met."""

    name: str
    measured: float
    comparison: str
    threshold: float
    unit: str
    met: bool

    def line(self) -> str:
        """``target <name>: <measured> <unit> (<comparison> <threshold>) — met``."""
        verdict = "met" if self.met else "NOT met"
        return (
            f"target {self.name}: {self.measured:,.2f}{self.unit} "
            f"({self.comparison} {self.threshold:,.2f}{self.unit}) — {verdict}"
        )


@dataclass
class TopicResults:
    """Everything one topic recorded."""

    topic: str
    figures: list[Figure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    output: str = ""
    seconds: float = 0.0
    load_before: tuple[float, float, float] | None = None
    load_after: tuple[float, float, float] | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)


_current = TopicResults("unnamed")


def current() -> TopicResults:
    """The results of the topic being run."""
    return _current


def start_topic(topic: str) -> TopicResults:
    """Start recording a new topic (called by the runner)."""
    global _current
    _current = TopicResults(topic, load_before=load_average())
    return _current


def measure(name: str, value: float, unit: str, **context: Any) -> float:
    """Record a figure of the current topic; returns ``value``."""
    _current.figures.append(Figure(name, float(value), unit, context))
    return value


def target(name: str, measured: float, comparison: str, threshold: float, unit: str = "") -> bool:
    """Record a target of the issue, print its verdict, and return whether it is met.

    ``comparison`` is one of ``<``, ``<=``, ``>``, ``>=`` (measured compared to threshold).
    """
    met = _COMPARISONS[comparison](measured, threshold)
    verdict = Target(name, float(measured), comparison, float(threshold), unit, met)
    _current.targets.append(verdict)
    print(verdict.line())
    return met


def load_average() -> tuple[float, float, float] | None:
    """The system's 1, 5 and 15 minute load averages (``None`` where the system has none)."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return None
    return (round(one, 2), round(five, 2), round(fifteen, 2))


def machine() -> dict[str, Any]:
    """The machine and software the figures were measured on."""
    from lxml import etree

    return {
        "date": dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
        "packages": {name: _version(name) for name in ("demat_sdk", "httpx", "pydantic")},
        "load_average": load_average(),
        "argv": sys.argv[1:],
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
