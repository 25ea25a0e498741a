"""The privacy guard finds patient data and names the field, never the data."""

from __future__ import annotations

import pytest

from demat_sdk.errors import PatientDataError
from demat_sdk.privacy import PrivacyGuard


def _nir() -> str:
    body = "1850578006084"
    return f"{body}{97 - int(body) % 97:02d}"


NIR = _nir()


@pytest.fixture
def guard() -> PrivacyGuard:
    return PrivacyGuard(patient_names=[("Dupont", "Éloïse"), ("N'Diaye", "Awa")])


def test_a_nir_is_found_and_not_repeated(guard: PrivacyGuard) -> None:
    body = {"lignePoste": [{"lignePosteDenomination": f"Séjour du patient {NIR}"}]}
    with pytest.raises(PatientDataError) as caught:
        guard.check(body, what="soumettreFacture")
    error = caught.value
    assert error.field == "lignePoste.0.lignePosteDenomination"
    assert "NIR" in str(error)
    assert NIR not in str(error)
    assert NIR[:7] not in repr(error)


def test_a_spaced_nir_is_found(guard: PrivacyGuard) -> None:
    spaced = " ".join([NIR[0], NIR[1:3], NIR[3:5], NIR[5:7], NIR[7:10], NIR[10:13], NIR[13:]])
    assert [f.kind for f in guard.scan_text(f"NIR {spaced}.")] == ["nir"]


def test_fifteen_digits_with_a_wrong_key_are_not_a_nir(guard: PrivacyGuard) -> None:
    wrong = NIR[:-2] + f"{(int(NIR[-2:]) + 1) % 97:02d}"
    assert guard.scan_text(f"Commande {wrong}") == []


def test_patient_names_in_either_order_accents_ignored(guard: PrivacyGuard) -> None:
    assert guard.scan_text("Frais de séjour ELOISE DUPONT")[0].kind == "patient_name"
    assert guard.scan_text("dupont, éloïse")[0].kind == "patient_name"
    assert guard.scan_text("Awa N'Diaye")[0].detail == "the name of patient #2 of the list"
    assert guard.scan_text("Dupontel Éloïse") == []  # whole words only
    assert guard.scan_text("Dupont SA, fournitures") == []  # a last name alone is not enough


def test_medical_terms_whole_words(guard: PrivacyGuard) -> None:
    assert guard.scan_text("Séance de DIALYSE")[0].detail == "the medical term 'dialyse'"
    assert guard.scan_text("Caisse primaire d'assurance maladie") == []
    assert guard.scan_text("Sidaction") == []  # not the word "sida"


def test_nested_models_and_paths() -> None:
    import pydantic

    class Ligne(pydantic.BaseModel):
        libelle: str = pydantic.Field(alias="lignePosteDenomination")

    class Body(pydantic.BaseModel):
        lignes: list[Ligne] = pydantic.Field(alias="lignePoste")
        commentaire: str

    body = Body(
        lignePoste=[
            Ligne(lignePosteDenomination="ok"),
            Ligne(lignePosteDenomination="chimiothérapie"),
        ],
        commentaire="VIH",
    )
    paths = [f.path for f in PrivacyGuard().scan(body)]
    assert paths == ["lignePoste.1.lignePosteDenomination", "commentaire"]


def test_ignore_paths(guard: PrivacyGuard) -> None:
    assert guard.scan({"numeroFacture": NIR}) != []
    assert PrivacyGuard(ignore_paths=["numeroFacture"]).scan({"numeroFacture": NIR}) == []


def test_xml_invoices_are_scanned_with_element_paths(guard: PrivacyGuard) -> None:
    xml = (
        "<Invoice><Note>RAS</Note><InvoiceLine><Item><Name>Consultation Éloïse Dupont</Name>"
        "</Item></InvoiceLine><AccountingCustomerParty ref='tumeur'/></Invoice>"
    ).encode()
    findings = guard.scan_xml(xml)
    assert [(f.path, f.kind) for f in findings] == [
        ("InvoiceLine/Item/Name", "patient_name"),
        ("AccountingCustomerParty/@ref", "medical_term"),
    ]
    with pytest.raises(PatientDataError, match=r"InvoiceLine/Item/Name.*\(\+1 more\)"):
        guard.check_xml(xml, what="deposerFluxFacture")


def test_clean_values_pass(guard: PrivacyGuard) -> None:
    guard.check({"lignePoste": [{"lignePosteDenomination": "Forfait journalier"}]}, what="x")
