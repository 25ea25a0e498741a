"""Run the benchmarks: ``python -m benchmarks [topic ...] [--quick]``.

Each ``benchmarks/bench_<topic>.py`` module defines ``run(quick: bool) -> None``, which measures
its contenders on this machine in one run, interleaved, several repetitions, and prints medians
and ratios. With no topic, every module runs.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from pathlib import Path


def main() -> int:
    topics = sorted(path.stem[len("bench_") :] for path in Path(__file__).parent.glob("bench_*.py"))
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "topics",
        nargs="*",
        choices=[*topics, []],
        metavar="TOPIC",
        help=f"one of: {', '.join(topics)} (default: all)",
    )
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repetitions")
    args = parser.parse_args()
    unknown = sorted(set(args.topics) - set(topics))
    if unknown:
        parser.error(f"unknown topic(s): {', '.join(unknown)}")
    print(
        f"# demat_sdk benchmarks — Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPU(s), {platform.platform()}"
    )
    for topic in args.topics or topics:
        print(f"\n## {topic}\n")
        module = importlib.import_module(f"benchmarks.bench_{topic}")
        module.run(quick=args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
