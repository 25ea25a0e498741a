"""Whatever the bytes, the return-path readers answer with a model or a PesReadError."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demat_sdk.errors import PesReadError
from demat_sdk.helios import FileKind, detect_kind
from demat_sdk.pes.acquit import read_acquit
from demat_sdk.pes.retour import read_acquit_retour, read_retour

from return_path_support import DATA, EXAMPLES, SAMPLES

READERS: list[tuple[Callable[[bytes], object], bytes]] = [
    (read_acquit, (SAMPLES / "stela_ack_ko_SDP.xml").read_bytes()),
    (read_acquit, (DATA / "acquit_historique.xml").read_bytes()),
    (
        read_retour,
        (DATA / "PES2R_RCE_R_123_00_038011_20250310_20250310_20250311070000.xml").read_bytes(),
    ),
    (
        read_retour,
        (DATA / "PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml").read_bytes(),
    ),
    (read_acquit_retour, (EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml").read_bytes()),
]

VALUES = st.sampled_from(
    [b"", b" ", b"x", b"-1", b"1e999", b"NaN", b"2025-02-30", b"9" * 5000, b"\xe9", b"&amp;"]
)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The file with some V values replaced, some bytes cut or changed."""
    data = original
    for _ in range(draw(st.integers(0, 4))):
        start = data.find(b'V="', draw(st.integers(0, len(data))))
        if start < 0:
            break
        end = data.find(b'"', start + 3)
        data = data[: start + 3] + draw(VALUES) + data[end:]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    if draw(st.booleans()) and data:
        position = draw(st.integers(0, len(data) - 1))
        data = data[:position] + bytes([draw(st.integers(0, 255))]) + data[position + 1 :]
    return data


def check(reader: Callable[[bytes], object], data: bytes) -> None:
    with contextlib.suppress(PesReadError):  # any other exception fails the test
        reader(data)
    detect_kind(data)  # never raises either


@pytest.mark.parametrize(
    ("reader", "original"), READERS, ids=lambda value: getattr(value, "__name__", "")
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_are_read_or_refused(
    reader: Callable[[bytes], object], original: bytes, data: st.DataObject
) -> None:
    check(reader, data.draw(mutated(original)))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_are_refused(data: bytes) -> None:
    for reader in (read_acquit, read_retour, read_acquit_retour):
        check(reader, data)
    assert detect_kind(data) in set(FileKind)
