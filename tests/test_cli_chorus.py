"""``demat chorus``: deposit, flux, show and todo against the Chorus Pro emulator served over HTTP.

The command reads its credentials and URLs from the environment, as a user's shell gives them;
each test points them at a served, seeded emulator whose clock follows real time with short
processing steps, so that ``--wait`` sees a flux go through in a fraction of a second.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import socket
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from demat_sdk.chorus.enums import EtatFlux, StatutFacture, SyntaxeFlux
from demat_sdk.cli import chorus_flux, main
from demat_sdk.cli import emulator as emulator_cli
from demat_sdk.cli.flux_syntax import deduce_syntaxe
from demat_sdk.errors import AuthenticationError
from demat_sdk.testing import FakeChorusPro, FakeClock, Timings
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii, facturx_pdf, tar_gz, ubl

pytestmark = [pytest.mark.server, pytest.mark.enable_socket]

PHARMADIS = "41234567000019"
VALMONT = "26130001600019"
BIOMEDIKA = "52345678800026"
JSON_KEYS = {
    "numero_flux_depot",
    "nom_fichier",
    "syntaxe_flux",
    "date_depot",
    "etat",
    "termine",
    "factures",
    "erreurs_dp",
    "erreurs_techniques",
}
"""The keys of ``demat chorus deposit --json`` and ``flux --json``, whatever happened."""
WAIT_BRIEFLY = ("--wait", "--timeout", "0.05", "--interval", "0.01")
STEP = 0.02  # seconds of real time between two states of a flux on the served emulator


def invoice(
    numero: str,
    *,
    destinataire: str = VALMONT,
    service: str = "BIOMED",
    fournisseur: str = PHARMADIS,
) -> bytes:
    return cii(
        SampleInvoice(
            numero=numero,
            fournisseur=fournisseur,
            destinataire=destinataire,
            code_service=service,
            lines=(Line("Seringues 10 ml", "200", "0.35", "20"),),
        )
    )


def flux_file(folder: Path, numero: str, **details: str) -> Path:
    """A CII invoice written to ``<numero>.xml`` in ``folder``."""
    path = folder / f"{numero}.xml"
    path.write_bytes(invoice(numero, **details))
    return path


def partly_refused_lot(folder: Path, accepted: str, refused: str) -> Path:
    """``lot.tar.gz`` with two invoices, the second to a recipient Chorus Pro does not know."""
    path = folder / "lot.tar.gz"
    path.write_bytes(
        tar_gz(
            [
                ("bonne.xml", invoice(accepted)),
                ("inconnue.xml", invoice(refused, destinataire="11111111111111")),
            ]
        )
    )
    return path


class Served:
    """A served emulator, and the environment that points ``demat chorus`` at it."""

    def __init__(self, fake: FakeChorusPro, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fake = fake
        self.url = url
        self.monkeypatch = monkeypatch
        monkeypatch.setenv("DEMAT_API_BASE_URL", url)
        monkeypatch.setenv("DEMAT_TOKEN_URL", url + "/api/oauth/token")
        monkeypatch.setenv("DEMAT_PISTE_CLIENT_ID", fake.credentials.client_id)
        monkeypatch.setenv(
            "DEMAT_PISTE_CLIENT_SECRET", fake.credentials.client_secret.get_secret_value()
        )
        monkeypatch.delenv("DEMAT_ENVIRONMENT", raising=False)
        self.log_in(PHARMADIS)

    def log_in(self, siret: str) -> None:
        """Use the technical account of a seeded structure."""
        account = self.fake.world.accounts[siret]
        self.monkeypatch.setenv("DEMAT_CPRO_LOGIN", account.login)
        self.monkeypatch.setenv("DEMAT_CPRO_PASSWORD", account.password.get_secret_value())

    def deliver(
        self, *numeros_and_services: tuple[str, str], fournisseur: str = PHARMADIS
    ) -> list[int]:
        """Have a supplier deposit invoices to the CHU, and let them reach it; their ids."""
        files = [
            (f"{n}.xml", invoice(n, service=s, fournisseur=fournisseur))
            for n, s in numeros_and_services
        ]
        with self.fake.client(account=self.fake.world.accounts[fournisseur]) as c:
            recu = c.factures.deposer_flux(
                fichier=tar_gz(files),
                nom_fichier="lot.tar.gz",
                syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B,
            )
            assert recu.numero_flux_depot is not None
            self.fake.run_until_idle()
            found = c.factures.rechercher_fournisseur(numero_flux_depot=recu.numero_flux_depot)
            return [f.identifiant_facture_cpp for f in found.auto_paging_iter()]  # type: ignore[misc]


def serve(monkeypatch: pytest.MonkeyPatch, flux_step: float = STEP) -> Iterator[Served]:
    clock = FakeClock(follow_real_time=True)
    fake = FakeChorusPro.seeded(
        clock=clock, timings=Timings(flux_step=flux_step, mise_a_disposition=flux_step)
    )
    with fake.serve() as url:
        yield Served(fake, url, monkeypatch)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    yield from serve(monkeypatch)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    """A platform that takes an hour per processing step."""
    yield from serve(monkeypatch, flux_step=3600)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["chorus", *argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- deposit ---------------------------------------------------------------------------------


def test_deposit_prints_the_numero_flux_depot_and_deduces_cii(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0001")
    code, out, err = run(capsys, "deposit", str(path))
    [flux] = served.fake.state.flux.records.values()
    assert (code, err) == (0, "")
    assert out == f"F-0001.xml deposited (IN_DP_E1_CII_16B): flux {flux.numero}\n"
    assert flux.syntaxe is SyntaxeFlux.IN_DP_E1_CII_16B
    assert flux.nom_fichier == "F-0001.xml"


def test_deposit_wait_reports_the_invoices_created_as_json(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0002")
    code, out, err = run(capsys, "deposit", str(path), "--wait", "--interval", "0.01", "--json")
    document = json.loads(out)
    assert (code, err) == (0, "")
    assert set(document) == JSON_KEYS
    assert document["etat"] == "IN_INTEGRE"
    assert document["termine"] is True
    [facture] = document["factures"]
    assert facture["numero_facture"] == "F-0002"
    assert facture["code_destinataire"] == VALMONT
    assert facture["montant_ttc"] == "84.00"  # amounts as strings, with their cents
    assert document["erreurs_dp"] == []


def test_deposit_wait_of_a_flux_partly_refused_shows_the_refusals_and_exits_4(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = partly_refused_lot(tmp_path, "F-0003", "F-0004")
    code, out, _ = run(capsys, "deposit", str(path), "--wait", "--interval", "0.01")
    assert code == 4
    lines = out.splitlines()
    assert lines[0].startswith("lot.tar.gz deposited (IN_DP_E1_CII_16B): flux CPP")
    assert re.search(r"flux CPP\d+: IN_INTEGRE_PARTIEL, 1 invoice created", out)
    assert "Factures refusées" in out
    [refused] = [line for line in lines if "F-0004" in line]
    assert "11111111111111" in refused


def test_deposit_wait_of_a_rejected_flux_exits_4_with_the_state(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0005", destinataire="11111111111111")
    code, out, _ = run(capsys, "deposit", str(path), "--wait", "--interval", "0.01", "--json")
    document = json.loads(out)
    assert code == 4
    assert document["etat"] == EtatFlux.IN_REJETE.value
    assert document["factures"] == []
    [erreur] = document["erreurs_dp"]
    assert erreur["numero_dp"] == "F-0005"


def test_deposit_wait_ends_with_5_when_the_flux_is_still_being_processed(
    slow: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0006")
    argv = ("deposit", str(path), *WAIT_BRIEFLY)
    code, out, _ = run(capsys, *argv)
    [flux] = slow.fake.state.flux.records.values()
    assert code == 5
    assert out.splitlines()[-1].startswith(f"flux {flux.numero}: still IN_RECU after ")
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 5
    assert json.loads(out)["termine"] is False


def test_ctrl_c_while_waiting_says_how_to_follow_the_flux_again(
    slow: Served,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def pressed(self: chorus_flux.WaitProgress, seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(chorus_flux.WaitProgress, "__call__", pressed)
    path = flux_file(tmp_path, "F-0016")
    code, _, err = run(capsys, "deposit", str(path), *WAIT_BRIEFLY, "--progress")
    [flux] = slow.fake.state.flux.records.values()
    hint = f"demat: interrupted; follow it with: demat chorus flux {flux.numero} --wait\n"
    assert (code, err.rsplit("\r\x1b[K", 1)[-1]) == (130, hint)
    code, _, err = run(capsys, "flux", flux.numero, *WAIT_BRIEFLY, "--progress")
    assert (code, err.rsplit("\r\x1b[K", 1)[-1]) == (130, hint)


def test_deposit_without_wait_and_pending_give_the_same_json_keys(
    slow: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0009")
    _, deposited, _ = run(capsys, "deposit", str(path), "--json")
    _, pending, _ = run(capsys, "deposit", str(path), *WAIT_BRIEFLY, "--json")
    assert set(json.loads(deposited)) == set(json.loads(pending)) == JSON_KEYS
    assert json.loads(deposited)["etat"] is None
    assert json.loads(pending)["etat"] == "IN_RECU"


def test_a_failure_after_the_deposit_names_the_flux_deposited(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served.fake.faults.add("malformed_json", operation="consulterCRDetaille")
    path = flux_file(tmp_path, "F-0010")
    code, out, err = run(capsys, "deposit", str(path), "--wait", "--json")
    [flux] = served.fake.state.flux.records.values()
    assert code == 1
    opening = f"flux {flux.numero} was deposited, but following it failed: "
    assert err.startswith(f"demat: {opening}")
    assert err.count("\n") == 1
    # --json: the error is a JSON document on stdout too, for a program that parses it.
    assert json.loads(out)["error"]["message"].startswith(opening)


def test_deposit_shows_its_progress_on_stderr_when_asked(
    slow: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0007")
    argv = ("deposit", str(path), *WAIT_BRIEFLY)
    code, _, err = run(capsys, *argv, "--progress")
    assert code == 5
    assert "being processed, waited 0 s of 0 s" in err
    assert err.endswith("\r\x1b[K")
    _, _, quiet = run(capsys, *argv)  # stderr is not a terminal here
    assert quiet == ""


def test_deposit_of_a_file_whose_syntax_cannot_be_told_asks_for_syntaxe(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "facture.txt"
    path.write_text("not an invoice")
    code, out, err = run(capsys, "deposit", str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "cannot tell its syntax" in err
    assert "--syntaxe" in err
    assert served.fake.state.flux.records == {}


def test_deposit_with_an_explicit_syntaxe_sends_it(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0008")
    code, out, _ = run(capsys, "deposit", str(path), "--syntaxe", "IN_DP_E2_CII_MIN_16B")
    [flux] = served.fake.state.flux.records.values()
    assert code == 0
    assert "(IN_DP_E2_CII_MIN_16B)" in out
    assert flux.syntaxe is SyntaxeFlux.IN_DP_E2_CII_MIN_16B


def test_deposit_of_a_missing_file_is_a_usage_error(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "deposit", str(tmp_path / "absent.xml"))
    assert code == 2
    assert err == f"demat: {tmp_path / 'absent.xml'}: no such file\n"


# --- flux ------------------------------------------------------------------------------------


def test_a_flux_still_pending_after_deposit_is_followed_again_to_its_end(
    slow: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = flux_file(tmp_path, "F-0301")
    code, out, _ = run(capsys, "deposit", str(path), *WAIT_BRIEFLY)
    [flux] = slow.fake.state.flux.records.values()
    numero = flux.numero
    assert code == 5
    assert out.splitlines()[-1].endswith(f"; follow it with: demat chorus flux {numero} --wait")

    code, out, err = run(capsys, "flux", numero)  # one look
    assert (code, err) == (5, "")
    assert out == (
        f"flux {numero}: IN_RECU, still being processed; "
        f"follow it with: demat chorus flux {numero} --wait\n"
    )

    code, out, err = run(capsys, "flux", numero, *WAIT_BRIEFLY, "--progress")
    assert code == 5
    assert out.splitlines()[0] == f"flux {numero}: IN_RECU, waiting…"
    assert out.splitlines()[-1].startswith(f"flux {numero}: still IN_RECU after ")
    assert f"flux {numero}: being processed, waited 0 s of 0 s" in err

    slow.fake.run_until_idle()  # Chorus Pro processes it meanwhile
    code, out, err = run(capsys, "flux", numero)
    assert (code, err) == (0, "")
    assert out.startswith(f"flux {numero}: IN_INTEGRE, 1 invoice created\n")
    [row] = [line for line in out.splitlines() if "F-0301" in line]
    assert "CHU DE VALMONT" in row

    code, out, _ = run(capsys, "flux", numero, "--wait", "--json")
    document = json.loads(out)
    assert code == 0
    assert set(document) == JSON_KEYS
    assert (document["numero_flux_depot"], document["etat"]) == (numero, "IN_INTEGRE")
    assert document["termine"] is True
    assert document["date_depot"] is not None
    assert document["nom_fichier"] is None
    assert [f["numero_facture"] for f in document["factures"]] == ["F-0301"]


def test_flux_wait_follows_the_processing_and_shows_the_refusals(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = partly_refused_lot(tmp_path, "F-0302", "F-0303")
    run(capsys, "deposit", str(path))
    [flux] = served.fake.state.flux.records.values()
    code, out, _ = run(capsys, "flux", flux.numero, "--wait", "--interval", "0.01", "--json")
    document = json.loads(out)
    assert code == 4
    assert set(document) == JSON_KEYS
    assert document["etat"] == EtatFlux.IN_INTEGRE_PARTIEL.value
    assert document["syntaxe_flux"] is None
    assert [f["numero_facture"] for f in document["factures"]] == ["F-0302"]
    assert [e["numero_dp"] for e in document["erreurs_dp"]] == ["F-0303"]


def test_flux_pending_and_finished_give_the_same_json_keys(
    slow: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "deposit", str(flux_file(tmp_path, "F-0304")))
    [flux] = slow.fake.state.flux.records.values()
    code, out, _ = run(capsys, "flux", flux.numero, "--syntaxe", "IN_DP_E1_CII_16B", "--json")
    pending = json.loads(out)
    assert code == 5
    assert set(pending) == JSON_KEYS
    assert (pending["etat"], pending["termine"], pending["factures"]) == ("IN_RECU", False, [])
    assert pending["syntaxe_flux"] == "IN_DP_E1_CII_16B"


def test_flux_unknown_to_chorus_pro_exits_3(
    served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "flux", "CPP0011110000000000009999")
    assert (code, out) == (3, "")
    assert err.startswith(
        "demat: flux CPP0011110000000000009999: not known to Chorus Pro for this account ("
    )
    assert err.count("\n") == 1
    run(capsys, "deposit", str(flux_file(tmp_path, "F-0305")))
    [flux] = served.fake.state.flux.records.values()
    served.log_in(VALMONT)  # another account does not see the supplier's flux
    code, out, err = run(capsys, "flux", flux.numero, "--wait", "--json")
    document = json.loads(out)
    assert code == 3
    assert set(document) == JSON_KEYS
    assert (document["etat"], document["termine"]) == (None, False)
    assert f"flux {flux.numero}: not known" in err


def test_a_failure_while_following_a_flux_names_it_in_one_line(
    slow: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "deposit", str(flux_file(tmp_path, "F-0306")))
    [flux] = slow.fake.state.flux.records.values()
    slow.fake.faults.add("malformed_json", operation="consulterCRDetaille", skip=1)
    code, out, err = run(capsys, "flux", flux.numero, *WAIT_BRIEFLY, "--json")
    assert code == 1
    assert err.startswith(f"demat: following flux {flux.numero} failed: ")
    assert err.count("\n") == 1
    assert json.loads(out)["error"]["exit_code"] == 1


def test_the_help_of_deposit_points_at_flux(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["chorus", "deposit", "--help"])
    assert "then 'demat chorus flux NUMERO --wait' follows it again" in " ".join(
        capsys.readouterr().out.split()
    )


# --- errors ----------------------------------------------------------------------------------


def test_bad_credentials_give_one_line_and_exit_1_without_the_secret(
    served: Served,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DEMAT_PISTE_CLIENT_SECRET", "wrong-secret-4242")
    code, out, err = run(capsys, "todo")
    assert (code, out) == (1, "")
    assert err.startswith("demat: token: HTTP 400: PISTE refused the token request")
    assert err.count("\n") == 1
    assert "wrong-secret-4242" not in err


def test_a_wrong_password_gives_one_line_without_it(
    served: Served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEMAT_CPRO_PASSWORD", "not-the-password-1234")
    code, out, err = run(capsys, "show", "1")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert err.startswith("demat: ")
    assert "not-the-password-1234" not in err


def test_a_missing_variable_is_named(
    served: Served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DEMAT_CPRO_LOGIN")
    monkeypatch.setenv("DEMAT_PISTE_CLIENT_SECRET", " ")
    code, _, err = run(capsys, "todo")
    assert code == 1
    # Every missing variable at once, and no argument the command does not have.
    assert err == ("demat: missing credentials: set DEMAT_PISTE_CLIENT_SECRET, DEMAT_CPRO_LOGIN\n")


def test_debug_lets_the_whole_trace_through(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMAT_PISTE_CLIENT_SECRET", "wrong-secret-4242")
    with pytest.raises(AuthenticationError):
        main(["--debug", "chorus", "todo"])


# --- show ------------------------------------------------------------------------------------


def test_show_by_id_as_the_recipient_prints_the_invoice_and_its_history(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    [identifiant] = served.deliver(("F-0101", "BIOMED"))
    served.log_in(VALMONT)
    code, out, err = run(capsys, "show", str(identifiant))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"invoice F-0101 (id {identifiant}, as destinataire): MISE_A_DISPOSITION"
    assert lines[1] == f"  fournisseur   PHARMADIS SAS ({PHARMADIS})"
    assert lines[2].startswith(f"  destinataire  CHU DE VALMONT ({VALMONT}), service BIOMED")
    assert "TTC 84.00 EUR" in lines[4]
    assert "Historique des statuts" in out
    history = out.split("Historique des statuts", 1)[1]
    assert history.index("DEPOSEE") < history.index("MISE_A_DISPOSITION")


def test_show_by_number_falls_back_to_the_supplier_view(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    [identifiant] = served.deliver(("F-0102", "BIOMED"))
    code, out, _ = run(capsys, "show", "F-0102", "--json")  # PHARMADIS: supplier only
    document = json.loads(out)
    assert code == 0
    assert set(document) == {"role", "facture", "historique"}
    assert document["role"] == "fournisseur"
    assert document["facture"]["identifiant_facture_cpp"] == identifiant
    assert document["facture"]["statut"] == StatutFacture.MISE_A_DISPOSITION.value
    assert document["facture"]["destinataire"]["code_service"] == "BIOMED"
    assert [h["statut"] for h in document["historique"]][-1] == "MISE_A_DISPOSITION"


def test_show_of_an_unknown_invoice_exits_3(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    served.log_in(VALMONT)
    code, out, err = run(capsys, "show", "999999")
    assert (code, out) == (3, "")
    assert err.startswith("demat: invoice 999999: not found for this account (as destinataire: ")
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "show", "F-NOPE", "--json")
    assert code == 3
    assert json.loads(out) == {"role": None, "facture": None}


def test_show_of_a_number_shared_by_several_invoices_lists_them_and_exits_4(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    served.deliver(("F-0103", "BIOMED"))
    served.deliver(("F-0103", "DAL"), fournisseur=BIOMEDIKA)  # another supplier, same number
    served.log_in(VALMONT)
    code, out, _ = run(capsys, "show", "--as", "destinataire", "F-0103")
    assert code == 4
    assert out.startswith("invoice number F-0103: 2 invoices (as destinataire)")


# --- todo ------------------------------------------------------------------------------------


def test_todo_lists_every_page_of_invoices_to_process(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = served.deliver(*[(f"F-02{n:02}", "BIOMED" if n % 3 else "DAL") for n in range(12)])
    served.log_in(VALMONT)
    code, out, _ = run(capsys, "todo", "--json")
    document = json.loads(out)
    assert code == 0
    assert [s["identifiant"] for s in document["structures"]] == [VALMONT]
    assert sorted(f["identifiant_facture_cpp"] for f in document["factures"]) == sorted(ids)
    assert {f["statut"] for f in document["factures"]} == {"MISE_A_DISPOSITION"}

    code, out, _ = run(capsys, "todo", "--service", "DAL", "--structure", VALMONT)
    assert code == 0
    assert out.startswith(f"4 invoices to process for CHU DE VALMONT ({VALMONT})\n")
    rows = [line for line in out.splitlines() if "F-02" in line]
    assert len(rows) == 4
    assert all(" DAL " in row for row in rows)

    code, out, _ = run(capsys, "todo", "--limit", "3", "--json")
    assert len(json.loads(out)["factures"]) == 3


def test_todo_with_nothing_to_process_exits_3(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    served.log_in(VALMONT)
    code, out, _ = run(capsys, "todo")
    assert code == 3
    assert out.startswith("0 invoices to process for CHU DE VALMONT")
    assert "(none)" in out


def test_todo_of_a_structure_the_account_does_not_receive_for_exits_3(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    served.log_in(VALMONT)
    code, out, err = run(capsys, "todo", "--structure", "26690002600011")
    assert (code, out) == (3, "")
    assert err == "demat: structure 26690002600011: the account receives no invoices for it\n"


# --- the syntax of a flux --------------------------------------------------------------------


def _sample(numero: str = "F-1") -> SampleInvoice:
    return SampleInvoice(numero=numero, fournisseur=PHARMADIS, destinataire=VALMONT)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (cii(_sample()), SyntaxeFlux.IN_DP_E1_CII_16B),
        (ubl(_sample()), SyntaxeFlux.IN_DP_E1_UBL_INVOICE),
        (facturx_pdf(cii(_sample())), SyntaxeFlux.IN_DP_E2_CII_FACTURX),
        (
            tar_gz([("a.xml", cii(_sample("A"))), ("b.xml", cii(_sample("B")))]),
            SyntaxeFlux.IN_DP_E1_CII_16B,
        ),
        (tar_gz([("a.xml", cii(_sample("A"))), ("b.xml", ubl(_sample("B")))]), None),
        (b"%PDF-1.7\n% a plain PDF, no embedded invoice\n", None),
        (b"<PES_Facture/>", None),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>', None),
        (b"not xml at all", None),
        (b"\x1f\x8b broken gzip", None),
    ],
    ids=["cii", "ubl", "facturx", "tar-cii", "tar-mixed", "pdf", "pes", "doctype", "text", "gzip"],
)
def test_the_syntax_is_deduced_only_when_sure(content: bytes, expected: SyntaxeFlux | None) -> None:
    assert deduce_syntaxe(io.BytesIO(content)) is expected


def test_an_archive_of_directories_only_has_no_syntax() -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.addfile(tarfile.TarInfo("vide/"))
    assert deduce_syntaxe(io.BytesIO(buffer.getvalue())) is None


# --- from the emulator's banner to demat chorus ----------------------------------------------


def test_the_exports_of_demat_emulator_serve_let_demat_chorus_in(
    served: Served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [name for name in os.environ if name.startswith("DEMAT_")]:
        monkeypatch.delenv(name)
    options = argparse.Namespace(empty=False, frozen_clock=False, host="127.0.0.1", json=False)
    emulator_cli._banner(served.fake, served.url, options)  # what 'demat emulator serve' prints
    banner = capsys.readouterr().out
    exports = [
        line.split()[1:] for line in banner.splitlines() if line.strip().startswith("export ")
    ]
    assert len(exports) == 5
    for assignment in (item for export in exports for item in export):
        name, _, value = assignment.partition("=")
        monkeypatch.setenv(name, value)
    code, out, err = run(capsys, "todo")
    assert (code, err) == (3, "")
    assert out.startswith(f"0 invoices to process for CHU DE VALMONT ({VALMONT})")


def test_a_port_already_taken_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["emulator", "serve", "--port", str(port)])
    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err.startswith(f"demat: cannot listen on 127.0.0.1:{port}: ")
    assert captured.err.count("\n") == 1


def test_a_network_failure_names_the_variables_of_the_urls(
    served: Served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The library names the address that failed; the command adds where it comes from.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nothing listens there once closed
    monkeypatch.setenv("DEMAT_TOKEN_URL", f"http://127.0.0.1:{port}/token")
    code, out, err = run(capsys, "todo")
    assert (code, out) == (1, "")
    assert err.endswith(
        "; check the network, or the variables DEMAT_API_BASE_URL, DEMAT_TOKEN_URL and "
        "DEMAT_ENVIRONMENT\n"
    )
    assert err.count("\n") == 1
