"""The ``demat`` command."""

from __future__ import annotations

import pytest

from demat_sdk.cli import main


def test_demo_runs_against_the_emulators(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "health check: available" in out
    assert "EUR" in out
    assert "A1_FACTURE_FOURNISSEUR" in out
    assert "1 PISTE token request" in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out
