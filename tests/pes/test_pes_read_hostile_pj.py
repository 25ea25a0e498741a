"""What a PES_Aller's PJ can do to the reader: inflate, name files, collide; and file modes."""

from __future__ import annotations

import base64
import gzip
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flux_samples import flux_depense

from demat_sdk import pes
from demat_sdk.errors import PesTooLargeError
from demat_sdk.helios import FolderChannel


def _with_first_content(data: bytes, payload: bytes) -> bytes:
    """The flux with the base64 text of its first PJ replaced by ``payload`` encoded."""
    encoded = base64.b64encode(payload)
    return re.sub(
        rb"(<Fichier[^>]*>)[^<]*(</Fichier>)", rb"\g<1>" + encoded + rb"\g<2>", data, count=1
    )


def test_pj_inflating_beyond_the_limit_stop_the_reading_as_a_safety_limit() -> None:
    flux = flux_depense()
    assert flux.pj is not None
    flux.pj.pieces_justificatives[0].contenu = bytes(5_000_000)  # 5 MB of zeros: ~5 KB gzipped
    data = pes.to_bytes(flux)
    assert len(data) < 100_000

    with pytest.raises(PesTooLargeError, match="inflate beyond 1,000,000 bytes") as raised:
        pes.read(data, max_pj_bytes=1_000_000)
    assert raised.value.limit == "max_pj_bytes"
    assert raised.value.line is not None
    assert (raised.value.element or "").endswith("PES_PJ/PJ/Contenu/Fichier")
    # The limit is for the whole flux: the first PJ fits, the second no longer does.
    with pytest.raises(PesTooLargeError):
        pes.read(data, max_pj_bytes=5_000_000 + 10)
    # validate says nothing of a file it could not read to the end: it raises the same.
    with pytest.raises(PesTooLargeError):
        pes.validate(data, max_pj_bytes=1_000_000)
    # The default leaves room for real flux.
    assert pes.read(data).read_problems == []
    with pytest.raises(ValueError, match="max_pj_bytes must be 0 or more"):
        pes.read(data, max_pj_bytes=-1)


def test_a_pj_of_several_gzip_members_is_read_whole_and_a_cut_one_is_reported() -> None:
    data = pes.to_bytes(flux_depense())
    joined = _with_first_content(data, gzip.compress(b"first part, ") + gzip.compress(b"second"))
    read = pes.read(joined)
    assert read.pj is not None
    assert read.pj.pieces_justificatives[0].contenu == b"first part, second"
    assert read.read_problems == []
    padded = _with_first_content(data, gzip.compress(b"padded") + b"\0" * 4)  # as gzip allows
    read = pes.read(padded)
    assert read.pj is not None
    assert read.pj.pieces_justificatives[0].contenu == b"padded"
    assert read.read_problems == []

    cut = _with_first_content(data, gzip.compress(b"x" * 1000)[:-12])
    read = pes.read(cut)
    (problem,) = read.read_problems
    assert "not valid gzip" in problem.message
    assert "cut short" in problem.message


def test_pj_files_never_land_outside_the_directory_nor_over_another(tmp_path: Path) -> None:
    flux = flux_depense(mandats=3, pj_size=2_000)
    assert flux.pj is not None
    contents = [pj.contenu for pj in flux.pj.pieces_justificatives]
    data = (
        pes.to_bytes(flux)
        .replace(b"CH001M00001", b"../../escaped")
        .replace(b"CH001M00003", b"CH001M00002")
        .replace(b"facture-1-3.pdf", b"facture-1-2.pdf")
    )
    pj_dir = tmp_path / "a" / "pj"
    read = pes.read(data, pj_dir=pj_dir)
    assert read.pj is not None
    paths = [pj.contenu for pj in read.pj.pieces_justificatives]
    assert all(isinstance(path, Path) and path.parent == pj_dir for path in paths)
    assert [p.name for p in paths if isinstance(p, Path)] == [
        "_.._escaped_facture-1-1.pdf",  # no separator left, no leading dot
        "CH001M00002_facture-1-2.pdf",
        "CH001M00002_facture-1-2-2.pdf",
    ]
    assert [p.read_bytes() for p in paths if isinstance(p, Path)] == contents
    assert sorted(p.name for p in pj_dir.iterdir()) == sorted(
        p.name for p in paths if isinstance(p, Path)
    )  # no temporary file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]  # nothing escaped


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("umask")
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_written_files_get_the_permissions_of_a_plain_open(tmp_path: Path) -> None:
    flux = flux_depense()
    for mask, mode in ((0o022, 0o644), (0o077, 0o600)):
        os.umask(mask)
        folder = tmp_path / f"umask-{mask:o}"
        folder.mkdir()
        result = pes.write(flux, folder / "flux.xml")
        read = pes.read(result.paths[0], pj_dir=folder / "pj")
        assert read.pj is not None
        extracted = read.pj.pieces_justificatives[0].contenu
        assert isinstance(extracted, Path)
        drop, pickup = folder / "drop", folder / "pickup"
        drop.mkdir()
        pickup.mkdir()
        with FolderChannel(drop, pickup, folder / "work") as channel:
            receipt = channel.send(result.paths[0])
        for path in (result.paths[0], extracted, drop / receipt.name):
            assert path.stat().st_mode & 0o777 == mode, path
