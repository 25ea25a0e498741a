"""The kinds of simple type of the PES V2 schema set: what a ``V`` attribute may hold.

Every ``Base_*`` complex type of ``Simple_Type.xsd`` is an empty element with one required
attribute ``V`` whose type carries the facets (length, pattern, digits, bounds). A
:class:`SimpleType` parses, formats and checks the values of one such type; the constants of
:mod:`demat_sdk.pes.simpletypes.catalogue` are the types of v5.17, built from these kinds.

Two patterns shared by most text types are checked in code rather than as regular expressions:
``V_BaseString`` (a value may not be exactly ``" "``, ``"."`` or ``"nc"``, and from three
characters on it may not hold a line break, which the XSD ``.`` does not match) and
``V_BaseAlphanum`` (a value may not be made of zeros only). No text may hold a character
XML 1.0 cannot carry.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Generic, TypeVar

__all__ = [
    "Annee",
    "Booleen",
    "Code",
    "Date",
    "Nombre",
    "SimpleType",
    "Texte",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN_OR_BREAK = re.compile("[\x00-\x08\x0a-\x1f\ud800-\udfff\ufffe\uffff]").search
_BASE_STRING_FORBIDDEN = frozenset({" ", ".", "nc"})


class SimpleType(Generic[T]):
    """A simple type of the schema: parses, formats and checks the values of one kind.

    Attributes:
        name: the name of the XSD complex type (``Base_Texte38``), for messages and tables.
    """

    name: str
    python_type: type

    def parse(self, raw: str) -> T:
        """The value of a ``V`` attribute as read from a file (``ValueError`` if unreadable)."""
        raise NotImplementedError

    def format(self, value: T) -> str:
        """The text written in the ``V`` attribute (the value is assumed checked)."""
        raise NotImplementedError

    def problem(self, value: object) -> str | None:
        """Why ``value`` does not fit this type, or ``None`` when it does."""
        raise NotImplementedError

    def describe(self) -> str:
        """A short human description of the facets, for documentation tables."""
        return self.name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


class Texte(SimpleType[str]):
    """A string type: length bounds, optional patterns, the two shared text rules."""

    python_type = str

    def __init__(
        self,
        name: str,
        *,
        max_length: int | None,
        min_length: int = 0,
        patterns: Sequence[str] = (),
        base_string: bool = False,
        not_all_zeros: bool = False,
    ) -> None:
        self.name = name
        self.max_length = max_length
        self.min_length = min_length
        self.patterns = tuple(patterns)
        self._compiled = tuple(re.compile(p) for p in self.patterns)
        self.base_string = base_string
        self.not_all_zeros = not_all_zeros

    def parse(self, raw: str) -> str:
        """Texts are kept exactly as read."""
        return raw

    def format(self, value: str) -> str:
        """Texts are written as they are (escaping is the writer's job)."""
        return value

    def problem(self, value: object) -> str | None:
        """Length, shared text rules, patterns and XML-compatible characters."""
        if type(value) is str:  # fast path: the usual valid text
            length = len(value)
            if (
                self.min_length <= length
                and (self.max_length is None or length <= self.max_length)
                and not (self.base_string and length < 3 and value in _BASE_STRING_FORBIDDEN)
                and not (self.not_all_zeros and not value.strip("0"))
                and not _FORBIDDEN_OR_BREAK(value)
                and all(c.fullmatch(value) for c in self._compiled)
            ):
                return None
        return self._problem(value)

    def _problem(self, value: object) -> str | None:
        if type(value) is not str:
            if isinstance(value, str):
                value = str(value)
            else:
                return f"expected a text, got {type(value).__name__} {value!r}"
        length = len(value)
        if length < self.min_length:
            if length == 0:
                return "is empty"
            return f"{value!r} is shorter than {self.min_length} characters"
        if self.max_length is not None and length > self.max_length:
            return f"{length} characters, more than the {self.max_length} allowed"
        if self.base_string and value in _BASE_STRING_FORBIDDEN:
            return f"{value!r} is not accepted (a value may not be ' ', '.' or 'nc')"
        if self.not_all_zeros and not value.strip("0"):
            return f"{value!r} is not accepted (zeros only)"
        if self.base_string and length >= 3 and ("\n" in value or "\r" in value):
            return "contains a line break"
        if _FORBIDDEN_CHARS.search(value):
            return "contains a control character XML cannot carry"
        for pattern, compiled in zip(self.patterns, self._compiled, strict=True):
            if not compiled.fullmatch(value):
                return f"{value!r} does not match the pattern {pattern}"
        return None

    def describe(self) -> str:
        """``texte 1..38`` and the patterns."""
        if self.max_length is None:
            size = f"{self.min_length}.." if self.min_length else ""
        elif self.min_length == self.max_length:
            size = f"{self.max_length}"
        else:
            size = f"{self.min_length}..{self.max_length}"
        parts = [f"texte {size}".strip()]
        parts.extend(f"motif {p}" for p in self.patterns)
        if self.not_all_zeros:
            parts.append("pas que des zéros")
        return ", ".join(parts)


class Nombre(SimpleType[Any]):
    """A decimal type: total and fraction digits, bounds. Integers when no fraction digit."""

    def __init__(
        self,
        name: str,
        *,
        total_digits: int | None,
        fraction_digits: int,
        min_exclusive: Decimal | None = None,
        min_inclusive: Decimal | None = None,
        max_exclusive: Decimal | None = None,
    ) -> None:
        self.name = name
        self.total_digits = total_digits
        self.fraction_digits = fraction_digits
        self.min_exclusive = min_exclusive
        self.min_inclusive = min_inclusive
        self.max_exclusive = max_exclusive
        self.is_integer = fraction_digits == 0
        # what the fast path of problem() needs
        self._negative_ok = min_exclusive is None and min_inclusive is None
        self._zero_ok = self._negative_ok or (min_inclusive is not None and min_inclusive <= 0)
        self._integer_digits = (total_digits or 0) - fraction_digits
        self._high = 10 ** (total_digits or 0)
        self._low = -self._high if self._negative_ok else 0
        self.python_type = int if self.is_integer else Decimal
        self._format = "{}" if self.is_integer else f"{{:.{fraction_digits}f}}"

    def parse(self, raw: str) -> Any:
        """``int`` for integer types, ``Decimal`` otherwise."""
        if self.is_integer:
            try:
                return int(raw)
            except ValueError:
                number = _decimal(raw)
                if number != number.to_integral_value():
                    raise ValueError(f"{raw!r} is not an integer") from None
                return int(number)
        return _decimal(raw)

    def format(self, value: Any) -> str:
        """Integers as they are; amounts with their fraction digits (``1000.00``)."""
        return self._format.format(value)

    def problem(self, value: object) -> str | None:
        """Type, digits and bounds."""
        if type(value) is int and self.is_integer and self.total_digits is not None:
            if self._low < value < self._high or (self._zero_ok and value == 0):
                return None
        elif (
            isinstance(value, Decimal)
            and type(value) is Decimal
            and not self.is_integer
            and self.total_digits is not None
        ):
            text = str(value)
            point = text.find(".")
            if "E" not in text and "N" not in text and "I" not in text:
                decimals = len(text) - point - 1 if point >= 0 else 0
                digits = (point if point >= 0 else len(text)) - (text[0] == "-")
                if (
                    decimals <= self.fraction_digits
                    and digits <= self._integer_digits
                    and ((self._zero_ok and value >= 0) or value > 0 or self._negative_ok)
                ):
                    return None
        return self._problem(value)

    def _problem(self, value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            wanted = "an integer" if self.is_integer else "a Decimal"
            return f"expected {wanted}, got {type(value).__name__} {value!r}"
        if (
            self.is_integer
            and isinstance(value, Decimal)
            and (not value.is_finite() or value != value.to_integral_value())
        ):
            return f"{value} is not an integer"
        number = Decimal(value)
        if not number.is_finite():
            return f"{value} is not a number"
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101 - finite numbers have an int exponent
        if -exponent > self.fraction_digits and number != round(number, self.fraction_digits):
            return f"{value} has more than {self.fraction_digits} decimals"
        if self.total_digits is not None:
            integer_digits = len(str(abs(int(number)))) if int(number) else 0
            if integer_digits > self.total_digits - self.fraction_digits:
                return f"{value} has more than {self.total_digits} digits"
        if self.min_exclusive is not None and not number > self.min_exclusive:
            return f"{value} must be greater than {self.min_exclusive}"
        if self.min_inclusive is not None and number < self.min_inclusive:
            return f"{value} must not be negative"
        if self.max_exclusive is not None and not number < self.max_exclusive:
            return f"{value} must be below {self.max_exclusive}"
        return None

    def describe(self) -> str:
        """``entier > 0, 7 chiffres`` or ``montant ≥ 0 (14, 2)``."""
        kind = "entier" if self.is_integer else "décimal"
        if self.min_exclusive is not None:
            kind += f" > {self.min_exclusive}"
        elif self.min_inclusive is not None:
            kind += f" ≥ {self.min_inclusive}"
        if self.max_exclusive is not None:
            kind += f" < {self.max_exclusive}"
        if self.total_digits is not None:
            kind += f", {self.total_digits} chiffres"
        if self.fraction_digits:
            kind += f" dont {self.fraction_digits} décimales"
        return kind


def _decimal(raw: str) -> Decimal:
    try:
        number = Decimal(raw.strip())
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{raw!r} is not a number")
    return number


class Date(SimpleType[dt.date]):
    """``xs:date`` without time zone (``2025-03-14``)."""

    name = "Base_Date"
    python_type = dt.date

    def parse(self, raw: str) -> dt.date:
        """ISO date."""
        return dt.date.fromisoformat(raw.strip())

    def format(self, value: dt.date) -> str:
        """ISO date."""
        return value.isoformat()

    def problem(self, value: object) -> str | None:
        """A ``datetime.date`` (not a datetime)."""
        if type(value) is not dt.date:
            return f"expected a date, got {type(value).__name__} {value!r}"
        return None

    def describe(self) -> str:
        """``date``."""
        return "date AAAA-MM-JJ"


class Annee(SimpleType[int]):
    """``xs:gYear``: a year of four digits."""

    name = "Base_Annee"
    python_type = int

    def parse(self, raw: str) -> int:
        """The year as an int."""
        text = raw.strip()
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"{raw!r} is not a year")
        return int(text)

    def format(self, value: int) -> str:
        """Four digits."""
        return f"{value:04d}"

    def problem(self, value: object) -> str | None:
        """An int between 1000 and 9999."""
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected a year, got {type(value).__name__} {value!r}"
        if not 1000 <= value <= 9999:
            return f"{value} is not a year of four digits"
        return None

    def describe(self) -> str:
        """``année``."""
        return "année AAAA"


class Booleen(SimpleType[bool]):
    """``xs:boolean``, written ``0`` or ``1``."""

    name = "Base_Booleen"
    python_type = bool
    _VALUES: ClassVar[dict[str, bool]] = {"0": False, "1": True, "false": False, "true": True}

    def parse(self, raw: str) -> bool:
        """``0``, ``1``, ``false`` or ``true``."""
        try:
            return self._VALUES[raw.strip()]
        except KeyError:
            raise ValueError(f"{raw!r} is not a boolean (0 or 1)") from None

    def format(self, value: bool) -> str:
        """``1`` or ``0``."""
        return "1" if value else "0"

    def problem(self, value: object) -> str | None:
        """A bool."""
        if type(value) is not bool:
            return f"expected True or False, got {type(value).__name__} {value!r}"
        return None

    def describe(self) -> str:
        """``booléen``."""
        return "booléen 0/1"


class Code(SimpleType[E]):
    """A closed list of codes, carried by an enumeration of :mod:`demat_sdk.pes.enums`."""

    def __init__(self, enum_type: type[E], name: str) -> None:
        self.enum_type = enum_type
        self.python_type = enum_type
        self.name = name

    def parse(self, raw: str) -> E:
        """The member for the code; unknown codes are kept (``is_known`` is ``False``)."""
        return self.enum_type(raw)

    def format(self, value: E) -> str:
        """The code."""
        return str(value.value)

    def problem(self, value: object) -> str | None:
        """A known member of the enumeration."""
        if not isinstance(value, self.enum_type):
            wanted = self.enum_type.__name__
            try:
                member = self.enum_type(value)
            except ValueError:
                return f"{value!r} is not a code of {wanted}"
            return (
                f"expected a {wanted}, got {type(value).__name__} {value!r}"
                f" (use {wanted}.{member.name})"
            )
        if not getattr(value, "is_known", True):
            codes = ", ".join(str(m.value) for m in self.enum_type)
            return f"unknown code {value.value!r} (expected one of {codes})"
        return None

    def describe(self) -> str:
        """``code PES (TypeBordereau…)``."""
        return f"code ({self.enum_type.__name__})"
