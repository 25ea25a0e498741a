"""Field types of the Chorus Pro models: dates as the API really writes them, money, files, lists.

* :data:`ChorusDateTime` / :data:`ChorusDate` read every date shape Chorus Pro sends for fields the
  Swagger types ``date-time``: ``2016-03-18``, ``2016-05-24 15:02``, ``2016-05-24 15:02:07``,
  ``2018-02-16T15:10:25.536+01:00``. Times without an offset stay naive (French local time).
* :data:`JsonDecimal` (amounts, quantities, rates of a request) is a ``Decimal`` sent as a JSON
  number, refused when a JSON number could not carry it exactly; answers use plain ``Decimal``
  (their JSON is parsed with ``Decimal`` floats, so nothing is rounded).
* :data:`FichierBase64` holds a file's bytes; in JSON it travels in base64.
* :data:`LenientList` accepts a single object, or ``null``, where a list is declared.
* :func:`official` makes a request field refuse codes that are not official (or not allowed for
  that operation), while answers keep unknown codes (see :mod:`demat_sdk.chorus.enums`).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, PlainSerializer

from demat_sdk.chorus.enums import ChorusEnum

__all__ = [
    "ChorusDate",
    "ChorusDateTime",
    "FichierBase64",
    "JsonDecimal",
    "LenientList",
    "official",
    "parse_chorus_datetime",
]

Item = TypeVar("Item")
Code = TypeVar("Code", bound=ChorusEnum)

_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)


def parse_chorus_datetime(value: str) -> datetime:
    """Read a date or date-time as Chorus Pro writes it (see the module docstring).

    Raises:
        ValueError: the text is none of those shapes, or not a real date.
    """
    match = _DATE_TIME.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not a date Chorus Pro writes: {value!r}")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    tzinfo = _offset(offset) if offset else None
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        micro,
        tzinfo=tzinfo,
    )


def _offset(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if text[0] == "-" else delta)


def _to_datetime(value: Any) -> Any:
    if isinstance(value, str):
        return parse_chorus_datetime(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        return parse_chorus_datetime(value).date()
    if isinstance(value, datetime):
        return value.date()
    return value


ChorusDateTime = Annotated[datetime, BeforeValidator(_to_datetime)]
"""A date-time read leniently; a date alone becomes midnight."""

ChorusDate = Annotated[date, BeforeValidator(_to_date)]
"""A date read leniently; the time of a date-time is dropped."""


def _exact_json_number(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"an amount must be a finite number, not {value}")
    if value != value.to_integral_value() and Decimal(repr(float(value))) != value:
        raise ValueError(f"{value} has more digits than a JSON number carries exactly")
    return value


def _json_number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


JsonDecimal = Annotated[
    Decimal,
    AfterValidator(_exact_json_number),
    PlainSerializer(_json_number, return_type=int | float, when_used="json"),
]
"""A number of a request (amount, quantity, rate): a ``Decimal`` sent as a JSON number."""


def _decode_base64(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError(f"not base64: {exc}") from None
    return value


def _encode_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


FichierBase64 = Annotated[
    bytes,
    BeforeValidator(_decode_base64),
    PlainSerializer(_encode_base64, return_type=str, when_used="json"),
]
"""A file: raw bytes in Python, base64 text in JSON (read from base64 text or bytes)."""


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    return value


LenientList = Annotated[list[Item], BeforeValidator(_as_list)]
"""A list of an answer that may also arrive as one object, or ``null`` (read as empty)."""


def official(*allowed: ChorusEnum, excluding: Iterable[ChorusEnum] = ()) -> AfterValidator:
    """Validator of a request field: only official codes, and only those this operation takes.

    Use as ``Annotated[StatutFacture, official()]`` (any official code),
    ``Annotated[TypeFacture, official(TypeFacture.FACTURE, TypeFacture.AVOIR)]`` (only those), or
    ``Annotated[TypeFacture, official(excluding=[TypeFacture.ACOMPTE])]`` (all but those).
    """
    subset = frozenset(allowed)
    excluded = frozenset(excluding)

    def check(value: Code) -> Code:
        if not value.is_known:
            raise ValueError(f"{value.value!r} is not an official {type(value).__name__} code")
        if (subset and value not in subset) or value in excluded:
            choices = ", ".join(
                member.value
                for member in type(value)
                if (not subset or member in subset) and member not in excluded
            )
            raise ValueError(f"{value.value!r} is not allowed here (one of: {choices})")
        return value

    return AfterValidator(check)
