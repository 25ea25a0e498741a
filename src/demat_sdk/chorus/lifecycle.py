"""The invoice lifecycle of Chorus Pro: who may move an invoice from which status to which.

One table, :data:`TRANSITIONS`, read by the client (to refuse a status change before sending it)
and by the emulator (to decide what it accepts): never copy it. Pure data and functions, no I/O.

The table covers simple invoices (cadres A1, A2) and the validation circuit (A9 sous-traitant,
A12 cotraitant); works invoices (MOE/MOA circuits) are not described. Sources: the official
Swagger (``traiterFactureRecue``: motif mandatory for rejet and suspension), the official
example of ``recupererEtatsPossiblesPourTraitement`` for ``MISE_A_DISPOSITION``, and the Chorus
Pro community pages on returned invoices (suspension, rejet, recyclage) and on the statuses set by
Hélios. Two points are inferences, kept explicit here:

* ``SERVICE_FAIT`` is offered to the recipient (it is in the enumeration and in recent client
  mappings, not in the 2016 official example);
* the recipient keeps the same choices on a ``COMPLETEE`` or ``SERVICE_FAIT`` invoice as on a
  ``MISE_A_DISPOSITION`` one (without going back to ``MISE_A_DISPOSITION``).

A structure whose directory entry says ``statutMiseEnPaiementNestPasRemonte`` never reports
``MISE_EN_PAIEMENT``: :func:`etats_possibles_pour_traitement` leaves it out for such recipients.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from demat_sdk.chorus.enums import StatutFacture

__all__ = [
    "MOTIF_REQUIRED",
    "RECIPIENT_TO_PROCESS",
    "SUPPLIER_TO_PROCESS",
    "TERMINAL",
    "TRANSITIONS",
    "Actor",
    "Transition",
    "TransitionRefusal",
    "etats_possibles_pour_traitement",
    "find_transition",
    "refusal",
    "transitions_from",
]

S = StatutFacture


class Actor(enum.Enum):
    """Who moves an invoice."""

    SUPPLIER = "fournisseur"
    """The supplier (fournisseur): completes, recycles, corrects the validator."""
    RECIPIENT = "destinataire"
    """The recipient public structure (destinataire): ``traiterFactureRecue``."""
    VALIDATOR = "valideur"
    """The validator of a sous-traitant or cotraitant invoice: ``traiterFactureAValider``."""
    SYSTEM = "systeme"
    """Chorus Pro itself, and Hélios / the public accountant for the statuses after mandatement."""


@dataclass(frozen=True)
class Transition:
    """One allowed move of an invoice.

    Attributes:
        source: status the invoice is in.
        target: status it moves to.
        actor: who may make the move.
        operation: the Chorus Pro operation that makes it (``None`` for moves of the system).
        motif_required: whether the move must give a motif (rejet, suspension, refus).
    """

    source: StatutFacture
    target: StatutFacture
    actor: Actor
    operation: str | None
    motif_required: bool = False


MOTIF_REQUIRED: frozenset[StatutFacture] = frozenset(
    {S.SUSPENDUE, S.REJETEE, S.REFUSEE_1, S.REFUSEE_2}
)
"""Statuses that can only be given with a motif (free text)."""

_TRAITER = "traiterFactureRecue"
_VALIDER = "traiterFactureAValider"

# The recipient's choices from an invoice waiting for processing, in the order of the official
# example of recupererEtatsPossiblesPourTraitement (plus SERVICE_FAIT).
_RECIPIENT_CHOICES = (
    S.SUSPENDUE,
    S.REJETEE,
    S.SERVICE_FAIT,
    S.MANDATEE,
    S.MISE_EN_PAIEMENT,
    S.COMPTABILISEE,
    S.MISE_A_DISPOSITION_COMPTABLE,
    S.A_RECYCLER,
)

# After mandatement, each later status is optional and may be skipped.
_AFTER_MANDAT = (S.MANDATEE, S.MISE_A_DISPOSITION_COMPTABLE, S.COMPTABILISEE, S.MISE_EN_PAIEMENT)


def _recipient(source: StatutFacture, targets: Iterable[StatutFacture]) -> list[Transition]:
    return [
        Transition(source, target, Actor.RECIPIENT, _TRAITER, target in MOTIF_REQUIRED)
        for target in targets
        if target is not source
    ]


def _build() -> tuple[Transition, ...]:
    table: list[Transition] = [
        # The official example lists the current status among the choices: the recipient may
        # confirm MISE_A_DISPOSITION (it is kept in the history).
        Transition(S.MISE_A_DISPOSITION, S.MISE_A_DISPOSITION, Actor.RECIPIENT, _TRAITER),
    ]
    for source in (S.MISE_A_DISPOSITION, S.COMPLETEE, S.SERVICE_FAIT):
        table += _recipient(source, _RECIPIENT_CHOICES)
    for index, source in enumerate(_AFTER_MANDAT[:-1]):
        later = _AFTER_MANDAT[index + 1 :]
        table += _recipient(source, later)
        table += [Transition(source, target, Actor.SYSTEM, None) for target in later]
    table += [
        # supplier
        Transition(S.SUSPENDUE, S.COMPLETEE, Actor.SUPPLIER, "completerFacture"),
        Transition(S.A_RECYCLER, S.DEPOSEE, Actor.SUPPLIER, "recyclerFacture"),
        Transition(S.INTERPRETEE_OCR, S.DEPOSEE, Actor.SUPPLIER, "soumettreFacture"),
        Transition(
            S.ERREUR_FOURNISSEUR_SUR_VALIDEUR,
            S.A_VALIDER_1,
            Actor.SUPPLIER,
            "corrigerValideurFacture",
        ),
        # validators (sous-traitant A9, cotraitant A12)
        Transition(S.A_VALIDER_1, S.VALIDEE_1, Actor.VALIDATOR, _VALIDER),
        Transition(S.A_VALIDER_1, S.REFUSEE_1, Actor.VALIDATOR, _VALIDER, motif_required=True),
        Transition(S.A_VALIDER_1, S.ERREUR_FOURNISSEUR_SUR_VALIDEUR, Actor.VALIDATOR, _VALIDER),
        Transition(S.A_VALIDER_2, S.VALIDEE_2, Actor.VALIDATOR, _VALIDER),
        Transition(S.A_VALIDER_2, S.REFUSEE_2, Actor.VALIDATOR, _VALIDER, motif_required=True),
        # routing by Chorus Pro
        Transition(S.DEPOSEE, S.EN_COURS_ACHEMINEMENT, Actor.SYSTEM, None),
        Transition(S.DEPOSEE, S.MISE_A_DISPOSITION, Actor.SYSTEM, None),
        Transition(S.DEPOSEE, S.A_VALIDER_1, Actor.SYSTEM, None),
        Transition(S.EN_COURS_ACHEMINEMENT, S.MISE_A_DISPOSITION, Actor.SYSTEM, None),
        Transition(S.VALIDEE_1, S.A_VALIDER_2, Actor.SYSTEM, None),
        Transition(S.VALIDEE_1, S.MISE_A_DISPOSITION, Actor.SYSTEM, None),
        Transition(S.VALIDEE_2, S.MISE_A_DISPOSITION, Actor.SYSTEM, None),
    ]
    return tuple(table)


TRANSITIONS: tuple[Transition, ...] = _build()
"""Every allowed move, for every actor."""

TERMINAL: frozenset[StatutFacture] = frozenset(
    {S.REJETEE, S.MISE_EN_PAIEMENT, S.REFUSEE_1, S.REFUSEE_2, S.SUPPRIMEE, S.ABANDONNEE}
)
"""Statuses no one moves an invoice out of."""

RECIPIENT_TO_PROCESS: frozenset[StatutFacture] = frozenset({S.MISE_A_DISPOSITION, S.COMPLETEE})
"""Statuses of the invoices the recipient has to process ("factures à traiter")."""

SUPPLIER_TO_PROCESS: frozenset[StatutFacture] = frozenset(
    {S.SUSPENDUE, S.A_RECYCLER, S.REJETEE, S.ERREUR_FOURNISSEUR_SUR_VALIDEUR}
)
"""Statuses of the invoices the supplier has to act on (a rejet only until acknowledged)."""

_BY_SOURCE: dict[StatutFacture, tuple[Transition, ...]] = {}
for _transition in TRANSITIONS:
    _BY_SOURCE[_transition.source] = (*_BY_SOURCE.get(_transition.source, ()), _transition)


def transitions_from(source: StatutFacture, actor: Actor | None = None) -> tuple[Transition, ...]:
    """The moves allowed from ``source`` (for one actor, or for all), in table order."""
    return tuple(
        transition
        for transition in _BY_SOURCE.get(source, ())
        if actor is None or transition.actor is actor
    )


def find_transition(
    source: StatutFacture, target: StatutFacture, actor: Actor
) -> Transition | None:
    """The move from ``source`` to ``target`` by ``actor``, or ``None`` if it is not allowed."""
    for transition in transitions_from(source, actor):
        if transition.target is target:
            return transition
    return None


def etats_possibles_pour_traitement(
    statut_courant: StatutFacture, *, mise_en_paiement_remontee: bool = True
) -> tuple[StatutFacture, ...]:
    """The statuses a recipient may give an invoice in ``statut_courant``.

    What ``recupererEtatsPossiblesPourTraitement`` answers. ``mise_en_paiement_remontee=False``
    is for a recipient whose directory entry says ``statutMiseEnPaiementNestPasRemonte``.
    """
    return tuple(
        transition.target
        for transition in transitions_from(statut_courant, Actor.RECIPIENT)
        if mise_en_paiement_remontee or transition.target is not S.MISE_EN_PAIEMENT
    )


class TransitionRefusal(enum.Enum):
    """Why a status change is refused."""

    NOT_ALLOWED = "this actor cannot move an invoice from this status to that one"
    MOTIF_REQUIRED = "a motif is mandatory for this status"
    MISE_EN_PAIEMENT_NOT_REPORTED = "the recipient does not report the mise en paiement"


def refusal(
    actor: Actor,
    source: StatutFacture,
    target: StatutFacture,
    *,
    motif: str | None = None,
    mise_en_paiement_remontee: bool = True,
) -> TransitionRefusal | None:
    """Why ``actor`` may not move an invoice from ``source`` to ``target``; ``None`` if it may.

    A motif made only of blanks counts as missing.
    """
    transition = find_transition(source, target, actor)
    if transition is None:
        return TransitionRefusal.NOT_ALLOWED
    if target is S.MISE_EN_PAIEMENT and not mise_en_paiement_remontee:
        return TransitionRefusal.MISE_EN_PAIEMENT_NOT_REPORTED
    if transition.motif_required and not (motif and motif.strip()):
        return TransitionRefusal.MOTIF_REQUIRED
    return None
