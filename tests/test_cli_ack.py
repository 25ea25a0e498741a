"""``demat ack show``: an acquittement alone, and reconciled with the PES_Aller it answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from demat_sdk.cli import main

from return_path_support import EXAMPLES

SENT = EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml"
OK = EXAMPLES / "04a_PES_ACQUIT_ok.xml"
KO = EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml"
KO_WHOLE = EXAMPLES / "04c_PES_ACQUIT_ko_whole_flux.xml"
PJ_ID = "26380001500017DEP2025000421F0001"


def row(out: str, *cells: str) -> bool:
    """Whether a line of a printed table holds these cells, in order, as its leading columns."""
    pattern = r"\s{2,}".join(re.escape(cell) for cell in cells)
    return re.search(rf"^  {pattern}", out, re.MULTILINE) is not None


def test_an_accepted_ack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ack", "show", str(OK)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("acquittement of PESDEP_26380001500017_2025_421 (V2): all accepted")
    assert row(out, "bordereau 421 (exercice 2025)", "5 Dépense", "accepté", "0")


def test_a_rejected_ack_lists_its_anomalies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ack", "show", str(KO)]) == 4  # something to review, not a failure
    out = capsys.readouterr().out
    assert "2 element(s) rejected" in out
    assert row(
        out,
        "bordereau 421 (exercice 2025) / pièce 3017 / ligne 1",
        "ERREUR_AUTRE",
        "1971",
        "Compte fonction present a tort",
    )
    assert f"PJ {PJ_ID}" in out


def test_an_ack_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ack", "show", str(KO_WHOLE), "--json"]) == 4
    document = json.loads(capsys.readouterr().out)
    assert document["nom_fichier"] == "PESDEP_26380001500017_2025_421"
    assert document["flux_rejete"] is True
    assert document["elements"][0]["objet"] == "flux"
    assert document["elements"][0]["domaine"] == "0"
    assert document["anomalies"]


def test_reconciled_against_the_flux_sent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ack", "show", str(KO), "--against", str(SENT)]) == 4
    out = capsys.readouterr().out
    assert out.startswith("PESDEP_26380001500017_2025_421: rejeté")
    assert row(out, "bordereau dépense 2025/421", "rejeté", "oui, même numéro")
    assert row(
        out,
        "bordereau dépense 2025/421 / mandat 3017 / ligne 1",
        "rejeté",
        "avec son bordereau",
        "1971 - Compte fonction present a tort",
    )
    assert row(out, f"PJ {PJ_ID}", "rejeté", "non (IdUnique déjà intégré)")
    assert main(["ack", "show", str(OK), "--against", str(SENT)]) == 0
    assert "accepté" in capsys.readouterr().out


def test_reconciliation_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ack", "show", str(KO), "--against", str(SENT), "--json"]) == 4
    document = json.loads(capsys.readouterr().out)
    assert document["etat"] == "rejeté"
    assert document["a_renvoyer"] is True
    objets = {o["objet"]: o for o in document["objets"]}
    assert objets["bordereau dépense 2025/421"]["renvoi"] == "oui, même numéro"
    assert objets[f"PJ {PJ_ID}"]["renvoi"] == "non (IdUnique déjà intégré)"
    ligne = objets["bordereau dépense 2025/421 / mandat 3017 / ligne 1"]
    assert ligne["anomalies"] == ["1971 - Compte fonction present a tort"]


def test_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ack", "show", str(tmp_path / "absent.xml")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["ack", "show", str(OK), "--against", str(tmp_path / "absent.xml")]) == 2
    assert "absent.xml: no such file" in capsys.readouterr().err


def test_an_ack_that_does_not_answer_the_flux_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.xml"
    other.write_bytes(SENT.read_bytes().replace(b"PESDEP_26380001500017_2025_421", b"AUTRE"))
    assert main(["ack", "show", str(OK), "--against", str(other)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.startswith(f"demat: {OK} does not answer {other}: the acquittement answers")
    assert err.count("\n") == 1


def test_a_file_that_is_not_an_ack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ack", "show", str(SENT)]) == 1
    assert capsys.readouterr().err == (
        f"demat: {SENT}: a PES_Aller, not a PES_ACQUIT (acquittement); "
        f"read it with: demat pes show {SENT}\n"
    )
