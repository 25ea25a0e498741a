"""The base of every PES code list: a lenient ``str`` enumeration carrying its official label.

A member's value is the code as written in the ``V`` attribute (``"02"``); its name spells
the label out (``PRISE_EN_CHARGE``) or, for the codes the schemas list without a label, is
``CODE_<code>``; ``libelle`` is the documentation of the code in the v5.17 schema set, word for
word. A code the list does not hold (a newer schema version, a simulator's ``"AA"``) is kept as
a member-like value named ``UNKNOWN_<code>`` whose ``is_known`` is ``False``: reading never
breaks on it, the validation reports it and the writers refuse it. ``PesCode`` is to PES what
``ChorusEnum`` is to Chorus Pro (``pes`` may not import ``chorus``, hence two bases).
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["PesCode"]


class PesCode(str, enum.Enum):
    """Base of the PES code lists: a ``str`` (the code) with its official ``libelle``."""

    libelle: str
    """The label the official schema documents for this code (``""`` for an unknown code)."""

    def __new__(cls, code: str, libelle: str = "") -> PesCode:
        """A member: the code is the value, the label rides along."""
        member = str.__new__(cls, code)
        member._value_ = code
        member.libelle = libelle
        return member

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str) or not value:
            return None
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        member.libelle = ""
        return member

    @property
    def code(self) -> str:
        """The code as written in the file (``"02"``)."""
        return str(self._value_)

    @property
    def is_known(self) -> bool:
        """Whether the code is one of the v5.17 list (``False`` for an unknown code read)."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self._value_)
