"""Chorus Pro's wire format, for the emulator's handlers.

Envelopes, reading request bodies the way the Java API does, paging, and the date and number
formats the real answers use.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from demat_sdk.testing.chorus.refusals import Refusal, RefusedError

__all__ = [
    "SUCCESS_LIBELLE",
    "Body",
    "MalformedRequestError",
    "Paging",
    "day",
    "envelope",
    "minute",
    "money",
    "page",
    "timestamp",
]

SUCCESS_LIBELLE = "TRA_MSG_00.000"

E = TypeVar("E", bound=Enum)


class MalformedRequestError(Exception):
    """The body cannot be read as the operation's input: HTTP 400 "Requête mal formulée"."""


def envelope(**payload: Any) -> dict[str, Any]:
    """A success body: ``codeRetour`` 0 and its usual ``libelle``, then the payload."""
    return {"codeRetour": 0, "libelle": SUCCESS_LIBELLE, **payload}


# --- formats of the answers ----------------------------------------------------------------


def day(value: date | datetime | None) -> str | None:
    """A date as Chorus Pro writes invoice dates: ``2026-01-05``."""
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def minute(value: datetime | None) -> str | None:
    """A time as Chorus Pro writes status dates: ``2026-01-05 09:04``."""
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else None


def timestamp(value: datetime | None) -> str | None:
    """A time as the flux reports write it: ``2026-01-05T09:04:00.000+01:00``."""
    if value is None:
        return None
    return value.isoformat(timespec="milliseconds")


def money(value: Decimal | int | None) -> int | float | None:
    """An amount as a JSON number (``500`` rather than ``500.0``)."""
    if value is None:
        return None
    amount = Decimal(value)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


# --- reading request bodies ----------------------------------------------------------------


class Body:
    """A JSON object of a request, read field by field as Chorus Pro's Java API would.

    A value of the wrong type makes the request malformed (HTTP 400); a missing mandatory value
    is a business refusal naming the field. Numbers given as strings are accepted, like the
    API's JSON reader does.

    Args:
        data: the decoded JSON (``None`` counts as an empty object).
        where: path of this object in the request, for messages (``"destinataire."``).
    """

    def __init__(self, data: Any, where: str = "") -> None:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise MalformedRequestError(
                f"{where.rstrip('.') or 'le corps'} : un objet JSON est attendu"
            )
        self._data: dict[str, Any] = data
        self._where = where

    def __contains__(self, key: str) -> bool:
        return self._data.get(key) is not None

    def _name(self, key: str) -> str:
        return f"{self._where}{key}"

    def _value(self, key: str, required: bool) -> Any:
        value = self._data.get(key)
        if required and (value is None or value == ""):
            raise RefusedError(Refusal.CHAMP_OBLIGATOIRE, self._name(key))
        return value

    def integer(self, key: str, *, required: bool = False) -> int | None:
        """An integer field (``idFacture``…)."""
        value = self._value(key, required)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise MalformedRequestError(f"{self._name(key)} : un entier est attendu")
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise MalformedRequestError(f"{self._name(key)} : un entier est attendu")

    def text(
        self, key: str, *, required: bool = False, max_length: int | None = None
    ) -> str | None:
        """A string field; numbers are accepted and turned into text."""
        value = self._value(key, required)
        if value is None:
            return None
        if isinstance(value, (bool, dict, list)):
            raise MalformedRequestError(f"{self._name(key)} : une chaîne est attendue")
        text = str(value)
        if max_length is not None and len(text) > max_length:
            raise RefusedError(
                Refusal.VALEUR_INVALIDE, f"{self._name(key)} ({max_length} caractères au plus)"
            )
        return text

    def boolean(self, key: str) -> bool | None:
        """A boolean field (``true``/``false``, also as strings)."""
        value = self._data.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise MalformedRequestError(f"{self._name(key)} : un booléen est attendu")

    def decimal(self, key: str, *, required: bool = False) -> Decimal | None:
        """A number field (amounts)."""
        value = self._value(key, required)
        if value is None or value == "":
            return None
        if isinstance(value, (bool, dict, list)):
            raise MalformedRequestError(f"{self._name(key)} : un nombre est attendu")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise MalformedRequestError(f"{self._name(key)} : un nombre est attendu") from None
        if not number.is_finite():
            raise MalformedRequestError(f"{self._name(key)} : un nombre est attendu")
        return number

    def day(self, key: str, *, required: bool = False) -> date | None:
        """A date field: ``2026-01-05``, or a date-time whose date is taken."""
        value = self.text(key, required=required)
        if value is None or value == "":
            return None
        for size, pattern in ((10, "%Y-%m-%d"), (16, "%Y-%m-%d %H:%M"), (19, "%Y-%m-%dT%H:%M:%S")):
            try:
                return datetime.strptime(value[:size], pattern).date()
            except ValueError:
                continue
        raise MalformedRequestError(f"{self._name(key)} : une date AAAA-MM-JJ est attendue")

    def enum(self, key: str, kind: type[E], *, required: bool = False) -> E | None:
        """A field typed by one of the API's enumerations; an unknown code is malformed."""
        value = self.text(key, required=required)
        if value is None or value == "":
            return None
        if value not in kind.__members__:
            raise MalformedRequestError(f"{self._name(key)} : valeur inconnue {value!r}")
        return kind[value]

    def obj(self, key: str) -> Body:
        """A nested object (empty when absent)."""
        return Body(self._data.get(key), f"{self._name(key)}.")

    def first_obj(self, *keys: str) -> Body:
        """The first of several spellings of a nested object that is present."""
        for key in keys:
            if key in self:
                return self.obj(key)
        return Body({}, f"{self._name(keys[0])}.")

    def items(self, key: str) -> list[Body]:
        """A list of objects; a single object is accepted as a list of one."""
        value = self._data.get(key)
        if value is None:
            return []
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            raise MalformedRequestError(f"{self._name(key)} : une liste est attendue")
        return [Body(item, f"{self._name(key)}[{index}].") for index, item in enumerate(value)]

    def values(self, key: str, read: Callable[[Any], Any]) -> list[Any]:
        """A list of plain values, each converted by ``read``.

        ``read`` failing (``ValueError``, ``TypeError``, ``KeyError`` — an enumeration's
        ``__getitem__`` for unknown codes) makes the request malformed.
        """
        value = self._data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            value = [value]
        try:
            return [read(item) for item in value]
        except (TypeError, ValueError, KeyError):
            raise MalformedRequestError(f"{self._name(key)} : valeur invalide") from None


# --- paging --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paging:
    """What a search asks for: page, page size, cap, sort column and order."""

    page: int = 1
    per_page: int = 10
    maximum: int | None = None
    column: str | None = None
    descending: bool = True

    @classmethod
    def read(
        cls,
        body: Body,
        *,
        page: str = "pageResultatDemandee",
        per_page: str = "nbResultatsParPage",
        sens: str = "triSens",
        colonne: str = "triColonne",
        maximum: Sequence[str] = ("nbResultatsMaximum", "getnbResultatsMaximum"),
        default_column: str | None = None,
    ) -> Paging:
        """Read the paging object of a request (field names differ per operation)."""
        requested = body.integer(page) or 1
        size = body.integer(per_page) or 10
        if requested < 1:
            raise RefusedError(Refusal.VALEUR_INVALIDE, body._name(page))
        if size < 1:
            raise RefusedError(Refusal.VALEUR_INVALIDE, body._name(per_page))
        cap = next((body.integer(key) for key in maximum if key in body), None)
        order = body.text(sens) or "Descendant"
        if order not in ("Ascendant", "Descendant"):
            raise MalformedRequestError(f"{body._name(sens)} : valeur inconnue {order!r}")
        return cls(
            requested, size, cap, body.text(colonne) or default_column, order == "Descendant"
        )


def page(
    items: Iterable[Mapping[str, Any]],
    paging: Paging,
    *,
    sort_keys: Mapping[str, str] | None = None,
) -> tuple[list[Mapping[str, Any]], dict[str, int]]:
    """Sort, cap and cut the items of a search; returns the page and its counters.

    The sort column is the PascalCase name of an item key (``DateDepot`` sorts on
    ``dateDepot``) unless ``sort_keys`` maps it to another key; items without it come last, and
    ties keep the order of ``items`` (reversed for a descending sort, so that the latest of
    items listed oldest first comes first). Counters: ``pageCourante``, ``pages``,
    ``nbResultatsParPage``, ``total``.
    """
    rows = list(items)
    if paging.column:
        if paging.descending:
            rows.reverse()  # ties keep the latest first (items come oldest first)
        key = (sort_keys or {}).get(paging.column) or paging.column[:1].lower() + paging.column[1:]
        present = [row for row in rows if row.get(key) is not None]
        missing = [row for row in rows if row.get(key) is None]
        present.sort(key=lambda row: _sortable(row[key]), reverse=paging.descending)
        rows = present + missing
    if paging.maximum is not None:
        rows = rows[: max(paging.maximum, 0)]
    total = len(rows)
    start = (paging.page - 1) * paging.per_page
    counters = {
        "pageCourante": paging.page,
        "pages": math.ceil(total / paging.per_page) if total else 0,
        "nbResultatsParPage": paging.per_page,
        "total": total,
    }
    return rows[start : start + paging.per_page], counters


def _sortable(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return value.casefold()
    return value
