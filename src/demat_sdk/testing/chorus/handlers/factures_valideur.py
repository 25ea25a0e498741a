"""``/cpro/factures/v1``, the validator's side (invoices of sous-traitants and cotraitants)."""

from __future__ import annotations

from typing import Any

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import RoleUtilisateur, StatutFacture
from demat_sdk.chorus.lifecycle import Actor
from demat_sdk.testing.chorus.handlers import invoice_views
from demat_sdk.testing.chorus.handlers.factures import invoice_filter
from demat_sdk.testing.chorus.handlers.routing import Context, routes
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.invoices import InvoiceRecord
from demat_sdk.testing.chorus.wire import Body, Paging, day, envelope, page

__all__ = ["ACTIONS", "ROUTES"]

S = StatutFacture

ACTIONS = {"VALIDATION": 0, "REFUS": 1}
"""Actions of ``traiterFactureAValider`` (the status they lead to, by validation level, is below).

The action vocabulary is not in the official Swagger (a free string); the emulator also accepts
the target status itself (``VALIDEE_1``, ``REFUSEE_1``, ``ERREUR_FOURNISSEUR_SUR_VALIDEUR``).
"""
_TARGETS = {
    S.A_VALIDER_1: (S.VALIDEE_1, S.REFUSEE_1),
    S.A_VALIDER_2: (S.VALIDEE_2, S.REFUSEE_2),
}


def _validated_by(context: Context) -> list[InvoiceRecord]:
    mine = set(context.account.structures_with(RoleUtilisateur.VALIDEUR))
    return [
        record
        for record in context.state.invoices.records.values()
        if record.valideur is not None and record.valideur.id_structure_cpp in mine
    ]


def rechercher_valideur(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherFactureParValideur``."""
    matches = invoice_filter(body)
    items = [invoice_views.item_valideur(r) for r in _validated_by(context) if matches(r)]
    rows, counters = page(items, Paging.read(body.obj("pagination"), default_column="DateDepot"))
    return envelope(parametresRetour=counters, listeFactures=rows)


def rechercher_atraiter_valideur(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherFactureATraiterParValideur``: invoices waiting for this validator."""
    id_structure = body.integer("idStructure")
    if id_structure is None and body.text("identifiantStructure"):
        found = context.state.directory.find(body.text("identifiantStructure") or "")
        id_structure = found.id_structure_cpp if found else -1
    structure = context.structure_as(id_structure, RoleUtilisateur.VALIDEUR)
    items = [
        invoice_views.item_valideur(record)
        for record in _validated_by(context)
        if record.valideur is structure and record.statut in _TARGETS
    ]
    rows, counters = page(items, Paging.read(body.obj("pagination"), default_column="DateDepot"))
    return envelope(parametresRetour=counters, listeFactures=rows)


def consulter_valideur(context: Context, body: Body) -> dict[str, Any]:
    """``consulterFactureParValideur``."""
    record = context.state.invoices.of_validator(
        context.account, body.integer("identifiantFactureCPP", required=True)
    )
    return envelope(facture=invoice_views.facture(record, body, emise=True))


def traiter_a_valider(context: Context, body: Body) -> dict[str, Any]:
    """``traiterFactureAValider``: validate, refuse (motif mandatory) or flag a wrong validator."""
    invoices = context.state.invoices
    record = invoices.of_validator(context.account, body.integer("idFacture", required=True))
    action = (body.text("action", required=True) or "").upper()
    targets = _TARGETS.get(record.statut)
    if action in ACTIONS:
        if targets is None:
            raise RefusedError(Refusal.PAS_A_VALIDER)
        target = targets[ACTIONS[action]]
    elif action in S.__members__:
        target = StatutFacture[action]
    else:
        raise RefusedError(Refusal.VALEUR_INVALIDE, f"action ({action})")
    if lifecycle.find_transition(record.statut, target, Actor.VALIDATOR) is None:
        raise RefusedError(Refusal.PAS_A_VALIDER)
    invoices.valider(context.account, record, target, body.text("motifRefus"))
    return envelope(
        idFacture=record.id,
        numeroFacture=record.numero,
        dateTraitement=day(record.last_change.at),
        statutFacture=record.statut.value,
    )


def statuts_visibles(context: Context, body: Body) -> dict[str, Any]:
    """``recupererStatutsFactureVisiblesParValideur``."""
    visible = (S.A_VALIDER_1, S.VALIDEE_1, S.REFUSEE_1, S.A_VALIDER_2, S.VALIDEE_2, S.REFUSEE_2)
    return envelope(listeStatutFacture=[{"codeStatutFacture": statut.value} for statut in visible])


ROUTES = routes(
    "/cpro/factures/v1",
    ("rechercherFactureParValideur", "/rechercher/valideur", rechercher_valideur),
    (
        "rechercherFactureATraiterParValideur",
        "/rechercher/aTraiter/valideur",
        rechercher_atraiter_valideur,
    ),
    ("consulterFactureParValideur", "/consulter/valideur", consulter_valideur),
    ("traiterFactureAValider", "/traiter/factureAValider", traiter_a_valider),
    (
        "recupererStatutsFactureVisiblesParValideur",
        "/recuperer/statutsFactureVisibles/valideur",
        statuts_visibles,
    ),
)
