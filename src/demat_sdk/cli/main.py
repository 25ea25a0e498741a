"""Entry point of the ``demat`` command: parses the command line and dispatches."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from demat_sdk._version import __version__
from demat_sdk.cli import ack, chorus, demo, directory, emulator, pes
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.errors import DematError

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The ``demat`` argument parser and its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="demat",
        description="Chorus Pro and Hélios (PES V2) for public hospitals.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"demat_sdk {__version__}")
    parser.add_argument("--debug", action="store_true", help="full traces and DEBUG logs")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo.register(commands)
    directory.register(commands)
    emulator.register(commands)
    pes.register(commands)
    ack.register(commands)
    chorus.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``demat`` command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    try:
        code: int = args.run(args)
    except (DematError, OSError) as error:
        # OSError: a file that exists but cannot be read (permissions, a folder, a disk error).
        if args.debug:
            raise
        print(f"demat: {type(error).__name__}: {error}", file=sys.stderr)  # noqa: T201
        return ExitCode.ERROR
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
