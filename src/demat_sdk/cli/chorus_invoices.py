"""``demat chorus show`` and ``demat chorus todo``: an invoice and its history; invoices to process.

Exit codes: 0 found; 3 nothing found (no such invoice for the account, nothing to process, no
structure the account receives invoices for); 4 an invoice number matching several invoices.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import TriSens
from demat_sdk.chorus.models import ParamRechercheHistoStatuts, StructureActive
from demat_sdk.chorus.models.base import required_in_answer
from demat_sdk.chorus.tri import TriHistoStatuts
from demat_sdk.cli.chorus_client import client_from_environment
from demat_sdk.cli.chorus_views import invoice_data, print_invoice, print_todo, search_item
from demat_sdk.cli.exit_codes import ExitCode
from demat_sdk.cli.output import error, print_json, print_table, say
from demat_sdk.errors import ChorusBusinessError

__all__ = ["run_show", "run_todo"]

_MAX_HISTORY = 100  # status changes shown; an invoice seldom has more than a dozen


def run_show(args: argparse.Namespace) -> int:
    """``demat chorus show``."""
    ref: str = args.ref.strip()
    by_id = ref.isdigit() and not args.numero
    roles = ("destinataire", "fournisseur") if args.role == "auto" else (args.role,)
    with client_from_environment() as client:
        if not by_id:
            return _show_number(client, ref, roles, as_json=args.json)
        refusals: list[str] = []
        for role in roles:
            try:
                facture = _consult(client, role, int(ref))
            except ChorusBusinessError as refused:
                refusals.append(f"as {role}: {refused.code_retour} {refused.libelle}")
                continue
            return _show_found(client, role, facture, as_json=args.json)
    return _not_found(f"invoice {ref}", refusals, as_json=args.json)


def _consult(client: ChorusPro, role: str, identifiant: int) -> Any:
    if role == "destinataire":
        return client.factures.consulter_recipiendaire(identifiant_facture_cpp=identifiant)
    return client.factures.consulter_fournisseur(identifiant_facture_cpp=identifiant)


def _show_number(client: ChorusPro, numero: str, roles: tuple[str, ...], *, as_json: bool) -> int:
    for role in roles:
        if role == "destinataire":
            found = [
                search_item(item)
                for item in client.factures.rechercher_recipiendaire(
                    numero_facture=numero
                ).auto_paging_iter()
            ]
        else:
            found = [
                search_item(item)
                for item in client.factures.rechercher_fournisseur(
                    numero_facture=numero
                ).auto_paging_iter()
            ]
        if len(found) == 1:
            facture = _consult(client, role, found[0]["identifiant_facture_cpp"])
            return _show_found(client, role, facture, as_json=as_json)
        if found:
            if as_json:
                print_json({"role": role, "facture": None, "correspondances": found})
            else:
                say(f"invoice number {numero}: {len(found)} invoices (as {role}); show one by id")
                _print_matches(found)
            return ExitCode.TO_REVIEW
    return _not_found(f"invoice number {numero}", [], as_json=as_json)


def _print_matches(found: list[dict[str, Any]]) -> None:
    print_table(
        "Factures",
        ("id", "numéro", "fournisseur", "destinataire", "déposée le", "TTC", "statut"),
        [
            (
                item["identifiant_facture_cpp"],
                item["numero_facture"],
                item["fournisseur"],
                item["destinataire"],
                item["date_depot"],
                item["montant_ttc"],
                item["statut"],
            )
            for item in found
        ],
    )


def _show_found(client: ChorusPro, role: str, facture: Any, *, as_json: bool) -> int:
    identifiant = required_in_answer(
        facture.identifiant_facture_cpp, "consulterFacture", "identifiantFactureCPP"
    )
    historique = client.factures.consulter_historique(
        id_facture=identifiant,
        statuts=ParamRechercheHistoStatuts(
            page_resultat_demandee_liste_histo_statut=1,
            nb_resultats_par_page_liste_histo_statut=_MAX_HISTORY,
            tri_sens_liste_histo_statut=TriSens.Ascendant,
            tri_colonne_liste_histo_statut=TriHistoStatuts.HistoStatutDatePassage,
        ),
    )
    data = invoice_data(role, facture, historique)
    if as_json:
        print_json(data)
    else:
        print_invoice(data)
    return ExitCode.OK


def _not_found(what: str, refusals: list[str], *, as_json: bool) -> int:
    if as_json:
        print_json({"role": None, "facture": None})
    why = f" ({'; '.join(refusals)})" if refusals else ""
    error(f"{what}: not found for this account{why}")
    return ExitCode.NOT_FOUND


# --- todo ------------------------------------------------------------------------------------


def run_todo(args: argparse.Namespace) -> int:
    """``demat chorus todo``."""
    with client_from_environment() as client:
        structures = _recipient_structures(client, args.structure)
        if not structures:
            return _no_structure(args)
        factures = list(islice(_to_process(client, structures, args.service), args.limit))
    summary = [
        {
            "id_structure_cpp": structure.id_structure_cpp,
            "identifiant": structure.identifiant,
            "designation": structure.designation_structure,
        }
        for structure in structures
    ]
    if args.json:
        print_json({"structures": summary, "factures": factures})
    else:
        print_todo(summary, factures, limit=args.limit)
    return ExitCode.OK if factures else ExitCode.NOT_FOUND


def _recipient_structures(client: ChorusPro, wanted: str | None) -> list[StructureActive]:
    structures = client.transverses.recuperer_structures_actives_pour_destinataire()
    if wanted is None:
        return structures
    key = wanted.strip()
    return [s for s in structures if key in (s.identifiant, str(s.id_structure_cpp))]


def _no_structure(args: argparse.Namespace) -> int:
    if args.json:
        print_json({"structures": [], "factures": []})
    if args.structure:
        error(f"structure {args.structure}: the account receives no invoices for it")
    else:
        error("the account receives invoices for no structure")
    return ExitCode.NOT_FOUND


def _to_process(
    client: ChorusPro, structures: list[StructureActive], service: str | None
) -> Iterator[dict[str, Any]]:
    """The invoices to process of each structure, page after page, as plain data."""
    wanted: Callable[[dict[str, Any]], bool] = (
        (lambda item: item["code_service"] == service) if service else (lambda item: True)
    )
    for structure in structures:
        id_structure = required_in_answer(
            structure.id_structure_cpp,
            "recupererStructuresActivesPourDestinataire",
            "idStructureCPP",
        )
        first = client.factures.rechercher_a_traiter_recipiendaire(id_structure=id_structure)
        for item in first.auto_paging_iter():
            data = search_item(item)
            if wanted(data):
                yield data
