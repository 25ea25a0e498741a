"""What an outgoing document says about its addressee, and its pre-flight.

Three kinds of documents leave a hospital for a public recipient, each carrying the routing data
Chorus Pro checks (recipient SIRET, service code, engagement juridique):

* a ``soumettreFacture`` request (the invoice typed as data);
* a flux for ``deposerFluxFacture``: one UBL 2.1 or CII D16B invoice, or a ``.tar.gz`` of them
  (EN 16931: recipient BT-46, service code BT-10 ``BuyerReference``, purchase order BT-13,
  contract BT-12, invoice number BT-1, total BT-112);
* a PES recette flux for Hélios: each titre of ``Edition`` 02 or 03 (an ASAP for Chorus Pro).

The ``invoices_…`` functions read that data as :class:`OutgoingInvoice` records (the follow-up
records what was sent from them too); the ``check_…`` functions run the addressee pre-flight on
every invoice of the document. As in Chorus Pro, a contract (marché) number satisfies an
"engagement juridique required" recipient when no purchase-order number is given.

Factur-X PDFs are not read: pre-flight their XML before embedding it.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lxml import etree

from demat_sdk.chorus.files import FileInput, read_file
from demat_sdk.chorus.models.factures_emission import (
    SoumettreFactureDestinataire,
    SoumettreFactureMontantTotal,
    SoumettreFactureParam,
    SoumettreFactureReferences,
)
from demat_sdk.errors import InvalidRequestError, PesReadError
from demat_sdk.helios.asap import asap_titres
from demat_sdk.pes import xmlsafety
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.preflight.checks import AddresseeCheck, PreflightReport, check_addressee
from demat_sdk.preflight.sources import SourceLike, as_source

__all__ = [
    "MAX_FLUX_INVOICES",
    "OutgoingInvoice",
    "check_flux",
    "check_invoices",
    "check_pes",
    "check_soumission",
    "invoice_of_soumission",
    "invoices_in_flux",
    "invoices_of_pes",
]

MAX_FLUX_INVOICES = 500
"""Most invoices a ``.tar.gz`` flux may hold (Chorus Pro's limit)."""
_MAX_ARCHIVE_BYTES = 120 * 1024 * 1024
_OPERATION = "preflight"

_UBL_INVOICE = "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice"
_UBL_CREDIT_NOTE = "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote"
_CII = "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice"
_NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
# Where each datum sits: (number, recipient id paths, service code, purchase order, contract,
# total including VAT).
_UBL_CUSTOMER = "cac:AccountingCustomerParty/cac:Party/"
_CII_AGREEMENT = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
_PATHS = {
    "UBL": (
        "cbc:ID",
        (
            _UBL_CUSTOMER + "cac:PartyIdentification/cbc:ID",
            _UBL_CUSTOMER + "cac:PartyLegalEntity/cbc:CompanyID",
        ),
        "cbc:BuyerReference",
        "cac:OrderReference/cbc:ID",
        "cac:ContractDocumentReference/cbc:ID",
        "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount",
    ),
    "CII": (
        "rsm:ExchangedDocument/ram:ID",
        (
            _CII_AGREEMENT + "ram:BuyerTradeParty/ram:GlobalID",
            _CII_AGREEMENT + "ram:BuyerTradeParty/ram:ID",
            _CII_AGREEMENT + "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID",
        ),
        _CII_AGREEMENT + "ram:BuyerReference",
        _CII_AGREEMENT + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID",
        _CII_AGREEMENT + "ram:ContractReferencedDocument/ram:IssuerAssignedID",
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
        "ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount",
    ),
}
# Identifier schemes read as a SIRET (ISO 6523 0009, or none given).
_SIRET_SCHEMES = (None, "0009", "1", "SIRET")


@dataclass(frozen=True)
class OutgoingInvoice:
    """An invoice (or an ASAP) about to leave, as its recipient will be found.

    Attributes:
        where: the invoice in its document (``"facture F-12"``, ``"lot.tar.gz!f1.xml : facture
            F-12"``, ``"bordereau 119 (exercice 2025) / titre 5521"``).
        numero_facture: the invoice number.
        siret_destinataire: the recipient's SIRET.
        code_service: the recipient's service code, if any.
        numero_engagement: the engagement juridique: the purchase-order number, or else the
            contract (marché) number, if any.
        montant_ttc: the amount including VAT, if known.
        titre: for an ASAP, its titre as ``exercice/bordereau/titre``.
    """

    where: str
    numero_facture: str | None
    siret_destinataire: str | None
    code_service: str | None = None
    numero_engagement: str | None = None
    montant_ttc: Decimal | None = None
    titre: str | None = None


# --- reading ---------------------------------------------------------------------------------


def invoice_of_soumission(
    facture: SoumettreFactureParam | None = None,
    *,
    numero_facture_saisi: str | None = None,
    destinataire: SoumettreFactureDestinataire | None = None,
    references: SoumettreFactureReferences | None = None,
    montant_total: SoumettreFactureMontantTotal | None = None,
) -> OutgoingInvoice:
    """What a ``soumettreFacture`` request says: the whole request, or its parts.

    Takes what ``client.factures.soumettre(...)`` takes: ``facture=``, or the parts that carry
    the routing data and the amount.
    """
    if facture is not None:
        numero_facture_saisi = facture.numero_facture_saisi
        destinataire = facture.destinataire
        references = facture.references
        montant_total = facture.montant_total
    numero = numero_facture_saisi or None
    return OutgoingInvoice(
        where=f"facture {numero}" if numero else "facture",
        numero_facture=numero,
        siret_destinataire=destinataire.code_destinataire if destinataire else None,
        code_service=destinataire.code_service_executant if destinataire else None,
        numero_engagement=(
            (references.numero_bon_commande or references.numero_marche) if references else None
        ),
        montant_ttc=montant_total.montant_ttc_total if montant_total else None,
    )


def invoices_in_flux(
    fichier: FileInput, *, nom_fichier: str | None = None
) -> list[OutgoingInvoice]:
    """The invoices of a flux to deposit: one UBL or CII file, or a ``.tar.gz`` of them.

    Args:
        fichier: the flux, as bytes or a path (at most 10 MB, like a deposit).
        nom_fichier: its name, for the messages (the path's name by default).

    Raises:
        InvalidRequestError: the file is too big, not XML, not a UBL or CII invoice, a Factur-X
            PDF, or an archive that cannot be read or holds more than 500 invoices.
    """
    read = read_file(fichier, nom_fichier or "flux", operation=_OPERATION)
    content = read.content
    if content[:2] == b"\x1f\x8b":
        return [
            invoice
            for member, data in _members(content, read.name)
            for invoice in _invoices_of_xml(data, f"{read.name}!{member}")
        ]
    return _invoices_of_xml(content, read.name)


def invoices_of_pes(pes: PesAller) -> list[OutgoingInvoice]:
    """The ASAP a PES flux sends through Chorus Pro (titres of ``Edition`` 02 and 03)."""
    return [
        OutgoingInvoice(
            where=asap.where,
            numero_facture=asap.numero_facture,
            siret_destinataire=asap.siret_debiteur,
            code_service=asap.code_service,
            numero_engagement=asap.numero_engagement,
            montant_ttc=asap.montant_ttc,
            titre=asap.reference,
        )
        for asap in asap_titres(pes)
    ]


def _members(archive: bytes, name: str) -> list[tuple[str, bytes]]:
    files: list[tuple[str, bytes]] = []
    total = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                total += member.size
                if len(files) == MAX_FLUX_INVOICES or total > _MAX_ARCHIVE_BYTES:
                    raise InvalidRequestError(
                        f"{name}: more than {MAX_FLUX_INVOICES} invoices or 120 MB",
                        operation=_OPERATION,
                        field="fichier",
                    )
                extracted = tar.extractfile(member)
                if extracted is not None:
                    files.append((member.name, extracted.read()))
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InvalidRequestError(
            f"{name}: not a readable .tar.gz archive ({exc})", operation=_OPERATION, field="fichier"
        ) from None
    return files


def _invoices_of_xml(data: bytes, name: str) -> list[OutgoingInvoice]:
    if data.lstrip()[:5] == b"%PDF-":
        raise InvalidRequestError(
            f"{name}: a Factur-X PDF is not read; pre-flight its CII XML before embedding it",
            operation=_OPERATION,
            field="fichier",
        )
    try:
        root = xmlsafety.parse(data).getroot()
    except PesReadError as exc:
        raise InvalidRequestError(
            f"{name}: not a readable XML invoice ({exc})", operation=_OPERATION, field="fichier"
        ) from None
    if root.tag in (_UBL_INVOICE, _UBL_CREDIT_NOTE):
        syntax = "UBL"
    elif root.tag == _CII:
        syntax = "CII"
    else:
        raise InvalidRequestError(
            f"{name}: the root {etree.QName(root).localname} is neither a UBL 2.1 invoice nor a "
            "CII D16B one",
            operation=_OPERATION,
            field="fichier",
        )
    numero, parties, code, commande, marche, total = _PATHS[syntax]
    number = _text(root, numero)
    return [
        OutgoingInvoice(
            where=f"{name} : facture {number}" if number else name,
            numero_facture=number,
            siret_destinataire=_party(root, parties),
            code_service=_text(root, code),
            numero_engagement=_text(root, commande) or _text(root, marche),
            montant_ttc=_amount(_text(root, total)),
        )
    ]


def _text(root: etree._Element, path: str) -> str | None:
    element = root.find(path, _NS)
    text = (element.text or "").strip() if element is not None else ""
    return text or None


def _party(root: etree._Element, paths: Iterable[str]) -> str | None:
    for path in paths:
        for element in root.findall(path, _NS):
            value = (element.text or "").strip()
            if value and element.get("schemeID") in _SIRET_SCHEMES:
                return value
    return None


def _amount(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


# --- checking --------------------------------------------------------------------------------


def check_invoices(
    invoices: Iterable[OutgoingInvoice], *, source: SourceLike, emetteur_public: bool = True
) -> PreflightReport:
    """The addressee pre-flight of each invoice, in order."""
    routing_source = as_source(source)
    return PreflightReport(
        tuple(
            check_addressee(
                invoice.siret_destinataire,
                invoice.code_service,
                invoice.numero_engagement,
                source=routing_source,
                emetteur_public=emetteur_public,
                where=invoice.where,
            )
            for invoice in invoices
        )
    )


def check_soumission(
    facture: SoumettreFactureParam | None = None,
    *,
    source: SourceLike,
    numero_facture_saisi: str | None = None,
    destinataire: SoumettreFactureDestinataire | None = None,
    references: SoumettreFactureReferences | None = None,
    emetteur_public: bool = True,
) -> AddresseeCheck:
    """The pre-flight of an invoice before ``client.factures.soumettre(...)``.

    Pass the same ``facture=`` (or ``destinataire=`` and ``references=``) as to ``soumettre``.
    """
    invoice = invoice_of_soumission(
        facture,
        numero_facture_saisi=numero_facture_saisi,
        destinataire=destinataire,
        references=references,
    )
    return check_invoices([invoice], source=source, emetteur_public=emetteur_public).checks[0]


def check_flux(
    fichier: FileInput,
    *,
    source: SourceLike,
    nom_fichier: str | None = None,
    emetteur_public: bool = True,
) -> PreflightReport:
    """The pre-flight of every invoice of a flux before ``client.factures.deposer_flux(...)``.

    Raises:
        InvalidRequestError: the flux cannot be read (see :func:`invoices_in_flux`).
    """
    invoices = invoices_in_flux(fichier, nom_fichier=nom_fichier)
    return check_invoices(invoices, source=source, emetteur_public=emetteur_public)


def check_pes(pes: PesAller, *, source: SourceLike) -> PreflightReport:
    """The pre-flight of every ASAP a PES flux sends through Chorus Pro, before sending it.

    Each titre of ``Edition`` 02 or 03 is checked: its debtor's SIRET (``IdTiers`` with
    ``NatIdTiers`` 01), its ``CodeService``, its ``NumeroEngagement`` (or ``NumeroMarche``).
    The issuer, the hospital, is public. What Hélios would otherwise learn from Chorus Pro days
    later (« 2559 - Le code service de la structure publique destinataire est inconnu ou
    inactif dans Chorus Pro ») is known before the flux leaves.
    """
    return check_invoices(invoices_of_pes(pes), source=source, emetteur_public=True)
