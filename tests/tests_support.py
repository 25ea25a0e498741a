"""Paths and readers of the reference material in ``../shared`` used by the tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

SHARED = Path(__file__).resolve().parents[2] / "shared"
SWAGGER_DIR = SHARED / "reference" / "chorus-pro" / "swagger"
PES_DIR = SHARED / "reference" / "pes-v2"
XSD_DIR = PES_DIR / "xsd" / "v5.17"
PES_ALLER_XSD = XSD_DIR / "PES_V2" / "Rev0" / "PES_Aller.xsd"


@cache
def swagger(name: str) -> dict[str, Any]:
    """The official Swagger file ``factures`` or ``structures``."""
    loaded: dict[str, Any] = json.loads((SWAGGER_DIR / f"{name}.json").read_text("utf-8"))
    return loaded


def swagger_enum(prop: str) -> list[str]:
    """The longest enumeration declared for a property name in the Factures Swagger."""
    found: list[list[str]] = []

    def walk(node: object, key: str | None) -> None:
        if isinstance(node, dict):
            if "enum" in node and key == prop:
                found.append(node["enum"])
            for child_key, child in node.items():
                walk(child, child_key)
        elif isinstance(node, list):
            for child in node:
                walk(child, key)

    walk(swagger("factures"), None)
    return max(found, key=len)


@cache
def schema(path: Path) -> etree.XMLSchema:
    """The official schema at ``path`` (compiled once for the whole test session)."""
    return etree.XMLSchema(etree.parse(str(path)))
