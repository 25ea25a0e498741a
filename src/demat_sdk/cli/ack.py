"""``demat ack``: read an acquittement (``PES_ACQUIT``) from Hélios.

``demat ack show FILE [--against SENT]`` prints the ACK's elements and anomalies; with
``--against`` the PES_Aller it answers, a reconciliation per bordereau, pièce, line and PJ:
accepted or rejected, and what may be sent again.

Exit codes: 0 everything accepted; 4 something to review (the flux refused whole, elements
rejected, or, with ``--against``, objects the ACK is silent on); 1 an error (a file that is not
an ACK, an ACK that does not answer the PES_Aller given: nothing could be reconciled, so there
is no verdict to give); 2 bad usage (no such file).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from demat_sdk import pes
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.cli.output import add_json_option, error, missing_files, print_json, print_table
from demat_sdk.cli.pes_files import read_pes_file
from demat_sdk.errors import ReconciliationError
from demat_sdk.helios import FileKind
from demat_sdk.helios.reconciliation import (
    EtatReconciliation,
    Reconciliation,
    Statut,
    reconcile,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``ack`` command and its sub-commands."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "ack",
        help="read an acquittement (PES_ACQUIT) from Hélios",
        description="Read an acquittement (PES_ACQUIT) from Hélios: its elements and "
        "anomalies or, with --against, a reconciliation with the PES_Aller it answers, per "
        "bordereau, pièce, line and PJ. Exit code: 0 all accepted; 4 something rejected or "
        "unanswered, to review; 1 a file that is not an ACK, or an ACK that does not answer "
        "the flux given; 2 bad usage.",
        epilog=EPILOG,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        help="the ACK's elements and anomalies, or a reconciliation with the PES_Aller sent",
        description="Exit code: 0 all accepted; 4 something rejected or unanswered, to review; "
        "1 a file that is not an ACK, or an ACK that does not answer SENT; 2 bad usage.",
        epilog=EPILOG,
    )
    show.add_argument("file", type=Path, metavar="FILE")
    show.add_argument(
        "--against",
        type=Path,
        metavar="SENT",
        help="the PES_Aller the ACK answers: reconcile them object by object",
    )
    add_json_option(show)
    show.set_defaults(run=run_show)


def run_show(args: argparse.Namespace) -> int:
    """``demat ack show``."""
    if missing_files(args.file, args.against):
        return ExitCode.USAGE
    acquit = read_pes_file(pes.read_acquit, args.file, FileKind.ACQUIT)
    if args.against is None:
        return _show_acquit(acquit, as_json=args.json)
    sent = read_pes_file(
        pes.read, args.against, FileKind.ALLER, option="--against", instead="the flux you sent"
    )
    try:
        reconciliation = reconcile(sent, acquit)
    except ReconciliationError as exc:
        error(f"{args.file} does not answer {args.against}: {exc}")
        return ExitCode.ERROR
    return _show_reconciliation(reconciliation, as_json=args.json)


def _show_acquit(acquit: pes.Acquit, *, as_json: bool) -> int:
    code = ExitCode.OK if acquit.accepte else ExitCode.TO_REVIEW
    elements: list[dict[str, Any]] = [
        {
            "objet": element.objet,
            "domaine": element.domaine,
            "domaine_libelle": element.domaine.libelle,
            "accepte": element.etat,
            "anomalies": len(list(element.iter_erreurs())),
        }
        for element in acquit.elements
    ]
    anomalies = [
        {
            "localisation": found.localisation,
            "code": found.erreur.numero_anomalie,
            "numero_helios": found.erreur.numero_helios,
            "texte": found.erreur.texte,
        }
        for found in acquit.iter_erreurs()
    ]
    if as_json:
        print_json(
            {
                "nom_fichier": acquit.nom_fichier,
                "schema": acquit.schema.name,
                "accepte": acquit.accepte,
                "flux_rejete": acquit.flux_rejete,
                "elements": elements,
                "anomalies": anomalies,
            }
        )
        return code
    verdict = (
        "flux refused whole"
        if acquit.flux_rejete
        else ("all accepted" if acquit.accepte else f"{len(acquit.rejets)} element(s) rejected")
    )
    print(f"acquittement of {acquit.nom_fichier} ({acquit.schema.name}): {verdict}")  # noqa: T201
    print_table(
        "Éléments",
        ("objet", "domaine", "état", "anomalies"),
        [
            (
                e["objet"],
                f"{e['domaine'].code} {e['domaine_libelle']}".strip(),
                "accepté" if e["accepte"] else "rejeté",
                e["anomalies"],
            )
            for e in elements
        ],
    )
    print_table(
        "Anomalies",
        ("où", "code", "n° Hélios", "texte"),
        [(a["localisation"], a["code"], a["numero_helios"], a["texte"]) for a in anomalies],
    )
    return code


def _show_reconciliation(reconciliation: Reconciliation, *, as_json: bool) -> int:
    code = ExitCode.OK if reconciliation.etat is EtatReconciliation.ACCEPTE else ExitCode.TO_REVIEW
    objects = list(_rows(reconciliation))
    if as_json:
        print_json(
            {
                "nom_fichier": reconciliation.nom_fichier,
                "etat": reconciliation.etat,
                "flux_rejete": reconciliation.flux_rejete,
                "a_renvoyer": reconciliation.a_renvoyer,
                "anomalies_flux": [e.libelle_anomalie for e in reconciliation.anomalies_flux],
                "objets": objects,
                "elements_inconnus": [e.objet for e in reconciliation.elements_inconnus],
            }
        )
        return code
    print(  # noqa: T201
        f"{reconciliation.nom_fichier}: {reconciliation.etat.value}"
        + (" (refused whole at the first checks)" if reconciliation.flux_rejete else "")
    )
    print_table(
        "Rapprochement",
        ("objet", "état", "renvoi", "anomalies"),
        [(o["objet"], o["etat"], o["renvoi"], "; ".join(o["anomalies"])) for o in objects],
    )
    if reconciliation.anomalies_flux:
        print_table(
            "Anomalies du flux",
            ("anomalie",),
            [(e.libelle_anomalie,) for e in reconciliation.anomalies_flux],
        )
    if reconciliation.elements_inconnus:
        print_table(
            "Éléments de l'ACK sans objet dans le flux",
            ("objet", "état"),
            [
                (e.objet, "accepté" if e.etat else "rejeté")
                for e in reconciliation.elements_inconnus
            ],
        )
    return code


def _rows(reconciliation: Reconciliation) -> Any:
    """One row per bordereau, pièce, line and PJ: what Hélios did and what may go again."""

    def anomalies(found: Any) -> list[str]:
        return [e.libelle_anomalie or str(e.numero_anomalie) for e in found]

    def renvoi(statut: Statut, allowed: bool) -> str:
        if statut is Statut.SANS_REPONSE:
            return "à vérifier"
        return "oui, même numéro" if allowed else "non"

    for bordereau in reconciliation.bordereaux:
        yield {
            "objet": bordereau.objet,
            "etat": bordereau.statut.value,
            "renvoi": "non (numéro déjà intégré)"
            if bordereau.doublon
            else renvoi(bordereau.statut, bordereau.peut_etre_renvoye),
            "anomalies": anomalies(bordereau.anomalies),
        }
        word = "mandat" if bordereau.domaine == "depense" else "titre"
        for piece in bordereau.pieces:
            where = f"{bordereau.objet} / {word} {piece.numero}"
            yield {
                "objet": where,
                "etat": piece.statut.value,
                "renvoi": "avec son bordereau",
                "anomalies": anomalies(piece.anomalies),
            }
            for ligne in piece.lignes:
                yield {
                    "objet": f"{where} / ligne {ligne.numero}",
                    "etat": ligne.statut.value,
                    "renvoi": "avec son bordereau",
                    "anomalies": anomalies(ligne.anomalies),
                }
    for pj in reconciliation.pieces_justificatives:
        yield {
            "objet": f"PJ {pj.id_unique}",
            "etat": pj.statut.value,
            "renvoi": "non (IdUnique déjà intégré)"
            if pj.deja_integree
            else renvoi(pj.statut, pj.peut_etre_renvoyee),
            "anomalies": anomalies(pj.anomalies),
        }
