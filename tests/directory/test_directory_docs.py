"""The guide ``docs/annuaire.md``: its Python examples run, in order, and its commands too."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from demat_sdk.cli import main

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "annuaire.md"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[str]:
    return [body for kind, body in _BLOCK.findall(GUIDE.read_text("utf-8")) if kind == language]


def test_the_guide_has_examples() -> None:
    assert len(_blocks("python")) >= 8
    assert _blocks("console")


def test_the_python_examples_run_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "annuaire_md"}
    for number, block in enumerate(_blocks("python"), start=1):
        code = compile(block, f"{GUIDE.name} (python block {number})", "exec")
        exec(code, namespace)  # noqa: S102 - the guide's own examples
    out = capsys.readouterr().out
    assert "abime.csv, line 2, column Identifiant: SIRET" in out
    assert "Hygiène des codes service" in out
    assert "telechargerAnnuaireDestinataire!structures.csv" in out


def test_the_commands_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from demat_sdk.directory.synthetic import write_export

    monkeypatch.chdir(tmp_path)
    write_export("export", structures=300, services=900)
    commands = [
        line.removeprefix("$ ")
        for block in _blocks("console")
        for line in block.splitlines()
        if line.startswith("$ demat ")
    ]
    assert commands
    for command in commands:
        code = main(shlex.split(command)[1:])
        assert code in (0, 3), (command, capsys.readouterr())
