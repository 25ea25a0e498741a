"""Deposited flux: the processing pipeline and each integration check, on both faces."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii, facturx_pdf, tar_gz, ubl

from chorus_wire import ChorusWire, b64

DEPOSER = "/cpro/factures/v1/deposer/flux"
CR = "/cpro/transverses/v1/consulterCRDetaille"


def _deposit(
    wire: ChorusWire, data: bytes, *, name: str = "facture.xml", syntaxe: str = "IN_DP_E1_CII_16B"
) -> str:
    world = wire.fake.world
    answer = wire.ok(
        DEPOSER,
        {
            "fichierFlux": b64(data),
            "nomFichier": name,
            "syntaxeFlux": syntaxe,
            "avecSignature": False,
        },
        account=world.account(world.pharmadis),
    )
    numero: str = answer["numeroFluxDepot"]
    return numero


def _report(wire: ChorusWire, numero: str) -> dict[str, Any]:
    world = wire.fake.world
    return wire.ok(CR, {"numeroFluxDepot": numero}, account=world.account(world.pharmadis))


def _processed(wire: ChorusWire, data: bytes, **options: str) -> dict[str, Any]:
    numero = _deposit(wire, data, **options)
    wire.admin("advance", {"flux": numero})
    return _report(wire, numero)


def _invoice(wire: ChorusWire, **changes: Any) -> SampleInvoice:
    world = wire.fake.world
    base = SampleInvoice(
        numero="PHX-0001",
        fournisseur=world.pharmadis.identifiant,
        destinataire=world.chu_valmont.identifiant,
        code_service="BIOMED",
    )
    return replace(base, **changes)


def test_the_pipeline_moves_one_step_a_minute(wire: ChorusWire) -> None:
    numero = _deposit(wire, cii(_invoice(wire)))
    seen = [_report(wire, numero)["etatCourantDepotFlux"]]
    for _ in range(4):
        wire.admin("advance", {"seconds": 60})
        seen.append(_report(wire, numero)["etatCourantDepotFlux"])
    assert seen == [
        "IN_RECU",
        "IN_TRAITE_SE_CPP",
        "IN_EN_ATTENTE_TRAITEMENT_CPP",
        "IN_EN_COURS_TRAITEMENT_CPP",
        "IN_INTEGRE",
    ]
    cr = wire.ok(
        "/cpro/transverses/v1/consulterCR",
        {"numeroFluxDepot": numero},
        account=wire.fake.world.account(wire.fake.world.pharmadis),
    )
    assert cr["etatCourantFlux"] == "IN_INTEGRE"
    assert cr["dateDepotFlux"] == "2026-01-05T09:00:00.000+01:00"
    assert cr["dateHeureEtatCourantFlux"] == "2026-01-05T09:04:00.000+01:00"


def test_a_flux_is_visible_only_to_its_depositor(wire: ChorusWire) -> None:
    numero = _deposit(wire, cii(_invoice(wire)))
    world = wire.fake.world
    refused = wire.refused(CR, {"numeroFluxDepot": numero}, account=world.account(world.biomedika))
    assert numero in refused["libelle"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"destinataire": "26510009900018"}, "n'est pas référencé"),
        ({"destinataire": "41234567000019"}, "n'est pas une structure publique"),
        (
            {"code_service": None},
            "code service (ApplicableHeaderTradeAgreement.BuyerReference) est obligatoire",
        ),
        ({"code_service": "CARDIOLOGIE"}, "CARDIOLOGIE"),
        ({"code_service": "MAGASIN_CENTRAL"}, "n'est pas actif"),
        ({"code_service": "FACTURES_PUBLIQUES"}, "réservé aux factures entre structures publiques"),
        ({"code_service": "PHARMACIE"}, "engagement juridique"),
        ({"total_ttc": Decimal("999.00")}, "GrandTotalAmount (999.00) ne correspond pas"),
        ({"total_ht": Decimal("1.00")}, "TaxBasisTotalAmount (1.00) ne correspond pas"),
        ({"numero": "N" * 21}, "dépasse 20 caractères"),
        ({"fournisseur": "52345678800026"}, "n'est pas habilité"),
        ({"fournisseur": "79876543400000"}, "n'est pas référencé dans notre système"),
    ],
)
def test_integration_checks(wire: ChorusWire, changes: dict[str, Any], expected: str) -> None:
    report = _processed(wire, cii(_invoice(wire, **changes)))
    assert report["etatCourantDepotFlux"] == "IN_REJETE"
    messages = [error["libelleErreurDP"] for error in report["listeErreurDP"]]
    assert any(expected in message for message in messages), messages


def test_inactive_recipient_and_structure_level_rules(wire: ChorusWire) -> None:
    world = wire.fake.world
    wire.admin(
        "seed",
        {
            "structures": [
                {"identifiant": "26510009900018", "designation": "EHPAD FERME", "active": False}
            ]
        },
    )
    inactive = _processed(wire, cii(_invoice(wire, destinataire="26510009900018")))
    assert "n'est pas actif" in inactive["listeErreurDP"][0]["libelleErreurDP"]
    # The GHT support hospital requires an engagement juridique, service code or not.
    ght = _processed(
        wire,
        cii(
            _invoice(
                wire,
                numero="PHX-0002",
                destinataire=world.ch_saint_aurele.identifiant,
                code_service=None,
            )
        ),
    )
    assert "obligatoire pour ce destinataire" in ght["listeErreurDP"][0]["libelleErreurDP"]
    # Rochebrune takes "EJ or service code": either one is enough, none is refused.
    rochebrune = world.chu_rochebrune.identifiant
    neither = _processed(
        wire, cii(_invoice(wire, numero="PHX-0003", destinataire=rochebrune, code_service=None))
    )
    assert "ou le code service" in neither["listeErreurDP"][0]["libelleErreurDP"]
    only_ej = _processed(
        wire,
        cii(
            _invoice(
                wire,
                numero="PHX-0004",
                destinataire=rochebrune,
                code_service=None,
                numero_ej="BC-77",
            )
        ),
    )
    assert only_ej["etatCourantDepotFlux"] == "IN_INTEGRE"
    # A contract (marché) number stands for the engagement juridique too.
    marche = _processed(
        wire,
        ubl(
            _invoice(
                wire,
                numero="PHX-0005",
                destinataire=world.ch_saint_aurele.identifiant,
                code_service=None,
                numero_marche="MARCHE-GHT-2025-03",
            )
        ),
        syntaxe="IN_DP_E1_UBL_INVOICE",
    )
    assert marche["etatCourantDepotFlux"] == "IN_INTEGRE"


def test_an_invoice_number_is_used_once_per_supplier(wire: ChorusWire) -> None:
    assert _processed(wire, cii(_invoice(wire)))["etatCourantDepotFlux"] == "IN_INTEGRE"
    again = _processed(wire, cii(_invoice(wire)))
    assert again["etatCourantDepotFlux"] == "IN_REJETE"
    assert "déjà été utilisé" in again["listeErreurDP"][0]["libelleErreurDP"]
    twice = tar_gz(
        [("a.xml", cii(_invoice(wire, numero="X-1"))), ("b.xml", cii(_invoice(wire, numero="X-1")))]
    )
    partial = _processed(wire, twice, name="lot.tar.gz")
    assert partial["etatCourantDepotFlux"] == "IN_INTEGRE_PARTIEL"
    assert [error["numeroDP"] for error in partial["listeErreurDP"]] == ["X-1"]


def test_an_invoice_over_10_mb_is_refused(wire: ChorusWire) -> None:
    padding = b"<!--" + b"x" * (10 * 1024 * 1024) + b"-->"
    big = cii(_invoice(wire)).replace(
        b"<rsm:ExchangedDocumentContext>", padding + b"<rsm:ExchangedDocumentContext>", 1
    )
    report = _processed(wire, big)
    assert report["etatCourantDepotFlux"] == "IN_REJETE"
    assert "10 Mo" in report["listeErreurDP"][0]["libelleErreurDP"]


def test_ubl_facturx_and_plain_cii_are_read(wire: ChorusWire) -> None:
    world = wire.fake.world
    rochebrune = world.chu_rochebrune.identifiant
    avoir = _invoice(
        wire, numero="AV-1", destinataire=rochebrune, code_service="ACHATS", avoir=True
    )
    assert (
        _processed(wire, ubl(avoir), syntaxe="IN_DP_E1_UBL_INVOICE")["etatCourantDepotFlux"]
        == "IN_INTEGRE"
    )
    facturx = cii(_invoice(wire, numero="FX-1", lines=(Line("Maintenance", "3", "250.00", "20"),)))
    pdf = _processed(wire, facturx_pdf(facturx), name="fx.pdf", syntaxe="IN_DP_E2_CII_FACTURX")
    assert pdf["etatCourantDepotFlux"] == "IN_INTEGRE"
    raw = _processed(wire, cii(_invoice(wire, numero="FX-2")), syntaxe="IN_DP_E2_CII_FACTURX")
    assert raw["etatCourantDepotFlux"] == "IN_INTEGRE"
    found = wire.ok(
        "/cpro/factures/v1/rechercher/fournisseur",
        {"numeroFacture": "AV-1"},
        account=world.account(world.pharmadis),
    )["listeFactures"]
    assert found[0]["typeFacture"] == "AVOIR"
    assert found[0]["modeDepot"] == "UPLOAD_API"


def test_unreadable_files(wire: ChorusWire) -> None:
    broken = _processed(wire, b"<rsm:CrossIndustryInvoice>")
    assert broken["etatCourantDepotFlux"] == "IN_REJETE"
    assert "mal formé" in broken["listeErreurDP"][0]["libelleErreurDP"]
    wrong_syntax = _processed(wire, cii(_invoice(wire)), syntaxe="IN_DP_E1_UBL_INVOICE")
    assert "n'est pas une facture UBL" in wrong_syntax["listeErreurDP"][0]["libelleErreurDP"]
    xcbl = _processed(wire, cii(_invoice(wire)), syntaxe="IN_DP_E1_XCBL")
    assert "n'est pas acceptée" in xcbl["listeErreurDP"][0]["libelleErreurDP"]
    entity = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'
    assert _processed(wire, entity)["etatCourantDepotFlux"] == "IN_REJETE"
    archive = _processed(wire, b"\x1f\x8bnot really gzip", name="lot.tar.gz")
    assert archive["etatCourantDepotFlux"] == "IN_INCIDENTE"
    assert archive["listeErreurTechnique"][0]["codeErreur"] == "ERR_ARCHIVE"


def test_deposit_requests_are_checked(wire: ChorusWire) -> None:
    world = wire.fake.world
    pharmadis = world.account(world.pharmadis)
    body = {
        "fichierFlux": "pas du base64 !",
        "nomFichier": "f.xml",
        "syntaxeFlux": "IN_DP_E1_CII_16B",
    }
    assert "base64" in wire.refused(DEPOSER, body, account=pharmadis)["libelle"]
    body = {
        "fichierFlux": b64(b"<x/>"),
        "nomFichier": "sans-extension",
        "syntaxeFlux": "IN_DP_E1_CII_16B",
    }
    assert "nomFichier" in wire.refused(DEPOSER, body, account=pharmadis)["libelle"]
    assert (
        wire.refused(
            DEPOSER, {"nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E1_CII_16B"}, account=pharmadis
        )["libelle"]
        == "Le champ fichierFlux est obligatoire."
    )
    no_rights = wire.refused(
        DEPOSER,
        {"fichierFlux": b64(b"<x/>"), "nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E1_CII_16B"},
        account=wire.fake.account,
    )
    assert no_rights["codeRetour"] == 20001
