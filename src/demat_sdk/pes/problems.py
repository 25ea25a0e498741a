"""A problem found in a PES flux, by the reader, the model rules or the official XSD."""

from __future__ import annotations

import dataclasses
from typing import Literal

__all__ = ["Origin", "Problem"]

Origin = Literal["read", "model", "xsd"]


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem, with where it is.

    Attributes:
        location: the object at fault, readable by a clerk
            (``"depense / bordereau 12 / mandat 345 / ligne 2 / montant_ht"``), or ``""`` for
            the file.
        message: what is wrong.
        origin: ``"read"`` (the reader), ``"model"`` (the model rules) or ``"xsd"``.
        line: the line in the source file, when the problem comes from one.
        element: the element concerned (``"Bordereau/BlocBordereau/NbrPce"``), when known.
    """

    location: str
    message: str
    origin: Origin = "model"
    line: int | None = None
    element: str | None = None

    def __str__(self) -> str:
        where = self.location
        if self.line is not None:
            where = f"{where} (line {self.line})" if where else f"line {self.line}"
        if self.element and self.origin != "model":
            where = f"{where} <{self.element}>" if where else f"<{self.element}>"
        return f"{where}: {self.message}" if where else self.message
