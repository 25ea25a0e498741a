"""``soumettreFacture``: an invoice checked and created at once.

Typed as JSON (SAISIE_API), or a PDF with its data (DEPOT_PDF_API).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from demat_sdk.chorus.enums import (
    CadreFacturation,
    ModeDepot,
    ModeDepotSoumission,
    ModePaiement,
    RoleUtilisateur,
    TypeFacture,
    TypeTva,
)
from demat_sdk.testing.chorus import reference
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.auth import AccountRecord
from demat_sdk.testing.chorus.state.directory import Directory
from demat_sdk.testing.chorus.state.invoice_xml import CENT, InvoiceLine, VatBreakdown
from demat_sdk.testing.chorus.state.invoices import AttachmentRecord, InvoiceRecord, Invoices

__all__ = [
    "CADRES_SOUMISSION",
    "SUBMISSION_FIELDS",
    "AttachmentRef",
    "Submission",
    "SubmittedLine",
    "submit",
]

_NUMERO = re.compile(r"^[A-Za-z0-9\-_/+]{1,20}$")

SUBMISSION_FIELDS = {
    "destinataire": "destinataire.codeDestinataire",
    "code_service": "destinataire.codeServiceExecutant",
    "numero_ej": "references.numeroBonCommande",
    "ej_ou_service": "references.numeroBonCommande / destinataire.codeServiceExecutant",
}
"""Where each routing datum sits in a ``soumettreFacture`` (or ``recyclerFacture``) request."""

CADRES_SOUMISSION = frozenset(
    {
        CadreFacturation.A1_FACTURE_FOURNISSEUR,
        CadreFacturation.A2_FACTURE_FOURNISSEUR_DEJA_PAYEE,
        CadreFacturation.A9_FACTURE_SOUSTRAITANT,
        CadreFacturation.A12_FACTURE_COTRAITANT,
    }
)
"""The billing frames ``soumettreFacture`` accepts."""
_WITH_VALIDATOR = {
    CadreFacturation.A9_FACTURE_SOUSTRAITANT,
    CadreFacturation.A12_FACTURE_COTRAITANT,
}


@dataclass(frozen=True)
class SubmittedLine:
    """A ``lignePoste`` of the request."""

    numero: int
    reference: str
    denomination: str
    quantite: Decimal
    unite: str
    prix_unitaire_ht: Decimal
    remise_ht: Decimal
    taux_code: str | None
    taux_manuel: Decimal | None


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment named by the request (``pieceJointeId`` from ``ajouterFichierDansSysteme``)."""

    piece_jointe_id: int
    designation: str
    type_code: str = ""
    numero_ligne: int | None = None


@dataclass(frozen=True)
class Submission:
    """The content of a ``soumettreFacture`` request, read from the wire."""

    mode_depot: ModeDepotSoumission
    id_fournisseur: int
    numero: str | None = None
    date_facture: date | None = None
    code_destinataire: str | None = None
    code_service: str | None = None
    id_service_fournisseur: int | None = None
    id_coordonnee_bancaire: int | None = None
    cadre: CadreFacturation = CadreFacturation.A1_FACTURE_FOURNISSEUR
    code_structure_valideur: str | None = None
    devise: str = "EUR"
    type_facture: TypeFacture = TypeFacture.FACTURE
    type_tva: TypeTva | None = None
    motif_exoneration_tva: str | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    mode_paiement: ModePaiement | None = None
    lines: tuple[SubmittedLine, ...] = ()
    vat: tuple[VatBreakdown, ...] = ()
    montant_ht: Decimal | None = None
    montant_tva: Decimal | None = None
    montant_ttc: Decimal | None = None
    montant_remise: Decimal | None = None
    montant_a_payer: Decimal | None = None
    principale: AttachmentRef | None = None
    pieces: tuple[AttachmentRef, ...] = field(default_factory=tuple)
    commentaire: str = ""


def submit(
    directory: Directory, invoices: Invoices, account: AccountRecord, submission: Submission
) -> InvoiceRecord:
    """Check a submitted invoice and create it (``DEPOSEE``, routing queued).

    Raises:
        RefusedError: no supplier rights (20001), unknown references, broken routing rules,
            inconsistent amounts, an invoice number already used: the message names them.
    """
    supplier = directory.structure(submission.id_fournisseur)
    if not account.has_role(supplier.id_structure_cpp, RoleUtilisateur.FOURNISSEUR):
        raise RefusedError(Refusal.HABILITATION)
    problems: list[str] = []
    numero = submission.numero
    if numero is not None and not _NUMERO.match(numero):
        problems.append(
            "numeroFactureSaisi : 20 caractères au plus, lettres, chiffres et - _ / + seulement."
        )
    elif numero is not None and invoices.numero_taken(supplier, numero):
        problems.append(
            f"numeroFactureSaisi : le numéro {numero} a déjà été utilisé par ce fournisseur."
        )
    if submission.cadre not in CADRES_SOUMISSION:
        problems.append(
            f"cadreDeFacturation.codeCadreFacturation : {submission.cadre.value} non accepté."
        )
    valideur = None
    if submission.cadre in _WITH_VALIDATOR:
        valideur = directory.find(submission.code_structure_valideur or "")
        if valideur is None:
            problems.append(
                "cadreDeFacturation.codeStructureValideur : structure valideur inconnue "
                f"({submission.code_structure_valideur or 'absente'})."
            )
    if submission.devise not in reference.DEVISES:
        problems.append(f"references.deviseFacture : devise {submission.devise} inconnue.")
    if submission.id_service_fournisseur is not None and (
        submission.id_service_fournisseur not in supplier.services
    ):
        problems.append("fournisseur.idServiceFournisseur : service inconnu pour ce fournisseur.")
    if submission.id_coordonnee_bancaire is not None and submission.id_coordonnee_bancaire not in {
        account_.id_coordonnee_bancaire for account_ in supplier.bank_accounts
    }:
        problems.append(
            "fournisseur.codeCoordonneesBancairesFournisseur : coordonnées bancaires inconnues."
        )
    routing = directory.route(
        supplier,
        submission.code_destinataire,
        submission.code_service,
        submission.numero_bon_commande or submission.numero_marche,
    )
    problems += [
        problem.message(SUBMISSION_FIELDS[problem.datum], value)
        for problem, value in routing.problems
    ]
    lines = _lines(submission, problems)
    _check_amounts(submission, lines, problems)
    principale = _attachment(invoices, account, submission.principale, problems, "principale")
    if submission.mode_depot is not ModeDepotSoumission.SAISIE_API and principale is None:
        problems.append(
            "pieceJointePrincipale : la facture PDF est obligatoire pour ce mode de dépôt."
        )
    pieces = [
        _attachment(invoices, account, ref, problems, "complementaire") for ref in submission.pieces
    ]
    if problems:
        raise RefusedError(Refusal.DONNEES_FACTURE, " ".join(problems))
    assert routing.recipient is not None  # noqa: S101 - no routing problem
    assert submission.montant_ht is not None  # noqa: S101 - checked by _check_amounts
    assert submission.montant_ttc is not None  # noqa: S101 - checked by _check_amounts
    return invoices.create(
        account,
        numero=numero or invoices.next_numero(),
        fournisseur=supplier,
        destinataire=routing.recipient,
        id_service=routing.service.id_service if routing.service else None,
        cadre=submission.cadre,
        type_facture=submission.type_facture,
        devise=submission.devise,
        date_facture=submission.date_facture,
        montant_ht=submission.montant_ht,
        montant_tva=submission.montant_tva or Decimal(0),
        montant_ttc=submission.montant_ttc,
        montant_remise=submission.montant_remise or Decimal(0),
        montant_a_payer=(
            submission.montant_a_payer
            if submission.montant_a_payer is not None
            else submission.montant_ttc
        ),
        mode_depot=ModeDepot(submission.mode_depot.value),
        type_tva=submission.type_tva,
        mode_paiement=submission.mode_paiement,
        motif_exoneration_tva=submission.motif_exoneration_tva,
        numero_marche=submission.numero_marche,
        numero_bon_commande=submission.numero_bon_commande,
        numero_facture_origine=submission.numero_facture_origine,
        id_service_fournisseur=submission.id_service_fournisseur,
        id_coordonnee_bancaire=submission.id_coordonnee_bancaire,
        valideur=valideur,
        lines=lines,
        vat=list(submission.vat),
        principale=(
            invoices.link(principale, submission.principale.designation, "FACTURE")
            if principale is not None and submission.principale is not None
            else None
        ),
        pieces_jointes=[
            invoices.link(attachment, ref.designation, ref.type_code or "AUTRE", ref.numero_ligne)
            for attachment, ref in zip(pieces, submission.pieces, strict=True)
            if attachment is not None
        ],
        commentaire=submission.commentaire,
    )


def _lines(submission: Submission, problems: list[str]) -> list[InvoiceLine]:
    if submission.mode_depot is ModeDepotSoumission.SAISIE_API and not submission.lines:
        problems.append("lignePoste : au moins une ligne est obligatoire en SAISIE_API.")
    lines: list[InvoiceLine] = []
    for line in submission.lines:
        rate = line.taux_manuel
        if line.taux_code is not None:
            known = reference.TAUX_TVA.get(line.taux_code)
            if known is None:
                problems.append(
                    f"lignePoste[{line.numero}].lignePosteTauxTva : taux {line.taux_code} inconnu."
                )
            else:
                rate = known[2]
        net = (line.quantite * line.prix_unitaire_ht - line.remise_ht).quantize(CENT)
        lines.append(
            InvoiceLine(
                numero=str(line.numero),
                denomination=line.denomination,
                quantite=line.quantite,
                unite=line.unite,
                prix_unitaire_ht=line.prix_unitaire_ht,
                montant_ht=net,
                taux_tva=rate,
                reference=line.reference,
                taux_code=line.taux_code or "",
            )
        )
    return lines


def _check_amounts(submission: Submission, lines: list[InvoiceLine], problems: list[str]) -> None:
    ht, tva, ttc = submission.montant_ht, submission.montant_tva, submission.montant_ttc
    if ht is None:
        problems.append("montantTotal.montantHtTotal : obligatoire.")
    if ttc is None:
        problems.append("montantTotal.montantTtcTotal : obligatoire.")
    if ht is None or ttc is None:
        return
    if lines:
        total = sum((line.montant_ht for line in lines), Decimal(0))
        if abs(total - ht) >= CENT:
            problems.append(
                f"montantTotal.montantHtTotal ({ht}) ne correspond pas à la somme des lignes "
                f"({total})."
            )
    remise = submission.montant_remise or Decimal(0)
    if abs(ht + (tva or Decimal(0)) - remise - ttc) >= CENT:
        problems.append(
            f"montantTotal.montantTtcTotal ({ttc}) ne correspond pas à montantHtTotal + montantTVA"
            f" − montantRemiseGlobaleTTC ({ht + (tva or Decimal(0)) - remise})."
        )
    if submission.vat and tva is not None:
        total_vat = sum((line.montant_tva for line in submission.vat), Decimal(0))
        if abs(total_vat - tva) >= CENT:
            problems.append(
                f"ligneTva : la somme des montants de TVA ({total_vat}) ne correspond pas à "
                f"montantTotal.montantTVA ({tva})."
            )
    if submission.montant_a_payer is not None and submission.montant_a_payer > ttc:
        problems.append("montantTotal.montantAPayer : supérieur au montant TTC.")


def _attachment(
    invoices: Invoices,
    account: AccountRecord,
    ref: AttachmentRef | None,
    problems: list[str],
    which: str,
) -> AttachmentRecord | None:
    if ref is None:
        return None
    try:
        return invoices.attachment_of(account, ref.piece_jointe_id)
    except RefusedError:
        problems.append(f"pièce jointe {which} {ref.piece_jointe_id} inconnue pour ce compte.")
        return None
