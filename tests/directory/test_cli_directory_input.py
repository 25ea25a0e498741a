"""``demat directory`` under mistaken input: exit codes, messages naming the culprit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from demat_sdk.cli import main

from directory_support import CHU, small_export


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "annuaire.sqlite3"
    structures, services = small_export(tmp_path)
    assert main(["directory", "import", str(structures), str(services), "--db", str(path)]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["directory", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command argparse must refuse; its stderr."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(["directory", *argv])
    assert caught.value.code == 2
    return capsys.readouterr().err


# --- hygiene --invoices --------------------------------------------------------------------


def test_invoices_in_windows_1252_name_the_file_and_line_and_take_encoding(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoices = tmp_path / "factures.csv"
    invoices.write_bytes("ACHATS;2026-10-01\nCAFÉ;2026-10-02\n".encode("cp1252"))
    code, out, err = run(capsys, "hygiene", CHU, "--invoices", str(invoices), "--db", str(db))
    assert (code, out) == (1, "")
    assert err == (
        f"demat: {invoices}: line 2: not utf-8 (byte 0xc9); give its encoding with --encoding "
        "(cp1252 for an Excel export)\n"
    )
    code, out, err = run(capsys, "hygiene", CHU, "--invoices", str(invoices), "--encoding",
                         "cp1252", "--db", str(db))  # fmt: skip
    assert (code, err) == (4, "")
    assert "CAFÉ" in out


def test_binary_invoices_give_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoices = tmp_path / "factures.csv"
    invoices.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    code, out, err = run(capsys, "hygiene", CHU, "--invoices", str(invoices), "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith(f"demat: {invoices}: line 1: not utf-8 (byte 0x89)")
    assert err.count("\n") == 1


def test_a_first_line_with_a_bad_date_is_an_error_not_a_header(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoices = tmp_path / "factures.csv"
    invoices.write_text("ACHATS;2025-13-45\nACHATS;2026-10-01\n", "utf-8")
    code, _, err = run(capsys, "hygiene", CHU, "--invoices", str(invoices), "--db", str(db))
    assert code == 1
    assert err == (
        f"demat: {invoices}: line 1: '2025-13-45' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
    )
    invoices.write_text("code service;date de dépôt\nACHATS;2026-10-01\n", "utf-8")
    assert run(capsys, "hygiene", CHU, "--invoices", str(invoices), "--db", str(db))[0] == 0


# --- bad option values: exit 2 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "x.csv", "--encoding", "bogus"], "unknown encoding: 'bogus'"),
        (["import", "x.csv", "--max-errors", "-5"], "--max-errors: must be 0 or more: '-5'"),
        (["import", "a", "b", "--base64"], "--base64 takes one file"),
        (["lookup", "--name", "x", "--limit", "0"], "--limit: must be from 1 to 10,000: '0'"),
        (["hygiene", "123"], "a SIRET has 14 digits, '123' does not"),
        (["hygiene", CHU, "--max-without-engagement", "-3"], "must be 0 or more: '-3'"),
        (["hygiene", CHU, "--encoding", "nope"], "unknown encoding: 'nope'"),
    ],
)
def test_bad_option_values_are_usage_errors(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in usage_error(capsys, *argv, "--db", str(tmp_path / "a.sqlite3"))
    assert not (tmp_path / "a.sqlite3").exists()


def test_a_folder_or_a_missing_db_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    structures, _ = small_export(tmp_path)
    code, _, err = run(capsys, "import", str(tmp_path), "--db", str(tmp_path / "a.sqlite3"))
    assert (code, err) == (2, f"demat: {tmp_path}: is a folder, not a file\n")
    code, _, err = run(capsys, "import", str(structures), "--db", str(tmp_path))
    assert (code, err) == (2, f"demat: --db {tmp_path}: is a folder, not a file\n")
    typo = tmp_path / "typo.sqlite3"
    for argv in (["info"], ["lookup", "--name", "x"], ["hygiene", CHU]):
        code, _, err = run(capsys, *argv, "--db", str(typo))
        assert code == 2
        assert err.startswith(f"demat: --db {typo}: no such file (create it with: ")
    assert not typo.exists()


# --- import ------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\x89PNG\x00garbage\xff", b"hello;world\n1;2\n"])
def test_a_failed_import_leaves_no_new_directory_file(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(content)
    new = tmp_path / "new.sqlite3"
    code, _, err = run(capsys, "import", str(export), "--db", str(new))
    assert code == 1
    assert err.startswith(f"demat: {export}")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["export.csv"]


def test_the_encoding_advice_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    structures, _ = small_export(tmp_path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(structures.read_text("utf-8").encode("cp1252"))
    code, _, err = run(capsys, "import", str(latin), "--db", str(tmp_path / "a.sqlite3"))
    assert code == 1
    assert "give --encoding cp1252" in err
    assert "encoding=" not in err


# --- lookup ------------------------------------------------------------------------------


def test_a_lookup_that_finds_nothing_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lookup", "--name", "zzz", "--db", str(db))[:2] == (
        3,
        "no structure named 'zzz' in the directory\n",
    )
    assert run(capsys, "lookup", "--postcode", "75001", "--db", str(db))[:2] == (
        3,
        "no structure at postcode 75001 in the directory\n",
    )
    assert run(capsys, "lookup", "--code-service", "NOPE", "--db", str(db))[:2] == (
        3,
        "code service NOPE: not in the directory\n",
    )
    code, out, _ = run(capsys, "lookup", "--name", "zzz", "--json", "--db", str(db))
    assert (code, json.loads(out)) == (3, {"structures": []})
