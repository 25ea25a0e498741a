"""``/cpro/factures/v1``, the supplier's side.

Deposits, submissions, searches and the supplier's answers to returned invoices (compléter,
recycler, acknowledge a rejet, correct the validator); and the history, which every party reads.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import (
    CadreFacturation,
    ModeDepot,
    ModeDepotSoumission,
    ModePaiement,
    RoleUtilisateur,
    StatutFacture,
    SyntaxeFlux,
    TypeFacture,
    TypeTva,
)
from demat_sdk.testing.chorus import reference
from demat_sdk.testing.chorus.handlers import invoice_views
from demat_sdk.testing.chorus.handlers.routing import Context, HttpAnswer, routes
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.invoice_xml import (
    MAX_INVOICE_BYTES,
    InvoiceReadError,
    VatBreakdown,
    embedded_xml,
    read_invoice,
)
from demat_sdk.testing.chorus.state.invoices import InvoiceRecord
from demat_sdk.testing.chorus.state.submission import (
    CADRES_SOUMISSION,
    SUBMISSION_FIELDS,
    AttachmentRef,
    Submission,
    SubmittedLine,
    submit,
)
from demat_sdk.testing.chorus.wire import Body, MalformedRequestError, Paging, day, envelope, page

__all__ = ["ROUTES", "decode_base64", "invoice_filter"]


def decode_base64(body: Body, key: str) -> bytes:
    """A mandatory base64 field, decoded.

    Raises:
        RefusedError: absent, or not base64.
    """
    text = body.text(key, required=True) or ""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise RefusedError(Refusal.FICHIER_ILLISIBLE, f"{key} n'est pas du base64") from None


# --- deposits ------------------------------------------------------------------------------


def deposer_flux(context: Context, body: Body) -> dict[str, Any]:
    """``deposerFluxFacture``: receive a flux; processing happens as the clock moves."""
    syntaxe = body.enum("syntaxeFlux", SyntaxeFlux, required=True)
    nom = body.text("nomFichier", required=True, max_length=200) or ""
    if "." not in nom:
        raise RefusedError(Refusal.VALEUR_INVALIDE, "nomFichier (extension obligatoire)")
    data = decode_base64(body, "fichierFlux")
    if not data:
        raise RefusedError(Refusal.FICHIER_ILLISIBLE, "fichierFlux est vide")
    assert syntaxe is not None  # noqa: S101 - required
    flux = context.state.flux.deposit(
        context.account,
        data=data,
        nom_fichier=nom,
        syntaxe=syntaxe,
        avec_signature=bool(body.boolean("avecSignature")),
    )
    return envelope(
        numeroFluxDepot=flux.numero, dateDepot=day(flux.date_depot), syntaxeFlux=syntaxe.value
    )


def soumettre(context: Context, body: Body) -> dict[str, Any]:
    """``soumettreFacture``: an invoice typed as JSON, created at once as ``DEPOSEE``."""
    submission = _submission(body)
    record = submit(context.state.directory, context.state.invoices, context.account, submission)
    fingerprint = hashlib.sha256(
        json.dumps(
            [record.id, record.numero, record.fournisseur.identifiant, str(record.montant_ttc)]
        ).encode()
    ).digest()
    return envelope(
        identifiantFactureCPP=record.id,
        numeroFacture=record.numero,
        statutFacture=record.statut.value,
        dateDepot=day(record.date_depot),
        identifiantStructure=record.fournisseur.identifiant,
        empreinteCertificatDepot=base64.b64encode(fingerprint).decode(),
    )


def _submission(body: Body) -> Submission:
    destinataire = body.obj("destinataire")
    fournisseur = body.obj("fournisseur")
    cadre = body.obj("cadreDeFacturation")
    references = body.obj("references")
    montants = body.obj("montantTotal")
    principale = body.items("pieceJointePrincipale")
    id_fournisseur = fournisseur.integer("idFournisseur", required=True)
    assert id_fournisseur is not None  # noqa: S101 - required
    return Submission(
        mode_depot=body.enum("modeDepot", ModeDepotSoumission, required=True)
        or ModeDepotSoumission.SAISIE_API,
        id_fournisseur=id_fournisseur,
        numero=body.text("numeroFactureSaisi") or None,
        date_facture=body.day("dateFacture", required=True),
        code_destinataire=destinataire.text("codeDestinataire", required=True),
        code_service=destinataire.text("codeServiceExecutant") or None,
        id_service_fournisseur=fournisseur.integer("idServiceFournisseur"),
        id_coordonnee_bancaire=fournisseur.integer("codeCoordonneesBancairesFournisseur"),
        cadre=_cadre(cadre),
        code_structure_valideur=cadre.text("codeStructureValideur") or None,
        devise=references.text("deviseFacture") or "EUR",
        type_facture=references.enum("typeFacture", TypeFacture) or TypeFacture.FACTURE,
        type_tva=references.enum("typeTva", TypeTva),
        motif_exoneration_tva=references.text("motifExonerationTva") or None,
        numero_marche=references.text("numeroMarche", max_length=50) or None,
        numero_bon_commande=references.text("numeroBonCommande", max_length=50) or None,
        numero_facture_origine=references.text("numeroFactureOrigine") or None,
        mode_paiement=references.enum("modePaiement", ModePaiement),
        lines=tuple(
            SubmittedLine(
                numero=line.integer("lignePosteNumero") or index,
                reference=line.text("lignePosteReference") or "",
                denomination=line.text("lignePosteDenomination", required=True) or "",
                quantite=line.decimal("lignePosteQuantite", required=True) or Decimal(0),
                unite=line.text("lignePosteUnite") or "",
                prix_unitaire_ht=line.decimal("lignePosteMontantUnitaireHT", required=True)
                or Decimal(0),
                remise_ht=line.decimal("lignePosteMontantRemiseHT") or Decimal(0),
                taux_code=line.text("lignePosteTauxTva") or None,
                taux_manuel=line.decimal("lignePosteTauxTvaManuel"),
            )
            for index, line in enumerate(body.items("lignePoste"), start=1)
        ),
        vat=tuple(
            VatBreakdown(
                taux=line.decimal("ligneTvaTauxManuel") or _rate(line.text("ligneTvaTaux")),
                base_ht=line.decimal("ligneTvaMontantBaseHtParTaux") or Decimal(0),
                montant_tva=line.decimal("ligneTvaMontantTvaParTaux") or Decimal(0),
            )
            for line in body.items("ligneTva")
        ),
        montant_ht=montants.decimal("montantHtTotal", required=True),
        montant_tva=montants.decimal("montantTVA"),
        montant_ttc=montants.decimal("montantTtcTotal", required=True),
        montant_remise=montants.decimal("montantRemiseGlobaleTTC"),
        montant_a_payer=montants.decimal("montantAPayer"),
        principale=(
            AttachmentRef(
                principale[0].integer("pieceJointePrincipaleId", required=True) or 0,
                principale[0].text("pieceJointePrincipaleDesignation") or "",
            )
            if principale
            else None
        ),
        pieces=tuple(
            AttachmentRef(
                piece.integer("pieceJointeComplementaireId", required=True) or 0,
                piece.text("pieceJointeComplementaireDesignation") or "",
                piece.text("pieceJointeComplementaireType") or "",
                piece.integer("pieceJointeComplementaireNumeroLigneFacture"),
            )
            for piece in body.items("pieceJointeComplementaire")
        ),
        commentaire=body.text("commentaire", max_length=2000) or "",
    )


def _cadre(cadre: Body) -> CadreFacturation:
    """The billing frame of a submission: the official schema only knows four of them."""
    code = cadre.enum("codeCadreFacturation", CadreFacturation)
    if code is None:
        return CadreFacturation.A1_FACTURE_FOURNISSEUR
    if code not in CADRES_SOUMISSION:
        raise MalformedRequestError(
            f"cadreDeFacturation.codeCadreFacturation : valeur inconnue {code.value!r}"
        )
    return code


def _rate(code: str | None) -> Decimal:
    known = reference.TAUX_TVA.get(code or "")
    if known is None:
        raise RefusedError(Refusal.VALEUR_INVALIDE, f"ligneTva.ligneTvaTaux ({code})")
    return known[2]


def deposer_pdf(context: Context, body: Body) -> dict[str, Any]:
    """``deposerPdfFacture``: store a PDF and read its data.

    The emulator has no OCR: it reads the CII invoice embedded in a Factur-X PDF, and refuses a
    PDF without one. The invoice is then submitted with ``soumettreFacture`` (DEPOT_PDF_API).
    """
    data = decode_base64(body, "fichierFacture")
    if len(data) > MAX_INVOICE_BYTES:
        raise HttpAnswer(413, {"error": "Le fichier dépasse la taille maximale de 10 Mo"})
    nom = body.text("nomFichier", required=True) or "facture.pdf"
    body.text("formatDepot", required=True)
    try:
        parsed = read_invoice(embedded_xml(data), SyntaxeFlux.IN_DP_E2_CII_FACTURX)
    except InvoiceReadError as exc:
        raise RefusedError(Refusal.LECTURE_PDF, str(exc)) from None
    stored = context.state.invoices.add_attachment(
        context.account, nom=nom[-50:], type_mime="application/pdf", extension="pdf", content=data
    )
    # The official schema of this answer has no codeRetour / libelle.
    return {
        "numeroFacture": parsed.numero or "",
        "dateFacture": day(parsed.date_facture) or "",
        "codeDestinataire": parsed.destinataire or "",
        "codeServiceExecutant": parsed.code_service or "",
        "codeFournisseur": parsed.fournisseur or "",
        "codeDeviseFacture": parsed.devise,
        "typeFacture": "AVOIR" if parsed.type_facture is TypeFacture.AVOIR else "FACTURE",
        "typeTva": "TVA_SUR_DEBIT",
        "numeroBonCommande": parsed.numero_ej or "",
        "montantTtcAvantRemiseGlobalTTC": float(parsed.total_ttc or 0),
        "montantAPayer": float(parsed.total_a_payer or 0),
        "montantHtTotal": float(parsed.total_ht or 0),
        "montantTVA": float(parsed.total_tva or 0),
        "pieceJointeId": stored.piece_jointe_id,
    }


# --- consultations and searches ------------------------------------------------------------


def consulter_fournisseur(context: Context, body: Body) -> dict[str, Any]:
    """``consulterFactureParFournisseur``."""
    record = context.state.invoices.of_supplier(
        context.account, body.integer("identifiantFactureCPP", required=True)
    )
    return envelope(facture=invoice_views.facture(record, body, emise=True))


def consulter_historique(context: Context, body: Body) -> dict[str, Any]:
    """``consulterHistoriqueFacture``: statuses, events and user actions, for any party."""
    record = context.state.invoices.of_anyone(
        context.account, body.integer("idFacture", required=True)
    )
    return envelope(**invoice_views.historique(record, body))


def invoice_filter(body: Body) -> Callable[[InvoiceRecord], bool]:
    """The filters shared by the invoice searches (number, dates, amounts, statuses…)."""
    checks: list[Callable[[InvoiceRecord], bool]] = []
    numero = body.text("numeroFacture")
    if numero:
        checks.append(lambda r: r.numero == numero)
    statuts = set(body.values("statutCourant", lambda code: StatutFacture[code]))
    if statuts:
        checks.append(lambda r: r.statut in statuts)
    for key, attribute in (
        ("numeroMarche", "numero_marche"),
        ("numeroBonCommande", "numero_bon_commande"),
        ("numeroEngagement", "numero_bon_commande"),
        ("numeroFactureOrigine", "numero_facture_origine"),
        ("numeroFluxDepot", "numero_flux_depot"),
    ):
        value = body.text(key)
        if value:
            checks.append(_equals(attribute, value))
    for key, getter in _DATE_FILTERS.items():
        since, until = body.day(f"{key}Du"), body.day(f"{key}Au")
        if since or until:
            checks.append(_date_between(getter, since or date.min, until or date.max))
    for key, attribute in _AMOUNT_FILTERS:
        low, high = body.decimal(f"{key}Min"), body.decimal(f"{key}Max")
        if low is not None or high is not None:
            checks.append(_amount_between(attribute, low, high))
    type_facture = body.enum("typeFacture", TypeFacture)
    types = set(body.values("listeTypeFacture", lambda code: TypeFacture[code]))
    if type_facture:
        types.add(type_facture)
    if types:
        checks.append(lambda r: r.type_facture in types)
    cadre = body.enum("cadreFacturation", CadreFacturation)
    if cadre:
        checks.append(lambda r: r.cadre is cadre)
    mode = body.enum("modeDepot", ModeDepot)
    if mode:
        checks.append(lambda r: r.mode_depot is mode)
    valideur = body.integer("idStructureValideur")
    if valideur is not None:
        checks.append(lambda r: r.valideur is not None and r.valideur.id_structure_cpp == valideur)
    return lambda record: all(check(record) for check in checks)


Check = Callable[[InvoiceRecord], bool]


def _equals(attribute: str, value: object) -> Check:
    return lambda record: bool(getattr(record, attribute) == value)


def _date_between(
    getter: Callable[[InvoiceRecord], date | None], since: date, until: date
) -> Check:
    def check(record: InvoiceRecord) -> bool:
        value = getter(record)
        return value is not None and since <= value <= until

    return check


def _amount_between(attribute: str, low: Decimal | None, high: Decimal | None) -> Check:
    def check(record: InvoiceRecord) -> bool:
        value: Decimal = getattr(record, attribute)
        return (low is None or value >= low) and (high is None or value <= high)

    return check


_DATE_FILTERS: dict[str, Callable[[InvoiceRecord], date | None]] = {
    "periodeDateDepot": lambda r: r.date_depot.date(),
    "periodeDateFacture": lambda r: r.date_facture,
    "periodeDateHeureEtatCourant": lambda r: r.last_change.at.date(),
}
_AMOUNT_FILTERS = (
    ("montantHT", "montant_ht"),
    ("montantTTC", "montant_ttc"),
    ("montantApayer", "montant_a_payer"),
    ("montantAPayer", "montant_a_payer"),
)

_SORT_FOURNISSEUR = {"Statut": "statut", "NomServiceFournisseur": "nomServiceFournisseur"}


def rechercher_fournisseur(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherFactureParFournisseur``: the supplier's invoices (by flux, number…)."""
    mine = set(context.account.structures_with(RoleUtilisateur.FOURNISSEUR))
    matches = invoice_filter(body)
    id_fournisseur = body.integer("idFournisseur")
    id_service_f = body.integer("idServiceFournisseur")
    destinataires = {
        item.integer("idDestinataire"): set(item.values("listeIdServiceExecutant", int))
        for item in body.items("listeDestinataire")
    }
    rejet_traite = body.boolean("rejetTraite")

    def visible(record: InvoiceRecord) -> bool:
        if record.fournisseur.id_structure_cpp not in mine or not matches(record):
            return False
        if id_fournisseur is not None and record.fournisseur.id_structure_cpp != id_fournisseur:
            return False
        if id_service_f is not None and record.id_service_fournisseur != id_service_f:
            return False
        if destinataires:
            services = destinataires.get(record.destinataire.id_structure_cpp)
            if services is None or (services and record.id_service not in services):
                return False
        return rejet_traite is None or record.rejet_traite is rejet_traite

    items = [
        invoice_views.item_fournisseur(record)
        for record in context.state.invoices.records.values()
        if visible(record)
    ]
    paging = Paging.read(body.obj("rechercheFactureParFournisseur"), default_column="DateDepot")
    rows, counters = page(items, paging, sort_keys=_SORT_FOURNISSEUR)
    return envelope(parametresRetour=counters, listeFactures=rows)


def rechercher_atraiter_fournisseur(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherFactureATraiterParFournisseur``: suspended, to recycle, rejected."""
    structure = context.structure_as(
        body.integer("idStructure", required=True), RoleUtilisateur.FOURNISSEUR
    )
    hide_rejected = bool(body.boolean("masquerRejetee"))

    def todo(record: InvoiceRecord) -> bool:
        if (
            record.fournisseur is not structure
            or record.statut not in lifecycle.SUPPLIER_TO_PROCESS
        ):
            return False
        if record.statut is StatutFacture.REJETEE:
            return not hide_rejected and not record.rejet_traite
        return True

    items = [
        invoice_views.item_atraiter_fournisseur(record)
        for record in context.state.invoices.records.values()
        if todo(record)
    ]
    paging = Paging.read(
        body.obj("rechercheFactureATraiterParFournisseur"), default_column="DateDepot"
    )
    rows, counters = page(items, paging)
    return envelope(parametresRetour=counters, listeFactures=rows)


def rechercher_demande_paiement(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherDemandePaiement``: does not work in qualification, like the real sandbox."""
    if context.state.settings.qualification:
        raise RefusedError(Refusal.INDISPONIBLE_QUALIFICATION)
    matches = invoice_filter(body)
    account = context.account
    rows = []
    for record in context.state.invoices.records.values():
        seen = account.has_role(
            record.fournisseur.id_structure_cpp, RoleUtilisateur.FOURNISSEUR
        ) or (
            record.delivered
            and account.has_role(record.destinataire.id_structure_cpp, RoleUtilisateur.DESTINATAIRE)
        )
        if not seen or not matches(record):
            continue
        item = invoice_views.item_fournisseur(record)
        rows.append(
            {
                key: value
                for key, value in {
                    "idDemandePaiement": record.id,
                    "numeroDemandePaiement": record.numero,
                    "typeDemandePaiement": item["typeDemandePaiement"],
                    "typeFacture": record.type_facture.value,
                    "cadreFacturation": record.cadre.value,
                    "etatCourant": record.statut.value,
                    "dateHeureEtatCourant": item["dateHeureEtatCourant"],
                    "dateFournisseur": item.get("dateFacture"),
                    "dateDepot": item["dateDepot"],
                    "montantHT": item["montantHT"],
                    "montantTTC": item["montantTTC"],
                    "montantAPayer": item["montantAPayer"],
                    "numeroMarche": record.numero_marche,
                    "numeroBonCommande": record.numero_bon_commande,
                    "idStructureFournisseur": record.fournisseur.id_structure_cpp,
                    "idStructureDestinataire": record.destinataire.id_structure_cpp,
                    "idServiceDestinataire": record.id_service,
                    "identifiantStructureFournisseur": record.fournisseur.identifiant,
                    "identifiantStructureDestinataire": record.destinataire.identifiant,
                    "dpOuDpArchive": "DEMANDE_PAIEMENT",
                    "numeroDpMandat": record.numero_dp_mandat,
                }.items()
                if value is not None
            }
        )
    return envelope(listeDemandePaiement=rows, total=len(rows))


# --- the supplier's answers ----------------------------------------------------------------


def completer(context: Context, body: Body) -> dict[str, Any]:
    """``completerFacture``: only from ``SUSPENDUE`` (20002 otherwise)."""
    invoices = context.state.invoices
    record = invoices.of_supplier(
        context.account, body.integer("identifiantFactureCPP", required=True)
    )
    links = []
    for piece in body.items("pieceJointeComplementaire"):
        stored = invoices.attachment_of(
            context.account, piece.integer("pieceJointeComplementaireId", required=True) or 0
        )
        links.append(
            invoices.link(
                stored,
                piece.text("pieceJointeComplementaireDesignation") or "",
                piece.text("pieceJointeComplementaireType") or "AUTRE",
                piece.integer("pieceJointeComplementaireNumeroLigneFacture"),
            )
        )
    invoices.completer(
        context.account, record, links, body.text("commentaire", max_length=2000) or ""
    )
    return envelope(
        identifiantFactureCPP=record.id,
        numeroFacture=record.numero,
        dateTraitement=day(record.last_change.at),
    )


def recycler(context: Context, body: Body) -> dict[str, Any]:
    """``recyclerFacture``: only from ``A_RECYCLER``; new routing data, back to ``DEPOSEE``."""
    state = context.state
    record = state.invoices.of_supplier(
        context.account, body.integer("identifiantFactureCPP", required=True)
    )
    if record.statut is not StatutFacture.A_RECYCLER:
        raise RefusedError(Refusal.PAS_A_RECYCLER)
    destinataire = body.obj("destinataire")
    references = body.obj("reference")
    code = destinataire.text("codeDestinataire") or record.destinataire.identifiant
    service = destinataire.text("codeServiceExecutant")
    ej = references.text("numeroBonCommande", max_length=50) or record.numero_bon_commande
    marche = references.text("numeroMarche", max_length=50) or record.numero_marche
    routing = state.directory.route(record.fournisseur, code, service, ej or marche)
    if routing.problems:
        raise RefusedError(
            Refusal.DONNEES_FACTURE,
            " ".join(
                problem.message(
                    SUBMISSION_FIELDS[problem.datum].replace("references.", "reference."), value
                )
                for problem, value in routing.problems
            ),
        )
    assert routing.recipient is not None  # noqa: S101 - no problem
    changes: dict[str, object] = {"numero_bon_commande": ej, "numero_marche": marche}
    state.invoices.recycler(
        context.account,
        record,
        destinataire=routing.recipient,
        id_service=routing.service.id_service if routing.service else None,
        changes=changes,
        commentaire=body.text("commentaire", max_length=2000) or "",
    )
    return envelope(
        identifiantFactureCPP=record.id,
        numeroFacture=record.numero,
        statutFacture=record.statut.value,
        dateDepot=day(record.last_change.at),
    )


def traiter_rejet(context: Context, body: Body) -> dict[str, Any]:
    """``traiterFacturesRejetees``: the supplier acknowledges rejets."""
    invoices = context.state.invoices
    demandes = body.items("listeDemandePaiement")
    if not demandes:
        raise RefusedError(Refusal.CHAMP_OBLIGATOIRE, "listeDemandePaiement")
    records = [
        invoices.of_supplier(context.account, item.integer("idDemandePaiement", required=True))
        for item in demandes
    ]
    for record in records:
        invoices.acquitter_rejet(context.account, record)
    return envelope()


def corriger_valideur(context: Context, body: Body) -> dict[str, Any]:
    """``corrigerValideurFacture``: the supplier names the right validator."""
    state = context.state
    record = state.invoices.of_supplier(context.account, body.integer("idFacture", required=True))
    id_structure = body.integer("idStructure")
    identifiant = body.text("identifiantStructure")
    valideur = (
        state.directory.structure(id_structure)
        if id_structure is not None
        else state.directory.find(identifiant or "")
    )
    if valideur is None:
        raise RefusedError(Refusal.STRUCTURE_INCONNUE, identifiant or "")
    state.invoices.corriger_valideur(context.account, record, valideur)
    return envelope(idFacture=record.id)


ROUTES = routes(
    "/cpro/factures/v1",
    ("deposerFluxFacture", "/deposer/flux", deposer_flux),
    ("soumettreFacture", "/soumettre", soumettre),
    ("deposerPdfFacture", "/deposer/pdf", deposer_pdf),
    ("consulterFactureParFournisseur", "/consulter/fournisseur", consulter_fournisseur),
    ("consulterHistoriqueFacture", "/consulter/historique", consulter_historique),
    ("rechercherFactureParFournisseur", "/rechercher/fournisseur", rechercher_fournisseur),
    (
        "rechercherFactureATraiterParFournisseur",
        "/rechercher/atraiter/fournisseur",
        rechercher_atraiter_fournisseur,
    ),
    ("rechercherDemandePaiement", "/rechercher/demandePaiement", rechercher_demande_paiement),
    ("completerFacture", "/completer", completer),
    ("recyclerFacture", "/recycler", recycler),
    ("traiterFacturesRejetees", "/traiterRejet", traiter_rejet),
    ("corrigerValideurFacture", "/corriger/valideur/facture", corriger_valideur),
)
