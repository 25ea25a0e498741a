"""Hostile input: every parser of third-party data answers a model or the library's typed error.

The parsers: ``pes.read`` (PES_Aller), ``read_acquit`` (ACK), ``read_retour`` (PES_Retour),
``read_acquit_retour`` (PES_ACQUIT_RETOUR), the Chorus Pro answers as a client decodes them
(envelope, HTTP errors, the PISTE token answer), and the directory export
(``Directory.import_download`` / ``import_export``). Whatever the input, nothing but a
:class:`~demat_sdk.errors.DematError` may come out, and no file or URL named by the input is ever
read.

=============================================  ==========================================  =====
attack                                         parsers                                     how
=============================================  ==========================================  =====
external entity naming a local file (XXE)      the four XML readers                        fixed
external entity naming a URL                   the four XML readers                        fixed
entity expansion (billion laughs, quadratic)   the four XML readers                        fixed
external DTD, parameter entities               the four XML readers                        fixed
XInclude of a local file                       the four XML readers                        fixed
text node above 10 MB                          the four XML readers                        fixed
nesting 10,000 deep                            the four XML readers, Chorus Pro answers    fixed
declared encoding that lies (UTF-8 holding     the four XML readers                        fixed
Latin-1, UTF-16 holding UTF-8), unknown
encoding name
size above ``max_bytes``, refused before any   the four XML readers (``max_bytes``),       fixed
byte is parsed                                 Chorus Pro answers (``decode_response``),
                                               the directory (``ArchiveLimits``)
truncated file, random bytes, NUL bytes        every parser                                fuzz
valid file with its tree mutated (elements     the four XML readers                        fuzz
dropped, duplicated, renamed, moved, values
replaced by empty, huge, negative, non-Latin-1
or non-numeric text)
any JSON value where an answer is expected,    Chorus Pro answers (search, history,        fuzz
under any HTTP status                          deposit, download), the token answer
numbers out of range (``1e400``, 400-digit     Chorus Pro answers, the token answer        fixed
integers), ``NaN``, invalid UTF-8, UTF-16
lines above 1 MiB, fields above the CSV        the directory                               fixed
limit, undecodable bytes, unterminated
quotes, XML instead of CSV, broken archives
random rows of random fields                   the directory                               fuzz
=============================================  ==========================================  =====

The return path's byte-level mutations of ``V`` values live in ``test_return_path_hostile.py``,
the directory's zip and gzip bombs in ``directory/test_directory_archive.py``. The fuzz tests are
seeded (``derandomize``): the same examples run every time.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pydantic import SecretStr

from demat_sdk import ChorusPro, PisteCredentials, RetryPolicy, TechnicalAccount, pes
from demat_sdk._http.envelope import decode_response
from demat_sdk.chorus.models.factures_emission import WsRetourDeposerFluxFacture
from demat_sdk.directory import ArchiveLimits, Directory
from demat_sdk.directory.export import STRUCTURES_HEADER
from demat_sdk.errors import (
    DematError,
    DirectoryImportError,
    PesError,
    PesReadError,
    ResponseValidationError,
)
from demat_sdk.pes.acquit import read_acquit
from demat_sdk.pes.retour import read_acquit_retour, read_retour

from return_path_support import DATA, EXAMPLES, SAMPLES

FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- the XML readers -------------------------------------------------------------------------

Reader = Callable[..., object]

READERS: dict[str, tuple[Reader, list[Path]]] = {
    "pes.read": (
        pes.read,
        [
            EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml",
            EXAMPLES / "02_PES_RecetteAller_titre.xml",
            EXAMPLES / "03b_PES_RecetteAller_titre_ASAP_CPP_with_PJ006.xml",
        ],
    ),
    "read_acquit": (
        read_acquit,
        [
            EXAMPLES / "04a_PES_ACQUIT_ok.xml",
            EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml",
            SAMPLES / "stela_ack_ko_SDP.xml",
            DATA / "acquit_historique.xml",
        ],
    ),
    "read_retour": (
        read_retour,
        sorted(DATA.glob("PES2R_*.xml")),
    ),
    "read_acquit_retour": (read_acquit_retour, [EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml"]),
}
READER_IDS = list(READERS)

SECRET_MARKER = "ZZ-LOCAL-FILE-CONTENT-ZZ"


def refused_or_read(reader: Reader, data: bytes, **options: Any) -> object:
    """Read ``data``: a model, or ``None`` after a typed refusal. Anything else fails the test."""
    try:
        return reader(data, **options)
    except PesError:
        return None


@pytest.fixture
def local_file(tmp_path: Path) -> Path:
    """A file an attacker would like to read through the parser."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET_MARKER)
    return path


def xml_attacks(local_file: Path) -> dict[str, bytes]:
    uri = local_file.as_uri().encode()
    return {
        "xxe-file": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "'
        + uri
        + b'">]><r>&x;</r>',
        "xxe-url": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
        b"<r>&x;</r>",
        "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            b'<!ENTITY %s "%s">' % (bytes([ord("b") + n]), (b"&%s;" % bytes([ord("a") + n])) * 10)
            for n in range(8)
        )
        + b"]><r>&i;</r>",
        "quadratic-blowup": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "'
        + b"x" * 50_000
        + b'">]><r>'
        + b"&a;" * 5_000
        + b"</r>",
        "external-dtd": b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "' + uri + b'"><r/>',
        "parameter-entity": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "'
        + uri
        + b'"> %p;]><r/>',
        "xinclude": b'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="'
        + uri
        + b'" parse="text"/></r>',
        "huge-text-node": b"<r>" + b"x" * (11 * 1024 * 1024) + b"</r>",
        "deep-nesting": b"<a>" * 10_000 + b"</a>" * 10_000,
        "utf8-declared-latin1-bytes": '<?xml version="1.0" encoding="UTF-8"?><r V="é"/>'.encode(
            "latin-1"
        ),
        "utf16-declared-utf8-bytes": b'<?xml version="1.0" encoding="UTF-16"?><r/>',
        "unknown-encoding": b'<?xml version="1.0" encoding="X-NO-SUCH-42"?><r/>',
        "nul-bytes": b"\x00" * 64,
        "empty": b"",
        "not-xml": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    }


ATTACK_NAMES = list(xml_attacks(Path("/nonexistent")))


@pytest.mark.parametrize("attack", ATTACK_NAMES)
@pytest.mark.parametrize("name", READER_IDS)
def test_xml_attacks_are_refused_with_a_typed_error(
    name: str, attack: str, local_file: Path
) -> None:
    reader, _ = READERS[name]
    data = xml_attacks(local_file)[attack]
    with pytest.raises(PesReadError) as caught:
        reader(data)
    assert SECRET_MARKER not in str(caught.value)


@pytest.mark.parametrize("name", READER_IDS)
def test_the_size_limit_is_checked_before_any_byte_is_parsed(name: str, tmp_path: Path) -> None:
    reader, _ = READERS[name]
    big = b"\x00not even xml" * 200
    with pytest.raises(PesReadError, match="above the limit of 1,000 bytes"):
        reader(big, max_bytes=1000)
    path = tmp_path / "big.xml"
    path.write_bytes(big)
    with pytest.raises(PesReadError, match="above the limit"):
        reader(path, max_bytes=1000)

    class Untouchable(io.BytesIO):
        def read(self, *_args: Any) -> bytes:
            raise AssertionError("read before its size was checked")

        def readinto(self, *_args: Any) -> int:
            raise AssertionError("read before its size was checked")

    with pytest.raises(PesReadError, match="above the limit"):
        reader(Untouchable(big), max_bytes=1000)


@pytest.mark.parametrize("name", READER_IDS)
def test_every_truncation_of_a_valid_file_is_read_or_refused(name: str) -> None:
    reader, paths = READERS[name]
    data = paths[0].read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 97)):
        refused_or_read(reader, data[:cut])


@pytest.mark.parametrize("name", READER_IDS)
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_are_refused(name: str, data: bytes) -> None:
    reader, _ = READERS[name]
    refused_or_read(reader, data)


VALUES = st.sampled_from(
    ["", " ", "-1", "0", "1e999", "NaN", "2025-02-30", "9" * 400, "€", "😀", "a\tb", "x" * 10_000]
)


@st.composite
def mutated_tree(draw: st.DrawFn, original: bytes) -> bytes:
    """A valid file whose tree is damaged: elements dropped, duplicated, renamed, moved…"""
    root = etree.fromstring(original, etree.XMLParser(resolve_entities=False, no_network=True))
    for _ in range(draw(st.integers(1, 6))):
        elements = [element for element in root.iter() if isinstance(element.tag, str)]
        target = draw(st.sampled_from(elements))
        parent = target.getparent()
        action = draw(st.sampled_from(["drop", "copy", "rename", "move", "value", "text", "empty"]))
        if action == "drop" and parent is not None:
            parent.remove(target)
        elif action == "copy" and parent is not None:
            parent.insert(parent.index(target), etree.fromstring(etree.tostring(target)))
        elif action == "rename":
            target.tag = draw(st.sampled_from(elements)).tag
        elif action == "move" and parent is not None:
            destination = draw(st.sampled_from(elements))
            if destination is not target and target not in destination.iterancestors():
                destination.append(target)
        elif action == "value":
            target.set("V", draw(VALUES))
        elif action == "text":
            target.text = draw(VALUES)
        elif action == "empty":
            target[:] = []
    encoding = draw(st.sampled_from(["UTF-8", "ISO-8859-1"]))
    return etree.tostring(root, xml_declaration=True, encoding=encoding)


@pytest.mark.parametrize("name", READER_IDS)
@FUZZ
@given(data=st.data())
def test_a_valid_file_with_a_mutated_tree_is_read_or_refused(
    name: str, data: st.DataObject
) -> None:
    reader, paths = READERS[name]
    original = data.draw(st.sampled_from(paths)).read_bytes()
    refused_or_read(reader, data.draw(mutated_tree(original)))


def test_pes_read_strict_refuses_a_mutated_file_with_a_typed_error() -> None:
    data = (EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml").read_bytes()
    damaged = data.replace(b'<Exer V="', b'<Exer V="vingt-six', 1)
    with pytest.raises(PesError):
        pes.read(damaged, strict=True)


# --- Chorus Pro answers ----------------------------------------------------------------------

TOKEN_PATH = "/api/oauth/token"


def client_answering(
    api: Callable[[httpx.Request], httpx.Response],
    token: Callable[[httpx.Request], httpx.Response] | None = None,
) -> ChorusPro:
    """A client whose token endpoint and API answer what the test says."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            if token is not None:
                return token(request)
            return httpx.Response(200, json={"access_token": "tok-hostile", "expires_in": 3600})
        return api(request)

    return ChorusPro(
        credentials=PisteCredentials(client_id="app", client_secret=SecretStr("s3cr3t-hostile")),
        account=TechnicalAccount(login="TECH_1@cpro.fr", password=SecretStr("pw-hostile")),
        transport=httpx.MockTransport(handler),
        retry_policy=RetryPolicy(sleep=lambda _seconds: None),
        max_retries=1,
    )


OPERATIONS: dict[str, Callable[[ChorusPro], object]] = {
    "rechercher_fournisseur": lambda client: client.factures.rechercher_fournisseur(
        numero_facture="F-1"
    ),
    "consulter_historique": lambda client: client.factures.consulter_historique(id_facture=1),
    "deposer_flux": lambda client: client.factures.deposer_flux(
        fichier=b"<x/>", nom_fichier="x.xml", syntaxe_flux="IN_DP_E1_CII_16B"
    ),
    "telecharger_groupe": lambda client: client.factures.telecharger_groupe(ids_facture=[1]),
}

BODIES: dict[str, bytes] = {
    "deep-array": b"[" * 100_000,
    "deep-object": b'{"a":' * 50_000,
    "huge-integer": b'{"codeRetour": ' + b"7" * 5_000 + b"}",
    "float-overflow-code": b'{"codeRetour": 1e400, "libelle": "x"}',
    "nan": b'{"codeRetour": NaN, "listeFactures": NaN}',
    "invalid-utf8": b'{"codeRetour": 0, "libelle": "\xff\xfe"}',
    "utf16": '{"codeRetour": 0}'.encode("utf-16"),
    "truncated": b'{"codeRetour": 0, "listeFactures": [{"identifiantFactureCPP": 1',
    "array-root": b"[1, 2, 3]",
    "string-root": b'"codeRetour"',
    "wrong-types": b'{"codeRetour": "zero", "listeFactures": "none", "fichierResultat": 12}',
    "bad-base64": b'{"codeRetour": 0, "fichierResultat": "%%%not base64%%%"}',
    "html": b"<html><body>Bad gateway</body></html>",
    "empty": b"",
    "random": bytes(range(256)),
}


@pytest.mark.parametrize("status", [200, 400, 401, 403, 429, 500])
@pytest.mark.parametrize("body", list(BODIES))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_hostile_answers_give_typed_errors(operation: str, body: str, status: int) -> None:
    headers = {"Retry-After": "1e999", "WWW-Authenticate": 'Bearer error_description="' + "x"}
    client = client_answering(
        lambda _request: httpx.Response(status, content=BODIES[body], headers=headers)
    )
    with contextlib.suppress(DematError):
        OPERATIONS[operation](client)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "codeRetour",
                    "libelle",
                    "listeFactures",
                    "identifiantFactureCPP",
                    "numeroFacture",
                    "numeroFluxDepot",
                    "statut",
                    "dateDepot",
                    "statutCourantCode",
                    "historiquesDesStatuts",
                    "histoStatut",
                    "histoStatutDatePassage",
                    "fichierResultat",
                    "parametresRetour",
                    "pageCourante",
                    "pages",
                    "total",
                    "montantHT",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@pytest.mark.parametrize("operation", list(OPERATIONS))
@FUZZ
@given(answer=JSON, status=st.sampled_from([200, 400, 500]))
def test_any_json_answer_gives_a_result_or_a_typed_error(
    operation: str, answer: object, status: int
) -> None:
    content = json.dumps(answer).encode()
    client = client_answering(lambda _request: httpx.Response(status, content=content))
    with contextlib.suppress(DematError):
        OPERATIONS[operation](client)


@FUZZ
@given(answer=JSON | st.fixed_dictionaries({"access_token": JSON, "expires_in": JSON}))
def test_any_token_answer_gives_a_token_or_a_typed_error(answer: object) -> None:
    content = json.dumps(answer).encode()
    client = client_answering(
        lambda _request: httpx.Response(200, json={"codeRetour": 0, "libelle": "OK"}),
        token=lambda _request: httpx.Response(200, content=content),
    )
    with contextlib.suppress(DematError):
        client.transverses.health_check()


@pytest.mark.parametrize(
    "body",
    [
        b'{"access_token": "t", "expires_in": ' + b"9" * 400 + b"}",
        b'{"access_token": "t", "expires_in": 1e400}',
        b'{"access_token": "t", "expires_in": NaN}',
        b"[" * 100_000,
        b'{"access_token": ["t"]}',
    ],
    ids=["400-digits", "1e400", "nan", "deep", "list-token"],
)
def test_hostile_token_answers(body: bytes) -> None:
    client = client_answering(
        lambda _request: httpx.Response(200, json={"codeRetour": 0, "libelle": "OK"}),
        token=lambda _request: httpx.Response(200, content=body),
    )
    with contextlib.suppress(DematError):
        client.transverses.health_check()


def test_an_answer_above_the_limit_is_refused_before_parsing() -> None:
    response = httpx.Response(200, content=b"[" * 2_000)  # would fail parsing differently
    with pytest.raises(ResponseValidationError, match="above the limit of 1,000 bytes"):
        decode_response(response, "deposerFluxFacture", WsRetourDeposerFluxFacture, max_bytes=1000)


# --- the directory export ----------------------------------------------------------------------

HEADER = ";".join(STRUCTURES_HEADER).encode()


def import_refused_or_done(data: bytes | str, limits: ArchiveLimits | None = None) -> None:
    with Directory.open() as directory, contextlib.suppress(DematError):
        directory.import_download(data, limits=limits)


@pytest.mark.parametrize(
    "data",
    [
        HEADER + b"\n" + b"x" * (2 * 1024 * 1024),
        HEADER + b"\n1;26440013600018;" + b"x" * 200_000 + b";false\n",
        HEADER + b"\n1;26440013600018;H\xe9pital;false\n",
        HEADER + b'\n1;"26440013600018;unterminated\n',
        HEADER + b"\n" + b";" * 100_000 + b"\n",
        HEADER.decode().encode("utf-16"),
        b"\x00" * 500,
        b"<?xml version='1.0'?><annuaire/>",
        b"PK\x03\x04" + b"\x00" * 100,
        b"\x1f\x8b" + b"\x00" * 100,
        "UEsDBA==garbage",
        b"\r0",
    ],
    ids=[
        "long-line",
        "huge-field",
        "latin1-bytes",
        "unterminated-quote",
        "100000-separators",
        "utf16",
        "nul",
        "xml",
        "broken-zip",
        "broken-gzip",
        "bad-base64",
        "carriage-return-in-header",
    ],
)
def test_hostile_directory_files(data: bytes | str) -> None:
    import_refused_or_done(data)


def test_a_directory_file_above_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "structures.csv"
    path.write_bytes(HEADER + b"\n" + b"1;26440013600018;CHU;false\n" * 100)
    limits = ArchiveLimits(max_download_bytes=1000)
    with Directory.open() as directory, pytest.raises(DirectoryImportError, match="larger than"):
        directory.import_export(path, limits=limits)
    with Directory.open() as directory, pytest.raises(DirectoryImportError, match="larger than"):
        directory.import_download(path.read_bytes(), limits=limits)
    with Directory.open() as directory, pytest.raises(DirectoryImportError, match="larger than"):
        directory.import_download(base64.b64encode(path.read_bytes()).decode(), limits=limits)


FIELDS = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from([";", '"', "\n", "\r", ","]),
    max_size=30,
)


@FUZZ
@given(rows=st.lists(st.lists(FIELDS, max_size=25), max_size=8), header=st.booleans())
def test_random_rows_are_imported_or_refused(rows: list[list[str]], header: bool) -> None:
    text = "\n".join(";".join(row) for row in rows)
    data = (HEADER.decode() + "\n" if header else "") + text
    import_refused_or_done(data.encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_are_refused_by_the_directory(data: bytes) -> None:
    import_refused_or_done(data)
