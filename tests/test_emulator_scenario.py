"""The reference scenario, on both faces of the emulator (in-process and over HTTP).

A supplier deposits a CII flux to a CHU → integrated → the CHU suspends it with a motif → the
supplier completes it → the CHU sets service fait, then mandatée; the accountant's statuses
follow up to the mise en paiement — except for a structure that does not report it, where the
invoice stays mandatée. A second flux addressed to a service that requires an engagement
juridique, without one, comes back IN_INTEGRE_PARTIEL with the error for that invoice.
"""

from __future__ import annotations

from typing import Any

from demat_sdk import TechnicalAccount
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii, tar_gz

from chorus_wire import ChorusWire, b64

FACTURES = "/cpro/factures/v1"
TRANSVERSES = "/cpro/transverses/v1"
DAY = 86_400


def deposer(wire: ChorusWire, account: TechnicalAccount, name: str, data: bytes) -> str:
    """Deposit a CII flux; its number."""
    answer = wire.ok(
        f"{FACTURES}/deposer/flux",
        {
            "fichierFlux": b64(data),
            "nomFichier": name,
            "syntaxeFlux": "IN_DP_E1_CII_16B",
            "avecSignature": False,
        },
        account=account,
    )
    numero: str = answer["numeroFluxDepot"]
    assert numero.startswith("CPP001")
    assert len(numero) == 25
    return numero


def compte_rendu(wire: ChorusWire, account: TechnicalAccount, numero: str) -> dict[str, Any]:
    return wire.ok(
        f"{TRANSVERSES}/consulterCRDetaille", {"numeroFluxDepot": numero}, account=account
    )


def factures_du_flux(
    wire: ChorusWire, account: TechnicalAccount, numero: str
) -> list[dict[str, Any]]:
    answer = wire.ok(
        f"{FACTURES}/rechercher/fournisseur", {"numeroFluxDepot": numero}, account=account
    )
    factures: list[dict[str, Any]] = answer["listeFactures"]
    return factures


def traiter(
    wire: ChorusWire, account: TechnicalAccount, id_facture: int, statut: str, **extra: str
) -> dict[str, Any]:
    return wire.ok(
        f"{FACTURES}/traiter/recue",
        {"idFacture": id_facture, "nouveauStatut": statut, **extra},
        account=account,
    )


def statut(wire: ChorusWire, account: TechnicalAccount, id_facture: int) -> str:
    answer = wire.ok(f"{FACTURES}/consulter/historique", {"idFacture": id_facture}, account=account)
    current: str = answer["statutCourantCode"]
    return current


def test_deposit_suspend_complete_pay(wire: ChorusWire) -> None:
    world = wire.fake.world
    fournisseur = world.account(world.pharmadis)
    chu = world.account(world.chu_valmont)
    chu_sans_paiement = world.account(world.chu_rochebrune)

    # 1. Pharmadis deposits one CII invoice to the CHU de Valmont, another to Rochebrune.
    facture = SampleInvoice(
        numero="PHX-2026-0001",
        fournisseur=world.pharmadis.identifiant,
        destinataire=world.chu_valmont.identifiant,
        code_service="BIOMED",
        lines=(
            Line("Seringues 10 ml", "200", "0.35", "20"),
            Line("Compresses", "50", "1.20", "20"),
        ),
    )
    numero = deposer(wire, fournisseur, "PHX-2026-0001.xml", cii(facture))
    assert compte_rendu(wire, fournisseur, numero)["etatCourantDepotFlux"] == "IN_RECU"
    autre = SampleInvoice(
        numero="PHX-2026-0002",
        fournisseur=world.pharmadis.identifiant,
        destinataire=world.chu_rochebrune.identifiant,
        code_service="ACHATS",
    )
    numero_autre = deposer(wire, fournisseur, "PHX-2026-0002.xml", cii(autre))

    # The flux is processed as the clock moves (four steps of 60 s), then routed (60 s).
    events = wire.admin("advance", {"seconds": 300})["events"]
    assert f"flux {numero}: IN_EN_COURS_TRAITEMENT_CPP" in events
    rapport = compte_rendu(wire, fournisseur, numero)
    assert rapport["etatCourantDepotFlux"] == "IN_INTEGRE"
    assert rapport["listeErreurDP"] == []
    [emise] = factures_du_flux(wire, fournisseur, numero)
    assert emise["numeroFacture"] == "PHX-2026-0001"
    assert emise["montantHT"] == 130
    assert emise["montantTTC"] == 156
    assert emise["statut"] == "MISE_A_DISPOSITION"
    id_facture = emise["identifiantFactureCPP"]
    [id_autre] = [
        f["identifiantFactureCPP"] for f in factures_du_flux(wire, fournisseur, numero_autre)
    ]

    # 2. The CHU finds it among the invoices to process, not downloaded yet.
    recues = wire.ok(
        f"{FACTURES}/rechercher/recipiendaire",
        {"factureTelechargeeParDestinataire": False},
        account=chu,
    )
    assert [f["idFacture"] for f in recues["listeFactures"]] == [id_facture]
    assert recues["total"] == 1

    # 3. Suspension needs a motif.
    refus = wire.refused(
        f"{FACTURES}/traiter/recue",
        {"idFacture": id_facture, "nouveauStatut": "SUSPENDUE"},
        account=chu,
    )
    assert "motif" in refus["libelle"].lower()
    assert (
        traiter(wire, chu, id_facture, "SUSPENDUE", motif="PV de réception manquant")[
            "nouveauStatut"
        ]
        == "SUSPENDUE"
    )

    # 4. The supplier completes it with the missing document.
    piece = wire.ok(
        f"{TRANSVERSES}/ajouter/fichier",
        {
            "pieceJointeFichier": b64(b"%PDF-1.4 proces-verbal"),
            "pieceJointeNom": "pv-reception.pdf",
            "pieceJointeTypeMime": "application/pdf",
            "pieceJointeExtension": "PDF",
        },
        account=fournisseur,
    )
    wire.ok(
        f"{FACTURES}/completer",
        {
            "identifiantFactureCPP": id_facture,
            "commentaire": "PV de réception joint",
            "pieceJointeComplementaire": [
                {
                    "pieceJointeComplementaireId": piece["pieceJointeId"],
                    "pieceJointeComplementaireDesignation": "PV de réception",
                    "pieceJointeComplementaireType": "PV",
                }
            ],
        },
        account=fournisseur,
    )
    assert statut(wire, chu, id_facture) == "COMPLETEE"

    # 5. Service fait, then mandatée.
    traiter(wire, chu, id_facture, "SERVICE_FAIT")
    traiter(wire, chu, id_facture, "MANDATEE", numeroDPMandat="M2026-000451")
    for statut_suivant in ("SERVICE_FAIT", "MANDATEE"):
        traiter(wire, chu_sans_paiement, id_autre, statut_suivant)

    # 6. Days later, the accountant has paid the first; the second stays mandatée.
    wire.admin("advance", {"seconds": 5 * DAY})
    assert statut(wire, fournisseur, id_facture) == "MISE_EN_PAIEMENT"
    assert statut(wire, fournisseur, id_autre) == "MANDATEE"
    wire.refused(
        f"{FACTURES}/traiter/recue",
        {"idFacture": id_autre, "nouveauStatut": "MISE_EN_PAIEMENT"},
        account=chu_sans_paiement,
    )
    emise_autre = wire.ok(
        f"{FACTURES}/consulter/fournisseur",
        {"identifiantFactureCPP": id_autre},
        account=fournisseur,
    )["facture"]
    assert emise_autre["destinataire"]["miseEnPaiementDestinataire"] is False

    # The whole history is kept.
    historique = wire.ok(
        f"{FACTURES}/consulter/historique",
        {
            "idFacture": id_facture,
            "paramRechercheHistoStatuts": {
                "triSensListeHistoStatut": "Ascendant",
                "nbResultatsParPageListeHistoStatut": 20,
            },
        },
        account=fournisseur,
    )
    statuts = historique["historiquesDesStatuts"]["histoStatut"]
    assert [entry["histoStatutCode"] for entry in statuts] == [
        "DEPOSEE",
        "MISE_A_DISPOSITION",
        "SUSPENDUE",
        "COMPLETEE",
        "SERVICE_FAIT",
        "MANDATEE",
        "MISE_A_DISPOSITION_COMPTABLE",
        "COMPTABILISEE",
        "MISE_EN_PAIEMENT",
    ]
    assert statuts[2]["histoStatutCommentaire"] == "PV de réception manquant"
    assert historique["historiquesDesEvenementsComplementaires"]["totalEvenement"] == 1


def test_flux_with_a_missing_engagement_is_partly_integrated(wire: ChorusWire) -> None:
    world = wire.fake.world
    fournisseur = world.account(world.pharmadis)
    valmont = world.chu_valmont.identifiant
    sans_ej = SampleInvoice(
        numero="PHX-2026-0101",
        fournisseur=world.pharmadis.identifiant,
        destinataire=valmont,
        code_service="PHARMACIE",  # this service requires an engagement juridique
    )
    avec_ej = SampleInvoice(
        numero="PHX-2026-0102",
        fournisseur=world.pharmadis.identifiant,
        destinataire=valmont,
        code_service="PHARMACIE",
        numero_ej="EJ2026PHA000123",
    )
    lot = tar_gz([("sans-ej.xml", cii(sans_ej)), ("avec-ej.xml", cii(avec_ej))])
    numero = deposer(wire, fournisseur, "lot_factures.tar.gz", lot)
    wire.admin("advance", {"flux": numero})

    rapport = compte_rendu(wire, fournisseur, numero)
    assert rapport["etatCourantDepotFlux"] == "IN_INTEGRE_PARTIEL"
    [erreur] = rapport["listeErreurDP"]
    assert erreur["numeroDP"] == "PHX-2026-0101"
    assert erreur["identifiantDestinataire"] == valmont
    assert erreur["identifiantFournisseur"] == world.pharmadis.identifiant
    assert "engagement juridique" in erreur["libelleErreurDP"]
    assert "BuyerOrderReferencedDocument" in erreur["libelleErreurDP"]
    assert "PHARMACIE" in erreur["libelleErreurDP"]
    assert [f["numeroFacture"] for f in factures_du_flux(wire, fournisseur, numero)] == [
        "PHX-2026-0102"
    ]
