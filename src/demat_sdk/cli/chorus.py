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
import textwrap
from pathlib import Path
from typing import Any

from demat_sdk._http.settings import (
    ENV_API_BASE_URL,
    ENV_CPRO_LOGIN,
    ENV_CPRO_PASSWORD,
    ENV_ENVIRONMENT,
    ENV_PISTE_CLIENT_ID,
    ENV_PISTE_CLIENT_SECRET,
    ENV_TOKEN_URL,
)
from demat_sdk.chorus.enums import SyntaxeFlux
from demat_sdk.chorus.factures.integration import DEFAULT_INTERVAL, DEFAULT_TIMEOUT
from demat_sdk.cli import arguments
from demat_sdk.cli.chorus_client import naming_the_hosts
from demat_sdk.cli.chorus_flux import run_deposit, run_flux
from demat_sdk.cli.chorus_invoices import run_show, run_todo
from demat_sdk.cli.exit_codes import EPILOG
from demat_sdk.cli.output import add_json_option

__all__ = ["register"]

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

{EPILOG}"""

_ROLES = ("auto", "destinataire", "fournisseur")


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
    deposit.set_defaults(run=naming_the_hosts(run_deposit))

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
    flux.add_argument("numero_flux_depot", type=arguments.identifier, metavar="NUMERO_FLUX_DEPOT")
    _add_follow_options(flux, syntaxe_default="not sent")
    flux.set_defaults(run=naming_the_hosts(run_flux))

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
    show.add_argument("ref", type=arguments.identifier, metavar="ID_OR_NUMBER")
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
    show.set_defaults(run=naming_the_hosts(run_show))

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
        "--limit",
        type=arguments.positive,
        metavar="N",
        help="list at most N invoices (default: all)",
    )
    todo.set_defaults(run=naming_the_hosts(run_todo))

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
        type=arguments.seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"with --wait: seconds to wait at most (default {DEFAULT_TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--interval",
        type=arguments.seconds,
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
