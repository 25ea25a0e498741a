"""Run the benchmarks: ``python -m benchmarks [TOPIC ...] [--quick] [--json PATH]``.

Each ``benchmarks/bench_<topic>.py`` module defines ``run(quick: bool) -> None``, which measures
its contenders on this machine in one run, interleaved, several repetitions, and prints medians
and ratios. With no topic, every module runs. The machine (CPU, cores, Python, lxml, OS, load) is
printed once; each topic ends with its targets, "met" or "NOT met". ``--json PATH`` writes the
machine, each topic's figures, targets and printed output to ``PATH``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import random
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from benchmarks import results

SEED = 20_260_105
"""Seed of ``random`` before each topic (each module also seeds its own generators)."""


def topics() -> list[str]:
    """The topics: one per ``bench_<topic>.py`` module, sorted."""
    here = Path(__file__).parent
    return sorted(path.stem.removeprefix("bench_") for path in here.glob("bench_*.py"))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; an unknown topic is a usage error (exit status 2)."""
    known = topics()
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument(
        "topics", nargs="*", metavar="TOPIC", help=f"one of: {', '.join(known)} (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repetitions")
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write every result to this JSON file"
    )
    args = parser.parse_args(argv)
    unknown = [topic for topic in args.topics if topic not in known]
    if unknown:
        parser.error(f"unknown topic(s): {', '.join(unknown)} (known: {', '.join(known)})")
    args.topics = args.topics or known
    return args


class _Tee(io.TextIOBase):
    """Writes to the terminal and keeps a copy."""

    def __init__(self, terminal: TextIO) -> None:
        self.terminal = terminal
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.terminal.write(text)
        self.terminal.flush()
        return self.copy.write(text)

    def flush(self) -> None:
        self.terminal.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    machine = results.machine()
    print(
        f"# demat_sdk benchmarks — {machine['date']}\n"
        f"machine: {machine['cpu']}, {machine['cores']} core(s), {machine['os']}\n"
        f"software: {machine['python']}, lxml {machine['lxml']} (libxml2 {machine['libxml2']}), "
        f"httpx {machine['packages']['httpx']}, pydantic {machine['packages']['pydantic']}\n"
        f"load average (1/5/15 min): {_load(machine['load_average'])}"
        f"{' — quick run' if args.quick else ''}"
    )
    report: dict[str, Any] = {"machine": machine, "quick": args.quick, "topics": {}}
    failed = []
    for topic in args.topics:
        print(f"\n## {topic}\n")
        recorded = results.start_topic(topic)
        random.seed(SEED)
        tee = _Tee(sys.stdout)
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(tee):
                module = importlib.import_module(f"benchmarks.bench_{topic}")
                module.run(quick=args.quick)
        except Exception:  # noqa: BLE001 - one broken topic must not hide the others
            traceback.print_exc()
            failed.append(topic)
        recorded.seconds = round(time.perf_counter() - started, 1)
        recorded.load_after = results.load_average()
        recorded.output = tee.copy.getvalue()
        _close(recorded, failed=topic in failed)
        report["topics"][topic] = recorded.as_dict()
    if args.json is not None:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"\nresults written to {args.json}")
    if failed:
        print(f"\nFAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _close(recorded: results.TopicResults, *, failed: bool) -> None:
    """End a topic with its targets and the load it ran under."""
    print(
        f"\n### {recorded.topic}: {recorded.seconds:.0f} s, load average "
        f"{_load(recorded.load_before)} before, {_load(recorded.load_after)} after"
    )
    if failed:
        print("FAILED: see the traceback above")
    if recorded.targets:
        for verdict in recorded.targets:
            print(verdict.line())
    else:
        print("targets: none recorded by this module (see its output above)")


def _load(load: tuple[float, float, float] | None) -> str:
    return "n/a" if load is None else " / ".join(f"{value:.2f}" for value in load)


if __name__ == "__main__":
    sys.exit(main())
