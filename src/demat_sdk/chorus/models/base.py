"""Base classes of the Chorus Pro models: snake_case names, exact JSON keys as aliases."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic.alias_generators import to_camel

from demat_sdk.chorus.enums import TriSens
from demat_sdk.chorus.models.fields import official
from demat_sdk.errors import InvalidRequestError, ResponseValidationError

__all__ = [
    "ChorusModel",
    "ChorusRequest",
    "ChorusResponse",
    "ParametresRecherche",
    "ParametresRetour",
    "build_request",
    "required_in_answer",
]

Request = TypeVar("Request", bound="ChorusRequest")
Value = TypeVar("Value")


class ChorusModel(BaseModel):
    """A Chorus Pro JSON object read from the API.

    Field names are the JSON keys in snake_case; the exact key is the alias (generated in
    camelCase, or given by hand where Chorus Pro spells it otherwise). Unknown keys are kept
    (``model_extra``) so that a new field on the server side never breaks a client, and a number
    where text is declared (``"identifiantStructure": 99999999999999``) is read as text.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
        frozen=True,
        coerce_numbers_to_str=True,
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


def build_request(model: type[Request], operation: str, /, **fields: Any) -> Request:
    """Build a request body from a method's arguments, refusing bad ones before sending.

    Raises:
        InvalidRequestError: an argument does not fit (a code that is not official, a text
            where a date is expected…), naming the argument and the operation.
    """
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InvalidRequestError(
            f"{where}: {first['msg']}{more}", operation=operation, field=where or None
        ) from None


def required_in_answer(value: Value | None, operation: str, field: str) -> Value:
    """``value``, which a successful answer must hold.

    Raises:
        ResponseValidationError: the answer left it out, naming the operation and the key.
    """
    if value is None:
        raise ResponseValidationError(
            operation=operation, field=field, message=f"the answer holds no {field}"
        )
    return value


class ParametresRetour(ChorusModel):
    """Where a search answer says which page it is (``parametresRetour``)."""

    page_courante: int | None = None
    pages: int | None = None
    nb_resultats_par_page: int | None = None
    total: int | None = None


class ParametresRecherche(ChorusRequest):
    """Paging and sort of a search outside the Swagger files (``parametresRecherche``).

    The sort columns of these searches are not published: ``tri_colonne`` is free text
    (``IdStructure``, ``NomDestinataire``…).
    """

    page_resultat_demandee: int | None = None
    nb_resultats_par_page: int | None = None
    tri_sens: Annotated[TriSens, official()] | None = None
    tri_colonne: str | None = None
