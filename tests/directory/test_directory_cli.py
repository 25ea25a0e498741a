"""``demat directory``: import, lookup, hygiene, info; JSON, exit codes, progress, errors."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import pytest

from demat_sdk.cli import main
from demat_sdk.cli.directory import ProgressBar
from demat_sdk.directory import ExportKind, ImportPhase, ImportProgress

from directory_support import (
    CHU,
    EHPAD,
    service_row,
    small_export,
    structure_row,
    write_services,
    write_structures,
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A directory file with the small export imported."""
    path = tmp_path / "annuaire.sqlite3"
    structures, services = small_export(tmp_path)
    assert main(["directory", "import", str(structures), str(services), "--db", str(path)]) == 0
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_prints_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    structures, services = small_export(tmp_path)
    db = tmp_path / "a.sqlite3"
    code, out, err = _run(capsys, "directory", "import", str(structures), str(services),
                          "--db", str(db))  # fmt: skip
    assert code == 0
    assert f"imported into {db}" in out
    assert "structures: 3 rows, 3 added, 0 updated, 0 unchanged, 0 withdrawn, 0 refused" in out
    assert "services: 6 rows, 6 added" in out
    assert err == ""  # no progress bar when stderr is not a terminal


def test_import_json_and_exit_code_4_when_rows_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    structures = write_structures(
        tmp_path / "s.csv", [structure_row(CHU, "CHU"), structure_row(CHU[:-1] + "0", "bad")]
    )
    code, out, _ = _run(capsys, "directory", "import", str(structures), "--json",
                        "--db", str(tmp_path / "a.sqlite3"))  # fmt: skip
    assert code == 4
    data = json.loads(out)
    assert data["structures"] == {
        "rows": 2, "refused": 1, "added": 1, "updated": 0, "unchanged": 0, "withdrawn": 0,
    }  # fmt: skip
    assert data["services"] is None
    [issue] = data["issues"]
    assert (issue["source"], issue["line"], issue["column"]) == (str(structures), 3, "Identifiant")


def test_a_failed_import_is_one_line_on_stderr_and_exit_1(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.csv"
    other.write_text("hello;world\n1;2\n", "utf-8")
    code, out, err = _run(capsys, "directory", "import", str(other), "--db", str(db))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"demat: {other}, line 1: ")
    assert "other.csv, line 1: not a file of the Chorus Pro directory export" in err


def test_a_missing_file_is_a_usage_error(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.csv"
    code, out, err = _run(capsys, "directory", "import", str(missing), "--db", str(db))
    assert (code, out, err) == (2, "", f"demat: {missing}: no such file\n")
    code, out, err = _run(capsys, "directory", "hygiene", CHU, "--invoices", str(missing),
                          "--db", str(db))  # fmt: skip
    assert (code, out, err) == (2, "", f"demat: {missing}: no such file\n")


def test_import_of_the_base64_download(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    structures, services = small_export(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(structures, "structures.csv")
        archive.write(services, "services.csv")
    saved = tmp_path / "fichierResultat.b64"
    saved.write_text(base64.b64encode(buffer.getvalue()).decode())
    code, out, _ = _run(capsys, "directory", "import", "--base64", str(saved), "--json",
                        "--db", str(tmp_path / "a.sqlite3"))  # fmt: skip
    assert code == 0
    assert json.loads(out)["sources"] == [
        "telechargerAnnuaireDestinataire!structures.csv",
        "telechargerAnnuaireDestinataire!services.csv",
    ]


def test_the_progress_bar_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    structures, _ = small_export(tmp_path)
    code, _, err = _run(capsys, "directory", "import", str(structures), "--progress",
                        "--db", str(tmp_path / "a.sqlite3"))  # fmt: skip
    assert code == 0
    assert "reading structures.csv: [" in err
    assert "100% 3 rows" in err
    assert "merging into the directory" in err


def test_the_progress_bar_drawing() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar(ImportProgress(ImportPhase.READING, "a.zip!x/services.csv", ExportKind.SERVICES,
                       20_000, 500, 1000))  # fmt: skip
    assert stream.getvalue() == (
        "\r  reading services.csv: [###############...............]  50% 20,000 rows\x1b[K"
    )
    bar(ImportProgress(ImportPhase.READING, "s.csv", ExportKind.SERVICES, 40_000, 500, None))
    assert stream.getvalue().endswith("\r  reading s.csv:       40,000 rows\x1b[K")
    bar(ImportProgress(ImportPhase.DONE))
    assert stream.getvalue().endswith("\r\x1b[K")


def test_lookup_by_siret(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directory", "lookup", "--siret", CHU, "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{CHU}  Centre hospitalier universitaire de Nantes  44000 NANTES  [active]"
    assert "  requirement: code_service" in lines
    assert "  engagement juridique required: no" in lines
    assert "    ACHATS  Direction des achats  [active, EJ required]" in lines
    assert "    PHARMACIE  Pharmacie  [inactive]" in lines


def test_lookup_by_siret_and_code_in_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directory", "lookup", "--siret", CHU, "--code-service",
                        "ACHATS", "--json", "--db", str(db))  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["structure"]["identifiant"] == CHU
    assert data["structure"]["type_identifiant"] == "SIRET"
    assert data["structure"]["withdrawn_on"] is None
    assert data["routing"]["engagement_required"] is True
    assert data["routing"]["service_found"] is True
    assert [service["code"] for service in data["services"]] == [
        "ACHATS",
        "FACTURES_PUBLIQUES",
        "PHARMACIE",
    ]


def test_lookup_not_found_is_exit_3(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directory", "lookup", "--siret", "11000201100044",
                        "--db", str(db))  # fmt: skip
    assert (code, out) == (3, "11000201100044: not in the directory\n")
    code, out, _ = _run(capsys, "directory", "lookup", "--siret", CHU, "--code-service", "NOPE",
                        "--db", str(db))  # fmt: skip
    assert code == 3
    assert "code service NOPE: unknown to this structure" in out
    assert _run(capsys, "directory", "lookup", "--name", "zzz", "--db", str(db))[0] == 3


def test_lookup_by_name_postcode_and_code(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directory", "lookup", "--name", "nantes", "--contains",
                        "--db", str(db))  # fmt: skip
    assert code == 0
    assert [line.split("  ")[0] for line in out.splitlines()] == [CHU, "21440109300015"]
    code, out, _ = _run(capsys, "directory", "lookup", "--postcode", "85000", "--json",
                        "--db", str(db))  # fmt: skip
    assert [s["identifiant"] for s in json.loads(out)["structures"]] == [EHPAD]
    code, out, _ = _run(capsys, "directory", "lookup", "--code-service", "VOIRIE",
                        "--db", str(db))  # fmt: skip
    assert out == "21440109300015  VOIRIE  Voirie  [active]\n"


def test_lookup_needs_a_criterion(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["directory", "lookup", "--db", str(db)])
    assert caught.value.code == 2
    assert "one of --siret, --name, --postcode or --code-service" in capsys.readouterr().err


def test_an_invalid_siret_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["directory", "lookup", "--siret", "123", "--db", str(db)])
    assert caught.value.code == 2
    assert "--siret: a SIRET has 14 digits, '123' does not" in capsys.readouterr().err


def test_lookup_without_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "directory", "lookup", "--siret", CHU,
                        "--db", str(tmp_path / "none.sqlite3"))  # fmt: skip
    assert code == 2
    assert err == (
        f"demat: --db {tmp_path / 'none.sqlite3'}: no such file "
        f"(create it with: demat directory import --db {tmp_path / 'none.sqlite3'} FILE)\n"
    )


def test_hygiene_with_invoices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.sqlite3"
    structures = write_structures(tmp_path / "s.csv", [structure_row(CHU, "CHU")])
    services = write_services(
        tmp_path / "v.csv",
        [service_row(CHU, "ACHATS"), service_row(CHU, "ANCIEN", active=False)],
    )
    assert main(["directory", "import", str(structures), str(services), "--db", str(db)]) == 0
    assert _run(capsys, "directory", "hygiene", CHU, "--db", str(db))[0] == 0
    invoices = tmp_path / "factures.csv"
    invoices.write_text("code_service;date\nACHATS;2026-10-01\nANCIEN;15/10/2026\n")
    code, out, _ = _run(capsys, "directory", "hygiene", CHU, "--invoices", str(invoices),
                        "--db", str(db))  # fmt: skip
    assert code == 4
    assert "ANCIEN (1 facture(s), la dernière le 2026-10-15)" in out
    code, out, _ = _run(capsys, "directory", "hygiene", CHU, "--invoices", str(invoices),
                        "--json", "--db", str(db))  # fmt: skip
    assert json.loads(out)["findings"][0]["kind"] == "inactive_code_receiving_invoices"
    invoices.write_text("ACHATS;2026-10-01\nANCIEN;yesterday\n")
    code, _, err = _run(capsys, "directory", "hygiene", CHU, "--invoices", str(invoices),
                        "--db", str(db))  # fmt: skip
    assert code == 1
    assert "line 2: 'yesterday' is not a date" in err
    assert _run(capsys, "directory", "hygiene", "11000201100044", "--db", str(db))[0] == 3


def test_info(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directory", "info", "--db", str(db))
    assert code == 0
    assert "structures: 3 (3 active)" in out
    assert "services: 6 (5 active)" in out
    code, out, _ = _run(capsys, "directory", "info", "--json", "--db", str(db))
    data = json.loads(out)
    assert (data["structures"], data["services_active"]) == (3, 5)
    assert data["last_import"] is not None


def test_the_database_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    structures, _ = small_export(tmp_path)
    monkeypatch.setenv("DEMAT_DIRECTORY_DB", str(tmp_path / "env.sqlite3"))
    assert _run(capsys, "directory", "import", str(structures))[0] == 0
    assert (tmp_path / "env.sqlite3").is_file()


# --- mistaken input -------------------------------------------------------------------------


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
    code, out, err = _run(
        capsys, "directory", "hygiene", CHU, "--invoices", str(invoices), "--db", str(db)
    )
    assert (code, out) == (1, "")
    assert err == (
        f"demat: {invoices}: line 2: not utf-8 (byte 0xc9); give its encoding with --encoding "
        "(cp1252 for an Excel export)\n"
    )
    code, out, err = _run(capsys, "directory", "hygiene", CHU, "--invoices", str(invoices),
                          "--encoding", "cp1252", "--db", str(db))  # fmt: skip
    assert (code, err) == (4, "")
    assert "CAFÉ" in out


def test_binary_invoices_give_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoices = tmp_path / "factures.csv"
    invoices.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    code, out, err = _run(
        capsys, "directory", "hygiene", CHU, "--invoices", str(invoices), "--db", str(db)
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"demat: {invoices}: line 1: not utf-8 (byte 0x89)")
    assert err.count("\n") == 1


def test_a_first_line_with_a_bad_date_is_an_error_not_a_header(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoices = tmp_path / "factures.csv"
    invoices.write_text("ACHATS;2025-13-45\nACHATS;2026-10-01\n", "utf-8")
    code, _, err = _run(
        capsys, "directory", "hygiene", CHU, "--invoices", str(invoices), "--db", str(db)
    )
    assert code == 1
    assert err == (
        f"demat: {invoices}: line 1: '2025-13-45' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
    )
    invoices.write_text("code service;date de dépôt\nACHATS;2026-10-01\n", "utf-8")
    assert (
        _run(capsys, "directory", "hygiene", CHU, "--invoices", str(invoices), "--db", str(db))[0]
        == 0
    )


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
    code, _, err = _run(
        capsys, "directory", "import", str(tmp_path), "--db", str(tmp_path / "a.sqlite3")
    )
    assert (code, err) == (2, f"demat: {tmp_path}: is a folder, not a file\n")
    code, _, err = _run(capsys, "directory", "import", str(structures), "--db", str(tmp_path))
    assert (code, err) == (2, f"demat: --db {tmp_path}: is a folder, not a file\n")
    typo = tmp_path / "typo.sqlite3"
    for argv in (["info"], ["lookup", "--name", "x"], ["hygiene", CHU]):
        code, _, err = _run(capsys, "directory", *argv, "--db", str(typo))
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
    code, _, err = _run(capsys, "directory", "import", str(export), "--db", str(new))
    assert code == 1
    assert err.startswith(f"demat: {export}")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["export.csv"]


def test_the_encoding_advice_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    structures, _ = small_export(tmp_path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(structures.read_text("utf-8").encode("cp1252"))
    code, _, err = _run(
        capsys, "directory", "import", str(latin), "--db", str(tmp_path / "a.sqlite3")
    )
    assert code == 1
    assert "give --encoding cp1252" in err
    assert "encoding=" not in err


# --- lookup ------------------------------------------------------------------------------


def test_a_lookup_that_finds_nothing_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "directory", "lookup", "--name", "zzz", "--db", str(db))[:2] == (
        3,
        "no structure named 'zzz' in the directory\n",
    )
    assert _run(capsys, "directory", "lookup", "--postcode", "75001", "--db", str(db))[:2] == (
        3,
        "no structure at postcode 75001 in the directory\n",
    )
    assert _run(capsys, "directory", "lookup", "--code-service", "NOPE", "--db", str(db))[:2] == (
        3,
        "code service NOPE: not in the directory\n",
    )
    code, out, _ = _run(capsys, "directory", "lookup", "--name", "zzz", "--json", "--db", str(db))
    assert (code, json.loads(out)) == (3, {"structures": []})
