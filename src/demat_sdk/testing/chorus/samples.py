"""Sample invoices to deposit on the emulator: CII D16B, UBL 2.1, Factur-X, ``.tar.gz`` flux.

They carry what Chorus Pro checks (parties' SIRET, service code, engagement juridique, number,
totals) and nothing more: they are test data, not a general-purpose invoice writer. Amounts are
computed from the lines unless a total is forced, which is how a test builds an invoice whose
totals do not add up::

    from demat_sdk.testing.chorus.samples import SampleInvoice, Line, cii

    xml = cii(SampleInvoice(
        numero="F2026-0001",
        fournisseur="41234567000019",
        destinataire="26130001600019",
        code_service="BIOMED",
        lines=(Line("Seringues 10 ml", "100", "0.35", "20"),),
    ))
"""

from __future__ import annotations

import io
import tarfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from lxml import etree

from demat_sdk.testing.chorus.documents import pdf_of

__all__ = ["Line", "SampleInvoice", "cii", "facturx_pdf", "tar_gz", "ubl"]

_CENT = Decimal("0.01")
_RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
_RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
_UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
_UBL_CREDIT = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"


@dataclass(frozen=True)
class Line:
    """An invoice line: label, quantity, unit price excluding VAT, VAT rate in percent."""

    libelle: str
    quantite: str
    prix_unitaire_ht: str
    taux_tva: str = "20"

    @property
    def montant_ht(self) -> Decimal:
        """Net amount of the line."""
        return (Decimal(self.quantite) * Decimal(self.prix_unitaire_ht)).quantize(_CENT)


@dataclass(frozen=True)
class SampleInvoice:
    """What a sample invoice says.

    Attributes:
        numero: invoice number (BT-1).
        fournisseur: supplier SIRET (BT-29, scheme 0009).
        destinataire: recipient SIRET (BT-46, scheme 0009).
        code_service: service code (BT-10 ``BuyerReference``), if any.
        numero_ej: engagement juridique / purchase order (BT-13), if any.
        numero_marche: contract (marché) number (BT-12), if any.
        avoir: a credit note rather than an invoice.
        total_ht, total_ttc, total_a_payer: force a total instead of computing it.
    """

    numero: str
    fournisseur: str
    destinataire: str
    code_service: str | None = None
    numero_ej: str | None = None
    numero_marche: str | None = None
    date_facture: date = date(2026, 1, 5)
    lines: tuple[Line, ...] = field(default=(Line("Prestation", "1", "100.00"),))
    avoir: bool = False
    total_ht: Decimal | None = None
    total_ttc: Decimal | None = None
    total_a_payer: Decimal | None = None

    @property
    def lines_total(self) -> Decimal:
        """Sum of the lines' net amounts."""
        return sum((line.montant_ht for line in self.lines), Decimal(0))

    def vat(self) -> dict[Decimal, tuple[Decimal, Decimal]]:
        """VAT breakdown: rate → (taxable base, VAT amount)."""
        bases: dict[Decimal, Decimal] = {}
        for line in self.lines:
            rate = Decimal(line.taux_tva)
            bases[rate] = bases.get(rate, Decimal(0)) + line.montant_ht
        return {rate: (base, (base * rate / 100).quantize(_CENT)) for rate, base in bases.items()}

    def totals(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """``(total HT, total VAT, total TTC, amount due)``, forced values included."""
        ht = self.total_ht if self.total_ht is not None else self.lines_total
        tva = sum((amount for _, amount in self.vat().values()), Decimal(0))
        ttc = self.total_ttc if self.total_ttc is not None else ht + tva
        due = self.total_a_payer if self.total_a_payer is not None else ttc
        return ht, tva, ttc, due


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def cii(invoice: SampleInvoice) -> bytes:
    """The invoice in UN/CEFACT CII D16B (syntax ``IN_DP_E1_CII_16B``)."""
    ram, rsm = f"{{{_RAM}}}", f"{{{_RSM}}}"
    root = etree.Element(
        f"{rsm}CrossIndustryInvoice", nsmap={"rsm": _RSM, "ram": _RAM, "udt": _UDT}
    )
    context = _sub(root, f"{rsm}ExchangedDocumentContext")
    _sub(_sub(context, f"{ram}BusinessProcessSpecifiedDocumentContextParameter"), f"{ram}ID", "A1")
    _sub(
        _sub(context, f"{ram}GuidelineSpecifiedDocumentContextParameter"),
        f"{ram}ID",
        "urn:cen.eu:en16931:2017",
    )
    document = _sub(root, f"{rsm}ExchangedDocument")
    _sub(document, f"{ram}ID", invoice.numero)
    _sub(document, f"{ram}TypeCode", "381" if invoice.avoir else "380")
    issued = _sub(document, f"{ram}IssueDateTime")
    _sub(issued, f"{{{_UDT}}}DateTimeString", invoice.date_facture.strftime("%Y%m%d"), format="102")
    transaction = _sub(root, f"{rsm}SupplyChainTradeTransaction")
    for number, line in enumerate(invoice.lines, start=1):
        item = _sub(transaction, f"{ram}IncludedSupplyChainTradeLineItem")
        _sub(_sub(item, f"{ram}AssociatedDocumentLineDocument"), f"{ram}LineID", str(number))
        _sub(_sub(item, f"{ram}SpecifiedTradeProduct"), f"{ram}Name", line.libelle)
        price = _sub(
            _sub(item, f"{ram}SpecifiedLineTradeAgreement"), f"{ram}NetPriceProductTradePrice"
        )
        _sub(price, f"{ram}ChargeAmount", line.prix_unitaire_ht)
        _sub(
            _sub(item, f"{ram}SpecifiedLineTradeDelivery"),
            f"{ram}BilledQuantity",
            line.quantite,
            unitCode="C62",
        )
        settlement = _sub(item, f"{ram}SpecifiedLineTradeSettlement")
        tax = _sub(settlement, f"{ram}ApplicableTradeTax")
        _sub(tax, f"{ram}TypeCode", "VAT")
        _sub(tax, f"{ram}CategoryCode", "S")
        _sub(tax, f"{ram}RateApplicablePercent", line.taux_tva)
        summation = _sub(settlement, f"{ram}SpecifiedTradeSettlementLineMonetarySummation")
        _sub(summation, f"{ram}LineTotalAmount", str(line.montant_ht))
    agreement = _sub(transaction, f"{ram}ApplicableHeaderTradeAgreement")
    if invoice.code_service:
        _sub(agreement, f"{ram}BuyerReference", invoice.code_service)
    for role, siret in (
        ("SellerTradeParty", invoice.fournisseur),
        ("BuyerTradeParty", invoice.destinataire),
    ):
        party = _sub(agreement, f"{ram}{role}")
        _sub(party, f"{ram}GlobalID", siret, schemeID="0009")
        _sub(party, f"{ram}Name", f"Structure {siret}")
        _sub(_sub(party, f"{ram}PostalTradeAddress"), f"{ram}CountryID", "FR")
    for reference, identifier in (
        ("BuyerOrderReferencedDocument", invoice.numero_ej),
        ("ContractReferencedDocument", invoice.numero_marche),
    ):
        if identifier:
            _sub(_sub(agreement, f"{ram}{reference}"), f"{ram}IssuerAssignedID", identifier)
    _sub(transaction, f"{ram}ApplicableHeaderTradeDelivery")
    settlement = _sub(transaction, f"{ram}ApplicableHeaderTradeSettlement")
    _sub(settlement, f"{ram}InvoiceCurrencyCode", "EUR")
    _sub(_sub(settlement, f"{ram}SpecifiedTradeSettlementPaymentMeans"), f"{ram}TypeCode", "30")
    for rate, (base, amount) in invoice.vat().items():
        tax = _sub(settlement, f"{ram}ApplicableTradeTax")
        _sub(tax, f"{ram}CalculatedAmount", str(amount))
        _sub(tax, f"{ram}TypeCode", "VAT")
        _sub(tax, f"{ram}BasisAmount", str(base))
        _sub(tax, f"{ram}CategoryCode", "S")
        _sub(tax, f"{ram}RateApplicablePercent", str(rate))
    ht, tva, ttc, due = invoice.totals()
    summation = _sub(settlement, f"{ram}SpecifiedTradeSettlementHeaderMonetarySummation")
    _sub(summation, f"{ram}LineTotalAmount", str(invoice.lines_total))
    _sub(summation, f"{ram}TaxBasisTotalAmount", str(ht))
    _sub(summation, f"{ram}TaxTotalAmount", str(tva), currencyID="EUR")
    _sub(summation, f"{ram}GrandTotalAmount", str(ttc))
    _sub(summation, f"{ram}DuePayableAmount", str(due))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def ubl(invoice: SampleInvoice) -> bytes:
    """The invoice in UBL 2.1 (syntax ``IN_DP_E1_UBL_INVOICE``): ``Invoice`` or ``CreditNote``."""
    cac, cbc = f"{{{_CAC}}}", f"{{{_CBC}}}"
    namespace, kind = (_UBL_CREDIT, "CreditNote") if invoice.avoir else (_UBL, "Invoice")
    namespaces: dict[str | None, str] = {None: namespace, "cac": _CAC, "cbc": _CBC}
    # lxml-stubs do not know the default namespace's None key.
    root = etree.Element(f"{{{namespace}}}{kind}", nsmap=namespaces)  # type: ignore[arg-type]
    _sub(root, f"{cbc}CustomizationID", "urn:cen.eu:en16931:2017")
    _sub(root, f"{cbc}ProfileID", "A1")
    _sub(root, f"{cbc}ID", invoice.numero)
    _sub(root, f"{cbc}IssueDate", invoice.date_facture.isoformat())
    _sub(root, f"{cbc}{kind}TypeCode", "381" if invoice.avoir else "380")
    _sub(root, f"{cbc}DocumentCurrencyCode", "EUR")
    if invoice.code_service:
        _sub(root, f"{cbc}BuyerReference", invoice.code_service)
    if invoice.numero_ej:
        _sub(_sub(root, f"{cac}OrderReference"), f"{cbc}ID", invoice.numero_ej)
    if invoice.numero_marche:
        _sub(_sub(root, f"{cac}ContractDocumentReference"), f"{cbc}ID", invoice.numero_marche)
    for role, siret in (
        ("AccountingSupplierParty", invoice.fournisseur),
        ("AccountingCustomerParty", invoice.destinataire),
    ):
        party = _sub(_sub(root, f"{cac}{role}"), f"{cac}Party")
        _sub(_sub(party, f"{cac}PartyIdentification"), f"{cbc}ID", siret, schemeID="0009")
        _sub(_sub(party, f"{cac}PostalAddress"), f"{cac}Country").append(_country())
        _sub(_sub(party, f"{cac}PartyLegalEntity"), f"{cbc}RegistrationName", f"Structure {siret}")
    _sub(_sub(root, f"{cac}PaymentMeans"), f"{cbc}PaymentMeansCode", "30")
    ht, tva, ttc, due = invoice.totals()
    tax_total = _sub(root, f"{cac}TaxTotal")
    _sub(tax_total, f"{cbc}TaxAmount", str(tva), currencyID="EUR")
    for rate, (base, amount) in invoice.vat().items():
        subtotal = _sub(tax_total, f"{cac}TaxSubtotal")
        _sub(subtotal, f"{cbc}TaxableAmount", str(base), currencyID="EUR")
        _sub(subtotal, f"{cbc}TaxAmount", str(amount), currencyID="EUR")
        _category(subtotal, f"{cac}TaxCategory", rate)
    total = _sub(root, f"{cac}LegalMonetaryTotal")
    _sub(total, f"{cbc}LineExtensionAmount", str(invoice.lines_total), currencyID="EUR")
    _sub(total, f"{cbc}TaxExclusiveAmount", str(ht), currencyID="EUR")
    _sub(total, f"{cbc}TaxInclusiveAmount", str(ttc), currencyID="EUR")
    _sub(total, f"{cbc}PayableAmount", str(due), currencyID="EUR")
    quantity_tag = "CreditedQuantity" if invoice.avoir else "InvoicedQuantity"
    for number, line in enumerate(invoice.lines, start=1):
        item_line = _sub(root, f"{cac}{kind}Line")
        _sub(item_line, f"{cbc}ID", str(number))
        _sub(item_line, f"{cbc}{quantity_tag}", line.quantite, unitCode="C62")
        _sub(item_line, f"{cbc}LineExtensionAmount", str(line.montant_ht), currencyID="EUR")
        item = _sub(item_line, f"{cac}Item")
        _sub(item, f"{cbc}Name", line.libelle)
        _category(item, f"{cac}ClassifiedTaxCategory", Decimal(line.taux_tva))
        _sub(
            _sub(item_line, f"{cac}Price"),
            f"{cbc}PriceAmount",
            line.prix_unitaire_ht,
            currencyID="EUR",
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _country() -> etree._Element:
    element = etree.Element(f"{{{_CBC}}}IdentificationCode")
    element.text = "FR"
    return element


def _category(parent: etree._Element, tag: str, rate: Decimal) -> None:
    category = _sub(parent, tag)
    _sub(category, f"{{{_CBC}}}ID", "S")
    _sub(category, f"{{{_CBC}}}Percent", str(rate))
    _sub(_sub(category, f"{{{_CAC}}}TaxScheme"), f"{{{_CBC}}}ID", "VAT")


def facturx_pdf(cii_xml: bytes, *, title: str = "Facture") -> bytes:
    """A minimal PDF embedding ``cii_xml`` as ``factur-x.xml`` (syntax ``IN_DP_E2_CII_FACTURX``).

    Enough for the emulator to find the invoice; not a PDF/A-3 (the real platform checks more).
    """
    content = f"BT /F1 12 Tf 50 800 Td ({title}) Tj ET".encode("latin-1", "replace")
    packed = zlib.compress(cii_xml)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R "
        b"/Names << /EmbeddedFiles << /Names [(factur-x.xml) 6 0 R] >> >> /AF [6 0 R] >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /AFRelationship /Data "
        b"/EF << /F 7 0 R /UF 7 0 R >> >>",
        b"<< /Type /EmbeddedFile /Subtype /text#2Fxml /Filter /FlateDecode /Length %d "
        b"/Params << /Size %d >> >>\nstream\n"
        % (len(packed), len(cii_xml))
        + packed
        + b"\nendstream",
    ]
    return pdf_of(objects)


def tar_gz(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A ``.tar.gz`` flux holding several invoice files."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 1_767_600_000
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()
