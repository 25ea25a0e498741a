"""The guide ``docs/guides/flux-mensuel-pes.md`` runs: its Python blocks, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tests_support import XSD_DIR

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "flux-mensuel-pes.md"
SCHEMA = etree.XMLSchema(etree.parse(str(XSD_DIR / "PES_V2" / "Rev0" / "PES_Aller.xsd")))


def test_the_guide_runs_and_its_files_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text("utf-8"), flags=re.S)
    assert len(blocks) >= 6
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEMAT_PES_XSD_DIR", str(XSD_DIR))
    namespace: dict[str, object] = {"__name__": "guide"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{GUIDE.name}[{number}]", "exec"), namespace)  # noqa: S102
    written = sorted(tmp_path.glob("*.xml"))
    assert [p.name for p in written] == ["PESALR2_26380000500005_250331_001.xml", "flux-utf8.xml"]
    for path in written:
        assert SCHEMA.validate(etree.parse(str(path))), (path, SCHEMA.error_log)
    assert b'encoding="ISO-8859-1"' in written[0].read_bytes()[:60]
    assert b'encoding="UTF-8"' in written[1].read_bytes()[:60]
    out = capsys.readouterr().out
    assert "Avis des sommes à payer CPP." in out
    assert "BordereauDepense.numero" in out
