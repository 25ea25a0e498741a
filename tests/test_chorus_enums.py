"""Chorus Pro enumerations: every official value, lenient on unknown ones."""

from __future__ import annotations

import json

import pydantic

from demat_sdk.chorus.enums import CadreFacturation, EtatFlux, StatutFacture, SyntaxeFlux

from tests_support import swagger_enum


def test_statut_facture_has_the_56_official_values() -> None:
    assert {member.value for member in StatutFacture} == set(swagger_enum("statutFacture"))
    assert len(StatutFacture) == 56


def test_cadres_and_syntaxes_cover_the_swagger() -> None:
    assert set(swagger_enum("cadreFacturation")) <= {m.value for m in CadreFacturation}
    assert set(swagger_enum("syntaxeFlux")) <= {m.value for m in SyntaxeFlux}


def test_unknown_values_are_kept_not_refused() -> None:
    class Answer(pydantic.BaseModel):
        statut: StatutFacture

    answer = Answer.model_validate(json.loads('{"statut": "STATUT_FUTUR"}'))
    assert answer.statut == "STATUT_FUTUR"
    assert not answer.statut.is_known
    assert Answer(statut="SUSPENDUE").statut is StatutFacture.SUSPENDUE  # type: ignore[arg-type]
    assert StatutFacture.SUSPENDUE.is_known


def test_terminal_flux_states() -> None:
    terminal = {state for state in EtatFlux if state.is_terminal}
    assert terminal == {
        EtatFlux.IN_INTEGRE,
        EtatFlux.IN_INTEGRE_PARTIEL,
        EtatFlux.IN_REJETE,
        EtatFlux.IN_INCIDENTE,
    }
