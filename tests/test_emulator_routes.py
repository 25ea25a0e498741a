"""Faithfulness: every route of the emulator answers within the official contract.

Each answer (success or business refusal) is checked by the wire driver against the strict
Swagger schema of its operation (see ``chorus_contract``); this module makes sure every route is
called, on both faces.
"""

from __future__ import annotations

from typing import Any

import pytest

from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import SampleInvoice, cii, facturx_pdf

from chorus_contract import contract
from chorus_wire import ChorusWire, b64
from tests_support import swagger

F = "/cpro/factures/v1"
S = "/cpro/structures/v1"
T = "/cpro/transverses/v1"


def _post_routes(fake: FakeChorusPro) -> set[str]:
    return {path for (method, path) in fake.handlers.routes if method == "POST"}


def test_every_swagger_operation_has_a_route() -> None:
    fake = FakeChorusPro()
    routes = {route.path: route.operation for route in fake.handlers.routes.values()}
    for name, base in (("factures", "/cpro/factures"), ("structures", "/cpro/structures")):
        for path, methods in swagger(name)["paths"].items():
            operation = methods["post"]["operationId"]
            assert routes.get(base + path) == operation, f"{base + path} ({operation})"
    assert set(routes) <= set(contract().responses), "a route has no schema to be checked against"


def _submit_body(
    fake: FakeChorusPro, numero: str, *, cadre: str = "A1_FACTURE_FOURNISSEUR"
) -> dict[str, Any]:
    world = fake.world
    supplier = world.sterilis if cadre != "A1_FACTURE_FOURNISSEUR" else world.logiciels
    body: dict[str, Any] = {
        "modeDepot": "SAISIE_API",
        "numeroFactureSaisi": numero,
        "dateFacture": "2026-01-05",
        "destinataire": {
            "codeDestinataire": world.departement.identifiant,
            "codeServiceExecutant": "AUTONOMIE",
        },
        "fournisseur": {
            "idFournisseur": supplier.id_structure_cpp,
            "codeCoordonneesBancairesFournisseur": supplier.bank_accounts[0].id_coordonnee_bancaire,
        },
        "cadreDeFacturation": {"codeCadreFacturation": cadre},
        "references": {
            "deviseFacture": "EUR",
            "typeFacture": "FACTURE",
            "typeTva": "TVA_SUR_DEBIT",
            "modePaiement": "VIREMENT",
        },
        "lignePoste": [
            {
                "lignePosteNumero": 1,
                "lignePosteReference": "LIC-01",
                "lignePosteDenomination": "Licence annuelle",
                "lignePosteQuantite": 2,
                "lignePosteUnite": "lot",
                "lignePosteMontantUnitaireHT": 500,
                "lignePosteTauxTva": "TVA5",
            }
        ],
        "ligneTva": [
            {
                "ligneTvaTaux": "TVA5",
                "ligneTvaMontantBaseHtParTaux": 1000,
                "ligneTvaMontantTvaParTaux": 200,
            }
        ],
        "montantTotal": {
            "montantHtTotal": 1000,
            "montantTVA": 200,
            "montantTtcTotal": 1200,
            "montantAPayer": 1200,
        },
    }
    if cadre != "A1_FACTURE_FOURNISSEUR":
        body["cadreDeFacturation"]["codeStructureValideur"] = world.biomedika.identifiant
    return body


def test_every_route_answers_within_the_contract(wire: ChorusWire) -> None:
    fake = wire.fake
    world = fake.world
    fournisseur = world.account(world.logiciels)
    sous_traitant = world.account(world.sterilis)
    valideur = world.account(world.biomedika)
    departement = world.account(world.departement)
    pharmadis = world.account(world.pharmadis)

    # --- transverses ---
    health = wire.http.get(
        f"{T}/health-check",
        headers={
            "Authorization": f"Bearer {wire.token()}",
            "cpro-account": __import__("chorus_wire").account_header(fournisseur),
        },
    )
    assert health.status_code == 200
    contract().check_response(f"{T}/health-check", health.json())
    for path in (
        "recuperer/devises",
        "recuperer/pays",
        "recuperer/tauxtva",
        "recuperer/motifs/exonerationtva",
    ):
        assert wire.ok(f"{T}/{path}", {"codeLangue": "EN"}, account=fournisseur)
    for path in ("recuperer/modereglements", "recuperer/modedepot", "recuperer/formatflux"):
        assert wire.ok(f"{T}/{path}", {}, account=fournisseur)
    wire.ok(
        f"{T}/recuperer/cadrefacturation", {"typeDemandePaiement": "FACTURE"}, account=fournisseur
    )
    wire.ok(f"{T}/recuperer/typedp", {}, account=fournisseur)
    wire.ok(f"{T}/recuperer/etat/typedp", {"typeDemandePaiement": "FACTURE"}, account=fournisseur)
    types_pj = wire.ok(
        f"{T}/recuperer/typespj", {"codeLangue": "FR", "typeObjet": "FACTURE"}, account=fournisseur
    )
    assert {item["typeObjet"] for item in types_pj["listeTypePieceJointe"]} == {"FACTURE"}
    motifs = wire.ok(
        f"{T}/recuperer/motifs/refus/Facture/AValider",
        {"codeCadreFacturationAValider": "A9_FACTURE_SOUSTRAITANT"},
        account=valideur,
    )
    assert motifs["listeMotifRefusFactureAValider"]
    annuaire = wire.ok(f"{T}/telecharger/annuaire/destinataire", {}, account=fournisseur)
    assert annuaire["fichierResultat"].startswith("UEsDB")  # base64 of a ZIP archive
    etats = wire.ok(
        f"{T}/recuperer/etats/traitement",
        {"statutCourant": "MISE_A_DISPOSITION"},
        account=departement,
    )
    assert len(etats["listeStatutsPossiblesPourTraitement"]) == 9
    actives = wire.ok(f"{T}/recuperer/structures/actives/fournisseur", {}, account=fournisseur)
    assert [s["idStructureCPP"] for s in actives["listeStructures"]] == [
        world.logiciels.id_structure_cpp
    ]
    wire.ok(f"{T}/recuperer/structures/actives/destinataire", {}, account=departement)
    wire.ok(
        f"{T}/recuperer/coordbanc/valides",
        {"idStructure": world.logiciels.id_structure_cpp},
        account=fournisseur,
    )
    destinataires = wire.ok(
        f"{T}/rechercher/destinataire", {"nomVilleCodePostal": "valmont"}, account=fournisseur
    )
    assert [d["siret"] for d in destinataires["listeDestinataires"]] == [
        world.chu_valmont.identifiant
    ]
    wire.refused(
        f"{T}/consulter/information/siret",
        {"siretStructure": "26130001600019"},
        account=fournisseur,
    )
    piece = wire.ok(
        f"{T}/ajouter/fichier",
        {
            "pieceJointeFichier": b64(b"%PDF-1.4 facture"),
            "pieceJointeNom": "facture.pdf",
            "pieceJointeTypeMime": "application/pdf",
            "pieceJointeExtension": "PDF",
        },
        account=fournisseur,
    )

    # --- structures ---
    structures = wire.ok(
        f"{S}/rechercher",
        {"structure": {"typeStructure": "PUBLIQUE"}, "parametres": {"nbResultatsParPage": 2}},
        account=fournisseur,
    )
    assert structures["parametresRetour"] == {
        "pageCourante": 1,
        "pages": 2,
        "nbResultatsParPage": 2,
        "total": 4,
    }
    consulte = wire.ok(
        f"{S}/consulter",
        {"idStructureCPP": world.chu_valmont.id_structure_cpp},
        account=fournisseur,
    )
    assert consulte["parametres"]["codeServiceDoitEtreRenseigne"] is True
    services = wire.ok(
        f"{S}/rechercher/services",
        {"idStructure": world.chu_valmont.id_structure_cpp},
        account=fournisseur,
    )
    pharmacie = next(s for s in services["listeServices"] if s["codeService"] == "PHARMACIE")
    service = wire.ok(
        f"{S}/consulter/service",
        {"idStructure": world.chu_valmont.id_structure_cpp, "idService": pharmacie["idService"]},
        account=fournisseur,
    )
    assert service["parametres"]["numeroEngagement"] is True
    wire.ok(
        f"{S}/lister/rattachementsutilisateur",
        {"idStructure": world.logiciels.id_structure_cpp},
        account=fournisseur,
    )
    wire.ok(
        f"{S}/rechercher/espaces",
        {"structure": {"idStructure": world.logiciels.id_structure_cpp}},
        account=fournisseur,
    )

    # --- utilisateurs, engagements juridiques ---
    wire.ok("/cpro/utilisateurs/v1/monCompte/recuperer/rattachements", {}, account=fournisseur)
    ej = wire.ok(
        "/cpro/engagementsJuridiques/v1/rechercher",
        {"structureReceptriceEngagementJuridique": world.pharmadis.id_structure_cpp},
        account=pharmadis,
    )
    assert [e["numeroEngagementJuridique"] for e in ej["listeEngagementJuridique"]] == [
        "EJ2026PHA000123"
    ]

    # --- factures: supplier ---
    body = _submit_body(fake, "LSC-2026-001")
    body["modeDepot"] = "DEPOT_PDF_API"
    body["pieceJointePrincipale"] = {
        "pieceJointePrincipaleDesignation": "Facture",
        "pieceJointePrincipaleId": piece["pieceJointeId"],
    }
    soumise = wire.ok(f"{F}/soumettre", body, account=fournisseur)
    id_facture = soumise["identifiantFactureCPP"]
    xml = cii(
        SampleInvoice(
            numero="LSC-2026-002",
            fournisseur=world.logiciels.identifiant,
            destinataire=world.departement.identifiant,
        )
    )
    flux = wire.ok(
        f"{F}/deposer/flux",
        {
            "fichierFlux": b64(xml),
            "nomFichier": "f.xml",
            "syntaxeFlux": "IN_DP_E1_CII_16B",
            "avecSignature": False,
        },
        account=fournisseur,
    )
    wire.ok(f"{T}/consulterCR", {"numeroFluxDepot": flux["numeroFluxDepot"]}, account=fournisseur)
    wire.ok(
        f"{T}/consulterCRDetaille",
        {"numeroFluxDepot": flux["numeroFluxDepot"]},
        account=fournisseur,
    )
    pdf = wire.post(
        f"{F}/deposer/pdf",
        {
            "fichierFacture": b64(facturx_pdf(xml)),
            "nomFichier": "f.pdf",
            "formatDepot": "PDF_NON_SIGNE",
        },
        account=fournisseur,
    )
    assert pdf.status_code == 200
    assert pdf.json()["numeroFacture"] == "LSC-2026-002"
    wire.admin("advance", {"seconds": 600})
    wire.ok(
        f"{F}/consulter/fournisseur", {"identifiantFactureCPP": id_facture}, account=fournisseur
    )
    wire.ok(f"{F}/rechercher/fournisseur", {}, account=fournisseur)
    wire.ok(
        f"{F}/rechercher/atraiter/fournisseur",
        {"idStructure": world.logiciels.id_structure_cpp},
        account=fournisseur,
    )
    wire.ok(f"{F}/consulter/historique", {"idFacture": id_facture}, account=fournisseur)

    # --- factures: recipient ---
    wire.ok(f"{F}/rechercher/recipiendaire", {}, account=departement)
    wire.ok(
        f"{F}/rechercher/atraiter/recipiendaire",
        {"idStructure": world.departement.id_structure_cpp},
        account=departement,
    )
    wire.ok(
        f"{F}/consulter/recipiendaire", {"identifiantFactureCPP": id_facture}, account=departement
    )
    wire.ok(
        f"{F}/telecharger/groupe",
        {
            "format": "PDF",
            "avecPiecesJointesComplementaires": "NON",
            "listeFacture": [{"idFacture": id_facture}],
        },
        account=departement,
    )
    wire.ok(
        f"{F}/traiter/recue",
        {"idFacture": id_facture, "nouveauStatut": "A_RECYCLER"},
        account=departement,
    )
    wire.ok(
        f"{F}/recycler",
        {
            "identifiantFactureCPP": id_facture,
            "destinataire": {"codeServiceExecutant": "AUTONOMIE"},
        },
        account=fournisseur,
    )
    wire.refused(f"{F}/completer", {"identifiantFactureCPP": id_facture}, account=fournisseur)
    wire.admin("advance", {"seconds": 60})
    wire.ok(
        f"{F}/traiter/recue",
        {"idFacture": id_facture, "nouveauStatut": "REJETEE", "motif": "Doublon"},
        account=departement,
    )
    wire.ok(
        f"{F}/traiterRejet",
        {"listeDemandePaiement": [{"idDemandePaiement": id_facture}]},
        account=fournisseur,
    )
    wire.refused(
        f"{F}/rechercher/demandePaiement", {"numeroFacture": "LSC-2026-001"}, account=fournisseur
    )
    wire.admin("settings", {"qualification": False})
    demandes = wire.ok(
        f"{F}/rechercher/demandePaiement", {"numeroFacture": "LSC-2026-001"}, account=fournisseur
    )
    assert demandes["total"] == 1
    wire.ok(
        f"{T}/consulter/information/siret",
        {"siretStructure": world.chu_valmont.identifiant},
        account=fournisseur,
    )

    # --- factures: validator (A9, sous-traitant of BIOMEDIKA) ---
    a_valider = wire.ok(
        f"{F}/soumettre",
        _submit_body(fake, "STE-2026-001", cadre="A9_FACTURE_SOUSTRAITANT"),
        account=sous_traitant,
    )["identifiantFactureCPP"]
    wire.admin("advance", {"seconds": 60})
    wire.ok(f"{F}/recuperer/statutsFactureVisibles/valideur", {}, account=valideur)
    listed = wire.ok(
        f"{F}/rechercher/aTraiter/valideur",
        {"idStructure": world.biomedika.id_structure_cpp},
        account=valideur,
    )
    assert [f["idFacture"] for f in listed["listeFactures"]] == [a_valider]
    wire.ok(f"{F}/consulter/valideur", {"identifiantFactureCPP": a_valider}, account=valideur)
    wire.ok(
        f"{F}/traiter/factureAValider",
        {"idFacture": a_valider, "action": "ERREUR_FOURNISSEUR_SUR_VALIDEUR"},
        account=valideur,
    )
    wire.ok(
        f"{F}/corriger/valideur/facture",
        {"idFacture": a_valider, "idStructure": world.biomedika.id_structure_cpp},
        account=sous_traitant,
    )
    valide = wire.ok(
        f"{F}/traiter/factureAValider",
        {"idFacture": a_valider, "action": "VALIDATION"},
        account=valideur,
    )
    assert valide["statutFacture"] == "VALIDEE_1"
    wire.ok(f"{F}/rechercher/valideur", {}, account=valideur)

    called = {path for path, _ in wire.calls}
    assert _post_routes(fake) - called == set()


@pytest.mark.parametrize("path", sorted(_post_routes(FakeChorusPro())))
def test_an_empty_or_malformed_body_gets_the_apis_answer(path: str) -> None:
    fake = FakeChorusPro.seeded()
    with __import__("httpx").Client(
        transport=fake.transport(), base_url="http://emulateur.invalid"
    ) as http:
        wire = ChorusWire(http, fake, "in-process")
        account = fake.world.account(fake.world.chu_valmont)
        empty = wire.post(path, {}, account=account)
        assert empty.status_code in (200, 400)
        payload = empty.json()
        if empty.status_code == 400:
            assert payload["codeRetour"] != 0  # a business refusal, in the envelope
        not_json = wire.post(path, None, account=account, content=b'{"idFacture": ')
        assert not_json.status_code == 400
        assert not_json.json()["error"] == "Requête mal formulée"
        not_object = wire.post(path, None, account=account, content=b"[1, 2]")
        assert not_object.status_code == 400
        assert "codeRetour" not in not_object.json()
