"""The budget's instruction: not a code of the file, it drives the model rules."""

from __future__ import annotations

import enum

__all__ = ["Nomenclature"]


class Nomenclature(str, enum.Enum):
    """The budgetary and accounting instruction of a budget (not carried by the file).

    It decides rules Hélios applies: M21 (hospitals) and M22 (medico-social establishments)
    require ``FinJur`` and forbid ``Fonction`` on lines; other instructions forbid ``FinJur``.
    """

    M14 = "M14"
    M21 = "M21"
    M22 = "M22"
    M31 = "M31"
    M4 = "M4"
    M41 = "M41"
    M43 = "M43"
    M49 = "M49"
    M52 = "M52"
    M57 = "M57"
    M61 = "M61"
    M71 = "M71"
    M832 = "M832"

    @property
    def hospitaliere(self) -> bool:
        """Whether it is a hospital instruction (M21, M22)."""
        return self in (Nomenclature.M21, Nomenclature.M22)
