"""No patient data in the ASAP a PES flux sends to public debtors through Chorus Pro."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from demat_sdk import pes
from demat_sdk.errors import InvalidRequestError, PatientDataError
from demat_sdk.helios import asap_titres, check_asap_privacy, scan_asap_privacy
from demat_sdk.privacy import PrivacyGuard

from practices_support import asap_document, asap_pj, asap_titre, recette_flux

DEBITEUR = "22740004100017"
BODY = "2850375123456"
NIR = f"{BODY}{97 - int(BODY) % 97:02d}"
WHERE = "bordereau 119 (exercice 2026) / titre 5521"


def flux_with(
    *,
    objet: str = "Mise à disposition de personnel",
    asap_objet: str = "Mise à disposition de personnel",
    edition: pes.Edition = pes.Edition.ASAP_CPP,
    type_facture: pes.TypeFacture = pes.TypeFacture.ASAP,
    contenu: object = None,
) -> pes.PesAller:
    document = asap_document("FAC-1", DEBITEUR, objet=asap_objet, type_facture=type_facture)
    titre = asap_titre(5521, "FAC-1", DEBITEUR, edition=edition, objet=objet, id_asap="ASAP1")
    return recette_flux([titre], [asap_pj("ASAP1", contenu or document)])  # type: ignore[arg-type]


def test_a_clean_flux_passes() -> None:
    flux = flux_with()
    check_asap_privacy(flux)
    assert scan_asap_privacy(flux) == []
    (asap,) = asap_titres(flux)
    assert (asap.siret_debiteur, asap.numero_facture, asap.reference) == (
        DEBITEUR,
        "FAC-1",
        "2026/119/5521",
    )
    assert [pj.id_unique for pj in asap.pieces_justificatives] == ["ASAP1"]


def test_the_titre_is_named_with_its_field() -> None:
    flux = flux_with(objet="Séances de dialyse, mars 2026")
    with pytest.raises(PatientDataError) as caught:
        check_asap_privacy(flux)
    assert caught.value.problems == ((f"{WHERE} / objet", "the medical term 'dialyse'"),)
    assert caught.value.what == "ASAP for Chorus Pro in PESREC_26380000500005_2026_119"


def test_the_asap_document_is_read_as_a_model_or_as_xml(tmp_path: Path) -> None:
    guard = PrivacyGuard(patient_names=[("Durand", "Paul")])
    model = flux_with(asap_objet="Hébergement de Paul Durand")
    findings = scan_asap_privacy(model, guard)
    assert [(f.path, f.kind) for f in findings] == [
        (f"{WHERE} / PJ ASAP1 / PES_Facture.factures[0].objet", "patient_name"),
        (f"{WHERE} / PJ ASAP1 / PES_Facture.factures[0].lignes[0].libelle", "patient_name"),
    ]

    document = asap_document("FAC-1", DEBITEUR, objet=f"Assuré {NIR}")
    data = pes.to_bytes(document)
    path = tmp_path / "asap.xml"
    path.write_bytes(data)
    for contenu in (data, path, io.BytesIO(data)):
        findings = scan_asap_privacy(flux_with(contenu=contenu))
        assert {f.kind for f in findings} == {"nir"}
        assert findings[0].path.startswith(f"{WHERE} / PJ ASAP1 / PES_Facture/FactureIndiv")
        assert NIR not in str(findings)
    stream = io.BytesIO(data)
    stream.seek(3)
    scan_asap_privacy(flux_with(contenu=stream))
    assert stream.tell() == 3  # read back where it was: the writer can still use it


def test_a_flux_read_back_is_checked_too(tmp_path: Path) -> None:
    flux = flux_with(asap_objet="Chimiothérapie ambulatoire")
    pes.write(flux, tmp_path / "rec.xml")
    relu = pes.read(tmp_path / "rec.xml")
    with pytest.raises(PatientDataError, match="chimiotherapie"):
        check_asap_privacy(relu)


def test_a_patient_asap_never_goes_to_chorus_pro() -> None:
    flux = flux_with(type_facture=pes.TypeFacture.ASAP_PATIENTS)
    with pytest.raises(PatientDataError) as caught:
        check_asap_privacy(flux)
    path, detail = caught.value.problems[0]
    assert path == f"{WHERE} / PJ ASAP1 / PES_Facture/TypeFact"
    assert "TypeFact 10" in detail
    # as bytes too (what a flux read from disk holds)
    as_bytes = flux_with(
        contenu=pes.to_bytes(
            asap_document("FAC-1", DEBITEUR, type_facture=pes.TypeFacture.ASAP_PATIENTS)
        )
    )
    assert [f.kind for f in scan_asap_privacy(as_bytes)] == ["patient_file"]
    # the same document printed and posted (Edition 05) does not go to Chorus Pro
    check_asap_privacy(
        flux_with(
            type_facture=pes.TypeFacture.ASAP_PATIENTS, edition=pes.Edition.ASAP_PATIENTS_A_EDITER
        )
    )


def test_other_editions_are_left_alone() -> None:
    check_asap_privacy(flux_with(objet="Dialyse", edition=pes.Edition.ASAP_A_EDITER))


def test_a_stream_that_cannot_be_read_back_is_refused() -> None:
    class OneWay(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

    with pytest.raises(InvalidRequestError, match="cannot be read back"):
        scan_asap_privacy(flux_with(contenu=OneWay()))


def test_a_pdf_is_not_read() -> None:
    assert scan_asap_privacy(flux_with(contenu=b"%PDF-1.4 dialyse")) == []
