"""Reference data through the SDK: lists, structures and services, directory, EJ, attachments.

Each test runs four times: emulator in-process or over HTTP, ``ChorusPro`` or ``AsyncChorusPro``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from demat_sdk import ChorusBusinessError, InvalidRequestError
from demat_sdk.chorus.enums import (
    CodeLangue,
    RoleUtilisateur,
    StatutRattachement,
    StatutStructure,
    TypeDemandePaiement,
    TypeObjetPieceJointe,
)
from demat_sdk.directory import Directory

from chorus_sdk_support import ChorusSession, covers

pytestmark = pytest.mark.anyio


@covers(
    "transverses.health_check",
    "transverses.recuperer_devises",
    "transverses.recuperer_pays",
    "transverses.recuperer_taux_tva",
    "transverses.recuperer_motifs_exoneration_tva",
    "transverses.recuperer_mode_reglements",
    "transverses.recuperer_mode_depot",
    "transverses.recuperer_format_flux",
    "transverses.recuperer_cadre_facturation",
    "transverses.recuperer_type_demande_paiement",
)
async def test_the_reference_lists_are_typed_in_both_languages(chorus: ChorusSession) -> None:
    transverses = chorus.client().transverses  # the emulator's account, attached to nothing

    assert (await transverses.health_check()).ok
    devises = await transverses.recuperer_devises()
    assert ("EUR", "Euro") in {(d.code_devise, d.libelle_devise) for d in devises}
    en_anglais = await transverses.recuperer_devises(code_langue=CodeLangue.EN)
    assert "US dollar" in {devise.libelle_devise for devise in en_anglais}
    pays = {p.code_pays: p.libelle_pays for p in await transverses.recuperer_pays()}
    assert pays["BE"] == "Belgique"
    pays_en = {
        p.code_pays: p.libelle_pays for p in await transverses.recuperer_pays(code_langue="EN")
    }
    assert pays_en["BE"] == "Belgium"
    taux = {t.code_taux_tva: t.valeur_taux_tva for t in await transverses.recuperer_taux_tva()}
    assert (taux["TVA5"], taux["TVA3"]) == (Decimal("20"), Decimal("5.5"))
    motifs = await transverses.recuperer_motifs_exoneration_tva()
    assert "ART_261_CGI" in {motif.code_motif_exoneration_tva for motif in motifs}
    reglements = {mode.mode_paiement for mode in await transverses.recuperer_mode_reglements()}
    assert {"VIREMENT", "PRELEVEMENT", "CHEQUE"} <= reglements
    depots = {mode.mode_depot for mode in await transverses.recuperer_mode_depot()}
    assert {"SAISIE_API", "DEPOT_PDF_API", "UPLOAD_API"} <= depots
    formats = [fmt.format_flux for fmt in await transverses.recuperer_format_flux()]
    assert formats == ["IN_DP_E1_STRUCT", "IN_DP_E2_MIXTE", "IN_DP_E2_FACTURX"]
    cadres = [c.code_cadre_facturation for c in await transverses.recuperer_cadre_facturation()]
    assert cadres[0] == "A1_FACTURE_FOURNISSEUR"
    assert "A9_FACTURE_SOUSTRAITANT" in cadres
    travaux = await transverses.recuperer_cadre_facturation(
        type_demande_paiement=TypeDemandePaiement.FACTURE_TRAVAUX
    )
    assert "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR" in {c.code_cadre_facturation for c in travaux}
    types = [t.type_demande_paiement for t in await transverses.recuperer_type_demande_paiement()]
    assert types == ["FACTURE", "FACTURE_TRAVAUX", "MEMOIRE_JUSTICE", "DEMANDE_REMBOURSEMENT"]


@covers("transverses.recuperer_types_piece_jointe")
async def test_attachment_types_by_object(chorus: ChorusSession) -> None:
    transverses = chorus.client(chorus.fake.world.pharmadis).transverses
    pour_facture = await transverses.recuperer_types_piece_jointe(
        type_objet=TypeObjetPieceJointe.FACTURE
    )
    assert pour_facture
    assert {kind.type_objet for kind in pour_facture} == {TypeObjetPieceJointe.FACTURE}
    assert "Bon de livraison" in {kind.libelle_type_piece_jointe for kind in pour_facture}
    en_anglais = await transverses.recuperer_types_piece_jointe(
        type_objet="FACTURE", code_langue="EN"
    )
    assert "Delivery note" in {kind.libelle_type_piece_jointe for kind in en_anglais}
    toutes = await transverses.recuperer_types_piece_jointe()
    assert len(toutes) > len(pour_facture)
    with pytest.raises(InvalidRequestError) as raised:
        await transverses.recuperer_types_piece_jointe(type_objet="FACTURETTE")
    assert raised.value.field == "type_objet"


@covers("transverses.recuperer_etats_possibles_pour_traitement")
async def test_an_unofficial_status_is_refused_before_sending(chorus: ChorusSession) -> None:
    transverses = chorus.client().transverses
    with pytest.raises(InvalidRequestError) as raised:
        await transverses.recuperer_etats_possibles_pour_traitement(statut_courant="PAYEE")
    assert raised.value.field == "statut_courant"
    assert (
        await transverses.recuperer_etats_possibles_pour_traitement(statut_courant="REJETEE") == []
    )


@covers(
    "structures.rechercher",
    "structures.consulter",
    "structures.rechercher_services",
    "structures.consulter_service",
)
async def test_what_an_invoice_to_a_structure_must_carry(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    structures = chorus.client(world.pharmadis).structures

    publiques = await structures.rechercher(type_structure="PUBLIQUE")
    assert publiques.total == 4
    assert {s.statut for s in publiques.items} == {StatutStructure.ACTIVE}
    [valmont] = (await structures.rechercher(identifiant_structure="26130001600019")).items
    assert (valmont.id_structure_cpp, valmont.designation_structure) == (
        world.chu_valmont.id_structure_cpp,
        "CHU DE VALMONT",
    )
    par_ville = await structures.rechercher(adresse_ville="Toulouse")
    assert {s.designation_structure for s in par_ville.items} == {
        "BIOMEDIKA SARL",
        "STERILIS SERVICES SAS",
    }
    sans_privees = await structures.rechercher(
        adresse_ville="Toulouse", restreindre_structures_privees=True
    )
    assert sans_privees.items == []

    fiche = await structures.consulter(id_structure_cpp=valmont.id_structure_cpp)
    assert fiche.parametres is not None
    assert fiche.parametres.code_service_doit_etre_renseigne is True
    assert fiche.parametres.numero_ej_doit_etre_renseigne is False
    assert fiche.information_generales is not None
    assert fiche.information_generales.identifiant_structure == "26130001600019"
    assert fiche.adresse_postale_du_siege is not None
    assert fiche.adresse_postale_du_siege.code_postal == "13005"
    ght = await structures.consulter(id_structure_cpp=world.ch_saint_aurele.id_structure_cpp)
    assert ght.parametres is not None
    assert ght.parametres.numero_ej_doit_etre_renseigne is True

    services = await structures.rechercher_services(id_structure=valmont.id_structure_cpp)
    actifs = {s.code_service: s.est_actif for s in services.items}
    assert actifs == {
        "FACTURES_PUBLIQUES": True,
        "PHARMACIE": True,
        "BIOMED": True,
        "DAL": True,
        "MAGASIN_CENTRAL": False,
    }
    by_code = {s.code_service: s.id_service for s in services.items}
    pharmacie = await structures.consulter_service(
        id_structure=valmont.id_structure_cpp, id_service=by_code["PHARMACIE"]
    )
    assert pharmacie.parametres is not None
    assert pharmacie.parametres.numero_engagement is True
    assert pharmacie.informations_generales is not None
    assert pharmacie.informations_generales.code_service == "PHARMACIE"
    biomed = await structures.consulter_service(
        id_structure=valmont.id_structure_cpp, id_service=by_code["BIOMED"]
    )
    assert biomed.parametres is not None
    assert biomed.parametres.numero_engagement is False
    with pytest.raises(ChorusBusinessError) as raised:
        await structures.consulter(id_structure_cpp=1)
    assert raised.value.operation == "consulterStructureAvecTVAIntraCom"


@covers("structures.lister_rattachements", "structures.rechercher_espaces")
async def test_attachments_and_workspaces_of_a_structure(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    structures = chorus.client(world.chu_valmont).structures
    rattachements = await structures.lister_rattachements(
        id_structure=world.chu_valmont.id_structure_cpp
    )
    assert rattachements.response.designation_structure == "CHU DE VALMONT"
    assert {r.code_service for r in rattachements.items} >= {"PHARMACIE", "BIOMED", "DAL"}
    assert {r.statut_rattachement for r in rattachements.items} == {StatutRattachement.VALIDEE}
    espaces = await structures.rechercher_espaces(id_structure=world.chu_valmont.id_structure_cpp)
    assert espaces.total == len(espaces.items) > 0
    assert {espace.code_service for espace in espaces.items} >= {"PHARMACIE", "BIOMED"}
    assert {espace.libelle_espace for espace in espaces.items} == {
        "Factures émises",
        "Factures reçues",
    }
    # Regression: the emulator took the structure by its id only; the operation also takes
    # its identifier, or one of its services.
    par_siret = await structures.rechercher_espaces(
        identifiant_structure=world.chu_valmont.identifiant, type_identifiant_structure="SIRET"
    )
    assert par_siret.total == espaces.total
    pharmacie = next(r.id_service for r in rattachements.items if r.code_service == "PHARMACIE")
    du_service = await structures.rechercher_espaces(id_service=pharmacie)
    assert {espace.code_service for espace in du_service.items} == {"PHARMACIE"}
    assert du_service.total == 2


@covers("transverses.rechercher_destinataire")
async def test_a_supplier_finds_its_public_recipient(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    transverses = chorus.client(world.pharmadis).transverses
    [trouve] = (await transverses.rechercher_destinataire(nom_ville_code_postal="valmont")).items
    assert (trouve.siret, trouve.nom_destinataire, trouve.adresse_code_postal) == (
        world.chu_valmont.identifiant,
        "CHU DE VALMONT",
        "13005",
    )
    chu = await transverses.rechercher_destinataire(identifiant="26")
    assert {d.siret for d in chu.items} == {
        world.chu_valmont.identifiant,
        world.chu_rochebrune.identifiant,
        world.ch_saint_aurele.identifiant,
    }
    assert (await transverses.rechercher_destinataire(identifiant="41234567000019")).total == 0


@covers("engagements.rechercher")
async def test_a_supplier_checks_its_engagement_juridique(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    engagements = chorus.client(world.pharmadis).engagements
    [ej] = (await engagements.rechercher(numero_engagement_juridique="EJ2026PHA000123")).items
    assert (ej.numero_engagement_juridique, ej.code_service_executant) == (
        "EJ2026PHA000123",
        "PHARMACIE",
    )
    assert (ej.montant_total_ht, ej.montant_total_ttc) == (Decimal("12000"), Decimal("12660"))
    assert ej.libelle_etat_courant_ej == "COMMANDE"
    assert ej.structure_receptrice == world.pharmadis.identifiant
    pour_biomedika = await engagements.rechercher(
        structure_receptrice=world.biomedika.id_structure_cpp, etat_courant="COMMANDE"
    )
    assert [e.numero_engagement_juridique for e in pour_biomedika.items] == ["GHTVA-2026-0042"]
    inconnu = await engagements.rechercher(numero_engagement_juridique="EJ-INCONNU")
    assert (inconnu.items, inconnu.has_next_page()) == ([], False)


@covers("utilisateurs.rattachements")
async def test_the_account_knows_what_it_is_attached_to(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    [chu] = (await chorus.client(world.chu_valmont).utilisateurs.rattachements()).items
    assert (chu.id_structure, chu.designation_structure) == (
        world.chu_valmont.id_structure_cpp,
        "CHU DE VALMONT",
    )
    assert chu.role_utilisateur == RoleUtilisateur.DESTINATAIRE
    assert "PHARMACIE" in {service.code_service for service in chu.liste_services_rattache}
    [biomedika] = (await chorus.client(world.biomedika).utilisateurs.rattachements()).items
    assert biomedika.identifiant_structure == world.biomedika.identifiant
    nothing = await chorus.client().utilisateurs.rattachements()
    assert (nothing.items, nothing.total) == ([], 0)


@covers("transverses.telecharger_annuaire_destinataire")
async def test_the_directory_download_feeds_the_offline_directory(
    chorus: ChorusSession, tmp_path: Path
) -> None:
    world = chorus.fake.world
    fichier = await chorus.client(world.pharmadis).transverses.telecharger_annuaire_destinataire()
    with Directory.open(tmp_path / "annuaire.sqlite3") as annuaire:
        rapport = annuaire.import_download(fichier)
        assert rapport.clean
        assert rapport.structures is not None
        assert rapport.services is not None
        assert (rapport.structures.added, rapport.services.added) == (4, 12)
        pharmacie = annuaire.routing(world.chu_valmont.identifiant, "PHARMACIE")
        assert pharmacie is not None
        assert pharmacie.code_service_required
        assert pharmacie.engagement_required
        biomed = annuaire.routing(world.chu_valmont.identifiant, "BIOMED")
        assert biomed is not None
        assert not biomed.engagement_required
        assert annuaire.structure(world.pharmadis.identifiant) is None  # not a public recipient
