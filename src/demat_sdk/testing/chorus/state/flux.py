"""Deposited flux and their processing pipeline.

``IN_RECU → IN_TRAITE_SE_CPP → IN_EN_ATTENTE_TRAITEMENT_CPP → IN_EN_COURS_TRAITEMENT_CPP →``
``IN_INTEGRE | IN_INTEGRE_PARTIEL | IN_REJETE | IN_INCIDENTE``, one step every
``Timings.flux_step`` seconds of the emulator clock (or at once through the admin API). At the
last step each invoice of the flux (one XML file, or several in a ``.tar.gz``) goes through the
integration checks; valid ones become invoices, the others are reported in ``listeErreurDP``.
"""

from __future__ import annotations

import io
import itertools
import tarfile
from dataclasses import dataclass, field
from datetime import datetime

from demat_sdk.chorus.enums import (
    CadreFacturation,
    EtatFlux,
    ModeDepot,
    RoleUtilisateur,
    SyntaxeFlux,
)
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.auth import AccountRecord
from demat_sdk.testing.chorus.state.directory import Directory, Routing
from demat_sdk.testing.chorus.state.invoice_xml import (
    MAX_INVOICE_BYTES,
    InvoiceReadError,
    ParsedInvoice,
    consistency_problems,
    read_invoice,
)
from demat_sdk.testing.chorus.state.invoices import Invoices
from demat_sdk.testing.chorus.state.scheduler import Scheduler, Timings
from demat_sdk.testing.clock import FakeClock

__all__ = [
    "MAX_ARCHIVE_BYTES",
    "MAX_ARCHIVE_MEMBERS",
    "FluxError",
    "FluxRecord",
    "FluxStore",
    "TechnicalError",
]

MAX_ARCHIVE_BYTES = 120 * 1024 * 1024
"""A flux archive may not inflate beyond 120 MB."""

MAX_ARCHIVE_MEMBERS = 500
"""A flux holds at most 500 invoices."""

PIPELINE = (
    EtatFlux.IN_RECU,
    EtatFlux.IN_TRAITE_SE_CPP,
    EtatFlux.IN_EN_ATTENTE_TRAITEMENT_CPP,
    EtatFlux.IN_EN_COURS_TRAITEMENT_CPP,
)
"""The states a flux goes through before its outcome."""

_MAX_NUMERO = 20


@dataclass(frozen=True)
class FluxError:
    """An invoice of the flux that was not integrated (an entry of ``listeErreurDP``)."""

    identifiant_destinataire: str
    identifiant_fournisseur: str
    numero_dp: str
    libelle: str


@dataclass(frozen=True)
class TechnicalError:
    """A fault of the flux file itself (an entry of ``listeErreurTechnique``)."""

    code: str
    libelle: str
    nature: str = "TECHNIQUE"


@dataclass(eq=False)
class FluxRecord:
    """A deposited flux, its processing state and its report."""

    numero: str
    nom_fichier: str
    syntaxe: SyntaxeFlux
    avec_signature: bool
    data: bytes = field(repr=False)
    deposant: AccountRecord
    date_depot: datetime
    etat: EtatFlux = EtatFlux.IN_RECU
    etat_at: datetime | None = None
    erreurs_dp: list[FluxError] = field(default_factory=list)
    erreurs_techniques: list[TechnicalError] = field(default_factory=list)
    factures: list[int] = field(default_factory=list)

    @property
    def code_interface(self) -> str:
        """The EDI interface code shown in the reports (by flux family; an inference)."""
        if self.syntaxe is SyntaxeFlux.IN_DP_E2_CII_FACTURX:
            return "FSO1113A"
        if self.syntaxe.value.startswith("IN_DP_E2"):
            return "FSO1110A"
        return "FSO1100A"

    @property
    def nom_fichier_cr(self) -> str:
        """Name of the flux in the reports (``FSO1100A_CPP001_<numero>``)."""
        return f"{self.code_interface}_CPP001_{self.numero}"


class FluxStore:
    """Deposited flux and their processing.

    Args:
        clock: the emulator clock.
        scheduler: where the processing steps are queued.
        directory: where recipients are looked up.
        invoices: where integrated invoices go.
        timings: delay between two processing steps.
    """

    def __init__(
        self,
        clock: FakeClock,
        scheduler: Scheduler,
        directory: Directory,
        invoices: Invoices,
        timings: Timings,
    ) -> None:
        self.clock = clock
        self.scheduler = scheduler
        self.directory = directory
        self.invoices = invoices
        self.timings = timings
        self.records: dict[str, FluxRecord] = {}
        self._numbers = itertools.count(1_110_000_000_000_001_557)

    def deposit(
        self,
        account: AccountRecord,
        *,
        data: bytes,
        nom_fichier: str,
        syntaxe: SyntaxeFlux,
        avec_signature: bool,
    ) -> FluxRecord:
        """Receive a flux (``deposerFluxFacture``): ``IN_RECU``, processing queued.

        Raises:
            RefusedError: the account may not deposit invoices (no supplier rights).
        """
        if not account.structures_with(RoleUtilisateur.FOURNISSEUR):
            raise RefusedError(Refusal.HABILITATION)
        flux = FluxRecord(
            numero=f"CPP001{next(self._numbers)}",
            nom_fichier=nom_fichier,
            syntaxe=syntaxe,
            avec_signature=avec_signature,
            data=data,
            deposant=account,
            date_depot=self.clock.now(),
            etat_at=self.clock.now(),
        )
        self.records[flux.numero] = flux
        self._schedule_step(flux)
        return flux

    def of_account(self, account: AccountRecord, numero: str | None) -> FluxRecord:
        """A flux deposited by this account.

        Raises:
            RefusedError: no such flux for this account.
        """
        flux = self.records.get(numero or "")
        if flux is None or flux.deposant.login != account.login:
            raise RefusedError(Refusal.FLUX_INCONNU, numero or "")
        return flux

    def finish(self, flux: FluxRecord) -> None:
        """Run the remaining steps of a flux at once (admin API)."""
        while flux.etat in PIPELINE:
            self._step(flux)

    # --- pipeline --------------------------------------------------------------------------

    def _schedule_step(self, flux: FluxRecord) -> None:
        expected = flux.etat

        def step() -> bool:
            if flux.etat is not expected:
                return False  # finished at once through the admin API
            self._step(flux)
            if flux.etat in PIPELINE:
                self._schedule_step(flux)
            return True

        self.scheduler.after(self.timings.flux_step, step, f"flux {flux.numero}: {expected.value}")

    def _step(self, flux: FluxRecord) -> None:
        index = PIPELINE.index(flux.etat)
        flux.etat = PIPELINE[index + 1] if index + 1 < len(PIPELINE) else self._integrate(flux)
        flux.etat_at = self.clock.now()

    def _integrate(self, flux: FluxRecord) -> EtatFlux:
        try:
            files = _files_of(flux)
        except InvoiceReadError as exc:
            flux.erreurs_techniques.append(TechnicalError("ERR_ARCHIVE", str(exc)))
            return EtatFlux.IN_INCIDENTE
        if not files:
            flux.erreurs_techniques.append(
                TechnicalError("ERR_VIDE", "Le flux ne contient aucune facture.")
            )
            return EtatFlux.IN_REJETE
        seen: set[tuple[str, str]] = set()
        for name, content in files:
            self._integrate_one(flux, name, content, seen)
        if not flux.factures:
            return EtatFlux.IN_REJETE
        return EtatFlux.IN_INTEGRE_PARTIEL if flux.erreurs_dp else EtatFlux.IN_INTEGRE

    def _integrate_one(
        self, flux: FluxRecord, name: str, content: bytes, seen: set[tuple[str, str]]
    ) -> None:
        if len(content) > MAX_INVOICE_BYTES:
            message = (
                f"{name} : la facture dépasse la taille maximale de 10 Mo ({len(content)} octets)."
            )
            flux.erreurs_dp.append(FluxError("", "", "", message))
            return
        try:
            parsed = read_invoice(content, flux.syntaxe)
        except InvoiceReadError as exc:
            flux.erreurs_dp.append(FluxError("", "", "", f"{name} : {exc}"))
            return
        problems, routing = self._check(flux, parsed, seen)
        numero = parsed.numero or ""
        if problems or routing is None or routing.recipient is None:
            for problem in problems:
                flux.erreurs_dp.append(
                    FluxError(parsed.destinataire or "", parsed.fournisseur or "", numero, problem)
                )
            return
        supplier = routing.supplier
        seen.add((supplier.identifiant, numero))
        record = self.invoices.create(
            flux.deposant,
            numero=numero,
            fournisseur=supplier,
            destinataire=routing.recipient,
            id_service=routing.service.id_service if routing.service else None,
            cadre=CadreFacturation.A1_FACTURE_FOURNISSEUR,
            type_facture=parsed.type_facture,
            devise=parsed.devise,
            date_facture=parsed.date_facture,
            montant_ht=parsed.total_ht,
            montant_tva=parsed.total_tva or 0,
            montant_ttc=parsed.total_ttc,
            montant_a_payer=parsed.total_a_payer,
            montant_remise=parsed.total_remises,
            mode_paiement=parsed.mode_paiement,
            mode_depot=ModeDepot.UPLOAD_API,
            numero_marche=parsed.numero_marche,
            numero_bon_commande=parsed.numero_ej,
            numero_flux_depot=flux.numero,
            source=content,
            source_name=name,
            lines=list(parsed.lines),
            vat=list(parsed.vat),
        )
        flux.factures.append(record.id)

    def _check(
        self,
        flux: FluxRecord,
        parsed: ParsedInvoice,
        seen: set[tuple[str, str]],
    ) -> tuple[list[str], Routing | None]:
        """The integration checks of one invoice: its problems, and where it goes."""
        tag = parsed.champs
        if not parsed.numero:
            return [f"Le numéro de facture ({tag['numero']}) est obligatoire."], None
        if len(parsed.numero) > _MAX_NUMERO:
            return [f"Le numéro de facture ({tag['numero']}) dépasse 20 caractères."], None
        supplier = self.directory.find(parsed.fournisseur or "")
        if supplier is None:
            message = (
                f"L'identifiant fournisseur de la demande de paiement (balise : "
                f"{tag['fournisseur']}) n'est pas référencé dans notre système."
            )
            return [message], None
        if not flux.deposant.has_role(supplier.id_structure_cpp, RoleUtilisateur.FOURNISSEUR):
            message = (
                f"Le compte qui dépose le flux n'est pas habilité à facturer pour le fournisseur "
                f"{supplier.identifiant} ({tag['fournisseur']})."
            )
            return [message], None
        problems: list[str] = []
        routing = self.directory.route(
            supplier, parsed.destinataire, parsed.code_service, parsed.engagement
        )
        fields = {**tag, "ej_ou_service": f"{tag['numero_ej']} / {tag['code_service']}"}
        for problem, value in routing.problems:
            problems.append(problem.message(fields[problem.datum], value))
        key = (supplier.identifiant, parsed.numero)
        if key in seen or self.invoices.numero_taken(supplier, parsed.numero):
            problems.append(
                f"Le numéro de facture {parsed.numero} ({tag['numero']}) a déjà été utilisé par ce "
                "fournisseur."
            )
        problems.extend(consistency_problems(parsed))
        return problems, routing


def _files_of(flux: FluxRecord) -> list[tuple[str, bytes]]:
    """The invoice files of a flux: the file itself, or the members of its ``.tar.gz``."""
    name = flux.nom_fichier.lower()
    if not (name.endswith((".tar.gz", ".tgz")) or flux.data[:2] == b"\x1f\x8b"):
        return [(flux.nom_fichier, flux.data)]
    try:
        archive = tarfile.open(fileobj=io.BytesIO(flux.data), mode="r:*")  # noqa: SIM115
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InvoiceReadError(f"L'archive {flux.nom_fichier} est illisible ({exc}).") from None
    files: list[tuple[str, bytes]] = []
    total = 0
    with archive:
        try:
            for member in archive:
                if not member.isfile():
                    continue
                if len(files) >= MAX_ARCHIVE_MEMBERS:
                    raise InvoiceReadError("L'archive contient plus de 500 factures.")
                total += member.size
                if total > MAX_ARCHIVE_BYTES:
                    raise InvoiceReadError("L'archive décompressée dépasse 120 Mo.")
                extracted = archive.extractfile(member)
                if extracted is not None:
                    files.append((member.name, extracted.read()))
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise InvoiceReadError(f"L'archive {flux.nom_fichier} est illisible ({exc}).") from None
    return files
