"""Reading the return path (a big PES_Retour, a big ACK): demat_sdk against bare lxml.

The contenders read the same file: a bare ``lxml.etree.parse`` (the floor: C parsing, no
model), the hardened ``iterparse`` alone (the streaming floor), and demat_sdk's streamed reader
into typed models (``read_retour``: the test fixture's two bordereaux repeated; ``read_acquit``:
an ACK of a flux with one rejected mandat line per bordereau, written by ``write_acquit``).
Every timed call starts on a collected heap with the GC off (as ``pes.read`` runs), contenders
run in turn several times, and the medians and ratios are printed; the PES issue's bound for
the PES_Aller reader (within 2.5x of a bare iterparse) is applied to both readers. "py heap" is
the peak of Python allocations during one call (``tracemalloc``): the model's weight, not
libxml2's own memory, which ``tracemalloc`` does not see.
"""

from __future__ import annotations

import datetime as dt
import gc
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from benchmarks import results
from demat_sdk import pes
from demat_sdk.pes import xmlsafety

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


def _big_acquit(elements: int, directory: Path) -> Path:
    erreur = pes.ErreurAcquit.helios(
        pes.CodeAnomalie.ERREUR_AUTRE, 1971, "Compte fonction présent à tort"
    )
    acquit = pes.Acquit(
        enveloppe=pes.Enveloppe(
            nom_fichier="PESDEP_26380000500005_2025_BENCH",
            emetteur=pes.Emetteur(sigle="HELIOS", adresse="DGFIP"),
        ),
        en_tete=pes.EnTetePES(
            date_emission=dt.date(2025, 3, 14),
            code_poste="038011",
            siret="26380000500005",
            code_collectivite="123",
            code_budget="00",
        ),
        elements=[
            pes.ElementAcquit(
                domaine=pes.DomaineAcquit.DEPENSE,
                etat=False,
                numero_bordereau=numero,
                exercice_bordereau=2025,
                erreurs=[],
                pieces=[
                    pes.DetailPiece(
                        numero_piece=numero * 10,
                        erreurs=[],
                        lignes=[pes.DetailLigne(numero_ligne=1, erreurs=[erreur])],
                    )
                ],
            )
            for numero in range(1, elements + 1)
        ],
    )
    path = directory / "acquit.xml"
    pes.write_acquit(acquit, path)
    return path


def _lxml_tree(path: Path) -> None:
    etree.parse(str(path))


def _iterparse_only(path: Path) -> None:
    with path.open("rb") as stream:
        for _, element in xmlsafety.iterparse(stream, events=("end",)):
            element.clear()


def _timed(function: Callable[[Path], object], path: Path) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        function(path)
        return time.perf_counter() - started
    finally:
        gc.enable()


def _compare(
    title: str, path: Path, ours: tuple[str, Callable[[Path], object]], rounds: int
) -> None:
    contenders: list[tuple[str, Callable[[Path], object]]] = [
        ("lxml etree.parse (no model)", _lxml_tree),
        ("hardened iterparse (no model)", _iterparse_only),
        ours,
    ]
    size = path.stat().st_size / 1e6
    times: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for _, function in contenders:
        function(path)
    for _ in range(rounds):
        for name, function in contenders:
            times[name].append(_timed(function, path))
    peaks = {}
    for name, function in contenders:
        tracemalloc.start()
        function(path)
        peaks[name] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"\n| {title}, {size:.1f} MB | median s | MB/s | ratio to ours | py heap MB |")
    print("|---|---|---|---|---|")
    for name, median in medians.items():
        results.measure(f"{title}: {name}", median, "s", py_heap_mb=round(peaks[name], 1))
        print(
            f"| {name} | {median:.3f} | {size / median:.1f} | "
            f"{median / medians[ours[0]]:.2f}x | {peaks[name]:.1f} |"
        )
    ratio = medians[ours[0]] / medians["hardened iterparse (no model)"]
    results.target(f"{title}: ours / hardened iterparse", ratio, "<=", 2.5, "×")


def run(quick: bool) -> None:
    repeat, elements, rounds = (500, 2_000, 3) if quick else (4000, 20_000, 5)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        _compare(
            f"PES_Retour ({2 * repeat} bordereaux, {3 * repeat} mandats)",
            _big_return(repeat, directory),
            ("read_retour (streamed, typed)", pes.read_retour),
            rounds,
        )
        _compare(
            f"ACK ({elements:,} elements, one anomaly each)",
            _big_acquit(elements, directory),
            ("read_acquit (streamed, typed)", pes.read_acquit),
            rounds,
        )
