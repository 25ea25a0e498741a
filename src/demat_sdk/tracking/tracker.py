"""Follow-up of what the hospital sent: states over time, what is stuck, support requests.

:class:`Tracker` keeps, in one SQLite file, every invoice deposited in Chorus Pro and every ASAP
sent through Hélios, with each state observed since. What was sent is recorded from what the
hospital holds: a ``soumettreFacture`` request and its receipt (:meth:`Tracker.record_soumission`),
a deposited flux and its receipt (:meth:`Tracker.record_flux`), a PES flux whose titres carry ASAP
for Chorus Pro (:meth:`Tracker.record_asap`). :meth:`Tracker.stalled` lists what needs a
human: an ASAP that never reached Chorus Pro, an invoice never downloaded by its recipient, an
invoice left suspended or to recycle beyond the allowed delay. :func:`sollicitation` writes the
text of the support request, with the identifiers support needs.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from typing_extensions import Self

from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.files import FileInput
from demat_sdk.chorus.models.factures_emission import (
    SoumettreFactureDestinataire,
    SoumettreFactureMontantTotal,
    SoumettreFactureParam,
    SoumettreFactureReferences,
    WsRetourDeposerFluxFacture,
    WsRetourSoumettreFacture,
)
from demat_sdk.errors import InvalidRequestError
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.preflight.documents import (
    OutgoingInvoice,
    invoice_of_soumission,
    invoices_in_flux,
    invoices_of_pes,
)
from demat_sdk.tracking.records import (
    Observation,
    SentItem,
    SentKind,
    Stalled,
    StallReason,
)

__all__ = ["StatusSource", "Tracker", "sollicitation"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sent_item (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT NOT NULL,
    numero_facture      TEXT NOT NULL,
    siret_destinataire  TEXT NOT NULL,
    code_service        TEXT,
    numero_engagement   TEXT,
    montant_ttc         TEXT,
    sent_at             TEXT NOT NULL,
    numero_flux_depot   TEXT,
    nom_fic             TEXT,
    titre               TEXT,
    UNIQUE (kind, numero_facture, siret_destinataire)
);
CREATE TABLE IF NOT EXISTS observation (
    item_id                 INTEGER NOT NULL REFERENCES sent_item (id),
    at                      TEXT NOT NULL,
    statut                  TEXT,
    identifiant_facture_cpp INTEGER,
    telechargee             INTEGER,
    commentaire             TEXT
);
CREATE INDEX IF NOT EXISTS observation_item ON observation (item_id, at);
"""

_SELECT_ITEMS = (
    "SELECT id, kind, numero_facture, siret_destinataire, code_service, numero_engagement, "
    "montant_ttc, sent_at, numero_flux_depot, nom_fic, titre FROM sent_item"
)


class StatusSource(Protocol):
    """Where the current state of a sent item is read (Chorus Pro, or its emulator)."""

    def observe(self, item: SentItem, now: datetime) -> Observation:
        """The state of ``item`` in Chorus Pro now."""
        ...


class Tracker:
    """The follow-up store.

    Args:
        path: the SQLite file (created if missing), or ``":memory:"``.
        clock: returns the current time (timezone-aware).
    """

    def __init__(
        self, path: str | Path = ":memory:", *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.path = str(path)
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def __repr__(self) -> str:
        return f"Tracker({self.path!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        with self._lock:
            self._db.close()

    # --- recording ---------------------------------------------------------------------------

    def record(
        self,
        kind: SentKind,
        *,
        numero_facture: str,
        siret_destinataire: str,
        code_service: str | None = None,
        numero_engagement: str | None = None,
        montant_ttc: str | None = None,
        numero_flux_depot: str | None = None,
        nom_fic: str | None = None,
        titre: str | None = None,
        sent_at: datetime | None = None,
    ) -> SentItem:
        """Record an item sent; the same invoice number to the same SIRET is one item."""
        when = (sent_at or self._clock()).isoformat()
        with self._lock:
            self._db.execute(
                "INSERT INTO sent_item (kind, numero_facture, siret_destinataire, code_service, "
                "numero_engagement, montant_ttc, sent_at, numero_flux_depot, nom_fic, titre) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (kind, numero_facture, siret_destinataire) DO NOTHING",
                (
                    kind.value,
                    numero_facture,
                    siret_destinataire,
                    code_service,
                    numero_engagement,
                    montant_ttc,
                    when,
                    numero_flux_depot,
                    nom_fic,
                    titre,
                ),
            )
            row = self._db.execute(
                _SELECT_ITEMS + " WHERE kind = ? AND numero_facture = ? AND siret_destinataire = ?",
                (kind.value, numero_facture, siret_destinataire),
            ).fetchone()
        return self._item(row)

    def record_soumission(
        self,
        receipt: WsRetourSoumettreFacture,
        facture: SoumettreFactureParam | None = None,
        *,
        numero_facture_saisi: str | None = None,
        destinataire: SoumettreFactureDestinataire | None = None,
        references: SoumettreFactureReferences | None = None,
        montant_total: SoumettreFactureMontantTotal | None = None,
        sent_at: datetime | None = None,
    ) -> SentItem:
        """Record an invoice sent with ``soumettreFacture``, and the state its receipt gives.

        Args:
            receipt: what ``client.factures.soumettre(...)`` returned.
            facture: the request sent, or its parts (``destinataire``, ``references``…) as
                given to ``soumettre``.
            numero_facture_saisi: see ``facture``.
            destinataire: see ``facture``.
            references: see ``facture``.
            montant_total: see ``facture``.
            sent_at: when it was sent (now by default).

        Raises:
            InvalidRequestError: no invoice number (neither in the request nor in the receipt)
                or no recipient SIRET.
        """
        invoice = invoice_of_soumission(
            facture,
            numero_facture_saisi=numero_facture_saisi,
            destinataire=destinataire,
            references=references,
            montant_total=montant_total,
        )
        if invoice.numero_facture is None and receipt.numero_facture:
            invoice = dataclasses.replace(invoice, numero_facture=receipt.numero_facture)
        when = sent_at or self._clock()
        (item,) = self._record_invoices(SentKind.FACTURE_CHORUS, [invoice], when)
        if receipt.identifiant_facture_cpp is not None or receipt.statut_facture is not None:
            item = self.observe(
                item.id,
                Observation(when, receipt.statut_facture, receipt.identifiant_facture_cpp),
            )
        return item

    def record_flux(
        self,
        receipt: WsRetourDeposerFluxFacture,
        fichier: FileInput,
        *,
        nom_fichier: str | None = None,
        sent_at: datetime | None = None,
    ) -> list[SentItem]:
        """Record each invoice of a flux deposited with ``deposerFluxFacture``.

        Args:
            receipt: what ``client.factures.deposer_flux(...)`` returned (its
                ``numero_flux_depot`` is kept with each invoice).
            fichier: the flux deposited (UBL, CII, or a ``.tar.gz`` of them), bytes or path.
            nom_fichier: its name, for the messages.
            sent_at: when it was sent (now by default).

        Raises:
            InvalidRequestError: the flux cannot be read, or an invoice has no number or no
                recipient SIRET; nothing is recorded then.
        """
        invoices = invoices_in_flux(fichier, nom_fichier=nom_fichier)
        return self._record_invoices(
            SentKind.FACTURE_CHORUS,
            invoices,
            sent_at or self._clock(),
            numero_flux_depot=receipt.numero_flux_depot,
        )

    def record_asap(self, pes: PesAller, *, sent_at: datetime | None = None) -> list[SentItem]:
        """Record each ASAP a PES flux sends through Chorus Pro (titres of ``Edition`` 02, 03).

        Each item keeps the flux's ``NomFic`` and the titre's ``exercice/bordereau/titre``.

        Args:
            pes: the flux sent to Hélios.
            sent_at: when it was sent (now by default).

        Raises:
            InvalidRequestError: a titre has no ``NumeroFacture`` or no debtor SIRET; nothing is
                recorded then.
        """
        return self._record_invoices(
            SentKind.ASAP_HELIOS,
            invoices_of_pes(pes),
            sent_at or self._clock(),
            nom_fic=pes.enveloppe.nom_fichier,
        )

    def _record_invoices(
        self,
        kind: SentKind,
        invoices: list[OutgoingInvoice],
        sent_at: datetime,
        *,
        numero_flux_depot: str | None = None,
        nom_fic: str | None = None,
    ) -> list[SentItem]:
        for invoice in invoices:
            missing = [
                name
                for name, value in (
                    ("numero_facture", invoice.numero_facture),
                    ("siret_destinataire", invoice.siret_destinataire),
                )
                if not value
            ]
            if missing:
                raise InvalidRequestError(
                    f"{invoice.where}: cannot be followed without {' and '.join(missing)}",
                    field=missing[0],
                )
        return [
            self.record(
                kind,
                numero_facture=invoice.numero_facture or "",
                siret_destinataire=invoice.siret_destinataire or "",
                code_service=invoice.code_service,
                numero_engagement=invoice.numero_engagement,
                montant_ttc=None if invoice.montant_ttc is None else str(invoice.montant_ttc),
                numero_flux_depot=numero_flux_depot,
                nom_fic=nom_fic,
                titre=invoice.titre,
                sent_at=sent_at,
            )
            for invoice in invoices
        ]

    def observe(self, item_id: int, observation: Observation) -> SentItem:
        """Add a state seen for an item; a state identical to the last one is not repeated."""
        item = self.get(item_id)
        last = item.last
        unchanged = last is not None and (
            last.statut,
            last.identifiant_facture_cpp,
            last.telechargee_par_destinataire,
        ) == (
            observation.statut,
            observation.identifiant_facture_cpp,
            observation.telechargee_par_destinataire,
        )
        if not unchanged:
            with self._lock:
                self._db.execute(
                    "INSERT INTO observation (item_id, at, statut, identifiant_facture_cpp, "
                    "telechargee, commentaire) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        item_id,
                        observation.at.isoformat(),
                        None if observation.statut is None else observation.statut.value,
                        observation.identifiant_facture_cpp,
                        None
                        if observation.telechargee_par_destinataire is None
                        else int(observation.telechargee_par_destinataire),
                        observation.commentaire,
                    ),
                )
        return self.get(item_id)

    def refresh(self, source: StatusSource) -> list[SentItem]:
        """Ask ``source`` for the state of every item not yet settled; returns the items."""
        now = self._clock()
        return [
            self.observe(item.id, source.observe(item, now))
            for item in self.items()
            if not _settled(item)
        ]

    # --- reading -----------------------------------------------------------------------------

    def get(self, item_id: int) -> SentItem:
        """The item with this id (``KeyError`` if none)."""
        with self._lock:
            row = self._db.execute(
                _SELECT_ITEMS + " WHERE id = ?",
                (item_id,),
            ).fetchone()
        if row is None:
            raise KeyError(item_id)
        return self._item(row)

    def items(self, kind: SentKind | None = None) -> list[SentItem]:
        """Every item, oldest first, optionally of one kind."""
        query = _SELECT_ITEMS
        params: tuple[Any, ...] = ()
        if kind is not None:
            query += " WHERE kind = ?"
            params = (kind.value,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id", params).fetchall()
        return [self._item(row) for row in rows]

    def stalled(
        self,
        *,
        asap_integration_days: int = 5,
        download_days: int = 10,
        acknowledgement_days: int = 7,
        now: datetime | None = None,
    ) -> list[Stalled]:
        """Items that need a human, with the reason and for how long.

        Args:
            asap_integration_days: an ASAP not in Chorus Pro after this many days is flagged.
            download_days: an invoice available but not downloaded after this many days is
                flagged.
            acknowledgement_days: an invoice left ``SUSPENDUE`` or ``A_RECYCLER`` longer than
                this (the seven days the rules allow) is flagged.
            now: the reference time (the tracker's clock by default).
        """
        current = now or self._clock()
        found: list[Stalled] = []
        for item in self.items():
            found.extend(
                _stalls(item, current, asap_integration_days, download_days, acknowledgement_days)
            )
        return found

    def _item(self, row: tuple[Any, ...]) -> SentItem:
        (
            item_id,
            kind,
            numero,
            siret,
            code_service,
            engagement,
            montant,
            sent_at,
            flux,
            nom_fic,
            titre,
        ) = row
        with self._lock:
            rows = self._db.execute(
                "SELECT at, statut, identifiant_facture_cpp, telechargee, commentaire "
                "FROM observation WHERE item_id = ? ORDER BY at, rowid",
                (item_id,),
            ).fetchall()
        observations = tuple(
            Observation(
                at=datetime.fromisoformat(at),
                statut=None if statut is None else StatutFacture(statut),
                identifiant_facture_cpp=id_cpp,
                telechargee_par_destinataire=None if telechargee is None else bool(telechargee),
                commentaire=commentaire,
            )
            for at, statut, id_cpp, telechargee, commentaire in rows
        )
        return SentItem(
            id=item_id,
            kind=SentKind(kind),
            numero_facture=numero,
            siret_destinataire=siret,
            code_service=code_service,
            numero_engagement=engagement,
            montant_ttc=montant,
            sent_at=datetime.fromisoformat(sent_at),
            numero_flux_depot=flux,
            nom_fic=nom_fic,
            titre=titre,
            observations=observations,
        )


_SETTLED = frozenset(
    {
        StatutFacture.MISE_EN_PAIEMENT,
        StatutFacture.REJETEE,
        StatutFacture.SUPPRIMEE,
        StatutFacture.ABANDONNEE,
    }
)


def _settled(item: SentItem) -> bool:
    last = item.last
    return last is not None and last.statut in _SETTLED


def _stalls(
    item: SentItem, now: datetime, asap_days: int, download_days: int, ack_days: int
) -> Iterable[Stalled]:
    last = item.last
    age = (now - item.sent_at).days
    if item.kind is SentKind.ASAP_HELIOS and item.identifiant_facture_cpp is None:
        if age > asap_days:
            yield Stalled(item, StallReason.ASAP_NON_INTEGREE, age)
        return
    if last is None or last.statut is None:
        return
    for statut, reason in (
        (StatutFacture.SUSPENDUE, StallReason.SUSPENDUE_EN_ATTENTE),
        (StatutFacture.A_RECYCLER, StallReason.A_RECYCLER_EN_ATTENTE),
    ):
        entered = item.since(statut)
        if entered is not None and (now - entered).days > ack_days:
            yield Stalled(item, reason, (now - entered).days)
    available = item.since(StatutFacture.MISE_A_DISPOSITION)
    if (
        available is not None
        and last.telechargee_par_destinataire is False
        and (now - available).days > download_days
    ):
        yield Stalled(item, StallReason.JAMAIS_TELECHARGEE, (now - available).days)


_SUBJECTS = {
    StallReason.ASAP_NON_INTEGREE: "ASAP transmis par Hélios non intégré dans Chorus Pro",
    StallReason.JAMAIS_TELECHARGEE: "Facture mise à disposition jamais téléchargée",
    StallReason.SUSPENDUE_EN_ATTENTE: "Facture suspendue sans suite",
    StallReason.A_RECYCLER_EN_ATTENTE: "Facture à recycler sans suite",
}


def sollicitation(stalled: Stalled, *, emetteur: str) -> str:
    """The text of a support request (sollicitation Chorus Pro) for a stalled item, in French.

    Args:
        stalled: the item and why it is stalled.
        emetteur: who writes (the hospital and its SIRET), for the signature line.
    """
    item = stalled.item
    lines = [
        f"Objet : {_SUBJECTS[stalled.reason]} — facture {item.numero_facture}",
        "",
        "Bonjour,",
        "",
        f"La facture {item.numero_facture} adressée au SIRET {item.siret_destinataire}"
        + (f" (code service {item.code_service})" if item.code_service else "")
        + f" a été émise le {item.sent_at:%d/%m/%Y}"
        + (" via Hélios (ASAP, Édition 02)." if item.kind is SentKind.ASAP_HELIOS else "."),
    ]
    situation = {
        StallReason.ASAP_NON_INTEGREE: f"Elle n'apparaît pas dans Chorus Pro {stalled.days} jours "
        "après sa transmission.",
        StallReason.JAMAIS_TELECHARGEE: f"Elle est mise à disposition depuis {stalled.days} jours "
        "sans avoir été téléchargée par le destinataire.",
        StallReason.SUSPENDUE_EN_ATTENTE: f"Elle est suspendue depuis {stalled.days} jours.",
        StallReason.A_RECYCLER_EN_ATTENTE: f"Elle est à recycler depuis {stalled.days} jours.",
    }[stalled.reason]
    lines.append(situation)
    lines += ["", "Identifiants utiles :"]
    identifiers = [
        ("Numéro de facture", item.numero_facture),
        ("SIRET destinataire", item.siret_destinataire),
        ("Code service", item.code_service),
        ("Numéro d'engagement", item.numero_engagement),
        ("Montant TTC", item.montant_ttc),
        ("Identifiant Chorus Pro", item.identifiant_facture_cpp),
        ("Numéro de flux de dépôt", item.numero_flux_depot),
        ("Nom du fichier PES (NomFic)", item.nom_fic),
        ("Titre (exercice/bordereau/titre)", item.titre),
    ]
    lines += [f"- {label} : {value}" for label, value in identifiers if value is not None]
    if item.last is not None and item.last.statut is not None:
        lines.append(f"- Dernier statut connu : {item.last.statut.value} ({item.last.at:%d/%m/%Y})")
        if item.last.commentaire:
            lines.append(f"- Commentaire du statut : {item.last.commentaire}")
    lines += ["", "Pouvez-vous nous indiquer la suite donnée ?", "", f"Cordialement,\n{emetteur}"]
    return "\n".join(lines)
