"""Invoices after deposit: rights, the recipient's and supplier's moves, downloads, submissions."""

from __future__ import annotations

import base64
import io
import zipfile
from typing import Any

import pytest

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import SampleInvoice, cii
from demat_sdk.testing.chorus.state.invoice_xml import consistency_problems, read_invoice

from chorus_wire import ChorusWire, b64

F = "/cpro/factures/v1"
T = "/cpro/transverses/v1"


def _submission(fake: FakeChorusPro, numero: str, **changes: Any) -> dict[str, Any]:
    world = fake.world
    body: dict[str, Any] = {
        "modeDepot": "SAISIE_API",
        "numeroFactureSaisi": numero,
        "dateFacture": "2026-01-05",
        "destinataire": {
            "codeDestinataire": world.chu_valmont.identifiant,
            "codeServiceExecutant": "DAL",
        },
        "fournisseur": {"idFournisseur": world.pharmadis.id_structure_cpp},
        "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"},
        "references": {
            "deviseFacture": "EUR",
            "typeFacture": "FACTURE",
            "typeTva": "TVA_SUR_DEBIT",
        },
        "lignePoste": [
            {
                "lignePosteNumero": 1,
                "lignePosteDenomination": "Gants nitrile (boîte de 100)",
                "lignePosteQuantite": 40,
                "lignePosteMontantUnitaireHT": 6.5,
                "lignePosteTauxTva": "TVA5",
            }
        ],
        "montantTotal": {"montantHtTotal": 260, "montantTVA": 52, "montantTtcTotal": 312},
    }
    for key, value in changes.items():
        body[key] = value
    return body


@pytest.fixture
def invoice_id(wire: ChorusWire) -> int:
    """A Pharmadis invoice available to the CHU de Valmont."""
    fake = wire.fake
    account = fake.world.account(fake.world.pharmadis)
    created = wire.ok(f"{F}/soumettre", _submission(fake, "GANTS-001"), account=account)
    assert created["statutFacture"] == "DEPOSEE"
    assert created["identifiantStructure"] == fake.world.pharmadis.identifiant
    wire.admin("advance", {"seconds": 60})
    identifier: int = created["identifiantFactureCPP"]
    return identifier


def test_submitted_invoice_reaches_the_recipient_after_routing(wire: ChorusWire) -> None:
    fake = wire.fake
    world = fake.world
    pharmadis, chu = world.account(world.pharmadis), world.account(world.chu_valmont)
    created = wire.ok(f"{F}/soumettre", _submission(fake, "GANTS-002"), account=pharmadis)
    identifier = created["identifiantFactureCPP"]
    hidden = wire.refused(
        f"{F}/consulter/recipiendaire", {"identifiantFactureCPP": identifier}, account=chu
    )
    assert hidden["codeRetour"] == 20000
    wire.admin("advance", {"seconds": 60})
    facture = wire.ok(
        f"{F}/consulter/recipiendaire", {"identifiantFactureCPP": identifier}, account=chu
    )["facture"]
    assert facture["statutFacture"] == "MISE_A_DISPOSITION"
    assert facture["destinataire"]["codeServiceExecutant"] == "DAL"
    assert facture["montantTotal"]["montantTtcTotal"] == 312
    assert facture["lignesDePoste"]["lignePoste"][0]["lignePosteMontantHtApresRemise"] == 260
    assert facture["lignesDePoste"]["totalLignesPoste"] == 1


def test_rights_on_invoices(wire: ChorusWire, invoice_id: int) -> None:
    world = wire.fake.world
    other_supplier = world.account(world.logiciels)
    other_recipient = world.account(world.chu_rochebrune)
    body = {"identifiantFactureCPP": invoice_id}
    assert (
        wire.refused(f"{F}/consulter/fournisseur", body, account=other_supplier)["codeRetour"]
        == 20001
    )
    assert (
        wire.refused(f"{F}/consulter/recipiendaire", body, account=other_recipient)["codeRetour"]
        == 20001
    )
    assert (
        wire.refused(
            f"{F}/consulter/fournisseur", {"identifiantFactureCPP": 1}, account=other_supplier
        )["codeRetour"]
        == 20000
    )
    assert wire.ok(f"{F}/rechercher/recipiendaire", {}, account=other_recipient)["total"] == 0
    wire.refused(
        f"{F}/traiter/recue",
        {"idFacture": invoice_id, "nouveauStatut": "SERVICE_FAIT"},
        account=world.account(world.pharmadis),
    )


def test_the_possible_statuses_come_from_the_lifecycle_table(wire: ChorusWire) -> None:
    account = wire.fake.account
    for statut in (
        StatutFacture.MISE_A_DISPOSITION,
        StatutFacture.MANDATEE,
        StatutFacture.SUSPENDUE,
    ):
        answer = wire.ok(
            f"{T}/recuperer/etats/traitement", {"statutCourant": statut.value}, account=account
        )
        listed = [
            item["statutPossiblePourTraitement"]
            for item in answer["listeStatutsPossiblesPourTraitement"]
        ]
        assert listed == [
            target.value for target in lifecycle.etats_possibles_pour_traitement(statut)
        ]


def test_completer_only_a_suspended_invoice(wire: ChorusWire, invoice_id: int) -> None:
    world = wire.fake.world
    refused = wire.refused(
        f"{F}/completer",
        {"identifiantFactureCPP": invoice_id},
        account=world.account(world.pharmadis),
    )
    assert refused == {"codeRetour": 20002, "libelle": "GDP_MSG_11.033"}


def test_recyclage_to_the_right_service(wire: ChorusWire, invoice_id: int) -> None:
    world = wire.fake.world
    pharmadis, chu = world.account(world.pharmadis), world.account(world.chu_valmont)
    recycle = {
        "identifiantFactureCPP": invoice_id,
        "destinataire": {"codeServiceExecutant": "PHARMACIE"},
    }
    assert "A_RECYCLER" in wire.refused(f"{F}/recycler", recycle, account=pharmadis)["libelle"]
    wire.ok(
        f"{F}/traiter/recue", {"idFacture": invoice_id, "nouveauStatut": "A_RECYCLER"}, account=chu
    )
    todo = wire.ok(
        f"{F}/rechercher/atraiter/fournisseur",
        {"idStructure": world.pharmadis.id_structure_cpp},
        account=pharmadis,
    )
    assert [item["statut"] for item in todo["listeFactures"]] == ["A_RECYCLER"]
    # PHARMACIE requires an engagement juridique: the recycling is refused without one.
    missing = wire.refused(f"{F}/recycler", recycle, account=pharmadis)
    assert "reference.numeroBonCommande" in missing["libelle"]
    recycle["reference"] = {"numeroBonCommande": "EJ2026PHA000123"}
    answer = wire.ok(f"{F}/recycler", recycle, account=pharmadis)
    assert answer["statutFacture"] == "DEPOSEE"
    wire.admin("advance", {"seconds": 60})
    facture = wire.ok(
        f"{F}/consulter/recipiendaire", {"identifiantFactureCPP": invoice_id}, account=chu
    )["facture"]
    assert facture["destinataire"]["codeServiceExecutant"] == "PHARMACIE"
    assert facture["references"]["numeroBonCommande"] == "EJ2026PHA000123"
    assert facture["statutFacture"] == "MISE_A_DISPOSITION"


def test_rejet_and_its_acknowledgement(wire: ChorusWire, invoice_id: int) -> None:
    world = wire.fake.world
    pharmadis, chu = world.account(world.pharmadis), world.account(world.chu_valmont)
    wire.ok(
        f"{F}/traiter/recue",
        {
            "idFacture": invoice_id,
            "nouveauStatut": "REJETEE",
            "motif": "Prix non conforme au marché",
        },
        account=chu,
    )
    assert (
        wire.refused(
            f"{F}/traiter/recue",
            {"idFacture": invoice_id, "nouveauStatut": "SERVICE_FAIT"},
            account=chu,
        )["codeRetour"]
        == 21003
    )
    body = {"listeDemandePaiement": [{"idDemandePaiement": invoice_id}]}
    wire.ok(f"{F}/traiterRejet", body, account=pharmadis)
    assert "déjà traité" in wire.refused(f"{F}/traiterRejet", body, account=pharmadis)["libelle"]
    emise = wire.ok(f"{F}/rechercher/fournisseur", {"rejetTraite": True}, account=pharmadis)[
        "listeFactures"
    ]
    assert [(item["statut"], item["commentaireEtatCourant"]) for item in emise] == [
        ("REJETEE", "Prix non conforme au marché")
    ]
    historique = wire.ok(f"{F}/consulter/historique", {"idFacture": invoice_id}, account=pharmadis)
    assert historique["derniereAction"]["derniereActionCode"] == "TRAITEMENT_REJET"


def test_download_flips_the_flag(wire: ChorusWire, invoice_id: int) -> None:
    world = wire.fake.world
    chu = world.account(world.chu_valmont)
    fresh = wire.ok(
        f"{F}/rechercher/recipiendaire", {"factureTelechargeeParDestinataire": False}, account=chu
    )
    assert fresh["total"] == 1
    pdf = wire.ok(
        f"{F}/telecharger/groupe",
        {
            "format": "PDF",
            "avecPiecesJointesComplementaires": "NON",
            "listeFacture": [{"idFacture": invoice_id}],
        },
        account=chu,
    )
    assert base64.b64decode(pdf["fichierResultat"]).startswith(b"%PDF-")
    assert (
        wire.ok(
            f"{F}/rechercher/recipiendaire",
            {"factureTelechargeeParDestinataire": False},
            account=chu,
        )["total"]
        == 0
    )
    downloaded = wire.ok(
        f"{F}/rechercher/recipiendaire", {"factureTelechargeeParDestinataire": True}, account=chu
    )
    assert downloaded["listeFactures"][0]["factureTelechargeeParDestinataire"] is True
    historique = wire.ok(f"{F}/consulter/historique", {"idFacture": invoice_id}, account=chu)
    assert historique["derniereAction"]["derniereActionCode"] == "TELECHARGEMENT_FACTURE"


def test_pivot_download_of_a_submitted_invoice_is_a_cii_rendering(
    wire: ChorusWire, invoice_id: int
) -> None:
    chu = wire.fake.world.account(wire.fake.world.chu_valmont)
    answer = wire.ok(
        f"{F}/telecharger/groupe",
        {"format": "PIVOT", "listeFacture": [{"idFacture": invoice_id}]},
        account=chu,
    )
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(answer["fichierResultat"]))) as archive:
        pivot = read_invoice(archive.read("GANTS-001/GANTS-001.xml"), SyntaxeFlux.IN_DP_E1_CII_16B)
    assert (pivot.numero, pivot.code_service, pivot.total_ttc) == ("GANTS-001", "DAL", 312)
    assert consistency_problems(pivot) == []


def test_pivot_download_gives_the_deposited_file(wire: ChorusWire) -> None:
    world = wire.fake.world
    xml = cii(
        SampleInvoice(
            numero="PIV-1",
            fournisseur=world.pharmadis.identifiant,
            destinataire=world.departement.identifiant,
        )
    )
    numero = wire.ok(
        f"{F}/deposer/flux",
        {"fichierFlux": b64(xml), "nomFichier": "piv.xml", "syntaxeFlux": "IN_DP_E1_CII_16B"},
        account=world.account(world.pharmadis),
    )["numeroFluxDepot"]
    wire.admin("advance", {"flux": numero})
    wire.admin("advance", {"seconds": 60})
    departement = world.account(world.departement)
    [item] = wire.ok(
        f"{F}/rechercher/recipiendaire", {"numeroFacture": "PIV-1"}, account=departement
    )["listeFactures"]
    answer = wire.ok(
        f"{F}/telecharger/groupe",
        {"format": "PIVOT", "listeFacture": [{"idFacture": item["idFacture"]}]},
        account=departement,
    )
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(answer["fichierResultat"]))) as archive:
        assert archive.read("PIV-1/piv.xml") == xml


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"numeroFactureSaisi": "GANTS 001"}, "numeroFactureSaisi"),
        (
            {"montantTotal": {"montantHtTotal": 250, "montantTVA": 52, "montantTtcTotal": 312}},
            "somme des lignes",
        ),
        (
            {"montantTotal": {"montantHtTotal": 260, "montantTVA": 52, "montantTtcTotal": 300}},
            "montantTtcTotal",
        ),
        ({"lignePoste": []}, "au moins une ligne"),
        ({"destinataire": {"codeDestinataire": "26130001600019"}}, "code service"),
        (
            {
                "destinataire": {
                    "codeDestinataire": "26130001600019",
                    "codeServiceExecutant": "FACTURES_PUBLIQUES",
                }
            },
            "FACTURES_PUBLIQUES",
        ),
        (
            {"cadreDeFacturation": {"codeCadreFacturation": "A9_FACTURE_SOUSTRAITANT"}},
            "structure valideur",
        ),
        ({"modeDepot": "DEPOT_PDF_API"}, "pieceJointePrincipale"),
    ],
)
def test_submission_checks(wire: ChorusWire, changes: dict[str, Any], expected: str) -> None:
    fake = wire.fake
    account = fake.world.account(fake.world.pharmadis)
    refused = wire.refused(f"{F}/soumettre", _submission(fake, "CHK-1", **changes), account=account)
    assert expected in refused["libelle"]


def test_a_submitted_number_is_unique_per_supplier(wire: ChorusWire, invoice_id: int) -> None:
    fake = wire.fake
    account = fake.world.account(fake.world.pharmadis)
    assert (
        "déjà été utilisé"
        in wire.refused(f"{F}/soumettre", _submission(fake, "GANTS-001"), account=account)[
            "libelle"
        ]
    )
    other = fake.world.account(fake.world.logiciels)
    body = _submission(
        fake, "GANTS-001", fournisseur={"idFournisseur": fake.world.logiciels.id_structure_cpp}
    )
    assert wire.ok(f"{F}/soumettre", body, account=other)["numeroFacture"] == "GANTS-001"
    without_number = _submission(fake, "")
    del without_number["numeroFactureSaisi"]
    generated = wire.ok(f"{F}/soumettre", without_number, account=account)
    assert generated["numeroFacture"].startswith("2026")


def test_a_validator_refuses_with_a_motif(wire: ChorusWire) -> None:
    fake = wire.fake
    world = fake.world
    sterilis, biomedika = world.account(world.sterilis), world.account(world.biomedika)
    body = _submission(
        fake,
        "STE-9",
        fournisseur={"idFournisseur": world.sterilis.id_structure_cpp},
        cadreDeFacturation={
            "codeCadreFacturation": "A12_FACTURE_COTRAITANT",
            "codeStructureValideur": world.biomedika.identifiant,
        },
    )
    identifier = wire.ok(f"{F}/soumettre", body, account=sterilis)["identifiantFactureCPP"]
    wire.admin("advance", {"seconds": 60})
    assert (
        "motif"
        in wire.refused(
            f"{F}/traiter/factureAValider",
            {"idFacture": identifier, "action": "REFUS"},
            account=biomedika,
        )["libelle"]
    )
    refused = wire.ok(
        f"{F}/traiter/factureAValider",
        {"idFacture": identifier, "action": "REFUS", "motifRefus": "Prestation non réalisée"},
        account=biomedika,
    )
    assert refused["statutFacture"] == "REFUSEE_1"
    assert (
        wire.refused(
            f"{F}/traiter/factureAValider",
            {"idFacture": identifier, "action": "VALIDATION"},
            account=biomedika,
        )["codeRetour"]
        == 21013
    )


def test_attachments(wire: ChorusWire) -> None:
    account = wire.fake.world.account(wire.fake.world.pharmadis)

    def add(name: str, extension: str, size: int) -> dict[str, Any]:
        return {
            "pieceJointeFichier": b64(b"x" * size),
            "pieceJointeNom": name,
            "pieceJointeTypeMime": "application/octet-stream",
            "pieceJointeExtension": extension,
        }

    assert (
        wire.refused(
            f"{T}/ajouter/fichier", add("gros.pdf", "PDF", 10 * 1024 * 1024 + 1), account=account
        )["codeRetour"]
        == 20003
    )
    assert (
        "pieceJointeExtension"
        in wire.refused(f"{T}/ajouter/fichier", add("virus.exe", "EXE", 10), account=account)[
            "libelle"
        ]
    )
    assert (
        "pieceJointeNom"
        in wire.refused(f"{T}/ajouter/fichier", add("x" * 60 + ".pdf", "PDF", 10), account=account)[
            "libelle"
        ]
    )
    assert (
        wire.ok(f"{T}/ajouter/fichier", add("bl.pdf", "pdf", 10), account=account)["pieceJointeId"]
        > 0
    )


def test_a_cadre_the_submission_does_not_know_is_a_malformed_request(wire: ChorusWire) -> None:
    fake = wire.fake
    body = _submission(
        fake, "CHK-2", cadreDeFacturation={"codeCadreFacturation": "A3_MEMOIRE_JUSTICE"}
    )
    answer = wire.post(
        f"{F}/soumettre",
        None,
        account=fake.world.account(fake.world.pharmadis),
        content=__import__("json").dumps(body).encode(),
    )
    assert answer.status_code == 400
    assert "codeCadreFacturation" in answer.json()["detail"]
