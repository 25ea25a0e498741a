"""The validation circuit through the SDK: a cotraitant's invoice, its validator, a correction.

Each test runs four times: emulator in-process or over HTTP, ``ChorusPro`` or ``AsyncChorusPro``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from demat_sdk import ChorusBusinessError, InvalidRequestError
from demat_sdk.chorus.enums import CadreFacturation, StatutFacture

from chorus_sdk_support import ROUTING_SECONDS, ChorusSession, covers, submit_for_validation

pytestmark = pytest.mark.anyio

S = StatutFacture


@covers(
    "factures.soumettre",
    "factures.rechercher_a_traiter_valideur",
    "factures.consulter_valideur",
    "factures.recuperer_statuts_visibles_valideur",
    "factures.traiter_facture_a_valider",
    "factures.corriger_valideur",
    "factures.rechercher_valideur",
    "factures.consulter_fournisseur",
)
async def test_a_cotraitant_invoice_is_validated_after_a_correction(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    sterilis, biomedika = chorus.client(world.sterilis), chorus.client(world.biomedika)
    id_facture = await submit_for_validation(chorus, sterilis, "STE-0001")

    visibles = await biomedika.factures.recuperer_statuts_visibles_valideur()
    assert {S.A_VALIDER_1, S.VALIDEE_1, S.REFUSEE_1} <= set(visibles)
    a_valider = await biomedika.factures.rechercher_a_traiter_valideur(
        id_structure=world.biomedika.id_structure_cpp
    )
    [item] = a_valider.items
    assert (item.id_facture, item.identifiant_fournisseur) == (
        id_facture,
        world.sterilis.identifiant,
    )
    par_siret = await biomedika.factures.rechercher_a_traiter_valideur(
        identifiant_structure=world.biomedika.identifiant, type_identifiant_structure="SIRET"
    )
    assert [each.id_facture for each in par_siret.items] == [id_facture]
    facture = await biomedika.factures.consulter_valideur(identifiant_facture_cpp=id_facture)
    assert facture.statut_facture is S.A_VALIDER_1
    assert facture.montant_total is not None
    assert facture.montant_total.montant_ttc_total == Decimal("540")

    erreur = await biomedika.factures.traiter_facture_a_valider(
        id_facture=id_facture, action="ERREUR_FOURNISSEUR_SUR_VALIDEUR"
    )
    assert erreur.statut_facture is S.ERREUR_FOURNISSEUR_SUR_VALIDEUR
    corrigee = await sterilis.factures.corriger_valideur(
        id_facture=id_facture,
        identifiant_structure=world.biomedika.identifiant,
        type_identifiant_structure="SIRET",
    )
    assert corrigee.id_facture == id_facture
    validee = await biomedika.factures.traiter_facture_a_valider(
        id_facture=id_facture, action="VALIDATION"
    )
    assert validee.statut_facture is S.VALIDEE_1
    chorus.fake.advance(ROUTING_SECONDS)
    emise = await sterilis.factures.consulter_fournisseur(identifiant_facture_cpp=id_facture)
    assert emise.statut_facture is S.MISE_A_DISPOSITION
    deja = await biomedika.factures.rechercher_valideur(statut_courant=[S.MISE_A_DISPOSITION])
    assert [each.id_facture for each in deja.items] == [id_facture]
    assert (
        await biomedika.factures.rechercher_a_traiter_valideur(
            id_structure=world.biomedika.id_structure_cpp
        )
    ).items == []


@covers(
    "transverses.recuperer_motifs_refus_facture_a_valider",
    "factures.traiter_facture_a_valider",
    "factures.rechercher_valideur",
)
async def test_a_validator_refuses_with_a_coded_motif(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    sterilis, biomedika = chorus.client(world.sterilis), chorus.client(world.biomedika)
    id_facture = await submit_for_validation(chorus, sterilis, "STE-0002")
    motifs = await biomedika.transverses.recuperer_motifs_refus_facture_a_valider(
        code_cadre_facturation=CadreFacturation.A12_FACTURE_COTRAITANT
    )
    assert motifs
    assert all(motif.id_motif and motif.code_motif and motif.libelle_motif for motif in motifs)
    sans_valideur = await biomedika.transverses.recuperer_motifs_refus_facture_a_valider(
        code_cadre_facturation="A1_FACTURE_FOURNISSEUR"
    )
    assert sans_valideur == []

    with pytest.raises(ChorusBusinessError) as raised:
        await biomedika.factures.traiter_facture_a_valider(id_facture=id_facture, action="REFUS")
    assert "motif" in raised.value.libelle
    refusee = await biomedika.factures.traiter_facture_a_valider(
        id_facture=id_facture, action="REFUS", motif_refus=motifs[0].libelle_motif
    )
    assert refusee.statut_facture is S.REFUSEE_1
    refusees = await biomedika.factures.rechercher_valideur(statut_courant=[S.REFUSEE_1])
    assert [each.numero_facture for each in refusees.items] == ["STE-0002"]


@covers("factures.rechercher_a_traiter_valideur", "factures.corriger_valideur")
async def test_a_validating_structure_is_named_one_way_before_sending(
    chorus: ChorusSession,
) -> None:
    # Regression: the search let the structure out, which the emulator refused (21001).
    biomedika = chorus.client(chorus.fake.world.biomedika)
    with pytest.raises(InvalidRequestError) as raised:
        await biomedika.factures.rechercher_a_traiter_valideur()
    assert (raised.value.operation, raised.value.field) == (
        "rechercherFactureATraiterParValideur",
        "id_structure",
    )
    with pytest.raises(InvalidRequestError):
        await biomedika.factures.rechercher_a_traiter_valideur(
            id_structure=1, identifiant_structure="52345678800026"
        )
    with pytest.raises(InvalidRequestError) as raised:
        await biomedika.factures.corriger_valideur(id_facture=1, identifiant_structure="1")
    assert raised.value.operation == "corrigerValideurFacture"
    assert chorus.fake.state.token_requests == 0
