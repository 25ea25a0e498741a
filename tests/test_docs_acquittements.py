"""The examples of docs/guides/acquittements.md run, and print what the guide says they print."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from tests_support import SHARED

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guides" / "acquittements.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_the_guide_examples_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMAT_SHARED", str(SHARED))
    monkeypatch.chdir(tmp_path)
    blocks = BLOCK.findall(GUIDE.read_text("utf-8"))
    assert len(blocks) >= 9
    namespace: dict[str, object] = {}
    for number, code in enumerate(blocks, 1):
        expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(code, f"{GUIDE.name} block {number}", "exec"), namespace)  # noqa: S102
        assert output.getvalue().splitlines() == expected, f"block {number}"
