"""Entry point of the ``demat`` command: parses the command line and dispatches.

Whatever goes wrong ends in one line on stderr and an exit code of the table, never a
traceback (``--debug`` lets the traceback through):

* a :class:`~demat_sdk.errors.DematError` or an :class:`OSError` of a file: ``demat: <message>``,
  exit 1 (with ``--json``, the same message as a JSON document on stdout);
* Ctrl-C: ``demat: interrupted`` (and, while following a Chorus Pro flux, how to resume),
  exit 130 as shells report an interrupted command;
* standard output closed early (``demat demo | head -1``): nothing more is printed, exit 141
  as shells report a command stopped by SIGPIPE.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from demat_sdk._version import __version__
from demat_sdk.cli import ack, chorus, demo, directory, emulator, output, pes
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.errors import DematError

__all__ = ["INTERRUPTED", "PIPE_CLOSED", "main"]

INTERRUPTED = 130
"""Exit code after Ctrl-C (128 + SIGINT), as shells report an interrupted command."""

PIPE_CLOSED = 141
"""Exit code when standard output was closed early (128 + SIGPIPE), as shells report it."""


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
    _debug_anywhere(parser)
    return parser


def _debug_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``--debug`` come after the sub-command too (``demat pes validate --debug F``)."""
    for action in parser._actions:  # argparse lists sub-parsers nowhere else
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                if not subparser._subparsers:
                    subparser.add_argument(
                        "--debug",
                        action="store_true",
                        default=argparse.SUPPRESS,
                        help="full traces and DEBUG logs",
                    )
                _debug_anywhere(subparser)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``demat`` command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    output.start_run()
    try:
        code = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return PIPE_CLOSED
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        if args.debug:
            raise
        hint = getattr(args, "interrupt_hint", None)
        output.error(f"interrupted; {hint}" if hint else "interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        raise
    except (DematError, OSError) as failure:
        # OSError: a file that exists but cannot be read (permissions, a disk error).
        if args.debug:
            raise
        output.error(output.cli_words(output.message_of(failure)))
        code = ExitCode.ERROR
    if code in (ExitCode.ERROR, ExitCode.USAGE) and getattr(args, "json", False):
        output.json_error(code)
    return code


def _silence_stdout() -> None:
    """Point standard output at /dev/null, lest the interpreter's last flush fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return  # not a real file (a test's capture): nothing will be flushed to a pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
