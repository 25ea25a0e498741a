"""Invoices (demandes de paiement), their attachments, statuses and full history.

Every status change goes through the lifecycle table of :mod:`demat_sdk.chorus.lifecycle`, the
one the client uses too; the moves of the system (routing, the accountant's statuses) are
scheduled on the emulator clock.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import (
    ActionUtilisateur,
    CadreFacturation,
    ModeDepot,
    ModePaiement,
    RoleUtilisateur,
    StatutFacture,
    TypeFacture,
    TypeTva,
)
from demat_sdk.chorus.lifecycle import Actor, TransitionRefusal
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.auth import AccountRecord
from demat_sdk.testing.chorus.state.directory import Directory, StructureRecord
from demat_sdk.testing.chorus.state.invoice_xml import InvoiceLine, VatBreakdown
from demat_sdk.testing.chorus.state.scheduler import Scheduler, Timings
from demat_sdk.testing.clock import FakeClock

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "AttachmentRecord",
    "Event",
    "InvoiceRecord",
    "Invoices",
    "LinkedAttachment",
    "StatusChange",
    "UserAction",
]

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
"""An attachment above 10 MB is refused (codeRetour 20003)."""

_EXTENSIONS = (
    "BMP GIF FAX ODT PPT TIFF XLS BZ2 GZ JPEG P7S RTF TXT XML CSV GZIP JPG PDF SVG XHTML XLSX DOC "
    "HTM ODP PNG TGZ XLC ZIP DOCX HTML ODS PPS TIF XLM PPTX XSD XSL"
)
ALLOWED_EXTENSIONS = frozenset(_EXTENSIONS.split())
"""Attachment extensions Chorus Pro accepts."""

S = StatutFacture
_SYSTEM_USER = "Chorus Pro"
_ACCOUNTANT_CHAIN = (
    S.MANDATEE,
    S.MISE_A_DISPOSITION_COMPTABLE,
    S.COMPTABILISEE,
    S.MISE_EN_PAIEMENT,
)
"""Statuses the public accountant (Hélios) reports after mandatement, in order."""
_ACCOUNTANT_USER = "Comptable public (Hélios)"


@dataclass
class AttachmentRecord:
    """A file uploaded with ``ajouterFichierDansSysteme``."""

    piece_jointe_id: int
    nom: str
    type_mime: str
    extension: str
    content: bytes = field(repr=False)
    owner: str


@dataclass
class LinkedAttachment:
    """An attachment linked to an invoice (main PDF or supporting document)."""

    id_liaison: int
    attachment: AttachmentRecord
    designation: str
    type_code: str
    numero_ligne: int | None = None


@dataclass
class StatusChange:
    """One entry of an invoice's status history."""

    id: int
    statut: StatutFacture
    at: datetime
    commentaire: str
    account: AccountRecord | None
    """Who made the change; ``None`` for Chorus Pro or the accountant."""
    qui: str = ""


@dataclass
class UserAction:
    """A user action kept in the history (download, acknowledgement of a rejet…)."""

    id: int
    code: ActionUtilisateur
    at: datetime
    account: AccountRecord


@dataclass
class Event:
    """An additional event of the history (attachment added, invoice recycled…)."""

    id: int
    libelle: str
    qui: str
    at: datetime


@dataclass(eq=False)
class InvoiceRecord:
    """An invoice as Chorus Pro keeps it, from deposit to payment."""

    id: int
    numero: str
    fournisseur: StructureRecord
    destinataire: StructureRecord
    id_service: int | None
    cadre: CadreFacturation
    type_facture: TypeFacture
    devise: str
    date_facture: date | None
    date_depot: datetime
    montant_ht: Decimal
    montant_tva: Decimal
    montant_ttc: Decimal
    montant_a_payer: Decimal
    mode_depot: ModeDepot
    createur: AccountRecord
    statut: StatutFacture = S.DEPOSEE
    montant_remise: Decimal = Decimal(0)
    type_tva: TypeTva | None = None
    mode_paiement: ModePaiement | None = None
    motif_exoneration_tva: str | None = None
    numero_marche: str | None = None
    numero_bon_commande: str | None = None
    numero_facture_origine: str | None = None
    id_service_fournisseur: int | None = None
    id_coordonnee_bancaire: int | None = None
    valideur: StructureRecord | None = None
    date_validation: datetime | None = None
    numero_flux_depot: str | None = None
    source: bytes | None = field(default=None, repr=False)
    source_name: str | None = None
    lines: list[InvoiceLine] = field(default_factory=list)
    vat: list[VatBreakdown] = field(default_factory=list)
    principale: LinkedAttachment | None = None
    pieces_jointes: list[LinkedAttachment] = field(default_factory=list)
    commentaire: str = ""
    numero_dp_mandat: str | None = None
    telechargee: bool = False
    rejet_traite: bool = False
    delivered: bool = False
    """Whether the current recipient has received it (it shows in their searches)."""
    history: list[StatusChange] = field(default_factory=list)
    actions: list[UserAction] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def last_change(self) -> StatusChange:
        """The change that gave the current status."""
        return self.history[-1]

    @property
    def taille(self) -> int:
        """Size in bytes of the invoice file and its attachments."""
        total = len(self.source or b"")
        total += sum(len(link.attachment.content) for link in self.pieces_jointes)
        if self.principale is not None:
            total += len(self.principale.attachment.content)
        return total


class Invoices:
    """Every invoice, and the rules to move them.

    Args:
        clock: the emulator clock (dates of the history).
        scheduler: where the moves of the system are queued.
        directory: the structures invoices go between.
        timings: delays of the moves of the system.
    """

    def __init__(
        self, clock: FakeClock, scheduler: Scheduler, directory: Directory, timings: Timings
    ) -> None:
        self.clock = clock
        self.scheduler = scheduler
        self.directory = directory
        self.timings = timings
        self.records: dict[int, InvoiceRecord] = {}
        self.attachments: dict[int, AttachmentRecord] = {}
        self._ids = itertools.count(9_100_001)
        self._numbers = itertools.count(1)
        self._history_ids = itertools.count(40_000_001)
        self._attachment_ids = itertools.count(28_205)
        self._link_ids = itertools.count(31_001)

    # --- attachments -----------------------------------------------------------------------

    def add_attachment(
        self, account: AccountRecord, *, nom: str, type_mime: str, extension: str, content: bytes
    ) -> AttachmentRecord:
        """Store a file (``ajouterFichierDansSysteme``).

        Raises:
            RefusedError: above 10 MB (20003), a name without extension or longer than 50
                characters, or an extension Chorus Pro does not accept.
        """
        if len(content) > MAX_ATTACHMENT_BYTES:
            raise RefusedError(Refusal.PIECE_JOINTE_TROP_GROSSE)
        if not nom or len(nom) > 50 or "." not in nom:
            raise RefusedError(
                Refusal.VALEUR_INVALIDE, "pieceJointeNom (50 caractères au plus, avec extension)"
            )
        clean = extension.lstrip(".").upper()
        if clean not in ALLOWED_EXTENSIONS:
            raise RefusedError(Refusal.VALEUR_INVALIDE, f"pieceJointeExtension ({extension})")
        record = AttachmentRecord(
            next(self._attachment_ids), nom, type_mime, clean, content, account.login
        )
        self.attachments[record.piece_jointe_id] = record
        return record

    def attachment_of(self, account: AccountRecord, piece_jointe_id: int) -> AttachmentRecord:
        """A file the account uploaded.

        Raises:
            RefusedError: no such file for this account.
        """
        found = self.attachments.get(piece_jointe_id)
        if found is None or found.owner != account.login:
            raise RefusedError(Refusal.VALEUR_INVALIDE, f"pieceJointeId ({piece_jointe_id})")
        return found

    def link(
        self,
        attachment: AttachmentRecord,
        designation: str,
        type_code: str,
        numero_ligne: int | None = None,
    ) -> LinkedAttachment:
        """Link a stored file to an invoice."""
        return LinkedAttachment(
            next(self._link_ids), attachment, designation or attachment.nom, type_code, numero_ligne
        )

    # --- creation --------------------------------------------------------------------------

    def next_numero(self) -> str:
        """A number Chorus Pro gives an invoice deposited without one."""
        return f"{self.clock.now():%Y}{next(self._numbers):016d}"

    def numero_taken(self, fournisseur: StructureRecord, numero: str) -> bool:
        """Whether the supplier already used this invoice number (it must be unique)."""
        return any(
            record.fournisseur is fournisseur and record.numero == numero
            for record in self.records.values()
        )

    def create(self, account: AccountRecord, **fields: object) -> InvoiceRecord:
        """Create a deposited invoice and queue its routing to the recipient."""
        record = InvoiceRecord(
            id=next(self._ids),
            date_depot=self.clock.now(),
            createur=account,
            **fields,  # type: ignore[arg-type]
        )
        self.records[record.id] = record
        self._record_change(record, S.DEPOSEE, "", account)
        self._schedule_routing(record)
        return record

    # --- look-ups with rights --------------------------------------------------------------

    def of_supplier(self, account: AccountRecord, invoice_id: int | None) -> InvoiceRecord:
        """An invoice the account may see as its supplier.

        Raises:
            RefusedError: unknown invoice (20000) or no supplier rights on it (20001).
        """
        record = self._get(invoice_id)
        if not account.has_role(record.fournisseur.id_structure_cpp, RoleUtilisateur.FOURNISSEUR):
            raise RefusedError(Refusal.HABILITATION)
        return record

    def of_recipient(self, account: AccountRecord, invoice_id: int | None) -> InvoiceRecord:
        """An invoice the account may see as its recipient (once it was made available)."""
        record = self._get(invoice_id)
        structure = record.destinataire.id_structure_cpp
        if not record.delivered:
            raise RefusedError(Refusal.DP_INCONNUE)
        if not account.has_role(structure, RoleUtilisateur.DESTINATAIRE):
            raise RefusedError(Refusal.HABILITATION)
        return record

    def of_validator(self, account: AccountRecord, invoice_id: int | None) -> InvoiceRecord:
        """An invoice the account has to validate (or validated)."""
        record = self._get(invoice_id)
        valideur = record.valideur
        if valideur is None:
            raise RefusedError(Refusal.PAS_A_VALIDER)
        if not account.has_role(valideur.id_structure_cpp, RoleUtilisateur.VALIDEUR):
            raise RefusedError(Refusal.HABILITATION)
        return record

    def of_anyone(self, account: AccountRecord, invoice_id: int | None) -> InvoiceRecord:
        """An invoice the account may see in any role (for the history)."""
        self._get(invoice_id)
        for check in (self.of_supplier, self.of_recipient, self.of_validator):
            try:
                return check(account, invoice_id)
            except RefusedError:
                continue
        raise RefusedError(Refusal.HABILITATION)

    def _get(self, invoice_id: int | None) -> InvoiceRecord:
        record = self.records.get(invoice_id) if invoice_id is not None else None
        if record is None:
            raise RefusedError(Refusal.DP_INCONNUE)
        return record

    # --- moves -----------------------------------------------------------------------------

    def traiter(
        self,
        account: AccountRecord,
        record: InvoiceRecord,
        nouveau_statut: StatutFacture,
        *,
        motif: str | None,
        numero_dp_mandat: str | None,
    ) -> None:
        """The recipient gives the invoice a new status (``traiterFactureRecue``)."""
        reports = not record.destinataire.statut_mise_en_paiement_nest_pas_remonte
        self._check(Actor.RECIPIENT, record, nouveau_statut, motif, reports)
        if nouveau_statut is S.MANDATEE and numero_dp_mandat:
            record.numero_dp_mandat = numero_dp_mandat
        self._record_change(record, nouveau_statut, motif or "", account)
        if reports and nouveau_statut in _ACCOUNTANT_CHAIN[:-1]:
            self._schedule_accountant(record, nouveau_statut)

    def completer(
        self,
        account: AccountRecord,
        record: InvoiceRecord,
        pieces: Iterable[LinkedAttachment],
        commentaire: str,
    ) -> None:
        """The supplier completes a suspended invoice (``completerFacture``).

        Raises:
            RefusedError: 20002 when the invoice is not ``SUSPENDUE``.
        """
        if record.statut is not S.SUSPENDUE:
            raise RefusedError(Refusal.PAS_SUSPENDUE)
        added = list(pieces)
        record.pieces_jointes.extend(added)
        for link in added:
            self._event(record, f"Ajout de la pièce jointe {link.designation}", account)
        if commentaire:
            record.commentaire = commentaire
        self._record_change(record, S.COMPLETEE, commentaire, account)

    def recycler(
        self,
        account: AccountRecord,
        record: InvoiceRecord,
        *,
        destinataire: StructureRecord,
        id_service: int | None,
        changes: dict[str, object],
        commentaire: str,
    ) -> None:
        """The supplier sends a returned invoice again, with new routing data."""
        if record.statut is not S.A_RECYCLER:
            raise RefusedError(Refusal.PAS_A_RECYCLER)
        record.destinataire = destinataire
        record.id_service = id_service
        for name, value in changes.items():
            setattr(record, name, value)
        record.delivered = False
        record.telechargee = False
        self._event(record, "Facture recyclée", account)
        self._record_change(record, S.DEPOSEE, commentaire, account)
        self._schedule_routing(record)

    def acquitter_rejet(self, account: AccountRecord, record: InvoiceRecord) -> None:
        """The supplier acknowledges a rejet (``traiterFacturesRejetees``)."""
        if record.statut is not S.REJETEE:
            raise RefusedError(
                Refusal.TRANSITION_INTERDITE, f"la facture {record.numero} n'est pas rejetée"
            )
        if record.rejet_traite:
            raise RefusedError(Refusal.REJET_DEJA_TRAITE, record.numero)
        record.rejet_traite = True
        self._action(record, ActionUtilisateur.TRAITEMENT_REJET, account)

    def valider(
        self,
        account: AccountRecord,
        record: InvoiceRecord,
        cible: StatutFacture,
        motif: str | None,
    ) -> None:
        """The validator validates or refuses (``traiterFactureAValider``)."""
        self._check(Actor.VALIDATOR, record, cible, motif, True)
        self._record_change(record, cible, motif or "", account)
        if cible is S.VALIDEE_1:
            record.date_validation = self.clock.now()
            self._schedule(
                record, S.VALIDEE_1, S.MISE_A_DISPOSITION, self.timings.mise_a_disposition
            )

    def corriger_valideur(
        self, account: AccountRecord, record: InvoiceRecord, valideur: StructureRecord
    ) -> None:
        """The supplier names another validator (``corrigerValideurFacture``)."""
        if record.statut is not S.ERREUR_FOURNISSEUR_SUR_VALIDEUR:
            raise RefusedError(Refusal.PAS_ERREUR_VALIDEUR)
        record.valideur = valideur
        self._check(Actor.SUPPLIER, record, S.A_VALIDER_1, None, True)
        self._record_change(record, S.A_VALIDER_1, "", account)

    def telecharger(self, account: AccountRecord, record: InvoiceRecord) -> None:
        """The recipient downloads the invoice: the flag flips and the history keeps it."""
        record.telechargee = True
        self._action(record, ActionUtilisateur.TELECHARGEMENT_FACTURE, account)

    def _check(
        self,
        actor: Actor,
        record: InvoiceRecord,
        target: StatutFacture,
        motif: str | None,
        reports: bool,
    ) -> None:
        refused = lifecycle.refusal(
            actor, record.statut, target, motif=motif, mise_en_paiement_remontee=reports
        )
        if refused is TransitionRefusal.MOTIF_REQUIRED:
            raise RefusedError(Refusal.MOTIF_OBLIGATOIRE, target.value)
        if refused is not None:
            why = f"{record.statut.value} vers {target.value}"
            if refused is TransitionRefusal.MISE_EN_PAIEMENT_NOT_REPORTED:
                why += " (le destinataire ne remonte pas la mise en paiement)"
            raise RefusedError(Refusal.TRANSITION_INTERDITE, why)

    # --- the system's moves ----------------------------------------------------------------

    def _schedule_routing(self, record: InvoiceRecord) -> None:
        target = S.A_VALIDER_1 if record.valideur is not None else S.MISE_A_DISPOSITION
        self._schedule(record, S.DEPOSEE, target, self.timings.mise_a_disposition)

    def _schedule_accountant(self, record: InvoiceRecord, after: StatutFacture) -> None:
        index = _ACCOUNTANT_CHAIN.index(after)
        if index + 1 < len(_ACCOUNTANT_CHAIN):
            self._schedule(record, after, _ACCOUNTANT_CHAIN[index + 1], self.timings.comptable)

    def _schedule(
        self, record: InvoiceRecord, source: StatutFacture, target: StatutFacture, delay: float
    ) -> None:
        change_count = len(record.history)

        def move() -> bool:
            # Only if nothing happened to the invoice in the meantime.
            if record.statut is not source or len(record.history) != change_count:
                return False
            self.system_move(record, target)
            return True

        self.scheduler.after(
            delay, move, f"facture {record.numero}: {source.value} -> {target.value}"
        )

    def system_move(self, record: InvoiceRecord, target: StatutFacture) -> None:
        """Move an invoice as Chorus Pro or the accountant would (allowed by the table only).

        Raises:
            RefusedError: the table does not let the system make this move.
        """
        if lifecycle.find_transition(record.statut, target, Actor.SYSTEM) is None:
            raise RefusedError(
                Refusal.TRANSITION_INTERDITE, f"{record.statut.value} vers {target.value}"
            )
        accountant = target in _ACCOUNTANT_CHAIN[1:]
        self._record_change(
            record, target, "", None, qui=_ACCOUNTANT_USER if accountant else _SYSTEM_USER
        )
        if target is S.MISE_A_DISPOSITION:
            record.delivered = True
        if accountant:
            self._schedule_accountant(record, target)

    # --- history ---------------------------------------------------------------------------

    def _record_change(
        self,
        record: InvoiceRecord,
        statut: StatutFacture,
        commentaire: str,
        account: AccountRecord | None,
        *,
        qui: str = "",
    ) -> None:
        record.statut = statut
        record.history.append(
            StatusChange(
                next(self._history_ids),
                statut,
                self.clock.now(),
                commentaire,
                account,
                qui or (f"{account.prenom} {account.nom}" if account else _SYSTEM_USER),
            )
        )

    def _action(
        self, record: InvoiceRecord, code: ActionUtilisateur, account: AccountRecord
    ) -> None:
        record.actions.append(UserAction(next(self._history_ids), code, self.clock.now(), account))

    def _event(self, record: InvoiceRecord, libelle: str, account: AccountRecord) -> None:
        record.events.append(
            Event(
                next(self._history_ids),
                libelle,
                f"{account.prenom} {account.nom}",
                self.clock.now(),
            )
        )
