"""Archives and the ``telechargerAnnuaireDestinataire`` download: zip, gzip, limits, refusals."""

from __future__ import annotations

import base64
import gzip
import io
import zipfile
from pathlib import Path

import pytest

from demat_sdk import DirectoryImportError
from demat_sdk.directory import ArchiveLimits, Directory, TableCounts
from demat_sdk.directory.export import STRUCTURES_HEADER

from directory_support import CHU, EHPAD, csv_text, small_export, structure_row


@pytest.fixture
def directory() -> Directory:
    with Directory.open() as opened:
        yield opened  # type: ignore[misc]


def _zip(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _export_zip(tmp_path: Path) -> bytes:
    structures, services = small_export(tmp_path)
    return _zip(
        {
            "AIFE-Chorus-Pro-Annuaire/structures.csv": structures.read_bytes(),
            "AIFE-Chorus-Pro-Annuaire/services.csv": services.read_bytes(),
            "AIFE-Chorus-Pro-Annuaire/LISEZMOI.txt": b"ignored",
            "__MACOSX/._structures.csv": b"ignored too",
        }
    )


def test_a_zip_of_the_export_imports_every_csv_member(tmp_path: Path, directory: Directory) -> None:
    archive = tmp_path / "annuaire.zip"
    archive.write_bytes(_export_zip(tmp_path))
    report = directory.import_export(archive)
    assert report.sources == (
        f"{archive}!AIFE-Chorus-Pro-Annuaire/structures.csv",
        f"{archive}!AIFE-Chorus-Pro-Annuaire/services.csv",
    )
    assert report.structures == TableCounts(rows=3, added=3)
    assert report.services == TableCounts(rows=6, added=6)


def test_the_download_as_received_base64_of_a_zip(tmp_path: Path, directory: Directory) -> None:
    fichier_resultat = base64.b64encode(_export_zip(tmp_path)).decode("ascii")
    wrapped = "\n".join(
        fichier_resultat[start : start + 76] for start in range(0, len(fichier_resultat), 76)
    )
    report = directory.import_download(wrapped)
    assert report.sources[0] == (
        "telechargerAnnuaireDestinataire!AIFE-Chorus-Pro-Annuaire/structures.csv"
    )
    assert directory.structure(CHU) is not None
    assert directory.service(EHPAD, "FACTURES_PUBLIQUES") is not None


def test_the_download_as_base64_bytes(tmp_path: Path, directory: Directory) -> None:
    report = directory.import_download(base64.b64encode(_export_zip(tmp_path)))
    assert report.services == TableCounts(rows=6, added=6)
    structures, _ = small_export(tmp_path)
    report = directory.import_download(base64.b64encode(gzip.compress(structures.read_bytes())))
    assert report.structures == TableCounts(rows=3, unchanged=3)


def test_the_download_as_decoded_bytes_plain_or_gzipped(
    tmp_path: Path, directory: Directory
) -> None:
    structures, _ = small_export(tmp_path)
    assert directory.import_download(structures.read_bytes()).structures == TableCounts(
        rows=3, added=3
    )
    gzipped = gzip.compress(structures.read_bytes())
    assert directory.import_download(gzipped).structures == TableCounts(rows=3, unchanged=3)


def test_a_gzipped_file_on_disk(tmp_path: Path, directory: Directory) -> None:
    structures, _ = small_export(tmp_path)
    packed = tmp_path / "structures.csv.gz"
    packed.write_bytes(gzip.compress(structures.read_bytes()))
    assert directory.import_export(packed).structures == TableCounts(rows=3, added=3)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not base64 at all!", "not base64"),
        (base64.b64encode(b'<?xml version="1.0"?><Annuaire/>').decode(), "XML content"),
        (base64.b64encode(b"\xef\xbb\xbf  <Annuaire/>").decode(), "XML content"),
        (base64.b64encode(_zip({"readme.txt": b"hello"})).decode(), "holds no .csv file"),
        (base64.b64encode(b"PK\x03\x04 truncated archive").decode(), "damaged zip archive"),
        (base64.b64encode(b"\x1f\x8b\x08\x00 truncated").decode(), "damaged gzip file"),
    ],
)
def test_what_cannot_be_read_is_refused_and_nothing_changes(
    tmp_path: Path, directory: Directory, content: str, message: str
) -> None:
    structures, services = small_export(tmp_path)
    directory.import_export(structures, services)
    before = directory.info()
    with pytest.raises(DirectoryImportError, match=message) as caught:
        directory.import_download(content)
    assert caught.value.source is not None
    assert caught.value.source.startswith("telechargerAnnuaireDestinataire") or (
        caught.value.source == "fichierResultat"
    )
    assert directory.info() == before


def test_a_zip_bomb_is_stopped_by_the_compression_ratio(
    tmp_path: Path, directory: Directory
) -> None:
    structures, services = small_export(tmp_path)
    directory.import_export(structures, services)
    before = directory.info()
    # A valid header, then 3 MB of blank lines: deflate squeezes it about a thousand times.
    bomb = structures.read_bytes() + b"\n" * 3_000_000
    archive = _zip({"structures.csv": bomb})
    assert len(archive) < 10_000
    with pytest.raises(DirectoryImportError, match="past the archive limits") as caught:
        directory.import_download(archive)
    assert caught.value.source == "telechargerAnnuaireDestinataire!structures.csv"
    assert directory.info() == before


def test_a_gzip_bomb_is_stopped_too(directory: Directory) -> None:
    header = csv_text(STRUCTURES_HEADER, [structure_row(CHU, "CHU")]).encode()
    with pytest.raises(DirectoryImportError, match="past the archive limits"):
        directory.import_download(gzip.compress(header + b"\n" * 3_000_000))
    assert directory.info().structures == 0


def test_declared_sizes_over_the_limits_are_refused_before_reading(
    tmp_path: Path, directory: Directory
) -> None:
    archive = _export_zip(tmp_path)
    with pytest.raises(DirectoryImportError, match=r"declares [\d,]+ bytes of CSV, more than 100"):
        directory.import_download(archive, limits=ArchiveLimits(max_uncompressed_bytes=100))
    with pytest.raises(DirectoryImportError, match=r"holds 2 \.csv files, more than 1"):
        directory.import_download(archive, limits=ArchiveLimits(max_members=1))
    with pytest.raises(DirectoryImportError, match="archive larger than 10 bytes"):
        directory.import_download(archive, limits=ArchiveLimits(max_download_bytes=10))
    encoded = base64.b64encode(archive).decode()
    with pytest.raises(DirectoryImportError, match="download larger than 10 bytes"):
        directory.import_download(encoded, limits=ArchiveLimits(max_download_bytes=10))
    assert directory.info().structures == 0


def test_an_encrypted_member_is_refused(directory: Directory) -> None:
    archive = bytearray(_zip({"structures.csv": b"x" * 100}, method=zipfile.ZIP_STORED))
    # Set the "encrypted" bit in the local header and the central directory entry.
    archive[6] |= 0x01
    central = archive.rfind(b"PK\x01\x02")
    archive[central + 8] |= 0x01
    with pytest.raises(DirectoryImportError, match="unreadable zip member"):
        directory.import_download(bytes(archive))
