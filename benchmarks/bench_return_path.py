"""Reading the return path (a big PES_Retour, a big ACK): demat_sdk against lxml and xsdata.

The contenders read the same file: a bare ``lxml.etree.parse`` (the whole tree, no model), the
hardened ``iterparse`` alone (the streaming floor), xsdata bindings generated at run time from
the v5.17 XSD (``PES_V2/RETOUR/Rev0/PES_Retour.xsd``, ``PES_V2/Rev0/PES_V2_Acquit_Autonome_V2.xsd``)
and demat_sdk's streamed reader into typed models (``read_retour``: the test fixture's two
bordereaux repeated; ``read_acquit``: an ACK of a flux with one rejected mandat line per
bordereau, written by ``write_acquit``).

Every timed call starts on a collected heap with the GC off (as ``pes.read`` runs); contenders
run in turn several times (xsdata, slow, fewer times, its runs spread over the rounds), and the
medians and ratios are printed; the PES issue's bound for the PES_Aller reader (within 2.5x of
a bare iterparse) is applied to both readers, and the ratio xsdata / ours is printed without a
target (the issue's 20x is the PES_Aller reader's). "py heap" is the peak of Python allocations
during one call (``tracemalloc``): the model's weight, not libxml2's own memory, which
``tracemalloc`` does not see. "peak RSS" is the whole process's peak (``VmHWM``) of a fresh
interpreter that imports lxml, xsdata, demat_sdk and the bindings, then reads the file once
with that reader alone; "imports only" is that interpreter's peak without reading.

Needs the ``bench`` extra (``pip install -e '.[bench]'``) and ``../shared`` beside the project.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from benchmarks import results
from benchmarks.harness import XSD, XsdataRoot, interleaved, readers_peak_rss
from demat_sdk import pes
from demat_sdk.pes import xmlsafety

RETOUR_ROOT = XsdataRoot(
    XSD / "PES_V2" / "RETOUR" / "Rev0" / "PES_Retour.xsd",
    "retourgen",
    "rev0.pes_retour",
    "PesRetour",
)
ACQUIT_ROOT = XsdataRoot(
    XSD / "PES_V2" / "Rev0" / "PES_V2_Acquit_Autonome_V2.xsd",
    "acquitgen",
    "rev0.pes_v2_acquit_autonome_v2",
    "PesAcquit",
)

LXML = "lxml etree.parse (no model)"
ITERPARSE = "hardened iterparse (no model)"
XSDATA = "xsdata parse (generated bindings)"
IMPORTS = "imports only (lxml, xsdata, demat_sdk)"

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


def _iterparse_only(path: Path) -> None:
    with path.open("rb") as stream:
        for _, element in xmlsafety.iterparse(stream, events=("end",)):
            element.clear()


def _py_heap_mb(function: Callable[[], object]) -> float:
    """Peak of Python allocations (MB) during one call."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _peak_rss(
    path: Path, ours: str, call: str, root: XsdataRoot, workdir: Path
) -> dict[str, float]:
    """Peak RSS (MiB) of a fresh interpreter reading ``path`` with each reader, and with none."""
    setup = (
        "from lxml import etree\n"
        "from xsdata.formats.dataclass.parsers import XmlParser\n"
        "from demat_sdk import pes\n" + root.import_line("ROOT") + f"PATH = Path({str(path)!r})\n"
    )
    readers = {
        IMPORTS: "",
        LXML: "etree.parse(str(PATH))\n",
        ours: f"{call}(PATH)\n",
        XSDATA: "XmlParser().from_path(PATH, ROOT)\n",
    }
    return readers_peak_rss(setup, readers, workdir)


def _compare(
    title: str,
    path: Path,
    ours: tuple[str, Callable[[Path], object]],
    root: XsdataRoot,
    workdir: Path,
    rounds: int,
    xsdata_rounds: int,
) -> None:
    from xsdata.formats.dataclass.parsers import XmlParser

    bindings = root.generate(workdir)
    parser = XmlParser()
    name, read = ours
    contenders: dict[str, Callable[[], object]] = {
        LXML: lambda: etree.parse(str(path)),
        ITERPARSE: lambda: _iterparse_only(path),
        name: lambda: read(path),
        XSDATA: lambda: parser.from_path(path, bindings),
    }
    size = path.stat().st_size / 1e6
    medians = interleaved(contenders, rounds, fewer={XSDATA: xsdata_rounds})
    heaps = {contender: _py_heap_mb(function) for contender, function in contenders.items()}
    rss = _peak_rss(path, name, f"pes.{read.__name__}", root, workdir)
    print(
        f"\n| {title}, {size:.1f} MB | median s | MB/s | ratio to ours | py heap MB "
        "| peak RSS MiB |"
    )
    print("|---|---|---|---|---|---|")
    for contender, median in medians.items():
        results.measure(
            f"{title}: {contender}",
            median,
            "s",
            py_heap_mb=round(heaps[contender], 1),
            peak_rss_mib=round(rss[contender], 1) if contender in rss else None,
        )
        print(
            f"| {contender} | {median:.3f} | {size / median:.1f} | "
            f"{median / medians[name]:.2f}x | {heaps[contender]:.1f} | "
            + (f"{rss[contender]:.1f} |" if contender in rss else "— |")
        )
    results.measure(f"{title}: peak RSS, {IMPORTS}", rss[IMPORTS], "MiB")
    print(f"| {IMPORTS} | — | — | — | — | {rss[IMPORTS]:.1f} |")
    speedup = results.measure(f"{title}: xsdata / ours", medians[XSDATA] / medians[name], "×")
    print(f"xsdata / ours: {speedup:.1f}x, for information")
    ratio = medians[name] / medians[ITERPARSE]
    results.target(f"{title}: ours / hardened iterparse", ratio, "<=", 2.5, "×")


def run(quick: bool) -> None:
    repeat, elements, rounds, xsdata_rounds = (500, 2_000, 3, 1) if quick else (4000, 20_000, 5, 3)
    print(
        f"each figure: median of {rounds} interleaved runs ({xsdata_rounds} for xsdata), "
        "GC off during every timed call"
    )
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        _compare(
            f"PES_Retour ({2 * repeat} bordereaux, {3 * repeat} mandats)",
            _big_return(repeat, directory),
            ("read_retour (streamed, typed)", pes.read_retour),
            RETOUR_ROOT,
            directory,
            rounds,
            xsdata_rounds,
        )
        _compare(
            f"ACK ({elements:,} elements, one anomaly each)",
            _big_acquit(elements, directory),
            ("read_acquit (streamed, typed)", pes.read_acquit),
            ACQUIT_ROOT,
            directory,
            rounds,
            xsdata_rounds,
        )
