"""The v5.17 facets of the values the return-path writers emit, checked before writing.

A :class:`Checks` collects every problem as ``(location, message)`` so one
:class:`~demat_sdk.errors.PesModelError` lists them all. The rules are those of
``PES_V2/Simple_Type.xsd``:

* ``Base_TexteX`` (on ``V_BaseAlphanum``): 1..X characters, not exactly ``" "``, ``"."`` or
  ``"nc"``, not only zeros, no line break once three characters long;
* ``Base_TexteX_Light``: at most X characters;
* ``Base_NumX_Light``: digits only, at most X; ``Base_NumX``: a number > 0 of at most X digits;
* ``Base_AlphanumX_Light``: ``[0-9a-zA-Z]*``, at most X.

Every text must also be made of characters XML allows and, for ISO-8859-1, of Latin-1 ones once
the replacements of :data:`~demat_sdk.pes.acquit._writing.LATIN1_REPLACEMENTS` are applied.
"""

from __future__ import annotations

import re

from demat_sdk.errors import PesModelError
from demat_sdk.pes.acquit._writing import Encoding, prepare_text
from demat_sdk.pes.enums.code import PesCode

__all__ = ["Checks"]

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ALNUM = re.compile(r"[0-9a-zA-Z]*")


class Checks:
    """Problems found in a model, each with the location of the faulty value.

    Args:
        encoding: the encoding the file will be written in.
    """

    def __init__(self, encoding: Encoding) -> None:
        self.encoding = encoding
        self.problems: list[tuple[str, str]] = []

    def add(self, where: str, message: str) -> None:
        """Record a problem."""
        self.problems.append((where, message))

    def raise_if_any(self) -> None:
        """Raise one :class:`PesModelError` listing every problem, if there is one."""
        if self.problems:
            raise PesModelError(self.problems)

    def _characters(self, where: str, value: str) -> str | None:
        if _XML_FORBIDDEN.search(value):
            self.add(where, "contains a control character XML does not allow")
            return None
        prepared = prepare_text(value, self.encoding)
        if self.encoding == "ISO-8859-1":
            outside = sorted({char for char in prepared if ord(char) > 0xFF})
            if outside:
                shown = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in outside)
                self.add(
                    where, f"has characters outside ISO-8859-1: {shown}; write UTF-8 or change them"
                )
                return None
        return prepared

    def texte(self, where: str, value: str | None, maximum: int, *, required: bool = False) -> None:
        """A ``Base_TexteX`` (``V_BaseAlphanum`` restricted to 1..``maximum`` characters)."""
        if value is None:
            if required:
                self.add(where, "is required")
            return
        prepared = self._characters(where, value)
        if prepared is None:
            return
        if not 1 <= len(prepared) <= maximum:
            self.add(where, f"must have 1 to {maximum} characters (has {len(prepared)})")
        elif prepared in (" ", ".", "nc"):
            self.add(where, f"may not be {prepared!r}")
        elif set(prepared) == {"0"}:
            self.add(where, "may not be made of zeros only")
        elif len(prepared) >= 3 and ("\n" in prepared or "\r" in prepared):
            self.add(where, "may not contain a line break")

    def texte_light(self, where: str, value: str | None, maximum: int) -> None:
        """A ``Base_TexteX_Light`` (at most ``maximum`` characters)."""
        if value is None:
            return
        prepared = self._characters(where, value)
        if prepared is not None and len(prepared) > maximum:
            self.add(where, f"must have at most {maximum} characters (has {len(prepared)})")

    def alphanum_light(self, where: str, value: str | None, maximum: int) -> None:
        """A ``Base_AlphanumX_Light`` (``[0-9a-zA-Z]*``, at most ``maximum``)."""
        if value is None:
            return
        if not _ALNUM.fullmatch(value) or not value.isascii():
            self.add(where, "may hold only the letters a-z, A-Z and the digits 0-9")
        elif len(value) > maximum:
            self.add(where, f"must have at most {maximum} characters (has {len(value)})")

    def digits(self, where: str, value: str | None, maximum: int, *, exact: bool = False) -> None:
        """Digits only (``Base_NumX_Light`` as text), at most (or exactly) ``maximum`` of them."""
        if value is None:
            return
        if not value.isascii() or not (value.isdigit() or value == ""):
            self.add(where, "may hold only digits")
        elif exact and len(value) != maximum:
            self.add(where, f"must have exactly {maximum} digits (has {len(value)})")
        elif len(value) > maximum:
            self.add(where, f"must have at most {maximum} digits (has {len(value)})")

    def number_light(self, where: str, value: int | None, maximum: int) -> None:
        """A ``Base_NumX_Light`` held as an ``int``: 0 or more, at most ``maximum`` digits."""
        if value is None:
            return
        if value < 0:
            self.add(where, "may not be negative")
        elif len(str(value)) > maximum:
            self.add(where, f"must have at most {maximum} digits ({value})")

    def number(
        self, where: str, value: int | None, maximum: int, *, required: bool = False
    ) -> None:
        """A ``Base_NumX``: a whole number above 0 of at most ``maximum`` digits."""
        if value is None:
            if required:
                self.add(where, "is required")
            return
        if value <= 0:
            self.add(where, f"must be above 0 ({value})")
        elif len(str(value)) > maximum:
            self.add(where, f"must have at most {maximum} digits ({value})")

    def pattern(self, where: str, value: str | None, regex: re.Pattern[str], rule: str) -> None:
        """A value that must match ``regex`` entirely (``rule`` says it in words)."""
        if value is None:
            return
        if not regex.fullmatch(value) or not value.isascii():
            self.add(where, f"{rule} ({value!r})")

    def known(self, where: str, value: PesCode | None, *, required: bool = False) -> None:
        """A code of the official list (an unknown code read from a file is refused)."""
        if value is None:
            if required:
                self.add(where, "is required")
            return
        if not value.is_known:
            allowed = ", ".join(member.code for member in type(value))
            self.add(where, f"{value.code!r} is not a code of the list ({allowed})")
