"""Reading a big periodic PES_Retour: demat_sdk's streamed reader against bare lxml.

The contenders read the same synthetic dépense return (the test fixture's two bordereaux
repeated): a bare ``lxml.etree.parse`` (the floor: C parsing, no model), the hardened
``iterparse`` alone (the streaming floor), and ``read_retour`` (streaming + the typed model).
"py heap" is the peak of Python allocations during the call (``tracemalloc``): it shows the
model's weight, not libxml2's own memory, which ``tracemalloc`` does not see.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from demat_sdk.pes import xmlsafety
from demat_sdk.pes.retour import read_retour

FIXTURE = (
    Path(__file__).resolve().parents[1]
    / "tests"
    / "data"
    / "pes"
    / "PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml"
)


def _big_return(repeat: int, directory: Path) -> Path:
    data = FIXTURE.read_bytes()
    start, end = data.index(b"<Bordereau>"), data.index(b"</PES_DepenseRetour>")
    path = directory / "retour.xml"
    path.write_bytes(data[:start] + data[start:end] * repeat + data[end:])
    return path


def _lxml_tree(path: Path) -> None:
    etree.parse(str(path))


def _iterparse_only(path: Path) -> None:
    with path.open("rb") as stream:
        for _ in xmlsafety.iterparse(stream, events=("end",)):
            pass


def _read_retour(path: Path) -> None:
    read_retour(path)


def run(quick: bool) -> None:
    repeat, rounds = (500, 3) if quick else (4000, 5)
    contenders: list[tuple[str, Callable[[Path], None]]] = [
        ("lxml etree.parse (no model)", _lxml_tree),
        ("hardened iterparse (no model)", _iterparse_only),
        ("read_retour (streamed, typed)", _read_retour),
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = _big_return(repeat, Path(folder))
        size = path.stat().st_size / 1e6
        print(f"PES_Retour of {size:.1f} MB, {2 * repeat} bordereaux, {3 * repeat} mandats")
        times: dict[str, list[float]] = {name: [] for name, _ in contenders}
        for _ in range(rounds):
            for name, function in contenders:
                started = time.perf_counter()
                function(path)
                times[name].append(time.perf_counter() - started)
        peaks = {}
        for name, function in contenders:
            tracemalloc.start()
            function(path)
            peaks[name] = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
    floor = statistics.median(times[contenders[0][0]])
    for name, _ in contenders:
        median = statistics.median(times[name])
        print(
            f"{name:32} median {median:6.2f} s  {size / median:6.1f} MB/s  "
            f"x{median / floor:4.1f}  py heap {peaks[name]:6.1f} MB"
        )
