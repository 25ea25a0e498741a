"""The status doctrine: suspension, recyclage, rejet only for wrong billing data."""

from __future__ import annotations

import pytest

from demat_sdk.chorus.doctrine import MotifCategorie, advise_status, choices, classify_motif
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.lifecycle import Actor, etats_possibles_pour_traitement


@pytest.mark.parametrize(
    ("categorie", "statut"),
    [
        (MotifCategorie.PIECE_MANQUANTE, StatutFacture.SUSPENDUE),
        (MotifCategorie.INFORMATION_MANQUANTE, StatutFacture.SUSPENDUE),
        (MotifCategorie.ERREUR_DESTINATAIRE, StatutFacture.A_RECYCLER),
        (MotifCategorie.ERREUR_CODE_SERVICE, StatutFacture.A_RECYCLER),
        (MotifCategorie.ERREUR_ENGAGEMENT, StatutFacture.A_RECYCLER),
        (MotifCategorie.DONNEES_FACTURATION_ERRONEES, StatutFacture.REJETEE),
        (MotifCategorie.DOUBLON, StatutFacture.REJETEE),
        (MotifCategorie.PRESTATION_NON_DUE, StatutFacture.REJETEE),
    ],
)
def test_advice_per_category(categorie: MotifCategorie, statut: StatutFacture) -> None:
    advice = advise_status(categorie)
    assert advice.statut is statut
    assert advice.explication
    assert advice.suite_fournisseur


def test_every_category_has_advice() -> None:
    for categorie in MotifCategorie:
        assert advise_status(categorie.value).categorie is categorie


@pytest.mark.parametrize(
    ("motif", "categorie"),
    [
        ("Bon de livraison absent", MotifCategorie.PIECE_MANQUANTE),
        ("Document manquant", MotifCategorie.PIECE_MANQUANTE),
        ("Il manque le PV de réception", MotifCategorie.PIECE_MANQUANTE),
        ("Mauvais code service, utiliser PHARMA", MotifCategorie.ERREUR_CODE_SERVICE),
        ("Numéro d'engagement inconnu", MotifCategorie.ERREUR_ENGAGEMENT),
        ("Bon de commande erroné", MotifCategorie.ERREUR_ENGAGEMENT),
        ("Facture adressée au mauvais SIRET", MotifCategorie.ERREUR_DESTINATAIRE),
        ("Montant TVA erroné", MotifCategorie.DONNEES_FACTURATION_ERRONEES),
        ("Doublon de la facture F-12", MotifCategorie.DOUBLON),
        ("Merci", None),
    ],
)
def test_classify_motif(motif: str, categorie: MotifCategorie | None) -> None:
    assert classify_motif(motif) is categorie


# --- what may be done now ----------------------------------------------------------------------


def test_the_choices_are_the_lifecycle_moves_explained() -> None:
    now = choices(StatutFacture.MISE_A_DISPOSITION)
    assert tuple(c.statut for c in now) == etats_possibles_pour_traitement(
        StatutFacture.MISE_A_DISPOSITION
    )
    by_status = {c.statut: c for c in now}
    suspension = by_status[StatutFacture.SUSPENDUE]
    assert suspension.motif_obligatoire
    assert suspension.operation == "traiterFactureRecue"
    assert suspension.pour == (MotifCategorie.PIECE_MANQUANTE, MotifCategorie.INFORMATION_MANQUANTE)
    assert by_status[StatutFacture.A_RECYCLER].pour == (
        MotifCategorie.ERREUR_DESTINATAIRE,
        MotifCategorie.ERREUR_CODE_SERVICE,
        MotifCategorie.ERREUR_ENGAGEMENT,
    )
    assert "définitif" in by_status[StatutFacture.REJETEE].libelle
    assert by_status[StatutFacture.SERVICE_FAIT].pour == ()
    for choice in now:  # every advice of the doctrine names a status the recipient may give
        for categorie in choice.pour:
            assert advise_status(categorie).statut is choice.statut

    (recyclage,) = choices("A_RECYCLER", actor=Actor.SUPPLIER)
    assert (recyclage.statut, recyclage.operation) == (StatutFacture.DEPOSEE, "recyclerFacture")
    assert "réadresser" in recyclage.libelle
    assert choices(StatutFacture.REJETEE) == ()
    assert StatutFacture.MISE_EN_PAIEMENT not in {
        c.statut for c in choices(StatutFacture.MANDATEE, mise_en_paiement_remontee=False)
    }
