"""Base classes of the Chorus Pro models: snake_case names, exact JSON keys as aliases."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

__all__ = ["ChorusModel", "ChorusRequest", "ChorusResponse"]


class ChorusModel(BaseModel):
    """A Chorus Pro JSON object read from the API.

    Field names are the JSON keys in snake_case; the exact key is the alias (generated in
    camelCase, or given by hand where Chorus Pro spells it otherwise). Unknown keys are kept
    (``model_extra``) so that a new field on the server side never breaks a client.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
        frozen=True,
    )


class ChorusResponse(ChorusModel):
    """An answer of Chorus Pro: the envelope (``codeRetour``, ``libelle``) and the payload.

    A response reaching the caller always has ``code_retour == 0``: the others raise
    :class:`~demat_sdk.errors.ChorusBusinessError`.
    """

    code_retour: int = 0
    libelle: str | None = None


class ChorusRequest(BaseModel):
    """A request body sent to Chorus Pro: only known keys, never ``null`` ones."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="forbid",
        frozen=True,
    )
