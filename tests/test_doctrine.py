"""The status doctrine: suspension, recyclage, rejet only for wrong billing data."""

from __future__ import annotations

import pytest

from demat_sdk.chorus.doctrine import MotifCategorie, advise_status, classify_motif
from demat_sdk.chorus.enums import StatutFacture


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
