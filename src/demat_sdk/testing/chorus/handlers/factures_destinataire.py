"""``/cpro/factures/v1``, the recipient's side: searches, consultation, download, processing."""

from __future__ import annotations

import base64
from typing import Any

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import (
    FormatTelechargement,
    RoleUtilisateur,
    StatutFacture,
    TypeFacture,
)
from demat_sdk.testing.chorus.documents import text_pdf, zip_of
from demat_sdk.testing.chorus.handlers import invoice_views
from demat_sdk.testing.chorus.handlers.factures import invoice_filter
from demat_sdk.testing.chorus.handlers.routing import Context, HttpAnswer, routes
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii
from demat_sdk.testing.chorus.state.invoices import InvoiceRecord
from demat_sdk.testing.chorus.wire import Body, Paging, day, envelope, page

__all__ = ["MAX_DOWNLOAD_BYTES", "ROUTES", "invoice_pdf", "invoice_pivot"]

MAX_DOWNLOAD_BYTES = 120 * 1024 * 1024
"""``telechargerGroupeFacture`` answers HTTP 413 above 120 MB."""

_SORT_RECIPIENDAIRE = {
    "Fournisseur": "designationFournisseur",
    "Destinataire": "designationDestinataire",
}


def _received(context: Context) -> list[InvoiceRecord]:
    mine = set(context.account.structures_with(RoleUtilisateur.DESTINATAIRE))
    return [
        record
        for record in context.state.invoices.records.values()
        if record.delivered and record.destinataire.id_structure_cpp in mine
    ]


def rechercher_recipiendaire(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherFactureRecipiendaire``: paging counters at the top level of the answer."""
    matches = invoice_filter(body)
    id_destinataire = body.integer("idDestinataire")
    id_service = body.integer("idServiceExecutant")
    telechargee = body.boolean("factureTelechargeeParDestinataire")
    fournisseurs = {
        item.integer("idFournisseur"): set(item.values("listeIdService", int))
        for item in body.items("listeFournisseurs")
    }

    def wanted(record: InvoiceRecord) -> bool:
        if not matches(record):
            return False
        if id_destinataire is not None and record.destinataire.id_structure_cpp != id_destinataire:
            return False
        if id_service is not None and record.id_service != id_service:
            return False
        if telechargee is not None and record.telechargee is not telechargee:
            return False
        if fournisseurs:
            services = fournisseurs.get(record.fournisseur.id_structure_cpp)
            if services is None or (services and record.id_service_fournisseur not in services):
                return False
        return True

    items = [invoice_views.item_recipiendaire(r) for r in _received(context) if wanted(r)]
    paging = Paging.read(body.obj("paramRecherche"), default_column="DateDepot")
    rows, counters = page(items, paging, sort_keys=_SORT_RECIPIENDAIRE)
    return envelope(listeFactures=rows, **counters)


def rechercher_atraiter_recipiendaire(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherFactureATraiterParRecipiendaire``: ``MISE_A_DISPOSITION`` and ``COMPLETEE``."""
    structure = context.structure_as(
        body.integer("idStructure", required=True), RoleUtilisateur.DESTINATAIRE
    )
    items = [
        invoice_views.item_recipiendaire(record)
        for record in _received(context)
        if record.destinataire is structure and record.statut in lifecycle.RECIPIENT_TO_PROCESS
    ]
    paging = Paging.read(
        body.obj("parametreRechercheFactureATraiterParRecipiendaire"), default_column="DateDepot"
    )
    rows, counters = page(items, paging, sort_keys=_SORT_RECIPIENDAIRE)
    return envelope(listeFactures=rows, parametresRetour=counters)


def consulter_recipiendaire(context: Context, body: Body) -> dict[str, Any]:
    """``consulterFactureParRecipiendaire``."""
    record = context.state.invoices.of_recipient(
        context.account, body.integer("identifiantFactureCPP", required=True)
    )
    return envelope(facture=invoice_views.facture(record, body, emise=False))


def traiter_recue(context: Context, body: Body) -> dict[str, Any]:
    """``traiterFactureRecue``: the recipient's status change, checked by the lifecycle table."""
    invoices = context.state.invoices
    statut = body.enum("nouveauStatut", StatutFacture, required=True)
    record = invoices.of_recipient(context.account, body.integer("idFacture", required=True))
    assert statut is not None  # noqa: S101 - required
    invoices.traiter(
        context.account,
        record,
        statut,
        motif=body.text("motif"),
        numero_dp_mandat=body.text("numeroDPMandat") or body.text("NumeroDPMandat"),
    )
    return envelope(
        idFacture=record.id,
        numeroFacture=record.numero,
        dateTraitement=day(record.last_change.at),
        nouveauStatut=record.statut.value,
    )


def invoice_pdf(record: InvoiceRecord) -> bytes:
    """A readable one-page image of the invoice (what "format PDF" gives)."""
    lines = [
        f"Fournisseur : {record.fournisseur.designation} ({record.fournisseur.identifiant})",
        f"Destinataire : {record.destinataire.designation} ({record.destinataire.identifiant})",
        f"Date : {day(record.date_facture) or '-'}   Dépôt : {day(record.date_depot)}",
        f"Engagement juridique : {record.numero_bon_commande or '-'}",
        "",
        *(
            f"{line.numero}. {line.denomination}  {line.quantite} x {line.prix_unitaire_ht} = "
            f"{line.montant_ht}"
            for line in record.lines
        ),
        "",
        f"Total HT : {record.montant_ht} {record.devise}",
        f"TVA : {record.montant_tva} {record.devise}",
        f"Total TTC : {record.montant_ttc} {record.devise}",
        f"Net à payer : {record.montant_a_payer} {record.devise}",
    ]
    return text_pdf(f"Facture {record.numero}", lines)


def invoice_pivot(record: InvoiceRecord) -> bytes:
    """A CII rendering of an invoice that was not deposited as XML (typed with ``soumettre``)."""
    return cii(
        SampleInvoice(
            numero=record.numero,
            fournisseur=record.fournisseur.identifiant,
            destinataire=record.destinataire.identifiant,
            code_service=(
                record.destinataire.services[record.id_service].code_service
                if record.id_service in record.destinataire.services
                else None
            ),
            numero_ej=record.numero_bon_commande,
            numero_marche=record.numero_marche,
            date_facture=record.date_facture or record.date_depot.date(),
            lines=tuple(
                Line(
                    line.denomination or line.reference or "-",
                    str(line.quantite),
                    str(line.prix_unitaire_ht),
                    str(line.taux_tva or 0),
                )
                for line in record.lines
            ),
            avoir=record.type_facture is TypeFacture.AVOIR,
            total_ht=record.montant_ht,
            total_ttc=record.montant_ttc,
            total_a_payer=record.montant_a_payer,
        )
    )


def _files(
    record: InvoiceRecord, fmt: FormatTelechargement, with_pieces: bool
) -> list[tuple[str, bytes]]:
    folder = f"{record.numero}/".replace("/", "_").rstrip("_") + "/"
    if fmt is FormatTelechargement.PIVOT:
        name = (record.source_name or f"{record.numero}.xml").rsplit("/", 1)[-1]
        files = [(folder + name, record.source or invoice_pivot(record))]
        with_pieces = True
    else:
        files = [(folder + "facture.pdf", invoice_pdf(record))]
    if with_pieces:
        files += [
            (folder + link.attachment.nom, link.attachment.content)
            for link in record.pieces_jointes
        ]
    return files


def telecharger_groupe(context: Context, body: Body) -> dict[str, Any]:
    """``telechargerGroupeFacture``: flips ``factureTelechargeeParDestinataire``.

    One invoice in PDF gives the PDF itself; anything else a ZIP with one folder per invoice.
    """
    invoices = context.state.invoices
    fmt = body.enum("format", FormatTelechargement) or FormatTelechargement.PDF
    avec = (body.text("avecPiecesJointesComplementaires") or "NON").upper()
    if avec not in ("OUI", "NON"):
        raise RefusedError(Refusal.VALEUR_INVALIDE, "avecPiecesJointesComplementaires (OUI ou NON)")
    demandes = body.items("listeFacture")
    if not demandes:
        raise RefusedError(Refusal.CHAMP_OBLIGATOIRE, "listeFacture")
    records = [
        invoices.of_recipient(context.account, item.integer("idFacture", required=True))
        for item in demandes
    ]
    files = [file for record in records for file in _files(record, fmt, avec == "OUI")]
    if sum(len(content) for _, content in files) > MAX_DOWNLOAD_BYTES:
        raise HttpAnswer(413, {"error": "Le fichier résultat dépasse 120 Mo"})
    if len(records) == 1 and len(files) == 1 and fmt is FormatTelechargement.PDF:
        result = files[0][1]
    else:
        result = zip_of(files)
    for record in records:
        invoices.telecharger(context.account, record)
    return envelope(fichierResultat=base64.b64encode(result).decode())


ROUTES = routes(
    "/cpro/factures/v1",
    ("rechercherFactureRecipiendaire", "/rechercher/recipiendaire", rechercher_recipiendaire),
    (
        "rechercherFactureATraiterParRecipiendaire",
        "/rechercher/atraiter/recipiendaire",
        rechercher_atraiter_recipiendaire,
    ),
    ("consulterFactureParRecipiendaire", "/consulter/recipiendaire", consulter_recipiendaire),
    ("traiterUneFactureRecue", "/traiter/recue", traiter_recue),
    ("telechargerGroupeFacture", "/telecharger/groupe", telecharger_groupe),
)
