"""What the follow-up knows about each thing the hospital sent."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from demat_sdk.chorus.enums import StatutFacture

__all__ = ["Observation", "SentItem", "SentKind", "StallReason", "Stalled"]


class SentKind(str, enum.Enum):
    """How the item left the hospital."""

    FACTURE_CHORUS = "FACTURE_CHORUS"
    """An invoice deposited directly in Chorus Pro (flux or saisie API)."""
    ASAP_HELIOS = "ASAP_HELIOS"
    """An ASAP carried by a titre (Edition 02) that Hélios forwards to Chorus Pro."""


@dataclass(frozen=True)
class Observation:
    """A state of an item as seen in Chorus Pro at one moment.

    Attributes:
        at: when it was seen.
        statut: the invoice status, or ``None`` when the invoice is not (yet) in Chorus Pro.
        identifiant_facture_cpp: Chorus Pro's id of the invoice, once known.
        telechargee_par_destinataire: whether the recipient downloaded it
            (``factureTelechargeeParDestinataire``), if known.
        commentaire: the comment of the current status (motif of a suspension…).
    """

    at: datetime
    statut: StatutFacture | None
    identifiant_facture_cpp: int | None = None
    telechargee_par_destinataire: bool | None = None
    commentaire: str | None = None


@dataclass(frozen=True)
class SentItem:
    """One invoice or ASAP sent, with every state observed since.

    Attributes:
        id: the follow-up's own number.
        kind: how it left.
        numero_facture: the invoice number (for an ASAP, the titre's ``NumeroFacture``).
        siret_destinataire: the public debtor or recipient.
        code_service: the recipient's service code, if any.
        numero_engagement: the engagement juridique given, if any.
        montant_ttc: amount, for the support request text.
        sent_at: when it left.
        numero_flux_depot: the Chorus Pro flux number, for a deposit.
        nom_fic: the PES file's NomFic, for an ASAP.
        titre: ``"exercice/bordereau/titre"`` of the ASAP's titre.
        observations: states seen, oldest first.
    """

    id: int
    kind: SentKind
    numero_facture: str
    siret_destinataire: str
    sent_at: datetime
    code_service: str | None = None
    numero_engagement: str | None = None
    montant_ttc: str | None = None
    numero_flux_depot: str | None = None
    nom_fic: str | None = None
    titre: str | None = None
    observations: tuple[Observation, ...] = field(default=())

    @property
    def last(self) -> Observation | None:
        """The latest observation, if any."""
        return self.observations[-1] if self.observations else None

    @property
    def identifiant_facture_cpp(self) -> int | None:
        """Chorus Pro's id of the invoice, once it was seen there."""
        for observation in reversed(self.observations):
            if observation.identifiant_facture_cpp is not None:
                return observation.identifiant_facture_cpp
        return None

    def since(self, statut: StatutFacture) -> datetime | None:
        """When the item entered ``statut`` for the last time, if it is in it now."""
        entered: datetime | None = None
        for observation in self.observations:
            in_statut = observation.statut is statut
            entered = (entered or observation.at) if in_statut else None
        return entered


class StallReason(str, enum.Enum):
    """Why an item needs attention."""

    ASAP_NON_INTEGREE = "ASAP_NON_INTEGREE"
    """An ASAP not found in Chorus Pro N days after it was sent through Hélios."""
    JAMAIS_TELECHARGEE = "JAMAIS_TELECHARGEE"
    """Made available but never downloaded by its recipient."""
    SUSPENDUE_EN_ATTENTE = "SUSPENDUE_EN_ATTENTE"
    """Suspended by the recipient and not completed within the allowed delay."""
    A_RECYCLER_EN_ATTENTE = "A_RECYCLER_EN_ATTENTE"
    """Returned for recycling and not recycled within the allowed delay."""


@dataclass(frozen=True)
class Stalled:
    """An item that needs attention, and why."""

    item: SentItem
    reason: StallReason
    days: int
    """How many days it has been in that situation."""
