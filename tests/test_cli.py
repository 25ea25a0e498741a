"""The ``demat`` command."""

from __future__ import annotations

import re

import pytest

from demat_sdk.cli import main

TIMELINE = """\
demat demo: Chorus Pro, on the built-in emulator (FakeChorusPro.seeded())
  PHARMADIS SAS (supplier), technical account TECH_1_41234567000019@cpro.fr
  CHU DE VALMONT (recipient), technical account TECH_1_26130001600019@cpro.fr
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
"""


def test_demo_prints_the_chorus_pro_exchange_as_a_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo"]) == 0
    *timeline, done = capsys.readouterr().out.splitlines()
    assert timeline == TIMELINE.splitlines()
    # Four days pass on the emulator's clock; the clients renew their one-hour tokens.
    assert re.fullmatch(
        r"done: 4 days of the emulator's time in \d+\.\d s; 7 PISTE tokens, "
        r"each renewed by the client after its hour",
        done,
    ), done


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out
