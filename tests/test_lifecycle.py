"""The invoice lifecycle table shared by the client and the emulator."""

from __future__ import annotations

import pytest

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.lifecycle import Actor, TransitionRefusal

S = StatutFacture

# The official example of recupererEtatsPossiblesPourTraitement for MISE_A_DISPOSITION
# (Chorus Pro community page), which the table extends with SERVICE_FAIT.
OFFICIAL_FROM_MISE_A_DISPOSITION = {
    S.MISE_A_DISPOSITION,
    S.SUSPENDUE,
    S.REJETEE,
    S.MANDATEE,
    S.MISE_EN_PAIEMENT,
    S.COMPTABILISEE,
    S.MISE_A_DISPOSITION_COMPTABLE,
    S.A_RECYCLER,
}


def test_recipient_choices_contain_the_official_example() -> None:
    choices = set(lifecycle.etats_possibles_pour_traitement(S.MISE_A_DISPOSITION))
    assert choices == OFFICIAL_FROM_MISE_A_DISPOSITION | {S.SERVICE_FAIT}


def test_a_completed_invoice_is_back_in_the_recipients_hands() -> None:
    choices = set(lifecycle.etats_possibles_pour_traitement(S.COMPLETEE))
    assert {S.SUSPENDUE, S.REJETEE, S.SERVICE_FAIT, S.MANDATEE, S.A_RECYCLER} <= choices
    assert S.COMPLETEE not in choices


def test_nothing_for_the_recipient_while_the_supplier_has_the_invoice() -> None:
    for statut in (S.SUSPENDUE, S.A_RECYCLER, S.DEPOSEE, S.REJETEE, S.MISE_EN_PAIEMENT):
        assert lifecycle.etats_possibles_pour_traitement(statut) == ()


def test_structures_not_reporting_payment_never_offer_mise_en_paiement() -> None:
    for statut in (S.MISE_A_DISPOSITION, S.SERVICE_FAIT, S.MANDATEE, S.COMPTABILISEE):
        offered = lifecycle.etats_possibles_pour_traitement(statut, mise_en_paiement_remontee=False)
        assert S.MISE_EN_PAIEMENT not in offered
    assert (
        lifecycle.refusal(
            Actor.RECIPIENT, S.MANDATEE, S.MISE_EN_PAIEMENT, mise_en_paiement_remontee=False
        )
        is TransitionRefusal.MISE_EN_PAIEMENT_NOT_REPORTED
    )


@pytest.mark.parametrize("target", [S.SUSPENDUE, S.REJETEE])
def test_rejet_and_suspension_need_a_motif(target: StatutFacture) -> None:
    transition = lifecycle.find_transition(S.MISE_A_DISPOSITION, target, Actor.RECIPIENT)
    assert transition is not None
    assert transition.motif_required
    assert transition.operation == "traiterFactureRecue"
    assert (
        lifecycle.refusal(Actor.RECIPIENT, S.MISE_A_DISPOSITION, target)
        is TransitionRefusal.MOTIF_REQUIRED
    )
    assert (
        lifecycle.refusal(Actor.RECIPIENT, S.MISE_A_DISPOSITION, target, motif="   ")
        is TransitionRefusal.MOTIF_REQUIRED
    )
    assert (
        lifecycle.refusal(Actor.RECIPIENT, S.MISE_A_DISPOSITION, target, motif="PV absent") is None
    )


def test_recyclage_needs_no_motif() -> None:
    assert lifecycle.refusal(Actor.RECIPIENT, S.MISE_A_DISPOSITION, S.A_RECYCLER) is None


def test_completer_only_from_suspendue_and_recycler_only_from_a_recycler() -> None:
    completer = [t for t in lifecycle.TRANSITIONS if t.operation == "completerFacture"]
    recycler = [t for t in lifecycle.TRANSITIONS if t.operation == "recyclerFacture"]
    assert [(t.source, t.target, t.actor) for t in completer] == [
        (S.SUSPENDUE, S.COMPLETEE, Actor.SUPPLIER)
    ]
    assert [(t.source, t.target, t.actor) for t in recycler] == [
        (S.A_RECYCLER, S.DEPOSEE, Actor.SUPPLIER)
    ]


def test_actors_cannot_make_each_others_moves() -> None:
    assert (
        lifecycle.refusal(Actor.SUPPLIER, S.MISE_A_DISPOSITION, S.SERVICE_FAIT)
        is TransitionRefusal.NOT_ALLOWED
    )
    assert (
        lifecycle.refusal(Actor.RECIPIENT, S.SUSPENDUE, S.COMPLETEE)
        is TransitionRefusal.NOT_ALLOWED
    )
    assert (
        lifecycle.refusal(Actor.RECIPIENT, S.DEPOSEE, S.MISE_A_DISPOSITION)
        is TransitionRefusal.NOT_ALLOWED
    )
    assert lifecycle.find_transition(S.DEPOSEE, S.MISE_A_DISPOSITION, Actor.SYSTEM) is not None


def test_after_mandatement_each_status_is_optional() -> None:
    chain = (S.MANDATEE, S.MISE_A_DISPOSITION_COMPTABLE, S.COMPTABILISEE, S.MISE_EN_PAIEMENT)
    for index, source in enumerate(chain):
        for target in chain[index + 1 :]:
            assert lifecycle.refusal(Actor.RECIPIENT, source, target) is None
            assert lifecycle.find_transition(source, target, Actor.SYSTEM) is not None
        for earlier in chain[:index]:
            assert lifecycle.refusal(Actor.RECIPIENT, source, earlier) is not None


def test_the_table_is_consistent() -> None:
    keys = [(t.source, t.target, t.actor) for t in lifecycle.TRANSITIONS]
    assert len(keys) == len(set(keys)), "a move is listed twice"
    for transition in lifecycle.TRANSITIONS:
        assert transition.source.is_known
        assert transition.target.is_known
        assert transition.motif_required == (transition.target in lifecycle.MOTIF_REQUIRED)
        assert (transition.operation is None) == (transition.actor is Actor.SYSTEM)
    for statut in lifecycle.TERMINAL:
        assert lifecycle.transitions_from(statut) == ()


def test_the_validator_circuit() -> None:
    assert lifecycle.refusal(Actor.VALIDATOR, S.A_VALIDER_1, S.VALIDEE_1) is None
    assert (
        lifecycle.refusal(Actor.VALIDATOR, S.A_VALIDER_1, S.REFUSEE_1)
        is TransitionRefusal.MOTIF_REQUIRED
    )
    assert lifecycle.find_transition(S.VALIDEE_1, S.MISE_A_DISPOSITION, Actor.SYSTEM) is not None
    assert (
        lifecycle.find_transition(S.ERREUR_FOURNISSEUR_SUR_VALIDEUR, S.A_VALIDER_1, Actor.SUPPLIER)
        is not None
    )
