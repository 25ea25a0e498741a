"""The ``demat`` command."""

from __future__ import annotations

import json
import re

import pytest

from demat_sdk.cli import main
from demat_sdk.cli.main import build_parser
from test_docs_cli import command_paths

TIMELINE = """\
demat demo: Chorus Pro and Hélios, on the built-in emulators \
(FakeChorusPro.seeded(), FakeHelios.seeded())
  PHARMADIS SAS (supplier), technical account TECH_1_41234567000019@cpro.fr
  CHU DE VALMONT (recipient), technical account TECH_1_26130001600019@cpro.fr
  DEPARTEMENT DU HAUT-VALLON (debtor of an ASAP), technical account \
TECH_1_22740004100017@cpro.fr
  2026-01-05 09:00  Chorus Pro       health check: available
  2026-01-05 09:00                   devises: EUR, USD, GBP, CHF, XPF
  2026-01-05 09:00                   taux de TVA: TVA1 0 %, TVA2 2.1 %, TVA3 5.5 %, TVA4 10 %, \
TVA5 20 %
  2026-01-05 09:00                   cadres de facturation: A1_FACTURE_FOURNISSEUR, \
A2_FACTURE_FOURNISSEUR_DEJA_PAYEE, A9_FACTURE_SOUSTRAITANT, A12_FACTURE_COTRAITANT
  2026-01-05 09:00  PHARMADIS SAS    deposits PHX-2026-0001.xml (CII) for CHU DE VALMONT, \
service BIOMED: flux CPP0011110000000000001557
  2026-01-05 09:04  Chorus Pro       flux IN_INTEGRE: invoice PHX-2026-0001 created, \
156.00 € TTC, DEPOSEE
  2026-01-06 08:30  CHU DE VALMONT   to process: PHX-2026-0001 from PHARMADIS SAS, 156.00 € TTC, \
MISE_A_DISPOSITION
  2026-01-06 08:30  CHU DE VALMONT   downloads PHX-2026-0001 (PDF, 1 073 bytes)
  2026-01-06 10:15  CHU DE VALMONT   SUSPENDUE, motif: « PV de réception manquant »
  2026-01-07 14:00  PHARMADIS SAS    to act on: PHX-2026-0001 SUSPENDUE
  2026-01-07 14:00  PHARMADIS SAS    completes PHX-2026-0001 with pv-reception.pdf: COMPLETEE
  2026-01-08 09:10  CHU DE VALMONT   SERVICE_FAIT
  2026-01-09 16:45  CHU DE VALMONT   MANDATEE, mandat M2026-000451
  2026-01-09 16:45  PHARMADIS SAS    sees PHX-2026-0001 MANDATEE
  2026-01-10 18:00  CHU DE VALMONT   sends PESALR2_26130001600019_REC1.xml (recette: a patient's \
titre, an ASAP titre to the Département), SHA-1 b2ae8524
  2026-01-10 18:00  CHU DE VALMONT   sends PESALR2_26130001600019_DEP1.xml (dépense: bordereaux \
12 and 13), SHA-1 9072c7ad
  2026-01-11 07:30  Hélios           ACK of PESALR2_26130001600019_REC1.xml: accepté
  2026-01-11 07:30  Hélios           ACK of PESALR2_26130001600019_DEP1.xml: partiellement rejeté
  2026-01-11 07:30                   bordereau 13 (exercice 2026) / pièce 1301 / ligne 2: \
1971 - Compte fonction présent à tort
  2026-01-11 07:30  Hélios           titre 2026/41/2: its ASAP ASAP-2026-0007 is in Chorus Pro
  2026-01-11 09:30  CHU DE VALMONT   sends PESALR2_26130001600019_DEP2.xml: bordereau 13 without \
the Fonction
  2026-01-11 14:00  Hélios           ACK of PESALR2_26130001600019_DEP2.xml: accepté
  2026-01-12 09:00  DEPARTEMENT      to process: ASAP-2026-0007 from CHU DE VALMONT, \
2500.00 € TTC, MISE_A_DISPOSITION
  2026-01-12 09:00  DEPARTEMENT      SUSPENDUE, motif: « Convention de mise à disposition à \
joindre »
  2026-01-12 15:20  CHU DE VALMONT   to act on: ASAP-2026-0007 SUSPENDUE
  2026-01-12 15:20  CHU DE VALMONT   completes it with convention.pdf: COMPLETEE
  2026-01-13 10:00  DEPARTEMENT      SERVICE_FAIT
  2026-01-13 10:00  CHU DE VALMONT   sees the ASAP SERVICE_FAIT
"""


def test_demo_prints_the_chorus_pro_and_helios_exchanges_as_a_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo"]) == 0
    *timeline, done = capsys.readouterr().out.splitlines()
    assert timeline == TIMELINE.splitlines()
    # Eight days pass on the emulator's clock; the clients renew their one-hour tokens.
    assert re.fullmatch(
        r"done: 8 days of the emulator's time in \d+\.\d s; 11 PISTE tokens, "
        r"each renewed by the client after its hour",
        done,
    ), done


def test_demo_json_is_the_same_timeline_as_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [actor["role"] for actor in document["actors"]] == [
        "supplier",
        "recipient",
        "debtor of an ASAP",
    ]
    assert (document["emulated_days"], document["token_requests"]) == (8, 11)
    printed = [line for line in TIMELINE.splitlines() if line.startswith("  2026-")]
    assert len(document["timeline"]) == len(printed)
    first = document["timeline"][0]
    assert first == {
        "time": "2026-01-05T09:00:00+01:00",
        "actor": "Chorus Pro",
        "text": "health check: available",
    }
    last = document["timeline"][-1]
    assert (last["actor"], last["text"]) == ("CHU DE VALMONT", "sees the ASAP SERVICE_FAIT")


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out


LEAVES = sorted(command_paths(build_parser()))
"""Every sub-command, ``"chorus deposit"``…"""


@pytest.mark.parametrize("command", ["", *sorted({leaf.split()[0] for leaf in LEAVES}), *LEAVES])
def test_every_help_ends_with_the_exit_code_table(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([*command.split(), "--help"])
    words = " ".join(capsys.readouterr().out.split())
    assert "``" not in words  # no reST markup from a docstring
    assert words.endswith(
        "exit codes: 0 done, 1 error, 2 bad usage, 3 nothing found, 4 something to review, "
        "5 still being processed"
    )
