"""``pes.read`` reads each pièce the same way whatever its shape, its text or its problems.

The reader reads the pièces whose shape (their markup without the values) it has already met
from their serialised text; these tests mix shapes, escaped characters, text, comments and
bad values among pièces of a known shape, and check what the user gets back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flux_samples import flux_depense, mandat
from lxml import etree

from demat_sdk import pes
from demat_sdk.errors import PesReadError
from demat_sdk.pes import _compiler
from demat_sdk.pes import reader as pes_reader

from tests_support import PES_DIR

_PIECE = "PES_Aller/PES_DepenseAller/Bordereau/Piece"
_INFO_PCE = f"{_PIECE}/BlocPiece/InfoPce"


def _mandats(count: int) -> list[pes.Mandat]:
    """Mandats of several shapes: 1 to 3 lines, optional fields, characters to escape."""
    mandats = []
    for numero in range(1, count + 1):
        piece = mandat(numero, lignes=1 + numero % 3, pj=f"PJ{numero}" if numero % 4 else None)
        for rank, ligne in enumerate(piece.lignes, 1):
            ligne.numero = rank
        if numero % 5 == 0:
            piece.objet = 'ÉQUIPEMENT "BLOC" & CONSOMMABLES <STÉRILES>'
        if numero % 6 == 0:
            piece.code_service = "CS42"
            piece.lignes[0].libelle_virement2 = "RÉGULARISATION"
        mandats.append(piece)
    return mandats


def _file(mandats: list[pes.Mandat], *, pretty: bool = False) -> bytes:
    flux = flux_depense(mandats=1, with_pj=False)
    assert flux.depense is not None
    flux.depense.bordereaux[0].mandats = mandats
    data = pes.to_bytes(flux, business_rules=False)
    if pretty:
        tree = etree.fromstring(data)
        data = etree.tostring(tree, pretty_print=True, encoding="ISO-8859-1", xml_declaration=True)
    return data


def _read_mandats(data: bytes, **options: bool) -> tuple[list[pes.Mandat], pes.PesAller]:
    flux = pes.read(data, **options)
    assert flux.depense is not None
    return flux.depense.bordereaux[0].mandats, flux


@pytest.mark.parametrize("pretty", [False, True], ids=["one line", "indented"])
def test_pieces_of_every_shape_are_read_as_written(pretty: bool) -> None:
    mandats = _mandats(60)
    data = _file(mandats, pretty=pretty)
    for _ in range(2):  # the second reading meets only shapes already seen
        read, flux = _read_mandats(data)
        assert read == mandats
        assert flux.read_problems == []


def test_a_bad_value_in_a_known_shape_is_reported_with_its_line() -> None:
    data = _file(_mandats(12), pretty=True)
    data = data.replace(b'<IdPce V="9"/>', b'<IdPce V="9B"/>')
    line = data[: data.index(b'V="9B"')].count(b"\n") + 1
    read, flux = _read_mandats(data)
    assert [m.numero for m in read] == [*range(1, 9), None, *range(10, 13)]
    assert read[8].objet == "FOURNITURES MEDICALES 9"
    # Reported once, where it is: the element is there, its value unreadable (not "missing").
    (unreadable,) = flux.read_problems
    assert (unreadable.line, unreadable.element) == (line, f"{_INFO_PCE}/IdPce")
    assert "unreadable value '9B'" in str(unreadable)
    with pytest.raises(PesReadError, match=f"line {line}"):
        pes.read(data, strict=True)


def test_an_unknown_code_in_a_known_shape_is_read_as_the_element_reader_does() -> None:
    data = _file(_mandats(12))
    data = data.replace(b'<IdPce V="7"/><TypPce V="01"/>', b'<IdPce V="7"/><TypPce V=""/>')
    read, flux = _read_mandats(data)
    assert read[6].type is None
    assert read[6].lignes == _mandats(12)[6].lignes
    assert [p.element for p in flux.read_problems] == [f"{_INFO_PCE}/TypPce"]


def _in_piece(data: bytes, numero: int, old: bytes, new: bytes) -> bytes:
    """``data`` with the first ``old`` after mandat ``numero``'s ``IdPce`` replaced."""
    start = data.index(b'<IdPce V="%d"/>' % numero)
    at = data.index(old, start)
    return data[:at] + new + data[at + len(old) :]


def test_text_and_comments_inside_a_piece_do_not_shift_its_values() -> None:
    mandats = [mandat(numero, lignes=1) for numero in range(1, 9)]
    for piece in mandats:
        piece.lignes[0].numero = 1
    data = _file(mandats)
    # Quoted text between two elements adds parts where values were: the values that follow
    # must still land in their own fields.
    data = _in_piece(data, 3, b"<TitCpte", b'"FAUX"<TitCpte')
    data = _in_piece(data, 4, b"<IdLigne", b'"1"<IdLigne')
    data = _in_piece(data, 5, b"<TitCpte", b'<!-- "FAUX" --><TitCpte')
    data = _in_piece(data, 6, b'<IdPce V="6"/>', b'<IdPce V="6">"6"</IdPce>')
    read, flux = _read_mandats(data)
    assert read == mandats
    assert flux.read_problems == []


def test_an_unexpected_element_in_a_known_shape_is_reported() -> None:
    data = _file(_mandats(12))
    data = data.replace(b'<IdPce V="11"/>', b'<IdPce V="11"/><Bidule V="1"/>')
    read, flux = _read_mandats(data)
    assert read == _mandats(12)
    assert len(flux.read_problems) == 1
    assert "unexpected element Bidule" in str(flux.read_problems[0])
    assert flux.read_problems[0].element == f"{_INFO_PCE}/Bidule"


ALLER = [
    path
    for path in sorted((PES_DIR / "examples").glob("*.xml"))
    + sorted((PES_DIR / "samples" / "public").glob("*.xml"))
    if b"PES_Aller" in path.read_bytes()[:2000] and b"PES_ACQUIT" not in path.read_bytes()[:2000]
]


@pytest.mark.parametrize("path", ALLER, ids=lambda p: p.name)
def test_reference_files_read_alike_by_shape_and_element_by_element(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_shape = [pes.read(path) for _ in range(2)]  # the second reading knows every shape
    monkeypatch.setattr(pes_reader, "piece_reader", _compiler.reader)
    by_element = pes.read(path)
    for flux in by_shape:
        assert flux == by_element
        assert [str(p) for p in flux.read_problems] == [str(p) for p in by_element.read_problems]
