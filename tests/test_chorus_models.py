"""The models read what Chorus Pro really sends, and send only what it takes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pydantic
import pytest

from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import CadreFacturation, StatutFacture, TypeFacture
from demat_sdk.chorus.models.fields import parse_chorus_datetime


def read(model: type[pydantic.BaseModel], text: str) -> Any:
    """Decode as the client does: JSON floats as Decimal."""
    return model.model_validate(json.loads(text, parse_float=Decimal))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-03-18", datetime(2016, 3, 18)),
        ("2016-05-24 15:02", datetime(2016, 5, 24, 15, 2)),
        ("2026-04-03 09:15:42", datetime(2026, 4, 3, 9, 15, 42)),
        (
            "2018-02-16T15:10:25.536+01:00",
            datetime(2018, 2, 16, 15, 10, 25, 536000, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("2018-02-16T14:10:25Z", datetime(2018, 2, 16, 14, 10, 25, tzinfo=timezone.utc)),
        (
            "2018-02-16T15:10:25+0100",
            datetime(2018, 2, 16, 15, 10, 25, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "2018-02-16T15:10:25.123456789-05:30",
            datetime(
                2018, 2, 16, 15, 10, 25, 123456, tzinfo=timezone(-timedelta(hours=5, minutes=30))
            ),
        ),
    ],
)
def test_every_date_shape_chorus_pro_writes_is_read(text: str, expected: datetime) -> None:
    assert parse_chorus_datetime(text) == expected


@pytest.mark.parametrize("text", ["18/03/2016", "2016-13-01", "2016-03-18T", "hier", "2016-02-30"])
def test_other_texts_are_not_dates(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a date Chorus Pro writes|out of range|must be in"):
        parse_chorus_datetime(text)


def test_date_fields_read_any_shape_and_keep_what_they_mean() -> None:
    text = json.dumps(
        {"dateFacture": "2016-05-24 15:02", "dateDepot": "2016-03-18", "dateEcheancePaiement": None}
    )
    references = read(m.References, text)
    assert references.date_facture == date(2016, 5, 24)
    assert references.date_depot == datetime(2016, 3, 18)
    assert references.date_echeance_paiement is None
    with pytest.raises(pydantic.ValidationError, match="not a date Chorus Pro writes"):
        read(m.References, '{"dateDepot": "24/05/2016"}')


def test_money_is_decimal_exactly_as_sent() -> None:
    total = read(
        m.MontantTotal, '{"montantHtTotal": 0.1, "montantTVA": 20, "montantAPayer": "1234567.89"}'
    )
    assert total.montant_ht_total == Decimal("0.1")
    assert total.montant_tva == Decimal(20)
    assert total.montant_a_payer == Decimal("1234567.89")
    valideur = read(m.FactureRechercheValideur, '{"montantHT": 1200.50, "montantTTC": 1440}')
    assert valideur.montant_ht == Decimal("1200.50")  # integer in the Swagger, decimal in fact


def test_requests_send_money_as_json_numbers_and_refuse_what_a_number_would_round() -> None:
    total = m.SoumettreFactureMontantTotal(
        montant_ht_total=Decimal("1234567.891234"), montant_tva=0.1, montant_a_payer="10"
    )
    assert total.montant_tva == Decimal("0.1")
    assert total.model_dump_json(by_alias=True, exclude_none=True) == (
        '{"montantHtTotal":1234567.891234,"montantTVA":0.1,"montantAPayer":10}'
    )
    with pytest.raises(pydantic.ValidationError, match="more digits than a JSON number"):
        m.SoumettreFactureMontantTotal(montant_ht_total=Decimal("12345678901234.123456"))
    with pytest.raises(pydantic.ValidationError, match="finite"):
        m.SoumettreFactureMontantTotal(montant_ht_total=Decimal("NaN"))


def test_a_number_where_text_is_declared_is_read_as_text() -> None:
    structure = read(
        m.StructureAAfficher, '{"identifiantStructure": 99999999999999, "idStructureCPP": 7}'
    )
    assert structure.identifiant_structure == "99999999999999"
    assert structure.id_structure_cpp == 7


def test_a_list_may_arrive_as_one_object_or_null() -> None:
    lignes = read(m.LignesPostes, '{"lignePoste": {"lignePosteNumero": 1}}')
    assert [ligne.ligne_poste_numero for ligne in lignes.ligne_poste] == [1]
    assert read(m.LignesPostes, '{"lignePoste": null}').ligne_poste == []
    cr = read(m.CompteRenduDetaille, '{"codeRetour": 0, "listeErreurDP": {"numeroDP": "F1"}}')
    assert cr.liste_erreur_dp[0].numero_dp == "F1"


def test_the_main_attachment_is_a_list_whatever_the_api_sends() -> None:
    single = read(m.FactureCpp, '{"pieceJointePrincipale": {"idPieceJointePrincipale": 3}}')
    several = read(m.FactureCpp, '{"pieceJointePrincipale": [{"idPieceJointePrincipale": 3}]}')
    assert single.piece_jointe_principale == several.piece_jointe_principale
    assert single.piece_jointe_principale[0].id_piece_jointe_principale == 3


def test_the_swagger_spellings_are_read_too() -> None:
    suivante = read(m.PieceSuivante, '{"numeroPieceSuiante": "N-1"}')
    assert suivante.numero_piece_suivante == "N-1"
    assert suivante.model_dump(by_alias=True, exclude_none=True) == {"numeroPieceSuivante": "N-1"}
    assert read(m.ParamModifierStructure, '{"getaMoa": true}').a_moa is True
    assert read(m.ParamModifierStructure, '{"aMoa": false}').a_moa is False


def test_requests_send_the_corrected_keys() -> None:
    param = m.ConsulterFactureParFournisseurParam(
        identifiant_facture_cpp=1,
        p_lignes_poste=m.ParamRechercheLignesPoste(page_resultat_demandee_lignes_poste=1),
    )
    assert param.model_dump(mode="json", by_alias=True, exclude_none=True) == {
        "identifiantFactureCPP": 1,
        "pLignesPoste": {"pageResultatDemandeeLignesPoste": 1},
    }
    recipiendaire = m.ParametreRechercheFactureATraiterParRecipiendaire(nb_resultats_maximum=5)
    assert recipiendaire.model_dump(by_alias=True, exclude_none=True) == {"nbResultatsMaximum": 5}
    assert "champs_de_tri" not in m.ParamRechercheLignesPoste.model_fields


def test_answers_keep_unknown_codes_and_unknown_keys() -> None:
    item = read(
        m.RetourRechercherFactureParFournisseur,
        '{"statut": "STATUT_DE_2030", "nouveauChamp": 1, "identifiantFactureCPP": 5}',
    )
    assert item.statut == "STATUT_DE_2030"
    assert not item.statut.is_known
    assert item.model_extra == {"nouveauChamp": 1}


def test_requests_refuse_unknown_codes_unknown_keys_and_codes_the_operation_does_not_take() -> None:
    with pytest.raises(pydantic.ValidationError, match="not an official StatutFacture code"):
        m.TraiterUneFactureRecueParam(nouveau_statut="STATUT_DE_2030")
    with pytest.raises(pydantic.ValidationError, match="Extra inputs are not permitted"):
        m.TraiterUneFactureRecueParam(statut="SUSPENDUE")
    with pytest.raises(
        pydantic.ValidationError, match=r"not allowed here \(one of: FACTURE, AVOIR\)"
    ):
        m.SoumettreFactureReferences(type_facture=TypeFacture.ACOMPTE)
    with pytest.raises(pydantic.ValidationError, match="A1_FACTURE_FOURNISSEUR, A2_"):
        m.SoumettreFactureCadreDeFacturation(code_cadre_facturation="A3_MEMOIRE_JUSTICE")
    cadre = m.SoumettreFactureCadreDeFacturation(code_cadre_facturation="A12_FACTURE_COTRAITANT")
    assert cadre.code_cadre_facturation is CadreFacturation.A12_FACTURE_COTRAITANT
    with pytest.raises(pydantic.ValidationError, match="SANS_CADRE_DE_FACTURATION"):
        m.RechercherFactureParFournisseurParam(cadre_facturation="SANS_CADRE_DE_FACTURATION")
    statuts = m.RechercherFactureRecipiendaireParam(statut_courant=["SUSPENDUE"])
    assert statuts.statut_courant == [StatutFacture.SUSPENDUE]


def test_files_are_bytes_in_python_and_base64_in_json() -> None:
    depot = m.DeposerFluxFactureParam(fichier_flux=b"<Invoice/>", nom_fichier="f.xml")
    assert depot.model_dump(mode="json", by_alias=True, exclude_none=True) == {
        "fichierFlux": "PEludm9pY2UvPg==",
        "nomFichier": "f.xml",
    }
    assert "Invoice" not in repr(depot)
    assert m.DeposerFluxFactureParam.model_validate(
        {"fichierFlux": "PEludm9pY2UvPg=="}
    ).fichier_flux == (b"<Invoice/>")
    with pytest.raises(pydantic.ValidationError, match="not base64"):
        read(m.WsRetourTelechargerGroupeFacture, '{"fichierResultat": "%%%"}')
