"""The recipient's side of the SDK against the emulator: find, download, process the invoices.

Each test runs four times: emulator in-process or over HTTP, ``ChorusPro`` or ``AsyncChorusPro``.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from demat_sdk import ChorusBusinessError, InvalidRequestError
from demat_sdk.chorus.doctrine import DoctrineWarning
from demat_sdk.chorus.enums import ActionUtilisateur, FormatTelechargement, StatutFacture
from demat_sdk.errors import PatientDataError
from demat_sdk.testing.chorus.samples import cii

from chorus_sdk_support import DAY, ChorusSession, available, covers, invoice, to_valmont

pytestmark = pytest.mark.anyio

S = StatutFacture


def _nir() -> str:
    body = "2850578006084"
    return f"{body}{97 - int(body) % 97:02d}"


@covers(
    "transverses.recuperer_structures_actives_pour_destinataire",
    "factures.rechercher_a_traiter_recipiendaire",
    "factures.rechercher_recipiendaire",
    "factures.telecharger_groupe",
    "factures.consulter_recipiendaire",
    "factures.consulter_historique",
)
async def test_the_recipient_finds_and_downloads_the_invoices_to_process(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_valmont)
    premiere, seconde = await available(
        chorus,
        pharmadis,
        invoice(world.pharmadis, world.chu_valmont, "PHX-1001", code_service="BIOMED"),
        invoice(world.pharmadis, world.chu_valmont, "PHX-1002", code_service="DAL"),
    )

    [structure] = await chu.transverses.recuperer_structures_actives_pour_destinataire()
    assert (structure.id_structure_cpp, structure.designation_structure) == (
        world.chu_valmont.id_structure_cpp,
        "CHU DE VALMONT",
    )
    a_traiter = await chu.factures.rechercher_a_traiter_recipiendaire(
        id_structure=structure.id_structure_cpp
    )
    assert a_traiter.total == 2
    assert {(item.id_facture, item.statut) for item in a_traiter.items} == {
        (premiere, S.MISE_A_DISPOSITION),
        (seconde, S.MISE_A_DISPOSITION),
    }
    nouvelles = await chu.factures.rechercher_recipiendaire(
        facture_telechargee_par_destinataire=False
    )
    assert nouvelles.total == 2
    assert all(item.facture_telechargee_par_destinataire is False for item in nouvelles.items)
    assert {item.designation_fournisseur for item in nouvelles.items} == {"PHARMADIS SAS"}

    pdf = await chu.factures.telecharger_groupe(ids_facture=[premiere])
    assert pdf.startswith(b"%PDF-")
    lot = await chu.factures.telecharger_groupe(ids_facture=[premiere, seconde])
    with zipfile.ZipFile(io.BytesIO(lot)) as archive:
        folders = {name.split("/")[0] for name in archive.namelist()}
    assert folders == {"PHX-1001", "PHX-1002"}

    restantes = await chu.factures.rechercher_recipiendaire(
        facture_telechargee_par_destinataire=False
    )
    assert (restantes.items, restantes.total) == ([], 0)
    telechargees = await chu.factures.rechercher_recipiendaire(
        facture_telechargee_par_destinataire=True, numero_facture="PHX-1002"
    )
    [item] = telechargees.items
    assert item.facture_telechargee_par_destinataire is True
    historique = await chu.factures.consulter_historique(id_facture=seconde)
    assert historique.derniere_action is not None
    assert (
        historique.derniere_action.derniere_action_code is ActionUtilisateur.TELECHARGEMENT_FACTURE
    )

    facture = await chu.factures.consulter_recipiendaire(identifiant_facture_cpp=premiere)
    assert (facture.numero_facture, facture.statut_facture) == ("PHX-1001", S.MISE_A_DISPOSITION)
    assert facture.fournisseur is not None
    assert facture.fournisseur.code_fournisseur == world.pharmadis.identifiant
    assert facture.montant_total is not None
    assert facture.montant_total.montant_a_payer == Decimal("84")
    assert facture.lignes_de_poste is not None
    [ligne] = facture.lignes_de_poste.ligne_poste
    assert ligne.ligne_poste_denomination == "Seringues 10 ml"


@covers("factures.telecharger_groupe")
async def test_the_pivot_download_gives_the_deposited_file(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis, departement = chorus.client(world.pharmadis), chorus.client(world.departement)
    facture = invoice(world.pharmadis, world.departement, "PIV-0001")
    [id_facture] = await available(chorus, pharmadis, facture)
    pivot = await departement.factures.telecharger_groupe(
        ids_facture=[id_facture], format=FormatTelechargement.PIVOT
    )
    with zipfile.ZipFile(io.BytesIO(pivot)) as archive:
        assert archive.read("PIV-0001/PIV-0001.xml") == cii(facture)
    with pytest.raises(InvalidRequestError) as raised:
        await departement.factures.telecharger_groupe(ids_facture=[])
    assert raised.value.field == "ids_facture"


@covers("transverses.recuperer_etats_possibles_pour_traitement", "factures.traiter_facture_recue")
async def test_service_fait_then_mandatee_then_the_accountant(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_valmont)
    [id_facture] = await to_valmont(chorus, "PHX-1101")
    possibles = await chu.transverses.recuperer_etats_possibles_pour_traitement(
        statut_courant=S.MISE_A_DISPOSITION
    )
    assert {S.SERVICE_FAIT, S.SUSPENDUE, S.A_RECYCLER, S.REJETEE, S.MANDATEE} <= set(possibles)
    assert S.COMPLETEE not in possibles

    fait = await chu.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=S.SERVICE_FAIT
    )
    assert (fait.id_facture, fait.numero_facture, fait.nouveau_statut) == (
        id_facture,
        "PHX-1101",
        S.SERVICE_FAIT,
    )
    mandatee = await chu.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut="MANDATEE", numero_dp_mandat="M2026-000451"
    )
    assert mandatee.nouveau_statut is S.MANDATEE
    facture = await chu.factures.consulter_recipiendaire(identifiant_facture_cpp=id_facture)
    assert facture.references is not None
    assert facture.references.numero_dp_mandat == "M2026-000451"
    apres = await chu.transverses.recuperer_etats_possibles_pour_traitement(
        statut_courant=S.MANDATEE
    )
    assert apres == [S.MISE_A_DISPOSITION_COMPTABLE, S.COMPTABILISEE, S.MISE_EN_PAIEMENT]

    chorus.fake.advance(3 * DAY)  # Hélios and the accountant do the rest
    historique = await pharmadis.factures.consulter_historique(id_facture=id_facture)
    assert historique.statut_courant_code is S.MISE_EN_PAIEMENT
    with pytest.raises(ChorusBusinessError) as raised:
        await chu.factures.traiter_facture_recue(
            id_facture=id_facture, nouveau_statut=S.SERVICE_FAIT
        )
    assert raised.value.operation == "traiterUneFactureRecue"


@covers("factures.traiter_facture_recue")
async def test_a_motif_is_required_to_suspend_or_reject_and_checked_before_sending(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    chu = chorus.client(world.chu_valmont)
    for statut, motif in ((S.SUSPENDUE, None), (S.REJETEE, "   ")):
        with pytest.raises(InvalidRequestError) as raised:
            await chu.factures.traiter_facture_recue(
                id_facture=1, nouveau_statut=statut, motif=motif
            )
        assert (raised.value.operation, raised.value.field) == ("traiterUneFactureRecue", "motif")
    with pytest.raises(InvalidRequestError) as raised:
        await chu.factures.traiter_facture_recue(id_facture=1, nouveau_statut="PAYEE")
    assert raised.value.field == "nouveau_statut"
    assert chorus.fake.state.token_requests == 0  # nothing left the client


@covers("factures.traiter_facture_recue", "factures.consulter_historique")
async def test_the_doctrine_warns_of_a_rejet_for_a_missing_document(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    warned, strict = await to_valmont(chorus, "PHX-1201", "PHX-1202")
    chu = chorus.client(world.chu_valmont)
    with pytest.warns(DoctrineWarning, match="SUSPENDUE"):
        await chu.factures.traiter_facture_recue(
            id_facture=warned, nouveau_statut=S.REJETEE, motif="Bon de livraison manquant"
        )
    historique = await chu.factures.consulter_historique(id_facture=warned)
    assert historique.statut_courant_code is S.REJETEE  # warned, not stopped

    stricte = chorus.client(world.chu_valmont, doctrine="strict")
    with pytest.raises(InvalidRequestError, match="A_RECYCLER"):
        await stricte.factures.traiter_facture_recue(
            id_facture=strict,
            nouveau_statut=S.REJETEE,
            motif="Facture non conforme",
            categorie="ERREUR_CODE_SERVICE",
        )
    historique = await chu.factures.consulter_historique(id_facture=strict)
    assert historique.statut_courant_code is S.MISE_A_DISPOSITION


@covers("factures.traiter_facture_recue", "factures.consulter_historique")
async def test_patient_data_never_leaves_in_a_motif(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    chu = chorus.client(world.chu_valmont)
    [id_facture] = await to_valmont(chorus, "PHX-1301")
    nir = _nir()
    with pytest.raises(PatientDataError) as raised:
        await chu.factures.traiter_facture_recue(
            id_facture=id_facture,
            nouveau_statut=S.SUSPENDUE,
            motif=f"Préciser le séjour du patient {nir}",
        )
    assert raised.value.field == "motif"
    assert nir not in str(raised.value)
    historique = await chu.factures.consulter_historique(id_facture=id_facture)
    assert historique.statut_courant_code is S.MISE_A_DISPOSITION


@covers(
    "factures.traiter_facture_recue",
    "factures.consulter_historique",
    "structures.consulter",
)
async def test_a_structure_that_does_not_report_payment_keeps_its_invoices_mandatees(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_rochebrune)
    structure = await chu.structures.consulter(
        id_structure_cpp=world.chu_rochebrune.id_structure_cpp
    )
    assert structure.parametres is not None
    assert structure.parametres.statut_mise_en_paiement_nest_pas_remonte is True
    [id_facture] = await available(
        chorus,
        pharmadis,
        invoice(world.pharmadis, world.chu_rochebrune, "PHX-1401", code_service="ACHATS"),
    )
    await chu.factures.traiter_facture_recue(id_facture=id_facture, nouveau_statut=S.MANDATEE)
    with pytest.raises(ChorusBusinessError) as raised:
        await chu.factures.traiter_facture_recue(
            id_facture=id_facture, nouveau_statut=S.MISE_EN_PAIEMENT
        )
    assert "mise en paiement" in raised.value.libelle
    chorus.fake.advance(30 * DAY)
    historique = await pharmadis.factures.consulter_historique(id_facture=id_facture)
    assert historique.statut_courant_code is S.MANDATEE


@covers(
    "factures.consulter_recipiendaire",
    "factures.consulter_fournisseur",
    "factures.traiter_facture_recue",
)
async def test_an_account_sees_only_its_own_structures_invoices(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    [id_facture] = await to_valmont(chorus, "PHX-1501")
    rochebrune = chorus.client(world.chu_rochebrune)
    with pytest.raises(ChorusBusinessError) as other_recipient:
        await rochebrune.factures.consulter_recipiendaire(identifiant_facture_cpp=id_facture)
    assert (other_recipient.value.code_retour, other_recipient.value.libelle) == (
        20001,
        "GDP_MSG_11.005",
    )
    assert other_recipient.value.status_code == 400
    with pytest.raises(ChorusBusinessError) as unknown:
        await pharmadis.factures.consulter_fournisseur(identifiant_facture_cpp=1)
    assert (unknown.value.code_retour, unknown.value.libelle) == (20000, "GDP_MSG_11.008")
    with pytest.raises(ChorusBusinessError) as supplier:
        await pharmadis.factures.traiter_facture_recue(
            id_facture=id_facture, nouveau_statut=S.SERVICE_FAIT
        )
    assert supplier.value.code_retour == 20001

    # Chorus Pro also answers refusals with HTTP 200: the same error comes out.
    chorus.fake.settings.business_error_status = 200
    with pytest.raises(ChorusBusinessError) as in_200:
        await rochebrune.factures.consulter_recipiendaire(identifiant_facture_cpp=id_facture)
    assert (in_200.value.code_retour, in_200.value.status_code) == (20001, 200)
