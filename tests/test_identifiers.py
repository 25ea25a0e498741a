"""Identifier checks: SIREN, SIRET (with La Poste), IBAN, BIC, NIR."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from demat_sdk.identifiers import (
    is_valid_bic,
    is_valid_iban,
    is_valid_nir,
    is_valid_siren,
    is_valid_siret,
    luhn_ok,
    siret_problem,
)


@pytest.mark.parametrize(
    ("siret", "valid"),
    [
        ("11000201100044", True),  # Chorus Pro's own SIRET
        ("35600000049837", True),  # La Poste: Luhn fails, digit sum divisible by 5
        ("35600000000048", True),  # La Poste head office: plain Luhn
        ("35600000012345", False),
        ("11000201100045", False),
        ("1100020110004", False),
        ("1100020110004A", False),
    ],
)
def test_siret(siret: str, valid: bool) -> None:
    assert is_valid_siret(siret) is valid


def test_siret_problem_says_why() -> None:
    assert siret_problem("123") == "a SIRET has 14 digits, '123' does not"
    assert "Luhn" in (siret_problem("11000201100045") or "")
    assert "La Poste" in (siret_problem("35600000012345") or "")


def test_siren() -> None:
    assert is_valid_siren("110002011")
    assert not is_valid_siren("110002012")


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_luhn_accepts_exactly_one_check_digit(prefix: str) -> None:
    valid = [digit for digit in "0123456789" if luhn_ok(prefix + digit)]
    assert len(valid) == 1


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("FR7630006000011234567890189", True),
        ("FR76 3000 6000 0112 3456 7890 189", True),
        ("DE89370400440532013000", True),
        ("FR7630006000011234567890188", False),
        ("FR763000600001123456789018", False),  # wrong length for France
        ("fr7630006000011234567890189", False),
    ],
)
def test_iban(iban: str, valid: bool) -> None:
    assert is_valid_iban(iban) is valid


@pytest.mark.parametrize(
    ("bic", "valid"),
    [("BNPAFRPP", True), ("BNPAFRPPXXX", True), ("BNPAFRP", False), ("BNP1FRPP", False)],
)
def test_bic(bic: str, valid: bool) -> None:
    assert is_valid_bic(bic) is valid


def _with_key(body: str) -> str:
    number = body.replace("2A", "19").replace("2B", "18")
    return f"{body}{97 - int(number) % 97:02d}"


def test_nir() -> None:
    assert is_valid_nir(_with_key("1850578006084"))
    assert is_valid_nir(_with_key("2850578006084").replace("", " ").strip())
    assert is_valid_nir(_with_key("18505" + "2A" + "006084"))
    assert is_valid_nir(_with_key("18505" + "2B" + "006084"))
    wrong = _with_key("1850578006084")
    assert not is_valid_nir(wrong[:-2] + f"{(int(wrong[-2:]) + 1) % 97:02d}")
    assert not is_valid_nir("185057800608")
    assert not is_valid_nir("5850578006084" + "00")
