"""The reference scenario of the emulator, written with ``ChorusPro`` / ``AsyncChorusPro``.

A supplier deposits a CII flux to a CHU → integrated → the CHU suspends it with a motif → the
supplier completes it → the CHU sets service fait, then mandatée (and the accountant's statuses
follow up to the mise en paiement); for a structure that does not report the mise en paiement the
invoice stays mandatée; a second flux addressed to a service that requires an engagement
juridique, without one, comes back ``IN_INTEGRE_PARTIEL`` with the error for that invoice.

The supplier (PHARMADIS) and each CHU use their own technical account of the seeded world. Runs
on both faces of the emulator, with both clients.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from demat_sdk import ChorusBusinessError, InvalidRequestError
from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import EtatFlux, StatutFacture, TriSens
from demat_sdk.testing.chorus.samples import Line

from chorus_sdk_support import DAY, ROUTING_SECONDS, ChorusSession, covers, deposit, invoice

pytestmark = pytest.mark.anyio

S = StatutFacture


@covers(
    "factures.deposer_flux",
    "factures.wait_for_integration",
    "factures.rechercher_a_traiter_recipiendaire",
    "factures.telecharger_groupe",
    "factures.traiter_facture_recue",
    "transverses.ajouter_fichier",
    "factures.completer",
    "factures.consulter_historique",
    "factures.consulter_fournisseur",
)
async def test_deposit_suspend_complete_service_fait_mandatee(chorus: ChorusSession) -> None:
    fake = chorus.fake
    world = fake.world
    pharmadis = chorus.client(world.pharmadis)
    valmont = chorus.client(world.chu_valmont)
    rochebrune = chorus.client(world.chu_rochebrune)

    # 1. PHARMADIS deposits a CII flux to the CHU de Valmont, another to Rochebrune.
    facture = invoice(
        world.pharmadis,
        world.chu_valmont,
        "PHX-2026-0001",
        code_service="BIOMED",
        lines=(
            Line("Seringues 10 ml", "200", "0.35", "20"),
            Line("Compresses stériles", "50", "1.20", "20"),
        ),
    )
    rapport = await deposit(chorus, pharmadis, facture)
    assert rapport.etat is EtatFlux.IN_INTEGRE
    [emise] = rapport.factures
    assert (emise.montant_ht, emise.montant_ttc) == (Decimal("130"), Decimal("156"))
    id_facture = emise.identifiant_facture_cpp
    autre = await deposit(
        chorus,
        pharmadis,
        invoice(world.pharmadis, world.chu_rochebrune, "PHX-2026-0002", code_service="ACHATS"),
    )
    [id_autre] = [each.identifiant_facture_cpp for each in autre.factures]
    fake.advance(ROUTING_SECONDS)

    # 2. The CHU finds it among the invoices to process and downloads it.
    a_traiter = await valmont.factures.rechercher_a_traiter_recipiendaire(
        id_structure=world.chu_valmont.id_structure_cpp
    )
    assert [item.id_facture for item in a_traiter.items] == [id_facture]
    pdf = await valmont.factures.telecharger_groupe(ids_facture=[id_facture])
    assert pdf.startswith(b"%PDF-")

    # 3. It suspends it: a motif is required, and checked before anything is sent.
    with pytest.raises(InvalidRequestError):
        await valmont.factures.traiter_facture_recue(
            id_facture=id_facture, nouveau_statut=S.SUSPENDUE
        )
    suspendue = await valmont.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=S.SUSPENDUE, motif="PV de réception manquant"
    )
    assert suspendue.nouveau_statut is S.SUSPENDUE

    # 4. The supplier completes it with the missing document.
    pv = await pharmadis.transverses.ajouter_fichier(
        fichier=b"%PDF-1.4 proces-verbal", nom_fichier="pv-reception.pdf"
    )
    await pharmadis.factures.completer(
        identifiant_facture_cpp=id_facture,
        pieces_jointes=[
            m.PieceJointeComplementaire(
                piece_jointe_complementaire_id=pv,
                piece_jointe_complementaire_designation="PV de réception",
                piece_jointe_complementaire_type="PV_RECEPTION",
            )
        ],
        commentaire="PV de réception joint",
    )
    historique = await valmont.factures.consulter_historique(id_facture=id_facture)
    assert historique.statut_courant_code is S.COMPLETEE
    a_traiter = await valmont.factures.rechercher_a_traiter_recipiendaire(
        id_structure=world.chu_valmont.id_structure_cpp
    )
    assert [(item.id_facture, item.statut) for item in a_traiter.items] == [
        (id_facture, S.COMPLETEE)
    ]

    # 5. Service fait, then mandatée — at both CHU.
    await valmont.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=S.SERVICE_FAIT
    )
    await valmont.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=S.MANDATEE, numero_dp_mandat="M2026-000451"
    )
    for statut in (S.SERVICE_FAIT, S.MANDATEE):
        await rochebrune.factures.traiter_facture_recue(id_facture=id_autre, nouveau_statut=statut)

    # 6. Days later the accountant has paid the first; Rochebrune's stays mandatée.
    fake.advance(5 * DAY)
    payee = await pharmadis.factures.consulter_historique(id_facture=id_facture)
    assert payee.statut_courant_code is S.MISE_EN_PAIEMENT
    restee = await pharmadis.factures.consulter_historique(id_facture=id_autre)
    assert restee.statut_courant_code is S.MANDATEE
    with pytest.raises(ChorusBusinessError):
        await rochebrune.factures.traiter_facture_recue(
            id_facture=id_autre, nouveau_statut=S.MISE_EN_PAIEMENT
        )
    vue = await pharmadis.factures.consulter_fournisseur(identifiant_facture_cpp=id_autre)
    assert vue.destinataire is not None
    assert vue.destinataire.mise_en_paiement_destinataire is False

    # The whole history is kept, with the motif.
    historique = await pharmadis.factures.consulter_historique(
        id_facture=id_facture,
        statuts=m.ParamRechercheHistoStatuts(
            tri_sens_liste_histo_statut=TriSens.Ascendant,
            nb_resultats_par_page_liste_histo_statut=20,
        ),
    )
    assert historique.historiques_des_statuts is not None
    etapes = historique.historiques_des_statuts.histo_statut
    assert [etape.histo_statut_code for etape in etapes] == [
        S.DEPOSEE,
        S.MISE_A_DISPOSITION,
        S.SUSPENDUE,
        S.COMPLETEE,
        S.SERVICE_FAIT,
        S.MANDATEE,
        S.MISE_A_DISPOSITION_COMPTABLE,
        S.COMPTABILISEE,
        S.MISE_EN_PAIEMENT,
    ]
    assert etapes[2].histo_statut_commentaire == "PV de réception manquant"


@covers("factures.deposer_flux", "factures.wait_for_integration")
async def test_a_flux_without_the_required_engagement_is_partly_integrated(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    sans_ej = invoice(world.pharmadis, world.chu_valmont, "PHX-2026-0101", code_service="PHARMACIE")
    avec_ej = invoice(
        world.pharmadis,
        world.chu_valmont,
        "PHX-2026-0102",
        code_service="PHARMACIE",
        numero_ej="EJ2026PHA000123",
    )

    rapport = await deposit(chorus, pharmadis, sans_ej, avec_ej, nom_fichier="lot.tar.gz")

    assert rapport.etat is EtatFlux.IN_INTEGRE_PARTIEL
    [erreur] = rapport.erreurs_dp
    assert erreur.numero_dp == "PHX-2026-0101"
    assert erreur.identifiant_destinataire == world.chu_valmont.identifiant
    assert erreur.libelle_erreur_dp == (
        "Le numéro d'engagement juridique (BuyerOrderReferencedDocument.IssuerAssignedID) est "
        "obligatoire pour le service PHARMACIE."
    )
    assert [facture.numero_facture for facture in rapport.factures] == ["PHX-2026-0102"]
