"""The guide ``docs/guides/flux-mensuel-pes.md`` runs: its Python blocks, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from test_docs_examples import run_page
from tests_support import PES_ALLER_XSD, XSD_DIR, schema

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "flux-mensuel-pes.md"
SCHEMA = schema(PES_ALLER_XSD)


def test_the_guide_runs_and_its_files_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEMAT_PES_XSD_DIR", str(XSD_DIR))
    run_page(GUIDE, "docs/guides/flux-mensuel-pes.md")
    written = sorted(tmp_path.glob("*.xml"))
    assert [p.name for p in written] == ["PESALR2_26380000500005_250331_001.xml", "flux-utf8.xml"]
    for path in written:
        assert SCHEMA.validate(etree.parse(str(path))), (path, SCHEMA.error_log)
    assert b'encoding="ISO-8859-1"' in written[0].read_bytes()[:60]
    assert b'encoding="UTF-8"' in written[1].read_bytes()[:60]
