"""What crosses the wire between a client and the Chorus Pro emulator, whatever the face."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["JSON_CONTENT_TYPE", "WireRequest", "WireResponse", "business_error", "envelope"]

JSON_CONTENT_TYPE = "application/json;charset=utf-8"
SUCCESS_LIBELLE = "TRA_MSG_00.000"


@dataclass(frozen=True)
class WireRequest:
    """A request as the emulator sees it: method, path, lower-cased headers and raw body."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes = b""

    def json(self) -> Any:
        """The body parsed as JSON (``{}`` when empty). Raises ``ValueError`` if it is not JSON."""
        return json.loads(self.body) if self.body.strip() else {}


@dataclass(frozen=True)
class WireResponse:
    """An answer of the emulator."""

    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of_json(
        cls, payload: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> WireResponse:
        """A JSON answer with Chorus Pro's content type."""
        return cls(
            status=status,
            body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            headers={"content-type": JSON_CONTENT_TYPE, **(headers or {})},
        )


def envelope(**payload: Any) -> dict[str, Any]:
    """A success body: ``codeRetour`` 0 and its usual ``libelle``, then the payload."""
    return {"codeRetour": 0, "libelle": SUCCESS_LIBELLE, **payload}


def business_error(code_retour: int, libelle: str, *, status: int = 400) -> WireResponse:
    """A business refusal, as Chorus Pro sends it (HTTP 400 with the envelope by default)."""
    return WireResponse.of_json({"codeRetour": code_retour, "libelle": libelle}, status=status)
