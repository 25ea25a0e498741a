"""Importing the Chorus Pro directory export: counts, refresh, quirks, bad rows, transactions."""

from __future__ import annotations

import contextlib
import csv
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from demat_sdk import DirectoryError, DirectoryImportError, InvalidRequestError
from demat_sdk.chorus.enums import TypeIdentifiantStructure
from demat_sdk.directory import (
    Directory,
    ExportKind,
    ImportPhase,
    ImportProgress,
    TableCounts,
)
from demat_sdk.directory.export import SERVICES_HEADER, STRUCTURES_HEADER
from demat_sdk.directory.sqlite import SQLiteStore, _SQLiteImport
from demat_sdk.directory.synthetic import write_export

from directory_support import (
    CHU,
    COMMUNE,
    EHPAD,
    LA_POSTE,
    csv_text,
    service_row,
    small_export,
    structure_row,
    write_services,
    write_structures,
)

WEEK_1 = datetime(2026, 11, 2, 6, 0, tzinfo=timezone.utc)
WEEK_2 = datetime(2026, 11, 9, 6, 0, tzinfo=timezone.utc)


@pytest.fixture
def directory(tmp_path: Path) -> Directory:
    with Directory.open(tmp_path / "annuaire.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def test_an_export_imports_and_every_row_reads_back_as_written(
    tmp_path: Path, directory: Directory
) -> None:
    export = write_export(tmp_path / "export", structures=300, services=1000, seed=3)
    report = directory.import_export(
        export.structures_path, export.services_path, imported_at=WEEK_1
    )
    assert report.structures == TableCounts(rows=300, added=300)
    assert report.services == TableCounts(rows=1000, added=1000)
    assert report.clean
    assert report.imported_at == WEEK_1
    with export.structures_path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter=";"):
            structure = directory.structure(row["Identifiant"])
            assert structure is not None
            assert structure.raison_sociale == row["RaisonSociale"]
            assert structure.gestion_engagement is (row["GestionEngagement"] == "true")
            assert structure.gestion_service is (row["GestionService"] == "true")
            assert structure.structure_active is (row["StructureActive"] == "true")
            assert structure.code_postal == row["CodePostal"]
            assert structure.type_identifiant is TypeIdentifiantStructure.SIRET
    with export.services_path.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    for row in rows[::7]:
        service = directory.service(row["Identifiant"], row["Code"])
        assert service is not None
        assert service.nom == row["Nom"]
        assert service.gestion_egmt is (row["GestionEGMT"] == "true")
        assert service.service_actif is (row["ServiceActif"] == "true")
    info = directory.info()
    assert (info.structures, info.services) == (300, 1000)
    assert info.last_import == WEEK_1
    assert info.last_sources == (str(export.structures_path), str(export.services_path))


def test_importing_the_same_export_again_changes_nothing(
    tmp_path: Path, directory: Directory
) -> None:
    export = write_export(tmp_path / "export", structures=200, services=600)
    directory.import_export(export.structures_path, export.services_path, imported_at=WEEK_1)
    before = [directory.structure(siret) for siret in export.sample_sirets]
    again = directory.import_export(
        export.structures_path, export.services_path, imported_at=WEEK_2
    )
    assert again.structures == TableCounts(rows=200, unchanged=200)
    assert again.services == TableCounts(rows=600, unchanged=600)
    assert [directory.structure(siret) for siret in export.sample_sirets] == before


def test_a_later_export_updates_changed_rows_and_withdraws_missing_ones(
    tmp_path: Path, directory: Directory
) -> None:
    first = write_export(tmp_path / "w1", structures=400, services=1200, seed=5)
    later = write_export(tmp_path / "w2", structures=400, services=1200, seed=5, changed=0.1,
                         dropped=0.05)  # fmt: skip
    directory.import_export(first.structures_path, first.services_path, imported_at=WEEK_1)
    report = directory.import_export(later.structures_path, later.services_path, imported_at=WEEK_2)
    assert report.structures is not None
    assert report.services is not None
    kept = set(_column(later.structures_path, "Identifiant"))
    gone = set(_column(first.structures_path, "Identifiant")) - kept
    assert gone
    assert report.structures.withdrawn == len(gone)
    assert report.structures.rows == len(kept) == later.structures
    assert report.structures.updated > 0
    assert report.structures.added == 0
    assert report.structures.updated + report.structures.unchanged == len(kept)
    flipped = _changed_engagement(first.structures_path, later.structures_path)
    assert report.structures.updated == len(flipped)
    for siret in flipped:
        structure = directory.structure(siret)
        assert structure is not None
        assert structure.withdrawn_on is None
    for siret in gone:
        structure = directory.structure(siret)
        assert structure is not None, "a withdrawn structure stays in the directory"
        assert structure.withdrawn_on == WEEK_2
        assert not structure.active
        assert all(service.withdrawn_on == WEEK_2 for service in directory.services(siret))
    assert report.services.withdrawn == sum(len(directory.services(siret)) for siret in gone)
    assert directory.info().structures_active == sum(
        1 for siret in kept if _active(later.structures_path, siret)
    )
    # The first export again: the withdrawn rows come back, the flipped flags flip back.
    back = directory.import_export(
        first.structures_path, first.services_path, imported_at=datetime.now(timezone.utc)
    )
    assert back.structures is not None
    assert back.structures.updated == len(gone) + len(flipped)
    assert all(directory.structure(siret).withdrawn_on is None for siret in gone)  # type: ignore[union-attr]


def test_a_partial_import_withdraws_nothing(tmp_path: Path, directory: Directory) -> None:
    structures, services = small_export(tmp_path)
    directory.import_export(structures, services)
    partial = write_structures(
        tmp_path / "one.csv", [structure_row(CHU, "CHU de Nantes (renamed)", service=True)]
    )
    report = directory.import_export(partial, snapshot=False)
    assert report.structures == TableCounts(rows=1, updated=1)
    assert report.services is None
    assert directory.structure(EHPAD).withdrawn_on is None  # type: ignore[union-attr]
    assert directory.structure(CHU).raison_sociale == "CHU de Nantes (renamed)"  # type: ignore[union-attr]


def test_a_structures_file_alone_leaves_the_services_alone(
    tmp_path: Path, directory: Directory
) -> None:
    structures, services = small_export(tmp_path)
    directory.import_export(structures, services)
    only = write_structures(tmp_path / "only.csv", [structure_row(CHU, "CHU", service=True)])
    report = directory.import_export(only)
    assert report.structures is not None
    assert report.structures.withdrawn == 2
    assert report.services is None
    assert all(service.withdrawn_on is None for service in directory.services(EHPAD))


def test_real_world_quirks_are_tolerated(tmp_path: Path, directory: Directory) -> None:
    # BOM, CRLF, reordered columns with underscores and other case, spaces, upper-case booleans,
    # a quoted field holding the separator, blank lines, a trailing separator.
    header = "\ufeffIdentifiant;Raison_Sociale;TYPEIDENTIFIANT;Gestion_Engagement;GestionService;"
    header += "GestionServiceEngagement;GestionStatutMiseEnPaiement;Structure_Active;Code_Postal;"
    lines = [
        header,
        f' {CHU} ;"Centre hospitalier; site Nord";1; TRUE ;False;false;Oui;true;44093;',
        "",
        f"{LA_POSTE};La Poste;SIRET;0;1;0;non;1",  # the optional CodePostal left out
        "",
    ]
    path = tmp_path / "quirky.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    report = directory.import_export(path)
    assert report.clean, report.issues
    chu = directory.structure(CHU)
    assert chu is not None
    assert chu.raison_sociale == "Centre hospitalier; site Nord"
    assert (chu.gestion_engagement, chu.gestion_service, chu.gestion_statut_mise_en_paiement) == (
        True,
        False,
        True,
    )
    assert chu.code_postal == "44093"
    assert chu.adresse == ""  # absent optional column
    poste = directory.structure(LA_POSTE)
    assert poste is not None
    assert poste.code_postal == ""
    assert poste.gestion_service
    assert not poste.gestion_statut_mise_en_paiement


@pytest.mark.parametrize("separator", [",", "\t", "|"])
def test_the_separator_is_found_from_the_header(
    tmp_path: Path, directory: Directory, separator: str
) -> None:
    path = tmp_path / "other.csv"
    path.write_text(
        csv_text(STRUCTURES_HEADER, [structure_row(CHU, "CHU")], sep=separator), encoding="utf-8"
    )
    assert directory.import_export(path).structures == TableCounts(rows=1, added=1)


def test_identifier_types_numeric_textual_or_absent(tmp_path: Path, directory: Directory) -> None:
    path = write_structures(
        tmp_path / "types.csv",
        [
            structure_row(CHU, "CHU", type_identifiant="SIRET"),
            structure_row("1234567", "Collectivité de Nouvelle-Calédonie", type_identifiant="4"),
            structure_row(COMMUNE, "Commune", type_identifiant=""),
            structure_row("XYZ-1", "Autre", type_identifiant="NOUVEAU_TYPE"),
        ],
    )
    assert directory.import_export(path).clean
    rows = {s.identifiant: s for s in directory.structures_by_name("c", limit=10)}
    assert rows["1234567"].type_identifiant is TypeIdentifiantStructure.RIDET
    assert rows["1234567"].siret is None
    assert directory.structure(COMMUNE).type_identifiant is TypeIdentifiantStructure.SIRET  # type: ignore[union-attr]
    other = directory.structures_by_name("autre")[0]
    assert other.type_identifiant == "NOUVEAU_TYPE"
    assert not other.type_identifiant.is_known


def test_a_cp1252_file_needs_the_encoding_said(tmp_path: Path, directory: Directory) -> None:
    path = write_structures(
        tmp_path / "latin.csv", [structure_row(EHPAD, "EHPAD Les Écureuils")], encoding="cp1252"
    )
    with pytest.raises(DirectoryImportError) as caught:
        directory.import_export(path)
    error = caught.value
    assert error.source == str(path)
    assert error.line == 2
    assert "encoding='cp1252'" in str(error)
    assert directory.info().structures == 0
    directory.import_export(path, encoding="cp1252")
    assert directory.structure(EHPAD).raison_sociale == "EHPAD Les Écureuils"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("encoding", "message"),
    [("klingon", "unknown encoding 'klingon'"), ("utf-16", "'utf-16' is not supported")],
)
def test_unknown_or_unsupported_encodings_are_refused(
    tmp_path: Path, directory: Directory, encoding: str, message: str
) -> None:
    structures, _ = small_export(tmp_path)
    with pytest.raises(DirectoryImportError, match=message):
        directory.import_export(structures, encoding=encoding)


def test_bad_rows_are_refused_with_file_line_and_column(
    tmp_path: Path, directory: Directory
) -> None:
    bad_siret = CHU[:-1] + "9"
    structures = write_structures(
        tmp_path / "structures.csv",
        [
            structure_row(CHU, "CHU"),
            structure_row(bad_siret, "Bad checksum"),
            [*structure_row(EHPAD, "EHPAD")[:6], "peut-être", *structure_row(EHPAD, "x")[7:]],
            structure_row(COMMUNE, "Commune")[:10],
            structure_row("", "No identifier", type_identifiant=""),
            structure_row(LA_POSTE, ""),
        ],
    )
    services = write_services(
        tmp_path / "services.csv",
        [
            service_row(CHU, "ACHATS"),
            service_row(CHU, ""),
            service_row(bad_siret, "ACHATS"),
            [*service_row(CHU, "RH")[:5], "maybe", *service_row(CHU, "RH")[6:]],
        ],
    )
    report = directory.import_export(structures, services)
    found = [(issue.source, issue.line, issue.column, issue.kind) for issue in report.issues]
    assert found == [
        (str(structures), 3, "Identifiant", ExportKind.STRUCTURES),
        (str(structures), 4, "GestionEngagement", ExportKind.STRUCTURES),
        (str(structures), 5, None, ExportKind.STRUCTURES),
        (str(structures), 6, "Identifiant", ExportKind.STRUCTURES),
        (str(structures), 7, "RaisonSociale", ExportKind.STRUCTURES),
        (str(services), 3, "Code", ExportKind.SERVICES),
        (str(services), 4, "Identifiant", ExportKind.SERVICES),
        (str(services), 5, "ServiceActif", ExportKind.SERVICES),
    ]
    messages = [issue.message for issue in report.issues]
    assert "fails the Luhn checksum" in messages[0]
    assert "'peut-être' is not a boolean" in messages[1]
    assert "10 field(s) where the header has 21" in messages[2]
    assert str(report.issues[0]).startswith(f"{structures}, line 3, column Identifiant: ")
    assert report.structures == TableCounts(rows=6, refused=5, added=1)
    assert report.services == TableCounts(rows=4, refused=3, added=1)
    assert not report.clean
    assert directory.structure(CHU) is not None
    assert directory.service(CHU, "ACHATS") is not None


def test_more_bad_rows_than_allowed_abandons_the_import(
    tmp_path: Path, directory: Directory
) -> None:
    structures, services = small_export(tmp_path)
    directory.import_export(structures, services, imported_at=WEEK_1)
    broken = write_structures(
        tmp_path / "broken.csv",
        [structure_row(CHU, "Renamed")] + [structure_row(f"{n:014d}", "x") for n in range(1, 4)],
    )
    with pytest.raises(DirectoryImportError) as caught:
        directory.import_export(broken, max_errors=2)
    error = caught.value
    assert len(error.problems) == 3
    assert error.line == 5
    assert "more than 2 refused row(s)" in str(error)
    assert "the directory is unchanged" in str(error)
    assert directory.structure(CHU).raison_sociale.startswith("Centre hospitalier")  # type: ignore[union-attr]
    assert directory.info().structures == 3
    assert directory.info().last_import == WEEK_1


def test_with_max_errors_zero_the_first_bad_row_is_fatal(
    tmp_path: Path, directory: Directory
) -> None:
    path = write_structures(tmp_path / "s.csv", [structure_row(CHU, "")])
    with pytest.raises(DirectoryImportError, match="line 2, column RaisonSociale: empty name"):
        directory.import_export(path, max_errors=0)


def test_duplicated_keys_keep_the_first_row(tmp_path: Path, directory: Directory) -> None:
    structures = write_structures(
        tmp_path / "s.csv",
        [
            structure_row(CHU, "First"),
            structure_row(COMMUNE, "Commune"),
            structure_row(CHU, "Second"),
            structure_row(CHU, "Third"),
        ],
    )
    services = write_services(
        tmp_path / "v.csv", [service_row(CHU, "ACHATS", "one"), service_row(CHU, "ACHATS", "two")]
    )
    report = directory.import_export(structures, services)
    assert directory.structure(CHU).raison_sociale == "First"  # type: ignore[union-attr]
    assert directory.service(CHU, "ACHATS").nom == "one"  # type: ignore[union-attr]
    assert [(issue.line, issue.message) for issue in report.issues] == [
        (4, f"same SIRET {CHU} as line 2, which is kept"),
        (5, f"same SIRET {CHU} as line 2, which is kept"),
        (3, f"same SIRET and code service {CHU}/ACHATS as line 2, which is kept"),
    ]
    assert report.structures == TableCounts(rows=4, refused=2, added=2)
    assert report.services == TableCounts(rows=2, refused=1, added=1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("\n\n", "empty file"),
        ("a;b;c\n1;2;3\n", "neither StructureActive (structures) nor ServiceActif"),
        (
            "Identifiant;RaisonSociale;StructureActive\n",
            "required column(s) missing from the structures header: GestionStatutMiseEnPaiement",
        ),
        (
            ";".join(SERVICES_HEADER).replace("GestionEGMT", "Engagement") + "\n",
            "missing from the services header: GestionEGMT",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, directory: Directory, content: str, message: str
) -> None:
    path = tmp_path / "file.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DirectoryImportError, match=re.escape(message)) as caught:
        directory.import_export(path)
    assert caught.value.source == str(path)


def test_a_missing_file_is_named(tmp_path: Path, directory: Directory) -> None:
    with pytest.raises(DirectoryImportError) as caught:
        directory.import_export(tmp_path / "nowhere.csv")
    assert caught.value.source == str(tmp_path / "nowhere.csv")
    assert "cannot read the file" in str(caught.value)


def test_a_broken_csv_fails_the_whole_import(tmp_path: Path, directory: Directory) -> None:
    structures, services = small_export(tmp_path)
    directory.import_export(structures, services)
    huge = tmp_path / "huge.csv"
    text = csv_text(STRUCTURES_HEADER, [structure_row(CHU, "CHU")])
    huge.write_text(text + f'{COMMUNE};"{"x" * 200_000}"\n', encoding="utf-8")
    with pytest.raises(DirectoryImportError, match="unreadable CSV: field larger") as caught:
        directory.import_export(huge)
    assert caught.value.line == 3
    assert directory.info().structures == 3


def test_a_file_without_line_breaks_is_refused(tmp_path: Path, directory: Directory) -> None:
    endless = tmp_path / "endless.csv"
    endless.write_text(";".join(STRUCTURES_HEADER) + "\n" + "x" * 1_100_000, encoding="utf-8")
    with pytest.raises(DirectoryImportError, match="line longer than 1,048,576 bytes") as caught:
        directory.import_export(endless)
    assert caught.value.line == 2


def test_a_failure_in_the_second_file_leaves_the_first_unimported(
    tmp_path: Path, directory: Directory
) -> None:
    structures, _ = small_export(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("not;an;export\n", encoding="utf-8")
    with pytest.raises(DirectoryImportError):
        directory.import_export(structures, bad)
    assert directory.info().structures == 0
    assert directory.structure(CHU) is None


def test_progress_is_reported_and_raising_from_it_cancels(
    tmp_path: Path, directory: Directory
) -> None:
    export = write_export(tmp_path / "export", structures=300, services=45_000)
    seen: list[ImportProgress] = []
    directory.import_export(export.structures_path, export.services_path, progress=seen.append)
    phases = [progress.phase for progress in seen]
    assert phases[-2:] == [ImportPhase.MERGING, ImportPhase.DONE]
    reading = [progress for progress in seen if progress.phase is ImportPhase.READING]
    services = [progress for progress in reading if progress.kind is ExportKind.SERVICES]
    assert [progress.rows for progress in services] == [20_000, 40_000, 45_000]
    assert (
        services[-1].bytes_read == services[-1].bytes_total == export.services_path.stat().st_size
    )
    assert 0 < services[0].fraction < services[1].fraction < services[2].fraction == 1  # type: ignore[operator]

    later = write_export(tmp_path / "later", structures=300, services=45_000, changed=0.5)

    def cancel(progress: ImportProgress) -> None:
        if progress.rows >= 20_000:
            raise KeyboardInterrupt

    before = directory.info()
    with pytest.raises(KeyboardInterrupt):
        directory.import_export(later.structures_path, later.services_path, progress=cancel)
    assert directory.info() == before
    for siret in export.sample_sirets[:50]:
        assert directory.structure(siret).gestion_engagement is _flag(  # type: ignore[union-attr]
            export.structures_path, siret, "GestionEngagement"
        )


def test_no_file_or_a_negative_max_errors_is_a_usage_error(
    tmp_path: Path, directory: Directory
) -> None:
    with pytest.raises(InvalidRequestError, match="no file to import"):
        directory.import_export()
    structures, _ = small_export(tmp_path)
    with pytest.raises(InvalidRequestError, match="max_errors must be 0 or more"):
        directory.import_export(structures, max_errors=-1)


def test_read_only_directories_refuse_imports(tmp_path: Path) -> None:
    structures, services = small_export(tmp_path)
    path = tmp_path / "ro.sqlite3"
    with Directory.open(path) as directory:
        directory.import_export(structures, services)
    with Directory.open(path, read_only=True) as directory:
        assert directory.structure(CHU) is not None
        with pytest.raises(DirectoryError, match="read-only"):
            directory.import_export(structures)
    with pytest.raises(DirectoryError, match="no directory at"):
        Directory.open(tmp_path / "missing.sqlite3", read_only=True)


def test_files_that_are_not_directories_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(DirectoryError, match="not a directory"):
        Directory.open(other)
    text = tmp_path / "text.sqlite3"
    text.write_text("hello, I am not SQLite" * 100)
    with pytest.raises(
        DirectoryError, match="cannot be opened as a directory: file is not a database"
    ):
        Directory.open(text)
    newer = tmp_path / "newer.sqlite3"
    Directory.open(newer).close()
    with contextlib.closing(sqlite3.connect(newer)) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(DirectoryError, match="schema version 99"):
        Directory.open(newer)
    with pytest.raises(DirectoryError, match="cannot open"):
        Directory.open(tmp_path / "no" / "such" / "folder.sqlite3")


def test_an_import_gives_up_when_another_one_holds_the_file(tmp_path: Path) -> None:
    structures, services = small_export(tmp_path)
    path = tmp_path / "busy.sqlite3"
    with Directory.open(path) as directory:
        directory.import_export(structures, services)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another process importing
        with Directory(SQLiteStore(path, timeout=0.05)) as directory:
            assert directory.structure(CHU) is not None  # reading goes on
            with pytest.raises(DirectoryError, match="is another import running"):
                directory.import_export(structures)
            assert directory.info().structures == 3
        other.execute("ROLLBACK")


def test_sqlite_failures_during_an_import_are_directory_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    structures, services = small_export(tmp_path)
    with Directory.open(tmp_path / "full.sqlite3") as directory:
        directory.import_export(structures, services)
        before = directory.info()

        def disk_full(self: object, kind: object, rows: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(_SQLiteImport, "stage", disk_full)
        with pytest.raises(DirectoryError, match="import failed: database or disk is full"):
            directory.import_export(structures, services)
        assert directory.info() == before


def test_a_directory_in_memory(tmp_path: Path) -> None:
    structures, services = small_export(tmp_path)
    with Directory.open() as directory:
        directory.import_export(structures, services)
        assert directory.info().location == ":memory:"
        assert directory.info().services == 6


# --- helpers ------------------------------------------------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter=";"))


def _column(path: Path, name: str) -> list[str]:
    return [row[name] for row in _rows(path)]


def _flag(path: Path, siret: str, column: str) -> bool:
    return next(row[column] == "true" for row in _rows(path) if row["Identifiant"] == siret)


def _active(path: Path, siret: str) -> bool:
    return _flag(path, siret, "StructureActive")


def _changed_engagement(first: Path, later: Path) -> set[str]:
    before = {row["Identifiant"]: row["GestionEngagement"] for row in _rows(first)}
    return {
        row["Identifiant"]
        for row in _rows(later)
        if before.get(row["Identifiant"]) != row["GestionEngagement"]
    }
