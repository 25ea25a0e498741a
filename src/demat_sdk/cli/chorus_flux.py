"""``demat chorus deposit`` and ``demat chorus flux``: deposit a flux of invoices and follow it.

Both end the same way: they wait (``wait_for_integration``) until Chorus Pro has
processed the flux, prints the invoices it created and refused, and gives the exit code: 0
integrated, 4 processed with refusals, 5 still being processed when the wait ended.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import EtatFlux, SyntaxeFlux
from demat_sdk.chorus.factures.integration import Polling
from demat_sdk.chorus.models.base import required_in_answer
from demat_sdk.cli.chorus_client import client_from_environment
from demat_sdk.cli.chorus_views import print_report, report_data
from demat_sdk.cli.exit_codes import ExitCode
from demat_sdk.cli.flux_syntax import deduce_syntaxe
from demat_sdk.cli.output import error, missing_files, print_json, say
from demat_sdk.errors import (
    ChorusBusinessError,
    DematError,
    IntegrationTimeoutError,
    InvalidRequestError,
)

__all__ = ["WaitProgress", "run_deposit", "run_flux"]

_NOT_FINISHED: dict[str, Any] = {
    "termine": False,
    "factures": [],
    "erreurs_dp": [],
    "erreurs_techniques": [],
}


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
    if missing_files(args.file):
        return ExitCode.USAGE
    syntaxe = SyntaxeFlux(args.syntaxe) if args.syntaxe else _deduced(args.file)
    if syntaxe is None:
        error(
            f"{args.file}: cannot tell its syntax (not a UBL 2.1 or CII D16B invoice, a "
            "Factur-X PDF, or a .tar.gz of one syntax); give --syntaxe"
        )
        return ExitCode.USAGE
    with client_from_environment() as client:
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
                say(f"{args.file.name} deposited ({syntaxe.value}): flux {numero}")
            return ExitCode.OK
        if not args.json:
            say(f"{args.file.name} deposited ({syntaxe.value}): flux {numero}, waiting…")
        args.interrupt_hint = _resume_hint(numero)
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
    if args.wait:
        args.interrupt_hint = _resume_hint(numero)
    syntaxe = SyntaxeFlux(args.syntaxe) if args.syntaxe else None
    flux: dict[str, Any] = {
        "numero_flux_depot": numero,
        "nom_fichier": None,  # consulterCRDetaille names its report, not the file deposited
        "syntaxe_flux": syntaxe.value if syntaxe else None,
        "date_depot": None,
    }
    with client_from_environment() as client:
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
            return ExitCode.NOT_FOUND
        flux["date_depot"] = compte_rendu.date_depot_flux
        if Polling.final_state(compte_rendu) is None:
            etat = compte_rendu.etat_courant_depot_flux
            if not args.wait:
                return _pending(flux, etat.value if etat else None, None, as_json=args.json)
            if not args.json:
                say(f"flux {numero}: {etat.value if etat else 'no state reported'}, waiting…")
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
        error(f"{failed} failed: {failure}")
        return ExitCode.ERROR
    finally:
        if progress is not None:
            progress.clear()
    if args.json:
        print_json({**flux, **report_data(report)})
    else:
        print_report(report)
    return ExitCode.OK if report.etat is EtatFlux.IN_INTEGRE else ExitCode.TO_REVIEW


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
        return ExitCode.PENDING
    numero = flux["numero_flux_depot"]
    state = etat or "no state reported"
    where = (
        f"{state}, still being processed"
        if waited is None
        else f"still {state} after {waited:.0f} s; Chorus Pro has not finished processing it"
    )
    say(f"flux {numero}: {where}; {_resume_hint(numero)}")
    return ExitCode.PENDING


def _resume_hint(numero: str) -> str:
    """How to follow a flux again, once a wait ended or was interrupted."""
    return f"follow it with: demat chorus flux {numero} --wait"
