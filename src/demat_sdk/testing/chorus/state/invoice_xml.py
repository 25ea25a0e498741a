"""Reading deposited invoices (UBL 2.1, CII D16B, Factur-X) for the integration checks.

The emulator reads number, parties, routing data, totals, lines and VAT breakdown.

Every document is parsed with the hardened reader of :mod:`demat_sdk.pes.xmlsafety`. Factur-X
PDFs are searched for their embedded CII file with a small, bounded reader (no PDF library): only
top-level stream objects typed ``/EmbeddedFile``, inflated with a size cap.

Where each datum sits (EN 16931): recipient SIRET BT-46 (``AccountingCustomerParty`` /
``BuyerTradeParty``), code service BT-10 (``BuyerReference``), engagement juridique BT-13
(``OrderReference`` / ``BuyerOrderReferencedDocument``), marché BT-12, invoice number BT-1,
totals BT-106…BT-115.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from lxml import etree

from demat_sdk.chorus.enums import ModePaiement, SyntaxeFlux, TypeFacture
from demat_sdk.errors import PesReadError
from demat_sdk.pes import xmlsafety

__all__ = [
    "MAX_INVOICE_BYTES",
    "InvoiceLine",
    "InvoiceReadError",
    "ParsedInvoice",
    "VatBreakdown",
    "consistency_problems",
    "embedded_xml",
    "read_invoice",
]

MAX_INVOICE_BYTES = 10 * 1024 * 1024
"""An invoice file above 10 MB is refused by Chorus Pro."""

_UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
_UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
_CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
_NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "rsm": _CII,
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}

_UBL_SYNTAXES = {
    SyntaxeFlux.IN_DP_E1_UBL_INVOICE,
    SyntaxeFlux.IN_DP_E2_UBL_INVOICE_MIN,
    SyntaxeFlux.IN_DP_E3_UBL_INVOICE,
}
_CII_SYNTAXES = {
    SyntaxeFlux.IN_DP_E1_CII,
    SyntaxeFlux.IN_DP_E1_CII_16B,
    SyntaxeFlux.IN_DP_E2_CII_MIN,
    SyntaxeFlux.IN_DP_E2_CII_MIN_16B,
}

# UNTDID 4461 payment means -> Chorus Pro modePaiement
_PAYMENT_MEANS = {
    "10": ModePaiement.ESPECE,
    "20": ModePaiement.CHEQUE,
    "30": ModePaiement.VIREMENT,
    "31": ModePaiement.VIREMENT,
    "42": ModePaiement.VIREMENT,
    "58": ModePaiement.VIREMENT,
    "49": ModePaiement.PRELEVEMENT,
    "59": ModePaiement.PRELEVEMENT,
}
_CREDIT_NOTE_CODES = {"381", "261", "262", "296", "308", "396", "420", "458", "532"}
_PREPAYMENT_CODES = {"386"}

CENT = Decimal("0.01")


class InvoiceReadError(Exception):
    """The file is not an invoice of the declared syntax (message in French, for the report)."""


@dataclass(frozen=True)
class InvoiceLine:
    """One invoice line (BG-25)."""

    numero: str
    denomination: str
    quantite: Decimal
    unite: str
    prix_unitaire_ht: Decimal
    montant_ht: Decimal
    taux_tva: Decimal | None
    reference: str = ""
    taux_code: str = ""
    """Code of the rate (``TVA5``…) when the line came from ``soumettreFacture``."""


@dataclass(frozen=True)
class VatBreakdown:
    """One line of the VAT breakdown (BG-23)."""

    taux: Decimal
    base_ht: Decimal
    montant_tva: Decimal


@dataclass(frozen=True)
class ParsedInvoice:
    """What the emulator reads from a deposited invoice.

    ``champs`` gives, for each datum, the element path that carries it in this syntax, so that
    error messages name the tag like Chorus Pro's reports do.
    """

    syntaxe: str
    numero: str | None
    type_facture: TypeFacture
    date_facture: date | None
    devise: str
    fournisseur: str | None
    destinataire: str | None
    code_service: str | None
    numero_ej: str | None
    numero_marche: str | None
    mode_paiement: ModePaiement | None
    total_lignes: Decimal | None
    total_remises: Decimal
    total_charges: Decimal
    total_ht: Decimal | None
    total_tva: Decimal | None
    total_ttc: Decimal | None
    total_prepaye: Decimal
    arrondi: Decimal
    total_a_payer: Decimal | None
    lines: tuple[InvoiceLine, ...]
    vat: tuple[VatBreakdown, ...]
    champs: dict[str, str] = field(default_factory=dict)

    @property
    def engagement(self) -> str | None:
        """The engagement juridique: the purchase order, or else the contract number."""
        return self.numero_ej or self.numero_marche


def read_invoice(data: bytes, syntaxe: SyntaxeFlux) -> ParsedInvoice:
    """Read one invoice file deposited with ``syntaxe``.

    Raises:
        InvoiceReadError: unreadable XML, a root that does not match the syntax, a syntax the
            emulator does not read, or an amount that is not a number.
    """
    if syntaxe is SyntaxeFlux.IN_DP_E2_CII_FACTURX:
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            data = embedded_xml(data)
        return _read_cii(_parse(data))
    if syntaxe in _CII_SYNTAXES:
        return _read_cii(_parse(data))
    if syntaxe in _UBL_SYNTAXES:
        return _read_ubl(_parse(data))
    raise InvoiceReadError(f"La syntaxe {syntaxe.value} n'est pas acceptée pour ce dépôt.")


def _parse(data: bytes) -> etree._Element:
    try:
        return xmlsafety.parse(data, max_bytes=None).getroot()
    except PesReadError as exc:
        raise InvoiceReadError(f"Le fichier XML est mal formé : {exc}") from None


# --- UBL 2.1 --------------------------------------------------------------------------------


def _read_ubl(root: etree._Element) -> ParsedInvoice:
    if root.tag == f"{{{_UBL_INVOICE}}}Invoice":
        line_tag, quantity_tag = "cac:InvoiceLine", "cbc:InvoicedQuantity"
        code = _text(root, "cbc:InvoiceTypeCode") or "380"
        credit = code in _CREDIT_NOTE_CODES
    elif root.tag == f"{{{_UBL_CREDIT_NOTE}}}CreditNote":
        line_tag, quantity_tag = "cac:CreditNoteLine", "cbc:CreditedQuantity"
        code, credit = "381", True
    else:
        raise InvoiceReadError(
            f"L'élément racine {etree.QName(root).localname} n'est pas une facture UBL 2.1 "
            "(Invoice ou CreditNote attendu)."
        )
    total = "cac:LegalMonetaryTotal/"
    number = _amount_reader(root)
    devise = _text(root, "cbc:DocumentCurrencyCode") or "EUR"
    tax_total = _ubl_tax_total(root, devise)
    lines = tuple(
        InvoiceLine(
            numero=_text(line, "cbc:ID") or str(index),
            denomination=_text(line, "cac:Item/cbc:Name") or "",
            quantite=number(line, quantity_tag) or Decimal(0),
            unite=_attribute(line, quantity_tag, "unitCode") or "",
            prix_unitaire_ht=number(line, "cac:Price/cbc:PriceAmount") or Decimal(0),
            montant_ht=number(line, "cbc:LineExtensionAmount") or Decimal(0),
            taux_tva=number(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"),
            reference=_text(line, "cac:Item/cac:SellersItemIdentification/cbc:ID") or "",
        )
        for index, line in enumerate(root.findall(line_tag, _NS), start=1)
    )
    vat = tuple(
        VatBreakdown(
            taux=number(sub, "cac:TaxCategory/cbc:Percent") or Decimal(0),
            base_ht=number(sub, "cbc:TaxableAmount") or Decimal(0),
            montant_tva=number(sub, "cbc:TaxAmount") or Decimal(0),
        )
        for sub in (tax_total.findall("cac:TaxSubtotal", _NS) if tax_total is not None else [])
    )
    customer = "cac:AccountingCustomerParty/cac:Party/"
    supplier = "cac:AccountingSupplierParty/cac:Party/"
    means = _text(root, "cac:PaymentMeans/cbc:PaymentMeansCode")
    return ParsedInvoice(
        syntaxe="UBL",
        numero=_text(root, "cbc:ID"),
        type_facture=_type_facture(code, credit),
        date_facture=_date(_text(root, "cbc:IssueDate"), "IssueDate"),
        devise=devise,
        fournisseur=_ubl_party_id(root, supplier),
        destinataire=_ubl_party_id(root, customer),
        code_service=_text(root, "cbc:BuyerReference"),
        numero_ej=_text(root, "cac:OrderReference/cbc:ID"),
        numero_marche=_text(root, "cac:ContractDocumentReference/cbc:ID"),
        mode_paiement=_PAYMENT_MEANS.get(means or "", ModePaiement.AUTRE) if means else None,
        total_lignes=number(root, total + "cbc:LineExtensionAmount"),
        total_remises=number(root, total + "cbc:AllowanceTotalAmount") or Decimal(0),
        total_charges=number(root, total + "cbc:ChargeTotalAmount") or Decimal(0),
        total_ht=number(root, total + "cbc:TaxExclusiveAmount"),
        total_tva=number(tax_total, "cbc:TaxAmount") if tax_total is not None else None,
        total_ttc=number(root, total + "cbc:TaxInclusiveAmount"),
        total_prepaye=number(root, total + "cbc:PrepaidAmount") or Decimal(0),
        arrondi=number(root, total + "cbc:PayableRoundingAmount") or Decimal(0),
        total_a_payer=number(root, total + "cbc:PayableAmount"),
        lines=lines,
        vat=vat,
        champs={
            "numero": "ID",
            "fournisseur": "AccountingSupplierParty.Party.PartyIdentification.ID",
            "destinataire": "AccountingCustomerParty.Party.PartyIdentification.ID",
            "code_service": "BuyerReference",
            "numero_ej": "OrderReference.ID",
            "total_lignes": "LegalMonetaryTotal.LineExtensionAmount",
            "total_remises": "LegalMonetaryTotal.AllowanceTotalAmount",
            "total_charges": "LegalMonetaryTotal.ChargeTotalAmount",
            "total_ht": "LegalMonetaryTotal.TaxExclusiveAmount",
            "total_tva": "TaxTotal.TaxAmount",
            "total_ttc": "LegalMonetaryTotal.TaxInclusiveAmount",
            "total_prepaye": "LegalMonetaryTotal.PrepaidAmount",
            "arrondi": "LegalMonetaryTotal.PayableRoundingAmount",
            "total_a_payer": "LegalMonetaryTotal.PayableAmount",
            "lignes": "InvoiceLine.LineExtensionAmount",
            "ventilation_tva": "TaxTotal.TaxSubtotal.TaxAmount",
        },
    )


def _ubl_tax_total(root: etree._Element, devise: str) -> etree._Element | None:
    totals = root.findall("cac:TaxTotal", _NS)
    for candidate in totals:
        amount = candidate.find("cbc:TaxAmount", _NS)
        if amount is not None and amount.get("currencyID", devise) == devise:
            return candidate
    return totals[0] if totals else None


def _ubl_party_id(root: etree._Element, party: str) -> str | None:
    return _party_id(
        root, party + "cac:PartyIdentification/cbc:ID", party + "cac:PartyLegalEntity/cbc:CompanyID"
    )


# --- CII D16B -------------------------------------------------------------------------------


def _read_cii(root: etree._Element) -> ParsedInvoice:
    if root.tag != f"{{{_CII}}}CrossIndustryInvoice":
        raise InvoiceReadError(
            f"L'élément racine {etree.QName(root).localname} n'est pas une facture CII "
            "(CrossIndustryInvoice attendu)."
        )
    number = _amount_reader(root)
    transaction = "rsm:SupplyChainTradeTransaction/"
    agreement = transaction + "ram:ApplicableHeaderTradeAgreement/"
    settlement = transaction + "ram:ApplicableHeaderTradeSettlement/"
    summation = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
    code = _text(root, "rsm:ExchangedDocument/ram:TypeCode") or "380"
    devise = _text(root, settlement + "ram:InvoiceCurrencyCode") or "EUR"
    lines = tuple(
        InvoiceLine(
            numero=_text(item, "ram:AssociatedDocumentLineDocument/ram:LineID") or str(index),
            denomination=_text(item, "ram:SpecifiedTradeProduct/ram:Name") or "",
            quantite=number(item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")
            or Decimal(0),
            unite=_attribute(item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", "unitCode")
            or "",
            prix_unitaire_ht=number(
                item,
                "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
            )
            or Decimal(0),
            montant_ht=number(
                item,
                "ram:SpecifiedLineTradeSettlement/"
                "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
            )
            or Decimal(0),
            taux_tva=number(
                item,
                "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent",
            ),
            reference=_text(item, "ram:SpecifiedTradeProduct/ram:SellerAssignedID") or "",
        )
        for index, item in enumerate(
            root.findall(transaction + "ram:IncludedSupplyChainTradeLineItem", _NS), start=1
        )
    )
    vat = tuple(
        VatBreakdown(
            taux=number(tax, "ram:RateApplicablePercent") or Decimal(0),
            base_ht=number(tax, "ram:BasisAmount") or Decimal(0),
            montant_tva=number(tax, "ram:CalculatedAmount") or Decimal(0),
        )
        for tax in root.findall(settlement + "ram:ApplicableTradeTax", _NS)
    )
    tax_total = None
    for element in root.findall(summation + "ram:TaxTotalAmount", _NS):
        if element.get("currencyID", devise) == devise:
            tax_total = _decimal(element.text, "TaxTotalAmount")
            break
    means = _text(root, settlement + "ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode")
    return ParsedInvoice(
        syntaxe="CII",
        numero=_text(root, "rsm:ExchangedDocument/ram:ID"),
        type_facture=_type_facture(code, code in _CREDIT_NOTE_CODES),
        date_facture=_date(
            _text(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"),
            "IssueDateTime",
        ),
        devise=devise,
        fournisseur=_cii_party_id(root, agreement + "ram:SellerTradeParty/"),
        destinataire=_cii_party_id(root, agreement + "ram:BuyerTradeParty/"),
        code_service=_text(root, agreement + "ram:BuyerReference"),
        numero_ej=_text(root, agreement + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"),
        numero_marche=_text(
            root, agreement + "ram:ContractReferencedDocument/ram:IssuerAssignedID"
        ),
        mode_paiement=_PAYMENT_MEANS.get(means or "", ModePaiement.AUTRE) if means else None,
        total_lignes=number(root, summation + "ram:LineTotalAmount"),
        total_remises=number(root, summation + "ram:AllowanceTotalAmount") or Decimal(0),
        total_charges=number(root, summation + "ram:ChargeTotalAmount") or Decimal(0),
        total_ht=number(root, summation + "ram:TaxBasisTotalAmount"),
        total_tva=tax_total,
        total_ttc=number(root, summation + "ram:GrandTotalAmount"),
        total_prepaye=number(root, summation + "ram:TotalPrepaidAmount") or Decimal(0),
        arrondi=number(root, summation + "ram:RoundingAmount") or Decimal(0),
        total_a_payer=number(root, summation + "ram:DuePayableAmount"),
        lines=lines,
        vat=vat,
        champs={
            "numero": "ExchangedDocument.ID",
            "fournisseur": "ApplicableHeaderTradeAgreement.SellerTradeParty.GlobalID",
            "destinataire": "ApplicableHeaderTradeAgreement.BuyerTradeParty.GlobalID",
            "code_service": "ApplicableHeaderTradeAgreement.BuyerReference",
            "numero_ej": "BuyerOrderReferencedDocument.IssuerAssignedID",
            "total_lignes": "SpecifiedTradeSettlementHeaderMonetarySummation.LineTotalAmount",
            "total_remises": "SpecifiedTradeSettlementHeaderMonetarySummation.AllowanceTotalAmount",
            "total_charges": "SpecifiedTradeSettlementHeaderMonetarySummation.ChargeTotalAmount",
            "total_ht": "SpecifiedTradeSettlementHeaderMonetarySummation.TaxBasisTotalAmount",
            "total_tva": "SpecifiedTradeSettlementHeaderMonetarySummation.TaxTotalAmount",
            "total_ttc": "SpecifiedTradeSettlementHeaderMonetarySummation.GrandTotalAmount",
            "total_prepaye": "SpecifiedTradeSettlementHeaderMonetarySummation.TotalPrepaidAmount",
            "arrondi": "SpecifiedTradeSettlementHeaderMonetarySummation.RoundingAmount",
            "total_a_payer": "SpecifiedTradeSettlementHeaderMonetarySummation.DuePayableAmount",
            "lignes": "SpecifiedTradeSettlementLineMonetarySummation.LineTotalAmount",
            "ventilation_tva": "ApplicableTradeTax.CalculatedAmount",
        },
    )


def _cii_party_id(root: etree._Element, party: str) -> str | None:
    return _party_id(
        root,
        party + "ram:GlobalID",
        party + "ram:ID",
        party + "ram:SpecifiedLegalOrganization/ram:ID",
    )


# --- shared readers -------------------------------------------------------------------------


def _party_id(root: etree._Element, *paths: str) -> str | None:
    """The first SIRET-like identifier of a party (scheme 0009, or none given)."""
    for path in paths:
        for element in root.findall(path, _NS):
            value = (element.text or "").strip()
            if element.get("schemeID") in (None, "0009", "1", "SIRET") and value:
                return value
    return None


def _text(node: etree._Element, path: str) -> str | None:
    element = node.find(path, _NS)
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _attribute(node: etree._Element, path: str, name: str) -> str | None:
    element = node.find(path, _NS)
    return element.get(name) if element is not None else None


def _amount_reader(root: etree._Element) -> Callable[[etree._Element, str], Decimal | None]:
    def read(node: etree._Element, path: str) -> Decimal | None:
        element = node.find(path, _NS)
        if element is None or element.text is None:
            return None
        return _decimal(element.text, etree.QName(element).localname)

    return read


def _decimal(text: str | None, tag: str) -> Decimal | None:
    if text is None or not text.strip():
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise InvoiceReadError(
            f"La valeur {text.strip()!r} de l'élément {tag} n'est pas un nombre."
        ) from None
    if not value.is_finite():
        raise InvoiceReadError(
            f"La valeur {text.strip()!r} de l'élément {tag} n'est pas un nombre."
        )
    return value


def _date(text: str | None, tag: str) -> date | None:
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InvoiceReadError(f"La date {text!r} de l'élément {tag} est invalide.")


def _type_facture(code: str, credit: bool) -> TypeFacture:
    if credit:
        return TypeFacture.AVOIR
    if code in _PREPAYMENT_CODES:
        return TypeFacture.ACOMPTE
    return TypeFacture.FACTURE


# --- totals ---------------------------------------------------------------------------------


def consistency_problems(invoice: ParsedInvoice) -> list[str]:
    """The inconsistencies between the totals of an invoice (EN 16931 BR-CO rules), in French.

    Amounts are compared to the cent.
    """
    tag = invoice.champs
    problems: list[str] = []
    for key in ("total_ht", "total_ttc", "total_a_payer"):
        if getattr(invoice, key) is None:
            problems.append(f"Le montant {tag[key]} est obligatoire.")
    if problems:
        return problems

    def differs(left: Decimal, right: Decimal) -> bool:
        return abs(left - right) >= CENT

    assert invoice.total_ht is not None  # noqa: S101 - checked above
    assert invoice.total_ttc is not None  # noqa: S101 - checked above
    assert invoice.total_a_payer is not None  # noqa: S101
    tva = invoice.total_tva or Decimal(0)
    if invoice.lines and invoice.total_lignes is not None:
        lines = sum((line.montant_ht for line in invoice.lines), Decimal(0))
        if differs(lines, invoice.total_lignes):
            problems.append(
                f"La somme des lignes {tag['lignes']} ({lines}) ne correspond pas à "
                f"{tag['total_lignes']} ({invoice.total_lignes})."
            )
    if invoice.total_lignes is not None:
        expected = invoice.total_lignes - invoice.total_remises + invoice.total_charges
        if differs(expected, invoice.total_ht):
            problems.append(
                f"{tag['total_ht']} ({invoice.total_ht}) ne correspond pas à {tag['total_lignes']}"
                f" − remises + charges ({expected})."
            )
    if differs(invoice.total_ht + tva, invoice.total_ttc):
        problems.append(
            f"{tag['total_ttc']} ({invoice.total_ttc}) ne correspond pas à {tag['total_ht']} + "
            f"{tag['total_tva']} ({invoice.total_ht + tva})."
        )
    due = invoice.total_ttc - invoice.total_prepaye + invoice.arrondi
    if differs(due, invoice.total_a_payer):
        problems.append(
            f"{tag['total_a_payer']} ({invoice.total_a_payer}) ne correspond pas à "
            f"{tag['total_ttc']} − {tag['total_prepaye']} + {tag['arrondi']} ({due})."
        )
    if invoice.vat:
        breakdown = sum((line.montant_tva for line in invoice.vat), Decimal(0))
        if differs(breakdown, tva):
            problems.append(
                f"La ventilation de TVA {tag['ventilation_tva']} ({breakdown}) ne correspond pas à "
                f"{tag['total_tva']} ({tva})."
            )
    return problems


# --- Factur-X -------------------------------------------------------------------------------

_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")


def embedded_xml(pdf: bytes, *, max_bytes: int = MAX_INVOICE_BYTES) -> bytes:
    """The CII invoice embedded in a Factur-X PDF.

    Looks at the top-level stream objects typed ``/EmbeddedFile`` (an embedded file cannot sit
    in an object stream), inflates ``/FlateDecode`` ones up to ``max_bytes``, and returns the
    first one whose root is ``CrossIndustryInvoice``.

    Raises:
        InvoiceReadError: not a PDF, or no CII invoice embedded.
    """
    if not pdf.startswith(b"%PDF-"):
        raise InvoiceReadError("Le fichier n'est ni un PDF Factur-X ni un XML CII.")
    for match in _OBJECT.finditer(pdf):
        start = match.end()
        end_object = pdf.find(b"endobj", start)
        stream_at = pdf.find(b"stream", start)
        if stream_at < 0 or (0 <= end_object < stream_at):
            continue
        dictionary = pdf[start:stream_at]
        if b"/EmbeddedFile" not in dictionary or b"/Filespec" in dictionary:
            continue
        data_start = stream_at + len(b"stream")
        if pdf[data_start : data_start + 2] == b"\r\n":
            data_start += 2
        elif pdf[data_start : data_start + 1] in (b"\n", b"\r"):
            data_start += 1
        length = _LENGTH.search(dictionary)
        if length is not None:
            raw = pdf[data_start : data_start + int(length.group(1))]
        else:
            data_end = pdf.find(b"endstream", data_start)
            raw = pdf[data_start : data_end if data_end >= 0 else len(pdf)]
        content = _inflate(raw, max_bytes) if b"/FlateDecode" in dictionary else raw
        if content is not None and b"CrossIndustryInvoice" in content[:4096]:
            return content
    raise InvoiceReadError("Le PDF ne contient pas de facture CII embarquée (factur-x.xml).")


def _inflate(raw: bytes, max_bytes: int) -> bytes | None:
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(raw, max_bytes)
    except zlib.error:
        return None
    if inflater.unconsumed_tail:
        raise InvoiceReadError("Le fichier embarqué dans le PDF dépasse la taille maximale.")
    return content
