"""What every handler module shares: the route record, the request context, special answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from demat_sdk.chorus.enums import RoleUtilisateur
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state import ChorusState
from demat_sdk.testing.chorus.state.auth import AccountRecord
from demat_sdk.testing.chorus.state.directory import StructureRecord
from demat_sdk.testing.chorus.wire import Body

__all__ = ["Context", "Handler", "HttpAnswer", "Route", "routes"]


@dataclass(frozen=True)
class Context:
    """What a handler works with: the state and the authenticated technical account."""

    state: ChorusState
    account: AccountRecord

    def structure_as(self, structure_id: int | None, role: RoleUtilisateur) -> StructureRecord:
        """A structure the account acts for in ``role``.

        Raises:
            RefusedError: unknown structure, or no such rights on it (20001).
        """
        if structure_id is None:
            raise RefusedError(Refusal.CHAMP_OBLIGATOIRE, "idStructure")
        structure = self.state.directory.structure(structure_id)
        if not self.account.has_role(structure.id_structure_cpp, role):
            raise RefusedError(Refusal.HABILITATION)
        return structure


Handler = Callable[[Context, Body], dict[str, Any]]


class HttpAnswer(Exception):  # noqa: N818 - an answer, not an error of the emulator
    """An answer with a status of its own (413 for a download too big…)."""

    def __init__(self, status: int, payload: dict[str, Any]) -> None:
        self.status = status
        self.payload = payload
        super().__init__(f"HTTP {status}")


@dataclass(frozen=True)
class Route:
    """One operation of the API."""

    operation: str
    method: str
    path: str
    handler: Handler

    @property
    def api_group(self) -> str:
        """The PISTE API the operation belongs to (``factures``, ``structures``…)."""
        return self.path.split("/")[2]


def routes(
    base: str, *entries: tuple[str, str, Handler], method: str = "POST"
) -> tuple[Route, ...]:
    """Routes of one API group: ``(operation, path under base, handler)`` entries."""
    return tuple(
        Route(operation, method, base + path, handler) for operation, path, handler in entries
    )
