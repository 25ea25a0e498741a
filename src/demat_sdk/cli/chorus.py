"""``demat chorus``: everyday Chorus Pro calls, with the credentials of the environment.

* ``demat chorus deposit FILE [--syntaxe S] [--wait]`` — deposit a flux of invoices, print its
  ``numero_flux_depot`` and, with ``--wait``, follow it until Chorus Pro has processed it;
* ``demat chorus flux NUMERO_FLUX_DEPOT [--wait]`` — where a deposited flux stands, and the
  invoices it created or refused once processed; with ``--wait``, follow it as ``deposit`` does
  (to resume a wait that ended while Chorus Pro was still processing the flux);
* ``demat chorus show REF`` — one invoice (by its Chorus Pro id, or its number) and its status
  history, as the account's recipient or supplier sees it;
* ``demat chorus todo`` — the received invoices waiting to be processed (``MISE_A_DISPOSITION``,
  ``COMPLETEE``), every page.

Exit codes: 0 done; 1 error (one line on stderr); 2 bad usage; 3 nothing found (no such invoice,
nothing to process, no such flux); 4 something to review (a flux processed with refusals or
rejected, an invoice number matching several invoices); 5 a flux still being processed (when the
wait ended, or at the one look of ``flux`` without ``--wait``).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from demat_sdk._http.settings import (
    ENV_API_BASE_URL,
    ENV_CPRO_LOGIN,
    ENV_CPRO_PASSWORD,
    ENV_ENVIRONMENT,
    ENV_PISTE_CLIENT_ID,
    ENV_PISTE_CLIENT_SECRET,
    ENV_TOKEN_URL,
)
from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import EtatFlux, SyntaxeFlux, TriSens
from demat_sdk.chorus.factures.integration import DEFAULT_INTERVAL, DEFAULT_TIMEOUT, Polling
from demat_sdk.chorus.models import ParamRechercheHistoStatuts, StructureActive
from demat_sdk.chorus.models.base import required_in_answer
from demat_sdk.chorus.tri import TriHistoStatuts
from demat_sdk.cli.chorus_views import (
    invoice_data,
    print_invoice,
    print_report,
    print_todo,
    report_data,
    search_item,
)
from demat_sdk.cli.flux_syntax import deduce_syntaxe
from demat_sdk.cli.output import add_json_option, error, print_json, print_table
from demat_sdk.errors import (
    ChorusBusinessError,
    DematError,
    IntegrationTimeoutError,
    InvalidRequestError,
)

__all__ = [
    "EXIT_NOT_FOUND",
    "EXIT_PENDING",
    "EXIT_TO_REVIEW",
    "WaitProgress",
    "register",
]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_TO_REVIEW = 4
EXIT_PENDING = 5

_ENVIRONMENT_HELP = f"""\
credentials and platform, read from the environment (as the library does):
  {ENV_PISTE_CLIENT_ID}, {ENV_PISTE_CLIENT_SECRET}
                        the PISTE application (OAuth2 client)
  {ENV_CPRO_LOGIN}, {ENV_CPRO_PASSWORD}
                        the Chorus Pro technical account (TECH_1_<SIRET>@cpro.fr)
  {ENV_ENVIRONMENT}     sandbox (default: Chorus Pro qualification), production,
                        sandbox_rie, production_rie
  {ENV_API_BASE_URL}, {ENV_TOKEN_URL}
                        other hosts, e.g. the emulator of 'demat emulator serve'

exit codes: 0 done, 1 error, 2 bad usage, 3 nothing found, 4 something to review,
5 flux still being processed (deposit --wait, flux)"""

_ROLES = ("auto", "destinataire", "fournisseur")
_NOT_FINISHED: dict[str, Any] = {
    "termine": False,
    "factures": [],
    "erreurs_dp": [],
    "erreurs_techniques": [],
}
_MAX_HISTORY = 100  # status changes shown; an invoice seldom has more than a dozen


def register(commands: Any) -> None:
    """Add the ``chorus`` sub-command and its actions."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "chorus",
        help="everyday Chorus Pro calls (deposit a flux, show an invoice, invoices to process)",
        description="Everyday Chorus Pro calls, with the credentials of the environment.",
        epilog=_ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    deposit = actions.add_parser(
        "deposit",
        help="deposit a flux of invoices (UBL, CII, Factur-X, .tar.gz) and follow it",
        description=_wrapped(
            "Deposit a flux of invoices (deposerFluxFacture) and print its numero_flux_depot. "
            "The syntax is deduced from a UBL 2.1 or CII D16B invoice, a Factur-X PDF, or a "
            ".tar.gz of invoices of one syntax; give --syntaxe otherwise. With --wait, follow "
            "the flux until Chorus Pro has processed it: exit 0 integrated, 4 processed with "
            "refusals (partly integrated, rejected or incident), 5 still being processed; "
            "then 'demat chorus flux NUMERO --wait' follows it again."
        ),
        epilog=_ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    deposit.add_argument("file", type=Path, metavar="FILE")
    _add_follow_options(deposit, syntaxe_default="deduced from the file")
    deposit.set_defaults(run=run_deposit)

    flux = actions.add_parser(
        "flux",
        help="where a deposited flux stands, and the invoices it created; follow it",
        description=_wrapped(
            "Where a deposited flux stands (consulterCRDetaille) and, once Chorus Pro has "
            "processed it, the invoices it created and those it refused. With --wait, follow "
            "it as 'deposit --wait' does, e.g. after a wait that ended with exit 5. Exit 0 "
            "integrated, 4 processed with refusals (partly integrated, rejected or incident), "
            "5 still being processed, 3 when Chorus Pro knows no such flux for the account."
        ),
        epilog=_ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    flux.add_argument("numero_flux_depot", metavar="NUMERO_FLUX_DEPOT")
    _add_follow_options(flux, syntaxe_default="not sent")
    flux.set_defaults(run=run_flux)

    show = actions.add_parser(
        "show",
        help="an invoice and its status history",
        description=_wrapped(
            "An invoice and its status history. ID_OR_NUMBER is its Chorus Pro id (digits) or its "
            "number. --as auto (default) reads it as the recipient "
            "(consulterFactureParRecipiendaire), then as the supplier "
            "(consulterFactureParFournisseur). Exit 3 when the account sees no such invoice, "
            "4 when a number matches several invoices."
        ),
        epilog=_ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("ref", metavar="ID_OR_NUMBER")
    show.add_argument(
        "--numero",
        action="store_true",
        help="ID_OR_NUMBER is an invoice number even if it is all digits",
    )
    show.add_argument(
        "--as",
        dest="role",
        choices=_ROLES,
        default="auto",
        help="whose view: the recipient's, the supplier's, or the first that finds it (auto)",
    )
    show.set_defaults(run=run_show)

    todo = actions.add_parser(
        "todo",
        help="received invoices to process (MISE_A_DISPOSITION, COMPLETEE)",
        description=_wrapped(
            "The received invoices waiting to be processed "
            "(rechercherFactureATraiterParRecipiendaire), every page, for each structure the "
            "account receives invoices for, or one of them. Exit 3 when there is none."
        ),
        epilog=_ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    todo.add_argument(
        "--structure",
        metavar="ID",
        help="one structure: its SIRET or its idStructureCPP (default: all of the account's)",
    )
    todo.add_argument(
        "--service", metavar="CODE", help="only the invoices addressed to this code service"
    )
    todo.add_argument(
        "--limit", type=_positive, metavar="N", help="list at most N invoices (default: all)"
    )
    todo.set_defaults(run=run_todo)

    for action in (deposit, flux, show, todo):
        add_json_option(action)


def _add_follow_options(parser: argparse.ArgumentParser, *, syntaxe_default: str) -> None:
    """``--syntaxe`` and the options of ``--wait``, the same for ``deposit`` and ``flux``."""
    parser.add_argument(
        "--syntaxe",
        choices=[member.value for member in SyntaxeFlux],
        metavar="SYNTAXE",
        help="the flux's syntaxeFlux (IN_DP_E1_UBL_INVOICE, IN_DP_E1_CII_16B, "
        f"IN_DP_E2_CII_FACTURX…); default: {syntaxe_default}",
    )
    parser.add_argument(
        "--wait", action="store_true", help="wait until Chorus Pro has processed the flux"
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"with --wait: seconds to wait at most (default {DEFAULT_TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--interval",
        type=_seconds,
        default=DEFAULT_INTERVAL,
        metavar="S",
        help=f"with --wait: seconds between two reports (default {DEFAULT_INTERVAL:.0f})",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with --wait: progress line on stderr (default: when stderr is a terminal)",
    )


def _wrapped(text: str) -> str:
    return textwrap.fill(text, width=78)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


# --- deposit and flux ------------------------------------------------------------------------


class WaitProgress:
    """A one-line wait indicator on a terminal: the flux and the seconds waited so far.

    ``wait_for_integration`` calls it instead of ``time.sleep``: it redraws the line, then sleeps.
    """

    def __init__(self, stream: TextIO, numero_flux_depot: str, timeout: float) -> None:
        self.stream = stream
        self.numero_flux_depot = numero_flux_depot
        self.timeout = timeout
        self._started = time.monotonic()

    def __call__(self, seconds: float) -> None:
        """Show how long the wait has lasted, then sleep ``seconds``."""
        waited = time.monotonic() - self._started
        self.stream.write(
            f"\r  flux {self.numero_flux_depot}: being processed, waited {waited:.0f} s "
            f"of {self.timeout:.0f} s\x1b[K"
        )
        self.stream.flush()
        time.sleep(seconds)

    def clear(self) -> None:
        """Erase the line."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def run_deposit(args: argparse.Namespace) -> int:
    """``demat chorus deposit``."""
    if not args.file.is_file():
        error(f"{args.file}: no such file")
        return EXIT_USAGE
    syntaxe = SyntaxeFlux(args.syntaxe) if args.syntaxe else _deduced(args.file)
    if syntaxe is None:
        error(
            f"{args.file}: cannot tell its syntax (not a UBL 2.1 or CII D16B invoice, a "
            "Factur-X PDF, or a .tar.gz of one syntax); give --syntaxe"
        )
        return EXIT_USAGE
    with ChorusPro() as client:
        recu = client.factures.deposer_flux(fichier=args.file, syntaxe_flux=syntaxe)
        numero = required_in_answer(recu.numero_flux_depot, "deposerFluxFacture", "numeroFluxDepot")
        deposited = {
            "numero_flux_depot": numero,
            "nom_fichier": args.file.name,
            "syntaxe_flux": syntaxe.value,
            "date_depot": recu.date_depot,
        }
        if not args.wait:
            if args.json:
                print_json({**deposited, "etat": None, **_NOT_FINISHED})
            else:
                _say(f"{args.file.name} deposited ({syntaxe.value}): flux {numero}")
            return EXIT_OK
        if not args.json:
            _say(f"{args.file.name} deposited ({syntaxe.value}): flux {numero}, waiting…")
        # The flux is deposited: a failure says so, lest it be sent again.
        return _follow(
            client,
            deposited,
            syntaxe,
            args,
            failed=f"flux {numero} was deposited, but following it",
        )


def run_flux(args: argparse.Namespace) -> int:
    """``demat chorus flux``."""
    numero: str = args.numero_flux_depot.strip()
    syntaxe = SyntaxeFlux(args.syntaxe) if args.syntaxe else None
    flux: dict[str, Any] = {
        "numero_flux_depot": numero,
        "nom_fichier": None,  # consulterCRDetaille names its report, not the file deposited
        "syntaxe_flux": syntaxe.value if syntaxe else None,
        "date_depot": None,
    }
    with ChorusPro() as client:
        try:
            compte_rendu = client.transverses.consulter_cr_detaille(
                numero_flux_depot=numero, syntaxe_flux=syntaxe
            )
        except ChorusBusinessError as refused:
            if args.json:
                print_json({**flux, "etat": None, **_NOT_FINISHED})
            error(
                f"flux {numero}: not known to Chorus Pro for this account "
                f"({refused.code_retour} {refused.libelle})"
            )
            return EXIT_NOT_FOUND
        flux["date_depot"] = compte_rendu.date_depot_flux
        if Polling.final_state(compte_rendu) is None:
            etat = compte_rendu.etat_courant_depot_flux
            if not args.wait:
                return _pending(flux, etat.value if etat else None, None, as_json=args.json)
            if not args.json:
                _say(f"flux {numero}: {etat.value if etat else 'no state reported'}, waiting…")
        # Processed already, the wait ends at its first report and lists the invoices created.
        return _follow(client, flux, syntaxe, args, failed=f"following flux {numero}")


def _follow(
    client: ChorusPro,
    flux: dict[str, Any],
    syntaxe: SyntaxeFlux | None,
    args: argparse.Namespace,
    *,
    failed: str,
) -> int:
    """Follow a flux until Chorus Pro has processed it, print how, and give the exit code.

    ``flux`` holds the keys that open the ``--json`` document; ``failed`` opens the error line
    when following fails.
    """
    numero = flux["numero_flux_depot"]
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = WaitProgress(sys.stderr, numero, args.timeout) if show else None
    try:
        report = client.factures.wait_for_integration(
            numero_flux_depot=numero,
            timeout=args.timeout,
            interval=args.interval,
            syntaxe_flux=syntaxe,
            sleep=progress,
        )
    except IntegrationTimeoutError as timeout:
        return _pending(flux, timeout.etat, timeout.waited, as_json=args.json)
    except DematError as failure:
        if args.debug:
            raise
        error(f"{failed} failed: {type(failure).__name__}: {failure}")
        return EXIT_ERROR
    finally:
        if progress is not None:
            progress.clear()
    if args.json:
        print_json({**flux, **report_data(report)})
    else:
        print_report(report)
    return EXIT_OK if report.etat is EtatFlux.IN_INTEGRE else EXIT_TO_REVIEW


def _deduced(path: Path) -> SyntaxeFlux | None:
    try:
        with path.open("rb") as file:
            return deduce_syntaxe(file)
    except OSError as exc:
        raise InvalidRequestError(f"{path}: {exc.strerror or exc}", field="fichier") from None


def _pending(flux: dict[str, Any], etat: str | None, waited: float | None, *, as_json: bool) -> int:
    """Say that a flux is still being processed (after ``waited`` seconds of waiting, if any)."""
    if as_json:
        print_json({**flux, "etat": etat, **_NOT_FINISHED})
        return EXIT_PENDING
    numero = flux["numero_flux_depot"]
    state = etat or "no state reported"
    where = (
        f"{state}, still being processed"
        if waited is None
        else f"still {state} after {waited:.0f} s; Chorus Pro has not finished processing it"
    )
    _say(f"flux {numero}: {where}; follow it with: demat chorus flux {numero} --wait")
    return EXIT_PENDING


# --- show ------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    """``demat chorus show``."""
    ref: str = args.ref.strip()
    by_id = ref.isdigit() and not args.numero
    roles = ("destinataire", "fournisseur") if args.role == "auto" else (args.role,)
    with ChorusPro() as client:
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
                _say(f"invoice number {numero}: {len(found)} invoices (as {role}); show one by id")
                _print_matches(found)
            return EXIT_TO_REVIEW
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
    return EXIT_OK


def _not_found(what: str, refusals: list[str], *, as_json: bool) -> int:
    if as_json:
        print_json({"role": None, "facture": None})
    why = f" ({'; '.join(refusals)})" if refusals else ""
    error(f"{what}: not found for this account{why}")
    return EXIT_NOT_FOUND


# --- todo ------------------------------------------------------------------------------------


def run_todo(args: argparse.Namespace) -> int:
    """``demat chorus todo``."""
    with ChorusPro() as client:
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
    return EXIT_OK if factures else EXIT_NOT_FOUND


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
    return EXIT_NOT_FOUND


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


def _say(text: str) -> None:
    print(text)  # noqa: T201
