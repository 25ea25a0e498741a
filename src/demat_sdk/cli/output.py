"""How the ``demat`` commands print: aligned tables for people, JSON for programs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

__all__ = [
    "add_json_option",
    "amount",
    "cli_words",
    "error",
    "json_error",
    "message_of",
    "missing_files",
    "print_json",
    "print_table",
    "say",
    "start_run",
]

# The directory import's advice names its Python parameter; the command has an option instead.
# (The PES readers' limits are typed: ``pes_files`` turns ``PesTooLargeError.limit`` into advice.)
_CLI_WORDS = (("import it with encoding='cp1252'", "give --encoding cp1252"),)


@dataclasses.dataclass
class _Run:
    """What one run of the command said: its error lines, and whether it printed JSON."""

    errors: list[str] = dataclasses.field(default_factory=list)
    printed_json: bool = False


_run = _Run()


def add_json_option(parser: Any) -> None:
    """Give a command the ``--json`` option."""
    parser.add_argument(
        "--json", action="store_true", help="print JSON (for programs) instead of tables"
    )


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a titled table whose columns are aligned (numbers to the right)."""
    print(f"\n{title}")  # noqa: T201
    if not rows:
        print("  (none)")  # noqa: T201
        return
    cells = [[_text(value) for value in row] for row in rows]
    widths = [
        max(len(header), *(len(row[index]) for row in cells))
        for index, header in enumerate(headers)
    ]
    numeric = [
        all(isinstance(row[index], (int, Decimal)) for row in rows if row[index] is not None)
        for index in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        return (
            "  "
            + "  ".join(
                value.rjust(width) if right else value.ljust(width)
                for value, width, right in zip(values, widths, numeric, strict=True)
            ).rstrip()
        )

    print(line(headers))  # noqa: T201
    print("  " + "  ".join("-" * width for width in widths))  # noqa: T201
    for row in cells:
        print(line(row))  # noqa: T201


def amount(value: Decimal | None) -> str:
    """An amount as a clerk reads it: ``1 234.50``."""
    if value is None:
        return ""
    return f"{value:,.2f}".replace(",", " ")


def print_json(document: object) -> None:
    """Print a document as indented JSON (dates ISO, amounts as strings, codes as codes)."""
    print(json.dumps(_plain(document), ensure_ascii=False, indent=2))  # noqa: T201
    _run.printed_json = True


def say(text: str) -> None:
    """Print a line for people on standard output."""
    print(text)  # noqa: T201


def error(message: str) -> None:
    """Print a one-line error on standard error."""
    print(f"demat: {message}", file=sys.stderr)  # noqa: T201
    _run.errors.append(message)


def start_run() -> None:
    """Forget what an earlier run said (``main`` may run several times in one process)."""
    _run.errors.clear()
    _run.printed_json = False


def json_error(code: int) -> None:
    """With ``--json``, a command that failed prints its error lines as a JSON document.

    Nothing is printed when the command printed its JSON document already.
    """
    if _run.printed_json:
        return
    message = "; ".join(_run.errors) or "failed"
    print_json({"error": {"message": message, "exit_code": int(code)}})


def message_of(failure: BaseException) -> str:
    """The message of an error, without the Python class name (a file's name first)."""
    if isinstance(failure, OSError) and failure.strerror:
        return f"{failure.filename}: {failure.strerror}" if failure.filename else failure.strerror
    return str(failure)


def cli_words(message: str) -> str:
    """A library message with its Python parameters named as the command's options."""
    for library, command in _CLI_WORDS:
        message = message.replace(library, command)
    return message


def missing_files(*paths: Path | None) -> bool:
    """Say which of ``paths`` is not a file (``None`` is skipped); true if one is missing.

    A missing file, or a folder given for a file, is a usage error for every ``demat``
    command (exit code 2).
    """
    absent = [path for path in paths if path is not None and not path.is_file()]
    for path in absent:
        error(f"{path}: is a folder, not a file" if path.is_dir() else f"{path}: no such file")
    return bool(absent)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return amount(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
