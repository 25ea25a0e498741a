"""The command lines of docs/ligne-de-commande.md are real: each parses, each command is there.

Every ``$ demat …`` line of the page's ```` ```console ```` blocks goes through the command's own
argument parser (an unknown option, a missing argument or a wrong choice fails the test), and
every sub-command the parser knows must appear on at least one of those lines, so that a new
sub-command cannot go undocumented.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from demat_sdk.cli.exit_codes import ExitCode
from demat_sdk.cli.main import build_parser

PAGE = Path(__file__).resolve().parents[1] / "docs" / "ligne-de-commande.md"
_CONSOLE = re.compile(r"^```console\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def documented_commands() -> list[list[str]]:
    """The arguments of each ``$ demat …`` line of the page's console blocks."""
    text = PAGE.read_text("utf-8")
    commands = []
    for block in _CONSOLE.finditer(text):
        for line in block["body"].splitlines():
            if line.startswith("$ demat"):
                commands.append(shlex.split(line.removeprefix("$ demat")))
    return commands


def command_paths(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Every sub-command of the parser, as ``"chorus deposit"``, leaves only."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield " ".join(path)
        return
    for name, child in subparsers[0].choices.items():
        yield from command_paths(child, (*path, name))


def _path_of(arguments: list[str]) -> str:
    """The sub-command a documented line runs (its leading words that name commands)."""
    known = set(command_paths(build_parser()))
    words = [word for word in arguments if not word.startswith("-")]
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if candidate in known:
            return candidate
    return ""


def test_the_page_shows_commands() -> None:
    assert len(documented_commands()) >= 20


@pytest.mark.parametrize("arguments", documented_commands(), ids=shlex.join)
def test_each_documented_command_line_parses(arguments: list[str]) -> None:
    parser = build_parser()
    errors = io.StringIO()
    code: object = 0
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        try:
            parser.parse_args(arguments)
        except SystemExit as leaving:  # --help, or a usage error
            code = leaving.code
    assert code == 0, f"demat {shlex.join(arguments)}: {errors.getvalue()}"


def test_every_sub_command_is_documented() -> None:
    documented = {_path_of(arguments) for arguments in documented_commands()}
    missing = set(command_paths(build_parser())) - documented
    assert not missing, f"docs/ligne-de-commande.md does not show: {sorted(missing)}"


@pytest.mark.parametrize("path", sorted(command_paths(build_parser())))
def test_each_sub_command_has_a_help(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        build_parser().parse_args([*path.split(), "--help"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: demat {path}")


def test_a_wrong_option_in_the_page_would_fail() -> None:
    with pytest.raises(SystemExit) as leaving, contextlib.redirect_stderr(io.StringIO()):
        build_parser().parse_args(["chorus", "todo", "--no-such-option"])
    assert leaving.value.code == 2


def test_the_exit_code_table_is_the_commands_one() -> None:
    text = PAGE.read_text("utf-8")
    table = text[text.index("Codes de sortie") :].split("\n\n")[1]
    rows = re.findall(r"^\| (\d) \| `(\w+)` \|", table, re.MULTILINE)
    assert [(int(code), name) for code, name in rows] == [(c.value, c.name) for c in ExitCode]
