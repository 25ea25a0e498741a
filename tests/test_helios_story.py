"""The Hélios story end to end: PES aller, acquittements, correction, ASAP through Chorus Pro.

One world: the seeded Chorus Pro emulator and FakeHelios on the same clock. The CHU DE VALMONT
sends a recette flux (a patient's titre, and an ASAP titre to the Département du Haut-Vallon)
and a dépense flux whose second bordereau carries a line error; it reconciles the
acquittements, sends again only the rejected bordereau once fixed; the ASAP reaches the
Département in Chorus Pro, which suspends it; the CHU sees the suspension, completes the
invoice; the Département certifies the service fait.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk import pes
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.models import PieceJointeComplementaire
from demat_sdk.helios import (
    EtatReconciliation,
    FileKind,
    Statut,
    check_asap_privacy,
    corrective_flux,
    reconcile,
)
from demat_sdk.testing import FakeChorusPro, FakeHelios, FakeHeliosChannel
from demat_sdk.testing.helios import samples

from return_path_support import ACK_V2_XSD, schema_errors
from tests_support import XSD_DIR

MOTIF = "Convention de mise à disposition à joindre"


def test_the_helios_story() -> None:
    chorus = FakeChorusPro.seeded()
    helios = FakeHelios.seeded(chorus, xsd_dir=XSD_DIR)
    channel = FakeHeliosChannel(helios)
    world = chorus.world
    day = chorus.clock.now().date()

    # 1. The CHU builds its flux. The recette flux's ASAP carries no patient data.
    recette = samples.recette_flux("PESALR2_26130001600019_260105_REC1.xml", day)
    check_asap_privacy(recette)
    depense = samples.depense_flux(
        "PESALR2_26130001600019_260105_DEP1.xml", day, bordereaux=(12, 13), fonction_on=13
    )
    sent = {flux.enveloppe.nom_fichier: flux for flux in (recette, depense)}

    # 2. Both go through the channel; nothing comes back before Hélios' delay.
    for flux in (recette, depense):
        name = flux.enveloppe.nom_fichier
        # The GEF's export of the dépense carries a Fonction the library would refuse.
        receipt = channel.send(pes.to_bytes(flux, business_rules=False), name=name)
        assert receipt.name == name
        assert receipt.sent_at == chorus.clock.now()
    assert channel.poll() == []
    chorus.advance(helios.ack_delay)

    # 3. The acquittements come back, are valid, and reconcile with what was sent.
    incoming = channel.poll()
    assert [file.kind for file in incoming] == [FileKind.ACQUIT, FileKind.ACQUIT]
    reconciliations = {}
    for file in incoming:
        assert schema_errors(ACK_V2_XSD, file.read_bytes()) == []
        acquit = pes.read_acquit(file.source)
        reconciliations[acquit.nom_fichier] = reconcile(sent[acquit.nom_fichier], acquit)
        channel.mark_processed(file)
    assert channel.poll() == []
    assert reconciliations[recette.enveloppe.nom_fichier].etat is EtatReconciliation.ACCEPTE
    rapport = reconciliations[depense.enveloppe.nom_fichier]
    assert rapport.etat is EtatReconciliation.PARTIELLEMENT_REJETE
    statuts = {b.numero: (b.statut, b.peut_etre_renvoye) for b in rapport.bordereaux}
    assert statuts == {12: (Statut.ACCEPTE, False), 13: (Statut.REJETE, True)}
    [rejete] = [b for b in rapport.bordereaux if b.numero == 13]
    [piece] = rejete.pieces
    assert piece.statut is Statut.REJETE
    [ligne] = [ligne for ligne in piece.lignes if ligne.anomalies]
    assert (piece.numero, ligne.numero) == (1301, 2)
    assert [e.libelle_anomalie for e in ligne.anomalies] == [
        "1971 - Compte fonction présent à tort"
    ]

    # 4. Only the rejected bordereau goes again, fixed, same number, under a new name.
    correctif = corrective_flux(
        depense, rapport, nom_fichier="PESALR2_26130001600019_260106_DEP2.xml"
    )
    assert correctif is not None
    assert [b.numero for b in correctif.depense.bordereaux] == [13]  # type: ignore[union-attr]
    assert correctif.pj is None  # its PJ was integrated: referenced, not sent again
    for mandat in correctif.depense.bordereaux[0].mandats:  # type: ignore[union-attr]
        for ligne_mandat in mandat.lignes:
            ligne_mandat.fonction = None
    chorus.advance(3600)
    channel.send(pes.to_bytes(correctif), name=correctif.enveloppe.nom_fichier)
    chorus.advance(helios.ack_delay)
    [second] = channel.poll()
    acquit = pes.read_acquit(second.source)
    rapport = reconcile(correctif, acquit)
    assert rapport.etat is EtatReconciliation.ACCEPTE
    assert [(b.numero, b.statut) for b in rapport.bordereaux] == [(13, Statut.ACCEPTE)]
    channel.mark_processed(second)

    # 5. The ASAP is in the Département's Chorus Pro inbox, from the CHU.
    [deposit] = helios.asap_deposits
    departement = chorus.client(account=world.account(world.departement))
    chu = chorus.client(account=world.account(world.chu_valmont))
    a_traiter = departement.factures.rechercher_a_traiter_recipiendaire(
        id_structure=world.departement.id_structure_cpp
    )
    [item] = a_traiter.items
    assert item.numero_facture == "ASAP-2026-0007"
    assert item.designation_fournisseur == "CHU DE VALMONT"
    assert item.montant_ttc == Decimal("2500.00")
    assert item.statut is StatutFacture.MISE_A_DISPOSITION
    id_facture = deposit.id_facture

    # 6. The Département suspends it with a motif.
    chorus.advance(dt.timedelta(days=1).total_seconds())
    traite = departement.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=StatutFacture.SUSPENDUE, motif=MOTIF
    )
    assert traite.nouveau_statut is StatutFacture.SUSPENDUE

    # 7. The CHU sees the suspension and its motif, and completes the invoice.
    [suspendue] = chu.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.chu_valmont.id_structure_cpp
    ).items
    assert (suspendue.numero_facture, suspendue.statut) == (
        "ASAP-2026-0007",
        StatutFacture.SUSPENDUE,
    )
    historique = chu.factures.consulter_historique(id_facture=id_facture)
    statuts_vus = historique.historiques_des_statuts.histo_statut  # type: ignore[union-attr]
    assert historique.statut_courant_code is StatutFacture.SUSPENDUE
    motifs = [
        s.histo_statut_commentaire
        for s in statuts_vus
        if s.histo_statut_code is StatutFacture.SUSPENDUE
    ]
    assert motifs == [MOTIF]
    convention = chu.transverses.ajouter_fichier(
        fichier=b"%PDF-1.4 convention", nom_fichier="convention.pdf"
    )
    chu.factures.completer(
        identifiant_facture_cpp=id_facture,
        pieces_jointes=[
            PieceJointeComplementaire(
                piece_jointe_complementaire_id=convention,
                piece_jointe_complementaire_designation="Convention de mise à disposition",
                piece_jointe_complementaire_type="CONVENTION",
            )
        ],
        commentaire="Convention signée jointe",
    )
    assert (
        chu.factures.consulter_historique(id_facture=id_facture).statut_courant_code
        is StatutFacture.COMPLETEE
    )

    # 8. The Département certifies the service fait; the CHU follows it.
    fait = departement.factures.traiter_facture_recue(
        id_facture=id_facture, nouveau_statut=StatutFacture.SERVICE_FAIT
    )
    assert fait.nouveau_statut is StatutFacture.SERVICE_FAIT
    assert (
        chu.factures.consulter_historique(id_facture=id_facture).statut_courant_code
        is StatutFacture.SERVICE_FAIT
    )
    departement.close()
    chu.close()
