"""``FakeHelios``: the Hélios "Guichet XML" emulator, its answers and its link to Chorus Pro.

A received file waits ``ack_delay`` seconds of the emulator clock, then goes through the checks
of :mod:`demat_sdk.testing.helios.checks` (box 1, then box 5). Only what is accepted is
integrated (bordereaux, pièces, PJ: the duplicate checks of later files see them); the
acquittement is written with :func:`demat_sdk.pes.acquit_to_bytes` and put in the outbox; an
empty flux, or a file that is not a readable ``PES_Aller``, gets no acquittement (its reason is
kept in :attr:`ReceivedFile.reason`). The ASAP of accepted titres of ``Edition`` 02 or 03 are
deposited in the :class:`~demat_sdk.testing.FakeChorusPro` of the same world
(:mod:`demat_sdk.testing.helios.chorus`). :meth:`FakeHelios.produce_retours` writes the
``PES_Retour`` of what was integrated since the last one; a ``PES_ACQUIT_RETOUR`` received
marks the returns it names as acknowledged.

Time: with a Chorus Pro emulator the processing is queued on its scheduler, so
``chorus.advance()`` makes it happen at its time; alone, :meth:`FakeHelios.advance` moves the
shared clock, and any look at the outbox processes what is due.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demat_sdk.errors import PesModelError, PesReadError
from demat_sdk.helios.asap import CHORUS_EDITIONS, AsapTitre
from demat_sdk.helios.channels import FileKind, detect_kind
from demat_sdk.pes.acquit import Acquit, acquit_to_bytes
from demat_sdk.pes.acquit.writer import unchecked_acquit_bytes
from demat_sdk.pes.models.pj import PieceJustificative
from demat_sdk.pes.retour import read_acquit_retour
from demat_sdk.testing.clock import FakeClock
from demat_sdk.testing.helios.checks import Integrated, Verdict, examine
from demat_sdk.testing.helios.chorus import ChorusBridge
from demat_sdk.testing.helios.referentiel import Budget, Domaine, Referentiel
from demat_sdk.testing.helios.retour import IntegratedBordereau, retour_file

if TYPE_CHECKING:
    from demat_sdk.testing.chorus import FakeChorusPro

__all__ = ["DEFAULT_ACK_DELAY", "AsapDeposit", "FakeHelios", "OutgoingFile", "ReceivedFile"]

DEFAULT_ACK_DELAY = 4 * 3600.0
"""Seconds between reception and acquittement by default (a night's batch is longer)."""


@dataclass(frozen=True)
class OutgoingFile:
    """A file Hélios sends back (an acquittement or a PES_Retour).

    Attributes:
        name: its file name.
        kind: ``ACQUIT`` or ``RETOUR``.
        content: its bytes.
        available_at: when it was made available.
    """

    name: str
    kind: FileKind
    content: bytes = field(repr=False)
    available_at: datetime


@dataclass
class ReceivedFile:
    """A file Hélios received, and what became of it.

    Attributes:
        name: its name on the channel.
        content: its bytes.
        received_at: when it arrived.
        due: the clock reading (``FakeClock.monotonic``) when it is processed.
        verdict: the checks' outcome, once processed.
        acquit: the name of the acquittement written, if one was.
    """

    name: str
    content: bytes = field(repr=False)
    received_at: datetime
    due: float
    verdict: Verdict | None = None
    acquit: str | None = None

    @property
    def processed(self) -> bool:
        """Whether the guichet processed it."""
        return self.verdict is not None

    @property
    def reason(self) -> str:
        """Why no acquittement was written (empty when one was, or not processed yet)."""
        return self.verdict.reason if self.verdict is not None else ""


@dataclass(frozen=True)
class AsapDeposit:
    """An ASAP Hélios deposited in Chorus Pro.

    Attributes:
        reference: ``exercice/bordereau/titre`` of the titre.
        numero_facture: its invoice number in Chorus Pro.
        id_facture: its ``idFacture`` in the Chorus Pro emulator.
        siret_debiteur: the debtor's SIRET.
    """

    reference: str
    numero_facture: str
    id_facture: int
    siret_debiteur: str


class FakeHelios:
    """An in-memory Hélios: checks PES_Aller files, answers them, forwards ASAP to Chorus Pro.

    Use it through :class:`~demat_sdk.testing.helios.FakeHeliosChannel` (what the library's
    :class:`~demat_sdk.helios.HeliosChannel` consumers see), or directly::

        chorus = FakeChorusPro.seeded()
        helios = FakeHelios.seeded(chorus)
        helios.receive(flux_bytes, "PESALR2_26130001600019_260105_001.xml")
        chorus.advance(helios.ack_delay)
        [ack] = helios.outbox()

    Args:
        referentiel: what the comptable's parameters hold (see
            :class:`~demat_sdk.testing.helios.Referentiel`).
        clock: the clock to live by (the Chorus Pro emulator's when one is given).
        chorus: the Chorus Pro emulator of the same world, where the ASAP go.
        xsd_dir: a PES V2 schema set (the folder holding ``PES_V2/Rev0/PES_Aller.xsd``): box 1
            then checks each file against it.
        ack_delay: seconds between reception and processing (acquittement, ASAP deposit).
    """

    def __init__(
        self,
        referentiel: Referentiel,
        *,
        clock: FakeClock | None = None,
        chorus: FakeChorusPro | None = None,
        xsd_dir: str | PathLike[str] | None = None,
        ack_delay: float = DEFAULT_ACK_DELAY,
    ) -> None:
        if ack_delay < 0:
            raise ValueError("ack_delay is a number of seconds, not negative")
        if chorus is not None and clock is not None and clock is not chorus.clock:
            raise ValueError("FakeHelios and its FakeChorusPro share one clock")
        self.referentiel = referentiel
        self.chorus = chorus
        self.clock = clock or (chorus.clock if chorus is not None else FakeClock())
        self.xsd_dir = Path(xsd_dir) if xsd_dir is not None else None
        self.ack_delay = ack_delay
        self.integrated = Integrated()
        """The keys of everything integrated (what the duplicate checks see)."""
        self.received: list[ReceivedFile] = []
        """Every file received, in order, with its outcome."""
        self.asap_deposits: list[AsapDeposit] = []
        """The ASAP deposited in Chorus Pro, in order."""
        self.acknowledged_retours: set[str] = set()
        """Names of the PES_Retour it emitted that a ``PES_ACQUIT_RETOUR`` acknowledged."""
        self._outbox: list[OutgoingFile] = []
        self._to_return: list[IntegratedBordereau] = []
        self._documents: dict[tuple[str, str], PieceJustificative] = {}
        self._bridge = ChorusBridge(chorus) if chorus is not None else None
        self._serial = itertools.count(1)
        # One lock for the world: the Chorus Pro emulator's when there is one (its scheduler
        # runs the processing), else the emulator's own.
        self._lock = chorus.state.lock if chorus is not None else threading.RLock()

    @classmethod
    def seeded(
        cls,
        chorus: FakeChorusPro | None = None,
        *,
        clock: FakeClock | None = None,
        xsd_dir: str | PathLike[str] | None = None,
        ack_delay: float = DEFAULT_ACK_DELAY,
    ) -> FakeHelios:
        """An emulator with :meth:`Referentiel.seeded`, in the world of ``chorus`` if given.

        The other arguments are the constructor's.
        """
        return cls(
            Referentiel.seeded(), chorus=chorus, clock=clock, xsd_dir=xsd_dir, ack_delay=ack_delay
        )

    def __repr__(self) -> str:
        return (
            f"FakeHelios(received={len(self.received)}, outbox={len(self._outbox)}, "
            f"chorus={self.chorus is not None})"
        )

    # --- reception -------------------------------------------------------------------------

    def receive(self, content: bytes, name: str) -> ReceivedFile:
        """Take a file: a PES_Aller is processed after ``ack_delay``; a PES_ACQUIT_RETOUR now.

        Returns:
            The record of the file (its outcome appears once processed).
        """
        with self._lock:
            received = ReceivedFile(
                name, content, self.clock.now(), self.clock.monotonic() + self.ack_delay
            )
            self.received.append(received)
            if detect_kind(content) is FileKind.ACQUIT_RETOUR:
                received.due = self.clock.monotonic()
                self._process(received)
                return received
            if self.chorus is not None:
                self.chorus.state.scheduler.after(
                    self.ack_delay, lambda: bool(self.run_due()), f"Hélios: traitement de {name}"
                )
            return received

    def advance(self, seconds: float) -> list[str]:
        """Move the shared clock (through the Chorus Pro emulator when there is one)."""
        if self.chorus is not None:
            return self.chorus.advance(seconds)
        self.clock.advance(seconds)
        return self.run_due()

    def run_due(self) -> list[str]:
        """Process every received file whose time has come; what was done."""
        with self._lock:
            now = self.clock.monotonic()
            return [
                self._process(received)
                for received in self.received
                if not received.processed and received.due <= now
            ]

    def outbox(self) -> list[OutgoingFile]:
        """Every file Hélios made available so far (after processing what is due)."""
        with self._lock:
            self.run_due()
            return list(self._outbox)

    # --- processing ------------------------------------------------------------------------

    def _process(self, received: ReceivedFile) -> str:
        if detect_kind(received.content) is FileKind.ACQUIT_RETOUR:
            return self._acquit_retour(received)
        verdict = examine(
            received.content,
            self.referentiel,
            self.integrated,
            xsd_dir=self.xsd_dir,
            asap_check=self._bridge.check if self._bridge is not None else None,
        )
        received.verdict = verdict
        if not verdict.elements or verdict.flux is None:
            return f"Hélios: {received.name} gets no acquittement ({verdict.reason})"
        if verdict.budget is not None:
            self._integrate(verdict, verdict.budget)
        acquit = Acquit(
            enveloppe=verdict.flux.enveloppe,
            en_tete=verdict.flux.en_tete,
            elements=verdict.elements,
        )
        name = self._ack_name(verdict.flux.en_tete.code_poste, verdict.flux.enveloppe.nom_fichier)
        try:
            content = acquit_to_bytes(acquit)
        except PesModelError:
            # The copied Enveloppe or EnTetePES breaks the ACK schema (a flux refused in box 1
            # for that very reason): Hélios copies it anyway, and so does the emulator.
            content = unchecked_acquit_bytes(acquit, "ISO-8859-1")
        self._outbox.append(OutgoingFile(name, FileKind.ACQUIT, content, self.clock.now()))
        received.acquit = name
        rejected = sum(1 for element in verdict.elements if not element.etat)
        return f"Hélios: {received.name} acquitted ({rejected} rejected of {len(verdict.elements)})"

    def _acquit_retour(self, received: ReceivedFile) -> str:
        try:
            acquit_retour = read_acquit_retour(received.content)
        except (PesReadError, PesModelError) as exc:
            received.verdict = Verdict(None, reason=f"unreadable PES_ACQUIT_RETOUR: {exc}")
            return f"Hélios: {received.name} is not a readable PES_ACQUIT_RETOUR"
        emitted = {file.name for file in self._outbox if file.kind is FileKind.RETOUR}
        names = {element.nom_fichier_retour for element in acquit_retour.elements}
        self.acknowledged_retours |= names & emitted
        unknown = sorted(names - emitted)
        reason = "PES_ACQUIT_RETOUR: no acquittement due"
        if unknown:
            reason += f"; returns never emitted: {', '.join(unknown)}"
        received.verdict = Verdict(None, reason=reason)
        return f"Hélios: {received.name} acknowledges {', '.join(sorted(names & emitted))}"

    def _ack_name(self, poste: str, nom_fichier: str) -> str:
        stem = nom_fichier[:-4] if nom_fichier.lower().endswith(".xml") else nom_fichier
        return f"{poste}_{self.clock.now():%y%m%d%H%M%S}-ACK-{next(self._serial):04d}-{stem}.xml"

    def _integrate(self, verdict: Verdict, budget: Budget) -> None:
        integrated = self.integrated
        code = budget.code_collectivite + budget.code_budget
        for pj in verdict.pieces_justificatives:
            integrated.pieces_justificatives.add((budget.siret, pj.id_unique))
            self._documents[(budget.siret, pj.id_unique)] = pj
        now = self.clock.now()
        for domaine, bordereau in verdict.bordereaux:
            integrated.bordereaux.add(
                (
                    budget.siret,
                    code,
                    domaine,
                    bordereau.exercice,
                    bordereau.type.value,
                    bordereau.numero,
                )
            )
            pieces = bordereau.mandats if domaine == "depense" else bordereau.titres
            for piece in pieces:
                integrated.pieces.add(
                    (budget.siret, code, domaine, bordereau.exercice, piece.numero)
                )
            self._to_return.append(IntegratedBordereau(budget, domaine, bordereau, now))
            if domaine == "recette":
                self._forward_asap(verdict, budget, bordereau)

    def _forward_asap(self, verdict: Verdict, budget: Budget, bordereau: Any) -> None:
        if self._bridge is None or verdict.flux is None:
            return
        for titre in bordereau.titres:
            if titre.edition not in CHORUS_EDITIONS:
                continue
            documents = tuple(
                self._documents[(budget.siret, ref.id_unique)]
                for ref in titre.pj_refs
                if (budget.siret, ref.id_unique) in self._documents
            )
            asap = AsapTitre(verdict.flux.enveloppe.nom_fichier, bordereau, titre, documents)
            record = self._bridge.deposit(budget, asap, bordereau.date_emission)
            self.asap_deposits.append(
                AsapDeposit(asap.reference, record.numero, record.id, asap.siret_debiteur or "")
            )

    # --- returns ---------------------------------------------------------------------------

    def produce_retours(self, *, paid: bool = False) -> list[OutgoingFile]:
        """Write the PES_Retour of what was integrated since the last ones, and put them out.

        One file per budget and domain. Args: ``paid`` records each dépense line as paid.

        Returns:
            The files made available (none when nothing was integrated since).
        """
        with self._lock:
            self.run_due()
            groups: dict[tuple[tuple[str, str, str], Domaine], list[IntegratedBordereau]] = {}
            for integrated in self._to_return:
                key = (integrated.budget.key, integrated.domaine)
                groups.setdefault(key, []).append(integrated)
            self._to_return = []
            made = []
            now = self.clock.now()
            taken = {file.name for file in self._outbox}
            for (_, domaine), bordereaux in groups.items():
                stamp = now
                name, data = retour_file(
                    bordereaux[0].budget, domaine, bordereaux, stamp, paid=paid
                )
                while name in taken:  # a name is never reused: the next second
                    stamp += timedelta(seconds=1)
                    name, data = retour_file(
                        bordereaux[0].budget, domaine, bordereaux, stamp, paid=paid
                    )
                taken.add(name)
                made.append(OutgoingFile(name, FileKind.RETOUR, data, now))
            self._outbox.extend(made)
            return made
