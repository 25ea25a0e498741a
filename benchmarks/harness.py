"""What the PES topics share to measure: interleaved timing, xsdata bindings, fresh-process RSS.

* :func:`interleaved` times contenders in turn, each call on a collected heap with the GC off
  (as ``demat_sdk.pes`` readers run) or in the interpreter's default state; a slow contender may
  run fewer times, its runs spread over the rounds.
* :class:`XsdataRoot` generates xsdata bindings from an XSD entry file of the v5.17 set (in
  ``../shared``) at run time and imports the class of the root element.
* :func:`peak_rss_mib` runs a piece of code in a fresh interpreter and returns its peak RSS
  (``VmHWM``); :func:`readers_peak_rss` does so for each reader of a file.

Needs the ``bench`` extra (xsdata) and ``../shared`` beside the project.
"""

from __future__ import annotations

import gc
import importlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The project's root: ``benchmarks`` and ``demat_sdk`` import from there."""

XSD = ROOT.parent / "shared" / "reference" / "pes-v2" / "xsd" / "v5.17"
"""The v5.17 PES XSD set."""


def timed_call(function: Callable[[], object], *, gc_off: bool = True) -> float:
    """Seconds of one call on a freshly collected heap, the cyclic GC off or in its default state.

    ``demat_sdk.pes`` readers turn the GC off while they run: with ``gc_off`` every contender
    runs that way (the return path's targets, against bare parsers, are judged so: the stricter
    for our readers); without it each runs in the interpreter's default state, as a user's
    program calls it (the PES topic's targets are judged so: it is the state in which xsdata
    reads the 20,000-line flux in about the issue's reference time, 10 s).
    """
    gc.collect()
    if gc_off:
        gc.disable()
    try:
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    finally:
        gc.enable()


def interleaved(
    contenders: Mapping[str, Callable[[], object]],
    repeat: int,
    *,
    gc_off: bool = True,
    fewer: Mapping[str, int] | None = None,
) -> dict[str, float]:
    """Median seconds of each contender, run in turn ``repeat`` times (after one warm-up each).

    A contender named in ``fewer`` runs that many times only, in rounds spread evenly over the
    ``repeat`` rounds (the middle one for a single run), still in turn with the others.
    """
    rounds = {
        name: {(2 * run + 1) * repeat // (2 * count) for run in range(count)}
        for name, count in (fewer or {}).items()
    }
    runs: dict[str, list[float]] = {name: [] for name in contenders}
    for function in contenders.values():
        function()
    for round_ in range(repeat):
        for name, function in contenders.items():
            if name not in rounds or round_ in rounds[name]:
                runs[name].append(timed_call(function, gc_off=gc_off))
    return {name: statistics.median(values) for name, values in runs.items()}


@dataclass(frozen=True)
class XsdataRoot:
    """The xsdata class of a root element, generated at run time from an XSD entry file.

    ``module`` is where xsdata writes the entry file's classes inside ``package`` (it follows
    the entry's folders below the set's common root, in snake case); ``name`` is the class.
    """

    entry: Path
    package: str
    module: str
    name: str

    def generate(self, workdir: Path) -> type:
        """Generate the bindings into ``workdir``, make them importable, return the root class."""
        command = [sys.executable, "-m", "xsdata", "generate", str(self.entry)]
        subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [*command, "--package", self.package],
            cwd=workdir,
            check=True,
            capture_output=True,
            env={  # xsdata formats its output with ruff, installed beside this interpreter
                **os.environ,
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            },
        )
        if str(workdir) not in sys.path:
            sys.path.insert(0, str(workdir))
        root: type = getattr(importlib.import_module(self.importable), self.name)
        return root

    @property
    def importable(self) -> str:
        """The dotted name of the module holding the root class."""
        return f"{self.package}.{self.module}"

    def import_line(self, alias: str) -> str:
        """A line of code binding the root class to ``alias`` (for a fresh interpreter)."""
        return f"from {self.importable} import {self.name} as {alias}\n"


_PROLOGUE = """
import sys, resource
from pathlib import Path
try:  # the peak RSS survives exec on Linux: reset it, so the parent's does not count
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
except OSError:
    pass
sys.path[:0] = {paths!r}
"""

_EPILOGUE = """
try:
    status = Path("/proc/self/status").read_text()
    print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM")))
except (OSError, StopIteration):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mib(work: str, *paths: Path) -> tuple[float, float]:
    """Peak RSS (MiB) and seconds of a fresh interpreter running ``work`` (``paths`` importable).

    The project's root is importable too. The peak is ``VmHWM`` (``ru_maxrss`` where
    ``/proc`` is missing), reset after ``exec`` so the parent's peak does not count.
    """
    code = _PROLOGUE.format(paths=[str(ROOT), *map(str, paths)]) + work + _EPILOGUE
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - this interpreter, the benchmark's own code
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    return int(done.stdout.strip().splitlines()[-1]) / 1024, elapsed


def readers_peak_rss(setup: str, readers: Mapping[str, str], *paths: Path) -> dict[str, float]:
    """Peak RSS (MiB) of a fresh interpreter running ``setup`` then each reader's code in turn.

    ``setup`` holds the imports (and the file's path) shared by every reader, so a reader whose
    code is empty gives the interpreter's own peak with those imports.
    """
    return {name: peak_rss_mib(setup + work, *paths)[0] for name, work in readers.items()}
