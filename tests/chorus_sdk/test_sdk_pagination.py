"""Every search of the SDK, walked page by page against the emulator.

Pages of two results: the first page's counters, then ``auto_paging_iter`` and ``iter_pages``
must give every result once, in the order of the pages, whichever key the operation pages with
and wherever its answer says the page (``parametresRetour`` or the top level).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from demat_sdk.chorus.enums import CadreFacturation, RoleUtilisateur, StatutFacture

from chorus_sdk_support import (
    ChorusSession,
    Client,
    RecordingPage,
    available,
    covers,
    invoice,
    submit_for_validation,
)

pytestmark = pytest.mark.anyio

S = StatutFacture
SIZE = 2


async def _walk(
    chorus: ChorusSession, name: str, first: RecordingPage, key: Callable[[Any], object]
) -> list[object]:
    """Walk a search both ways; the keys of its results, after checking the counters."""
    assert first.page_courante == 1, name
    assert first.nb_resultats_par_page == SIZE, name
    assert first.total is not None, name
    expected_pages = max(1, -(-first.total // SIZE))
    assert first.pages == expected_pages, name
    assert first.has_next_page() == (expected_pages > 1), name
    items = [key(item) for item in await chorus.all(first)]
    assert len(items) == first.total, name
    assert len(set(items)) == len(items), f"{name}: a result came twice"
    pages = await chorus.pages(first)
    assert [page.page_courante for page in pages] == list(range(1, expected_pages + 1)), name
    assert [key(item) for page in pages for item in page.items] == items, name
    assert all(len(page.items) <= SIZE for page in pages), name
    return items


async def _invoices(chorus: ChorusSession) -> tuple[Client, Client]:
    """Five invoices from PHARMADIS to the CHU de Valmont, the first three suspended."""
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_valmont)
    ids = await available(
        chorus,
        pharmadis,
        *(
            invoice(world.pharmadis, world.chu_valmont, f"PAGE-{n}", code_service="BIOMED")
            for n in range(1, 6)
        ),
    )
    for id_facture in ids[:3]:
        await chu.factures.traiter_facture_recue(
            id_facture=id_facture, nouveau_statut=S.SUSPENDUE, motif="Bon de livraison manquant"
        )
    return pharmadis, chu


@covers(
    "factures.rechercher_fournisseur",
    "factures.rechercher_recipiendaire",
    "factures.rechercher_a_traiter_recipiendaire",
    "factures.rechercher_a_traiter_fournisseur",
    "structures.rechercher",
    "structures.rechercher_services",
    "structures.lister_rattachements",
    "structures.rechercher_espaces",
    "transverses.rechercher_destinataire",
    "Page.auto_paging_iter",
    "Page.iter_pages",
    "Page.has_next_page",
)
async def test_every_search_walks_its_pages(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis, chu = await _invoices(chorus)
    valmont = world.chu_valmont.id_structure_cpp

    numeros = await _walk(
        chorus,
        "rechercher_fournisseur",
        await pharmadis.factures.rechercher_fournisseur(
            nb_resultats_par_page=SIZE, tri_colonne="NumeroFacture", tri_sens="Ascendant"
        ),
        lambda item: item.numero_facture,
    )
    assert numeros == [f"PAGE-{n}" for n in range(1, 6)]
    await _walk(
        chorus,
        "rechercher_recipiendaire",
        await chu.factures.rechercher_recipiendaire(nb_resultats_par_page=SIZE),
        lambda item: item.id_facture,
    )
    completees = await _walk(
        chorus,
        "rechercher_a_traiter_recipiendaire",
        await chu.factures.rechercher_a_traiter_recipiendaire(
            id_structure=valmont, nb_resultats_par_page=SIZE
        ),
        lambda item: item.numero_facture,
    )
    assert sorted(completees) == ["PAGE-4", "PAGE-5"]
    suspendues = await _walk(
        chorus,
        "rechercher_a_traiter_fournisseur",
        await pharmadis.factures.rechercher_a_traiter_fournisseur(
            id_structure=world.pharmadis.id_structure_cpp, nb_resultats_par_page=SIZE
        ),
        lambda item: item.numero_facture,
    )
    assert sorted(suspendues) == ["PAGE-1", "PAGE-2", "PAGE-3"]
    structures = await _walk(
        chorus,
        "structures.rechercher",
        await pharmadis.structures.rechercher(
            nb_resultats_par_page=SIZE, tri_colonne="IdentifiantStructure", tri_sens="Ascendant"
        ),
        lambda item: item.identifiant_structure,
    )
    assert structures == sorted(structures)
    assert len(structures) == 8
    await _walk(
        chorus,
        "structures.rechercher_services",
        await pharmadis.structures.rechercher_services(
            id_structure=valmont, nb_resultats_par_page=SIZE
        ),
        lambda item: item.code_service,
    )
    await _walk(
        chorus,
        "structures.lister_rattachements",
        await chu.structures.lister_rattachements(id_structure=valmont, nb_resultats_par_page=SIZE),
        lambda item: item.code_service,
    )
    await _walk(
        chorus,
        "structures.rechercher_espaces",
        await chu.structures.rechercher_espaces(id_structure=valmont, nb_resultats_par_page=SIZE),
        lambda item: (item.id_espace_fo, item.id_service),
    )
    await _walk(
        chorus,
        "transverses.rechercher_destinataire",
        await pharmadis.transverses.rechercher_destinataire(nb_resultats_par_page=SIZE),
        lambda item: item.siret,
    )


@covers(
    "factures.soumettre",
    "factures.rechercher_valideur",
    "factures.rechercher_a_traiter_valideur",
    "utilisateurs.rattachements",
    "Page.auto_paging_iter",
    "Page.iter_pages",
)
async def test_the_validators_and_the_accounts_searches_walk_their_pages(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    sterilis, biomedika = chorus.client(world.sterilis), chorus.client(world.biomedika)
    for n in range(1, 4):
        await submit_for_validation(
            chorus, sterilis, f"STE-{n}", cadre=CadreFacturation.A9_FACTURE_SOUSTRAITANT
        )
    a_valider = await _walk(
        chorus,
        "rechercher_a_traiter_valideur",
        await biomedika.factures.rechercher_a_traiter_valideur(
            id_structure=world.biomedika.id_structure_cpp, nb_resultats_par_page=SIZE
        ),
        lambda item: item.numero_facture,
    )
    assert sorted(a_valider) == ["STE-1", "STE-2", "STE-3"]
    await _walk(
        chorus,
        "rechercher_valideur",
        await biomedika.factures.rechercher_valideur(nb_resultats_par_page=SIZE),
        lambda item: item.id_facture,
    )

    # The GHT's finance team receives the invoices of three hospitals with one account.
    ght = chorus.client(
        account=chorus.fake.add_account(
            "TECH_1_GHT_VAL_D_AURE@cpro.fr",
            "mot-de-passe-du-ght",
            rights={
                structure: [RoleUtilisateur.DESTINATAIRE]
                for structure in (world.ch_saint_aurele, world.chu_valmont, world.chu_rochebrune)
            },
        )
    )
    designations = await _walk(
        chorus,
        "utilisateurs.rattachements",
        await ght.utilisateurs.rattachements(nb_resultats_par_page=SIZE),
        lambda item: item.designation_structure,
    )
    assert len(designations) == 3


@covers("factures.rechercher_demande_paiement", "engagements.rechercher", "Page.has_next_page")
async def test_the_unpaged_searches_return_everything_at_once(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    for n in range(3):
        chorus.fake.add_engagement(
            world.chu_valmont,
            f"EJ2026BIO00000{n}",
            fournisseur=world.pharmadis,
            code_service="BIOMED",
            montant_ht="100",
            montant_ttc="120",
        )
    pharmadis = chorus.client(world.pharmadis)
    engagements = await pharmadis.engagements.rechercher(
        structure_receptrice=world.pharmadis.id_structure_cpp
    )
    assert len(engagements.items) == engagements.total == 4
    assert not engagements.has_next_page()
    await available(
        chorus,
        pharmadis,
        *(invoice(world.pharmadis, world.departement, f"DP-{n}") for n in range(12)),
    )
    chorus.fake.settings.qualification = False
    demandes = await pharmadis.factures.rechercher_demande_paiement(role_utilisateur="FOURNISSEUR")
    assert len(demandes.items) == demandes.total == 12
    assert not demandes.has_next_page()
