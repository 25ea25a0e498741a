"""Each admin call ``docs/emulateur.md`` shows is accepted (its Python runs with the docs)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from demat_sdk.testing import FakeChorusPro

DOC = Path(__file__).resolve().parents[1] / "docs" / "emulateur.md"
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def _blocks() -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in BLOCK.finditer(DOC.read_text("utf-8"))]


def test_every_admin_call_shown_is_accepted() -> None:
    blocks = _blocks()
    calls: list[tuple[str, str, object]] = []
    for index, (language, text) in enumerate(blocks):
        if language != "http":
            continue
        method, path = text.split()
        body = None
        if index + 1 < len(blocks) and blocks[index + 1][0] == "json" and method == "POST":
            body = json.loads(blocks[index + 1][1])
        calls.append((method, path, body))
    assert [path for _, path, _ in calls] == [
        "/_admin/state",
        "/_admin/seed",
        "/_admin/advance",
        "/_admin/advance",
        "/_admin/faults",
        "/_admin/settings",
    ]
    fake = FakeChorusPro.seeded()
    with httpx.Client(transport=fake.transport(), base_url="http://emulateur.invalid") as http:
        for method, path, body in calls:
            answer = http.request(method, path, json=body)
            assert answer.status_code == 200, (path, answer.text)
    assert fake.structure("33012345600015").designation == "TRAITEUR DU VAL SAS"
    assert len(fake.faults.rules) == 4
    assert fake.settings.business_error_status == 200


def test_every_json_block_is_json() -> None:
    for language, text in _blocks():
        if language == "json":
            json.loads(text)
