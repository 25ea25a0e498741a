"""The synthetic export: the layout of the real one, valid SIRETs, reproducible."""

from __future__ import annotations

import csv
from pathlib import Path

from demat_sdk.directory import FACTURES_PUBLIQUES
from demat_sdk.directory.export import SERVICES_HEADER, STRUCTURES_HEADER
from demat_sdk.directory.synthetic import luhn_digit, write_export
from demat_sdk.identifiers import is_valid_siret, luhn_ok


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def test_the_files_have_the_published_layout_and_the_asked_counts(tmp_path: Path) -> None:
    export = write_export(tmp_path, structures=500, services=1700, seed=9)
    structures, services = _rows(export.structures_path), _rows(export.services_path)
    assert tuple(structures[0]) == STRUCTURES_HEADER
    assert tuple(services[0]) == SERVICES_HEADER
    assert (export.structures, export.services) == (500, 1700)
    assert (len(structures) - 1, len(services) - 1) == (500, 1700)
    sirets = [row[1] for row in structures[1:]]
    assert len(set(sirets)) == 500
    assert all(is_valid_siret(siret) for siret in sirets)
    assert {row[0] for row in services[1:]} == set(sirets)
    with_factures_publiques = {row[0] for row in services[1:] if row[2] == FACTURES_PUBLIQUES}
    assert with_factures_publiques == set(sirets)
    keys = [(row[0], row[2]) for row in services[1:]]
    assert len(set(keys)) == len(keys)
    assert set(export.sample_sirets) <= set(sirets)
    assert set(export.sample_services) <= set(keys)
    assert any(not name.isascii() for name in (row[2] for row in structures[1:]))


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = write_export(tmp_path / "a", structures=50, services=120, seed=1)
    second = write_export(tmp_path / "b", structures=50, services=120, seed=1)
    other = write_export(tmp_path / "c", structures=50, services=120, seed=2)
    assert first.structures_path.read_bytes() == second.structures_path.read_bytes()
    assert first.services_path.read_bytes() == second.services_path.read_bytes()
    assert first.structures_path.read_bytes() != other.structures_path.read_bytes()


def test_a_later_week_keeps_the_base_and_changes_a_share(tmp_path: Path) -> None:
    base = _rows(write_export(tmp_path / "a", structures=1000, services=3000).structures_path)
    later = write_export(tmp_path / "b", structures=1000, services=3000, changed=0.1, dropped=0.1)
    rows = _rows(later.structures_path)
    before = {row[1]: row for row in base[1:]}
    assert 800 < later.structures < 950
    flipped = [row for row in rows[1:] if row != before[row[1]]]
    assert 50 < len(flipped) < 150
    assert all(row[:6] + row[7:] == before[row[1]][:6] + before[row[1]][7:] for row in flipped)


def test_luhn_digit() -> None:
    for body in ("1234567", "00000000", "97203", "2644001360001"):
        assert luhn_ok(body + luhn_digit(body))
