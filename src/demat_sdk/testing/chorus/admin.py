"""The emulator's admin API over HTTP (``/_admin/...``), for teams that do not write Python.

Every call is JSON in and out; keys are the keyword arguments of the Python API
(``FakeChorusPro.add_structure(...)``, ``fake.faults.add(...)``…). See ``docs/emulateur.md``.

* ``GET /_admin/state`` — what the emulator holds (structures, accounts, flux, invoices, clock).
* ``POST /_admin/seed`` — reset the world (empty or seeded) and/or add structures, services,
  accounts, engagements juridiques.
* ``POST /_admin/advance`` — move the clock, finish a flux, or run everything pending.
* ``GET|POST /_admin/faults`` — read, add, remove fault rules; reseed; counters.
* ``GET|POST /_admin/settings`` — qualification mode, HTTP status of business refusals,
  subscriptions, token revocation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from demat_sdk.testing.chorus.refusals import RefusedError
from demat_sdk.testing.chorus.state.directory import Address, StructureRecord
from demat_sdk.testing.chorus.wire import timestamp
from demat_sdk.testing.exchange import WireRequest, WireResponse

if TYPE_CHECKING:
    from demat_sdk.testing.chorus.fake import FakeChorusPro

__all__ = ["handle"]


class AdminError(Exception):
    """A request the admin API cannot carry out (HTTP 400, the message says why)."""


def handle(fake: FakeChorusPro, request: WireRequest) -> WireResponse:
    """Answer one admin request."""
    name = request.path.removeprefix("/_admin/").strip("/")
    endpoint = _ENDPOINTS.get(name)
    if endpoint is None:
        return WireResponse.of_json({"error": f"unknown admin endpoint /_admin/{name}"}, 404)
    if request.method not in ("GET", "POST"):
        return WireResponse.of_json({"error": "use GET or POST"}, 405)
    try:
        body = request.json() if request.method == "POST" else {}
        if not isinstance(body, dict):
            raise AdminError("the body must be a JSON object")
        with fake.state.lock:
            fake.state.run_due()
            answer = endpoint(fake, body)
    except (AdminError, ValueError, TypeError, LookupError, RefusedError) as exc:
        return WireResponse.of_json({"error": f"{type(exc).__name__}: {exc}"}, 400)
    return WireResponse.of_json(answer)


# --- state -----------------------------------------------------------------------------------


def _structure(structure: StructureRecord) -> dict[str, Any]:
    return {
        "id_structure_cpp": structure.id_structure_cpp,
        "identifiant": structure.identifiant,
        "designation": structure.designation,
        "type_structure": structure.type_structure.value,
        "active": structure.active,
        "code_service_doit_etre_renseigne": structure.code_service_doit_etre_renseigne,
        "numero_ej_doit_etre_renseigne": structure.numero_ej_doit_etre_renseigne,
        "gestion_numero_ej_ou_code_service": structure.gestion_numero_ej_ou_code_service,
        "statut_mise_en_paiement_nest_pas_remonte": (
            structure.statut_mise_en_paiement_nest_pas_remonte
        ),
        "services": [
            {
                "id_service": service.id_service,
                "code_service": service.code_service,
                "libelle_service": service.libelle_service,
                "actif": service.actif,
                "numero_engagement": service.numero_engagement,
            }
            for service in structure.services.values()
        ],
        "bank_accounts": [
            {"id": bank.id_coordonnee_bancaire, "nom": bank.nom, "iban": bank.iban}
            for bank in structure.bank_accounts
        ],
    }


def state(fake: FakeChorusPro, body: dict[str, Any]) -> dict[str, Any]:
    """``GET /_admin/state``: a snapshot of the emulator."""
    current = fake.state
    directory = current.directory
    return {
        "now": timestamp(fake.clock.now()),
        "pending_events": len(current.scheduler),
        "token_requests": current.token_requests,
        "settings": settings(fake, {}),
        "structures": [_structure(s) for s in directory.structures.values()],
        "accounts": [
            {
                "login": account.login,
                "id_utilisateur": account.id_utilisateur,
                "rights": {
                    directory.structure(sid).identifiant: sorted(role.value for role in roles)
                    for sid, roles in account.rights.items()
                },
            }
            for account in current.gate.accounts.values()
        ],
        "engagements": [
            {
                "numero": engagement.numero,
                "structure": directory.structure(engagement.structure_id).identifiant,
                "fournisseur": directory.structure(engagement.fournisseur_id).identifiant,
                "code_service": engagement.code_service,
            }
            for engagement in directory.engagements.values()
        ],
        "flux": [
            {
                "numero_flux_depot": flux.numero,
                "nom_fichier": flux.nom_fichier,
                "syntaxe_flux": flux.syntaxe.value,
                "etat": flux.etat.value,
                "deposant": flux.deposant.login,
                "factures": flux.factures,
                "erreurs_dp": [error.libelle for error in flux.erreurs_dp],
                "erreurs_techniques": [error.libelle for error in flux.erreurs_techniques],
            }
            for flux in current.flux.records.values()
        ],
        "factures": [
            {
                "id_facture": record.id,
                "numero": record.numero,
                "statut": record.statut.value,
                "fournisseur": record.fournisseur.identifiant,
                "destinataire": record.destinataire.identifiant,
                "numero_flux_depot": record.numero_flux_depot,
                "historique": [
                    {
                        "statut": change.statut.value,
                        "at": timestamp(change.at),
                        "commentaire": change.commentaire,
                    }
                    for change in record.history
                ],
            }
            for record in current.invoices.records.values()
        ],
        "faults": faults(fake, {}),
    }


# --- seed ------------------------------------------------------------------------------------


def seed(fake: FakeChorusPro, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /_admin/seed``: reset, then add what the body lists."""
    reset = body.get("reset")
    if reset is not None:
        if reset not in ("empty", "seeded"):
            raise AdminError('reset is "empty" or "seeded"')
        fake.reset(seeded=reset == "seeded")
    created: dict[str, list[Any]] = {"structures": [], "accounts": [], "engagements": []}
    for item in body.get("structures", []):
        options = dict(item)
        services = options.pop("services", [])
        banks = options.pop("bank_accounts", [])
        address = options.pop("address", None)
        structure = fake.add_structure(
            options.pop("identifiant"),
            options.pop("designation"),
            address=Address(**address) if address else None,
            **options,
        )
        for service in services:
            service_options = dict(service)
            fake.add_service(
                structure,
                service_options.pop("code_service"),
                service_options.pop("libelle_service"),
                **service_options,
            )
        for bank in banks:
            fake.add_bank_account(structure, **bank)
        created["structures"].append(_structure(structure))
    for item in body.get("accounts", []):
        rights: dict[StructureRecord | int, Any] = {
            fake.structure(siret): roles for siret, roles in item.get("rights", {}).items()
        }
        account = fake.add_account(item["login"], item["password"], rights=rights)
        created["accounts"].append(account.login)
    for item in body.get("engagements", []):
        options = dict(item)
        engagement = fake.add_engagement(
            fake.structure(options.pop("structure")),
            options.pop("numero"),
            fournisseur=fake.structure(options.pop("fournisseur")),
            **options,
        )
        created["engagements"].append(engagement.numero)
    return created


# --- time ------------------------------------------------------------------------------------


def advance(fake: FakeChorusPro, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /_admin/advance``: ``seconds``, ``flux`` (finish one now) or ``until_idle``."""
    events: list[str] = []
    if "flux" in body:
        outcome = fake.finish_flux(str(body["flux"]))
        events.append(f"flux {body['flux']}: {outcome.value}")
    if "seconds" in body:
        seconds = body["seconds"]
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
            raise AdminError("seconds is a positive number")
        events += fake.advance(float(seconds))
    if body.get("until_idle"):
        events += fake.run_until_idle()
    if not {"flux", "seconds", "until_idle"} & body.keys():
        raise AdminError("give seconds, flux or until_idle")
    return {"now": timestamp(fake.clock.now()), "events": events}


# --- faults and settings ---------------------------------------------------------------------


def faults(fake: FakeChorusPro, body: dict[str, Any]) -> dict[str, Any]:
    """``/_admin/faults``: ``clear``, ``seed``, ``remove`` (rule ids), ``rules`` to add."""
    if body.get("clear"):
        fake.faults.clear()
    if "seed" in body:
        fake.faults.reseed(int(body["seed"]))
    for rule_id in body.get("remove", []):
        fake.faults.remove(int(rule_id))
    for rule in body.get("rules", []):
        options = dict(rule)
        fake.faults.add(options.pop("kind"), **options)
    return {"seed": fake.faults.seed, "rules": fake.faults.report(), "met": dict(fake.faults.met())}


def settings(fake: FakeChorusPro, body: dict[str, Any]) -> dict[str, Any]:
    """``/_admin/settings``: switches of the emulator."""
    current = fake.settings
    if "qualification" in body:
        current.qualification = bool(body["qualification"])
    if "business_error_status" in body:
        status = body["business_error_status"]
        if status not in (200, 400):
            raise AdminError("business_error_status is 200 or 400")
        current.business_error_status = status
    for api in body.get("unsubscribe", []):
        fake.unsubscribe(api)
    for api in body.get("subscribe", []):
        fake.subscribe(api)
    revoked = fake.revoke_tokens() if body.get("revoke_tokens") else 0
    app = fake.state.gate.applications[fake.credentials.client_id]
    return {
        "qualification": current.qualification,
        "business_error_status": current.business_error_status,
        "subscriptions": sorted(app.subscriptions),
        "revoked_tokens": revoked,
    }


_ENDPOINTS: dict[str, Callable[[FakeChorusPro, dict[str, Any]], dict[str, Any]]] = {
    "state": state,
    "seed": seed,
    "advance": advance,
    "faults": faults,
    "settings": settings,
}
