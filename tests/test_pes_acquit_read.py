"""Reading acquittements: every ACK of the examples and public samples; hostile input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from demat_sdk.errors import PesReadError
from demat_sdk.pes.acquit import (
    Acquit,
    CodeAnomalie,
    DomaineAcquit,
    SchemaAcquit,
    read_acquit,
)

from return_path_support import ACK_LEGACY_XSD, DATA, EXAMPLES, SAMPLES, schema_errors

EVERY_ACK = sorted(
    [
        *EXAMPLES.glob("04*_PES_ACQUIT_*.xml"),
        SAMPLES / "s2low_pes_acquit.xml",
        *SAMPLES.glob("stela_ack_ko_*.xml"),
    ]
)


def errors_of(acquit: Acquit) -> list[tuple[str, str | None, int | None, str]]:
    return [
        (
            found.localisation,
            found.erreur.numero_anomalie.code if found.erreur.numero_anomalie else None,
            found.erreur.numero_helios,
            found.erreur.texte,
        )
        for found in acquit.iter_erreurs()
    ]


def test_every_reference_ack_is_read() -> None:
    assert len(EVERY_ACK) == 6
    for path in EVERY_ACK:
        acquit = read_acquit(path)
        assert acquit.schema is SchemaAcquit.V2, path.name
        assert acquit.elements, path.name
        assert all(element.domaine.is_known for element in acquit.elements), path.name


def test_everything_accepted() -> None:
    acquit = read_acquit(EXAMPLES / "04a_PES_ACQUIT_ok.xml")
    assert acquit.nom_fichier == "PESDEP_26380001500017_2025_421"
    assert acquit.enveloppe.type_fichier == "PESALR1"
    assert acquit.enveloppe.emetteur is not None
    assert acquit.enveloppe.emetteur.sigle == "EDITEUR GEF"
    assert acquit.en_tete.date_emission == date(2025, 3, 14)
    assert acquit.en_tete.finess_juridique == "380780080"
    assert (acquit.en_tete.code_collectivite, acquit.en_tete.code_budget) == ("123", "00")
    assert acquit.accepte
    assert not acquit.flux_rejete
    assert acquit.rejets == []
    bordereau = acquit.bordereau(2025, 421)
    assert bordereau is not None
    assert bordereau.domaine is DomaineAcquit.DEPENSE
    assert bordereau.domaine.libelle == "Dépense"
    pj = acquit.pj("26380001500017DEP2025000421F0001")
    assert pj is not None
    assert pj.accepte
    assert pj.domaine is DomaineAcquit.PJ
    assert errors_of(acquit) == []


def test_line_error_and_duplicate_pj() -> None:
    acquit = read_acquit(EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml")
    assert not acquit.accepte
    assert not acquit.flux_rejete
    assert [element.objet for element in acquit.rejets] == [
        "bordereau 421 (exercice 2025)",
        "PJ 26380001500017DEP2025000421F0001",
    ]
    assert errors_of(acquit) == [
        (
            "bordereau 421 (exercice 2025) / pièce 3017 / ligne 1",
            "ERREUR_AUTRE",
            1971,
            "Compte fonction present a tort",
        ),
        (
            "PJ 26380001500017DEP2025000421F0001",
            "ERREUR_DOUBLON_PJ",
            1984,
            "L'identifiant unique de la PJ a deja ete integre dans HELIOS",
        ),
    ]


def test_whole_flux_rejected_in_box_one() -> None:
    acquit = read_acquit(EXAMPLES / "04c_PES_ACQUIT_ko_whole_flux.xml")
    assert acquit.flux_rejete
    (element,) = acquit.elements
    assert element.domaine is DomaineAcquit.TECHNIQUE
    assert element.objet == "flux"
    (erreur,) = element.erreurs
    assert erreur.numero_anomalie is CodeAnomalie.ERREUR_AUTRE
    assert erreur.numero_helios is None  # no "<number> - " prefix: the libellé is the text
    assert erreur.texte.startswith("Une erreur technique est survenue")
    assert "(Boite 1)" in erreur.texte


def test_s2low_ack_all_accepted_with_four_pj() -> None:
    acquit = read_acquit(SAMPLES / "s2low_pes_acquit.xml")
    assert acquit.accepte
    assert acquit.enveloppe.type_fichier == "PESALR2"
    assert acquit.enveloppe.emetteur is not None
    assert acquit.enveloppe.emetteur.adresse == "CORAIL 4.02.05 - MAUVE 4.02.07"
    assert [element.domaine for element in acquit.elements].count(DomaineAcquit.PJ) == 4
    assert acquit.bordereau(2015, 1847) is not None


def test_stela_chorus_pro_rejection_on_two_titres() -> None:
    acquit = read_acquit(SAMPLES / "stela_ack_ko_SDP.xml")
    assert acquit.en_tete.code_collectivite == "000"  # invalid against the XSD, read anyway
    assert errors_of(acquit) == [
        (
            f"bordereau 258 (exercice 2018) / pièce {piece}",
            "ERREUR_AUTRE",
            2559,
            "Le code service de la structure publique destinataire est inconnu ou inactif"
            " dans Chorus Pro",
        )
        for piece in (5432, 4321)
    ]
    assert [element.domaine for element in acquit.rejets] == [DomaineAcquit.RECETTE] * 2
    assert sum(element.accepte for element in acquit.elements) == 3


def test_latin1_accents_are_decoded() -> None:
    acquit = read_acquit(SAMPLES / "stela_ack_ko_SEN.xml")
    assert errors_of(acquit) == [
        (
            "PJ TI00064567",
            "ERREUR_DOUBLON_PJ",
            1984,
            "L'identifiant unique de la PJ a déjà été intégré dans HELIOS",
        )
    ]
    assert acquit.bordereau(2018, 123) is not None


def test_utf8_and_latin1_read_the_same() -> None:
    latin1 = (SAMPLES / "stela_ack_ko_SEN.xml").read_bytes()
    utf8 = latin1.decode("iso-8859-1").replace("ISO-8859-1", "UTF-8").encode("utf-8")
    assert utf8 != latin1
    assert read_acquit(utf8) == read_acquit(latin1)
    assert read_acquit(io.BytesIO(utf8)) == read_acquit(str(SAMPLES / "stela_ack_ko_SEN.xml"))


def test_legacy_schema_is_read_into_the_same_model() -> None:
    path = DATA / "acquit_historique.xml"
    assert schema_errors(ACK_LEGACY_XSD, path.read_bytes()) == []
    acquit = read_acquit(path)
    assert acquit.schema is SchemaAcquit.HISTORIQUE
    assert acquit.version == "1"
    assert errors_of(acquit) == [
        (
            "bordereau 88 (exercice 2014) / pièce 1204 / ligne 2",
            "ERREUR_AUTRE",
            1971,
            "Compte fonction présent à tort",
        ),
        (
            "bordereau 88 (exercice 2014) / pièce 1207",
            "ERREUR_DOUBLON_PIECE",
            None,
            "Pièce déjà intégrée",
        ),
    ]
    assert acquit.pj("26380001500017DEP2014000088F0001") is not None
    assert not acquit.accepte


def test_unknown_codes_are_kept() -> None:
    data = (EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml").read_bytes()
    data = data.replace(b'<DomaineAck V="4"/>', b'<DomaineAck V="13"/>')
    data = data.replace(b"ERREUR_DOUBLON_PJ", b"ERREUR_NOUVELLE")
    acquit = read_acquit(data)
    element = acquit.elements[1]
    assert element.domaine.code == "13"
    assert not element.domaine.is_known
    assert element.erreurs[0].numero_anomalie is not None
    assert element.erreurs[0].numero_anomalie.code == "ERREUR_NOUVELLE"


# --- refused input ------------------------------------------------------------------------


def test_a_pes_aller_is_not_an_ack() -> None:
    with pytest.raises(PesReadError, match=r"not a PES_ACQUIT .* root is 'PES_Aller'") as caught:
        read_acquit(EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml")
    assert caught.value.line is not None


def test_a_root_without_namespace_is_refused() -> None:
    data = (EXAMPLES / "04a_PES_ACQUIT_ok.xml").read_bytes()
    data = data.replace(b"n:PES_ACQUIT", b"PES_ACQUIT")
    with pytest.raises(PesReadError, match="namespace None"):
        read_acquit(data)


def test_missing_domain_names_the_element_and_line() -> None:
    data = (EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml").read_bytes()
    data = data.replace(b'<DomaineAck V="4"/>', b"")
    with pytest.raises(PesReadError) as caught:
        read_acquit(data)
    assert caught.value.element == "PES_ACQUIT/ACQUIT/ElementACQUIT[2]"
    second = data.index(b"<ElementACQUIT>", data.index(b"</ElementACQUIT>"))
    assert caught.value.line == data[:second].count(b"\n") + 1
    assert "DomaineAck is missing" in str(caught.value)


def test_bad_boolean_and_bad_number() -> None:
    data = (EXAMPLES / "04a_PES_ACQUIT_ok.xml").read_bytes()
    with pytest.raises(PesReadError, match="EtatAck: 'oui' is not a boolean") as caught:
        read_acquit(data.replace(b'<EtatAck V="1"/>', b'<EtatAck V="oui"/>', 1))
    assert caught.value.element == "PES_ACQUIT/ACQUIT/ElementACQUIT[1]/EtatAck"
    with pytest.raises(PesReadError, match="NumBord: '42a' is not a number"):
        read_acquit(data.replace(b'<NumBord V="421"/>', b'<NumBord V="42a"/>'))
    with pytest.raises(PesReadError, match="NumBord has no V attribute"):
        read_acquit(data.replace(b'<NumBord V="421"/>', b"<NumBord>421</NumBord>"))
    ko = (EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml").read_bytes()
    with pytest.raises(PesReadError, match="NumLigne: 'un' is not a number") as caught:
        read_acquit(ko.replace(b'<NumLigne V="1"/>', b'<NumLigne V="un"/>'))
    assert caught.value.element == (
        "PES_ACQUIT/ACQUIT/ElementACQUIT[1]/DetailPiece/DetailLigne/NumLigne"
    )


@pytest.mark.parametrize(
    ("cut", "message"),
    [
        (b"<Enveloppe>", "Enveloppe is missing"),
        (b"<EnTetePES>", "EnTetePES is missing"),
        (b"<ACQUIT>", "EnTeteAcquit is missing"),
    ],
)
def test_missing_blocks(cut: bytes, message: str) -> None:
    data = (EXAMPLES / "04a_PES_ACQUIT_ok.xml").read_bytes()
    start = data.index(cut)
    end = data.index(cut.replace(b"<", b"</")) + len(cut) + 1
    with pytest.raises(PesReadError, match=message):
        read_acquit(data[:start] + data[end:])


def test_an_ack_without_element_is_refused() -> None:
    data = (EXAMPLES / "04c_PES_ACQUIT_ko_whole_flux.xml").read_bytes()
    start = data.index(b"<ElementACQUIT>")
    end = data.index(b"</ElementACQUIT>") + len(b"</ElementACQUIT>")
    with pytest.raises(PesReadError, match="no ElementACQUIT"):
        read_acquit(data[:start] + data[end:])


def test_hostile_and_broken_files_are_refused(tmp_path: Path) -> None:
    xxe = b"""<?xml version="1.0"?>
<!DOCTYPE n:PES_ACQUIT [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<n:PES_ACQUIT xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour/v2">&x;</n:PES_ACQUIT>"""
    with pytest.raises(PesReadError, match="DTD"):
        read_acquit(xxe)
    truncated = (EXAMPLES / "04a_PES_ACQUIT_ok.xml").read_bytes()[:900]
    with pytest.raises(PesReadError, match="not well-formed") as caught:
        read_acquit(truncated)
    assert caught.value.line is not None
    with pytest.raises(PesReadError, match="above the limit"):
        read_acquit(EXAMPLES / "04a_PES_ACQUIT_ok.xml", max_bytes=100)
    with pytest.raises(PesReadError, match="no such file"):
        read_acquit(tmp_path / "absent.xml")
