"""The supplier's side of the SDK against the emulator: deposits, submissions, follow-up, answers.

Each test runs four times: emulator in-process or over HTTP, ``ChorusPro`` or ``AsyncChorusPro``
(see ``chorus_sdk_support``).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from demat_sdk import ChorusBusinessError, IntegrationTimeoutError, InvalidRequestError
from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import (
    EtatFlux,
    ModeDepot,
    ModeDepotSoumission,
    StatutFacture,
    SyntaxeFlux,
    TypeFacture,
)
from demat_sdk.testing.chorus.samples import cii, facturx_pdf, ubl

from chorus_sdk_support import (
    ROUTING_SECONDS,
    ChorusSession,
    Client,
    available,
    covers,
    deposit,
    invoice,
    to_valmont,
)

pytestmark = pytest.mark.anyio

S = StatutFacture


@covers(
    "factures.deposer_flux",
    "factures.wait_for_integration",
    "transverses.consulter_cr",
    "transverses.consulter_cr_detaille",
)
async def test_a_cii_flux_is_deposited_followed_and_integrated(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    facture = invoice(world.pharmadis, world.chu_valmont, "PHX-0001", code_service="BIOMED")

    recu = await pharmadis.factures.deposer_flux(
        fichier=cii(facture), nom_fichier="PHX-0001.xml", syntaxe_flux="IN_DP_E1_CII_16B"
    )
    assert recu.code_retour == 0
    assert recu.numero_flux_depot.startswith("CPP001")
    assert len(recu.numero_flux_depot) == 25
    assert recu.syntaxe_flux is SyntaxeFlux.IN_DP_E1_CII_16B
    assert recu.date_depot.date() == date(2026, 1, 5)

    en_cours = await pharmadis.transverses.consulter_cr_detaille(
        numero_flux_depot=recu.numero_flux_depot
    )
    assert en_cours.etat_courant_depot_flux is EtatFlux.IN_RECU
    assert not en_cours.etat_courant_depot_flux.is_terminal

    rapport = await pharmadis.factures.wait_for_integration(
        numero_flux_depot=recu.numero_flux_depot, sleep=chorus.sleep
    )
    assert rapport.etat is EtatFlux.IN_INTEGRE
    assert rapport.integre
    assert rapport.erreurs_dp == []
    assert rapport.erreurs_techniques == []
    [creee] = rapport.factures
    assert (creee.numero_facture, creee.statut) == ("PHX-0001", S.DEPOSEE)
    assert (creee.montant_ht, creee.montant_ttc) == (Decimal("70.00"), Decimal("84.00"))
    assert creee.numero_flux_depot == recu.numero_flux_depot
    assert creee.code_destinataire == world.chu_valmont.identifiant
    assert creee.code_service_executant == "BIOMED"

    compte_rendu = await pharmadis.transverses.consulter_cr(
        numero_flux_depot=recu.numero_flux_depot
    )
    assert compte_rendu.etat_courant_flux is EtatFlux.IN_INTEGRE
    assert compte_rendu.numero_flux_depot == recu.numero_flux_depot
    assert compte_rendu.fichier_cr is not None
    assert compte_rendu.fichier_cr.startswith(b"%PDF-")


@covers("factures.deposer_flux", "factures.wait_for_integration")
async def test_ubl_and_facturx_flux_are_integrated_too(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    for numero, fichier, nom, syntaxe in (
        (
            "PHX-UBL-1",
            ubl(invoice(world.pharmadis, world.departement, "PHX-UBL-1")),
            "PHX-UBL-1.xml",
            SyntaxeFlux.IN_DP_E1_UBL_INVOICE,
        ),
        (
            "PHX-FX-1",
            facturx_pdf(cii(invoice(world.pharmadis, world.departement, "PHX-FX-1"))),
            "PHX-FX-1.pdf",
            SyntaxeFlux.IN_DP_E2_CII_FACTURX,
        ),
    ):
        recu = await pharmadis.factures.deposer_flux(
            fichier=fichier, nom_fichier=nom, syntaxe_flux=syntaxe
        )
        rapport = await pharmadis.factures.wait_for_integration(
            numero_flux_depot=recu.numero_flux_depot, syntaxe_flux=syntaxe, sleep=chorus.sleep
        )
        assert rapport.etat is EtatFlux.IN_INTEGRE, rapport.erreurs_dp
        assert [facture.numero_facture for facture in rapport.factures] == [numero]


@covers("factures.deposer_flux", "factures.wait_for_integration")
async def test_a_rejected_flux_creates_no_invoice(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    # The CHU de Valmont requires a service code.
    rapport = await deposit(chorus, pharmadis, invoice(world.pharmadis, world.chu_valmont, "X-1"))
    assert rapport.etat is EtatFlux.IN_REJETE
    assert rapport.factures == []
    assert "code service" in (rapport.erreurs_dp[0].libelle_erreur_dp or "")
    # An unreadable archive is an incident: the whole flux must be sent again.
    recu = await pharmadis.factures.deposer_flux(
        fichier=b"\x1f\x8b not a gzip archive",
        nom_fichier="lot.tar.gz",
        syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B,
    )
    incident = await pharmadis.factures.wait_for_integration(
        numero_flux_depot=recu.numero_flux_depot, sleep=chorus.sleep
    )
    assert incident.etat is EtatFlux.IN_INCIDENTE
    assert (incident.factures, incident.erreurs_dp) == ([], [])
    [technique] = incident.erreurs_techniques
    assert "lot.tar.gz" in (technique.libelle_erreur or "")


@covers("factures.deposer_flux", "factures.wait_for_integration")
async def test_waiting_gives_up_at_the_deadline_with_the_last_state(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    recu = await pharmadis.factures.deposer_flux(
        fichier=cii(invoice(world.pharmadis, world.departement, "LENT-1")),
        nom_fichier="lent.xml",
        syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B,
    )
    with pytest.raises(IntegrationTimeoutError) as raised:
        await pharmadis.factures.wait_for_integration(
            numero_flux_depot=recu.numero_flux_depot, timeout=90, interval=30, sleep=chorus.sleep
        )
    assert raised.value.numero_flux_depot == recu.numero_flux_depot
    assert raised.value.etat == "IN_TRAITE_SE_CPP"
    assert raised.value.waited == 90
    # The flux is not lost: waiting again finds it processed.
    rapport = await pharmadis.factures.wait_for_integration(
        numero_flux_depot=recu.numero_flux_depot, sleep=chorus.sleep
    )
    assert rapport.integre


async def _soumettre(
    client: Client, chorus: ChorusSession, numero: str
) -> m.WsRetourSoumettreFacture:
    """Submit a typed invoice from Pharmadis to the DAL of the CHU de Valmont."""
    world = chorus.fake.world
    [structure] = await client.transverses.recuperer_structures_actives_pour_fournisseur()
    [compte] = await client.transverses.recuperer_coordonnees_bancaires_valides(
        id_structure=structure.id_structure_cpp
    )
    recu: m.WsRetourSoumettreFacture = await client.factures.soumettre(
        numero_facture_saisi=numero,
        date_facture=date(2026, 1, 5),
        destinataire=m.SoumettreFactureDestinataire(
            code_destinataire=world.chu_valmont.identifiant, code_service_executant="DAL"
        ),
        fournisseur=m.SoumettreFactureFournisseur(
            id_fournisseur=structure.id_structure_cpp,
            code_coordonnees_bancaires_fournisseur=compte.id_coordonnee_bancaire,
        ),
        references=m.SoumettreFactureReferences(
            devise_facture="EUR",
            type_facture="FACTURE",
            type_tva="TVA_SUR_DEBIT",
            mode_paiement="VIREMENT",
        ),
        lignes_poste=[
            m.LignePosteSoumettreInput(
                ligne_poste_numero=1,
                ligne_poste_denomination="Gants nitrile (boîte de 100)",
                ligne_poste_quantite=Decimal(40),
                ligne_poste_montant_unitaire_ht=Decimal("6.50"),
                ligne_poste_taux_tva="TVA5",
            )
        ],
        lignes_tva=[
            m.LigneTvaSoumettreInput(
                ligne_tva_taux="TVA5",
                ligne_tva_montant_base_ht_par_taux=Decimal("260.00"),
                ligne_tva_montant_tva_par_taux=Decimal("52.00"),
            )
        ],
        montant_total=m.SoumettreFactureMontantTotal(
            montant_ht_total=Decimal("260.00"),
            montant_tva=Decimal("52.00"),
            montant_ttc_total=Decimal("312.00"),
            montant_a_payer=Decimal("312.00"),
        ),
    )
    return recu


@covers(
    "factures.soumettre",
    "factures.consulter_fournisseur",
    "transverses.recuperer_structures_actives_pour_fournisseur",
    "transverses.recuperer_coordonnees_bancaires_valides",
)
async def test_a_typed_invoice_is_submitted_and_reaches_its_recipient(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)

    recu = await _soumettre(pharmadis, chorus, "GANTS-0001")

    assert (recu.numero_facture, recu.statut_facture) == ("GANTS-0001", S.DEPOSEE)
    assert recu.identifiant_structure == world.pharmadis.identifiant
    assert recu.empreinte_certificat_depot
    chorus.fake.advance(ROUTING_SECONDS)
    facture = await pharmadis.factures.consulter_fournisseur(
        identifiant_facture_cpp=recu.identifiant_facture_cpp
    )
    assert facture.statut_facture is S.MISE_A_DISPOSITION
    assert facture.mode_depot is ModeDepot.SAISIE_API
    assert facture.montant_total is not None
    assert facture.montant_total.montant_ttc_total == Decimal("312")
    assert facture.destinataire is not None
    assert facture.destinataire.code_service_executant == "DAL"
    assert facture.lignes_de_poste is not None
    [ligne] = facture.lignes_de_poste.ligne_poste
    assert ligne.ligne_poste_montant_ht_apres_remise == Decimal("260")

    with pytest.raises(ChorusBusinessError) as raised:
        await _soumettre(pharmadis, chorus, "GANTS-0001")
    assert raised.value.operation == "soumettreFacture"
    assert "déjà été utilisé" in raised.value.libelle


@covers(
    "factures.deposer_pdf",
    "transverses.ajouter_fichier",
    "factures.soumettre",
    "factures.consulter_fournisseur",
)
async def test_a_pdf_is_read_then_submitted_with_its_attachment(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    pdf = facturx_pdf(
        cii(invoice(world.pharmadis, world.departement, "PDF-0001", code_service="AUTONOMIE"))
    )

    lu = await pharmadis.factures.deposer_pdf(fichier=pdf, nom_fichier="PDF-0001.pdf")
    assert (lu.numero_facture, lu.code_destinataire) == ("PDF-0001", world.departement.identifiant)
    assert (lu.montant_ht_total, lu.montant_a_payer) == (Decimal("70"), Decimal("84"))
    assert lu.type_facture is TypeFacture.FACTURE
    bon = await pharmadis.transverses.ajouter_fichier(
        fichier=b"%PDF-1.4 bon de livraison", nom_fichier="bon-livraison.pdf"
    )
    assert bon > 0

    recu = await pharmadis.factures.soumettre(
        mode_depot=ModeDepotSoumission.DEPOT_PDF_API,
        numero_facture_saisi=lu.numero_facture,
        date_facture=lu.date_facture,
        destinataire=m.SoumettreFactureDestinataire(
            code_destinataire=lu.code_destinataire, code_service_executant="AUTONOMIE"
        ),
        fournisseur=m.SoumettreFactureFournisseur(id_fournisseur=world.pharmadis.id_structure_cpp),
        references=m.SoumettreFactureReferences(
            devise_facture="EUR", type_facture="FACTURE", type_tva="TVA_SUR_DEBIT"
        ),
        lignes_poste=[
            m.LignePosteSoumettreInput(
                ligne_poste_numero=1,
                ligne_poste_denomination="Seringues 10 ml",
                ligne_poste_quantite=Decimal(200),
                ligne_poste_montant_unitaire_ht=Decimal("0.35"),
                ligne_poste_taux_tva="TVA5",
            )
        ],
        montant_total=m.SoumettreFactureMontantTotal(
            montant_ht_total=lu.montant_ht_total,
            montant_tva=lu.montant_tva,
            montant_ttc_total=lu.montant_ttc_avant_remise_global_ttc,
            montant_a_payer=lu.montant_a_payer,
        ),
        piece_jointe_principale=m.SoumettreFacturePieceJointePrincipale(
            piece_jointe_principale_designation="Facture PDF-0001",
            piece_jointe_principale_id=lu.piece_jointe_id,
        ),
        pieces_jointes_complementaires=[
            m.PieceJointeComplementaireSoumettreInput(
                piece_jointe_complementaire_designation="Bon de livraison",
                piece_jointe_complementaire_type="BON_LIVRAISON",
                piece_jointe_complementaire_id=bon,
            )
        ],
    )
    facture = await pharmadis.factures.consulter_fournisseur(
        identifiant_facture_cpp=recu.identifiant_facture_cpp
    )
    assert facture.mode_depot is ModeDepot.DEPOT_PDF_API
    assert facture.liste_des_pieces_jointes is not None
    pieces = {
        piece.piece_jointe_type_code: piece.piece_jointe_type_libelle
        for piece in facture.liste_des_pieces_jointes.piece_jointe
    }
    # The kind of attachment is one of recupererTypesPieceJointe's, with its label.
    assert pieces["BON_LIVRAISON"] == "Bon de livraison"


@covers(
    "factures.rechercher_a_traiter_fournisseur",
    "factures.completer",
    "factures.consulter_historique",
    "factures.traiter_facture_recue",
    "transverses.ajouter_fichier",
)
async def test_a_suspended_invoice_is_completed_once(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_valmont)
    [id_facture] = await to_valmont(chorus, "PHX-0201")
    await chu.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=S.SUSPENDUE, motif="PV de réception manquant"
    )

    a_traiter = await pharmadis.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.pharmadis.id_structure_cpp
    )
    [suspendue] = a_traiter.items
    assert (suspendue.identifiant_facture_cpp, suspendue.statut) == (id_facture, S.SUSPENDUE)
    assert a_traiter.total == 1

    pv = await pharmadis.transverses.ajouter_fichier(
        fichier=b"%PDF-1.4 PV de reception", nom_fichier="pv-reception.pdf"
    )
    complete = await pharmadis.factures.completer(
        identifiant_facture_cpp=id_facture,
        pieces_jointes=[
            m.PieceJointeComplementaire(
                piece_jointe_complementaire_id=pv,
                piece_jointe_complementaire_designation="PV de réception",
                piece_jointe_complementaire_type="PV_RECEPTION",
            )
        ],
        commentaire="PV de réception signé joint",
    )
    assert (complete.identifiant_facture_cpp, complete.numero_facture) == (id_facture, "PHX-0201")
    historique = await pharmadis.factures.consulter_historique(id_facture=id_facture)
    assert historique.statut_courant_code is S.COMPLETEE
    assert historique.historiques_des_statuts is not None
    parcours = [
        etape.histo_statut_code for etape in historique.historiques_des_statuts.histo_statut
    ]
    assert parcours[0] is S.COMPLETEE  # the latest first
    assert {S.DEPOSEE, S.MISE_A_DISPOSITION, S.SUSPENDUE, S.COMPLETEE} <= set(parcours)

    with pytest.raises(ChorusBusinessError) as raised:
        await pharmadis.factures.completer(identifiant_facture_cpp=id_facture, commentaire="bis")
    assert (raised.value.code_retour, raised.value.libelle) == (20002, "GDP_MSG_11.033")
    assert raised.value.operation == "completerFacture"


@covers("factures.completer")
async def test_completing_without_anything_is_refused_before_sending(
    chorus: ChorusSession,
) -> None:
    pharmadis = chorus.client(chorus.fake.world.pharmadis)
    with pytest.raises(InvalidRequestError) as raised:
        await pharmadis.factures.completer(identifiant_facture_cpp=1, commentaire="  ")
    assert (raised.value.operation, raised.value.field) == ("completerFacture", "pieces_jointes")
    assert chorus.fake.state.token_requests == 0  # nothing left the client


@covers(
    "factures.traiter_facture_recue",
    "factures.rechercher_a_traiter_fournisseur",
    "factures.recycler",
    "factures.consulter_recipiendaire",
)
async def test_an_invoice_to_recycle_is_readdressed(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_valmont)
    [id_facture] = await to_valmont(chorus, "PHX-0301", code_service="DAL")
    await chu.factures.traiter_facture_recue(
        id_facture=id_facture,
        nouveau_statut=S.A_RECYCLER,
        motif="Mauvais service : les médicaments relèvent de la PHARMACIE",
    )
    todo = await pharmadis.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.pharmadis.id_structure_cpp
    )
    assert [item.statut for item in todo.items] == [S.A_RECYCLER]

    # PHARMACIE requires an engagement juridique: recycling without one is refused.
    with pytest.raises(ChorusBusinessError) as raised:
        await pharmadis.factures.recycler(
            identifiant_facture_cpp=id_facture,
            code_destinataire=world.chu_valmont.identifiant,
            code_service_executant="PHARMACIE",
        )
    assert "numeroBonCommande" in raised.value.libelle
    recyclee = await pharmadis.factures.recycler(
        identifiant_facture_cpp=id_facture,
        code_destinataire=world.chu_valmont.identifiant,
        code_service_executant="PHARMACIE",
        reference=m.SoumettreFactureReferences(numero_bon_commande="EJ2026PHA000123"),
        commentaire="Réadressée à la pharmacie",
    )
    assert recyclee.statut_facture is S.DEPOSEE
    chorus.fake.advance(ROUTING_SECONDS)
    facture = await chu.factures.consulter_recipiendaire(identifiant_facture_cpp=id_facture)
    assert facture.statut_facture is S.MISE_A_DISPOSITION
    assert facture.destinataire is not None
    assert facture.destinataire.code_service_executant == "PHARMACIE"
    assert facture.references is not None
    assert facture.references.numero_bon_commande == "EJ2026PHA000123"


@covers(
    "factures.traiter_facture_recue",
    "factures.traiter_rejet",
    "factures.rechercher_fournisseur",
    "factures.rechercher_a_traiter_fournisseur",
)
async def test_a_rejection_is_acknowledged(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis, chu = chorus.client(world.pharmadis), chorus.client(world.chu_valmont)
    [id_facture] = await to_valmont(chorus, "PHX-0401")
    await chu.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=S.REJETEE, motif="Prix non conforme au marché"
    )
    todo = await pharmadis.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.pharmadis.id_structure_cpp
    )
    assert [item.statut for item in todo.items] == [S.REJETEE]
    hidden = await pharmadis.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.pharmadis.id_structure_cpp, masquer_rejetee=True
    )
    assert hidden.items == []

    acquitte = await pharmadis.factures.traiter_rejet(ids_demande_paiement=[id_facture])
    assert acquitte.code_retour == 0
    with pytest.raises(ChorusBusinessError):
        await pharmadis.factures.traiter_rejet(ids_demande_paiement=[id_facture])
    traitees = await pharmadis.factures.rechercher_fournisseur(rejet_traite=True)
    [rejetee] = traitees.items
    assert (rejetee.statut, rejetee.commentaire_etat_courant) == (
        S.REJETEE,
        "Prix non conforme au marché",
    )
    assert rejetee.rejet_traite is True
    todo = await pharmadis.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.pharmadis.id_structure_cpp
    )
    assert todo.items == []


@covers("factures.rechercher_a_traiter_fournisseur", "factures.rechercher_a_traiter_recipiendaire")
async def test_the_to_do_searches_name_their_structure(chorus: ChorusSession) -> None:
    # Regression: both searches are about one structure; the emulator (and the operation's
    # meaning) need it, the SDK used to let it out.
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    with pytest.raises(TypeError):
        await pharmadis.factures.rechercher_a_traiter_fournisseur()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        await pharmadis.factures.rechercher_a_traiter_recipiendaire()  # type: ignore[call-arg]
    with pytest.raises(ChorusBusinessError) as raised:
        await pharmadis.factures.rechercher_a_traiter_fournisseur(
            id_structure=world.chu_valmont.id_structure_cpp
        )
    assert raised.value.code_retour == 20001


@covers("factures.rechercher_fournisseur")
async def test_the_supplier_searches_its_invoices_by_criteria(chorus: ChorusSession) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    await available(
        chorus,
        pharmadis,
        invoice(world.pharmadis, world.chu_valmont, "PHX-0501", code_service="BIOMED"),
        invoice(world.pharmadis, world.departement, "PHX-0502"),
        invoice(
            world.pharmadis,
            world.chu_valmont,
            "PHX-0503",
            code_service="PHARMACIE",
            numero_ej="EJ2026PHA000123",
        ),
    )
    toutes = await pharmadis.factures.rechercher_fournisseur()
    assert toutes.total == 3
    assert {item.statut for item in toutes.items} == {S.MISE_A_DISPOSITION}
    une = await pharmadis.factures.rechercher_fournisseur(numero_facture="PHX-0502")
    assert [item.code_destinataire for item in une.items] == [world.departement.identifiant]
    par_ej = await pharmadis.factures.rechercher_fournisseur(numero_bon_commande="EJ2026PHA000123")
    assert [item.numero_facture for item in par_ej.items] == ["PHX-0503"]
    aucune = await pharmadis.factures.rechercher_fournisseur(statut_courant=[S.SUSPENDUE])
    assert (aucune.items, aucune.total) == ([], 0)
    tri = await pharmadis.factures.rechercher_fournisseur(
        tri_colonne="NumeroFacture", tri_sens="Ascendant"
    )
    assert [item.numero_facture for item in tri.items] == ["PHX-0501", "PHX-0502", "PHX-0503"]
    # Another supplier sees none of them.
    logiciels = chorus.client(world.logiciels)
    assert (await logiciels.factures.rechercher_fournisseur()).total == 0


@covers("factures.rechercher_demande_paiement")
async def test_the_payment_request_search_is_not_served_in_qualification(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    pharmadis = chorus.client(world.pharmadis)
    await available(
        chorus,
        pharmadis,
        invoice(world.pharmadis, world.departement, "PHX-0601"),
    )
    with pytest.raises(ChorusBusinessError) as raised:
        await pharmadis.factures.rechercher_demande_paiement(role_utilisateur="FOURNISSEUR")
    assert "qualification" in raised.value.libelle
    chorus.fake.settings.qualification = False
    trouvees = await pharmadis.factures.rechercher_demande_paiement(
        role_utilisateur="FOURNISSEUR", numero_facture="PHX-0601"
    )
    [demande] = trouvees.items
    assert demande.numero_demande_paiement == "PHX-0601"
    assert trouvees.total == 1
    assert not trouvees.has_next_page()


@covers("transverses.telecharger_annuaire_destinataire")
async def test_the_directory_download_is_the_export_of_the_public_recipients(
    chorus: ChorusSession,
) -> None:
    world = chorus.fake.world
    fichier = await chorus.client(world.pharmadis).transverses.telecharger_annuaire_destinataire()
    with zipfile.ZipFile(io.BytesIO(fichier)) as archive:
        assert sorted(archive.namelist()) == ["services.csv", "structures.csv"]
        structures = archive.read("structures.csv").decode().splitlines()
    assert structures[0].startswith("TypeIdentifiant;Identifiant;RaisonSociale;")
    sirets = {line.split(";")[1] for line in structures[1:]}
    assert sirets == {
        world.chu_valmont.identifiant,
        world.chu_rochebrune.identifiant,
        world.ch_saint_aurele.identifiant,
        world.departement.identifiant,
    }
