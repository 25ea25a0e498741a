"""The hardened XML reader refuses what a hostile file may try."""

from __future__ import annotations

import io

import pytest

from demat_sdk.errors import PesReadError
from demat_sdk.pes import xmlsafety

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<r>&x;</r>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<r>&c;</r>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE r SYSTEM "http://example.org/evil.dtd">
<r/>"""


@pytest.mark.parametrize("document", [XXE, LAUGHS, EXTERNAL_DTD], ids=["xxe", "laughs", "dtd"])
def test_parse_refuses_any_dtd(document: bytes) -> None:
    with pytest.raises(PesReadError, match="DTD"):
        xmlsafety.parse(document)


@pytest.mark.parametrize("document", [XXE, LAUGHS, EXTERNAL_DTD], ids=["xxe", "laughs", "dtd"])
def test_iterparse_refuses_any_dtd(document: bytes) -> None:
    with pytest.raises(PesReadError, match="DTD"):
        list(xmlsafety.iterparse(io.BytesIO(document)))


@pytest.mark.parametrize("document", [XXE, LAUGHS, EXTERNAL_DTD], ids=["xxe", "laughs", "dtd"])
def test_a_filtered_iterparse_refuses_a_dtd_even_when_nothing_matches(document: bytes) -> None:
    with pytest.raises(PesReadError, match="DTD"):
        list(xmlsafety.iterparse(io.BytesIO(document), tag="{*}absent"))


def test_a_filtered_iterparse_returns_the_root_once_exhausted() -> None:
    events = xmlsafety.iterparse(io.BytesIO(b"<r><a/><b/></r>"), events=("end",), tag="{*}b")
    assert [element.tag for _, element in events] == ["b"]
    with pytest.raises(StopIteration) as finished:
        next(events)
    assert finished.value.value is None  # a generator, once done, returns nothing more
    events = xmlsafety.iterparse(io.BytesIO(b"<r><a/></r>"), events=("end",), tag="{*}b")
    with pytest.raises(StopIteration) as finished:
        next(events)
    assert finished.value.value.tag == "r"


def test_entities_are_never_expanded_even_before_the_refusal() -> None:
    seen: list[str] = []

    def consume() -> None:
        for _, element in xmlsafety.iterparse(io.BytesIO(XXE)):
            seen.append(element.text or "")

    with pytest.raises(PesReadError):
        consume()
    assert not any("root:" in text for text in seen)


def test_size_limit_is_checked_before_parsing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.xml"
    big.write_bytes(b"<r>" + b"x" * 2000 + b"</r>")
    with pytest.raises(PesReadError, match="above the limit of 1,000 bytes"):
        xmlsafety.parse(big, max_bytes=1000)
    with pytest.raises(PesReadError, match="above the limit"):
        xmlsafety.open_source(io.BytesIO(big.read_bytes()), max_bytes=1000)


def test_huge_text_nodes_and_deep_nesting_are_refused() -> None:
    huge = b"<r>" + b"x" * (11 * 1024 * 1024) + b"</r>"
    with pytest.raises(PesReadError, match="line"):
        xmlsafety.parse(huge)
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(PesReadError):
        xmlsafety.parse(deep)


def test_not_well_formed_gives_the_line() -> None:
    with pytest.raises(PesReadError) as caught:
        xmlsafety.parse(b"<r>\n<a>\n</r>")
    assert caught.value.line == 3


def test_missing_file() -> None:
    with pytest.raises(PesReadError, match="no such file"):
        xmlsafety.parse("/nonexistent/file.xml")
