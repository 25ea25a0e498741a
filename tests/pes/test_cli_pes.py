"""``demat pes validate`` and ``demat pes show``: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flux_samples import flux_depense

from demat_sdk import pes
from demat_sdk.cli import main
from demat_sdk.errors import PesTooLargeError

from tests_support import PES_DIR, XSD_DIR

EXAMPLE = PES_DIR / "examples" / "01_PES_DepenseAller_mandat_PJ.xml"


@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    path = tmp_path / "PESALR2_26380000500005_250331_001.xml"
    pes.write(flux_depense(), path)
    return path


def test_validate_a_valid_file_with_the_xsd(
    valid_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pes", "validate", str(valid_file), "--xsd-dir", str(XSD_DIR)]) == 0
    assert capsys.readouterr().out == f"{valid_file}: valid (model rules and XSD)\n"


def test_validate_takes_the_schema_set_from_the_environment(
    valid_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMAT_PES_XSD_DIR", str(XSD_DIR))
    assert main(["pes", "validate", str(valid_file)]) == 0
    assert "model rules and XSD" in capsys.readouterr().out
    monkeypatch.delenv("DEMAT_PES_XSD_DIR")
    assert main(["pes", "validate", str(valid_file)]) == 0
    assert "no XSD given" in capsys.readouterr().out


def test_validate_an_invalid_file_lists_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    text = pes.to_bytes(flux_depense()).replace(b'<IdBord V="1"/>', b'<IdBord V="X"/>')
    broken.write_bytes(text)
    assert main(["pes", "validate", str(broken), "--xsd-dir", str(XSD_DIR)]) == 4
    out = capsys.readouterr().out
    assert out.startswith(f"{broken}: invalid, ")
    assert "[read] " in out
    assert "unreadable value 'X'" in out
    assert "[xsd] " in out
    assert "IdBord" in out
    assert main(["pes", "validate", str(EXAMPLE), "--json"]) == 4
    document = json.loads(capsys.readouterr().out)
    assert document["valid"] is False
    assert document["xsd_checked"] is False
    assert document["problems"][0]["location"] == "en_tete / siret"
    assert document["problems"][0]["origin"] == "model"


def test_validate_a_file_that_is_not_xml_is_an_invalid_flux(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "not-xml.xml"
    path.write_bytes(b"<PES_Aller>")
    assert main(["pes", "validate", str(path), "--json"]) == 4
    document = json.loads(capsys.readouterr().out)
    assert document["valid"] is False
    assert document["problems"][0]["origin"] == "read"
    assert "not well-formed XML" in document["problems"][0]["message"]


def test_validate_a_file_that_cannot_be_read_is_an_error(
    valid_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(valid_file))

    monkeypatch.setattr(pes, "validate", refused)
    assert main(["pes", "validate", str(valid_file)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"demat: {valid_file}: Permission denied\n"


def test_validate_usage_errors_exit_2(
    valid_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pes", "validate", str(tmp_path / "absent.xml")]) == 2
    assert capsys.readouterr().err == f"demat: {tmp_path / 'absent.xml'}: no such file\n"
    assert main(["pes", "validate", str(valid_file), "--xsd-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("demat: no PES_V2/Rev0/PES_Aller.xsd in ")
    assert err.count("\n") == 1
    with pytest.raises(SystemExit) as caught:
        main(["pes", "validate"])
    assert caught.value.code == 2


def test_show_prints_bordereaux_pieces_totals_and_pj(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["pes", "show", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PESDEP_26380001500017_2025_421: PES_Aller of collectivité 123")
    lines = out.splitlines()
    bordereau = lines[lines.index("Bordereaux") + 3].split()
    assert bordereau == [
        "dépense",
        "2025",
        "421",
        "01",
        "2025-03-14",
        "1",
        "1",
        "1",
        "000.00",
        "200.00",
    ]
    assert "FOURNITURES MEDICALES FACTURE F2025-0042" in out
    totals = lines[lines.index("Totaux") + 3].split()
    assert totals == ["1", "1", "1", "1", "000.00", "200.00", "1"]
    assert "26380001500017DEP2025000421F0001  F2025-0042.pdf  003" in out


def test_show_as_json(valid_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pes", "show", str(valid_file), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    flux = flux_depense()
    assert flux.depense is not None
    assert document["nom_fichier"] == flux.enveloppe.nom_fichier
    assert document["totaux"]["bordereaux"] == len(flux.depense.bordereaux)
    assert document["totaux"]["lignes"] == sum(
        len(m.lignes) for b in flux.depense.bordereaux for m in b.mandats
    )
    expected_ht = sum(
        (
            ligne.montant_ht
            for b in flux.depense.bordereaux
            for m in b.mandats
            for ligne in m.lignes
        ),
    )
    assert document["totaux"]["montant_ht"] == f"{expected_ht:.2f}"
    assert document["bordereaux"][0]["type"] == "01"
    assert [pj["id_unique"] for pj in document["pj"]] == [
        pj.id_unique for pj in (flux.pj.pieces_justificatives if flux.pj else [])
    ]


def test_show_an_unreadable_file_says_it_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "not-xml.xml"
    path.write_bytes(b"<PES_Aller>")
    assert main(["pes", "show", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"demat: {path}: line 1: not well-formed XML")
    assert err.count("\n") == 1
    with pytest.raises(Exception, match="not well-formed"):
        main(["--debug", "pes", "show", str(path)])


def test_a_pj_above_10_mb_needs_huge_tree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.xml"
    pes.write(flux_depense(mandats=1, pj_size=8_000_000), path)
    assert main(["pes", "show", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"demat: {path}: ")
    assert "a PJ is larger than 10 MB, the hardened parser's limit for a text; " in err
    assert err.endswith("re-run with --huge-tree if you trust the file\n")
    assert err.count("line ") == 1  # the line is given once, where the file is named
    assert "huge_tree=True" not in err
    assert main(["pes", "show", str(path), "--huge-tree", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pj"][0]["taille"] == 8_000_000
    assert main(["pes", "validate", str(path), "--huge-tree"]) == 0


def test_a_file_beyond_a_limit_of_the_reader_is_named_with_the_option_to_lift_it(
    valid_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def too_large(*args: object, **kwargs: object) -> None:
        raise PesTooLargeError("a PJ is larger than 10 MB", limit="huge_tree", line=3)

    monkeypatch.setattr(pes, "validate", too_large)
    assert main(["pes", "validate", str(valid_file)]) == 1
    assert capsys.readouterr().err == (
        f"demat: {valid_file}: line 3: a PJ is larger than 10 MB; "
        "re-run with --huge-tree if you trust the file\n"
    )
