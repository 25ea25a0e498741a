"""``demat pes``: check and look into a PES_Aller file.

* ``demat pes validate FILE [--xsd-dir DIR]`` — the model rules, and the official XSD when a
  schema set is given (or named by ``DEMAT_PES_XSD_DIR``);
* ``demat pes show FILE`` — its bordereaux, pièces, totals and pièces justificatives.

Exit codes: 0 a valid flux (``validate``) or a flux shown (``show``); 4 an invalid flux, its
problems listed (a file that is not well-formed XML is such a flux: the validator read it and
says why it is not a PES_Aller); 1 a file that cannot be read (permissions, above the reader's
256 MiB limit; for ``show``, a file that is not a PES_Aller); 2 bad usage (no such file, a folder
that holds no schema set).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from demat_sdk import pes
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.cli.output import (
    add_json_option,
    error,
    missing_files,
    print_json,
    print_table,
)
from demat_sdk.cli.pes_files import read_pes_file
from demat_sdk.errors import ConfigurationError
from demat_sdk.helios import FileKind
from demat_sdk.pes.totals import pieces_of, sum_ht, sum_tva

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``pes`` command and its sub-commands."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "pes",
        help="check and look into a PES_Aller file",
        description="Check a PES_Aller file (validate: the model rules and the official XSD) "
        "or look into it (show: bordereaux, pièces, totals and PJ). Exit code: 0 valid or "
        "shown; 4 invalid, the problems listed; 1 a file that cannot be read; 2 bad usage.",
        epilog=EPILOG,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    validate = actions.add_parser(
        "validate",
        help="check a PES_Aller against the model rules and the official XSD",
        description="Exit code: 0 valid; 4 invalid (the problems listed); 1 a file that cannot "
        "be read; 2 bad usage (no such file, a folder that holds no schema set).",
        epilog=EPILOG,
    )
    validate.add_argument("file", type=Path, metavar="FILE")
    validate.add_argument(
        "--xsd-dir",
        type=Path,
        metavar="DIR",
        help="folder of the DGFiP PES V2 schema set (default: $DEMAT_PES_XSD_DIR)",
    )
    _add_huge_tree_option(validate)
    add_json_option(validate)
    validate.set_defaults(run=run_validate)
    show = actions.add_parser(
        "show",
        help="bordereaux, pièces, totals and PJ of a PES_Aller",
        description="Exit code: 0 shown; 1 a file that cannot be read as a PES_Aller; "
        "2 bad usage (no such file).",
        epilog=EPILOG,
    )
    show.add_argument("file", type=Path, metavar="FILE")
    _add_huge_tree_option(show)
    add_json_option(show)
    show.set_defaults(run=run_show)


def _add_huge_tree_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--huge-tree",
        action="store_true",
        help="allow PJ above 10 MB (lifts libxml2's guards: only for files you trust)",
    )


def run_validate(args: argparse.Namespace) -> int:
    """``demat pes validate``."""
    if missing_files(args.file):
        return ExitCode.USAGE
    try:
        report = read_pes_file(
            lambda path: pes.validate(path, args.xsd_dir, huge_tree=args.huge_tree),
            args.file,
            FileKind.ALLER,
        )
    except ConfigurationError as exc:
        error(str(exc))
        return ExitCode.USAGE
    if args.json:
        print_json(
            {
                "file": str(args.file),
                "valid": report.ok,
                "xsd_checked": report.xsd_checked,
                "problems": list(report.problems),
            }
        )
    elif report.ok:
        layers = "model rules and XSD" if report.xsd_checked else "model rules; no XSD given"
        print(f"{args.file}: valid ({layers})")  # noqa: T201
    else:
        count = len(report.problems)
        print(f"{args.file}: invalid, {count} problem{'s' if count > 1 else ''}")  # noqa: T201
        for problem in report.problems:
            print(f"  [{problem.origin}] {problem}")  # noqa: T201
    return ExitCode.OK if report.ok else ExitCode.TO_REVIEW


def run_show(args: argparse.Namespace) -> int:
    """``demat pes show``."""
    if missing_files(args.file):
        return ExitCode.USAGE
    flux = read_pes_file(
        lambda path: pes.read(path, huge_tree=args.huge_tree), args.file, FileKind.ALLER
    )
    summary = describe(flux)
    if args.json:
        print_json(summary)
        return ExitCode.OK
    print(  # noqa: T201
        f"{summary['nom_fichier']}: PES_Aller of collectivité {summary['code_collectivite']}, "
        f"budget {summary['code_budget']}, poste comptable {summary['code_poste']}, "
        f"SIRET {summary['siret']}, {summary['date_emission']}"
    )
    print_table(
        "Bordereaux",
        ("domaine", "exercice", "numéro", "type", "émis le", "pièces", "lignes", "HT", "TVA"),
        [
            (
                b["domaine"],
                b["exercice"],
                b["numero"],
                b["type"],
                b["date_emission"],
                len(b["pieces"]),
                sum(len(p["lignes"]) for p in b["pieces"]),
                b["montant_ht"],
                b["montant_tva"],
            )
            for b in summary["bordereaux"]
        ],
    )
    print_table(
        "Pièces",
        ("bordereau", "pièce", "type", "objet", "lignes", "HT", "TVA", "PJ"),
        [
            (
                f"{b['exercice']}/{b['numero']}",
                p["numero"],
                p["type"],
                p["objet"],
                len(p["lignes"]),
                p["montant_ht"],
                p["montant_tva"],
                ", ".join(p["pj"]),
            )
            for b in summary["bordereaux"]
            for p in b["pieces"]
        ],
    )
    totals = summary["totaux"]
    print_table(
        "Totaux",
        ("bordereaux", "pièces", "lignes", "HT", "TVA", "PJ"),
        [
            (
                totals["bordereaux"],
                totals["pieces"],
                totals["lignes"],
                totals["montant_ht"],
                totals["montant_tva"],
                totals["pieces_justificatives"],
            )
        ],
    )
    print_table(
        "Pièces justificatives",
        ("IdUnique", "nom", "type", "octets"),
        [(pj["id_unique"], pj["nom"], pj["type"], pj["taille"]) for pj in summary["pj"]],
    )
    if summary["problemes_de_lecture"]:
        print_table(
            "Problèmes de lecture",
            ("ligne", "élément", "problème"),
            [(p.line, p.element, p.message) for p in flux.read_problems],
        )
    return ExitCode.OK


def describe(flux: pes.PesAller) -> dict[str, Any]:
    """What ``demat pes show`` prints, as plain data."""
    bordereaux: list[dict[str, Any]] = []
    for domaine, container in (("dépense", flux.depense), ("recette", flux.recette)):
        if container is None:
            continue
        for bordereau in container.bordereaux:
            pieces = [
                {
                    "numero": piece.numero,
                    "type": piece.type,
                    "objet": piece.objet,
                    "montant_ht": _sum(ligne.montant_ht for ligne in piece.lignes),
                    "montant_tva": _sum(ligne.montant_tva for ligne in piece.lignes),
                    "lignes": [
                        {
                            "numero": ligne.numero or rank,
                            "nature": ligne.nature_comptable,
                            "montant_ht": ligne.montant_ht,
                            "montant_tva": ligne.montant_tva,
                        }
                        for rank, ligne in enumerate(piece.lignes, 1)
                    ],
                    "pj": [
                        ref.id_unique
                        for ref in [*piece.pj_refs, *(r for li in piece.lignes for r in li.pj_refs)]
                    ],
                }
                for piece in pieces_of(bordereau)
            ]
            bordereaux.append(
                {
                    "domaine": domaine,
                    "exercice": bordereau.exercice,
                    "numero": bordereau.numero,
                    "type": bordereau.type,
                    "date_emission": bordereau.date_emission,
                    "montant_ht": bordereau.montant_ht or sum_ht(bordereau),
                    "montant_tva": bordereau.montant_tva or sum_tva(bordereau),
                    "pieces": pieces,
                }
            )
    pjs = [
        {
            "id_unique": pj.id_unique,
            "nom": pj.nom,
            "type": pj.type,
            "taille": len(pj.contenu) if isinstance(pj.contenu, bytes) else None,
        }
        for pj in (flux.pj.pieces_justificatives if flux.pj is not None else [])
    ]
    all_pieces = [piece for b in bordereaux for piece in b["pieces"]]
    return {
        "nom_fichier": flux.enveloppe.nom_fichier,
        "code_collectivite": flux.en_tete.code_collectivite,
        "code_budget": flux.en_tete.code_budget,
        "code_poste": flux.en_tete.code_poste,
        "siret": flux.en_tete.siret,
        "date_emission": flux.en_tete.date_emission,
        "bordereaux": bordereaux,
        "totaux": {
            "bordereaux": len(bordereaux),
            "pieces": len(all_pieces),
            "lignes": sum(len(piece["lignes"]) for piece in all_pieces),
            "montant_ht": _sum(b["montant_ht"] for b in bordereaux),
            "montant_tva": _sum(b["montant_tva"] for b in bordereaux),
            "pieces_justificatives": len(pjs),
        },
        "pj": pjs,
        "problemes_de_lecture": list(flux.read_problems),
    }


def _sum(amounts: Any) -> Decimal:
    return sum((value for value in amounts if isinstance(value, Decimal)), Decimal("0.00"))
