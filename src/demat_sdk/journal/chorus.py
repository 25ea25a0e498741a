"""Chorus Pro writes through the journal: deposits, submissions, status changes.

Three kinds of submission, each with the key that makes it unique, what is kept to send it again
after a crash, and how a lost answer is reconciled with Chorus Pro before anything is resent:

* ``deposer_flux`` — key: supplier, file name, digest of the file. Reconciliation: each invoice
  of the flux is searched by its number (``rechercherFactureParFournisseur``); found → confirmed,
  with its flux number; none yet → undecided until ``integration_delay`` after the deposit
  (invoices appear only once the flux is integrated), then absent.
* ``soumettre`` — key: supplier id, invoice number. Reconciliation: the invoice is searched by
  its number; Chorus Pro creates it at once, so not found → absent.
* ``traiter_facture_recue`` — key: invoice, new status, idempotency key. Reconciliation: the
  invoice's history (``consulterHistoriqueFacture``); its current status, or a change to the new
  status since the attempt → confirmed; otherwise absent.

Why resending a flux after ``integration_delay`` is safe even if the first deposit was only slow:
Chorus Pro refuses, at integration, an invoice whose number its supplier already used; of two
copies of a flux, the invoices of the second are refused, and no invoice exists twice.

Each kind's name is prefixed by a namespace (``"chorus"`` by default): give each technical
account its own namespace when several share one journal, so that :meth:`Journal.resume` sends
every entry with the account that made it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.chorus.doctrine import MotifCategorie
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.chorus.factures.operations import DEPOSER_FLUX, SOUMETTRE, TRAITER_RECUE
from demat_sdk.chorus.files import FileInput, read_file
from demat_sdk.chorus.models.base import build_request
from demat_sdk.chorus.models.factures_consultation import (
    ParamRechercheHistoStatuts,
    WsRetourConsulterHistoriqueFacture,
)
from demat_sdk.chorus.models.factures_emission import (
    DeposerFluxFactureParam,
    SoumettreFactureParam,
    WsRetourDeposerFluxFacture,
    WsRetourSoumettreFacture,
)
from demat_sdk.chorus.models.factures_resultats import RetourRechercherFactureParFournisseur
from demat_sdk.chorus.models.factures_traitement import WsRetourTraiterFacture
from demat_sdk.errors import InvalidRequestError
from demat_sdk.journal.entries import JournalEntry, Outcome, Verdict, VerdictKind
from demat_sdk.journal.journal import AsyncHandler, Handler, payload_digest

__all__ = [
    "DEFAULT_INTEGRATION_DELAY",
    "STATUS_DATE_MARGIN",
    "ChorusKinds",
    "FluxDeposit",
    "IntegrationWait",
    "InvoiceSubmission",
    "JournaledRequest",
    "Prepared",
    "StatusChange",
    "async_chorus_handlers",
    "chorus_handlers",
    "prepare",
]

DEFAULT_INTEGRATION_DELAY = timedelta(hours=1)
"""How long after a deposit a flux whose invoices cannot be found is still deemed in processing.

Chorus Pro integrates a flux within minutes; an hour leaves a wide margin."""

STATUS_DATE_MARGIN = timedelta(minutes=2)
"""Tolerance when comparing a history date with the attempt: Chorus Pro writes minutes only
(truncated), and the two clocks may differ a little. An identical status given less than this
before the attempt (a suspension, a completion and a second suspension within two minutes) would
be taken for the lost one."""

_SEARCH_PAGE = 100
_HISTORY_PAGE = 100


@dataclass(frozen=True)
class ChorusKinds:
    """The names of the three kinds of Chorus Pro submission, in a namespace."""

    namespace: str = "chorus"

    @property
    def deposer_flux(self) -> str:
        """Kind of a flux deposit (``deposerFluxFacture``)."""
        return f"{self.namespace}.deposer_flux"

    @property
    def soumettre(self) -> str:
        """Kind of an invoice submission (``soumettreFacture``)."""
        return f"{self.namespace}.soumettre"

    @property
    def traiter_facture_recue(self) -> str:
        """Kind of a status change of a received invoice (``traiterFactureRecue``)."""
        return f"{self.namespace}.traiter_facture_recue"

    @property
    def all(self) -> tuple[str, str, str]:
        """The three kinds."""
        return (self.deposer_flux, self.soumettre, self.traiter_facture_recue)


@dataclass(frozen=True)
class IntegrationWait:
    """How the Chorus Pro reconcilers decide (for Hélios, ``AckWait`` in ``journal.helios``).

    Attributes:
        clock: the current time (timezone-aware); a journal's own clock is the natural choice.
        integration_delay: a flux none of whose invoices can be found this long after its
            deposit never arrived (it is then deposited again).
    """

    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
    integration_delay: timedelta = DEFAULT_INTEGRATION_DELAY


# --- what is submitted ---------------------------------------------------------------------


@dataclass(frozen=True)
class FluxDeposit:
    """A flux of invoices to deposit (``deposerFluxFacture``) through the journal.

    Attributes:
        fichier: the flux: its bytes, or its path.
        syntaxe_flux: its syntax (``SyntaxeFlux.IN_DP_E1_CII_16B``…).
        fournisseur: the supplier's identifier (its SIRET), as the invoices carry it.
        numeros_facture: the numbers of the invoices it carries: how a deposit whose answer was
            lost is found again.
        nom_fichier: the file name; the path's name by default (required for bytes).
        avec_signature: whether the flux is signed.
    """

    fichier: FileInput
    syntaxe_flux: SyntaxeFlux | str
    fournisseur: str
    numeros_facture: Sequence[str]
    nom_fichier: str | None = None
    avec_signature: bool = False

    def __repr__(self) -> str:
        return (
            f"FluxDeposit(fournisseur={self.fournisseur!r}, nom_fichier={self.nom_fichier!r}, "
            f"numeros_facture={list(self.numeros_facture)!r})"
        )


@dataclass(frozen=True)
class InvoiceSubmission:
    """An invoice to submit from its data (``soumettreFacture``) through the journal.

    Attributes:
        facture: the whole request; its ``numero_facture_saisi`` and its supplier's
            ``id_fournisseur`` are required (they make the key, and find a lost submission).
    """

    facture: SoumettreFactureParam


@dataclass(frozen=True)
class StatusChange:
    """A new status for a received invoice (``traiterFactureRecue``) through the journal.

    Attributes:
        id_facture: the invoice.
        nouveau_statut: its new status.
        idempotency_key: tells apart two changes to the same status of the same invoice (a
            second suspension after a completion): give each its own key, such as the number of
            the event in your software. The same key is never applied twice.
        motif: why (required for ``SUSPENDUE`` and ``REJETEE``).
        numero_dp_mandat: the mandat number, for ``MANDATEE``.
        categorie: what is wrong with the invoice, for the doctrine check (not sent).
    """

    id_facture: int
    nouveau_statut: StatutFacture | str
    idempotency_key: str = "1"
    motif: str | None = None
    numero_dp_mandat: str | None = None
    categorie: MotifCategorie | str | None = None


JournaledRequest = FluxDeposit | InvoiceSubmission | StatusChange
"""Any Chorus Pro write the journal knows how to send and reconcile."""


@dataclass(frozen=True)
class Prepared:
    """A request turned into what the journal records: kind, key, payload, meta."""

    kind: str
    key: str
    payload: bytes
    meta: dict[str, Any]


def prepare(request: JournaledRequest, kinds: ChorusKinds) -> Prepared:
    """What the journal records for ``request``: its kind, key, payload and meta.

    Raises:
        InvalidRequestError: the request lacks what its key or its reconciliation needs (the
            supplier, the invoice numbers, an unreadable file…), naming the field.
    """
    if isinstance(request, FluxDeposit):
        return _prepare_flux(request, kinds.deposer_flux)
    if isinstance(request, InvoiceSubmission):
        return _prepare_submission(request, kinds.soumettre)
    return _prepare_status(request, kinds.traiter_facture_recue)


def _prepare_flux(request: FluxDeposit, kind: str) -> Prepared:
    operation = DEPOSER_FLUX.name
    fournisseur = request.fournisseur.strip()
    if not fournisseur:
        raise InvalidRequestError(
            "the supplier's identifier is required", operation=operation, field="fournisseur"
        )
    numeros = [numero.strip() for numero in request.numeros_facture]
    if not numeros or not all(numeros):
        raise InvalidRequestError(
            "give the numbers of the invoices the flux carries: they find a deposit whose "
            "answer was lost",
            operation=operation,
            field="numeros_facture",
        )
    fichier = read_file(request.fichier, request.nom_fichier, operation=operation)
    body = build_request(
        DeposerFluxFactureParam,
        operation,
        fichier_flux=fichier.content,
        nom_fichier=fichier.name,
        syntaxe_flux=request.syntaxe_flux,
        avec_signature=request.avec_signature,
    )
    digest = payload_digest(fichier.content)
    return Prepared(
        kind=kind,
        key=f"{fournisseur}/{fichier.name}/{digest[:16]}",
        payload=fichier.content,
        meta={
            "fournisseur": fournisseur,
            "nom_fichier": fichier.name,
            "syntaxe_flux": _code(body.syntaxe_flux),
            "avec_signature": request.avec_signature,
            "numeros_facture": numeros,
        },
    )


def _prepare_submission(request: InvoiceSubmission, kind: str) -> Prepared:
    facture = request.facture
    numero = (facture.numero_facture_saisi or "").strip()
    if not numero:
        raise InvalidRequestError(
            "numero_facture_saisi is required: it is how a submission whose answer was lost is "
            "found again",
            operation=SOUMETTRE.name,
            field="numero_facture_saisi",
        )
    id_fournisseur = facture.fournisseur.id_fournisseur if facture.fournisseur else None
    if id_fournisseur is None:
        raise InvalidRequestError(
            "the supplier's id (its idStructureCPP) is required",
            operation=SOUMETTRE.name,
            field="fournisseur.id_fournisseur",
        )
    payload = facture.model_dump_json(by_alias=True, exclude_none=True).encode()
    return Prepared(
        kind=kind,
        key=f"{id_fournisseur}/{numero}",
        payload=payload,
        meta={"id_fournisseur": id_fournisseur, "numero_facture": numero},
    )


def _prepare_status(request: StatusChange, kind: str) -> Prepared:
    statut = _code(request.nouveau_statut)
    key_part = request.idempotency_key.strip()
    if not key_part:
        raise InvalidRequestError(
            "idempotency_key is empty", operation=TRAITER_RECUE.name, field="idempotency_key"
        )
    fields = {
        "id_facture": request.id_facture,
        "nouveau_statut": statut,
        "motif": request.motif,
        "numero_dp_mandat": request.numero_dp_mandat,
        "categorie": None if request.categorie is None else _code(request.categorie),
    }
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
    return Prepared(
        kind=kind,
        key=f"{request.id_facture}/{statut}/{key_part}",
        payload=payload,
        meta={"id_facture": request.id_facture, "nouveau_statut": statut},
    )


def _code(value: object) -> str:
    return str(getattr(value, "value", value))


# --- answers and verdicts (no I/O) ---------------------------------------------------------


def _flux_arguments(entry: JournalEntry) -> dict[str, Any]:
    return {
        "fichier": entry.payload or b"",
        "nom_fichier": entry.meta["nom_fichier"],
        "syntaxe_flux": entry.meta["syntaxe_flux"],
        "avec_signature": bool(entry.meta.get("avec_signature", False)),
    }


def _flux_outcome(answer: WsRetourDeposerFluxFacture) -> Outcome:
    numero = answer.numero_flux_depot
    return Outcome(
        reference=numero,
        result={
            "numero_flux_depot": numero,
            "date_depot": answer.date_depot.isoformat() if answer.date_depot else None,
        },
    )


def _flux_verdict(
    entry: JournalEntry,
    found: Sequence[RetourRechercherFactureParFournisseur],
    how: IntegrationWait,
) -> Verdict:
    fournisseur = entry.meta["fournisseur"]
    numeros = set(entry.meta["numeros_facture"])
    mine = [
        facture
        for facture in found
        if facture.numero_facture in numeros
        and facture.code_fournisseur in (None, fournisseur)
        and facture.numero_flux_depot
    ]
    if mine:
        flux = sorted({facture.numero_flux_depot for facture in mine if facture.numero_flux_depot})
        return Verdict(
            VerdictKind.CONFIRMED,
            reference=flux[0],
            result={
                "numero_flux_depot": flux[0],
                "factures": {
                    str(facture.numero_facture): facture.identifiant_facture_cpp for facture in mine
                },
            },
            reason=f"invoice {mine[0].numero_facture} found in flux {flux[0]}",
        )
    attempted = entry.attempted_at
    deadline = attempted + how.integration_delay
    if how.clock() < deadline:
        return Verdict(
            VerdictKind.UNDECIDED,
            reason="no invoice of the flux found yet: Chorus Pro may still be integrating it "
            f"(until {deadline.isoformat()})",
        )
    return Verdict(
        VerdictKind.ABSENT,
        reason=f"no invoice of the flux found {how.integration_delay} after the deposit",
    )


def _submission_outcome(answer: WsRetourSoumettreFacture) -> Outcome:
    identifiant = answer.identifiant_facture_cpp
    return Outcome(
        reference=None if identifiant is None else str(identifiant),
        result={
            "identifiant_facture_cpp": identifiant,
            "numero_facture": answer.numero_facture,
            "statut_facture": _code(answer.statut_facture) if answer.statut_facture else None,
        },
    )


def _submission_verdict(
    entry: JournalEntry, found: Sequence[RetourRechercherFactureParFournisseur]
) -> Verdict:
    numero = entry.meta["numero_facture"]
    for facture in found:
        if facture.numero_facture == numero and facture.identifiant_facture_cpp is not None:
            return Verdict(
                VerdictKind.CONFIRMED,
                reference=str(facture.identifiant_facture_cpp),
                result={
                    "identifiant_facture_cpp": facture.identifiant_facture_cpp,
                    "numero_facture": numero,
                },
                reason=f"invoice {numero} found",
            )
    return Verdict(VerdictKind.ABSENT, reason=f"no invoice {numero}: it was not created")


def _status_arguments(entry: JournalEntry) -> dict[str, Any]:
    fields: dict[str, Any] = json.loads(entry.payload or b"{}")
    return fields


def _status_outcome(entry: JournalEntry, answer: WsRetourTraiterFacture) -> Outcome:
    return Outcome(
        reference=str(answer.id_facture or entry.meta["id_facture"]),
        result={
            "nouveau_statut": _code(answer.nouveau_statut or entry.meta["nouveau_statut"]),
            "date_traitement": (
                answer.date_traitement.isoformat() if answer.date_traitement else None
            ),
        },
    )


def _status_verdict(entry: JournalEntry, history: WsRetourConsulterHistoriqueFacture) -> Verdict:
    target = entry.meta["nouveau_statut"]
    reference = str(entry.meta["id_facture"])
    current = history.statut_courant_code
    if current is not None and _code(current) == target:
        return Verdict(
            VerdictKind.CONFIRMED,
            reference=reference,
            result={"nouveau_statut": target, "date_traitement": None},
            reason=f"the invoice is {target}",
        )
    since = entry.attempted_at - STATUS_DATE_MARGIN
    changes = (
        history.historiques_des_statuts.histo_statut if history.historiques_des_statuts else []
    )
    for change in changes:
        when = change.histo_statut_date_passage
        if change.histo_statut_code is None or _code(change.histo_statut_code) != target:
            continue
        if when is not None and _as_aware(when) >= since:
            return Verdict(
                VerdictKind.CONFIRMED,
                reference=reference,
                result={"nouveau_statut": target, "date_traitement": when.isoformat()},
                reason=f"the history shows {target} on {when.isoformat()}",
            )
    return Verdict(
        VerdictKind.ABSENT,
        reason=f"the invoice is {_code(current) if current else 'of unknown status'} and its "
        f"history shows no {target} since the attempt",
    )


def _french_utc_offset(local: datetime) -> timedelta:
    """The UTC offset of a French local time: +1 h, or +2 h in summer time.

    The European rule (in force since 1996): summer time from the last Sunday of March, when
    clocks jump from 02:00 to 03:00, to the last Sunday of October at 03:00, local times.
    Computed, so that no time-zone database is needed; in the hour repeated in October, the
    summer offset is taken.
    """
    start = _last_sunday(local.year, 3).replace(hour=3)
    end = _last_sunday(local.year, 10).replace(hour=3)
    summer = start <= local.replace(tzinfo=None) < end
    return timedelta(hours=2 if summer else 1)


def _last_sunday(year: int, month: int) -> datetime:
    last = datetime(year, month, 31)  # March and October have 31 days
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _as_aware(moment: datetime) -> datetime:
    """A Chorus Pro date: without an offset, it is French local time."""
    if moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone(_french_utc_offset(moment)))


# --- handlers ------------------------------------------------------------------------------


def chorus_handlers(
    client: ChorusPro, *, kinds: ChorusKinds | None = None, how: IntegrationWait | None = None
) -> dict[str, Handler]:
    """The handlers of the three Chorus Pro kinds, sending with ``client`` (blocking).

    Args:
        client: the client, with the technical account that sends.
        kinds: the kinds' namespace (``"chorus"`` by default).
        how: the clock and the integration delay of the reconcilers.
    """
    kinds = kinds or ChorusKinds()
    how = how or IntegrationWait()
    factures = client.factures

    def send_flux(entry: JournalEntry) -> Outcome:
        return _flux_outcome(factures.deposer_flux(**_flux_arguments(entry)))

    def search(numero: str, id_fournisseur: int | None = None) -> list[Any]:
        return factures.rechercher_fournisseur(
            numero_facture=numero, id_fournisseur=id_fournisseur, nb_resultats_par_page=_SEARCH_PAGE
        ).items

    def reconcile_flux(entry: JournalEntry) -> Verdict:
        found = [facture for numero in entry.meta["numeros_facture"] for facture in search(numero)]
        return _flux_verdict(entry, found, how)

    def send_submission(entry: JournalEntry) -> Outcome:
        facture = SoumettreFactureParam.model_validate_json(entry.payload or b"{}")
        return _submission_outcome(factures.soumettre(facture=facture))

    def reconcile_submission(entry: JournalEntry) -> Verdict:
        found = search(entry.meta["numero_facture"], entry.meta["id_fournisseur"])
        return _submission_verdict(entry, found)

    def send_status(entry: JournalEntry) -> Outcome:
        answer = factures.traiter_facture_recue(**_status_arguments(entry))
        return _status_outcome(entry, answer)

    def reconcile_status(entry: JournalEntry) -> Verdict:
        history = factures.consulter_historique(
            id_facture=entry.meta["id_facture"], statuts=_HISTORY_ORDER
        )
        return _status_verdict(entry, history)

    return {
        kinds.deposer_flux: Handler(send=send_flux, reconcile=reconcile_flux),
        kinds.soumettre: Handler(send=send_submission, reconcile=reconcile_submission),
        kinds.traiter_facture_recue: Handler(send=send_status, reconcile=reconcile_status),
    }


def async_chorus_handlers(
    client: AsyncChorusPro, *, kinds: ChorusKinds | None = None, how: IntegrationWait | None = None
) -> dict[str, AsyncHandler]:
    """The same as :func:`chorus_handlers`, awaited with an :class:`~demat_sdk.AsyncChorusPro`."""
    kinds = kinds or ChorusKinds()
    how = how or IntegrationWait()
    factures = client.factures

    async def send_flux(entry: JournalEntry) -> Outcome:
        return _flux_outcome(await factures.deposer_flux(**_flux_arguments(entry)))

    async def search(numero: str, id_fournisseur: int | None = None) -> list[Any]:
        page = await factures.rechercher_fournisseur(
            numero_facture=numero, id_fournisseur=id_fournisseur, nb_resultats_par_page=_SEARCH_PAGE
        )
        return page.items

    async def reconcile_flux(entry: JournalEntry) -> Verdict:
        found = [
            facture for numero in entry.meta["numeros_facture"] for facture in await search(numero)
        ]
        return _flux_verdict(entry, found, how)

    async def send_submission(entry: JournalEntry) -> Outcome:
        facture = SoumettreFactureParam.model_validate_json(entry.payload or b"{}")
        return _submission_outcome(await factures.soumettre(facture=facture))

    async def reconcile_submission(entry: JournalEntry) -> Verdict:
        found = await search(entry.meta["numero_facture"], entry.meta["id_fournisseur"])
        return _submission_verdict(entry, found)

    async def send_status(entry: JournalEntry) -> Outcome:
        answer = await factures.traiter_facture_recue(**_status_arguments(entry))
        return _status_outcome(entry, answer)

    async def reconcile_status(entry: JournalEntry) -> Verdict:
        history = await factures.consulter_historique(
            id_facture=entry.meta["id_facture"], statuts=_HISTORY_ORDER
        )
        return _status_verdict(entry, history)

    return {
        kinds.deposer_flux: AsyncHandler(send=send_flux, reconcile=reconcile_flux),
        kinds.soumettre: AsyncHandler(send=send_submission, reconcile=reconcile_submission),
        kinds.traiter_facture_recue: AsyncHandler(send=send_status, reconcile=reconcile_status),
    }


_HISTORY_ORDER = ParamRechercheHistoStatuts(
    nb_resultats_par_page_liste_histo_statut=_HISTORY_PAGE,
    tri_sens_liste_histo_statut="Descendant",
    tri_colonne_liste_histo_statut="HistoStatutDatePassage",
)
