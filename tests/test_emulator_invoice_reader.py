"""Reading deposited invoices: hand-written UBL and CII fixtures, Factur-X, hostile files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from demat_sdk.chorus.enums import ModePaiement, SyntaxeFlux, TypeFacture
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii, facturx_pdf, ubl
from demat_sdk.testing.chorus.state.invoice_xml import (
    InvoiceReadError,
    consistency_problems,
    embedded_xml,
    read_invoice,
)

FIXTURES = Path(__file__).parent / "fixtures" / "chorus"


def test_a_cii_credit_note_with_allowance_and_prepayment() -> None:
    invoice = read_invoice(
        (FIXTURES / "cii-avoir-remise.xml").read_bytes(), SyntaxeFlux.IN_DP_E1_CII_16B
    )
    assert invoice.syntaxe == "CII"
    assert invoice.numero == "AV-BMK-2026-004"
    assert invoice.type_facture is TypeFacture.AVOIR
    assert invoice.date_facture is not None
    assert invoice.date_facture.isoformat() == "2026-01-12"
    assert invoice.fournisseur == "52345678800026"  # from SpecifiedLegalOrganization
    assert invoice.destinataire == "26130001600019"  # the 0009 GlobalID, not the GLN
    assert invoice.code_service == "BIOMED"
    assert invoice.numero_ej == "BC-2025-7781"
    assert invoice.numero_marche == "MARCHE-2024-DM-12"
    assert (invoice.total_ht, invoice.total_tva, invoice.total_ttc) == (
        Decimal("1600.00"),
        Decimal("320.00"),
        Decimal("1920.00"),
    )
    assert invoice.total_a_payer == Decimal("1420.00")
    [line] = invoice.lines
    assert (line.numero, line.reference, line.unite, line.quantite) == (
        "10",
        "PSE-300",
        "H87",
        Decimal(2),
    )
    assert consistency_problems(invoice) == []


def test_a_ubl_invoice_with_two_rates() -> None:
    invoice = read_invoice(
        (FIXTURES / "ubl-deux-taux.xml").read_bytes(), SyntaxeFlux.IN_DP_E1_UBL_INVOICE
    )
    assert invoice.syntaxe == "UBL"
    assert invoice.fournisseur == "41234567000019"  # from PartyLegalEntity/CompanyID
    assert invoice.destinataire == "26380003900012"
    assert invoice.code_service is None
    assert invoice.numero_ej == "GHTVA-2026-0042"
    assert invoice.mode_paiement is ModePaiement.VIREMENT
    assert invoice.total_tva == Decimal("305.00")  # the total in the invoice currency
    assert [(vat.taux, vat.montant_tva) for vat in invoice.vat] == [
        (Decimal("5.5"), Decimal("55.00")),
        (Decimal("20"), Decimal("250.00")),
    ]
    assert [line.reference for line in invoice.lines] == ["", "TENS-7"]
    assert consistency_problems(invoice) == []


def test_inconsistent_totals_name_the_elements() -> None:
    sample = SampleInvoice(
        numero="T-1",
        fournisseur="41234567000019",
        destinataire="26130001600019",
        lines=(Line("A", "2", "10.00", "20"),),
        total_ttc=Decimal("25.00"),
        total_a_payer=Decimal("30.00"),
    )
    problems = consistency_problems(read_invoice(ubl(sample), SyntaxeFlux.IN_DP_E1_UBL_INVOICE))
    assert problems == [
        "LegalMonetaryTotal.TaxInclusiveAmount (25.00) ne correspond pas à "
        "LegalMonetaryTotal.TaxExclusiveAmount + TaxTotal.TaxAmount (24.00).",
        "LegalMonetaryTotal.PayableAmount (30.00) ne correspond pas à "
        "LegalMonetaryTotal.TaxInclusiveAmount − LegalMonetaryTotal.PrepaidAmount + "
        "LegalMonetaryTotal.PayableRoundingAmount (25.00).",
    ]


def test_samples_read_back_in_both_syntaxes() -> None:
    sample = SampleInvoice(
        numero="S-1",
        fournisseur="41234567000019",
        destinataire="26130001600019",
        code_service="DAL",
        numero_ej="EJ-1",
        lines=(Line("A", "3", "1.10", "5.5"), Line("B", "1", "40.00", "20")),
    )
    for data, syntaxe in (
        (cii(sample), SyntaxeFlux.IN_DP_E1_CII_16B),
        (ubl(sample), SyntaxeFlux.IN_DP_E1_UBL_INVOICE),
    ):
        invoice = read_invoice(data, syntaxe)
        assert (invoice.numero, invoice.code_service, invoice.numero_ej) == ("S-1", "DAL", "EJ-1")
        assert invoice.total_ht == Decimal("43.30")
        assert invoice.total_ttc == Decimal("51.48")
        assert consistency_problems(invoice) == []


def test_facturx_embedded_file() -> None:
    xml = (FIXTURES / "cii-avoir-remise.xml").read_bytes()
    assert embedded_xml(facturx_pdf(xml)) == xml
    with pytest.raises(InvoiceReadError, match="ni un PDF"):
        embedded_xml(b"PK\x03\x04 not a pdf")
    with pytest.raises(InvoiceReadError, match="pas de facture CII"):
        embedded_xml(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def test_hostile_and_broken_files() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'
    with pytest.raises(InvoiceReadError, match="mal formé"):
        read_invoice(bomb, SyntaxeFlux.IN_DP_E1_CII_16B)
    with pytest.raises(InvoiceReadError, match="CrossIndustryInvoice attendu"):
        read_invoice(b"<Invoice/>", SyntaxeFlux.IN_DP_E1_CII_16B)
    amount = cii(SampleInvoice(numero="X", fournisseur="1", destinataire="2")).replace(
        b"<ram:GrandTotalAmount>120.00", b"<ram:GrandTotalAmount>cent vingt"
    )
    with pytest.raises(InvoiceReadError, match="GrandTotalAmount"):
        read_invoice(amount, SyntaxeFlux.IN_DP_E1_CII_16B)
