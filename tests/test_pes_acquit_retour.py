"""PES_ACQUIT_RETOUR: built from a return, valid against the official schema, read back."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from demat_sdk.errors import PesModelError, PesReadError
from demat_sdk.pes import Emetteur
from demat_sdk.pes.retour import (
    DomaineAcquitRetour,
    ElementAcquitRetour,
    TypeRestitution,
    acquit_retour_to_bytes,
    build_acquit_retour,
    check_acquit_retour,
    read_acquit_retour,
    read_retour,
    write_acquit_retour,
)

from return_path_support import ACQUIT_RETOUR_XSD, DATA, EXAMPLES, SAMPLES, schema_errors

GEF = Emetteur(sigle="EDITEUR GEF", adresse="GEF 1.0.0")
DEPENSE = DATA / "PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml"
RECETTE = DATA / "PES2R_RCE_R_123_00_038011_20250310_20250310_20250311070000.xml"


def test_acknowledging_a_periodic_depense_return(tmp_path: Path) -> None:
    retour = read_retour(DEPENSE)
    acquit = build_acquit_retour(
        retour,
        emetteur=GEF,
        nom_fichier="ACQRET_26380001500017_20250310_001",
        date_acquit=date(2025, 3, 10),
    )
    target = tmp_path / "ACQRET_26380001500017_20250310_001.xml"
    write_acquit_retour(acquit, target)
    written = target.read_bytes()
    assert schema_errors(ACQUIT_RETOUR_XSD, written) == []
    assert written.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>')
    text = written.decode("iso-8859-1")
    assert '<CodCol V="123"/>' in text  # the return's CodColl, under the Aller tag
    assert '<FinJur V="380780080"/>' in text
    read = read_acquit_retour(target)
    assert read == acquit
    (element,) = read.elements
    assert element.domaine is DomaineAcquitRetour.DEPENSE
    assert element.domaine.libelle == "PES Retour Dépense"
    assert element.nom_fichier_retour == retour.nom_fichier
    assert element.type_restitution is TypeRestitution.PERIODIQUE
    assert element.date_acquit == date(2025, 3, 10)
    assert read.enveloppe.type_fichier == "PES2R_DEP"
    assert read.en_tete.date_emission == date(2025, 3, 10)


def test_a_return_with_two_domains_gets_two_elements() -> None:
    acquit = build_acquit_retour(
        read_retour(RECETTE),
        emetteur=GEF,
        nom_fichier="ACQRET_2",
        date_acquit=date(2025, 3, 11),
        nom_fichier_retour="PES2R_RCE_R_123_00_038011_20250310_20250310_20250311070000.xml",
        type_fichier="PES_ACQUIT_RETOUR",
    )
    assert [element.domaine for element in acquit.elements] == [DomaineAcquitRetour.RECETTE]
    assert acquit.elements[0].type_restitution is TypeRestitution.REJET
    assert acquit.enveloppe.type_fichier == "PES_ACQUIT_RETOUR"
    assert schema_errors(ACQUIT_RETOUR_XSD, acquit_retour_to_bytes(acquit, encoding="UTF-8")) == []
    with_depense = read_retour(DEPENSE)
    with_depense.recette = read_retour(RECETTE).recette
    both = build_acquit_retour(
        with_depense, emetteur=GEF, nom_fichier="ACQRET_3", date_acquit=date(2025, 3, 11)
    )
    assert [element.domaine.code for element in both.elements] == ["13", "14"]
    assert schema_errors(ACQUIT_RETOUR_XSD, acquit_retour_to_bytes(both)) == []


def test_the_kind_of_return_must_be_known() -> None:
    simulated = read_retour(SAMPLES / "s2low_pes_retour.xml")
    with pytest.raises(PesModelError, match="pass type_restitution"):
        build_acquit_retour(
            simulated, emetteur=GEF, nom_fichier="ACQRET_4", date_acquit=date(2025, 3, 10)
        )
    acquit = build_acquit_retour(
        simulated,
        emetteur=GEF,
        nom_fichier="ACQRET_4",
        date_acquit=date(2025, 3, 10),
        type_restitution=TypeRestitution.PERIODIQUE,
    )
    assert schema_errors(ACQUIT_RETOUR_XSD, acquit_retour_to_bytes(acquit)) == []


def test_a_client_only_return_has_nothing_to_acknowledge() -> None:
    retour = read_retour(RECETTE)
    retour.recette = None
    with pytest.raises(PesModelError, match="no dépense or recette part"):
        build_acquit_retour(
            retour, emetteur=GEF, nom_fichier="ACQRET_5", date_acquit=date(2025, 3, 10)
        )


def test_reference_examples_are_read() -> None:
    valid = read_acquit_retour(EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml")
    assert valid.elements == [
        ElementAcquitRetour(
            domaine=DomaineAcquitRetour.DEPENSE,
            nom_fichier_retour="PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml",
            type_restitution=TypeRestitution.PERIODIQUE,
            date_acquit=date(2025, 3, 10),
        )
    ]
    assert read_acquit_retour(acquit_retour_to_bytes(valid)) == valid
    # S²LOW's sample is lenient (CodColl, no Emetteur): read, but not written as it is.
    s2low = read_acquit_retour(SAMPLES / "s2low_PES_ACQUIT_RETOUR.xml")
    assert s2low.en_tete.code_collectivite == "007"
    assert s2low.enveloppe.emetteur is None
    assert s2low.enveloppe.version == 1
    assert s2low.elements[0].nom_fichier_retour == (
        "PES2R_DEP_P_710_20_044090_20250307_20250307_20250308182309.xml"
    )
    with pytest.raises(PesModelError, match="emetteur: is required"):
        check_acquit_retour(s2low)
    fixed = copy.deepcopy(s2low)
    fixed.enveloppe.emetteur = GEF
    assert schema_errors(ACQUIT_RETOUR_XSD, acquit_retour_to_bytes(fixed)) == []


def test_model_problems_are_listed() -> None:
    acquit = read_acquit_retour(EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml")
    acquit.elements[0].nom_fichier_retour = "x" * 101
    acquit.elements[0].type_restitution = TypeRestitution("AA")
    acquit.en_tete.code_poste = "38011"
    with pytest.raises(PesModelError) as caught:
        write_acquit_retour(acquit, Path("/nonexistent/never-written.xml"))
    assert [location for location, _ in caught.value.problems] == [
        "en_tete / code_poste",
        "élément 1 / nom_fichier_retour",
        "élément 1 / type_restitution",
    ]


def test_not_an_acquit_retour() -> None:
    with pytest.raises(PesReadError, match="not a PES_ACQUIT_RETOUR"):
        read_acquit_retour(DEPENSE)
    data = (EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml").read_bytes()
    with pytest.raises(PesReadError, match="TypRestit is missing"):
        read_acquit_retour(data.replace(b'<TypRestit V="02"/>', b""))
