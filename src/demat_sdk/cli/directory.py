"""``demat directory``: import the Chorus Pro directory export, look addressees up, review codes.

Exit codes: 0 done; 1 error (one line on stderr, the directory unchanged after a failed import);
2 bad usage (a FILE or ``--invoices`` CSV that does not exist); 3 nothing found (lookup, hygiene
of an unknown SIRET); 4 done with something to review (an import that refused rows, a hygiene
report with findings).
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from demat_sdk.cli import arguments
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.cli.output import error, missing_files, print_json, say
from demat_sdk.directory import (
    MAX_ERRORS,
    Directory,
    ImportPhase,
    ImportProgress,
    ImportReport,
    Routing,
    Service,
    Structure,
)
from demat_sdk.directory.directory import MAX_LIMIT
from demat_sdk.errors import InvalidRequestError

__all__ = ["ProgressBar", "register"]

DEFAULT_DB = "annuaire.sqlite3"
_DB_VARIABLE = "DEMAT_DIRECTORY_DB"


def register(commands: Any) -> None:
    """Add the ``directory`` sub-command and its own sub-commands."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "directory",
        help="the public-entity directory, offline (import, lookup, hygiene, info)",
        description="The Chorus Pro public-entity directory in a local SQLite file.",
        epilog=EPILOG,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import",
        help="import the export (structures/services CSV, zip, gzip, or the API download)",
        description="Import files of the Chorus Pro directory export, in one transaction.",
        epilog=EPILOG,
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importing.add_argument(
        "--encoding",
        type=arguments.encoding,
        default="utf-8",
        help="encoding of the CSV files (default utf-8; cp1252…)",
    )
    importing.add_argument(
        "--partial",
        action="store_true",
        help="the files are not the whole export: withdraw nothing",
    )
    importing.add_argument(
        "--max-errors",
        type=arguments.non_negative,
        default=MAX_ERRORS,
        metavar="N",
        help=f"refused rows tolerated before giving up (default {MAX_ERRORS})",
    )
    importing.add_argument(
        "--base64",
        action="store_true",
        help="FILE holds the base64 fichierResultat of telechargerAnnuaireDestinataire",
    )
    importing.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    importing.set_defaults(run=_import, usage_error=importing.error)

    lookup = actions.add_parser(
        "lookup",
        help="look structures or services up",
        description="Look structures up by SIRET, name or postcode, or services by code.",
        epilog=EPILOG,
    )
    what = lookup.add_mutually_exclusive_group()
    what.add_argument(
        "--siret", type=arguments.siret, help="one structure, its services and routing rules"
    )
    what.add_argument("--name", help="structures whose name starts with this")
    what.add_argument("--postcode", help="structures of a postcode")
    lookup.add_argument(
        "--code-service",
        help="with --siret: the routing rules for that code; alone: services with that code",
    )
    lookup.add_argument(
        "--contains", action="store_true", help="with --name: words anywhere in the name"
    )
    lookup.add_argument("--active-only", action="store_true", help="leave out inactive rows")
    lookup.add_argument(
        "--limit",
        type=arguments.up_to(MAX_LIMIT),
        default=20,
        help=f"most rows shown (default 20, at most {MAX_LIMIT:,})",
    )
    lookup.set_defaults(run=_lookup, usage_error=lookup.error)

    hygiene = actions.add_parser(
        "hygiene",
        help="review a structure's codes service",
        description="Nominative codes, too many codes without engagement, inactive codes "
        "still receiving invoices.",
        epilog=EPILOG,
    )
    hygiene.add_argument("siret", type=arguments.siret)
    hygiene.add_argument(
        "--invoices",
        type=Path,
        metavar="CSV",
        help="the structure's invoices: lines 'code service;date' (YYYY-MM-DD or DD/MM/YYYY)",
    )
    hygiene.add_argument(
        "--encoding",
        type=arguments.encoding,
        default="utf-8",
        help="encoding of the --invoices CSV (default utf-8; cp1252 for an Excel export…)",
    )
    hygiene.add_argument(
        "--max-without-engagement",
        type=arguments.non_negative,
        default=10,
        metavar="N",
        help="threshold of active codes without engagement (default 10)",
    )
    hygiene.set_defaults(run=_hygiene)

    info = actions.add_parser("info", help="what the directory holds", epilog=EPILOG)
    info.set_defaults(run=_info)

    for action in (importing, lookup, hygiene, info):
        action.add_argument(
            "--db",
            type=Path,
            default=Path(os.environ.get(_DB_VARIABLE, DEFAULT_DB)),
            help=f"the directory file (default ${_DB_VARIABLE}, else {DEFAULT_DB})",
        )
        action.add_argument("--json", action="store_true", help="print JSON")


# --- import ------------------------------------------------------------------------------


class ProgressBar:
    """A one-line progress bar on a terminal, fed by the import's progress reports."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, progress: ImportProgress) -> None:
        """Redraw the line for ``progress``."""
        if progress.phase is ImportPhase.READING:
            name = Path(progress.source.split("!")[-1]).name
            fraction = progress.fraction
            if fraction is None:
                bar = f"{progress.rows:>12,} rows"
            else:
                filled = round(fraction * self.WIDTH)
                bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {fraction:4.0%}"
                bar += f" {progress.rows:,} rows"
            self.stream.write(f"\r  reading {name}: {bar}\x1b[K")
        elif progress.phase is ImportPhase.MERGING:
            self.stream.write("\r  merging into the directory…\x1b[K")
        else:
            self.stream.write("\r\x1b[K")
        self.stream.flush()


def _import(args: argparse.Namespace) -> int:
    if args.base64 and len(args.files) != 1:
        args.usage_error("--base64 takes one file")
    if missing_files(*args.files) or _folder(args.db):
        return ExitCode.USAGE
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = ProgressBar(sys.stderr) if show and not args.json else None
    options: dict[str, Any] = {
        "encoding": args.encoding,
        "snapshot": not args.partial,
        "max_errors": args.max_errors,
        "progress": bar,
    }
    new = not args.db.exists()
    try:
        with Directory.open(args.db) as directory:
            if args.base64:
                text = _read_text(args.files[0])
                report = directory.import_download(text, **options)
            else:
                report = directory.import_export(*args.files, **options)
    except BaseException:
        if new:
            _remove_database(args.db)
        raise
    if args.json:
        print_json(_report_data(report))
    else:
        _print_report(report, args.db)
    return ExitCode.OK if report.clean else ExitCode.TO_REVIEW


def _remove_database(db: Path) -> None:
    """Delete a directory file the failed import created, and its SQLite side files."""
    for path in (db, *(db.with_name(db.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _folder(db: Path) -> bool:
    """Say so when ``--db`` names a folder (a usage error)."""
    if db.is_dir():
        error(f"--db {db}: is a folder, not a file")
        return True
    return False


def _no_database(db: Path) -> bool:
    """Say so when ``--db`` names no directory file (a usage error for reading commands)."""
    if _folder(db):
        return True
    if not db.exists():
        error(f"--db {db}: no such file (create it with: demat directory import --db {db} FILE)")
        return True
    return False


def _read_text(path: Path) -> str:
    try:
        return path.read_text("ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidRequestError(f"{path}: cannot read base64 text: {error}") from None


def _report_data(report: ImportReport) -> dict[str, Any]:
    return {
        "imported_at": report.imported_at.isoformat(),
        "sources": list(report.sources),
        "structures": report.structures,
        "services": report.services,
        "issues": [
            {
                "source": issue.source,
                "line": issue.line,
                "column": issue.column,
                "message": issue.message,
            }
            for issue in report.issues
        ],
        "seconds": round(report.seconds, 3),
    }


def _print_report(report: ImportReport, db: Path) -> None:
    say(f"imported into {db} in {report.seconds:.1f} s")
    for label, counts in (("structures", report.structures), ("services", report.services)):
        if counts is not None:
            say(
                f"  {label}: {counts.rows:,} rows, {counts.added:,} added, "
                f"{counts.updated:,} updated, {counts.unchanged:,} unchanged, "
                f"{counts.withdrawn:,} withdrawn, {counts.refused:,} refused"
            )
    shown = report.issues[:20]
    for issue in shown:
        say(f"  refused: {issue}")
    if len(report.issues) > len(shown):
        say(f"  … and {len(report.issues) - len(shown)} more refused row(s) (see --json)")


# --- lookup ------------------------------------------------------------------------------


def _lookup(args: argparse.Namespace) -> int:
    if not (args.siret or args.name or args.postcode or args.code_service):
        args.usage_error("one of --siret, --name, --postcode or --code-service is required")
    if _no_database(args.db):
        return ExitCode.USAGE
    with Directory.open(args.db, read_only=True) as directory:
        if args.siret:
            return _lookup_siret(directory, args)
        if args.name:
            structures = directory.structures_by_name(
                args.name, contains=args.contains, active_only=args.active_only, limit=args.limit
            )
            return _show_structures(structures, args.json, f"no structure named {args.name!r}")
        if args.postcode:
            structures = directory.structures_by_postcode(
                args.postcode, active_only=args.active_only, limit=args.limit
            )
            return _show_structures(
                structures, args.json, f"no structure at postcode {args.postcode}"
            )
        services = directory.services_by_code(
            args.code_service, active_only=args.active_only, limit=args.limit
        )
    if args.json:
        print_json({"services": services})
    else:
        for service in services:
            say(_service_line(service, with_structure=True))
        if not services:
            say(f"code service {args.code_service}: not in the directory")
    return ExitCode.OK if services else ExitCode.NOT_FOUND


def _lookup_siret(directory: Directory, args: argparse.Namespace) -> int:
    routing = directory.routing(args.siret, args.code_service)
    if routing is None:
        return _siret_not_found(args)
    services = directory.services(args.siret, active_only=args.active_only)
    if args.json:
        print_json(
            {
                "structure": routing.structure,
                "routing": _routing_data(routing),
                "services": services,
            }
        )
    else:
        say(_structure_line(routing.structure))
        for line in _routing_lines(routing):
            say(f"  {line}")
        say(f"  services ({len(services)}):")
        for service in services[: args.limit]:
            say(f"    {_service_line(service)}")
        if len(services) > args.limit:
            say(f"    … and {len(services) - args.limit} more (--limit)")
    if args.code_service and routing.service is None:
        return ExitCode.NOT_FOUND
    return ExitCode.OK


def _routing_data(routing: Routing) -> dict[str, Any]:
    return {
        "requirement": routing.requirement.value,
        "code_service": routing.code_service,
        "service_found": routing.service is not None,
        "engagement_required": routing.engagement_required,
        "code_service_required": routing.code_service_required,
        "engagement_or_code_service_required": routing.engagement_or_code_service_required,
        "mise_en_paiement_reported": routing.mise_en_paiement_reported,
        "reserved_to_public_sector": routing.reserved_to_public_sector,
    }


def _routing_lines(routing: Routing) -> Iterator[str]:
    yield f"requirement: {routing.requirement.value}"
    yield f"engagement juridique required: {'yes' if routing.engagement_required else 'no'}"
    reported = "yes" if routing.mise_en_paiement_reported else "no (do not wait for it)"
    yield f"mise en paiement reported: {reported}"
    if routing.code_service is not None:
        if routing.service is None:
            yield f"code service {routing.code_service}: unknown to this structure"
        else:
            state = "active" if routing.service.active else "INACTIVE"
            yield f"code service {routing.code_service}: {state}"
        if routing.reserved_to_public_sector:
            yield "FACTURES_PUBLIQUES: reserved to invoices from public entities"


def _siret_not_found(args: argparse.Namespace) -> int:
    if args.json:
        print_json({"structure": None})
    else:
        say(f"{args.siret}: not in the directory")
    return ExitCode.NOT_FOUND


def _show_structures(structures: list[Structure], as_json: bool, nothing: str) -> int:
    if as_json:
        print_json({"structures": structures})
    else:
        for structure in structures:
            say(_structure_line(structure))
        if not structures:
            say(f"{nothing} in the directory")
    return ExitCode.OK if structures else ExitCode.NOT_FOUND


def _state(active: bool, withdrawn_on: datetime | None) -> str:
    if withdrawn_on is not None:
        return f"withdrawn {withdrawn_on:%Y-%m-%d}"
    return "active" if active else "inactive"


def _structure_line(structure: Structure) -> str:
    return (
        f"{structure.identifiant}  {structure.raison_sociale}  "
        f"{structure.code_postal} {structure.ville}  "
        f"[{_state(structure.structure_active, structure.withdrawn_on)}]"
    )


def _service_line(service: Service, *, with_structure: bool = False) -> str:
    flags = [_state(service.service_actif, service.withdrawn_on)]
    if service.gestion_egmt:
        flags.append("EJ required")
    owner = f"{service.identifiant}  " if with_structure else ""
    return f"{owner}{service.code}  {service.nom}  [{', '.join(flags)}]"


# --- hygiene and info --------------------------------------------------------------------


def _hygiene(args: argparse.Namespace) -> int:
    if missing_files(args.invoices) or _no_database(args.db):
        return ExitCode.USAGE
    invoices = _read_invoices(args.invoices, args.encoding) if args.invoices else None
    with Directory.open(args.db, read_only=True) as directory:
        report = directory.hygiene(
            args.siret,
            invoices=invoices,
            max_codes_without_engagement=args.max_without_engagement,
        )
    if report is None:
        return _siret_not_found(args)
    if args.json:
        print_json(report.to_dict())
    else:
        say(report.render())
    return ExitCode.OK if report.ok else ExitCode.TO_REVIEW


def _read_invoices(path: Path, encoding: str) -> list[tuple[str, date | None]]:
    """``code;date`` lines; a first line is a header when its date column holds no digit."""
    text = _decoded(path, encoding)
    sample = text.split("\n", 1)[0]
    delimiter = ";" if ";" in sample else ","
    invoices: list[tuple[str, date | None]] = []
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in rows:
            line = rows.line_num
            if not row or not row[0].strip():
                continue
            raw = row[1].strip() if len(row) > 1 else ""
            when = _parse_date(raw)
            if raw and when is None:
                if line == 1 and not any(char.isdigit() for char in raw):
                    continue  # the header
                raise InvalidRequestError(
                    f"{path}: line {line}: {raw!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)"
                )
            invoices.append((row[0].strip(), when))
    except csv.Error as refused:
        where = f"{path}: line {rows.line_num}"
        raise InvalidRequestError(f"{where}: not a CSV file ({refused})") from None
    return invoices


def _decoded(path: Path, encoding: str) -> str:
    """The text of ``path``; a byte the encoding refuses is reported with its line."""
    try:
        content = path.read_bytes()
    except OSError as refused:
        raise InvalidRequestError(f"{path}: {refused.strerror or refused}") from None
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    try:
        return content.decode(codec)
    except UnicodeDecodeError as refused:
        line = content.count(b"\n", 0, refused.start) + 1
        raise InvalidRequestError(
            f"{path}: line {line}: not {encoding} (byte 0x{content[refused.start]:02x}); "
            "give its encoding with --encoding (cp1252 for an Excel export)"
        ) from None


def _parse_date(text: str) -> date | None:
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None


def _info(args: argparse.Namespace) -> int:
    if _no_database(args.db):
        return ExitCode.USAGE
    with Directory.open(args.db, read_only=True) as directory:
        info = directory.info()
    if args.json:
        print_json(info)
        return ExitCode.OK
    last = f"{info.last_import:%Y-%m-%d %H:%M} UTC" if info.last_import else "never"
    say(f"{info.location}")
    say(f"  structures: {info.structures:,} ({info.structures_active:,} active)")
    say(f"  services: {info.services:,} ({info.services_active:,} active)")
    say(f"  last import: {last}")
    for source in info.last_sources:
        say(f"    {source}")
    return ExitCode.OK
