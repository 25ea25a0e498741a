"""Writing acquittements: valid against the official V2 schema, checked, atomic."""

from __future__ import annotations

import copy
import io
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demat_sdk.errors import PesModelError, PesWriteError
from demat_sdk.pes import Emetteur, EnTetePES, Enveloppe, Recepteur
from demat_sdk.pes.acquit import (
    Acquit,
    CodeAnomalie,
    DetailLigne,
    DetailPiece,
    DomaineAcquit,
    ElementAcquit,
    ErreurAcquit,
    acquit_to_bytes,
    check_acquit,
    read_acquit,
    write_acquit,
)
from demat_sdk.pes.acquit.writer import unchecked_acquit_bytes

from return_path_support import ACK_V2_XSD, EXAMPLES, SAMPLES, schema_errors


def an_acquit(*elements: ElementAcquit) -> Acquit:
    return Acquit(
        enveloppe=Enveloppe(
            type_fichier="PESALR1",
            nom_fichier="PESDEP_26380001500017_2025_421",
            emetteur=Emetteur(sigle="EDITEUR GEF", adresse="GEF 1.0.0"),
            recepteur=Recepteur(sigle="HELIOS"),
        ),
        en_tete=EnTetePES(
            date_emission=date(2025, 3, 14),
            code_poste="038011",
            siret="26380001500017",
            finess_juridique="380780080",
            code_collectivite="123",
            code_budget="00",
            libelle_budget="CH EXEMPLE BUDGET H",
        ),
        elements=list(elements)
        or [
            ElementAcquit(
                domaine=DomaineAcquit.DEPENSE,
                etat=True,
                numero_bordereau=421,
                exercice_bordereau=2025,
            )
        ],
    )


REJECTED_BORDEREAU = ElementAcquit(
    domaine=DomaineAcquit.DEPENSE,
    etat=False,
    numero_bordereau=421,
    exercice_bordereau=2025,
    pieces=[
        DetailPiece(
            numero_piece=3017,
            lignes=[
                DetailLigne(
                    numero_ligne=1,
                    erreurs=[
                        ErreurAcquit.helios(
                            CodeAnomalie.ERREUR_AUTRE, 1971, "Compte fonction présent à tort"
                        )
                    ],
                )
            ],
        )
    ],
)


@pytest.mark.parametrize(
    "path",
    [*sorted(EXAMPLES.glob("04*_PES_ACQUIT_*.xml")), SAMPLES / "s2low_pes_acquit.xml"],
    ids=lambda path: path.name,
)
def test_read_then_write_gives_a_valid_identical_ack(path: Path) -> None:
    acquit = read_acquit(path)
    written = acquit_to_bytes(acquit)
    assert schema_errors(ACK_V2_XSD, written) == []
    assert read_acquit(written) == acquit


def test_iso_8859_1_by_default_utf8_on_request() -> None:
    acquit = an_acquit(REJECTED_BORDEREAU)
    latin1 = acquit_to_bytes(acquit)
    assert latin1.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>')
    assert "présent à tort".encode("iso-8859-1") in latin1
    utf8 = acquit_to_bytes(acquit, encoding="UTF-8")
    assert utf8.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert "présent à tort".encode() in utf8
    assert read_acquit(latin1) == read_acquit(utf8) == acquit
    assert schema_errors(ACK_V2_XSD, latin1) == []


def test_numbord_is_written_before_exercicebord() -> None:
    text = acquit_to_bytes(an_acquit()).decode("iso-8859-1")
    assert text.index("<NumBord V=") < text.index("<ExerciceBord V=")
    assert '<n:PES_ACQUIT xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour/v2">' in (
        text
    )


def test_the_helios_anomaly_number_is_split_back() -> None:
    erreur = ErreurAcquit.helios(CodeAnomalie.ERREUR_AUTRE, 2559, "Code service inconnu")
    assert erreur.libelle_anomalie == "2559 - Code service inconnu"
    assert (erreur.numero_helios, erreur.texte) == (2559, "Code service inconnu")
    assert ErreurAcquit(libelle_anomalie="  12 -  texte ").numero_helios == 12
    assert ErreurAcquit(libelle_anomalie="Erreur 12 - texte").numero_helios is None
    assert ErreurAcquit().texte == ""


def test_typographic_characters_are_mapped_for_latin1() -> None:
    element = copy.deepcopy(REJECTED_BORDEREAU)
    element.pieces[0].lignes[0].erreurs[
        0
    ].libelle_anomalie = "1971 - L’imputation n’est pas œuvrée…"
    written = acquit_to_bytes(an_acquit(element))
    read = read_acquit(written)
    assert read.elements[0].pieces[0].lignes[0].erreurs[0].texte == (
        "L'imputation n'est pas oeuvrée..."
    )
    utf8 = read_acquit(acquit_to_bytes(an_acquit(element), encoding="UTF-8"))
    assert utf8.elements[0].pieces[0].lignes[0].erreurs[0].texte == (
        "L’imputation n’est pas œuvrée…"
    )


def test_every_problem_is_reported_with_its_place() -> None:
    element = copy.deepcopy(REJECTED_BORDEREAU)
    element.id_unique = "PJ-1"
    element.pieces[0].lignes[0].erreurs[0].libelle_anomalie = "x" * 501
    pj = ElementAcquit(domaine=DomaineAcquit.PJ, etat=False)
    acquit = an_acquit(element, pj)
    acquit.en_tete.code_collectivite = "000"
    acquit.enveloppe.emetteur = None
    acquit.elements.append(
        ElementAcquit(domaine=DomaineAcquit("42"), etat=True, id_marche="2025ABC-001")
    )
    with pytest.raises(PesModelError) as caught:
        check_acquit(acquit)
    assert caught.value.problems == (
        ("enveloppe / emetteur", "is required (Emetteur)"),
        ("en_tete / code_collectivite", "'000' is not accepted (zeros only)"),
        ("élément 1 / id_unique", "'PJ-1' does not match the pattern [0-9a-zA-Z]*"),
        (
            "élément 1 / pièce 3017 / ligne 1 / erreurs[1] / libelle_anomalie",
            "501 characters, more than the 500 allowed",
        ),
        (
            "élément 3 / domaine",
            "unknown code '42' (expected one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99)",
        ),
        ("élément 1", "names more than one object (bordereau, id_unique); keep one"),
        ("élément 2", "a PJ element names its PJ (id_unique)"),
    )
    assert str(caught.value).startswith("enveloppe / emetteur: is required (Emetteur)")
    assert str(caught.value).endswith("(+6 more)")


def test_characters_outside_latin1_are_refused_not_mangled(tmp_path: Path) -> None:
    element = copy.deepcopy(REJECTED_BORDEREAU)
    element.pieces[0].lignes[0].erreurs[0].libelle_anomalie = "1971 - Compte → fonction"
    target = tmp_path / "ack.xml"
    with pytest.raises(
        PesModelError, match=r"character '→' \(U\+2192 RIGHTWARDS ARROW\) has no Latin-1 equivalent"
    ):
        write_acquit(an_acquit(element), target)
    assert list(tmp_path.iterdir()) == []
    write_acquit(an_acquit(element), target, encoding="UTF-8")
    assert read_acquit(target).elements[0].pieces[0].lignes[0].erreurs[0].texte == (
        "Compte → fonction"
    )


def test_control_characters_are_refused() -> None:
    element = copy.deepcopy(REJECTED_BORDEREAU)
    element.pieces[0].lignes[0].erreurs[0].libelle_anomalie = "bad\x00value"
    with pytest.raises(PesModelError, match="control character"):
        check_acquit(an_acquit(element))


def test_write_to_a_path_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ACK.xml"
    target.write_bytes(b"previous")

    def failing_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(PesWriteError, match="No space left on device"):
        write_acquit(an_acquit(), target)
    assert target.read_bytes() == b"previous"
    assert [path.name for path in tmp_path.iterdir()] == ["ACK.xml"]
    monkeypatch.undo()
    write_acquit(an_acquit(), target)
    assert read_acquit(target) == an_acquit()
    assert [path.name for path in tmp_path.iterdir()] == ["ACK.xml"]


def test_write_to_a_stream_and_to_a_missing_directory(tmp_path: Path) -> None:
    stream = io.BytesIO()
    write_acquit(an_acquit(), stream)
    assert read_acquit(stream.getvalue()) == an_acquit()
    with pytest.raises(PesWriteError, match="could not write the ACK"):
        write_acquit(an_acquit(), tmp_path / "absent" / "ACK.xml")


# --- property: the model check and the official schema agree -----------------------------

LATIN1_TEXT = st.one_of(
    st.sampled_from(["nc", ".", " ", "000"]), st.text(alphabet="AZaz09 .-'éàçÉ\n", max_size=40)
)

XML_CHARACTERS = st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="\ufffe\uffff")
XML_TEXT = st.text(XML_CHARACTERS, max_size=510)


@st.composite
def elements(draw: st.DrawFn) -> ElementAcquit:
    domaine = draw(st.sampled_from([*DomaineAcquit, DomaineAcquit("42")]))
    reference = draw(st.sampled_from(["bordereau", "pj", "marche", "none", "two"]))
    number = st.integers(min_value=-1, max_value=10**8)
    element = ElementAcquit(domaine=domaine, etat=draw(st.booleans()))
    if reference in ("bordereau", "two"):
        element.numero_bordereau = draw(number)
        element.exercice_bordereau = draw(st.one_of(st.integers(1990, 2100), number))
    if reference in ("pj", "two"):
        element.id_unique = draw(st.from_regex(r"[0-9A-Za-z]{0,52}|[A-Z]-[0-9]", fullmatch=True))
    if reference == "marche":
        element.id_marche = draw(st.text(XML_CHARACTERS, max_size=20))
    error = st.builds(
        ErreurAcquit,
        numero_anomalie=st.one_of(st.none(), st.sampled_from(list(CodeAnomalie))),
        libelle_anomalie=st.one_of(st.none(), LATIN1_TEXT, XML_TEXT),
    )
    element.erreurs = draw(st.lists(error, max_size=2))
    element.pieces = draw(
        st.lists(
            st.builds(
                DetailPiece,
                numero_piece=st.integers(0, 10**14),
                erreurs=st.lists(error, max_size=2),
                lignes=st.lists(
                    st.builds(
                        DetailLigne,
                        numero_ligne=st.integers(0, 10**14),
                        erreurs=st.lists(error, max_size=2),
                    ),
                    max_size=2,
                ),
            ),
            max_size=2,
        )
    )
    return element


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(elements(), min_size=1, max_size=3),
    st.sampled_from(["123", "000", "12", "ABC"]),
    LATIN1_TEXT,
)
def test_the_model_check_agrees_with_the_xsd(
    found: list[ElementAcquit], code_collectivite: str, libelle: str
) -> None:
    acquit = an_acquit(*found)
    acquit.en_tete.code_collectivite = code_collectivite
    acquit.en_tete.libelle_budget = libelle or None
    unchecked = unchecked_acquit_bytes(acquit, "UTF-8")
    xsd_problems = schema_errors(ACK_V2_XSD, unchecked)
    problems = model_problems(acquit)
    if not problems:
        assert xsd_problems == []
        assert read_acquit(acquit_to_bytes(acquit, encoding="UTF-8")) == acquit
        return
    # The model's own rules (one object per element, the object a domain needs) are stricter
    # than the schema; otherwise the check refuses exactly what the schema refuses.
    own_rules = [
        problem
        for problem in problems
        if "names more than one" in problem[1] or "element names its" in problem[1]
    ]
    assert xsd_problems or own_rules, problems


def model_problems(acquit: Acquit) -> list[tuple[str, str]]:
    try:
        check_acquit(acquit, encoding="UTF-8")
    except PesModelError as error:
        return list(error.problems)
    return []
