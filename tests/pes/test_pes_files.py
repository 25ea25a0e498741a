"""Reading the reference examples and public samples, and writing them back."""

from __future__ import annotations

import gc
import io
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from demat_sdk import pes
from demat_sdk.errors import PesReadError

from tests_support import PES_ALLER_XSD, PES_DIR
from tests_support import schema as official_schema

EXAMPLES = sorted((PES_DIR / "examples").glob("0[123]*.xml"))
SAMPLES = sorted((PES_DIR / "samples" / "public").glob("*.xml"))
ALLER = [
    p
    for p in EXAMPLES + SAMPLES
    if b"PES_Aller" in p.read_bytes()[:2000] and b"PES_ACQUIT" not in p.read_bytes()[:2000]
]
OTHERS = [p for p in SAMPLES if p not in ALLER]
SCHEMA = official_schema(PES_ALLER_XSD)
VALID = [p for p in ALLER if SCHEMA.validate(etree.parse(str(p)))]


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return SCHEMA


def xsd_valid(schema: etree.XMLSchema, data: bytes) -> bool:
    return bool(schema.validate(etree.fromstring(data)))


def test_the_reference_set_is_there() -> None:
    assert len(EXAMPLES) == 4
    assert len(ALLER) >= 8
    assert len(VALID) >= 6  # the examples and the third-party files that respect the XSD


@pytest.mark.parametrize("path", ALLER, ids=lambda p: p.name)
def test_every_pes_aller_is_read(path: Path) -> None:
    flux = pes.read(path)
    assert flux.enveloppe.nom_fichier
    assert flux.en_tete.code_collectivite
    assert flux.depense or flux.recette or flux.facture or flux.pj


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_other_flux_are_refused_with_a_clear_error(path: Path) -> None:
    with pytest.raises(PesReadError, match="not a PES_Aller"):
        pes.read(path)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["ISO-8859-1", "UTF-8"])
def test_valid_files_round_trip(path: Path, encoding: str, schema: etree.XMLSchema) -> None:
    flux = pes.read(path)
    buffer = io.BytesIO()
    pes.write(flux, buffer, encoding=encoding, business_rules=False)
    written = buffer.getvalue()
    assert written.startswith(f'<?xml version="1.0" encoding="{encoding}"?>'.encode())
    assert xsd_valid(schema, written), schema.error_log
    again = pes.read(written)
    assert again == flux
    buffer2 = io.BytesIO()
    pes.write(again, buffer2, encoding=encoding, business_rules=False)
    assert buffer2.getvalue() == written


def test_example_values_are_typed() -> None:
    flux = pes.read(PES_DIR / "examples" / "01_PES_DepenseAller_mandat_PJ.xml")
    assert flux.depense is not None
    bordereau = flux.depense.bordereaux[0]
    assert (bordereau.exercice, bordereau.numero, bordereau.id) == (2025, 421, "BORD2025D421")
    assert bordereau.type is pes.TypeBordereauDepense.ORDINAIRE
    assert bordereau.type.libelle == "Ordinaire"
    ligne = bordereau.mandats[0].lignes[0]
    assert str(ligne.montant_ht) == "1000.00"
    assert ligne.mode_reglement is pes.ModeReglementDepense.VIREMENT
    assert ligne.tiers is not None
    assert ligne.tiers.compte_bancaire is not None
    assert ligne.tiers.compte_bancaire.iban == "FR7630004000031234567890143"
    assert flux.pj is not None
    pj = flux.pj.pieces_justificatives[0]
    assert pj.contenu[:5] == b"%PDF-"
    assert pj.type_mime == "application/pdf"


def test_asap_example_holds_a_pes_facture_document() -> None:
    titre_flux = pes.read(
        PES_DIR / "examples" / "03b_PES_RecetteAller_titre_ASAP_CPP_with_PJ006.xml"
    )
    assert titre_flux.recette is not None
    assert titre_flux.pj is not None
    titre = titre_flux.recette.bordereaux[0].titres[0]
    assert titre.edition is pes.Edition.ASAP_CPP
    assert titre.edition.libelle == "Avis des sommes à payer CPP."
    embedded = pes.read(titre_flux.pj.pieces_justificatives[0].contenu)
    assert embedded.facture is not None
    assert embedded.facture.type is pes.TypeFacture.ASAP
    assert embedded.facture.factures[0].numero_facture == titre.numero_facture


def test_signed_file_keeps_its_signatures() -> None:
    flux = pes.read(PES_DIR / "samples" / "public" / "stela_signed_expired_cert.xml")
    signatures = [b.signature for b in flux.depense.bordereaux] if flux.depense else []
    signatures.append(flux.signature)
    kept = [s for s in signatures if s is not None]
    assert kept
    assert "SignatureValue" in kept[0].xml


def test_third_party_problems_are_reported_with_their_line() -> None:
    flux = pes.read(PES_DIR / "samples" / "public" / "parapheur_PESALR1_unsigned.xml")
    problem = flux.read_problems[0]
    assert problem.line == 58
    assert problem.element is not None
    assert problem.element.endswith("CarteAchatNiveau1")
    with pytest.raises(PesReadError, match="line 58"):
        pes.read(PES_DIR / "samples" / "public" / "parapheur_PESALR1_unsigned.xml", strict=True)


def test_unknown_elements_and_bad_values_do_not_stop_the_reading() -> None:
    data = (PES_DIR / "examples" / "02_PES_RecetteAller_titre.xml").read_bytes()
    data = data.replace(b'<IdPce V="5520"/>', b'<IdPce V="abc"/><Bidule V="1"/>')
    flux = pes.read(data)
    messages = [str(p) for p in flux.read_problems]
    assert any("unreadable value 'abc'" in m for m in messages)
    assert any("unexpected element Bidule" in m for m in messages)
    assert flux.recette is not None
    assert flux.recette.bordereaux[0].titres[0].numero is None


def test_dtd_and_entities_are_refused() -> None:
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<n:PES_Aller xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller">&e;'
        b"</n:PES_Aller>"
    )
    with pytest.raises(PesReadError):
        pes.read(hostile)


def test_latin1_and_utf8_files_read_the_same() -> None:
    data = (PES_DIR / "examples" / "02_PES_RecetteAller_titre.xml").read_bytes()
    utf8 = data.replace(b"MARTIN", "MARTÎN ÉLODIE".encode())
    latin1 = utf8.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"').decode("utf-8")
    a = pes.read(utf8)
    b = pes.read(latin1.encode("iso-8859-1"))
    assert a == b
    assert a.recette is not None
    assert a.recette.bordereaux[0].titres[0].lignes[0].tiers[0].nom == "MARTÎN ÉLODIE"


class _Spy(io.BytesIO):
    """A file that notes whether the cyclic garbage collector is on each time it is read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.collector_seen: set[bool] = set()

    def read(self, size: int | None = -1) -> bytes:
        self.collector_seen.add(gc.isenabled())
        return super().read(size)


READERS_AND_FILES = [
    (pes.read, "examples/02_PES_RecetteAller_titre.xml"),
    (pes.read_acquit, "examples/04b_PES_ACQUIT_ko_bordereau_and_pj.xml"),
    (pes.read_acquit_retour, "examples/05_PES_ACQUIT_RETOUR_valid.xml"),
    (pes.read_retour, "samples/public/s2low_pes_retour.xml"),
]


@pytest.mark.parametrize(
    ("reader", "name"), READERS_AND_FILES, ids=lambda x: getattr(x, "__name__", "")
)
@pytest.mark.parametrize("collecting", [True, False])
def test_readers_pause_the_garbage_collector_and_restore_it(
    reader: Any, name: str, collecting: bool
) -> None:
    data = (PES_DIR / name).read_bytes()
    was = gc.isenabled()
    try:
        if collecting:
            gc.enable()
        else:
            gc.disable()
        source = _Spy(data)
        reader(source)
        assert source.collector_seen == {False}  # paused while reading
        assert gc.isenabled() is collecting
        with pytest.raises(PesReadError):
            reader(data[: len(data) // 2])
        assert gc.isenabled() is collecting
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_the_header_is_read_without_the_body(tmp_path: Path) -> None:
    path = PES_DIR / "examples" / "02_PES_RecetteAller_titre.xml"
    flux = pes.read(path)
    assert flux.enveloppe is not None
    assert flux.en_tete is not None
    expected = pes.PesHeader(
        nom_fichier=flux.enveloppe.nom_fichier,
        code_collectivite=flux.en_tete.code_collectivite,
        code_budget=flux.en_tete.code_budget,
        siret=flux.en_tete.siret,
        code_poste=flux.en_tete.code_poste,
    )
    assert expected.nom_fichier
    data = path.read_bytes()
    assert pes.read_header(path) == expected
    assert pes.read_header(data) == expected
    assert pes.read_header(io.BytesIO(data)) == expected
    # The body is never read: a file cut in the middle of its first bordereau still has its header.
    cut = data[: data.index(b"<Bordereau") + 20]
    with pytest.raises(PesReadError):
        pes.read(cut, strict=True)
    assert pes.read_header(cut) == expected


def test_a_header_states_what_the_file_lacks() -> None:
    header = pes.read_header(
        b'<n:PES_Aller xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller">'
        b'<EnTetePES><CodCol V="130"/></EnTetePES><PES_DepenseAller/></n:PES_Aller>'
    )
    assert header == pes.PesHeader(None, "130", None, None, None)
    with pytest.raises(PesReadError, match="root element is PES_Retour, not PES_Aller"):
        pes.read_header(b"<PES_Retour/>")
    with pytest.raises(PesReadError, match="DTD"):
        pes.read_header(b'<!DOCTYPE x [<!ENTITY e "e">]><PES_Aller/>')


def test_an_absent_element_is_missing_and_a_present_one_unreadable_not_both() -> None:
    data = (PES_DIR / "examples" / "02_PES_RecetteAller_titre.xml").read_bytes()
    nom_fic = re.search(rb'<NomFic V="[^"]*"/>', data)
    assert nom_fic is not None
    absent = pes.read(data.replace(nom_fic.group(0), b""))
    assert [p.message for p in absent.read_problems] == ["missing element Parametres/NomFic"]
    without_value = pes.read(data.replace(nom_fic.group(0), b"<NomFic/>"))
    assert [p.message for p in without_value.read_problems] == ["the V attribute is missing"]
    assert without_value.read_problems[0].element == "PES_Aller/Enveloppe/Parametres/NomFic"
