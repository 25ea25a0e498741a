"""The offline directory: import of a synthetic Chorus Pro export, then lookup latencies.

Full run: 300,000 structures and 1,000,000 services (``--quick``: a tenth). Measured in one run:
the import (time, SQLite file size), a re-import of the same export, a later week's export (1 %
of structures changed, 0.1 % gone), and the latency of lookups by SIRET, code service, name prefix,
words in the name and postcode — against two alternatives without the library: scanning the CSV
file for each lookup, and a dict built from the CSV in memory. Target: SIRET lookup p99 < 1 ms.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import results
from demat_sdk.directory import Directory
from demat_sdk.directory.synthetic import SyntheticExport, write_export

TARGET_P99_US = 1000.0


def run(quick: bool) -> None:
    structures, services = (30_000, 100_000) if quick else (300_000, 1_000_000)
    rounds = 2_000 if quick else 20_000
    scans = 7 if quick else 25
    with tempfile.TemporaryDirectory(prefix="bench-directory-") as folder:
        _run(Path(folder), structures, services, rounds, scans)


def _run(folder: Path, structures: int, services: int, rounds: int, scans: int) -> None:
    started = time.perf_counter()
    export = write_export(folder / "week1", structures=structures, services=services, seed=7)
    generated = time.perf_counter() - started
    later = write_export(folder / "week2", structures=structures, services=services, seed=7,
                         changed=0.01, dropped=0.001)  # fmt: skip
    csv_bytes = export.structures_path.stat().st_size + export.services_path.stat().st_size
    print(
        f"synthetic export: {export.structures:,} structures, {export.services:,} services, "
        f"{_mib(csv_bytes)} of CSV (written in {generated:.1f} s)\n"
    )
    database = folder / "annuaire.sqlite3"
    with Directory.open(database) as directory:
        imports = [
            ("first import", directory.import_export(export.structures_path, export.services_path)),
            ("same export again", directory.import_export(export.structures_path,
                                                         export.services_path)),
            ("next week (1 % changed)", directory.import_export(later.structures_path,
                                                               later.services_path)),
        ]  # fmt: skip
        size = sum(path.stat().st_size for path in folder.glob("annuaire.sqlite3*"))
        print("| import | seconds | rows/s | structures added/updated/withdrawn |")
        print("|---|---:|---:|---|")
        for label, report in imports:
            assert report.structures is not None
            assert report.services is not None
            rows = report.structures.rows + report.services.rows
            counts = report.structures
            results.measure(f"import: {label}", report.seconds, "s", rows=rows)
            print(
                f"| {label} | {report.seconds:.1f} | {rows / report.seconds:,.0f} | "
                f"{counts.added:,} / {counts.updated:,} / {counts.withdrawn:,} |"
            )
        results.measure("SQLite file size", size, "bytes", csv_bytes=csv_bytes)
        print(f"\nSQLite file: {_mib(size)} ({size / csv_bytes:.1f}× the CSV files)\n")
        _lookups(directory, export, rounds, scans)


def _lookups(directory: Directory, export: SyntheticExport, rounds: int, scans: int) -> None:
    rng = random.Random(11)
    sirets = list(export.sample_sirets)
    pairs = list(export.sample_services)
    found = [directory.structure(siret) for siret in sirets]
    prefixes = [s.raison_sociale[: rng.randint(8, 16)] for s in found if s is not None]
    postcodes = [s.code_postal for s in found if s is not None]
    words = [s.ville.split(" ")[0] for s in found if s is not None]

    started = time.perf_counter()
    in_memory = _load_dict(export.structures_path)
    dict_load = time.perf_counter() - started

    def pair(number: int) -> tuple[str, str]:
        return pairs[number % len(pairs)]

    def siret(number: int) -> str:
        return sirets[number % len(sirets)]

    every_round: dict[str, Callable[[int], object]] = {
        _OPERATIONS[0]: lambda n: directory.structure(siret(n)),
        _OPERATIONS[1]: lambda n: directory.routing(*pair(n)),
        _OPERATIONS[2]: lambda n: directory.services_by_code(pair(n)[1], limit=20),
        _OPERATIONS[3]: lambda n: directory.structures_by_name(
            prefixes[n % len(prefixes)], limit=20
        ),
        _OPERATIONS[4]: lambda n: directory.structures_by_postcode(
            postcodes[n % len(postcodes)], limit=20
        ),
        _OPERATIONS[6]: lambda n: in_memory.get(siret(n)),
    }
    now_and_then: dict[str, Callable[[int], object]] = {
        _OPERATIONS[5]: lambda n: directory.structures_by_name(
            words[n % len(words)], contains=True, limit=20
        ),
        _OPERATIONS[7]: lambda n: _scan(export.structures_path, siret(n)),
    }
    timings: dict[str, list[float]] = {name: [] for name in _OPERATIONS}
    for number in range(rounds):
        for name, operation in every_round.items():
            timings[name].append(_time(operation, number))
        if number % max(1, rounds // scans) == 0:
            for name, operation in now_and_then.items():
                timings[name].append(_time(operation, number))

    print(f"| lookup ({rounds:,} rounds, interleaved) | runs | p50 µs | p99 µs |")
    print("|---|---:|---:|---:|")
    for name in _OPERATIONS:
        values = sorted(timings[name])
        results.measure(f"{name} p50", _pct(values, 50), "µs", runs=len(values))
        results.measure(f"{name} p99", _pct(values, 99), "µs", runs=len(values))
        print(f"| {name} | {len(values):,} | {_pct(values, 50):,.1f} | {_pct(values, 99):,.1f} |")
    siret_times = sorted(timings["SIRET (directory.structure)"])
    scan_times = sorted(timings["SIRET by scanning the CSV file"])
    dict_times = sorted(timings["SIRET in a dict loaded from the CSV"])
    p99 = _pct(siret_times, 99)
    scan_ratio = _pct(scan_times, 50) / _pct(siret_times, 50)
    dict_ratio = _pct(siret_times, 50) / _pct(dict_times, 50)
    print(
        f"\nratios (p50): CSV scan / directory = {scan_ratio:,.0f}×; directory / in-memory "
        f"dict = {dict_ratio:,.0f}× (the dict takes {dict_load:.1f} s to load at each start "
        "and holds the file in memory)"
    )
    results.target("SIRET lookup p99", p99, "<", TARGET_P99_US, " µs")


_OPERATIONS = (
    "SIRET (directory.structure)",
    "SIRET + code (directory.routing)",
    "code service, ≤ 20 rows (services_by_code)",
    "name prefix, ≤ 20 rows (structures_by_name)",
    "postcode, ≤ 20 rows (structures_by_postcode)",
    "words in the name, full scan (contains=True)",
    "SIRET in a dict loaded from the CSV",
    "SIRET by scanning the CSV file",
)


def _time(operation: Callable[[int], object], number: int) -> float:
    started = time.perf_counter_ns()
    operation(number)
    return (time.perf_counter_ns() - started) / 1000


def _pct(values: list[float], percent: int) -> float:
    index = min(len(values) - 1, round(percent / 100 * (len(values) - 1)))
    return values[index]


def _scan(path: Path, siret: str) -> list[str] | None:
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.reader(file, delimiter=";"):
            if row[1] == siret:
                return row
    return None


def _load_dict(path: Path) -> dict[str, list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return {row[1]: row for row in csv.reader(file, delimiter=";")}


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MiB"
